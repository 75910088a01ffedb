import Foundation
import ICTIndexCore
import ICTIndexStorage
import ICTIndexTestSupport
import Testing
import XLSXWriter
import ZIPFoundation

/// Units and values read from .xlsx workbooks by the built `ictindex`: the same rules and results as CSV.
@Suite struct CLISpreadsheetInputTests {
    let cli = CommandRunner()
    /// Messages in Vietnamese, the users' default (the runner asks for English otherwise).
    let vietnamese = ["ICTINDEX_LANG": "vi"]
    let fixtures: String
    let directory: URL

    init() throws {
        fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).path
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ictindex-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// `tiny-units.csv` as a workbook.
    func writeUnits() throws -> String {
        let path = directory.appendingPathComponent("units.xlsx").path
        let rows: [[Cell]] = [
            [.text("code"), .text("name"), .text("group")],
            [.text("A"), .text("Sở A"), .text("dept")],
            [.text("B"), .text("Sở B, mới"), .text("dept")],
            [.text("C"), .text("Xã C"), .text("commune")],
        ]
        try XLSXWriter.write(Spreadsheet(sheets: [Sheet(name: "Đơn vị", rows: rows)]), to: URL(fileURLWithPath: path))
        return path
    }

    /// `tiny-values.csv` as a workbook: numbers as numbers, yes/no as booleans, a hidden sheet first.
    func writeValues(portalOfA: Cell = .boolean(true)) throws -> String {
        let path = directory.appendingPathComponent("values.xlsx").path
        let header = ["unit", "staff", "computers", "bandwidth", "meetings", "chair", "portal", "apps"]
        let rows: [[Cell]] = [
            header.map { .text($0) },
            [.text("A"), .number(40), .number(34), .number(100), .number(4), .text("chair"), portalOfA, .number(3)],
            [
                .text("B"), .number(50), .number(50), .number(50), .number(3), .text("deputy"), .boolean(false),
                .number(7),
            ],
            [.text("C"), .number(20), .number(10), .number(20), .number(1), .text("none")],
        ]
        let spreadsheet = Spreadsheet(sheets: [
            Sheet(name: "Ghi chú", rows: [[.text("not data")]], visibility: .hidden),
            Sheet(name: "Số liệu", rows: rows),
        ])
        try XLSXWriter.write(spreadsheet, to: URL(fileURLWithPath: path))
        return path
    }

    @Test("score reads .xlsx units and values and prints exactly what the CSV files give")
    func scoreFromWorkbooks() throws {
        // Given the tiny fixtures as CSV and as workbooks
        let csv = try cli.run([
            "score", fixtures + "/tiny.yaml", "--units", fixtures + "/tiny-units.csv", "--data",
            fixtures + "/tiny-values.csv", "--format", "csv",
        ])
        // When the workbooks are scored
        let out = try cli.run([
            "score", fixtures + "/tiny.yaml", "--units", try writeUnits(), "--data", try writeValues(),
            "--format", "csv",
        ])
        // Then the output is identical: A 93.00, B 65.00, C 36.00
        #expect(out.exitCode == 0, "\(out.stderr)")
        #expect(out.stderr == "")
        #expect(out.stdout == csv.stdout)
        #expect(out.stdout.contains("\nA,Sở A,dept,93.00,1,"))
        #expect(out.stdout.contains("\nB,\"Sở B, mới\",dept,65.00,2,"))
        #expect(out.stdout.contains("\nC,Xã C,commune,36.00,1,"))
    }

