import Foundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexReports
import ICTIndexTestSupport
import Testing
import XLSXWriter

/// Real .xlsx files written to a temporary directory and read back with unzip + XMLParser.
@Suite struct ScoreboardReportFileTests {
    func written(_ report: ScoreboardReport, name: String = "tiny.xlsx") throws -> (XLSXFile, TemporaryDirectory) {
        let dir = try TemporaryDirectory()
        let url = dir.file(name)
        let warnings = try report.write(to: url)
        #expect(warnings.isEmpty)
        return (XLSXFile(url: url), dir)
    }

    /// Sheet names in tab order, from xl/workbook.xml.
    func sheetNames(_ file: XLSXFile) throws -> [String] {
        let xml = try file.part("xl/workbook.xml")
        return xml.components(separatedBy: "<sheet name=\"").dropFirst().compactMap {
            $0.components(separatedBy: "\"").first
        }
    }

    @Test("sheet names in tab order (Vietnamese)")
    func sheetNamesVietnamese() throws {
        let (file, dir) = try written(try ScoreboardReportTests.tinyReport())
        defer { dir.remove() }
        #expect(
            try sheetNames(file) == [
                "Tổng hợp", "Xếp hạng - Sở", "Xếp hạng - Xã", "infra", "gov", "Chi tiết", "Biểu đồ nhóm tiêu chí",
                "Phương pháp",
            ])
    }

    @Test("sheet names in tab order (English)")
    func sheetNamesEnglish() throws {
        let (file, dir) = try written(try ScoreboardReportTests.tinyReport(language: .en))
        defer { dir.remove() }
        #expect(
            try sheetNames(file) == [
                "Summary", "Ranking - Sở", "Ranking - Xã", "infra", "gov", "Details", "Pillar profile", "Method",
            ])
        let cells = try file.cells(sheet: 1)
        #expect(cells["A5"]?.value == "No.")
        #expect(cells["E5"]?.value == "Score")
    }

    @Test("Tổng hợp holds the hand-computed scores, ranks and bands under its headers")
    func summaryValues() throws {
        let (file, dir) = try written(try ScoreboardReportTests.tinyReport())
        defer { dir.remove() }
        let cells = try file.cells(sheet: 1)
        let headers = [
            "A5": "STT", "B5": "Mã", "C5": "Tên đơn vị", "D5": "Khối", "E5": "Tổng điểm", "F5": "Xếp hạng",
            "G5": "Xếp loại", "H5": "Điểm theo nhóm tiêu chí",
        ]
        for (ref, text) in headers { #expect(cells[ref]?.value == text, "\(ref)") }
        #expect(cells["H6"]?.value == "infra\n(tối đa 40)")
        #expect(cells["A7"]?.value == "I. Sở (2 đơn vị)")
        // Unit, score, rank, band, pillar points (infra 0.4 × 92.5 = 37, gov 0.6 × 93.33 = 56).
        let expected:
            [(row: Int, code: String, score: String, rank: String, band: String, infra: String, gov: String)] = [
                (8, "A", "93", "1", "Tốt", "37", "56"), (9, "B", "65", "2", "Trung bình", "30", "35"),
                (12, "C", "36", "1", "Yếu", "30", "6"),
            ]
        for e in expected {
            #expect(cells["B\(e.row)"]?.value == e.code)
            #expect(cells["E\(e.row)"]?.value == e.score)
            #expect(cells["F\(e.row)"]?.value == e.rank)
            #expect(cells["G\(e.row)"]?.value == e.band)
            #expect(cells["H\(e.row)"]?.value == e.infra)
            #expect(cells["I\(e.row)"]?.value == e.gov)
        }
        #expect(cells["A11"]?.value == "II. Xã (1 đơn vị)")
        // Under each group: units per band and the group's average ((93 + 65) / 2 = 79).
        #expect(cells["A10"]?.value == "Tốt: 1 · Khá: 0 · Trung bình: 1 · Yếu: 0; điểm bình quân của khối: 79.00")
        #expect(cells["A13"]?.value == "Tốt: 0 · Khá: 0 · Trung bình: 0 · Yếu: 1; điểm bình quân của khối: 36.00")
    }

    @Test("merged title and header cells, frozen panes, autofilter, conditional formats, print setup")
    func summaryLayout() throws {
        let (file, dir) = try written(try ScoreboardReportTests.tinyReport())
        defer { dir.remove() }
        let xml = try file.part("xl/worksheets/sheet1.xml")
        for merge in ["A1:I1", "A2:I2", "A3:I3", "A5:A6", "G5:G6", "H5:I5"] {
            #expect(xml.contains("<mergeCell ref=\"\(merge)\"/>"), "\(merge)")
        }
        #expect(
            xml.contains(
                "<pane xSplit=\"3\" ySplit=\"6\" topLeftCell=\"D7\" activePane=\"bottomRight\" state=\"frozen\"/>"))
        #expect(xml.contains("<autoFilter ref=\"A6:I13\"/>"))
        #expect(xml.contains("<conditionalFormatting sqref=\"E7:E13\"><cfRule type=\"dataBar\""))
        #expect(xml.contains("<formula>AND(ISNUMBER($E7),$E7&gt;=85)</formula>"))
        #expect(xml.contains("<formula>AND(ISNUMBER($E7),$E7&gt;=50)</formula>"))
        #expect(
            xml.contains(
                "<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\" useFirstPageNumber=\"1\"/>"))
        #expect(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"))
        #expect(
            xml.contains(
                "<oddFooter>&amp;L&amp;8&amp;A · 2025&amp;C&amp;8Trang &amp;P&amp;R&amp;8 tiny · ictindex 0.1.0</oddFooter>"
            ))
        #expect(xml.contains("<printOptions horizontalCentered=\"1\"/>"))
    }

    @Test("defined names: repeated header rows, the filter, the period, the criteria hash and the score range")
    func definedNames() throws {
        let (file, dir) = try written(try ScoreboardReportTests.tinyReport())
        defer { dir.remove() }
        let xml = try file.part("xl/workbook.xml")
        #expect(
            xml.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'Tổng hợp'!$5:$6</definedName>"))
        #expect(
            xml.contains(
                "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">"
                    + "'Tổng hợp'!$A$6:$I$13</definedName>"
            ))
        #expect(xml.contains("<definedName name=\"ictindex_period\">\"2025\"</definedName>"))
        #expect(xml.contains("<definedName name=\"ictindex_criteria_sha256\">\"" + String(repeating: "ab", count: 32)))
        #expect(xml.contains("<definedName name=\"ictindex_scores\">'Tổng hợp'!$E$7:$E$13</definedName>"))
    }

    @Test("a unit named like a formula stays text in every sheet", arguments: ["=SUM(A1)", "+84 912", "-x", "@cmd"])
    func formulaLookingNames(name: String) throws {
        var data = ExampleIndex.tinyData
        data.updateUnit(Unit(code: "A", name: name, group: "dept"))
        let (file, dir) = try written(try ScoreboardReportTests.tinyReport(data: data))
        defer { dir.remove() }
        let cell = try #require(try file.cells(sheet: 1)["C8"])
        #expect(cell.isText)
        #expect(cell.value == name)
        #expect(cell.formula == nil)
        for sheet in 1...8 {
            #expect(try file.cells(sheet: sheet).values.allSatisfy { $0.formula == nil }, "sheet \(sheet)")
        }
    }

    @Test("the same run gives the same bytes; another run time gives other bytes")
    func reproducible() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let report = try ScoreboardReportTests.tinyReport()
        try report.write(to: dir.file("a.xlsx"))
        try report.write(to: dir.file("b.xlsx"))
        let a = try Data(contentsOf: dir.file("a.xlsx"))
        #expect(a == (try Data(contentsOf: dir.file("b.xlsx"))))
        var run = ScoreboardReportTests.run
        run.runTime = run.runTime.addingTimeInterval(60)
        try ScoreboardReport(scoreboard: report.scoreboard, run: run).write(to: dir.file("c.xlsx"))
        #expect(a != (try Data(contentsOf: dir.file("c.xlsx"))))
        #expect(try XLSXFile(url: dir.file("a.xlsx")).part("docProps/core.xml").contains("2026-01-01T00:00:00Z"))
    }

    @Test("Chi tiết: every indicator of every unit with value, points, max points and the rule in words")
    func details() throws {
        let (file, dir) = try written(try ScoreboardReportTests.tinyReport())
        defer { dir.remove() }
        let cells = try file.cells(sheet: 6)
        #expect(cells["A2"]?.value == "Mã")
        #expect(cells["I2"]?.value == "Cách tính điểm")
        // A, infra.computers: 34 / 40 = 0.85 → 85 → 0.2 × 85 = 17 of 20 points.
        #expect(cells["C3"]?.value == "infra.computers")
        #expect(cells["E3"]?.value == "0.85")
        #expect(cells["F3"]?.value == "85")
        #expect(cells["G3"]?.value == "17")
        #expect(cells["H3"]?.value == "20")
        #expect(cells["I3"]?.value == "giá trị = «computers» ÷ «staff»; tỷ lệ (từ 0 đến 1) × điểm tối đa")
        // A, gov.chair: the option's label, 20 points.
        #expect(cells["C6"]?.value == "gov.chair")
        #expect(cells["E6"]?.value == "Chủ tịch")
        // 3 units × 6 indicators.
        #expect(cells["C20"]?.value != nil)
        #expect(cells["C21"] == nil)
        // C (commune): gov.portal does not apply.
        #expect(cells["C19"]?.value == "gov.portal")
        #expect(cells["J19"]?.value == "không áp dụng")
    }

    @Test("Phương pháp names the criteria, its hash, rounding, the ranking rule and each rule in words")
    func method() throws {
        let (file, dir) = try written(try ScoreboardReportTests.tinyReport())
        defer { dir.remove() }
        let texts = Set(try file.cells(sheet: 8).values.compactMap(\.value))
        #expect(texts.contains(String(repeating: "ab", count: 32)))
        #expect(texts.contains("tiny"))
        #expect(texts.contains { $0.contains("(1, 2, 2, 4)") && $0.contains("điểm công bố") })
        #expect(texts.contains("01/01/2026 07:00"))
        #expect(texts.contains("0.1.0"))
        #expect(
            texts.contains("Theo mức: ≥ 4 → 20 điểm; ≥ 3 → 15 điểm; ≥ 2 → 10 điểm; ≥ 1 → 5 điểm; thấp hơn → 0 điểm"))
    }

    @Test("a ranking sheet has a bar chart of the group's scores, from its data beside the table")
    func rankingChart() throws {
        let (file, dir) = try written(try ScoreboardReportTests.tinyReport())
        defer { dir.remove() }
        let parts = try file.partNames()
        #expect(parts.contains("xl/charts/chart1.xml"))
        let chart = try file.part("xl/charts/chart1.xml")
        #expect(chart.contains("<c:barDir val=\"bar\"/>"))
        #expect(chart.contains("'Xếp hạng - Sở'!$H$3:$H$4"))
    }
}
