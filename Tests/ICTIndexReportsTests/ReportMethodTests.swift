import Foundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexReports
import ICTIndexTestSupport
import OrderedCollections
import Testing
import XLSXWriter

/// `Phương pháp` for a reader who is not a statistician: every rule in words, weights as points and percentages,
/// missing values and aggregation in plain Vietnamese, no criteria-file keyword; the technical block last.
/// Every expected text below was read and checked by hand against the rule it describes.
@Suite struct ReportMethodTests {
    /// Words of the criteria file that a reader of the annex must never meet.
    static let fileKeywords = [
        "aggregate:", "impute_group_mean", "impute_mean", "min_max", "minmax", "fraction_of_max", "zscore", "z-score",
        "distance_to_target", "percent: true", "over: group", "over: all", "sd_of", "rule:", "at_least", "true_points",
        "best_of", "direction:", "0.333",
    ]

    static func method(
        _ framework: Framework, data: Dataset, language: Language = .vi
    ) throws -> Sheet {
        let scoreboard = try Engine(framework: framework).score(data)
        let workbook = ScoreboardReport(scoreboard: scoreboard, run: ScoreboardReportTests.run, language: language)
            .spreadsheet()
        let name = language == .en ? "Method" : "Phương pháp"
        return try #require(workbook.sheets.first { $0.name == name })
    }

    /// A row as texts: numbers as "#40.0", blanks as "".
    static func texts(_ row: [Cell]) -> [String] {
        row.map { cell in
            switch cell {
            case .text(let text, _): text
            case .number(let x, _): "#\(x)"
            default: ""
            }
        }
    }

    /// The table row whose last cell is the node's code.
    static func row(_ sheet: Sheet, _ code: String) throws -> [String] {
        let row = try #require(sheet.rows.first { Self.texts($0).last == code }, "no row for \(code)")
        return Self.texts(row)
    }

    /// Every text of the sheet, in cells and merged ranges.
    static func allTexts(_ sheet: Sheet) -> [String] {
        sheet.rows.flatMap { $0 }.compactMap {
            if case .text(let text, _) = $0 { return text }
            return nil
        }
            + sheet.merges.compactMap {
                if case .text(let text, _) = $0.value { return text }
                return nil
            }
    }

    /// The label → value pairs of the sheet's merged ranges (label in A:B, value from C), by row.
    static func pairs(_ sheet: Sheet) -> [(String, String)] {
        let texts = Dictionary(
            sheet.merges.compactMap { merge -> (CellAddress, String)? in
                if case .text(let text, _) = merge.value { return (merge.range.first, text) }
                return nil
            }, uniquingKeysWith: { a, _ in a })
        return texts.keys.filter { $0.column == 0 }.sorted { $0.row < $1.row }.compactMap { address in
            texts[CellAddress(row: address.row, column: 2)].map { (texts[address] ?? "", $0) }
        }
    }