    @Test("date cells are read as dates: valid_from from a workbook decides which units a period scores")
    func dateCells() throws {
        // Given units valid from 2020-01-01, written as date cells (numbers with a date format)
        let path = directory.appendingPathComponent("dated.xlsx").path
        let from = Cell.date(Date(timeIntervalSince1970: 1_577_836_800))  // 2020-01-01
        let rows: [[Cell]] = [
            [.text("code"), .text("name"), .text("group"), .text("valid_from")],
            [.text("A"), .text("Sở A"), .text("dept"), from],
            [.text("B"), .text("Sở B, mới"), .text("dept"), from],
            [.text("C"), .text("Xã C"), .text("commune"), from],
        ]
        try XLSXWriter.write(Spreadsheet(sheets: [Sheet(name: "Đơn vị", rows: rows)]), to: URL(fileURLWithPath: path))
        // When scored for 2025
        let out = try cli.run([
            "score", fixtures + "/tiny.yaml", "--units", path, "--data", try writeValues(), "--period", "2025",
            "--format", "csv",
        ])
        // Then every unit exists in 2025 and the scores are the CSV fixtures' scores
        #expect(out.exitCode == 0, "\(out.stderr)")
        #expect(out.stdout.contains("\nA,Sở A,dept,93.00,1,"))
        #expect(out.stdout.contains("\nC,Xã C,commune,36.00,1,"))
    }

