public import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A written .xlsx file read back with `/usr/bin/unzip` and `XMLParser`, independently of libxlsxwriter.
public struct XLSXFile: Sendable {
    /// The file.
    public let url: URL

    /// Wraps a written file.
    public init(url: URL) {
        self.url = url
    }

    /// The names of the zip entries, in archive order.
    public func partNames() throws -> [String] {
        try Self.unzip(["-Z1", url.path]).split(separator: "\n").map(String.init)
    }

    /// The text of one zip entry, such as "xl/workbook.xml".
    public func part(_ name: String) throws -> String {
        try Self.unzip(["-p", url.path, name])
    }

    /// The cells of the n-th sheet (1-based, as in `xl/worksheets/sheetN.xml`), keyed by A1 reference, with
    /// shared strings resolved.
    public func cells(sheet: Int = 1) throws -> [String: ReadCell] {
        let sharedStrings =
            try partNames().contains("xl/sharedStrings.xml")
            ? SharedStringsParser.parse(try part("xl/sharedStrings.xml")) : []
        return try SheetParser.parse(try part("xl/worksheets/sheet\(sheet).xml"), sharedStrings: sharedStrings)
    }

    /// Runs `/usr/bin/unzip` and returns what it printed.
    public static func unzip(_ arguments: [String]) throws -> String {
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

/// A part of the file that cannot be read.
public struct ReadError: Error, CustomStringConvertible {
    /// What failed.
    public let message: String
    /// Creates an error with a message.
    public init(message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

/// One cell as stored in the sheet XML.
public struct ReadCell: Equatable, Sendable, CustomStringConvertible {
    /// The `t` attribute: nil (number), "s" (shared string), "inlineStr", "str" (formula text), "b" (boolean).
    public var type: String?
    /// The `s` attribute (style index), if any.
    public var style: Int?
    /// The formula (`<f>`), if any.
    public var formula: String?
    /// The value: shared strings and inline strings resolved to their text, numbers as written.
    public var value: String?

    public var isText: Bool { type == "s" || type == "inlineStr" }

    /// Creates a cell as the sheet XML stores it.
    public init(type: String? = nil, style: Int? = nil, formula: String? = nil, value: String? = nil) {
        self.type = type
        self.style = style
        self.formula = formula
        self.value = value
    }

    public var description: String {
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
public struct TemporaryDirectory: Sendable {
    /// The directory.
    public let url: URL

    /// Creates the directory.
    public init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ictindex-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the directory.
    public func file(_ name: String) -> URL {
        url.appendingPathComponent(name)
    }

    /// The names of the entries in the directory, hidden ones included, sorted.
    public func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    /// Deletes the directory and everything in it.
    public func remove() {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try? FileManager.default.removeItem(at: url)
    }
}
