import Foundation
import ICTIndexTestSupport
import Testing
import XLSXWriter

/// Sheet-level features, checked in the sheet XML of the fixture scoreboard or of a small sheet.
@Suite struct SheetTests {
    static func sheetXML(_ sheet: Sheet, options: WriteOptions = WriteOptions()) throws -> String {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("sheet.xlsx")
        try XLSXWriter.write(Spreadsheet(sheets: [sheet]), to: url, options: options)
        return try XLSXFile(url: url).part("xl/worksheets/sheet1.xml")
    }

    static func scoreboardPart(_ part: String) throws -> String {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("scoreboard.xlsx")
        try XLSXWriter.write(Fixtures.scoreboard(created: XLSXWriterTests.created), to: url)
        return try XLSXFile(url: url).part(part)
    }

    @Test(
        "a merged range holds its value in the first cell and its style in every cell, in both memory modes",
        arguments: [false, true])
    func mergedRange(constantMemory: Bool) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("merge.xlsx")
        let style = CellStyle(bold: true, borders: .all(Border(.medium)))
        // B2:C3 spans two rows, with cells beside it on both rows.
        var sheet = Sheet(name: "A", rows: [[], [.text("x"), .empty, .empty, .text("y")], [.text("z")]])
        sheet.merges = [
            Merge("A1:C1", value: .text("Tiêu đề", style: style)), Merge("B2:C3", value: .number(7, style: style)),
            Merge("E2:E4", value: .text("mặc định")),
        ]
        try XLSXWriter.write(
            Spreadsheet(sheets: [sheet]), to: url, options: WriteOptions(constantMemory: constantMemory))
        let file = XLSXFile(url: url)
        let xml = try file.part("xl/worksheets/sheet1.xml")
        #expect(
            xml.contains(
                "<mergeCells count=\"3\"><mergeCell ref=\"A1:C1\"/><mergeCell ref=\"B2:C3\"/>"
                    + "<mergeCell ref=\"E2:E4\"/></mergeCells>"))
        let cells = try file.cells()
        #expect(cells["A1"]?.value == "Tiêu đề")
        #expect(cells["B1"]?.style == cells["A1"]?.style && cells["C1"]?.style == cells["A1"]?.style)
        #expect(cells["A2"]?.value == "x" && cells["B2"]?.value == "7" && cells["D2"]?.value == "y")
        #expect(cells["A3"]?.value == "z")
        #expect(cells["B3"]?.style == cells["B2"]?.style && cells["C3"]?.style == cells["B2"]?.style)
        #expect(cells["B3"]?.value == nil)
        #expect(cells["E2"]?.value == "mặc định")
    }

    @Test("column widths, a hidden column and row heights are written")
    func columnsAndRows() throws {
        var sheet = Sheet(name: "A", rows: [[.text("a")]])
        sheet.columns = [Column(0, width: 5), Column(2...4, width: 12.5), Column(6, isHidden: true)]
        sheet.rowHeights = [0: 30, 3: 18]
        let xml = try Self.sheetXML(sheet)
        #expect(xml.contains("<col min=\"1\" max=\"1\" width=\"5.7109375\" customWidth=\"1\"/>"))
        #expect(xml.contains("<col min=\"3\" max=\"5\" width=\"13.28515625\" customWidth=\"1\"/>"))
        #expect(xml.contains("<col min=\"7\" max=\"7\" width=\"0\" hidden=\"1\" customWidth=\"1\"/>"))
        #expect(xml.contains("<row r=\"1\" spans=\"1:1\" ht=\"30\" customHeight=\"1\">"))
        #expect(xml.contains("<row r=\"4\" ht=\"18\" customHeight=\"1\"/>"))
    }

    @Test("the frozen pane, autofilter, tab colour and zoom are written")
    func viewSettings() throws {
        let xml = try Self.scoreboardPart("xl/worksheets/sheet1.xml")
        #expect(xml.contains("<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(xml.contains("<autoFilter ref=\"A2:H6\"/>"))
        #expect(xml.contains("<tabColor rgb=\"FF1F4E79\"/>"))
        var sheet = Sheet(name: "A", zoom: 85, showsGridlines: false)
        sheet.freezePanes = "C2"
        let small = try Self.sheetXML(sheet)
        #expect(small.contains("showGridLines=\"0\""))
        #expect(small.contains("zoomScale=\"85\""))
        #expect(small.contains("<pane xSplit=\"2\" ySplit=\"1\" topLeftCell=\"C2\""))
    }

    @Test("data bars, colour scales and cell rules are written as conditional formats")
    func conditionalFormats() throws {
        let xml = try Self.scoreboardPart("xl/worksheets/sheet1.xml")
        #expect(
            xml.contains(
                "<conditionalFormatting sqref=\"E3:E6\"><cfRule type=\"dataBar\" priority=\"1\"><dataBar>"
                    + "<cfvo type=\"min\" val=\"0\"/><cfvo type=\"max\" val=\"0\"/><color rgb=\"FF638EC6\"/></dataBar>")
        )
        #expect(
            xml.contains(
                "<conditionalFormatting sqref=\"F3:H6\"><cfRule type=\"colorScale\" priority=\"2\"><colorScale>"
                    + "<cfvo type=\"min\" val=\"0\"/><cfvo type=\"percentile\" val=\"50\"/>"
                    + "<cfvo type=\"max\" val=\"0\"/>"
                    + "<color rgb=\"FFF8696B\"/><color rgb=\"FFFFEB84\"/><color rgb=\"FF63BE7B\"/></colorScale>"))
        #expect(
            xml.contains(
                "<cfRule type=\"cellIs\" dxfId=\"0\" priority=\"3\" operator=\"greaterThanOrEqual\">"
                    + "<formula>90</formula>"
            ))
    }

    @Test("between, two-colour scale and formula rules are written")
    func moreConditionalFormats() throws {
        var sheet = Sheet(name: "A", rows: [[.number(1)], [.number(2)]])
        let band = CellStyle(fillColor: 0xFFEB9C)
        sheet.conditionalFormats = [
            ConditionalFormat("A1:A2", rule: .cell(.between(50, 79.5), style: band)),
            ConditionalFormat("A1:A2", rule: .twoColorScale(minimum: 0xFFFFFF, maximum: 0x63BE7B)),
            ConditionalFormat("A1:A2", rule: .formula("$A1>1", style: band)),
        ]
        let xml = try Self.sheetXML(sheet)
        #expect(
            xml.contains(
                "<cfRule type=\"cellIs\" dxfId=\"0\" priority=\"1\" operator=\"between\"><formula>50</formula>"
                    + "<formula>79.5</formula></cfRule>"))
        #expect(xml.contains("<cfRule type=\"colorScale\" priority=\"2\"><colorScale><cfvo type=\"min\" val=\"0\"/>"))
        #expect(xml.contains("<cfRule type=\"expression\" dxfId=\"0\" priority=\"3\"><formula>$A1&gt;1</formula>"))
    }

    @Test("list, decimal, whole-number, date and text-length validations are written")
    func dataValidations() throws {
        var sheet = Sheet(name: "A")
        sheet.dataValidations = [
            DataValidation("D2:D40", rule: .list(["Có", "Không"]), inputTitle: "Trả lời", inputMessage: "Chọn một"),
            DataValidation(
                "E2:E40", rule: .decimal(minimum: 0, maximum: 100), allowsBlank: false, errorTitle: "Sai",
                errorMessage: "Nhập số từ 0 đến 100"),
            DataValidation("F2:F40", rule: .wholeNumber(minimum: 1, maximum: 34)),
            DataValidation(
                "G2:G40",
                rule: .date(
                    earliest: Date(timeIntervalSince1970: 1_735_689_600),
                    latest: Date(timeIntervalSince1970: 1_767_139_200))),
            DataValidation("H2:H40", rule: .textLength(minimum: 2, maximum: 10)),
        ]
        let xml = try Self.sheetXML(sheet)
        #expect(xml.contains("<dataValidations count=\"5\">"))
        #expect(
            xml.contains(
                "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" "
                    + "promptTitle=\"Trả lời\" prompt=\"Chọn một\" sqref=\"D2:D40\"><formula1>\"Có,Không\"</formula1>"))
        #expect(
            xml.contains(
                "<dataValidation type=\"decimal\" showErrorMessage=\"1\" errorTitle=\"Sai\" "
                    + "error=\"Nhập số từ 0 đến 100\" sqref=\"E2:E40\"><formula1>0</formula1><formula2>100</formula2>"))
        #expect(xml.contains("<dataValidation type=\"whole\""))
        // 2025-01-01 and 2025-12-31 as Excel serial dates.
        #expect(xml.contains("sqref=\"G2:G40\"><formula1>45658</formula1><formula2>46022</formula2>"))
        #expect(xml.contains("<dataValidation type=\"textLength\""))
    }

    @Test("sheet protection is written with its password hash and allowed actions")
    func protection() throws {
        var sheet = Sheet(name: "A", rows: [[.number(1, style: CellStyle(isLocked: false))]])
        sheet.protection = SheetProtection(
            password: "dic2025", allowsSelectingLockedCells: false, allowsFormattingColumns: true,
            allowsAutoFilter: true)
        let xml = try Self.sheetXML(sheet)
        let protection = try #require(xml.components(separatedBy: "<sheetProtection ").dropFirst().first)
        #expect(protection.hasPrefix("password=\""))
        #expect(protection.contains("sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\""))
        #expect(protection.contains("selectLockedCells=\"1\" autoFilter=\"0\""))
        #expect(!protection.contains("selectUnlockedCells"))
    }

    @Test("a hidden sheet has state=\"hidden\", and a hidden first sheet hands activation to a visible one")
    func hiddenSheets() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("hidden.xlsx")
        let spreadsheet = Spreadsheet(sheets: [
            Sheet(name: "Ẩn", visibility: .hidden), Sheet(name: "Hiện"), Sheet(name: "Ẩn 2", visibility: .hidden),
        ])
        try XLSXWriter.write(spreadsheet, to: url)
        let workbook = try XLSXFile(url: url).part("xl/workbook.xml")
        #expect(
            workbook.contains(
                "<sheets><sheet name=\"Ẩn\" sheetId=\"1\" state=\"hidden\" r:id=\"rId1\"/><sheet name=\"Hiện\" "
                    + "sheetId=\"2\" r:id=\"rId2\"/><sheet name=\"Ẩn 2\" sheetId=\"3\" state=\"hidden\" r:id=\"rId3\"/>"
            ))
        #expect(workbook.contains("firstSheet=\"1\" activeTab=\"1\""))
    }

    @Test("page setup: landscape, A4, fit to one page wide, repeated rows, footer with page numbers")
    func pageSetup() throws {
        let xml = try Self.scoreboardPart("xl/worksheets/sheet1.xml")
        #expect(xml.contains("<sheetPr><tabColor rgb=\"FF1F4E79\"/><pageSetUpPr fitToPage=\"1\"/></sheetPr>"))
        #expect(xml.contains("<printOptions horizontalCentered=\"1\"/>"))
        #expect(xml.contains("<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/>"))
        #expect(
            xml.contains(
                "<headerFooter><oddFooter>&amp;LBảng xếp hạng&amp;RTrang &amp;P/&amp;N</oddFooter></headerFooter>"))
        let workbook = try Self.scoreboardPart("xl/workbook.xml")
        #expect(
            workbook.contains(
                "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'Tổng hợp'!$2:$2</definedName>"))
    }

    @Test("header, margins and print area are written")
    func headerMarginsPrintArea() throws {
        var sheet = Sheet(name: "A", rows: [[.number(1)]])
        sheet.pageSetup = PageSetup(
            printArea: "A1:D20", header: "&CBáo cáo &D", margins: PageMargins(left: 0.5, right: 0.5, top: 1, bottom: 1))
        let xml = try Self.sheetXML(sheet)
        #expect(xml.contains("<oddHeader>&amp;CBáo cáo &amp;D</oddHeader>"))
        #expect(xml.contains("<pageMargins left=\"0.5\" right=\"0.5\" top=\"1\" bottom=\"1\""))
    }

    @Test("the subscript pads rows with empty cells")
    func subscriptPadding() {
        var sheet = Sheet(name: "A")
        sheet[CellAddress(row: 2, column: 1)] = .number(5)
        #expect(sheet.rows.count == 3)
        #expect(sheet.rows[2] == [.empty, .number(5)])
        #expect(sheet["B3"] == .number(5))
        #expect(sheet["Z99"] == .empty)
    }
}
