import Foundation
import ICTIndexCore
import ICTIndexReports
import ICTIndexTestSupport
import OrderedCollections
import Testing
import XLSXWriter

/// What the printed scoreboard shows a reader: rounded values, each group's own maxima, page setup on every
/// sheet, the tool's details on `Phương pháp` only, and a draft's mark. Figures are from the tiny fixture
/// (`ExampleIndex.tiny`, worked out in `EngineTests`).
@Suite struct ReportPrintTests {
    static func workbook(
        _ framework: Framework = ExampleIndex.tiny, data: Dataset = ExampleIndex.tinyData, draft: Bool = false,
        language: Language = .vi
    ) throws -> Spreadsheet {
        var run = ScoreboardReportTests.run
        run.isDraft = draft
        let scoreboard = try Engine(framework: framework).score(data)
        return ScoreboardReport(scoreboard: scoreboard, run: run, language: language).spreadsheet()
    }

    static func sheet(_ workbook: Spreadsheet, _ name: String) throws -> Sheet {
        try #require(workbook.sheets.first { $0.name == name }, "no sheet '\(name)' in \(workbook.sheets.map(\.name))")
    }

    /// The texts of a sheet's merged ranges, by their first row.
    static func mergedTexts(_ sheet: Sheet) -> [Int: String] {
        var texts: [Int: String] = [:]
        for merge in sheet.merges {
            if case .text(let text, _) = merge.value { texts[merge.range.first.row] = text }
        }
        return texts
    }

    @Test("'Chi tiết' shows a computed value rounded to the framework's 2 decimals")
    func detailValuesRounded() throws {
        // Given: A has 10 computers for 30 staff, so infra.computers' input is 0.3333…
        var rows: [(String, String, [String: Value])] = []
        for unit in ExampleIndex.tinyData.units.values {
            var values: [String: Value] = [:]
            for variable in ["staff", "computers", "bandwidth", "meetings", "chair", "portal", "apps"] {
                if let value = ExampleIndex.tinyData.value(unit.code, VariableID(variable)) { values[variable] = value }
            }
            if unit.code == "A" {
                values["staff"] = .number(30)
                values["computers"] = .number(10)
            }
            rows.append((unit.code.rawValue, unit.group.rawValue, values))
        }
        let detail = try Self.sheet(Self.workbook(data: ExampleIndex.dataset(rows, period: "2025")), "Chi tiết")

        // When: A's infra.computers row.
        let row = try #require(
            detail.rows.first { $0.count > 4 && $0[0].isText("A") && $0[2].isText("infra.computers") })

