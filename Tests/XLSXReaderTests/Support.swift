import Foundation
import Testing
import ZIPFoundation
import ICTIndexTestSupport

/// Writes a zip archive from parts given as text, to build workbooks by hand.
func writeZip(_ parts: [(String, String)], to url: URL) throws {
    try writeZip(parts.map { ($0.0, Data($0.1.utf8)) }, to: url)
}

/// Writes a zip archive from parts given as bytes (for bytes that are not UTF-8).
func writeZip(_ parts: [(String, Data)], to url: URL) throws {
    let archive = try Archive(url: url, accessMode: .create)
    for (path, data) in parts {
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
            provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }
}

func run(
    _ executable: String, _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]
) throws -> (Int32, String) {
    try ExternalTools.run(executable, arguments, in: folder, environment: environment)
}

func isInstalled(_ program: String) -> Bool { ExternalTools.isInstalled(program) }

/// A minimal workbook written by hand, in the shape of the package parts Excel writes.
enum HandWritten {
    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="xml" ContentType="application/xml"/></Types>
        """
    static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/\
        officeDocument" Target="xl/workbook.xml"/></Relationships>
        """
}

extension HandWritten {
    /// A workbook with one sheet 'A' at `xl/worksheets/sheet1.xml` and, when given, shared strings at
    /// `xl/sharedStrings.xml`; `replacing` swaps any part's bytes (or removes it, with nil).
    static func workbook(
        sheet: String, sharedStrings: String? = nil, replacing: [String: Data?] = [:]
    ) -> [(String, Data)] {
        let workbook = """
            <?xml version="1.0" encoding="UTF-8"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>
            """
        let relationships = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/\
            worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/\
            sharedStrings" Target="sharedStrings.xml"/></Relationships>
            """
        var parts: [(String, Data)] = [
            ("[Content_Types].xml", Data(contentTypes.utf8)), ("_rels/.rels", Data(rootRelationships.utf8)),
            ("xl/workbook.xml", Data(workbook.utf8)), ("xl/_rels/workbook.xml.rels", Data(relationships.utf8)),
            ("xl/worksheets/sheet1.xml", Data(sheet.utf8)),
        ]
        if let sharedStrings { parts.append(("xl/sharedStrings.xml", Data(sharedStrings.utf8))) }
        return parts.compactMap { part in
            guard let replacement = replacing[part.0] else { return part }
            return replacement.map { (part.0, $0) }
        }
    }

    /// A sheet part with these rows inside `<sheetData>`.
    static func sheet(_ rows: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
        \(rows)</sheetData></worksheet>
        """
    }
}
