import ICTIndexTestSupport
import OrderedCollections
import Testing

@testable import ICTIndexCore

@Suite struct EngineTests {
    let scoreboard: Scoreboard

    init() throws {
        scoreboard = try Engine(framework: ExampleIndex.tiny).score(ExampleIndex.tinyData)
    }

    func node(_ unit: String, _ node: String) throws -> NodeResult {
        try #require(scoreboard.result(for: UnitCode(unit), node: NodeID(node)))
    }

    // Worked out by hand (ExampleIndex.tiny):
    // A: computers 34/40 = 0.85 → 85; bandwidth 100 / max(100, 50) = 1 → 100; infra = (20×85 + 20×100)/40 = 92.5
    //    meetings 4 → 20/20 → 100; chair → 20/20 → 100; portal yes → 100; apps 3/5 → 60
    //    gov = (20×100 + 20×100 + 10×100 + 10×60)/60 = 93.333…; index = 0.4×92.5 + 0.6×93.333… = 93
    // B: computers 50/50 → 100; bandwidth 50/100 → 50; infra 75
    //    meetings 3 → 15/20 → 75; deputy → 10/20 → 50; portal no → 0; apps 7 → clamp → 100
    //    gov = (1500 + 1000 + 0 + 1000)/60 = 58.333…; index = 30 + 35 = 65
    // C (commune, its own peer group): computers 10/20 → 50; bandwidth 20/20 → 100; infra 75
    //    portal does not apply: gov renormalised over 50; meetings 1 → 5/20 → 25; none → 0; apps missing → 0
    //    gov = (20×25)/50 = 10; index = 30 + 6 = 36
    @Test("the tiny framework scores as worked out by hand")
    func tinyScores() throws {
        let a = try #require(scoreboard.result(for: "A"))
        let b = try #require(scoreboard.result(for: "B"))
        let c = try #require(scoreboard.result(for: "C"))
        #expect(a.published == 93)
        #expect(b.published == 65)
        #expect(c.published == 36)
        #expect(try node("A", "infra").value == 92.5)
        #expect(abs(try #require(try node("A", "gov").value) - 93.333_333_333) < 1e-6)
        #expect(try node("B", "infra.bandwidth").value == 50)
        #expect(try node("C", "gov").value == 10)
    }

    @Test("ranks are per group and bands use the published score")
    func ranksAndBands() throws {
        let a = try #require(scoreboard.result(for: "A"))
        let b = try #require(scoreboard.result(for: "B"))
        let c = try #require(scoreboard.result(for: "C"))
        #expect((a.rank, b.rank, c.rank) == (1, 2, 1))
        #expect((a.rankedCount, c.rankedCount) == (2, 1))
        #expect(a.band?.id == "good")
        #expect(b.band?.id == "average")
        #expect(c.band?.id == "weak")
        #expect(try node("B", "infra").rank == 2)
        #expect(try node("B", "gov").rank == 2)
    }

    @Test("effective weights, points and max points, renormalised where a node does not apply")
    func pointsAndWeights() throws {
        // A: computers eff = 40/100 × 20/40 = 0.2 → 0.2 × 85 = 17 points of 20.
        let computers = try node("A", "infra.computers")
        #expect(computers.effectiveWeight == 0.2)
        #expect(computers.points == 17)
        #expect(scoreboard.maxPoints(computers) == 20)
        // C: portal is removed; meetings eff = 0.6 × 20/50 = 0.24 → 6 points of 24; nominal 0.2 (20 of 100).
        let meetings = try node("C", "gov.meetings")
        #expect(abs(meetings.effectiveWeight - 0.24) < 1e-12)
        #expect(abs(try #require(meetings.points) - 6) < 1e-12)
        #expect(meetings.nominalWeight == 0.2)
        let portal = try node("C", "gov.portal")
        #expect(portal.status == .notApplicable)
        #expect(portal.points == nil)
        #expect(try node("C", "gov.apps").status == .missingScoredZero)
    }

    @Test("a unit in a group the framework lacks is refused with a suggestion")
    func unknownGroup() throws {
        var data = ExampleIndex.tinyData
        data.updateUnit(Unit(code: "C", name: "C", group: "comune"))
        #expect(throws: ValidationFailure.self) { try Engine(framework: ExampleIndex.tiny).score(data) }
        do {
            _ = try Engine(framework: ExampleIndex.tiny).score(data)
        } catch {
            #expect(
                error.description == """
                    error[D010]: unit 'C' is in group 'comune', which framework 'tiny' does not define
                      hint: did you mean 'commune'? the groups are: dept, commune
                    1 error
                    """)
            #expect(
                error.report(.vi) == """
                    lỗi[D010]: đơn vị 'C' thuộc khối 'comune', mà bộ tiêu chí 'tiny' không có khối này
                      gợi ý: có phải ý bạn là 'commune'? Các khối là: dept, commune
                    1 lỗi
                    """)
        }
    }

    @Test("an empty dataset gives an empty scoreboard")
    func emptyDataset() throws {
        let board = try Engine(framework: ExampleIndex.tiny).score(Dataset(units: []))
        #expect(board.units.isEmpty)
        #expect(board.rankings().isEmpty)
    }

    @Test("a unit with no values at all scores 0 under missing: zero and is still ranked")
    func allMissingZero() throws {
        let data = ExampleIndex.dataset([("X", "commune", [:])])
        let board = try Engine(framework: ExampleIndex.tiny).score(data)
        let x = try #require(board.result(for: "X"))
        #expect(x.published == 0)
        #expect(x.rank == 1)
        #expect(x.band?.id == "weak")
    }
}
