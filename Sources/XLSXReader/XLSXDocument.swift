public import struct Foundation.URL
public import struct Foundation.Data
import Foundation
import ZIPFoundation

/// A workbook in the Office Open XML format (.xlsx), read into memory.
///
/// Reads what libxlsxwriter, Excel, LibreOffice and openpyxl write: shared and inline strings (with rich text
/// runs), numbers, booleans, errors, formulas with their cached results, number formats and cell protection.
/// Sheets are found through the workbook's relationships, never by guessing part names. Sheets are parsed
/// when asked for.
///
/// For example:
/// ```swift
/// let document = try XLSXDocument(contentsOf: URL(fileURLWithPath: "units.xlsx"))
/// let sheet = try document.sheet(named: document.sheets[0].name)
/// print(sheet["B2"]?.text ?? "")
/// ```
public struct XLSXDocument: Sendable {
    /// The workbook's path, as given; used in errors.
    public let path: String
    /// The sheets in workbook (tab) order, with their visibility.
    public let sheets: [XLSXSheetInfo]
    /// The names defined in the workbook, in file order.
    public let definedNames: [XLSXDefinedName]
    /// Whether date serial numbers count days from 1904-01-01 (old Mac workbooks) rather than 1899-12-30.
    public let uses1904DateSystem: Bool

    let sharedStrings: [String]
    let styles: XLSXStyles
    let sheetData: [String: Data]
    let streamThreshold: Int

    /// The sheet names in workbook order.
    public var sheetNames: [String] { sheets.map(\.name) }

    /// The first sheet that is shown, or nil when there is none.
    public var firstVisibleSheet: XLSXSheetInfo? { sheets.first { $0.visibility == .visible } }

    /// Reads a workbook.
    ///
    /// - Parameter url: the file.
    /// - Throws: ``XLSXReadError`` with code `unreadableFile`, `notZip`, `notXLSX`, `missingPart` or
    ///   `malformedXML`.
    public init(contentsOf url: URL) throws(XLSXReadError) {
        try self.init(contentsOf: url, streamThreshold: XMLPart.defaultStreamThreshold)
    }

    /// Reads a workbook, parsing parts larger than `streamThreshold` bytes from a stream (tests lower it).
    init(contentsOf url: URL, streamThreshold: Int) throws(XLSXReadError) {
        let path = url.path
        self.path = path
        self.streamThreshold = streamThreshold
        let package = try XLSXPackage(url: url)
        let rootRelationships = try package.relationships(of: "")
        let workbookPart =
            rootRelationships.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        guard package.contains(workbookPart) else {
            throw XLSXReadError(
                .notXLSX, path: path, message: "not an xlsx workbook (the archive has no \(workbookPart))",
                hint: "save the file from the spreadsheet application as 'Excel Workbook (.xlsx)'")
        }
        let workbook = try WorkbookParser.parse(try package.data(of: workbookPart), part: workbookPart, in: package)
        let relationships = try package.relationships(of: workbookPart)
        var targets: [String: String] = [:]
        for relationship in relationships { targets[relationship.id] = relationship.target }

        var sheets: [XLSXSheetInfo] = []
        var sheetData: [String: Data] = [:]
        for entry in workbook.sheets {
            guard let part = targets[entry.relationshipID] else {
                throw XLSXReadError(
                    .missingPart, path: path, part: workbookPart, sheet: entry.name,
                    message: "sheet '\(entry.name)' refers to relationship '\(entry.relationshipID)', which "
                        + "\(XLSXPackage.relationshipsPart(of: workbookPart)) does not define",
                    hint: "the workbook is damaged; open and save it again in the spreadsheet application")
            }
            // Chart sheets and dialog sheets have no cells; they are listed but read as empty.
            sheets.append(XLSXSheetInfo(name: entry.name, visibility: entry.visibility, part: part))
            if relationships.first(where: { $0.id == entry.relationshipID })?.type.hasSuffix("/worksheet") ?? true {
                guard package.contains(part) else {
                    throw XLSXReadError(
                        .missingPart, path: path, part: part, sheet: entry.name,
                        message: "sheet '\(entry.name)' is missing from the archive",
                        hint: "the workbook is damaged; open and save it again in the spreadsheet application")
                }
                sheetData[part] = try package.data(of: part)
            }
        }
        self.sheets = sheets
        self.definedNames = workbook.definedNames
        self.uses1904DateSystem = workbook.uses1904
        self.sheetData = sheetData

        let sharedPart =
            relationships.first { $0.type.hasSuffix("/sharedStrings") }?.target
            ?? (package.contains("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : nil)
        if let sharedPart, package.contains(sharedPart) {
            sharedStrings = try SharedStringsParser.parse(
                try package.data(of: sharedPart), part: sharedPart, in: package, streamThreshold: streamThreshold)
        } else {
            sharedStrings = []
        }
        let stylesPart = relationships.first { $0.type.hasSuffix("/styles") }?.target
        if let stylesPart, package.contains(stylesPart) {
            styles = try StylesParser.parse(try package.data(of: stylesPart), part: stylesPart, in: package)
        } else {
            styles = XLSXStyles()
        }
    }

    /// Reads one sheet.
    ///
    /// - Parameter name: the tab name, exactly as shown (case matters).
    /// - Returns: the sheet's rows and merged ranges.
    /// - Throws: ``XLSXReadError`` with code `sheetNotFound` (the hint suggests the closest name) or
    ///   `malformedXML`.
    public func sheet(named name: String) throws(XLSXReadError) -> XLSXSheet {
        guard let info = sheets.first(where: { $0.name == name }) else {
            let suggestion = Suggestion.closest(to: name, among: sheetNames)
            let list = sheetNames.map { "'\($0)'" }.joined(separator: ", ")
            throw XLSXReadError(
                .sheetNotFound, path: path, sheet: name, message: "the workbook has no sheet named '\(name)'",
                hint: (suggestion.map { "did you mean '\($0)'? " } ?? "") + "the sheets are \(list)")
        }
        guard let data = sheetData[info.part] else { return XLSXSheet(name: name, rows: []) }
        return try WorksheetParser.parse(
            data, name: name, part: info.part, path: path, sharedStrings: sharedStrings, styles: styles,
            streamThreshold: streamThreshold)
    }
}

/// Picks the closest of some names for a "did you mean" hint.
enum Suggestion {
    static func closest(to name: String, among names: [String]) -> String? {
        let target = Array(folded(name))
        let scored = names.map { candidate in (candidate, distance(target, Array(folded(candidate)))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, target.count / 3) ? best.0 : nil
    }

    /// Lower case without diacritics, so that "Tu danh gia" finds "Tự đánh giá".
    static func folded(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "đ", with: "d")
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
