import ICTIndexTestSupport
import Testing

@testable import ICTIndexCore

/// One indicator `x` (scale 100) under the root, scored for units U1…Un of one group.
func scoreOne(
    _ rules: [ScoringRule], _ values: [Double?], direction: Direction = .higher, missing: MissingPolicy = .zero,
    weight: Double = 10, groups: [String]? = nil
) throws -> [Double?] {
    let framework = ExampleIndex.framework(
        groups: Set(groups ?? []).sorted().map { Group(id: GroupID($0), name: LocalizedText(vi: $0)) },
        variables: ExampleIndex.numbers("x"),
        pillars: [[ExampleIndex.indicator("x", weight: weight, direction: direction, missing: missing, rules: rules)]])
    let rows = values.enumerated().map { i, value in
        ("U\(i + 1)", groups?[i] ?? "all", value.map { ["x": Value.number($0)] } ?? [:])
    }
    let board = try Engine(framework: framework).score(ExampleIndex.dataset(rows))
    return board.units.map { board.result(for: $0.unit.code, node: "x")?.value ?? nil }
}

func close(_ a: [Double?], _ b: [Double?], tolerance: Double = 1e-9) -> Bool {
    a.count == b.count
        && zip(a, b).allSatisfy { x, y in
            switch (x, y) {
            case (nil, nil): true
            case (let x?, let y?): abs(x - y) <= tolerance
            default: false
            }
        }
}

@Suite struct RulesTests {
    @Test("ratio: clamp(value) × scale; percent divides by 100; lower gives 1 − clamp")
    func ratio() throws {
        // 0.85 → 85; 1.2 → clamp 1 → 100; −0.1 → 0
        #expect(try scoreOne([.ratio(percent: false)], [0.85, 1.2, -0.1]) == [85, 100, 0])
        // 85 % → 0.85 → 85
        #expect(try scoreOne([.ratio(percent: true)], [85, 150]) == [85, 100])
        // lower: 1 − 0.2 = 0.8 → 80
        #expect(close(try scoreOne([.ratio(percent: false)], [0.2], direction: .lower), [80]))
    }

    @Test("linear: goalposts and capped counts, and from > to for lower-is-better")
    func linear() throws {
        // 1 point per application up to 5: 3 → 0.6 → 60; 7 → 100; 0 → 0
        #expect(try scoreOne([.linear(from: 0, to: 5)], [3, 7, 0]) == [60, 100, 0])
        // from 10 days to 2 days: 4 days → (4 − 10)/(2 − 10) = 0.75 → 75
        #expect(try scoreOne([.linear(from: 10, to: 2)], [4, 12, 1]) == [75, 0, 100])
    }

    @Test("steps: first step reached wins; points are out of the indicator's weight")
    func steps() throws {
        let ladder = ScoringRule.steps([
            .init(atLeast: 4, award: .points(20)), .init(atLeast: 3, award: .points(15)),
            .init(atLeast: 2, award: .points(10)), .init(atLeast: 1, award: .points(5)),
        ])
        // weight 20: 4 → 20/20 → 100; 3 → 75; 2.5 → 10/20 → 50; 1 → 25; 0 → 0
        #expect(try scoreOne([ladder], [4, 3, 2.5, 1, 0], weight: 20) == [100, 75, 50, 25, 0])
        let scored = ScoringRule.steps([.init(atLeast: 90, award: .score(1)), .init(atLeast: 50, award: .score(0.4))])
        #expect(close(try scoreOne([scored], [95, 60, 10]), [100, 40, 0]))
    }

    @Test("boolean: full or true_points ÷ weight, 0 for false")
    func boolean() throws {
        #expect(try scoreOne([.boolean(truePoints: nil)], [1, 0]) == [100, 0])
        // true_points 8 of weight 10 → 0.8 → 80
        #expect(close(try scoreOne([.boolean(truePoints: 8)], [1, 0], weight: 10), [80, 0]))
    }

    @Test("identity keeps the value on the scale")
    func identity() throws {
        #expect(try scoreOne([.identity], [42.5, 0]) == [42.5, 0])
    }

