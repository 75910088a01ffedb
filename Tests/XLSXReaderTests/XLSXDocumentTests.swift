import Foundation
import Testing
import ICTIndexTestSupport
import XLSXWriter

@testable import XLSXReader

@Suite struct XLSXDocumentTests {
    @Test("every cell written by XLSXWriter reads back with its value, formula, format and protection")
    func roundTripWithXLSXWriter() throws {
        // Given a workbook with text, numbers, booleans, formulas, dates, blanks and a hidden sheet
        let folder = try TemporaryFolder()
        let url = folder.file("round-trip.xlsx")
        let date = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01
        let rows: [[Cell]] = [
            [.text("code"), .text("name"), .text("score"), .text("ok")],
            [.text("HN"), .text("Sở Thông tin và Truyền thông Hà Nội"), .number(87.456), .boolean(true)],
            [
                .text("ĐN"), .text("Ủy ban nhân dân — \"Đà Nẵng\" & <miền Trung>"), .number(-0.1),
                .boolean(false),
            ],
            [.empty, .text("  spaces  "), .number(1e-7), .formula("C2+C3", cachedResult: .number(87.356))],
            [.formula("A2&\"!\"", cachedResult: .text("HN!")), .date(date), .number(123_456_789_012),
             .text("x", style: CellStyle(isLocked: false))],
        ]
        let spreadsheet = Spreadsheet(
            sheets: [
                Sheet(name: "Đơn vị", rows: rows, merges: [Merge("F1:G1", value: .text("gộp"))]),
                Sheet(name: "Ẩn", rows: [[.number(1)]], visibility: .hidden),
            ],
            definedNames: [DefinedName(name: "Diem", formula: "='Đơn vị'!$C$2:$C$3")])
        try XLSXWriter.write(spreadsheet, to: url)

        // When it is read back
        let document = try XLSXDocument(contentsOf: url)
        let sheet = try document.sheet(named: "Đơn vị")

        // Then every cell matches
        #expect(document.sheetNames == ["Đơn vị", "Ẩn"])
        #expect(document.sheets.map(\.visibility) == [.visible, .hidden])
        #expect(document.firstVisibleSheet?.name == "Đơn vị")
        #expect(!document.uses1904DateSystem)
        #expect(document.definedNames.map(\.name) == ["Diem"])
        #expect(document.definedNames.first?.formula.contains("$C$2:$C$3") == true)
        for (r, row) in rows.enumerated() {
            for (c, written) in row.enumerated() {
                let cell = sheet.cell(at: XLSXCellReference(row: r + 1, column: c + 1))
                switch written {
                case .empty: #expect(cell == nil)
                case .text(let text, _): #expect(cell?.value == .text(text))
                case .number(let number, _): #expect(cell?.value == .number(number))
                case .boolean(let flag, _): #expect(cell?.value == .boolean(flag))
                case .formula(let formula, .number(let number), _):
                    #expect(cell?.value == .number(number))
                    #expect(cell?.formula == formula)
                case .formula(let formula, .text(let text), _):
                    #expect(cell?.value == .text(text))
                    #expect(cell?.formula == formula)
                case .date:
                    #expect(cell?.value == .number(45658))
                    #expect(cell?.hasDateFormat == true)
                default: Issue.record("unexpected cell \(written)")
                }
            }
        }
        #expect(sheet["D5"]?.isLocked == false)
        #expect(sheet["D2"]?.isLocked == true)
        #expect(sheet["C2"]?.hasDateFormat == false)
        #expect(sheet.mergedRanges.map(\.description) == ["F1:G1"])
        #expect(sheet["F1"]?.value == .text("gộp"))
        #expect(sheet.rows.map(\.number) == [1, 2, 3, 4, 5])
        #expect(sheet.rows[3].texts.prefix(3) == ["", "  spaces  ", "1e-07"])
        #expect(sheet.rows[4].texts[2] == "123456789012")
        #expect(try document.sheet(named: "Ẩn")["A1"]?.value == .number(1))
    }

