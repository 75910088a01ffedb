import Foundation
import ICTIndexTestSupport
import Testing
import ZIPFoundation

@testable import XLSXReader

/// Hostile and broken workbooks (issue 16): each is refused with its own error, never a crash, a silent wrong
/// value or an exhausted machine. The files are built here, part by part.
@Suite struct HostileWorkbookTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }

    /// Writes the parts and reads sheet 'A', returning the error.
    func readError(_ parts: [(String, Data)], limits: XLSXLimits = .standard) throws -> XLSXReadError? {
        let url = folder.file("hostile-\(UUID().uuidString).xlsx")
        try writeZip(parts, to: url)
        return #expect(throws: XLSXReadError.self) {
            try XLSXDocument(source: .file(url), path: "hostile.xlsx", limits: limits).sheet(named: "A")
        }
    }

    // MARK: - Crashes of the old reader (SIGILL, SIGSEGV)

    @Test("an invalid UTF-8 byte in an element name of a sheet is malformed XML, not a crash")
    func invalidUTF8InSheet() throws {
        var sheet = Data(HandWritten.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>").utf8)
        sheet.replaceSubrange(sheet.range(of: Data("<row".utf8))!, with: Data([0x3C, 0x72, 0xFF, 0x77]))
        let error = try readError(HandWritten.workbook(sheet: "", replacing: ["xl/worksheets/sheet1.xml": sheet]))
        #expect(error?.code == .malformedXML)
        // Line 2 starts with the root's start tag and <sheetData> (88 characters); "<r" is columns 89–90, so the
        // byte 0xFF is column 91.
        #expect(
            error?.description == """
                hostile.xlsx[A] (xl/worksheets/sheet1.xml:2): XML không hợp lệ ở dòng 2, cột 91: ký tự hoặc byte \
                không hợp lệ (ví dụ byte không phải UTF-8, hay dấu < trong giá trị thuộc tính)
                  gợi ý: tệp bảng tính bị hỏng; hãy mở và lưu lại tệp bằng Excel hoặc LibreOffice Calc
                """)
        #expect(
            error?.description(english: true) == """
                hostile.xlsx[A] (xl/worksheets/sheet1.xml:2): the XML is malformed at line 2, column 91: an invalid \
                character or byte (such as a byte that is not UTF-8, or a < inside an attribute value)
                  hint: the workbook is damaged; open and save it again in the spreadsheet application
                """)
    }

    @Test("an invalid UTF-8 byte in an element name of a relationships part is malformed XML")
    func invalidUTF8InRelationships() throws {
        let rels = Data("<Relationships><Relationship".utf8) + Data([0xC3, 0x28]) + Data("/>".utf8)
        let error = try readError(HandWritten.workbook(sheet: "", replacing: ["_rels/.rels": rels]))
        #expect(error?.code == .malformedXML)
        #expect(error?.part == "_rels/.rels")
        #expect(error?.line == 1)
    }

    @Test(
        "a processing instruction inside an attribute value is malformed XML",
        arguments: ["xl/sharedStrings.xml", "xl/_rels/workbook.xml.rels"])
    func processingInstructionInAttribute(part: String) throws {
        let hostile =
            part.hasSuffix(".rels")
            ? "<Relationships><Relationship Id=\"<?x y?>\" Target=\"a\"/></Relationships>"
            : "<sst><si><t a=\"<?x y?>\">x</t></si></sst>"
        let error = try readError(
            HandWritten.workbook(
                sheet: HandWritten.sheet(""), sharedStrings: "<sst/>", replacing: [part: Data(hostile.utf8)]))
        #expect(error?.code == .malformedXML)
        #expect(error?.part == part)
        #expect(error?.message.hasSuffix("dấu < trong giá trị thuộc tính)") == true)
    }

    // MARK: - Entities and DOCTYPE

    @Test(
        "a DOCTYPE is refused before any entity is read",
        arguments: [
            "<!DOCTYPE sst [<!ENTITY e \"EVIL\">]><sst><si><t>&e;</t></si></sst>",
            "<!DOCTYPE sst [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><sst><si><t>&e;</t></si></sst>",
            "<!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><sst/>",
            "<!DOCTYPE sst SYSTEM \"http://example.invalid/x.dtd\"><sst/>",
        ])
    func doctype(sharedStrings: String) throws {
        let error = try readError(
            HandWritten.workbook(sheet: HandWritten.sheet(""), sharedStrings: "<?xml version=\"1.0\"?>" + sharedStrings)
        )
        #expect(
            error?.description == """
                hostile.xlsx (xl/sharedStrings.xml:1): phần xl/sharedStrings.xml có khai báo DOCTYPE; tệp .xlsx \
                không bao giờ cần khai báo này, và nó có thể chứa thực thể làm sai lệch hoặc phình to dữ liệu
                  gợi ý: hãy mở tệp bằng Excel hoặc LibreOffice Calc và lưu lại dưới dạng 'Excel Workbook (.xlsx)'
                """)
        #expect(error?.code == .doctypeForbidden)
    }

    @Test("an entity without a DOCTYPE is an undefined entity, not a silently dropped string")
    func undefinedEntity() throws {
        let error = try readError(
            HandWritten.workbook(
                sheet: HandWritten.sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"),
                sharedStrings: "<sst><si><t>&e;</t></si></sst>"))
        #expect(error?.code == .malformedXML)
        // "<sst><si><t>" is 12 characters: the '&' is column 13.
        #expect(
            error?.message == "XML không hợp lệ ở dòng 1, cột 13: tham chiếu thực thể không xác định "
                + "(chỉ cho phép &amp; &lt; &gt; &quot; &apos;)")
    }

    // MARK: - Cell references

    @Test(
        "a cell reference that is invalid or not on its row is refused",
        arguments: [
            (
                "<row r=\"2\"><c r=\"A1048577\"><v>0.7</v></c></row>",
                "'A1048577' không phải địa chỉ ô hợp lệ (chữ in hoa A–XFD rồi số dòng 1–1048576, như B14)", nil
            ),
            (
                "<row r=\"2\"><c r=\"a2\"><v>0.7</v></c></row>",
                "'a2' không phải địa chỉ ô hợp lệ (chữ in hoa A–XFD rồi số dòng 1–1048576, như B14)", nil
            ),
            (
                "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>",
                "'XFE1' không phải địa chỉ ô hợp lệ (chữ in hoa A–XFD rồi số dòng 1–1048576, như B14)", nil
            ),
            (
                "<row r=\"1\"><c r=\"$A$1\"><v>1</v></c></row>",
                "'$A$1' không phải địa chỉ ô hợp lệ (chữ in hoa A–XFD rồi số dòng 1–1048576, như B14)", nil
            ),
            ("<row r=\"2\"><c r=\"A3\"><v>1</v></c></row>", "ô A3 nằm trong dòng 2", "A3"),
            (
                "<row r=\"2\"><c r=\"B2\"><v>1</v></c><c r=\"B2\"><v>2</v></c></row>",
                "ô B2 đứng sau ô B2 trong dòng (các ô phải theo thứ tự cột, mỗi ô một lần)", "B2"
            ),
            ("<row r=\"1048577\"><c><v>1</v></c></row>", "số dòng '1048577' không hợp lệ (phải từ 1 đến 1048576)", nil),
            ("<row r=\"0\"><c><v>1</v></c></row>", "số dòng '0' không hợp lệ (phải từ 1 đến 1048576)", nil),
        ] as [(String, String, String?)])
    func invalidReference(rows: String, message: String, cell: String?) throws {
        let error = try readError(HandWritten.workbook(sheet: HandWritten.sheet(rows)))
        #expect(error?.code == .invalidReference)
        #expect(error?.message == message)
        #expect(error?.cell == cell)
        #expect(error?.sheet == "A")
    }

    @Test("a row given twice is refused")
    func duplicateRow() throws {
        let error = try readError(
            HandWritten.workbook(
                sheet: HandWritten.sheet(
                    "<row r=\"3\"><c r=\"A3\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c></row>"
                        + "<row r=\"3\"><c r=\"B3\"><v>1</v></c></row>")))
        #expect(error?.code == .invalidReference)
        #expect(error?.message == "dòng 3 xuất hiện hai lần trong trang tính")
        #expect(error?.englishMessage == "row 3 appears twice in the sheet")
    }

    @Test("the last cell of Excel's grid, XFD1048576, is read")
    func lastCell() throws {
        let url = folder.file("corner.xlsx")
        try writeZip(
            HandWritten.workbook(sheet: HandWritten.sheet("<row r=\"1048576\"><c r=\"XFD1048576\"><v>5</v></c></row>")),
            to: url)
        let sheet = try XLSXDocument(contentsOf: url).sheet(named: "A")
        #expect(sheet.rows.map(\.number) == [1_048_576])
        #expect(sheet["XFD1048576"]?.value == .number(5))
        #expect(XLSXCellReference("XFE1") == nil)
        #expect(XLSXCellReference("A1048577") == nil)
    }

    // MARK: - Truncated and empty parts

    @Test("a truncated sheet is refused, not read without its last rows")
    func truncatedSheet() throws {
        let sheet = HandWritten.sheet(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>HN</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>QN</t></is></c></row>")
        let cut = Data(sheet.utf8).prefix(sheet.utf8.count - 40)  // inside row 2
        let error = try readError(HandWritten.workbook(sheet: "", replacing: ["xl/worksheets/sheet1.xml": cut]))
        #expect(error?.code == .truncatedXML)
        #expect(
            error?.description == """
                hostile.xlsx[A] (xl/worksheets/sheet1.xml:2): phần xl/worksheets/sheet1.xml bị cắt cụt: XML dừng ở \
                dòng 2 khi chưa đóng hết các thẻ
                  gợi ý: tệp có thể bị cắt cụt khi tải lên hoặc sao chép; hãy sao chép lại, hoặc lưu lại tệp từ Excel
                """)
    }

    @Test("an empty sheet part has its own message")
    func emptySheetPart() throws {
        let error = try readError(HandWritten.workbook(sheet: "", replacing: ["xl/worksheets/sheet1.xml": Data()]))
        #expect(error?.code == .emptyPart)
        #expect(
            error?.description == """
                hostile.xlsx[A] (xl/worksheets/sheet1.xml): phần xl/worksheets/sheet1.xml rỗng (0 byte)
                  gợi ý: tệp bảng tính bị hỏng; hãy mở và lưu lại tệp bằng Excel hoặc LibreOffice Calc
                """)
        #expect(error?.englishMessage == "the part xl/worksheets/sheet1.xml is empty (0 bytes)")
    }

    @Test("a sheet part of white space only is empty")
    func blankSheetPart() throws {
        let error = try readError(HandWritten.workbook(sheet: "  \n "))
        #expect(error?.code == .emptyPart)
        #expect(error?.message == "phần xl/worksheets/sheet1.xml không có nội dung (4 byte, không có phần tử XML nào)")
    }

    @Test("a truncated XML declaration has its own message")
    func truncatedDeclaration() throws {
        let error = try readError(HandWritten.workbook(sheet: "<?xml version=\"1.0\" encoding="))
        #expect(error?.code == .truncatedXML)
        #expect(error?.message == "phần xl/worksheets/sheet1.xml bị cắt cụt ngay trong khai báo XML (<?xml …?>)")
        #expect(
            error?.englishMessage
                == "the part xl/worksheets/sheet1.xml is cut off inside its XML declaration (<?xml …?>)")
    }

    @Test("a sheet part missing from the archive is a missing part")
    func missingSheetPart() throws {
        let url = folder.file("missing.xlsx")
        try writeZip(HandWritten.workbook(sheet: "", replacing: ["xl/worksheets/sheet1.xml": nil]), to: url)
        let error = #expect(throws: XLSXReadError.self) { try XLSXDocument(contentsOf: url) }
        #expect(error?.code == .missingPart)
        #expect(error?.message == "tệp nén thiếu phần của trang tính 'A'")
        #expect(error?.englishMessage == "sheet 'A' is missing from the archive")
    }

    // MARK: - Containers

    @Test("a password-protected workbook is called password-protected, not .xls")
    func passwordProtected() throws {
        // Given an OLE compound file whose directory names the EncryptedPackage stream, as Excel writes it
        let url = folder.file("secret.xlsx")
        var bytes = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 1_016)
        bytes += Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) + Data(count: 96)
        try bytes.write(to: url)
        let error = #expect(throws: XLSXReadError.self) { try XLSXDocument(contentsOf: url) }
        #expect(error?.code == .passwordProtected)
        #expect(
            error?.description == """
                \(url.path): bảng tính được bảo vệ bằng mật khẩu (đã mã hóa), nên không đọc được
                  gợi ý: hãy mở tệp bằng mật khẩu trong Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › \
                Mã hóa bằng mật khẩu, xóa trống) rồi lưu lại
                """)
        // And an OLE compound file without it is an .xls workbook
        try (Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 1_016)).write(to: url)
        let xls = #expect(throws: XLSXReadError.self) { try XLSXDocument(contentsOf: url) }
        #expect(xls?.code == .notZip)
        #expect(xls?.englishMessage == "not an xlsx file: it is an old Excel 97–2003 (.xls) workbook")
    }

    @Test("a zip archive cut short names no library error")
    func truncatedArchive() throws {
        let url = folder.file("cut.xlsx")
        try writeZip(HandWritten.workbook(sheet: HandWritten.sheet("")), to: url)
        let data = try Data(contentsOf: url)
        try data.prefix(data.count - 30).write(to: url)
        let error = #expect(throws: XLSXReadError.self) { try XLSXDocument(contentsOf: url) }
        #expect(error?.code == .notZip)
        #expect(
            error?.description(english: true) == """
                \(url.path): not an xlsx file: the zip archive is damaged or truncated (its directory cannot be read)
                  hint: the file may be truncated; copy it again or save it again from the spreadsheet application
                """)
    }

    @Test("a central directory that points past the end of the file is a damaged archive (found by FuzzXLSX)")
    func directoryPastTheEnd() throws {
        // Given the input FuzzXLSX found: it trapped in ZIPFoundation's in-memory archive (a range with a negative
        // length), which the reader no longer uses
        let url = try #require(
            Bundle.module.url(forResource: "Fixtures/fuzz-memory-file-offset", withExtension: "xlsx"))
        // When it is read from its file, Then it is an error, not a trap
        #expect(throws: XLSXReadError.self) {
            let document = try XLSXDocument(contentsOf: url)
            for name in document.sheetNames { _ = try document.sheet(named: name) }
        }
    }

    // MARK: - Bombs

    @Test("a 1 MB workbook whose shared strings inflate to 1 GB is refused after 100 times its compressed size")
    func sharedStringsBomb() throws {
        // Given shared strings of one string of 1 GiB of 'a', deflated to about 1 MB
        let url = folder.file("bomb.xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in HandWritten.workbook(sheet: HandWritten.sheet("")) {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        let head = Data("<sst><si><t>".utf8)
        let filler = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
        let total = 1 << 30
        try archive.addEntry(
            with: "xl/sharedStrings.xml", type: .file, uncompressedSize: Int64(total), compressionMethod: .deflate,
            bufferSize: 1 << 20,
            provider: { position, size in
                position == 0 ? head + filler.prefix(size - head.count) : filler.prefix(size)
            })
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        #expect(size < 1_100_000)

        // When it is read, Then it is refused once the part passes 100 times its compressed size
        let error = #expect(throws: XLSXReadError.self) { try XLSXDocument(contentsOf: url) }
        #expect(error?.code == .tooLarge)
        #expect(error?.part == "xl/sharedStrings.xml")
        #expect(
            error?.englishMessage.hasPrefix("the part xl/sharedStrings.xml inflates to more than 100 times") == true)
        #expect(
            error?.hint == "tệp này có thể là 'bom zip'; nếu là dữ liệu thật, hãy chia nó thành nhiều tệp nhỏ hơn")
    }

    @Test("a part over the size limit, the package over its limit, and a sheet over its cell limit are refused")
    func limits() throws {
        let rows = (1...50).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c><c><v>1</v></c></row>" }
        let parts = HandWritten.workbook(sheet: HandWritten.sheet(rows.joined()))
        // A sheet of 100 cells against a limit of 99
        var limits = XLSXLimits()
        limits.cellsPerSheet = 99
        let cells = try readError(parts, limits: limits)
        #expect(cells?.code == .tooLarge)
        #expect(cells?.message == "trang tính có hơn 99 ô, quá giới hạn cho một trang")
        // A sheet part of 2,300 bytes against a part limit of 2,048
        limits = XLSXLimits()
        limits.partSize = 2_048
        let part = try readError(parts, limits: limits)
        #expect(
            part?.englishMessage
                == "the part xl/worksheets/sheet1.xml inflates to more than 2048 B, over the limit for a part")
        // Every part together against a package limit of 2,048 (each part alone is smaller)
        limits = XLSXLimits()
        limits.packageSize = 2_048
        let package = try readError(parts, limits: limits)
        #expect(package?.code == .tooLarge)
        #expect(package?.englishMessage.hasPrefix("the parts of the file inflate to more than") == true)
    }
}