    @Test("fraction_of_max: value ÷ best peer; lower is better: best ÷ value; max 0 gives 0")
    func fractionOfMax() throws {
        // 30/120 = 0.25, 60/120 = 0.5, 120/120 = 1
        #expect(try scoreOne([.fractionOfMax(over: .group)], [30, 60, 120]) == [25, 50, 100])
        // lower: best 2 days; 4 → 2/4 = 0.5; 2 → 1; 8 → 0.25
        #expect(close(try scoreOne([.fractionOfMax(over: .group)], [4, 2, 8], direction: .lower), [50, 100, 25]))
        #expect(try scoreOne([.fractionOfMax(over: .group)], [0, 0]) == [0, 0])
        // per group: U1, U2 in a (max 10), U3 in b (max 5)
        #expect(try scoreOne([.fractionOfMax(over: .group)], [5, 10, 5], groups: ["a", "a", "b"]) == [50, 100, 100])
        #expect(try scoreOne([.fractionOfMax(over: .all)], [5, 10, 5], groups: ["a", "a", "b"]) == [50, 100, 50])
    }

    @Test("minmax maps onto its range; constant peers give the middle")
    func minmax() throws {
        // min 10, max 50: 10 → 0, 20 → 25, 50 → 100
        #expect(try scoreOne([.minmax(over: .group, range: nil)], [10, 20, 50]) == [0, 25, 100])
        // range [1, 5]: 20 → 1 + 0.25 × 4 = 2
        #expect(try scoreOne([.minmax(over: .group, range: 1...5)], [10, 20, 50]) == [1, 2, 5])
        // lower: negated; 10 is best → 100, 50 → 0
        #expect(try scoreOne([.minmax(over: .group, range: nil)], [10, 20, 50], direction: .lower) == [100, 75, 0])
        #expect(try scoreOne([.minmax(over: .group, range: nil)], [7, 7]) == [50, 50])
    }

    @Test("zscore: (v − μ)/σ × sd + mean, sample or population σ; chained into minmax")
    func zscore() throws {
        // 2, 4, 6: μ 4, sample σ 2 → −1, 0, 1; population σ = √(8/3) = 1.63299…
        #expect(try scoreOne([.zscore(over: .group, mean: 0, sd: 1, sdOf: .sample)], [2, 4, 6]) == [-1, 0, 1])
        let population = try scoreOne([.zscore(over: .group, mean: 0, sd: 1, sdOf: .population)], [2, 4, 6])
        #expect(close(population, [-1.224_744_871_391_589, 0, 1.224_744_871_391_589]))
        // mean 10, sd 2: −1 → 8
        #expect(try scoreOne([.zscore(over: .group, mean: 10, sd: 2, sdOf: .sample)], [2, 4, 6]) == [8, 10, 12])
        // chained (UN EGDI style): z −1, 0, 1 → minmax onto [0, 1] → 0, 0.5, 1
        let chain: [ScoringRule] = [
            .zscore(over: .group, mean: 0, sd: 1, sdOf: .sample), .minmax(over: .group, range: 0...1),
        ]
        #expect(try scoreOne(chain, [2, 4, 6]) == [0, 0.5, 1])
        #expect(try scoreOne([.zscore(over: .group, mean: 0, sd: 1, sdOf: .sample)], [3, 3]) == [0, 0])
    }

