import ICTIndexTestSupport
import Testing

@testable import ICTIndexCore

@Suite struct AggregationTests {
    /// Root over indicators a (weight 1), b (weight 3), c (weight 0) with the given aggregation.
    func score(_ aggregate: Node.Aggregation, a: Double?, b: Double?, c: Double? = 99) throws -> Double? {
        let framework = ExampleIndex.framework(
            variables: ExampleIndex.numbers("a", "b", "c"), root: aggregate,
            pillars: [
                [ExampleIndex.indicator("a", weight: 1, missing: .skip, rules: [.identity])],
                [ExampleIndex.indicator("b", weight: 3, missing: .skip, rules: [.identity])],
                [ExampleIndex.indicator("c", weight: 0, missing: .skip, rules: [.identity])],
            ])
        var values: [String: Value] = [:]
        if let a { values["a"] = .number(a) }
        if let b { values["b"] = .number(b) }
        if let c { values["c"] = .number(c) }
        return try Engine(framework: framework).score(ExampleIndex.dataset([("U", "all", values)]))
            .result(for: "U")?.score
    }

    @Test("mean and sum are the weighted mean; a weight of 0 is shown, not scored")
    func mean() throws {
        // (1 × 20 + 3 × 60) / 4 = 50
        #expect(try score(.mean, a: 20, b: 60) == 50)
        #expect(try score(.sum, a: 20, b: 60) == 50)
    }

    @Test("geometric: exp(Σ w ln x / Σ w); harmonic: Σ w / Σ (w / x)")
    func geometricHarmonic() throws {
        // 10^(1/4) × 1000^(3/4) = 10^(0.25 + 2.25) = 10^2.5 = 316.227766…
        #expect(abs(try #require(try score(.geometric, a: 10, b: 1000)) - 316.227_766_016_837_9) < 1e-9)
        // 4 / (1/20 + 3/60) = 4 / 0.1 = 40
        #expect(abs(try #require(try score(.harmonic, a: 20, b: 60)) - 40) < 1e-12)
    }

    @Test("min and max take the lowest and highest child with a positive weight")
    func minMax() throws {
        #expect(try score(.min, a: 20, b: 60) == 20)
        #expect(try score(.max, a: 20, b: 60) == 60)
    }

    @Test("a skipped child is removed and the others renormalised")
    func renormalise() throws {
        #expect(try score(.mean, a: nil, b: 60) == 60)
        #expect(try score(.mean, a: nil, b: nil) == nil)
    }

    @Test("a geometric mean over 0 is refused, naming the unit, the pillar and the child")
    func geometricZero() throws {
        do {
            _ = try score(.geometric, a: 0, b: 10)
            Issue.record("expected a ValidationFailure")
        } catch let failure as ValidationFailure {
            #expect(
                failure.description == """
                    error[E003]: unit 'U', pillar 'index': the geometric mean needs values above 0, but 'a' is 0
                      hint: normalise the children onto a range that starts above 0, e.g. score: {rule: minmax, range: [1, 100]}
                    1 error
                    """)
            #expect(
                failure.report(.vi) == """
                    lỗi[E003]: đơn vị 'U', nhóm tiêu chí 'index': trung bình nhân cần các giá trị lớn hơn 0, nhưng 'a' \
                    bằng 0
                      gợi ý: hãy chuẩn hóa các mục con về một khoảng bắt đầu trên 0, ví dụ score: {rule: minmax, \
                    range: [1, 100]}
                    1 lỗi
                    """)
        }
    }

    @Test("kernels skip zero weights and report the first non-positive value")
    func kernels() {
        #expect(Aggregation.weightedMean([1, 2], weights: [0, 0]) == nil)
        #expect(throws: Aggregation.Failure.nonPositive(index: 1)) {
            try Aggregation.weightedHarmonicMean([1, -2], weights: [1, 1])
        }
        #expect(Aggregation.extremeIndex([5, 1, 1], weights: [1, 1, 1], highest: false) == 1)
    }

    @Test("the pure log and exp agree with known values")
    func logExp() {
        #expect(abs(log(10) - 2.302_585_092_994_046) < 1e-14)
        #expect(abs(log(0.001) + 6.907_755_278_982_137) < 1e-13)
        #expect(abs(exp(1) - 2.718_281_828_459_045) < 1e-14)
        #expect(abs(exp(-20) - 2.061_153_622_438_558e-9) < 1e-22)
    }
}

