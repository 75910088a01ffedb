import Foundation
import ICTIndexTestSupport
import Testing
import XLSXWriter

/// Writes real workbooks and reads them back through `unzip` and an XML parser.
@Suite struct XLSXWriterTests {
    /// 2025-01-15T08:30:00Z, the fixed creation date of the fixtures.
    static let created = Date(timeIntervalSince1970: 1_736_929_800)

    static func writeAndRead(
        _ spreadsheet: Spreadsheet, options: WriteOptions = WriteOptions(), in directory: TemporaryDirectory
    ) throws -> XLSXFile {
        let url = directory.file("book.xlsx")
        try XLSXWriter.write(spreadsheet, to: url, options: options)
        return XLSXFile(url: url)
    }

    @Test("cells keep their kinds: text, number, boolean, blank, date and URL")
    func cellKinds() throws {
        // Given a row of every kind of cell
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = Sheet(
            name: "Dữ liệu",
            rows: [
                [
                    .text("Sở Thông tin và Truyền thông"), .number(87.25), .boolean(true),
                    .blank(style: CellStyle(bold: true)),
                    .empty, .date(Date(timeIntervalSince1970: 1_735_689_600)),
                    .url("https://dx.gov.vn", text: "Cổng DX"),
                ]
            ])
        // When it is written
        let cells = try Self.writeAndRead(Spreadsheet(sheets: [sheet]), in: directory).cells()
        // Then each cell is stored with its type
        #expect(cells["A1"] == ReadCell(type: "s", value: "Sở Thông tin và Truyền thông"))
        #expect(cells["B1"] == ReadCell(type: nil, value: "87.25"))
        #expect(cells["C1"] == ReadCell(type: "b", value: "1"))
        #expect(cells["D1"]?.value == nil && cells["D1"]?.style != nil)
        #expect(cells["E1"] == nil)
        // 2025-01-01 is day 45658 after Excel's epoch.
        #expect(cells["F1"]?.value == "45658" && cells["F1"]?.style != nil)
        #expect(cells["G1"]?.value == "Cổng DX")
    }

    @Test(
        "text that looks like a formula is stored as a string, not a formula",
        arguments: ["=SUM(A1)", "+84 912 345 678", "-x", "@x", "=1+1", "=HYPERLINK(\"http://evil\")"])
    func formulaLikeTextStaysText(text: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try Self.writeAndRead(Spreadsheet(sheets: [Sheet(name: "A", rows: [[.text(text)]])]), in: directory)
        let cell = try #require(try file.cells()["A1"])
        #expect(cell == ReadCell(type: "s", value: text))
        #expect(cell.formula == nil)
        #expect(try !file.part("xl/worksheets/sheet1.xml").contains("<f>"))
    }

