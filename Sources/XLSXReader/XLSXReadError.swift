public import Localization

/// A workbook that cannot be read: what failed, where (file, part, sheet, cell), and what to do.
///
/// Messages and hints are in Vietnamese, with English beside them (``englishMessage``, ``englishHint``). They
/// never carry a library's own text. The code is opaque so that new kinds of failure can be added without
/// breaking callers; compare it with the static members of ``Code``.
///
/// For example:
/// ```swift
/// do {
///     let document = try XLSXDocument(contentsOf: url)
/// } catch {
///     print(error)  // units.xlsx: không phải tệp .xlsx (không phải tệp nén zip)
///     print(error.description(english: true))  // units.xlsx: not an xlsx file (it is not a zip archive)
/// }
/// ```
public struct XLSXReadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String

        private init(_ name: String) { self.name = name }

        /// The file does not exist or cannot be read.
        public static let unreadableFile = Code("unreadableFile")
        /// The file is not a zip archive, so not a workbook in the Office Open XML format.
        public static let notZip = Code("notZip")
        /// The file is a zip archive but not a workbook (no `xl/workbook.xml` or equivalent).
        public static let notXLSX = Code("notXLSX")
        /// The workbook is encrypted with a password (an OLE compound file holding `EncryptedPackage`).
        public static let passwordProtected = Code("passwordProtected")
        /// A part that the workbook refers to is missing or cannot be extracted.
        public static let missingPart = Code("missingPart")
        /// A part has no content at all.
        public static let emptyPart = Code("emptyPart")
        /// A part's XML stops before its end (a cut-off file).
        public static let truncatedXML = Code("truncatedXML")
        /// A part's XML is not well formed.
        public static let malformedXML = Code("malformedXML")
        /// A part declares a DOCTYPE, which OOXML never uses (and which could carry entities).
        public static let doctypeForbidden = Code("doctypeForbidden")
        /// A cell or row reference is not valid, or does not match its row.
        public static let invalidReference = Code("invalidReference")
        /// A part, the package or a sheet is larger than the reader accepts (a zip bomb, or far beyond real data).
        public static let tooLarge = Code("tooLarge")
        /// No sheet has the requested name.
        public static let sheetNotFound = Code("sheetNotFound")

        /// The code's name, such as `notZip`.
        public var description: String { name }
    }

    /// A hint in both languages.
    struct Hint: Hashable, Sendable {
        var vi: String
        var en: String

        static let damaged = Hint(
            vi: "tệp bảng tính bị hỏng; hãy mở và lưu lại tệp bằng Excel hoặc LibreOffice Calc",
            en: "the workbook is damaged; open and save it again in the spreadsheet application")
        static let truncated = Hint(
            vi: "tệp có thể bị cắt cụt khi tải lên hoặc sao chép; hãy sao chép lại, hoặc lưu lại tệp từ Excel",
            en: "the file may be truncated; copy it again or save it again from the spreadsheet application")
        static let resave = Hint(
            vi: "hãy mở tệp bằng Excel hoặc LibreOffice Calc và lưu lại dưới dạng 'Excel Workbook (.xlsx)'",
            en: "open it in the spreadsheet application and save it as 'Excel Workbook (.xlsx)'")
        static let freeMemory = Hint(
            vi: "hãy đóng bớt chương trình khác rồi thử lại", en: "close other programs and try again")
    }

    /// The kind of failure.
    public var code: Code
    /// The workbook's path as given.
    public var path: String
    /// The part inside the archive, such as `xl/worksheets/sheet1.xml`, when one is concerned.
    public var part: String?
    /// The sheet concerned, if any.
    public var sheet: String?
    /// The cell concerned, such as `D14`, if any.
    public var cell: String?
    /// The line of the part where the XML is malformed, if known.
    public var line: Int?
    /// What went wrong, in Vietnamese.
    public var message: String
    /// What to do about it, in Vietnamese.
    public var hint: String?
    /// What went wrong, in English.
    public var englishMessage: String
    /// What to do about it, in English.
    public var englishHint: String?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: the kind of failure.
    ///   - path: the workbook's path.
    ///   - part: the part inside the archive.
    ///   - sheet: the sheet concerned.
    ///   - cell: the cell concerned.
    ///   - line: the line of the part.
    ///   - message: what went wrong, in Vietnamese.
    ///   - hint: what to do about it, in Vietnamese.
    ///   - englishMessage: what went wrong, in English; the Vietnamese text when nil.
    ///   - englishHint: what to do about it, in English; the Vietnamese hint when nil.
    public init(
        _ code: Code, path: String, part: String? = nil, sheet: String? = nil, cell: String? = nil, line: Int? = nil,
        message: String, hint: String? = nil, englishMessage: String? = nil, englishHint: String? = nil
    ) {
        self.code = code
        self.path = path
        self.part = part
        self.sheet = sheet
        self.cell = cell
        self.line = line
        self.message = message
        self.hint = hint
        self.englishMessage = englishMessage ?? message
        self.englishHint = englishHint ?? hint
    }

    init(
        _ code: Code, path: String, part: String? = nil, sheet: String? = nil, cell: String? = nil, line: Int? = nil,
        vi: String, en: String, hint: Hint?
    ) {
        self.init(
            code, path: path, part: part, sheet: sheet, cell: cell, line: line, message: vi, hint: hint?.vi,
            englishMessage: en, englishHint: hint?.en)
    }

    /// The message in both languages.
    public var messageWords: Words { Words(vi: message, en: englishMessage) }

    /// The hint in both languages, if there is one.
    public var hintWords: Words? { hint.map { Words(vi: $0, en: englishHint ?? $0) } }

    /// Where the failure is: `units.xlsx`, `units.xlsx[Đơn vị]!D14` or `units.xlsx (xl/worksheets/sheet1.xml:3)`.
    public var location: String {
        var text = path
        if let sheet { text += "[\(sheet)]" }
        if let cell { text += "!\(cell)" }
        if let part { text += " (\(part)\(line.map { ":\($0)" } ?? ""))" }
        return text
    }

    /// The location, the Vietnamese message and, on a second line, the hint.
    public var description: String { description(english: false) }

    /// The location, the message and, on a second line, the hint, in Vietnamese or in English.
    ///
    /// - Parameter english: whether to give the English text.
    public func description(english: Bool) -> String {
        let (message, hint) = english ? (englishMessage, englishHint) : (message, hint)
        return "\(location): \(message)" + (hint.map { "\n  \(english ? "hint" : "gợi ý"): \($0)" } ?? "")
    }
}
