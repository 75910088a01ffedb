import ICTIndexTestSupport
import Testing

@testable import ICTIndexCore

@Suite struct ExplanationTests {
    @Test("every number of unit A can be checked by hand (Vietnamese)")
    func explainA() throws {
        let board = try Engine(framework: ExampleIndex.tiny).score(ExampleIndex.tinyData)
        let explanation = try #require(board.explain("A"))
        try assertSnapshot(explanation.description, named: "explain-A-vi")
    }

    @Test("not-applicable, missing and appraised values are said in words (English)")
    func explainC() throws {
        var data = ExampleIndex.tinyData
        data["C", "computers"] = Dataset.Entry(
            value: .number(10), source: .appraised, selfAssessed: .number(18))
        let board = try Engine(framework: ExampleIndex.tiny).score(data)
        let explanation = try #require(board.explain("C", language: .en))
        try assertSnapshot(explanation.description, named: "explain-C-en")
        #expect(explanation.description.contains("computers (computers) = 10 (self-assessed 18, appraised 10)"))
    }

    @Test("peer-relative rules show their peer statistics")
    func explainPeers() throws {
        let framework = ExampleIndex.framework(
            variables: ExampleIndex.numbers("x"),
            pillars: [
                [
                    ExampleIndex.indicator(
                        "x", rules: [.zscore(over: .group, mean: 0, sd: 1, sdOf: .sample), .minmax(over: .group, range: 0...100)])
                ]
            ])
        let board = try Engine(framework: framework).score(
            ExampleIndex.dataset([("U1", "all", ["x": .number(2)]), ("U2", "all", ["x": .number(4)]), ("U3", "all", ["x": .number(6)])]))
        let text = try #require(board.explain("U2", language: .en)).description
        #expect(text.contains("rule zscore over group 'all' (n = 3, μ 4, σ 2 (sample)): (4 − μ) / σ × 1 + 0 = 0"))
        #expect(text.contains("rule minmax over group 'all' (n = 3, min -1, max 1): (0 − -1) / (1 − -1) = 0.5 → [0, 100]: 50"))
    }

    @Test("an unknown unit has no explanation")
    func unknown() throws {
        let board = try Engine(framework: ExampleIndex.tiny).score(ExampleIndex.tinyData)
        #expect(board.explain("Z") == nil)
    }
}