    @Test("a points framework: maxima in points and percentages, every rule in words, groups by name")
    func pointsFramework() throws {
        // Given the tiny framework (sum of points: infra 40 = computers 20 + bandwidth 20; gov 60 = meetings 20 +
        // chair 20 + portal 10, departments only + apps 10)
        let sheet = try Self.method(ExampleIndex.tiny, data: ExampleIndex.tinyData)
        // Then a pillar adds its items' points; 40 of 100 points is 40 %
        #expect(
            try Self.row(sheet, "infra") == [
                "1", "infra", "#40.0", "40 %", "Cộng điểm các tiêu chí thành phần", "mọi khối", "", "infra",
            ])
        // A computed value is written with the variables' names and ÷, not the file's `computers / staff`
        #expect(
            try Self.row(sheet, "infra.computers") == [
                "1.1", "   infra.computers", "#20.0", "20 %",
                "Giá trị = «computers» ÷ «staff»; tỷ lệ (từ 0 đến 1) × điểm tối đa", "mọi khối",
                "thiếu số liệu: tính 0 điểm", "infra.computers",
            ])
        #expect(
            try Self.row(sheet, "infra.bandwidth")[4]
                == "Giá trị ÷ giá trị cao nhất của các đơn vị trong khối × điểm tối đa")
        #expect(
            try Self.row(sheet, "gov.meetings")[4]
                == "Theo mức: ≥ 4 → 20 điểm; ≥ 3 → 15 điểm; ≥ 2 → 10 điểm; ≥ 1 → 5 điểm; thấp hơn → 0 điểm")
        // Options by their labels; "score 0" is 0 points
        #expect(
            try Self.row(sheet, "gov.chair")[4]
                == "Theo lựa chọn: Chủ tịch → 20 điểm; Phó Chủ tịch → 10 điểm; Không → 0 điểm")
        // Applies to the departments only: the group's name, not its id `dept`
        #expect(
            try Self.row(sheet, "gov.portal") == [
                "2.3", "   gov.portal", "#10.0", "10 %", "Có → điểm tối đa, không → 0 điểm", "Sở",
                "thiếu số liệu: tính 0 điểm", "gov.portal",
            ])
        #expect(
            try Self.row(sheet, "gov.apps")[4]
                == "Tuyến tính: từ 0 trở xuống → 0 điểm, từ 5 trở lên → điểm tối đa, ở giữa tính theo tỷ lệ")
        // Bands as ranges, groups by name
        let pairs = Self.pairs(sheet)
        #expect(
            pairs.contains {
                $0 == (
                    "Xếp loại", "Tốt: từ 85 điểm; Khá: từ 70 đến dưới 85; Trung bình: từ 50 đến dưới 70; Yếu: dưới 50"
                )
            })
        #expect(pairs.contains { $0 == ("Khối", "Sở; Xã") })
        #expect(pairs.contains { $0 == ("Thang điểm", "Tổng điểm tối đa 100 điểm") })
        // And the technical block comes last: id, file, SHA-256, run time, version
        #expect(
            pairs.suffix(5).map(\.0) == [
                "Mã bộ tiêu chí", "Tệp tiêu chí", "SHA-256 của tệp tiêu chí", "Thời điểm chạy (giờ Việt Nam)",
                "Phiên bản ictindex",
            ])
        #expect(pairs.last?.1 == "0.1.0")
        for keyword in Self.fileKeywords {
            #expect(!Self.allTexts(sheet).contains { $0.contains(keyword) }, "'\(keyword)' on the method sheet")
        }
    }

    /// An index framework (weighted means, one "best of" pillar) with peer-relative rules and every missing-value
    /// policy.
    ///
    /// Shares: p has weight 2 of 3 (66.67 %), each of its three items a third of that (22.22 %); g a third
    /// (33.33 %), each of its two items half of that (16.67 %).
    static var statistical: Framework {
        typealias E = ExampleIndex
        return E.framework(
            id: "stat", groups: [Group(id: "g1", name: "Khối một"), Group(id: "g2", name: "Khối hai")],
            variables: E.numbers("a", "b", "c", "d"),
            pillars: [
                E.pillar(
                    "p", weight: 2,
                    children: [
                        E.indicator(
                            "p.z", value: E.v("a"), missing: .imputeGroupMean,
                            rules: [
                                .zscore(over: .group, mean: 0, sd: 1, sdOf: .sample),
                                .minmax(over: .all, range: 0...100),
                            ]),
                        E.indicator(
                            "p.r", value: E.v("b"), direction: .lower, missing: .imputeMean, rules: [.rank(over: .all)]),
                        E.indicator("p.q", value: E.v("c"), missing: .skip, rules: [.percentile(over: .group)]),
                    ]),
                E.pillar(
                    "g", weight: 1, aggregate: .max,
                    children: [
                        E.indicator(
                            "g.t", value: E.v("d"), missing: .error,
                            rules: [.distanceToTarget(target: 90, over: .group)]),
                        E.indicator("g.m", value: E.expr("max(a, b) * 2"), rules: [.minmax(over: .all, range: nil)]),
                    ]),
            ])
    }

    static var statisticalData: Dataset {
        ExampleIndex.dataset(
            [
                ("A", "g1", ["a": .number(1), "b": .number(2), "c": .number(3), "d": .number(80)]),
                ("B", "g1", ["a": .number(2), "b": .number(1), "c": .number(4), "d": .number(95)]),
                ("C", "g2", ["a": .number(3), "b": .number(3), "c": .number(1), "d": .number(60)]),
                ("D", "g2", ["a": .number(5), "b": .number(4), "c": .number(2), "d": .number(70)]),
            ], period: "2025")
    }

    @Test("an index framework: shares as percentages, z-scores explained, every missing-value policy in words")
    func indexFramework() throws {
        let sheet = try Self.method(Self.statistical, data: Self.statisticalData)
        // No points column in an index: STT, criterion, share, how, applies to, if missing, code
        #expect(
            try Self.row(sheet, "index") == [
                "", "Index", "100 %", "Bình quân có trọng số của các thành phần", "mọi khối", "", "index",
            ])
        #expect(
            try Self.row(sheet, "p.z") == [
                "1.1", "   p.z", "22.22 %",
                "Chuẩn hoá (z) so với các đơn vị trong khối: giá trị cao hay thấp hơn bình quân bao nhiêu lần độ "
                    + "lệch chuẩn (mức chênh lệch thường gặp giữa các đơn vị): (giá trị − bình quân) ÷ độ lệch chuẩn; "
                    + "sau đó so với tất cả đơn vị: giá trị thấp nhất → 0 điểm, cao nhất → điểm tối đa, ở giữa theo "
                    + "tỷ lệ: (giá trị − thấp nhất) ÷ (cao nhất − thấp nhất)",
                "mọi khối", "thiếu số liệu: lấy bình quân của khối", "p.z",
            ])
        #expect(
            try Self.row(sheet, "p.r") == [
                "1.2", "   p.r", "22.22 %",
                "Theo thứ hạng so với tất cả đơn vị: hạng 1 → điểm tối đa, hạng cuối → 0 điểm, các hạng giữa chia "
                    + "đều: (n − hạng) ÷ (n − 1), n là số đơn vị; càng thấp càng tốt",
                "mọi khối", "thiếu số liệu: lấy bình quân của tất cả đơn vị", "p.r",
            ])
        #expect(
            try Self.row(sheet, "p.q") == [
                "1.3", "   p.q", "22.22 %",
                "Theo vị trí so với các đơn vị trong khối (bách phân vị): tỷ lệ đơn vị có giá trị thấp hơn, đơn vị "
                    + "bằng giá trị tính một nửa, × điểm tối đa",
                "mọi khối", "thiếu số liệu: bỏ qua tiêu chí, điểm được quy đổi cho các tiêu chí còn lại", "p.q",
            ])
        #expect(
            try Self.row(sheet, "g") == [
                "2", "g", "33.33 %",
                "Lấy thành phần có điểm cao nhất", "mọi khối", "", "g",
            ])
        #expect(
            try Self.row(sheet, "g.t") == [
                "2.1", "   g.t", "16.67 %",
                "Theo mục tiêu 90: đạt từ 90 trở lên → điểm tối đa; thấp hơn thì giảm theo khoảng cách tới mục tiêu, "
                    + "giá trị thấp nhất của các đơn vị trong khối → 0 điểm",
                "mọi khối", "bắt buộc có số liệu: thiếu thì không tính được kết quả", "g.t",
            ])
        // A formula: functions in words, variables by name, × for *
        #expect(
            try Self.row(sheet, "g.m")[3]
                == "Giá trị = lớn nhất(«a», «b») × 2; so với tất cả đơn vị: giá trị thấp nhất → 0 điểm, cao nhất → "
                + "điểm tối đa, ở giữa theo tỷ lệ: (giá trị − thấp nhất) ÷ (cao nhất − thấp nhất)")
        #expect(Self.pairs(sheet).contains { $0 == ("Thang điểm", "Điểm từ 0 đến 100") })
        for keyword in Self.fileKeywords {
            #expect(!Self.allTexts(sheet).contains { $0.contains(keyword) }, "'\(keyword)' on the method sheet")
        }
    }

    @Test("--lang en: the same rows in English")
    func english() throws {
        let sheet = try Self.method(Self.statistical, data: Self.statisticalData, language: .en)
        #expect(
            try Self.row(sheet, "p.z") == [
                "1.1", "   p.z", "22.22 %",
                "Standardised (z) among the units of its group: how many standard deviations (the usual spread "
                    + "between units) the value is above or below their mean: (value − mean) ÷ standard deviation; "
                    + "then compared with all units: the lowest value → 0 points, the highest → max points, in between "
                    + "in proportion: (value − lowest) ÷ (highest − lowest)",
                "every group", "missing: mean of the unit's group used", "p.z",
            ])
        #expect(
            try Self.row(sheet, "g.m")[3]
                == "Value = larger of(«a», «b») × 2; compared with all units: the lowest value → 0 points, the "
                + "highest → max points, in between in proportion: (value − lowest) ÷ (highest − lowest)")
        let tiny = try Self.method(ExampleIndex.tiny, data: ExampleIndex.tinyData, language: .en)
        #expect(
            Self.pairs(tiny).contains {
                $0 == (
                    "Bands",
                    "Tốt: from 85 points; Khá: from 70 to below 85; Trung bình: from 50 to below 70; Yếu: below 50"
                )
            })
        #expect(
            try Self.row(tiny, "gov.chair")[4]
                == "By option: Chủ tịch → 20 points; Phó Chủ tịch → 10 points; Không → 0 points")
    }

    @Test("the shipped provincial criteria: the decision's description first, then the formula in words")
    func decisionWords() throws {
        // Given the sample provincial criteria and one unit of each group
        let path = CommandRunner.repositoryRoot.appendingPathComponent("Criteria/vn-province-agencies.yaml").path
        let framework = try FrameworkLoader().load(path: path).framework
        let units = framework.groups.keys.map { ($0.rawValue.uppercased(), $0.rawValue, [String: Value]()) }
        let sheet = try Self.method(framework, data: ExampleIndex.dataset(units, period: "2025"))
        // Then a criterion with a description shows it, a line break, then "Cách tính: …"
        #expect(
            try Self.row(sheet, "services.satisfaction") == [
                "5.7", "   Mức độ hài lòng của người dân, doanh nghiệp", "#2.0", "2 %",
                "Chỉ số đã ở thang 100: điểm = chỉ số ÷ 100 × 2.\nCách tính: giá trị đã theo thang 100, giữ nguyên",
                "mọi khối", "thiếu số liệu: tính 0 điểm", "services.satisfaction",
            ])
        // A criterion that applies to one group names it
        #expect(try Self.row(sheet, "services.civil_registry")[5] == "UBND cấp xã")
        // "z-score" is in one of the decision's own descriptions (shown verbatim), and the explanation follows it.
        #expect(
            Self.allTexts(sheet).contains {
                $0.hasPrefix("Chuẩn hóa z-score trên tất cả đơn vị")
                    && $0.contains(
                        "\nCách tính: chuẩn hoá (z) so với tất cả đơn vị: giá trị cao hay thấp hơn bình quân")
            })
        for keyword in Self.fileKeywords where keyword != "z-score" {
            #expect(!Self.allTexts(sheet).contains { $0.contains(keyword) }, "'\(keyword)' on the method sheet")
        }
    }
}