    @Test("a bad cell in a workbook is reported with the sheet, row and column")
    func badCell() throws {
        let values = try writeValues(portalOfA: .text("maybe"))
        let out = try cli.run([
            "score", fixtures + "/tiny.yaml", "--units", try writeUnits(), "--data", values, "--format", "csv",
        ])
        #expect(out.exitCode == 64)
        #expect(out.stdout == "")
        #expect(
            out.stderr == """
                \(values)[Số liệu]:2:7: error[D006]: unit 'A', variable 'portal': 'maybe' is not a yes/no value
                  hint: write 1 or 0, có or không, yes or no, true or false, or x for yes
                1 error

                """)
    }

    @Test("a file of random bytes named .xlsx is refused with exit code 64")
    func corruptWorkbook() throws {
        let path = directory.appendingPathComponent("broken.xlsx").path
        try Data((0..<300).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ 13) }).write(to: URL(fileURLWithPath: path))
        let out = try cli.run(
            ["score", fixtures + "/tiny.yaml", "--units", path, "--data", try writeValues()], environment: vietnamese)
        #expect(out.exitCode == 64)
        #expect(
            out.stderr == """
                \(path): lỗi[D013]: không đọc được tệp đơn vị: không phải tệp .xlsx (không phải tệp nén zip)
                  gợi ý: hãy mở tệp bằng Excel hoặc LibreOffice Calc và lưu lại dưới dạng 'Excel Workbook (.xlsx)'
                1 lỗi

                """)
    }

    /// A values workbook written by hand: sheet 'A' holds `sheetData`, or the sheet part is `sheetPart` as is.
    func writeHandMadeValues(sheetData: String, sheetPart: String? = nil, name: String = "hand.xlsx") throws -> String {
        let path = directory.appendingPathComponent(name).path
        let parts = [
            (
                "_rels/.rels",
                "<Relationships><Relationship Id=\"rId1\" Type=\"x/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>"
            ),
            (
                "xl/workbook.xml",
                "<workbook><sheets><sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/a.xml\"/>"
                    + "</Relationships>"
            ),
            ("xl/worksheets/a.xml", sheetPart ?? "<worksheet><sheetData>\(sheetData)</sheetData></worksheet>"),
        ]
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        return path
    }

    @Test("formulas saved without their computed value are refused, each named, rather than read as missing")
    func formulaWithoutValue() throws {
        // Given a workbook saved by a program that does not calculate (openpyxl writes <f> without <v>)
        let values = try writeHandMadeValues(
            sheetData: """
                <row r="1"><c r="A1" t="inlineStr"><is><t>unit</t></is></c><c r="B1" t="inlineStr"><is><t>staff</t>\
                </is></c><c r="C1" t="inlineStr"><is><t>computers</t></is></c></row>\
                <row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2"><f>20*2</f></c>\
                <c r="C2"><f>B2-6</f><v>34</v></c></row>\
                <row r="3"><c r="A3" t="inlineStr"><is><t>B</t></is></c><c r="B3"><v>50</v></c>\
                <c r="C3"><f t="shared" si="0"/></c></row>
                """)
        // When it is scored
        let out = try cli.run(
            ["score", fixtures + "/tiny.yaml", "--units", try writeUnits(), "--data", values], environment: vietnamese)
        // Then both formulas without a value are named, and nothing is scored
        #expect(out.exitCode == 64)
        #expect(out.stdout == "")
        #expect(
            out.stderr == """
                \(values)[A]:2:2: lỗi[D013]: ô B2 có công thức (=20*2) nhưng không có giá trị đã tính: tệp được \
                lưu bởi một chương trình không tính công thức
                  gợi ý: hãy mở tệp bằng Excel hoặc LibreOffice Calc để tính lại công thức, rồi lưu lại
                \(values)[A]:3:3: lỗi[D013]: ô C3 có công thức nhưng không có giá trị đã tính: tệp được lưu bởi \
                một chương trình không tính công thức
                  gợi ý: hãy mở tệp bằng Excel hoặc LibreOffice Calc để tính lại công thức, rồi lưu lại
                2 lỗi

                """)
    }

    @Test("an empty sheet part and a truncated sheet exit 64 with a message")
    func emptyAndTruncatedSheet() throws {
        let empty = try writeHandMadeValues(sheetData: "", sheetPart: "")
        let out = try cli.run(
            ["score", fixtures + "/tiny.yaml", "--units", try writeUnits(), "--data", empty], environment: vietnamese)
        #expect(out.exitCode == 64)
        #expect(
            out.stderr == """
                \(empty): lỗi[D013]: không đọc được tệp số liệu: phần xl/worksheets/a.xml rỗng (0 byte) \
                (trang tính 'A', xl/worksheets/a.xml)
                  gợi ý: tệp bảng tính bị hỏng; hãy mở và lưu lại tệp bằng Excel hoặc LibreOffice Calc
                1 lỗi

                """)
        let cut = try writeHandMadeValues(
            sheetData: "", sheetPart: "<worksheet><sheetData><row r=\"1\">", name: "cut.xlsx")
        let truncated = try cli.run(
            ["score", fixtures + "/tiny.yaml", "--units", try writeUnits(), "--data", cut], environment: vietnamese)
        #expect(truncated.exitCode == 64)
        #expect(
            truncated.stderr == """
                \(cut): lỗi[D013]: không đọc được tệp số liệu: phần xl/worksheets/a.xml bị cắt cụt: XML dừng ở \
                dòng 1 khi chưa đóng hết các thẻ (trang tính 'A', xl/worksheets/a.xml:1)
                  gợi ý: tệp có thể bị cắt cụt khi tải lên hoặc sao chép; hãy sao chép lại, hoặc lưu lại tệp từ Excel
                1 lỗi

                """)
    }

    @Test("units import and data import take workbooks; --sheet chooses the sheet, with a did-you-mean")
    func databaseImport() throws {
        // Given a fresh database
        let tiny = fixtures + "/tiny.yaml"
        #expect(try cli.run(["init"], in: directory).exitCode == 0)
        // When the units and the values are imported from workbooks
        let units = try cli.run(["units", "import", try writeUnits(), "--framework", tiny], in: directory)
        #expect(units.exitCode == 0, "\(units.stderr)")
        #expect(units.stdout.hasSuffix("units.xlsx: 3 units added, 0 changed, 0 unchanged\n"))
        let values = try writeValues()
        let arguments = ["data", "import", values, "--period", "2025", "--source", "self", "--framework", tiny]
        let data = try cli.run(arguments + ["--sheet", "Số liệu"], in: directory)
        #expect(data.exitCode == 0, "\(data.stderr)")
        #expect(data.stdout.contains("values added, 0 changed, 0 unchanged (self, period 2025)"))
        // Then a sheet name without diacritics is refused with the right name suggested
        let typo = try cli.run(arguments + ["--sheet", "So lieu"], in: directory, environment: vietnamese)
        #expect(typo.exitCode == 64)
        #expect(
            typo.stderr == """
                \(values): lỗi[D013]: không đọc được tệp số liệu: bảng tính không có trang tính tên 'So lieu'
                  gợi ý: có phải ý bạn là 'Số liệu'? các trang tính là 'Ghi chú', 'Số liệu'
                1 lỗi

                """)
    }

    /// A decisions workbook (sheet `Sheet1`): A's staff adjusted with a number cell, B's computers accepted, and C's
    /// staff adjusted to `cValue`.
    func writeDecisions(cValue: Cell) throws -> String {
        let path = directory.appendingPathComponent("decisions.xlsx").path
        let rows: [[Cell]] = [
            ["unit", "variable", "decision", "value", "reason"].map { .text($0) },
            [.text("A"), .text("staff"), .text("adjust"), .number(42), .text("kiểm tra hồ sơ")],
            [.text("C"), .text("staff"), .text("adjust"), cValue, .text("theo danh sách")],
            [.text("B"), .text("computers"), .text("accept")],
        ]
        try XLSXWriter.write(Spreadsheet(sheets: [Sheet(name: "Sheet1", rows: rows)]), to: URL(fileURLWithPath: path))
        return path
    }

    @Test("appraise reads a decisions workbook; a bad cell is named by sheet, row and column and changes nothing")
    func appraiseFromWorkbook() throws {
        // Given a database with the tiny units and their self-assessed values for 2025
        let tiny = fixtures + "/tiny.yaml"
        #expect(try cli.run(["init"], in: directory).exitCode == 0)
        #expect(try cli.run(["units", "import", try writeUnits(), "--framework", tiny], in: directory).exitCode == 0)
        let data = try cli.run(
            ["data", "import", try writeValues(), "--period", "2025", "--source", "self", "--framework", tiny],
            in: directory)
        #expect(data.exitCode == 0, "\(data.stderr)")
        let database = try IndexDatabase(path: directory.appendingPathComponent("ictindex.sqlite").path)
        let counts = """
            SELECT COUNT(*) FROM submission UNION ALL SELECT COUNT(*) FROM appraisalDecision
            UNION ALL SELECT COUNT(*) FROM auditEntry UNION ALL SELECT revision FROM period
            """
        let before = try database.integers(sql: counts)
        // When a workbook with a value that is not a number is applied
        let bad = try writeDecisions(cValue: .text("hai mươi"))
        let out = try cli.run(["appraise", bad, "--period", "2025", "--framework", tiny], in: directory)
        // Then it is refused with the sheet, row and column of the cell, and the database is unchanged
        #expect(out.exitCode == 64)
        #expect(out.stdout == "")
        #expect(
            out.stderr == """
                \(bad)[Sheet1]:3:4: error[D003]: unit 'C', variable 'staff': 'hai mươi' is not a number
                  hint: write a number such as 1234.5, without units or other text
                1 error

                """)
        #expect(try database.integers(sql: counts) == before)
        // When the cell is fixed (a number cell) and the workbook applied, naming its sheet
        let good = try writeDecisions(cValue: .number(25))
        let done = try cli.run(
            ["appraise", good, "--sheet", "Sheet1", "--period", "2025", "--framework", tiny], in: directory)
        // Then the three decisions are recorded, with the numbers as written in the cells
        #expect(done.exitCode == 0, "\(done.stderr)")
        #expect(done.stdout == "\(good): 3 values appraised, 0 changed, 0 unchanged (period 2025)\n")
        let values = try database.dataset(forPeriod: "2025").dataset
        #expect(values["A", "staff"]?.value == .number(42))
        #expect(values["A", "staff"]?.selfAssessed == .number(40))
        #expect(values["C", "staff"]?.value == .number(25))
        #expect(values["B", "computers"] == Dataset.Entry(value: .number(50), source: .appraised))
    }
}
