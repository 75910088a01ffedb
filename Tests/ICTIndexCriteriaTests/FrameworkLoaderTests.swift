import Foundation
import ICTIndexCore
import ICTIndexCriteria
import Testing

/// Reading criteria files into frameworks: the tree, the rules, the defaults, and how problems are reported.
@Suite struct FrameworkLoaderTests {
    /// The fixture `Fixtures/province-agencies.yaml`: 2 pillars, 6 indicators, every kind of variable.
    func loadFixture() throws -> LoadedFramework {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/province-agencies", withExtension: "yaml"))
        return try FrameworkLoader().load(path: url.path)
    }

    func render(_ yaml: String, _ language: Language = .en) -> String { loadReport(yaml, language) }

    func variable(_ framework: Framework, _ id: VariableID) throws -> Variable {
        try #require(framework.variables.map(\.value).first { $0.id == id })
    }

    // MARK: - A valid file

    @Test("a valid file loads its tree in pre-order, with levels, parents and weights")
    func tree() throws {
        let framework = try loadFixture().framework
        #expect(
            framework.nodes.map(\.key.rawValue) == [
                "index", "infra", "infra.computers", "uptime", "apps", "meetings", "chair", "portal", "apps.egdi",
            ])
        #expect(framework.nodes.map(\.value.level) == [0, 1, 2, 2, 1, 2, 2, 2, 2])
        #expect(
            framework.nodes.map { $0.value.parent?.rawValue } == [
                nil, "index", "infra", "infra", "index", "apps", "apps", "apps", "apps",
            ])
        #expect(framework.nodes.map(\.value.weight) == [100, 40, 25, 15, 60, 20, 10, 10, 0])
        #expect(framework.rootID == "index")
        #expect(framework.root.name == LocalizedText(vi: "Chỉ số tổng hợp"))
        #expect(framework.root.kind == .pillar(aggregate: .sum, children: ["infra", "apps"]))
        #expect(
            framework.node("apps").kind
                == .pillar(aggregate: .mean, children: ["meetings", "chair", "portal", "apps.egdi"]))
        #expect(framework.node("apps").appliesTo == ["department", "commune"])
        #expect(framework.node("chair").appliesTo == ["department"])
        #expect(framework.node("uptime").appliesTo == nil)
        #expect(framework.node("infra").source == SourceLocation(file: framework.sourceFile ?? "", line: 41, column: 7))
    }

    @Test("rules keep their parameters, and chained rules their order")
    func rules() throws {
        let framework = try loadFixture().framework
        #expect(framework.node("uptime").indicator?.rules == [.ratio(percent: true)])
        #expect(
            framework.node("meetings").indicator?.rules == [
                .steps([
                    .init(atLeast: 4, award: .points(20)), .init(atLeast: 2, award: .points(10)),
                    .init(atLeast: 1, award: .score(0.25)),
                ])
            ])
        let chairRules = try #require(framework.node("chair").indicator?.rules)
        guard case .choice(let awards) = try #require(chairRules.first), chairRules.count == 1 else {
            Issue.record("chair is not scored by one choice rule: \(chairRules)")
            return
        }
        #expect(awards.map(\.key) == ["chair", "deputy", "none"])
        #expect(awards.map(\.value) == [.points(10), .points(5), .score(0)])
        #expect(framework.node("portal").indicator?.rules == [.boolean(truePoints: 8)])
        #expect(
            framework.node("apps.egdi").indicator?.rules == [
                .zscore(over: .all, mean: 0, sd: 1, sdOf: .population), .minmax(over: .group, range: 0...1),
            ])
    }

    @Test("indicators inherit defaults they do not set, and values default to the variable of the same id")
    func defaults() throws {
        let framework = try loadFixture().framework
        let computers = try #require(framework.node("infra.computers").indicator)
        #expect(computers.value.source == "computer_ratio")
        #expect(computers.missing == .skip)
        #expect(computers.direction == .higher)
        #expect(computers.rules == [.ratio(percent: false)])
        let uptime = try #require(framework.node("uptime").indicator)
        #expect(uptime.value.isSingleVariable == "uptime")
        #expect(uptime.missing == .zero)
        let egdi = try #require(framework.node("apps.egdi").indicator)
        #expect(egdi.value.source == "meetings * 2")
        #expect(egdi.direction == .lower)
    }

    @Test("variables keep type, unit, bounds, options, evidence and formula")
    func variables() throws {
        let framework = try loadFixture().framework
        #expect(
            framework.variables.map(\.key.rawValue) == [
                "staff", "computers", "meetings", "chair", "portal", "uptime", "computer_ratio", "late_reports",
            ])
        let staff = try variable(framework, "staff")
        #expect(staff.kind == .integer)
        #expect(staff.unitOfMeasure == "người")
        #expect(staff.min == 0 && staff.max == nil)
        #expect(try variable(framework, "meetings").evidence == .required)
        let chair = try variable(framework, "chair")
        #expect(chair.kind == .choice)
        #expect(chair.options.map(\.key) == ["chair", "deputy", "none"])
        #expect(chair.options.map(\.value) == ["Chủ tịch", "Phó Chủ tịch", "Không"])
        let ratio = try variable(framework, "computer_ratio")
        #expect(ratio.isDerived)
        #expect(ratio.formula?.variables == ["computers", "staff"])
        #expect(framework.reportedVariables.count == 7)
    }

    @Test("settings, groups, bands and deductions are read; the edition stays text")
    func settings() throws {
        let loaded = try loadFixture()
        let framework = loaded.framework
        #expect(loaded.warnings.isEmpty)
        #expect(framework.id == "test-province")
        #expect(framework.name == LocalizedText(vi: "Bộ chỉ số thử", en: "Test index"))
        #expect(framework.edition == "2025")
        #expect(framework.scale == 100)
        #expect(framework.decimals == 2)
        #expect(framework.rankOn == .rounded)
        #expect(framework.definesGroups)
        #expect(framework.groups.map(\.key.rawValue) == ["department", "commune", "special"])
        #expect(framework.groups.map(\.value.ranked) == [true, true, false])
        #expect(framework.bands.map(\.bound) == [.atLeast(85), .atLeast(70), .above(49.99), .any])
        #expect(framework.band(for: 49.99)?.id == "weak")
        #expect(framework.deductions.count == 1)
        #expect(framework.deductions.first?.points.source == "5 * late_reports")
        #expect(framework.deductions.first?.cap == 10)
        #expect(framework.sourceFile?.hasSuffix("Fixtures/province-agencies.yaml") == true)
        #expect(framework.sourceText?.hasPrefix("schema: ictindex/v1\n") == true)
    }

    @Test("the smallest file: root id, name and weight default, one group `all`")
    func smallest() throws {
        let yaml = """
            schema: ictindex/v1
            id: tiny
            name: Tiny
            variables: [{id: a, name: A}]
            index: {children: [{id: a, name: A, score: {rule: identity}}]}
            """
        let framework = try FrameworkLoader().load(yaml: yaml, file: "tiny.yaml").framework
        #expect(framework.root.id == "index")
        #expect(framework.root.name == "Tiny")
        #expect(framework.root.weight == 100)
        #expect(framework.root.kind == .pillar(aggregate: .mean, children: ["a"]))
        #expect(framework.node("a").weight == 1)
        #expect(framework.node("a").indicator == Indicator(value: .variable("a"), rules: [.identity]))
        #expect(!framework.definesGroups)
        #expect(framework.groups.map(\.key) == [.all])
        #expect(framework.sourceFile == "tiny.yaml")
        #expect(framework.sourceText == yaml)
    }

    @Test("a weight of 0 is allowed and counts in the sum check")
    func zeroWeight() throws {
        let yaml = """
            schema: ictindex/v1
            id: dti
            name: DTI
            scale: 1
            variables: [{id: a, name: A}, {id: smart, name: S}]
            defaults: {score: {rule: identity}}
            index:
              aggregate: sum
              children:
                - {id: a, name: A, weight: 1}
                - {id: smart, name: S, weight: 0}
            """
        let framework = try FrameworkLoader().load(yaml: yaml, file: "dti.yaml").framework
        #expect(framework.node("smart").weight == 0)
    }

    // MARK: - Problems

    @Test("a node that applies to a group its parent does not is a warning, not an error")
    func appliesToWarning() throws {
        let yaml = """
            schema: ictindex/v1
            id: t
            name: T
            groups: [{id: department, name: D}, {id: commune, name: C}]
            variables: [{id: a, name: A}]
            index:
              children:
                - id: p
                  name: P
                  applies_to: [department]
                  children:
                    - {id: a, name: A, applies_to: [commune], score: {rule: ratio}}
            """
        let loaded = try FrameworkLoader().load(yaml: yaml, file: "t.yaml")
        #expect(
            loaded.warnings.map(\.description) == [
                """
                t.yaml:12:41: warning[C009]: indicator 'a' applies to group 'commune', but its parent 'p' does not
                  hint: the node is never scored for 'commune'; remove it here or add it to the parent's applies_to
                """
            ])
        #expect(
            loaded.warnings.map { $0.text(.vi) }.joined(separator: "\n") == """
                t.yaml:12:41: cảnh báo[C009]: tiêu chí 'a' áp dụng cho khối 'commune', nhưng mục cha 'p' thì không
                  gợi ý: mục này sẽ không bao giờ được chấm cho 'commune'; xóa 'commune' ở đây hoặc thêm vào applies_to của mục cha
                """)
        #expect(loaded.framework.node("a").appliesTo == ["commune"])
    }

    @Test("warnings come with the errors when a file fails")
    func warningsWithErrors() {
        let yaml = """
            schema: ictindex/v1
            id: t
            name: T
            groups: [{id: department, name: D}, {id: commune, name: C}]
            index:
              children:
                - id: p
                  name: P
                  applies_to: [department]
                  children:
                    - {id: a, name: A, applies_to: [commune], score: {rule: ratio}}
            """
        #expect(
            render(yaml) == """
                t.yaml:11:11: error[C008]: indicator 'a' has no value: there is no variable 'a'
                  hint: add `value:` with an expression over variables, or declare a variable 'a'
                t.yaml:11:41: warning[C009]: indicator 'a' applies to group 'commune', but its parent 'p' does not
                  hint: the node is never scored for 'commune'; remove it here or add it to the parent's applies_to
                1 error, 1 warning
                """)
        #expect(
            render(yaml, .vi) == """
                t.yaml:11:11: lỗi[C008]: tiêu chí 'a' không có giá trị: không có biến số liệu 'a'
                  gợi ý: thêm `value:` với một biểu thức tính từ các biến số liệu, hoặc khai báo biến số liệu 'a'
                t.yaml:11:41: cảnh báo[C009]: tiêu chí 'a' áp dụng cho khối 'commune', nhưng mục cha 'p' thì không
                  gợi ý: mục này sẽ không bao giờ được chấm cho 'commune'; xóa 'commune' ở đây hoặc thêm vào applies_to của mục cha
                1 lỗi, 1 cảnh báo
                """)
    }

    @Test("every problem is reported at once, in file order")
    func allProblemsAtOnce() {
        // Given a file with five different problems, written out of the order the loader checks them in
        let yaml = """
            schema: ictindex/v1
            id: t
            name: T
            variables:
              - {id: staff, name: S}
              - {id: ratio, name: R, formula: "computers / staff"}
            index:
              aggregate: sum
              children:
                - {id: ratio, name: R, weight: 60, score: {rule: linear, from: 0}}
                - {id: staff, name: S, weight: 40, wieght: 1, score: {rule: ratio}}
            deductions:
              - {id: late, name: L, points: "5 * lat + "}
            bands:
              - {id: weak, name: W}
              - {id: good, name: G, min: 85}
            """
        // Then each gets its own diagnostic, sorted by line and column
        #expect(
            render(yaml) == """
                t.yaml:6:36: error[C008]: unknown variable 'computers' in the formula of variable 'ratio'
                  hint: declare 'computers' under `variables:`
                t.yaml:10:47: error[C017]: rule 'linear' of indicator 'ratio' has no 'to'
                  hint: add `from:` and `to:`, the values that score 0 and full
                t.yaml:11:40: error[C002]: unknown key 'wieght' in node 'staff'
                  hint: did you mean 'weight'?
                t.yaml:13:44: error[C011]: the points of deduction 'late' is not a valid expression: unexpected end of expression
                  hint: add a value after '+'
                t.yaml:15:5: error[C013]: band 'weak' has no bound but is not the last band
                  hint: give it `min:` or `above:`, or move it to the end: only the last band may have no bound
                5 errors
                """)
        #expect(
            render(yaml, .vi) == """
                t.yaml:6:36: lỗi[C008]: không có biến số liệu 'computers' trong công thức của biến số liệu 'ratio'
                  gợi ý: khai báo 'computers' trong `variables:`
                t.yaml:10:47: lỗi[C017]: quy tắc 'linear' ở tiêu chí 'ratio' thiếu tham số 'to'
                  gợi ý: thêm `from:` và `to:`: giá trị được 0 điểm và giá trị được điểm tối đa
                t.yaml:11:40: lỗi[C002]: khóa 'wieght' không dùng được trong mục 'staff'
                  gợi ý: có phải ý bạn là 'weight'?
                t.yaml:13:44: lỗi[C011]: biểu thức points của điểm trừ 'late' không hợp lệ: công thức chưa viết xong
                  gợi ý: hãy thêm một giá trị sau '+'
                t.yaml:15:5: lỗi[C013]: xếp loại 'weak' không có ngưỡng nhưng không đứng cuối
                  gợi ý: ghi `min:` hoặc `above:` cho xếp loại này, hoặc chuyển nó xuống cuối: chỉ xếp loại cuối cùng được không có ngưỡng
                5 lỗi
                """)
    }

    @Test("an expression in a block scalar is reported at the scalar")
    func blockScalarExpression() {
        let yaml = """
            schema: ictindex/v1
            id: t
            name: T
            variables: [{id: a, name: A}]
            index:
              children:
                - id: a
                  name: A
                  value: |
                    a + total
                  score: {rule: ratio}
            """
        #expect(
            render(yaml) == """
                t.yaml:9:14: error[C008]: unknown variable 'total' in the value of indicator 'a'
                  hint: declare 'total' under `variables:`
                1 error
                """)
        #expect(
            render(yaml, .vi) == """
                t.yaml:9:14: lỗi[C008]: không có biến số liệu 'total' trong biểu thức value của tiêu chí 'a'
                  gợi ý: khai báo 'total' trong `variables:`
                1 lỗi
                """)
    }

    @Test("a missing file is one C001 diagnostic that names the path as given")
    func missingFile() {
        #expect(throws: ValidationFailure.self) { try FrameworkLoader().load(path: "Criteria/nope.yaml") }
        do {
            _ = try FrameworkLoader().load(path: "Criteria/nope.yaml")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(
                error.description == """
                    Criteria/nope.yaml: error[C001]: cannot read the criteria file: no such file
                      hint: check the path
                    1 error
                    """)
            #expect(
                error.report(.vi) == """
                    Criteria/nope.yaml: lỗi[C001]: không đọc được tệp tiêu chí: không có tệp này
                      gợi ý: kiểm tra lại đường dẫn
                    1 lỗi
                    """)
        }
    }

    @Test("a folder is not a criteria file")
    func folder() {
        do {
            _ = try FrameworkLoader().load(path: NSTemporaryDirectory())
            Issue.record("a folder loaded")
        } catch {
            #expect(error.diagnostics.map(\.code) == [.yamlSyntax])
            #expect(error.diagnostics.first?.message.en == "cannot read the criteria file: it is a folder")
            #expect(error.diagnostics.first?.message.vi == "không đọc được tệp tiêu chí: đây là một thư mục")
        }
    }

    @Test("every criteria file that ships loads without a problem")
    func shippedCriteria() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.appendingPathComponent("Criteria")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(!files.isEmpty)
        for file in files.sorted() {
            let loaded = try FrameworkLoader().load(path: folder.appendingPathComponent(file).path)
            #expect(loaded.warnings.isEmpty, "\(file)")
        }
    }
}
