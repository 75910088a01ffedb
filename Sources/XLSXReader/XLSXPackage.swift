import Foundation
import ZIPFoundation

/// The zip archive of a workbook: its parts by name, and their relationships.
///
/// ZIPFoundation's `Archive` is a class over an open file; it stays inside this type and is never shared.
struct XLSXPackage {
    struct Relationship {
        var id: String
        var type: String
        /// The target part, resolved to a path inside the archive (`xl/worksheets/sheet1.xml`).
        var target: String
    }

    let path: String
    private let archive: Archive
    private let entries: [String: Entry]

    init(url: URL) throws(XLSXReadError) {
        let path = url.path
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            FileManager.default.isReadableFile(atPath: path)
        else {
            throw XLSXReadError(
                .unreadableFile, path: path, message: "the file does not exist or cannot be read",
                hint: "check the path and the file's permissions")
        }
        // A zip archive starts with a local file header, "PK\u{3}\u{4}"; checking it first gives a clear
        // message for CSV files renamed to .xlsx, old .xls files and random bytes.
        let signature = FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 4) } ?? Data()
        guard signature == Data([0x50, 0x4B, 0x03, 0x04]) else {
            let isOLE = signature == Data([0xD0, 0xCF, 0x11, 0xE0])
            throw XLSXReadError(
                .notZip, path: path,
                message: isOLE
                    ? "not an xlsx file: it is an old Excel 97–2003 (.xls) workbook"
                    : "not an xlsx file (it is not a zip archive)",
                hint: "open it in the spreadsheet application and save it as 'Excel Workbook (.xlsx)'")
        }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw XLSXReadError(
                .notZip, path: path, message: "not an xlsx file (the zip archive is damaged: \(error))",
                hint: "the file may be truncated; copy it again or save it again from the spreadsheet application")
        }
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            entries[entry.path.hasPrefix("/") ? String(entry.path.dropFirst()) : entry.path] = entry
        }
        self.entries = entries
    }

    func contains(_ part: String) -> Bool { entries[part] != nil }

    func data(of part: String) throws(XLSXReadError) -> Data {
        guard let entry = entries[part] else {
            throw XLSXReadError(
                .missingPart, path: path, part: part, message: "the workbook has no part \(part)",
                hint: "the workbook is damaged; open and save it again in the spreadsheet application")
        }
        var data = Data()
        data.reserveCapacity(Int(clamping: entry.uncompressedSize))
        do {
            _ = try archive.extract(entry) { chunk in data.append(chunk) }
        } catch {
            throw XLSXReadError(
                .missingPart, path: path, part: part, message: "the part cannot be extracted (\(error))",
                hint: "the file may be truncated; copy it again or save it again from the spreadsheet application")
        }
        return data
    }

    /// The relationships part of a part: `_rels/.rels` for the package, `xl/_rels/workbook.xml.rels` for
    /// `xl/workbook.xml`.
    static func relationshipsPart(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "_rels/\(part).rels" }
        return "\(part[..<slash])/_rels/\(part[part.index(after: slash)...]).rels"
    }

    /// The relationships of a part ("" for the package itself); none when the part has no relationships part.
    func relationships(of part: String) throws(XLSXReadError) -> [Relationship] {
        let relsPart = part.isEmpty ? "_rels/.rels" : Self.relationshipsPart(of: part)
        guard contains(relsPart) else { return [] }
        let handler = RelationshipsHandler()
        try XMLPart.parse(try data(of: relsPart), part: relsPart, path: path, handler: handler)
        let directory = part.split(separator: "/").dropLast().map(String.init)
        return handler.relationships.compactMap { raw in
            guard !raw.isExternal else { return nil }
            return Relationship(id: raw.id, type: raw.type, target: Self.resolve(raw.target, from: directory))
        }
    }

    /// Resolves a relationship target: absolute (`/xl/…`) from the root, relative from the source's folder.
    static func resolve(_ target: String, from directory: [String]) -> String {
        var components = target.hasPrefix("/") ? [] : directory
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(component))
            }
        }
        return components.joined(separator: "/")
    }
}

/// Collects `<Relationship Id Type Target TargetMode>` elements.
final class RelationshipsHandler: XMLHandler {
    struct Raw {
        var id: String
        var type: String
        var target: String
        var isExternal: Bool
    }

    var relationships: [Raw] = []

    override func start(_ element: String, _ attributes: [String: String]) throws(XLSXReadError) {
        guard element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        relationships.append(
            Raw(
                id: id, type: attributes["Type"] ?? "", target: target,
                isExternal: attributes["TargetMode"] == "External"))
    }
}
