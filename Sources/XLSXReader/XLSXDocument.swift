import Foundation
import ZIPFoundation

public import struct Foundation.URL

/// A workbook in the Office Open XML format (.xlsx), read into memory.
///
/// Reads what libxlsxwriter, Excel, LibreOffice and openpyxl write: shared and inline strings (with rich text
/// runs), numbers, booleans, errors, formulas with their cached results, number formats and cell protection.
/// Sheets are found through the workbook's relationships, never by guessing part names. Sheets are parsed
/// when asked for, each streamed from the archive. Every part is parsed with expat within fixed limits: no
/// DOCTYPE, bounded inflation, valid cell references.
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
    /// The parts that hold worksheets (chart and dialog sheets have none).
    let worksheetParts: Set<String>
    let source: XLSXPackage.Source
    let limits: XLSXLimits
    /// The bytes inflated to read the workbook's own parts; a sheet's read continues from there.
    let inflated: Int

    /// The sheet names in workbook order.
    public var sheetNames: [String] { sheets.map(\.name) }

    /// The first sheet that is shown, or nil when there is none.
    public var firstVisibleSheet: XLSXSheetInfo? { sheets.first { $0.visibility == .visible } }

    /// Reads a workbook.
    ///
    /// - Parameter url: the file.
    /// - Throws: ``XLSXReadError`` with code `unreadableFile`, `notZip`, `passwordProtected`, `notXLSX`,
    ///   `missingPart`, `emptyPart`, `truncatedXML`, `malformedXML`, `doctypeForbidden` or `tooLarge`.
    public init(contentsOf url: URL) throws(XLSXReadError) {
        try self.init(source: .file(url), path: url.path, limits: .standard)
    }

    /// Reads a workbook within some limits (tests lower them).
    init(source: XLSXPackage.Source, path: String, limits: XLSXLimits) throws(XLSXReadError) {
        self.path = path
        self.source = source
        self.limits = limits
        let package = try XLSXPackage(source: source, path: path, limits: limits)
        let rootRelationships = try package.relationships(of: "")
        let workbookPart =
            rootRelationships.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        guard package.contains(workbookPart) else {
            throw XLSXReadError(
                .notXLSX, path: path, vi: "không phải bảng tính .xlsx (tệp nén không có \(workbookPart))",
                en: "not an xlsx workbook (the archive has no \(workbookPart))", hint: .resave)
        }
        let workbook = try WorkbookParser.parse(workbookPart, in: package)
        let relationships = try package.relationships(of: workbookPart)
        var targets: [String: Relationship] = [:]
        for relationship in relationships { targets[relationship.id] = relationship }

        var sheets: [XLSXSheetInfo] = []
        var worksheetParts: Set<String> = []
        for entry in workbook.sheets {
            guard let relationship = targets[entry.relationshipID] else {
                throw XLSXReadError(
                    .missingPart, path: path, part: workbookPart, sheet: entry.name,
                    vi: "trang tính '\(entry.name)' trỏ tới quan hệ '\(entry.relationshipID)', nhưng "
                        + "\(XLSXPackage.relationshipsPart(of: workbookPart)) không định nghĩa quan hệ này",
                    en: "sheet '\(entry.name)' refers to relationship '\(entry.relationshipID)', which "
                        + "\(XLSXPackage.relationshipsPart(of: workbookPart)) does not define",
                    hint: .damaged)
            }
            let part = relationship.target
            // Chart sheets and dialog sheets have no cells; they are listed but read as empty.
            sheets.append(XLSXSheetInfo(name: entry.name, visibility: entry.visibility, part: part))
            if relationship.type.hasSuffix("/worksheet") {
                guard package.contains(part) else {
                    throw XLSXReadError(
                        .missingPart, path: path, part: part, sheet: entry.name,
                        vi: "tệp nén thiếu phần của trang tính '\(entry.name)'",
                        en: "sheet '\(entry.name)' is missing from the archive", hint: .damaged)
                }
                worksheetParts.insert(part)
            }
        }
        self.sheets = sheets
        self.worksheetParts = worksheetParts
        self.definedNames = workbook.definedNames
        self.uses1904DateSystem = workbook.uses1904

        let sharedPart =
            relationships.first { $0.type.hasSuffix("/sharedStrings") }?.target
            ?? (package.contains("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : nil)
        if let sharedPart, package.contains(sharedPart) {
            sharedStrings = try SharedStringsParser.parse(sharedPart, in: package)
        } else {
            sharedStrings = []
        }
        let stylesPart = relationships.first { $0.type.hasSuffix("/styles") }?.target
        if let stylesPart, package.contains(stylesPart) {
            styles = try StylesParser.parse(stylesPart, in: package)
        } else {
            styles = XLSXStyles()
        }
        inflated = package.inflated
    }

    typealias Relationship = XLSXPackage.Relationship

    /// Reads one sheet.
    ///
    /// - Parameter name: the tab name, exactly as shown (case matters).
    /// - Returns: the sheet's rows and merged ranges.
    /// - Throws: ``XLSXReadError`` with code `sheetNotFound` (the hint suggests the closest name),
    ///   `invalidReference`, `emptyPart`, `truncatedXML`, `malformedXML`, `doctypeForbidden` or `tooLarge`.
    public func sheet(named name: String) throws(XLSXReadError) -> XLSXSheet {
        guard let info = sheets.first(where: { $0.name == name }) else {
            let suggestion = Suggestion.closest(to: name, among: sheetNames)
            let list = sheetNames.map { "'\($0)'" }.joined(separator: ", ")
            throw XLSXReadError(
                .sheetNotFound, path: path, sheet: name, vi: "bảng tính không có trang tính tên '\(name)'",
                en: "the workbook has no sheet named '\(name)'",
                hint: XLSXReadError.Hint(
                    vi: (suggestion.map { "có phải ý bạn là '\($0)'? " } ?? "") + "các trang tính là \(list)",
                    en: (suggestion.map { "did you mean '\($0)'? " } ?? "") + "the sheets are \(list)"))
        }
        guard worksheetParts.contains(info.part) else { return XLSXSheet(name: name, rows: []) }
        let package = try XLSXPackage(source: source, path: path, limits: limits, inflated: inflated)
        do {
            return try WorksheetParser.parse(
                info.part, name: name, in: package, sharedStrings: sharedStrings, styles: styles)
        } catch {
            var error = error
            if error.sheet == nil { error.sheet = name }
            throw error
        }
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