        // Then: 0.33, not 0.333333…; a reported value (staff 30 is not shown here) keeps its digits.
        guard case .number(let value, _) = row[4] else {
            Issue.record("value cell is \(row[4])")
            return
        }
        #expect(value == 0.33)
    }

    @Test("a pillar sheet shows a group's own maxima when an indicator does not apply to it")
    func groupMaximaOnPillarSheet() throws {
        // gov (60) has meetings 20, chair 20, portal 10 (departments only), apps 10. For communes the 50 points that
        // apply are scaled to 60: meetings 20 × 60 / 50 = 24, chair 24, apps 10 × 60 / 50 = 12, portal grey.
        let gov = try Self.sheet(Self.workbook(), "gov")
        let labelRows = Self.mergedTexts(gov).filter { $0.value == "Điểm tối đa của khối này" }.map(\.key)
        #expect(labelRows.count == 1)  // departments' maxima are the printed ones: no row for them
        let row = try #require(labelRows.first.map { gov.rows[$0] })
        // Columns: STT, code, name (merged label), gov, pillar rank (blank), meetings, chair, portal, apps.
        #expect(row[3].number == 60)
        #expect(row[5].number == 24)
        #expect(row[6].number == 24)
        #expect(row[7].style.fillColor == 0xEDEDED)
        #expect(row[8].number == 12)
        // The row sits under the communes' heading.
        #expect(Self.mergedTexts(gov)[labelRows[0] - 1] == nil)
        #expect(gov.rows[labelRows[0] - 1].first?.isText("II. Xã (1 đơn vị)") == true)
    }

    @Test("'Tổng hợp' shows a group's maxima when a pillar does not apply to it")
    func groupMaximaOnSummary() throws {
        // Given: infra (40) applies to departments only, so for communes gov's 60 points are scaled to 100.
        var framework = ExampleIndex.tiny
        framework.nodes["infra"]?.appliesTo = ["dept"]
        let summary = try Self.sheet(Self.workbook(framework), "Tổng hợp")

        let labelRows = Self.mergedTexts(summary).filter { $0.value == "Điểm tối đa của khối này" }.map(\.key)
        #expect(labelRows.count == 1)
        let row = try #require(labelRows.first.map { summary.rows[$0] })
        // Columns: STT … band (0–6, the label merged over them), then infra, gov.
        #expect(row[7].style.fillColor == 0xEDEDED)
        #expect(row[8].number == 100)
    }

    @Test("every sheet prints on A4 with the sheet's name and its own page numbers in the footer")
    func pageSetupEverywhere() throws {
        for sheet in try Self.workbook().sheets {
            #expect(sheet.pageSetup.paperSize == .a4, "\(sheet.name)")
            #expect(sheet.pageSetup.firstPageNumber == 1, "\(sheet.name)")
            #expect(sheet.pageSetup.footer == "&L&8&A · 2025&C&8Trang &P&R&8 tiny · ictindex 0.1.0", "\(sheet.name)")
            #expect(sheet.pageSetup.repeatedRows != nil, "\(sheet.name)")
            #expect(sheet.pageSetup.header == nil, "\(sheet.name)")
        }
    }

    @Test("the tool's details are on 'Phương pháp' (file name only, Vietnam date), not under the annex")
    func toolDetails() throws {
        let workbook = try Self.workbook()
        let summary = try Self.sheet(workbook, "Tổng hợp")
        let texts = summary.rows.flatMap { $0 }.compactMap(\.text)
        #expect(!texts.contains { $0.contains("ictindex") || $0.contains("SHA-256") })
        let method = try Self.sheet(workbook, "Phương pháp").merges.compactMap { merge -> String? in
            if case .text(let text, _) = merge.value { return text }
            return nil
        }
        #expect(method.contains("tiny.yaml"))
        #expect(!method.contains { $0.contains("Criteria/") })
        // 2026-01-01 00:00 UTC is 07:00 in Vietnam.
        #expect(method.contains("01/01/2026 07:00"))
        #expect(method.contains("Thời điểm chạy (giờ Việt Nam)"))
    }

    @Test("a draft says DỰ THẢO in every sheet's page header, its title row and its document properties")
    func draft() throws {
        let workbook = try Self.workbook(draft: true)
        for sheet in workbook.sheets {
            #expect(sheet.pageSetup.header == "&C&\"-,Bold\"DỰ THẢO — chưa công bố", "\(sheet.name)")
        }
        #expect(workbook.properties.title == "DỰ THẢO: tiny — 2025")
        #expect(workbook.properties.category == "Dự thảo (chưa công bố)")
        #expect(workbook.properties.keywords == "tiny, 2025, DỰ THẢO")
        let summary = try Self.sheet(workbook, "Tổng hợp")
        #expect(Self.mergedTexts(summary)[1] == "Kỳ đánh giá: năm 2025 — DỰ THẢO")

        let english = try Self.workbook(draft: true, language: .en)
        #expect(english.sheets[0].pageSetup.header == "&C&\"-,Bold\"DRAFT — not published")
        #expect(english.properties.category == "Draft (not published)")
    }

    @Test("a published run has no draft mark")
    func published() throws {
        let workbook = try Self.workbook()
        #expect(workbook.sheets.allSatisfy { $0.pageSetup.header == nil })
        #expect(workbook.properties.category == nil)
        #expect(workbook.properties.title == "tiny — 2025")
    }

    @Test("a ranking sheet prints one page wide with its chart below the table on a page of its own, every unit shown")
    func rankingChartBelowTable() throws {
        let ranking = try Self.sheet(Self.workbook(), "Xếp hạng - Sở")
        let chart = try #require(ranking.charts.first)
        // Two departments in rows 3–4 (zero-based 2–3): the chart starts at row 5 (zero-based), column A.
        #expect(chart.anchor == CellAddress(row: 5, column: 0))
        #expect(ranking.pageSetup.rowBreaks == [5])
        #expect(ranking.pageSetup.fitToWidth == 1)
        #expect(chart.kind == .bar)
        // The chart's data beside the table (G:H), last rank first so that rank 1 is the top bar.
        #expect(chart.series.first?.categories == CellRange(rows: 2...3, columns: 6...6))
        #expect(ranking[CellAddress(row: 2, column: 6)].text == "2. B")
        #expect(ranking[CellAddress(row: 3, column: 6)].text == "1. A")
        #expect(chart.title == "Điểm của các đơn vị")
    }

    @Test("above the chart limit, the chart shows the top and bottom units and says how many lie between")
    func rankingChartTopAndBottom() throws {
        // Given: 7 departments and a limit of 4: the chart shows ranks 1–2, "… 3 đơn vị khác", ranks 6–7.
        var rows: [(String, String, [String: Value])] = []
        for k in 1...7 {
            rows.append(
                (
                    "D\(k)", "dept",
                    [
                        "staff": .number(10), "computers": .number(Double(k)), "bandwidth": .number(10),
                        "meetings": .number(1), "chair": .option("none"), "portal": .number(0),
                        "apps": .number(0),
                    ]
                ))
        }
        let scoreboard = try Engine(framework: ExampleIndex.tiny).score(ExampleIndex.dataset(rows, period: "2025"))
        let report = ScoreboardReport(
            scoreboard: scoreboard, run: ScoreboardReportTests.run,
            options: ScoreboardReport.Options(chartUnitLimit: 4))
        let ranking = try Self.sheet(report.spreadsheet(), "Xếp hạng - Sở")
        let chart = try #require(ranking.charts.first)
        #expect(chart.title == "Điểm của 2 đơn vị đứng đầu và 2 đơn vị cuối trong 7 đơn vị (đủ các đơn vị ở bảng trên)")
        // The chart's data: G2:H2 header, then G3:G7 — D1, D2, the gap, D6, D7 (lowest score first).
        let names = (2...6).map { ranking[CellAddress(row: $0, column: 6)].text ?? "" }
        #expect(names == ["7. D1", "6. D2", "… 3 đơn vị khác", "2. D6", "1. D7"])
        #expect(chart.series.first?.categories == CellRange(rows: 2...6, columns: 6...6))
        // Printed: the table's columns A–E only, not the chart's data.
        #expect(ranking.pageSetup.printArea?.last.column == 4)
    }
}

extension Cell {
    fileprivate var text: String? {
        if case .text(let text, _) = self { return text }
        return nil
    }

    fileprivate func isText(_ expected: String) -> Bool { text == expected }

    fileprivate var number: Double? {
        if case .number(let x, _) = self { return x }
        return nil
    }
}