    @Test("rank: (n − r)/(n − 1) with competition ranks; a single unit gets 1")
    func rank() throws {
        // 90, 80, 80, 70: ranks 1, 2, 2, 4 → 1, 2/3, 2/3, 0
        #expect(
            close(
                try scoreOne([.rank(over: .group)], [90, 80, 80, 70]), [100, 66.666_666_667, 66.666_666_667, 0],
                tolerance: 1e-6))
        #expect(try scoreOne([.rank(over: .group)], [5]) == [100])
        #expect(try scoreOne([.rank(over: .group)], [5, 1], direction: .lower) == [0, 100])
    }

    @Test("percentile: share of the others strictly below plus half the share of the others equal")
    func percentile() throws {
        // 10, 20, 20, 30 (n = 4, 3 others): 10 → 0; 20 → 1/3 + ½ × 1/3 = 0.5; 30 → 1
        #expect(close(try scoreOne([.percentile(over: .group)], [10, 20, 20, 30]), [0, 50, 50, 100]))
    }

    @Test("distance_to_target: 1 at or above target, else 1 − (target − v)/(target − min)")
    func distanceToTarget() throws {
        // target 95, min 55: 95 → 1; 75 → 1 − 20/40 = 0.5; 55 → 0; 99 → 1
        #expect(try scoreOne([.distanceToTarget(target: 95, over: .group)], [95, 75, 55, 99]) == [100, 50, 0, 100])
        // lower, target 2 days, worst 10: 2 → 1; 6 → 1 − 4/8 = 0.5; 10 → 0
        #expect(
            try scoreOne([.distanceToTarget(target: 2, over: .group)], [2, 6, 10], direction: .lower) == [100, 50, 0])
    }

    @Test("choice maps an option to points or a score")
    func choice() throws {
        let board = try Engine(framework: ExampleIndex.tiny).score(ExampleIndex.tinyData)
        #expect(board.result(for: "A", node: "gov.chair")?.value == 100)
        #expect(board.result(for: "B", node: "gov.chair")?.value == 50)
        #expect(board.result(for: "C", node: "gov.chair")?.value == 0)
    }
}

@Suite struct MissingValueTests {
    @Test("zero keeps the weight and scores 0")
    func zero() throws {
        #expect(try scoreOne([.identity], [40, nil], missing: .zero) == [40, 0])
    }

    @Test("skip removes the node: a pillar whose children are all missing is missing, so no score")
    func skip() throws {
        #expect(try scoreOne([.identity], [40, nil], missing: .skip) == [40, nil])
    }

    @Test("impute_mean uses the mean over all units; impute_group_mean the unit's group")
    func impute() throws {
        // all: mean(10, 20, 60) = 30; group a: mean(10, 20) = 15; group b: 60
        let values: [Double?] = [10, 20, nil, 60, nil]
        let groups = ["a", "a", "a", "b", "b"]
        #expect(try scoreOne([.identity], values, missing: .imputeMean, groups: groups) == [10, 20, 30, 60, 30])
        #expect(try scoreOne([.identity], values, missing: .imputeGroupMean, groups: groups) == [10, 20, 15, 60, 60])
    }

