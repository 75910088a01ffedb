import Foundation
import ICTIndexCore
import ICTIndexCriteria
import OrderedCollections
import Testing

/// Criteria files that would make the checker's work or its messages unbounded, that are built to exhaust
/// the machine, or that score nobody: refused with a message, quickly, in bounded memory.
@Suite struct FrameworkLoaderBoundsTests {
    func report(_ yaml: String, _ language: Language = .en) -> String? {
        do {
            _ = try FrameworkLoader().load(yaml: yaml, file: "t.yaml")
            return nil
        } catch {
            return error.report(language)
        }
    }

    @Test("C033: a framework where every weight is 0 scores nobody, and is refused")
    func allWeightsZero() {
        let yaml = """
            schema: ictindex/v1
            id: t
            name: T
            variables: [{id: a, name: A}, {id: b, name: B}]
            index:
              children:
                - {id: p, name: P, weight: 0, children: [{id: a, name: A, weight: 0, score: {rule: ratio}}]}
                - {id: b, name: B, weight: 0, score: {rule: ratio}}
            """
        #expect(
            report(yaml) == """
                t.yaml:6:3: error[C033]: every child of 'index' has weight 0, so the framework scores nobody
                  hint: give the pillars their weights; weight 0 is for a node that is shown but not scored
                1 error
                """)
        #expect(
            report(yaml, .vi) == """
                t.yaml:6:3: lỗi[C033]: mọi mục con của 'index' đều có trọng số 0, nên không chấm được điểm cho đơn vị nào
                  gợi ý: ghi trọng số cho các nhóm tiêu chí; trọng số 0 dành cho mục chỉ hiển thị, không tính điểm
                1 lỗi
                """)
        // One pillar of weight 0 beside a weighted one is "shown, not scored" (DTI's smart city): accepted
        #expect(
            report(
                yaml.replacingOccurrences(
                    of: "{id: b, name: B, weight: 0, score: {rule: ratio}}",
                    with: "{id: b, name: B, score: {rule: ratio}}")) == nil)
    }

    @Test("a 1 MB value is echoed as its first 80 characters and '…'")
    func longValueTruncated() {
        let long = String(repeating: "x", count: 1_000_000)
        let yaml = """
            schema: ictindex/v1
            id: t
            name: T
            scale: \(long)
            variables: [{id: a, name: A}]
            index:
              children: [{id: a, name: A, score: {rule: ratio}}]
            """
        #expect(
            report(yaml) == """
                t.yaml:4:8: error[C004]: 'scale' of the framework must be a number, not '\(String(repeating: "x", count: 80))…'
                  hint: write a number such as 10 or 0.5
                1 error
                """)
        #expect(
            report(yaml, .vi) == """
                t.yaml:4:8: lỗi[C004]: 'scale' của bộ tiêu chí phải là một số, không phải '\(String(repeating: "x", count: 80))…'
                  gợi ý: ghi một số như 10 hay 0.5 (dấu chấm thập phân)
                1 lỗi
                """)
    }

    @Test("20,000 indicators in 200 pillars load with every node")
    func manyIndicators() throws {
        // 200 pillars of 100 indicators, each on its own variable
        var lines = ["schema: ictindex/v1", "id: big", "name: Big", "variables:"]
        for i in 0..<20_000 { lines.append("  - {id: v\(i), name: V\(i)}") }
        lines += ["index:", "  children:"]
        for p in 0..<200 {
            lines.append("    - id: p\(p)")
            lines.append("      name: P\(p)")
            lines.append("      children:")
            for i in (p * 100)..<(p * 100 + 100) {
                lines.append("        - {id: i\(i), name: I\(i), value: v\(i), score: {rule: ratio}}")
            }
        }
        let loaded = try FrameworkLoader().load(yaml: lines.joined(separator: "\n"), file: "big.yaml")
        // 1 root + 200 pillars + 20,000 indicators
        #expect(loaded.framework.nodes.count == 20_201)
    }

    @Test("a 'billion laughs' file of nested aliases is refused before its expansion is walked")
    func billionLaughs() {
        // Given nine levels of lists that each repeat the level below ten times: 10^9 values once expanded
        var yaml =
            "schema: ictindex/v1\na: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for (level, previous) in zip("bcdefghij", "abcdefghi") {
            yaml +=
                "\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        // When it is loaded, Then it is refused with one error
        #expect(
            (report(yaml) ?? "loaded") == """
                t.yaml: error[C001]: the file expands to more than 2000000 values through its aliases (*name), far \
                more than any criteria file
                  hint: write the repeated parts out instead of nesting aliases of aliases
                1 error
                """)
        #expect(
            report(yaml, .vi) == """
                t.yaml: lỗi[C001]: qua các bí danh (*tên), tệp bung ra hơn 2000000 giá trị, nhiều hơn hẳn mọi tệp tiêu chí
                  gợi ý: viết thẳng các phần lặp lại thay vì lồng bí danh trong bí danh
                1 lỗi
                """)
    }

    @Test("nesting deeper than libyaml allows names no C function")
    func deepNesting() {
        let yaml =
            "schema: ictindex/v1\nx: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        let text = report(yaml) ?? "loaded"
        #expect(text.hasPrefix("t.yaml:2:"))
        #expect(text.contains("error[C001]: the file nests lists or mappings more than 1000 levels deep\n"))
        #expect(!text.contains("yaml_set_max_nest_level"))
        #expect(
            report(yaml, .vi)?.contains("lỗi[C001]: tệp lồng danh sách hay các cặp khóa: giá trị sâu quá 1000 tầng\n")
                == true)
    }
}
