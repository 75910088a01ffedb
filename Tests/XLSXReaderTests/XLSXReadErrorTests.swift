import Foundation
import Testing
import ICTIndexTestSupport
import XLSXWriter

@testable import XLSXReader

@Suite struct XLSXReadErrorTests {
    @Test("a missing file")
    func missingFile() throws {
        let error = #expect(throws: XLSXReadError.self) {
            try XLSXDocument(contentsOf: URL(fileURLWithPath: "/nonexistent/units.xlsx"))
        }
        #expect(error?.code == .unreadableFile)
        #expect(
            error?.description
                == "/nonexistent/units.xlsx: tệp không tồn tại hoặc không đọc được\n"
                + "  gợi ý: hãy kiểm tra đường dẫn và quyền đọc tệp")
        #expect(
            error?.description(english: true)
                == "/nonexistent/units.xlsx: the file does not exist or cannot be read\n"
                + "  hint: check the path and the file's permissions")
    }

    @Test("random bytes are not a zip archive")
    func randomBytes() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("random.xlsx")
        try Data((0..<512).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }).write(to: url)
        let error = #expect(throws: XLSXReadError.self) { try XLSXDocument(contentsOf: url) }
        #expect(error?.code == .notZip)
        #expect(error?.message == "không phải tệp .xlsx (không phải tệp nén zip)")
        #expect(error?.hint == "hãy mở tệp bằng Excel hoặc LibreOffice Calc và lưu lại dưới dạng 'Excel Workbook (.xlsx)'")
        #expect(error?.englishMessage == "not an xlsx file (it is not a zip archive)")
        #expect(error?.englishHint == "open it in the spreadsheet application and save it as 'Excel Workbook (.xlsx)'")
    }

    @Test("a truncated workbook is a damaged zip archive")
    func truncated() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("cut.xlsx")
        try XLSXWriter.write(Spreadsheet(sheets: [Sheet(name: "A", rows: [[.number(1)]])]), to: url)
        let data = try Data(contentsOf: url)
        try data.prefix(data.count / 2).write(to: url)
        let error = #expect(throws: XLSXReadError.self) { try XLSXDocument(contentsOf: url) }
        #expect(error?.code == .notZip)
        #expect(
            error?.message
                == "không phải tệp .xlsx hợp lệ: tệp nén zip bị hỏng hoặc bị cắt cụt (không đọc được mục lục của nó)")
    }

    @Test("a zip archive without a workbook is not an xlsx file")
    func zipWithoutWorkbook() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("other.xlsx")
        try writeZip([("readme.txt", "hello")], to: url)
        let error = #expect(throws: XLSXReadError.self) { try XLSXDocument(contentsOf: url) }
        #expect(error?.code == .notXLSX)
        #expect(
            error?.description == """
                \(url.path): không phải bảng tính .xlsx (tệp nén không có xl/workbook.xml)
                  gợi ý: hãy mở tệp bằng Excel hoặc LibreOffice Calc và lưu lại dưới dạng 'Excel Workbook (.xlsx)'
                """)
    }

    @Test("malformed XML names the part and the line")
    func malformedXML() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("bad.xlsx")
        let workbook = """
            <?xml version="1.0"?>
            <workbook xmlns:r="urn:r"><sheets>
            <sheet name="A" sheetId="1" r:id="rId1"/>
            </sheets></workbook>
            """
        try writeZip(
            [
                ("_rels/.rels", HandWritten.rootRelationships), ("xl/workbook.xml", workbook),
                ("xl/_rels/workbook.xml.rels",
                 "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/a.xml\"/>"
                    + "</Relationships>"),
                ("xl/worksheets/a.xml",
                 "<worksheet>\n<sheetData>\n<row><c r=\"A1><v>1</v></c></row>\n</sheetData></worksheet>"),
            ], to: url)
        let document = try XLSXDocument(contentsOf: url)
        let error = #expect(throws: XLSXReadError.self) { try document.sheet(named: "A") }
        #expect(error?.code == .malformedXML)
        #expect(error?.part == "xl/worksheets/a.xml")
        #expect(error?.line == 3)
        #expect(error?.location == "\(url.path)[A] (xl/worksheets/a.xml:3)")
        // `r="A1><v>1</v></c></row>` holds a '<' inside the attribute value: `<row><c r="A1>` is 14 characters,
        // so the '<' is column 15 of line 3.
        #expect(
            error?.englishMessage == "the XML is malformed at line 3, column 15: an invalid character or byte (such as "
                + "a byte that is not UTF-8, or a < inside an attribute value)")
    }

    @Test("a sheet that is not there suggests the closest name")
    func sheetNotFound() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("names.xlsx")
        try XLSXWriter.write(
            Spreadsheet(sheets: [Sheet(name: "Đơn vị"), Sheet(name: "Tự đánh giá")]), to: url)
        let document = try XLSXDocument(contentsOf: url)
        let error = #expect(throws: XLSXReadError.self) { try document.sheet(named: "Tu danh gia") }
        #expect(error?.code == .sheetNotFound)
        #expect(
            error?.description == "\(url.path)[Tu danh gia]: bảng tính không có trang tính tên 'Tu danh gia'\n"
                + "  gợi ý: có phải ý bạn là 'Tự đánh giá'? các trang tính là 'Đơn vị', 'Tự đánh giá'")
        #expect(
            error?.description(english: true)
                == "\(url.path)[Tu danh gia]: the workbook has no sheet named 'Tu danh gia'\n"
                + "  hint: did you mean 'Tự đánh giá'? the sheets are 'Đơn vị', 'Tự đánh giá'")
    }

    @Test("a sheet listed without a relationship is a missing part")
    func danglingRelationship() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("dangling.xlsx")
        try writeZip(
            [
                ("_rels/.rels", HandWritten.rootRelationships),
                ("xl/workbook.xml",
                 "<workbook><sheets><sheet name=\"A\" sheetId=\"1\" r:id=\"rId5\"/></sheets></workbook>"),
            ], to: url)
        let error = #expect(throws: XLSXReadError.self) { try XLSXDocument(contentsOf: url) }
        #expect(error?.code == .missingPart)
        #expect(error?.sheet == "A")
    }
}