    @Test("error refuses the run, naming every unit")
    func error() throws {
        do {
            _ = try scoreOne([.identity], [nil, 3, nil], missing: .error)
            Issue.record("expected a ValidationFailure")
        } catch let failure as ValidationFailure {
            #expect(
                failure.description == """
                    error[E002]: unit 'U1', indicator 'x': the value is missing and the indicator says missing: error
                      hint: report 'x' for unit 'U1', or change the indicator's missing policy
                    error[E002]: unit 'U3', indicator 'x': the value is missing and the indicator says missing: error
                      hint: report 'x' for unit 'U3', or change the indicator's missing policy
                    2 errors
                    """)
            #expect(
                failure.report(.vi) == """
                    lỗi[E002]: đơn vị 'U1', tiêu chí 'x': thiếu giá trị, mà tiêu chí quy định missing: error
                      gợi ý: hãy báo cáo 'x' cho đơn vị 'U1', hoặc đổi cách xử lý giá trị thiếu (missing) của tiêu chí
                    lỗi[E002]: đơn vị 'U3', tiêu chí 'x': thiếu giá trị, mà tiêu chí quy định missing: error
                      gợi ý: hãy báo cáo 'x' cho đơn vị 'U3', hoặc đổi cách xử lý giá trị thiếu (missing) của tiêu chí
                    2 lỗi
                    """)
        }
    }

    @Test("a division by zero in a value expression is a missing value and a warning naming the unit")
    func divisionByZero() throws {
        let framework = ExampleIndex.framework(
            variables: ExampleIndex.numbers("a", "b"),
            pillars: [[ExampleIndex.indicator("x", value: ExampleIndex.expr("a / b"), rules: [.ratio(percent: false)])]]
        )
        let board = try Engine(framework: framework).score(
            ExampleIndex.dataset([
                ("U1", "all", ["a": .number(1), "b": .number(0)]), ("U2", "all", ["a": .number(1), "b": .number(2)]),
            ]))
        #expect(board.result(for: "U1", node: "x")?.status == .missingScoredZero)
        #expect(board.result(for: "U2", node: "x")?.value == 50)
        #expect(
            board.diagnostics.map(\.description) == [
                """
                warning[E001]: indicator 'x' (a / b) divides by zero for unit 'U1'; its value is missing there
                  hint: check those units' inputs, or guard the expression, e.g. if(b > 0, a / b, 0)
                """
            ])
        #expect(
            board.diagnostics.map { $0.text(.vi) } == [
                """
                cảnh báo[E001]: tiêu chí 'x' (a / b) chia cho 0 ở đơn vị 'U1'; giá trị ở đó bị thiếu
                  gợi ý: hãy kiểm tra số liệu của các đơn vị đó, hoặc chặn phép chia cho 0 trong công thức, ví dụ \
                if(b > 0, a / b, 0)
                """
            ])
    }

    @Test("more than 5 units are listed as the first 5 and a count, in both languages")
    func divisionByZeroManyUnits() throws {
        // Given 7 units that all divide by zero
        let framework = ExampleIndex.framework(
            variables: ExampleIndex.numbers("a", "b"),
            pillars: [[ExampleIndex.indicator("x", value: ExampleIndex.expr("a / b"), rules: [.ratio(percent: false)])]]
        )
        let rows = (1...7).map { ("U\($0)", "all", ["a": Value.number(1), "b": Value.number(0)]) }
        // When they are scored
        let board = try Engine(framework: framework).score(ExampleIndex.dataset(rows))
        // Then one warning names 5 of them and counts the other 2
        #expect(
            board.diagnostics.map { $0.message.en } == [
                "indicator 'x' (a / b) divides by zero for 7 units: 'U1', 'U2', 'U3', 'U4', 'U5' and 2 more; its value "
                    + "is missing there"
            ])
        #expect(
            board.diagnostics.map { $0.message.vi } == [
                "tiêu chí 'x' (a / b) chia cho 0 ở 7 đơn vị: 'U1', 'U2', 'U3', 'U4', 'U5' và 2 đơn vị khác; giá trị ở "
                    + "đó bị thiếu"
            ])
    }
}

/// The diagnostics of scoring one indicator `x` (as ``scoreOne(_:_:direction:missing:weight:groups:)``).
private func diagnostics(
    _ rules: [ScoringRule], _ values: [Double?], missing: MissingPolicy = .zero, groups: [String]? = nil
) throws -> [Diagnostic] {
    let framework = ExampleIndex.framework(
        groups: Set(groups ?? []).sorted().map { Group(id: GroupID($0), name: LocalizedText(vi: $0)) },
        variables: ExampleIndex.numbers("x"),
        pillars: [[ExampleIndex.indicator("x", weight: 10, missing: missing, rules: rules)]])
    let rows = values.enumerated().map { i, value in
        ("U\(i + 1)", groups?[i] ?? "all", value.map { ["x": Value.number($0)] } ?? [:])
    }
    return try Engine(framework: framework).score(ExampleIndex.dataset(rows)).diagnostics
}