    @Test("a formula is written with its cached result")
    func formulaWithCachedResult() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = Sheet(
            name: "A",
            rows: [
                [
                    .number(2), .number(3),
                    .formula("=SUM(A1:B1)", cachedResult: .number(5)),
                    .formula("IF(A1>1,\"Tốt\",\"Kém\")", cachedResult: .text("Tốt")),
                    .formula("A1>1", cachedResult: .boolean(true)),
                ]
            ])
        let file = try Self.writeAndRead(Spreadsheet(sheets: [sheet]), in: directory)
        let cells = try file.cells()
        #expect(cells["C1"] == ReadCell(type: nil, formula: "SUM(A1:B1)", value: "5"))
        #expect(cells["D1"] == ReadCell(type: "str", formula: "IF(A1>1,\"Tốt\",\"Kém\")", value: "Tốt"))
        #expect(cells["E1"] == ReadCell(type: nil, formula: "A1>1", value: "1"))
        #expect(try file.part("xl/worksheets/sheet1.xml").contains("<f>SUM(A1:B1)</f><v>5</v>"))
    }

    @Test("sheet names, including Vietnamese ones, appear in workbook.xml in order")
    func sheetNames() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let names = ["Tổng hợp", "Trụ cột 1", "Chi tiết", "Phương pháp"]
        let file = try Self.writeAndRead(Spreadsheet(sheets: names.map { Sheet(name: $0) }), in: directory)
        let workbook = try file.part("xl/workbook.xml")
        let written = workbook.components(separatedBy: "<sheet name=\"").dropFirst().map {
            String($0.prefix { $0 != "\"" })
        }
        #expect(written == names)
    }

    @Test("equal strings share one shared-string entry")
    func sharedStrings() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = Sheet(name: "A", rows: [[.text("Tốt"), .text("Khá")], [.text("Tốt"), .text("Tốt")]])
        let file = try Self.writeAndRead(Spreadsheet(sheets: [sheet]), in: directory)
        let xml = try file.part("xl/sharedStrings.xml")
        #expect(xml.contains("count=\"4\" uniqueCount=\"2\""))
        #expect(try file.cells()["B2"]?.value == "Tốt")
    }

    @Test("equal styles share one format, and distinct styles get distinct formats")
    func styleDeduplication() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let bold = CellStyle(bold: true)
        let score = CellStyle(numberFormat: "0.00", borders: .all(Border(.thin, color: 0xBFBFBF)))
        let sheet = Sheet(
            name: "A",
            rows: [
                [.text("a", style: bold), .text("b", style: bold), .number(1, style: score), .number(2, style: score)]
            ])
        let file = try Self.writeAndRead(Spreadsheet(sheets: [sheet]), in: directory)
        let cells = try file.cells()
        #expect(cells["A1"]?.style == cells["B1"]?.style)
        #expect(cells["C1"]?.style == cells["D1"]?.style)
        #expect(cells["A1"]?.style != cells["C1"]?.style)
        let styles = try file.part("xl/styles.xml")
        #expect(styles.contains("formatCode=\"0.00\""))
        #expect(styles.contains("<left style=\"thin\"><color rgb=\"FFBFBFBF\"/></left>"))
        #expect(styles.contains("<cellXfs count=\"3\">"))
    }

    @Test("black is written as black, not as an unset colour")
    func blackColor() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sheet = Sheet(name: "A", rows: [[.text("x", style: CellStyle(fontColor: .black, fillColor: 0xFFEB84))]])
        let styles = try Self.writeAndRead(Spreadsheet(sheets: [sheet]), in: directory).part("xl/styles.xml")
        #expect(styles.contains("<color rgb=\"FF000000\"/>"))
        #expect(styles.contains("<fgColor rgb=\"FFFFEB84\"/>"))
    }

    @Test("document properties are written to docProps/core.xml and app.xml")
    func documentProperties() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let properties = DocumentProperties(
            title: "Bảng xếp hạng chỉ số ICT 2025", subject: "Chỉ số ICT", author: "Sở KH&CN",
            company: "UBND tỉnh", keywords: "ICT, 2025", comments: "Bản dự thảo", created: Self.created)
        let file = try Self.writeAndRead(Spreadsheet(sheets: [Sheet(name: "A")], properties: properties), in: directory)
        let core = try file.part("docProps/core.xml")
        #expect(core.contains("<dc:title>Bảng xếp hạng chỉ số ICT 2025</dc:title>"))
        #expect(core.contains("<dc:subject>Chỉ số ICT</dc:subject>"))
        #expect(core.contains("<dc:creator>Sở KH&amp;CN</dc:creator>"))
        #expect(core.contains("<cp:keywords>ICT, 2025</cp:keywords>"))
        #expect(core.contains("<dc:description>Bản dự thảo</dc:description>"))
        #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-01-15T08:30:00Z</dcterms:created>"))
        #expect(try file.part("docProps/app.xml").contains("<Company>UBND tỉnh</Company>"))
    }

    @Test("without a creation date the file is dated 1980-01-01, never now")
    func missingCreationDate() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let core = try Self.writeAndRead(Spreadsheet(sheets: [Sheet(name: "A")]), in: directory)
            .part("docProps/core.xml")
        #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">1980-01-01T00:00:00Z</dcterms:created>"))
    }

    @Test("defined names are written to workbook.xml")
    func definedNames() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spreadsheet = Spreadsheet(
            sheets: [Sheet(name: "Tổng hợp", rows: [[.number(1)]])],
            definedNames: [DefinedName(name: "DiemSo", formula: "='Tổng hợp'!$A$1:$B$9")])
        let workbook = try Self.writeAndRead(spreadsheet, in: directory).part("xl/workbook.xml")
        #expect(workbook.contains("<definedName name=\"DiemSo\">'Tổng hợp'!$A$1:$B$9</definedName>"))
    }

    @Test("the same spreadsheet gives the same bytes")
    func reproducibleBytes() throws {
        // Given a spreadsheet with strings, styles, a chart and conditional formats
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spreadsheet = Fixtures.scoreboard(created: Self.created)
        let first = directory.file("first.xlsx")
        let second = directory.file("second.xlsx")
        // When it is written twice, a second apart
        try XLSXWriter.write(spreadsheet, to: first)
        Thread.sleep(forTimeInterval: 1.1)
        try XLSXWriter.write(spreadsheet, to: second)
        // Then the files are identical (libxlsxwriter dates every zip entry 1980-01-01 00:00)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
        try XLSXWriter.write(spreadsheet, to: second, options: WriteOptions(constantMemory: true))
        let third = directory.file("third.xlsx")
        try XLSXWriter.write(spreadsheet, to: third, options: WriteOptions(constantMemory: true))
        #expect(try Data(contentsOf: second) == Data(contentsOf: third))
    }

    @Test("constant-memory mode writes the same cells, with strings inline")
    func constantMemory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let spreadsheet = Fixtures.scoreboard(created: Self.created)
        let normal = directory.file("normal.xlsx")
        let constant = directory.file("constant.xlsx")
        try XLSXWriter.write(spreadsheet, to: normal)
        try XLSXWriter.write(spreadsheet, to: constant, options: WriteOptions(constantMemory: true))
        for sheet in [1, 3] {
            let expected = try XLSXFile(url: normal).cells(sheet: sheet)
            let actual = try XLSXFile(url: constant).cells(sheet: sheet)
            #expect(expected.count > 0)
            #expect(Set(actual.keys) == Set(expected.keys))
            for (reference, cell) in expected {
                let other = try #require(actual[reference])
                #expect(other.value == cell.value, "\(reference)")
                #expect(other.formula == cell.formula, "\(reference)")
                #expect(other.style == cell.style, "\(reference)")
                #expect(other.isText == cell.isText, "\(reference)")
            }
        }
        #expect(try XLSXFile(url: constant).cells()["C3"]?.type == "inlineStr")
        // Merges written in row order survive constant-memory mode.
        #expect(try XLSXFile(url: constant).part("xl/worksheets/sheet1.xml").contains("<mergeCell ref=\"A1:H1\"/>"))
    }

    @Test("constant-memory mode uses the given temporary directory and leaves nothing in it")
    func temporaryDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let scratch = directory.url.appendingPathComponent("scratch")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false)
        try XLSXWriter.write(
            Fixtures.scoreboard(created: Self.created), to: directory.file("book.xlsx"),
            options: WriteOptions(constantMemory: true, temporaryDirectory: scratch))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
        #expect(try directory.contents() == ["book.xlsx", "scratch"])
    }

    @Test(
        "a different reader (Python openpyxl) opens the workbook and sees the values",
        .enabled(
            if: Python.hasOpenpyxl, "skipped: python3 with openpyxl is not installed (python3 -m pip install openpyxl)")
    )
    func openpyxlReadsTheWorkbook() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("book.xlsx")
        try XLSXWriter.write(Fixtures.scoreboard(created: Self.created), to: url)
        let script = """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb['Tổng hợp']
            values = openpyxl.load_workbook(sys.argv[1], data_only=True)['Tổng hợp']
            print('|'.join(wb.sheetnames))
            print(ws['A1'].value, ws['C3'].value, ws['E3'].value, values['E3'].value, sep='|')
            print(ws['C5'].value, ws['C5'].data_type, sep='|')
            print(ws.freeze_panes, ws.auto_filter.ref, ','.join(str(r) for r in ws.merged_cells.ranges), sep='|')
            print(wb['Hidden'].sheet_state, ws.page_setup.orientation, ws.page_setup.paperSize, sep='|')
            print(wb.properties.title, wb.properties.created.isoformat(), sep='|')
            """
        let result = try Python.run(script: script, arguments: [url.path])
        #expect(
            result == """
                Tổng hợp|Biểu đồ|Hidden
                BẢNG XẾP HẠNG CHỈ SỐ ICT 2025|Sở Tài chính|=SUM(F3:H3)|91.5
                =cmd|s
                A3|A2:H6|A1:H1
                hidden|landscape|9
                Bảng xếp hạng 2025|2025-01-15T08:30:00

                """)
    }
}

/// Runs Python 3 with openpyxl, when both are available.
enum Python {
    /// Whether `python3 -c 'import openpyxl'` succeeds.
    static let hasOpenpyxl = (try? execute(["-c", "import openpyxl"]).0) == 0

    /// The script's standard output.
    static func run(script: String, arguments: [String]) throws -> String {
        let (status, output) = try execute(["-c", script] + arguments)
        guard status == 0 else { throw ReadError(message: "openpyxl failed to read the workbook (exit \(status))") }
        return output
    }

    private static func execute(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
