import Foundation
import Testing
import ZIPFoundation
import ICTIndexTestSupport

/// Writes a zip archive from parts given as text, to build workbooks by hand.
func writeZip(_ parts: [(String, String)], to url: URL) throws {
    let archive = try Archive(url: url, accessMode: .create)
    for (path, text) in parts {
        let data = Data(text.utf8)
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
