import Foundation
// libFuzzer target: workbooks through `XLSXDocument`, the reader behind `score`, `data import` and `units import`
// with .xlsx files. Every sheet of a workbook that opens is read.
//
// Built by `make fuzz` with `-sanitize=fuzzer,address`; a normal build replays the files given as arguments. The first byte picks what the rest is: 0 a whole .xlsx file; 1 the XML of the
// sheet, or 2 the XML of the shared strings, of an otherwise valid workbook built here (mutating the XML inside a
// deflated, checksummed zip would rarely get past the zip layer).
import FuzzSupport
import XLSXReader
import ZIPFoundation

private enum Parts {
    /// The file each input is written to (one per process, so that parallel fuzzers do not share it).
    static let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
        "ictindex-fuzz-\(ProcessInfo.processInfo.processIdentifier).xlsx")
    static let workbook = """
        <?xml version="1.0" encoding="UTF-8"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>
        """
    static let rootRelationships = """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="xl/workbook.xml"/></Relationships>
        """
    static let workbookRelationships = """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
        Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" \
        Target="sharedStrings.xml"/></Relationships>
        """
    static let sheet = """
        <worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>\
        <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>1.5</v></c></row></sheetData></worksheet>
        """
    static let sharedStrings =
        "<sst><si><t>unit</t></si><si><t>staff</t></si><si><t>HN</t></si></sst>"
}

/// A workbook whose sheet or shared strings part is `xml`.
private func workbook(sheet sheetXML: Data?, sharedStrings stringsXML: Data?) -> Data? {
    guard let archive = try? Archive(accessMode: .create) else { return nil }
    let parts: [(String, Data)] = [
        ("_rels/.rels", Data(Parts.rootRelationships.utf8)),
        ("xl/workbook.xml", Data(Parts.workbook.utf8)),
        ("xl/_rels/workbook.xml.rels", Data(Parts.workbookRelationships.utf8)),
        ("xl/worksheets/sheet1.xml", sheetXML ?? Data(Parts.sheet.utf8)),
        ("xl/sharedStrings.xml", stringsXML ?? Data(Parts.sharedStrings.utf8)),
    ]
    for (path, data) in parts {
        guard
            (try? archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) }))
                != nil
        else { return nil }
    }
    return archive.data
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzXLSX(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : count)
    guard let mode = bytes.first else { return 0 }
    let rest = Data(bytes.dropFirst())
    let file: Data?
    switch mode % 3 {
    case 0: file = rest
    case 1: file = workbook(sheet: rest, sharedStrings: nil)
    default: file = workbook(sheet: nil, sharedStrings: rest)
    }
    // Through a file, as `score` and `data import` read workbooks.
    guard let file, (try? file.write(to: Parts.scratch)) != nil,
        let document = try? XLSXDocument(contentsOf: Parts.scratch)
    else { return 0 }
    for name in document.sheetNames {
        if let sheet = try? document.sheet(named: name) {
            _ = sheet.rows.map(\.texts)
        }
    }
    return 0
}

runFuzzTarget(fuzzXLSX)