@Suite struct RuleWarningTests {
    @Test("peers with one value: a warning says what every unit gets, in both languages")
    func constantPeers() throws {
        // Given two units of group 'a' with the same value, scored by minmax within the group
        let same = try diagnostics([.minmax(over: .group, range: nil)], [5, 5], groups: ["a", "a"])
        #expect(
            same.map(\.description) == [
                """
                warning[E004]: indicator 'x', rule minmax: the units of group 'a' have the same value, 5; every unit \
                gets the middle of the range
                  hint: check the data of indicator 'x'; a peer-relative rule needs values that differ
                """
            ])
        #expect(
            same.map { $0.text(.vi) } == [
                """
                cảnh báo[E004]: tiêu chí 'x', quy tắc minmax: các đơn vị của khối 'a' có cùng giá trị, 5; mọi đơn vị \
                nhận điểm giữa khoảng
                  gợi ý: hãy kiểm tra số liệu của tiêu chí 'x'; quy tắc so sánh giữa các đơn vị cần các giá trị \
                khác nhau
                """
            ])
        // And one unit alone among all units, scored by zscore
        let alone = try diagnostics([.zscore(over: .all, mean: 50, sd: 10, sdOf: .sample)], [7, nil])
        #expect(
            alone.map { $0.message.en } == [
                "indicator 'x', rule zscore: only one of all units has a value, 7; every unit gets the mean, 50"
            ])
        #expect(
            alone.map { $0.message.vi } == [
                "tiêu chí 'x', quy tắc zscore: chỉ một đơn vị có giá trị, 7; mọi đơn vị nhận giá trị trung bình, 50"
            ])
        // And a best value of 0, scored by fraction_of_max
        let zero = try diagnostics([.fractionOfMax(over: .all)], [0, 0])
        #expect(
            zero.map { $0.message.en } == [
                "indicator 'x', rule fraction_of_max: the best value of all units is 0; every unit scores 0"
            ])
        #expect(
            zero.map { $0.message.vi } == [
                "tiêu chí 'x', quy tắc fraction_of_max: giá trị tốt nhất của các đơn vị là 0; mọi đơn vị được 0 điểm"
            ])
    }

    @Test("evidence_policy: zero scores 0 where a required value came without evidence, naming unit and variable")
    func evidenceZero() throws {
        // Given x requires evidence, under evidence_policy: zero; U1 gives none (blank), U2 gives a document
        var framework = ExampleIndex.framework(
            variables: [Variable(id: "x", name: LocalizedText(vi: "x"), evidence: .required)],
            pillars: [[ExampleIndex.indicator("x", weight: 10, rules: [.identity])]])
        framework.evidencePolicy = .zero
        var dataset = ExampleIndex.dataset([("U1", "all", [:]), ("U2", "all", [:])])
        dataset["U1", "x"] = Dataset.Entry(value: .number(40), evidence: "  ")
        dataset["U2", "x"] = Dataset.Entry(value: .number(60), evidence: "QĐ 12/2025")
        // When they are scored
        let board = try Engine(framework: framework).score(dataset)
        // Then U1 scores 0 on x, U2 keeps 60, and the warning says so in both languages
        #expect(board.result(for: "U1", node: "x")?.value == 0)
        #expect(board.result(for: "U2", node: "x")?.value == 60)
        #expect(
            board.diagnostics.map(\.description) == [
                """
                warning[D021]: indicator 'x' scores 0 for unit 'U1': 'x' came without the evidence the criteria \
                require (evidence_policy: zero)
                  hint: attach the evidence of those values and import them again
                """
            ])
        #expect(
            board.diagnostics.map { $0.text(.vi) } == [
                """
                cảnh báo[D021]: tiêu chí 'x' được 0 điểm ở đơn vị 'U1': 'x' không kèm minh chứng mà bộ tiêu chí yêu \
                cầu (evidence_policy: zero)
                  gợi ý: hãy bổ sung minh chứng cho các giá trị đó rồi nhập lại
                """
            ])
    }

    @Test("imputation without a value to impute from scores 0, with a warning naming the unit")
    func nothingToImpute() throws {
        // Given group 'a' with no value at all and group 'b' with one, imputed by group mean
        let found = try diagnostics([.identity], [nil, 60], missing: .imputeGroupMean, groups: ["a", "b"])
        #expect(
            found.map(\.description) == [
                """
                warning[E005]: indicator 'x': no unit reported a value to impute from for unit 'U1'; the value scores 0
                  hint: collect the value from at least one unit of the group, or use missing: zero or skip
                """
            ])
        #expect(
            found.map { $0.text(.vi) } == [
                """
                cảnh báo[E005]: tiêu chí 'x': không đơn vị nào có giá trị để ước tính thay cho đơn vị 'U1'; giá trị \
                được tính 0 điểm
                  gợi ý: hãy thu thập giá trị từ ít nhất một đơn vị của khối, hoặc dùng missing: zero hay skip
                """
            ])
    }
}