    @Test("an empty sheet has no rows")
    func emptySheet() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("empty.xlsx")
        try XLSXWriter.write(Spreadsheet(sheets: [Sheet(name: "Trống")]), to: url)
        let sheet = try XLSXDocument(contentsOf: url).sheet(named: "Trống")
        #expect(sheet.rows.isEmpty)
        #expect(sheet["A1"] == nil)
    }

    @Test("a hand-written workbook: relationships, prefixes, inline and rich strings, errors, sparse rows")
    func handWrittenParts() throws {
        // Given parts with names that are not sheetN.xml, a namespace prefix, rows and cells without 'r',
        // shared strings with rich-text runs and a phonetic run, and every cell type
        let folder = try TemporaryFolder()
        let url = folder.file("hand.xlsx")
        let workbook = """
            <?xml version="1.0" encoding="UTF-8"?>
            <x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr date1904="1"/>\
            <x:sheets>\
            <x:sheet name="Ghi chú" sheetId="2" state="veryHidden" r:id="rId7"/>\
            <x:sheet name="Dữ liệu" sheetId="1" r:id="rId3"/></x:sheets>\
            <x:definedNames><x:definedName name="Vung" localSheetId="1">'Dữ liệu'!$A$1:$C$3</x:definedName>\
            </x:definedNames></x:workbook>
            """
        let relationships = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/\
            worksheet" Target="/xl/worksheets/data.xml"/>\
            <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/\
            worksheet" Target="worksheets/../worksheets/notes.xml"/>\
            <Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/\
            sharedStrings" Target="strings.xml"/>\
            <Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/\
            styles" Target="styles.xml"/></Relationships>
            """
        let strings = """
            <?xml version="1.0" encoding="UTF-8"?>
            <x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">\
            <x:si><x:t>Tỉnh Quảng Ninh</x:t></x:si>\
            <x:si><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">Chỉ số </x:t></x:r><x:r><x:t>ICT</x:t></x:r>\
            <x:rPh sb="0" eb="1"><x:t>ふりがな</x:t></x:rPh></x:si>\
            <x:si><x:t>a&amp;b &lt;c&gt; &#7879;_x000D_</x:t></x:si></x:sst>
            """
        let styles = """
            <?xml version="1.0" encoding="UTF-8"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>\
            <cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>\
            <cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/>\
            <xf numFmtId="10" applyProtection="1"><protection locked="0"/></xf></cellXfs></styleSheet>
            """
        let data = """
            <?xml version="1.0" encoding="UTF-8"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
            <row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c></row>\
            <row><c t="inlineStr"><is><r><t>Hà </t></r><r><t>Nội</t></r></is></c><c><v>45658</v></c>\
            <c s="1"><v>45658</v></c><c t="b"><v>1</v></c><c t="e"><f>1/0</f><v>#DIV/0!</v></c></row>\
            <row r="14"><c r="B14" t="str"><f>A2&amp;"x"</f><v>Tỉnh Quảng Ninhx</v></c>\
            <c r="C14" s="2"><f t="shared" si="0" ref="C14:C15"/><v>0.25</v></c>\
            <c r="D14" t="d"><v>2025-03-01T00:00:00</v></c><c r="E14" t="s"><v>2</v></c><c r="F14" s="2"/></row>\
            </sheetData><mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells></worksheet>
            """
        try writeZip(
            [
                ("[Content_Types].xml", HandWritten.contentTypes), ("_rels/.rels", HandWritten.rootRelationships),
                ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", relationships),
                ("xl/strings.xml", strings), ("xl/styles.xml", styles), ("xl/worksheets/data.xml", data),
                ("xl/worksheets/notes.xml", "<worksheet><sheetData/></worksheet>"),
            ], to: url)

        // When it is read
        let document = try XLSXDocument(contentsOf: url)
        let sheet = try document.sheet(named: "Dữ liệu")

        // Then the sheets keep workbook order and every value is found
        #expect(document.sheetNames == ["Ghi chú", "Dữ liệu"])
        #expect(document.sheets.map(\.visibility) == [.veryHidden, .visible])
        #expect(document.sheets.map(\.part) == ["xl/worksheets/notes.xml", "xl/worksheets/data.xml"])
        #expect(document.firstVisibleSheet?.name == "Dữ liệu")
        #expect(document.uses1904DateSystem)
        #expect(document.definedNames == [
            XLSXDefinedName(name: "Vung", formula: "'Dữ liệu'!$A$1:$C$3", localSheetIndex: 1, isHidden: false)
        ])
        #expect(sheet["A2"]?.value == .text("Tỉnh Quảng Ninh"))
        #expect(sheet["C2"]?.value == .text("Chỉ số ICT"))
        #expect(sheet["A3"]?.value == .text("Hà Nội"))
        #expect(sheet["B3"]?.value == .number(45658))
        #expect(sheet["B3"]?.hasDateFormat == false)
        #expect(sheet["C3"]?.numberFormatID == 164)
        #expect(sheet["C3"]?.numberFormatCode == "dd/mm/yyyy")
        #expect(sheet["C3"]?.hasDateFormat == true)
        #expect(sheet["D3"]?.value == .boolean(true))
        #expect(sheet["E3"]?.value == .error("#DIV/0!"))
        #expect(sheet["E3"]?.formula == "1/0")
        #expect(sheet["B14"]?.value == .text("Tỉnh Quảng Ninhx"))
        #expect(sheet["B14"]?.formula == "A2&\"x\"")
        #expect(sheet["C14"]?.formula == "")
        #expect(sheet["C14"]?.value == .number(0.25))
        #expect(sheet["C14"]?.isLocked == false)
        #expect(sheet["C14"]?.numberFormatID == 10)
        #expect(sheet["D14"]?.value == .date("2025-03-01T00:00:00"))
        #expect(sheet["E14"]?.value == .text("a&b <c> ệ\r"))
        #expect(sheet["F14"]?.value == .empty)
        #expect(sheet.rows.map(\.number) == [2, 3, 14])
        #expect(sheet.rows[0].texts == ["Tỉnh Quảng Ninh", "", "Chỉ số ICT"])
        #expect(sheet.rows[1].texts == ["Hà Nội", "45658", "45658", "TRUE", "#DIV/0!"])
        #expect(sheet.mergedRanges == [XLSXCellRange("A2:B2")])
        #expect(try document.sheet(named: "Ghi chú").rows.isEmpty)
    }
}
