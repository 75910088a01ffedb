import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A written .xlsx file read back with `/usr/bin/unzip` and `XMLParser`, independently of libxlsxwriter.
struct XLSXFile {
    let url: URL

    /// The names of the zip entries, in archive order.
    func partNames() throws -> [String] {
        try Self.unzip(["-Z1", url.path]).split(separator: "\n").map(String.init)
    }

    /// The text of one zip entry, such as "xl/workbook.xml".
    func part(_ name: String) throws -> String {
        try Self.unzip(["-p", url.path, name])
    }

    /// The cells of the n-th sheet (1-based, as in `xl/worksheets/sheetN.xml`), keyed by A1 reference, with
    /// shared strings resolved.
    func cells(sheet: Int = 1) throws -> [String: ReadCell] {
        let sharedStrings =
            try partNames().contains("xl/sharedStrings.xml")
            ? SharedStringsParser.parse(try part("xl/sharedStrings.xml")) : []
        return try SheetParser.parse(try part("xl/worksheets/sheet\(sheet).xml"), sharedStrings: sharedStrings)
    }

    static func unzip(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ReadError(message: "unzip \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

struct ReadError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// One cell as stored in the sheet XML.
struct ReadCell: Equatable, CustomStringConvertible {
    /// The `t` attribute: nil (number), "s" (shared string), "inlineStr", "str" (formula text), "b" (boolean).
    var type: String?
    /// The `s` attribute (style index), if any.
    var style: Int?
    /// The formula (`<f>`), if any.
    var formula: String?
    /// The value: shared strings and inline strings resolved to their text, numbers as written.
    var value: String?

    var isText: Bool { type == "s" || type == "inlineStr" }

    var description: String {
        "type=\(type ?? "n") style=\(style.map(String.init) ?? "-") f=\(formula ?? "-") v=\(value ?? "-")"
    }
}

private final class SharedStringsParser: NSObject, XMLParserDelegate {
    private var strings: [String] = []
    private var current: String?
    private var inText = false

    static func parse(_ xml: String) throws -> [String] {
        let delegate = SharedStringsParser()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = delegate
        guard parser.parse() else { throw ReadError(message: "sharedStrings.xml does not parse") }
        return delegate.strings
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "si" { current = "" }
        if name == "t" { inText = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current? += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "t" { inText = false }
        if name == "si", let current { strings.append(current) }
    }
}

private final class SheetParser: NSObject, XMLParserDelegate {
    private let sharedStrings: [String]
    private var cells: [String: ReadCell] = [:]
    private var reference: String?
    private var cell = ReadCell()
    private var element: String?
    private var text = ""

    private init(sharedStrings: [String]) {
        self.sharedStrings = sharedStrings
    }

    static func parse(_ xml: String, sharedStrings: [String]) throws -> [String: ReadCell] {
        let delegate = SheetParser(sharedStrings: sharedStrings)
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = delegate
        guard parser.parse() else { throw ReadError(message: "sheet XML does not parse") }
        return delegate.cells
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "c":
            reference = attributes["r"]
            cell = ReadCell(type: attributes["t"], style: attributes["s"].flatMap { Int($0) })
        case "f", "v", "t":
            element = name
            text = ""
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if element != nil { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "f":
            cell.formula = text
        case "v":
            if cell.type == "s", let index = Int(text), sharedStrings.indices.contains(index) {
                cell.value = sharedStrings[index]
            } else {
                cell.value = text
            }
        case "t":
            cell.value = (cell.value ?? "") + text
        case "c":
            if let reference { cells[reference] = cell }
            reference = nil
        default:
            break
        }
        element = nil
    }
}

/// A fresh directory under the system's temporary directory; remove it with `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("XLSXWriterTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> URL {
        url.appendingPathComponent(name)
    }

    /// The names of the entries in the directory, hidden ones included, sorted.
    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    func remove() {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try? FileManager.default.removeItem(at: url)
    }
}
