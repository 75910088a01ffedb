import Foundation
import Testing
import ZIPFoundation

/// A temporary folder for one test, removed when the test ends.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("xlsxreader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}

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

/// Runs a program; returns its exit status and what it printed to stderr.
func run(
    _ executable: String, _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]
) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    if let folder { process.currentDirectoryURL = folder }
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let data = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Whether a program is on PATH.
func isInstalled(_ program: String) -> Bool {
    ((try? run("sh", ["-c", "command -v \(program)"]))?.0 ?? 1) == 0
}

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