@Suite struct RankingTests {
    @Test("competition ranking: ties share a rank and the next is skipped")
    func ties() {
        #expect(CompetitionRanking.ranks([90, 80, 80, 70]) == [1, 2, 2, 4])
        #expect(CompetitionRanking.ranks([nil, 5, 5, 5]) == [nil, 1, 1, 1])
        #expect(CompetitionRanking.ranks([]) == [])
        #expect(CompetitionRanking.ranks([3]) == [1])
    }

    @Test("integer keys rank the same way, counted when the span is small and sorted when it is not")
    func keys() {
        #expect(CompetitionRanking.ranks(keys: [9000, 8000, 8000, 7000, nil]) == [1, 2, 2, 4, nil])
        #expect(CompetitionRanking.ranks(keys: [nil, nil]) == [nil, nil])
        // A span far larger than the number of units takes the sorting path.
        #expect(CompetitionRanking.ranks(keys: [Int64.max / 2, 0, -Int64.max / 2, 0]) == [1, 2, 4, 2])
        let keys: [Int64?] = (0..<500).map { Int64(($0 * 7919) % 97) }
        #expect(CompetitionRanking.ranks(keys: keys) == CompetitionRanking.ranks(keys.map { $0.map(Double.init) }))
        // Scores with 4 decimals span up to 1,000,001 keys: sorted, with ties, gaps and missing keys.
        let wide: [Int64?] = (0..<5_000).map { (i: Int) -> Int64? in
            i % 13 == 0 ? nil : Int64((i * 7919) % 1_000_003 - 500_000)
        }
        #expect(CompetitionRanking.ranks(keys: wide) == CompetitionRanking.ranks(wide.map { $0.map(Double.init) }))
        #expect(CompetitionRanking.ranks(keys: [3_000_000, -5, 3_000_000, nil, -5, 17]) == [1, 4, 1, nil, 4, 3])
    }

    @Test("ranks use the rounded score: 84.996 and 85.004 tie at 85.00; rank_on exact separates them")
    func roundedRanking() throws {
        let values: [Double?] = [84.996, 85.004, 70, 84.996]
        func ranks(_ rankOn: Framework.RankOn) throws -> [Int?] {
            let framework = ExampleIndex.framework(
                rankOn: rankOn, bands: ExampleIndex.provincialBands, variables: ExampleIndex.numbers("x"),
                pillars: [[ExampleIndex.indicator("x", rules: [.identity])]])
            let rows = values.enumerated().map { ("U\($0.offset + 1)", "all", ["x": Value.number($0.element ?? 0)]) }
            return try Engine(framework: framework).score(ExampleIndex.dataset(rows)).units.map(\.rank)
        }
        #expect(try ranks(.rounded) == [1, 1, 4, 1])
        #expect(try ranks(.exact) == [2, 1, 4, 2])
    }

    @Test("band edges: 84.99 is Khá, 84.995 is published as 85.00 and is Tốt, 69.999 is Khá")
    func bandEdges() throws {
        let framework = ExampleIndex.framework(
            bands: ExampleIndex.provincialBands, variables: ExampleIndex.numbers("x"),
            pillars: [[ExampleIndex.indicator("x", rules: [.identity])]])
        let rows = [84.99, 84.995, 85, 69.999, 49.99].enumerated().map {
            ("U\($0.offset + 1)", "all", ["x": Value.number($0.element)])
        }
        let board = try Engine(framework: framework).score(ExampleIndex.dataset(rows))
        #expect(board.units.map { $0.band?.name.vi } == ["Khá", "Tốt", "Tốt", "Khá", "Yếu"])
        #expect(board.units.map(\.published) == [84.99, 85, 85, 70, 49.99])
    }

    @Test("an unranked group is scored and banded but gets no rank")
    func unrankedGroup() throws {
        let framework = ExampleIndex.framework(
            groups: [Group(id: "a", name: "A"), Group(id: "special", name: "Special", ranked: false)],
            bands: ExampleIndex.provincialBands, variables: ExampleIndex.numbers("x"),
            pillars: [[ExampleIndex.indicator("x", rules: [.identity])]])
        let board = try Engine(framework: framework).score(
            ExampleIndex.dataset([("U1", "a", ["x": .number(90)]), ("S", "special", ["x": .number(95)])]))
        #expect(board.result(for: "U1")?.rank == 1)
        #expect(board.result(for: "S")?.rank == nil)
        #expect(board.result(for: "S")?.band?.id == "good")
    }
}

@Suite struct RoundingTests {
    @Test(
        "half away from zero on the decimal value as printed",
        arguments: [
            (0.84845, 4, 0.8485), (2.5455 / 3, 4, 0.8485), (84.995, 2, 85.0), (1.005, 2, 1.01), (-2.5, 0, -3.0),
            (0.123_44, 4, 0.1234),
        ])
    func rounding(value: Double, decimals: Int, expected: Double) {
        #expect(Rounding.round(value, decimals: decimals) == expected)
    }

    @Test("fixed and short formatting")
    func formatting() {
        #expect(NumberFormatting.fixed(85, decimals: 2) == "85.00")
        #expect(NumberFormatting.fixed(0.8485, decimals: 4) == "0.8485")
        #expect(NumberFormatting.fixed(12.5, decimals: 2, decimalSeparator: ",") == "12,50")
        #expect(NumberFormatting.short(4.25) == "4.25")
        #expect(NumberFormatting.short(20) == "20")
        #expect(NumberFormatting.short(-0.00001) == "0")
    }
}

@Suite struct DeductionTests {
    @Test("deductions subtract capped points from the root, never below 0")
    func deductions() throws {
        let framework = ExampleIndex.framework(
            variables: ExampleIndex.numbers("x", "late"),
            pillars: [[ExampleIndex.indicator("x", rules: [.identity])]],
            deductions: [Deduction(id: "late", name: "Báo cáo trễ", points: ExampleIndex.expr("2 * late"), cap: 10)])
        let board = try Engine(framework: framework).score(
            ExampleIndex.dataset([
                ("U1", "all", ["x": .number(80), "late": .number(3)]),  // 80 − 6 = 74
                ("U2", "all", ["x": .number(80), "late": .number(9)]),  // 80 − min(18, 10) = 70
                ("U3", "all", ["x": .number(5), "late": .number(4)]),  // max(0, 5 − 8) = 0
                ("U4", "all", ["x": .number(50)]),  // late missing → nothing taken
            ]))
        #expect(board.units.map(\.score) == [74, 70, 0, 50])
        #expect(board.units.map(\.deductedPoints) == [6, 10, 8, 0])
        #expect(board.result(for: "U4")?.deductions.first?.computed == nil)
    }
}

@Suite struct FixedFormattingTests {
    /// The general route the fast path must agree with, written out independently.
    func reference(_ x: Double, _ decimals: Int) -> String {
        let rounded = Rounding.round(x, decimals: decimals)
        var factor: Int64 = 1
        for _ in 0..<decimals { factor *= 10 }
        let units = Int64((rounded.magnitude * Double(factor)).rounded())
        var text = (rounded < 0 && units != 0 ? "-" : "") + String(units / factor)
        if decimals > 0 {
            let digits = String(units % factor)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return text
    }

    @Test("fixed decimals agree with the long way for many values", arguments: [0, 1, 2, 3, 4, 7, 10])
    func agrees(decimals: Int) {
        var state: UInt64 = 99
        for _ in 0..<5_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let x = (Double(state >> 11) / Double(1 << 53) - 0.5) * 2_000
            #expect(NumberFormatting.fixed(x, decimals: decimals) == reference(x, decimals), "\(x)")
        }
        // (1e10 with more than 4 decimals has more digits than a double holds: it is printed as Swift does.)
        for x in [0.0, -0.0, 0.004, -0.004, 0.005, 99.995, 1e10, -7.0] where decimals <= 4 || x != 1e10 {
            #expect(NumberFormatting.fixed(x, decimals: decimals) == reference(x, decimals), "\(x)")
        }
    }

    @Test("edge cases: negative zero, a value that rounds to zero, commas, huge numbers")
    func edges() {
        #expect(NumberFormatting.fixed(-0.001, decimals: 2) == "0.00")
        #expect(NumberFormatting.fixed(-1.005, decimals: 2) == "-1.01")
        #expect(NumberFormatting.fixed(0.5, decimals: 0) == "1")
        #expect(NumberFormatting.fixed(1234.5, decimals: 1, decimalSeparator: ",") == "1234,5")
        #expect(NumberFormatting.fixed(1e20, decimals: 2) == "1e+20")
        #expect(Rounding.round(1e20, decimals: 2) == 1e20)
    }
}
