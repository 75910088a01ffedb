/// A workbook that cannot be read: what failed, where (file, part, sheet, cell), and what to do.
///
/// The code is opaque so that new kinds of failure can be added without breaking callers; compare it with the
/// static members of ``Code``.
///
/// For example:
/// ```swift
/// do {
///     let document = try XLSXDocument(contentsOf: url)
/// } catch {
///     print(error)  // units.xlsx: not an xlsx file (it is not a zip archive)
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
        /// A part that the workbook refers to is missing or cannot be extracted.
        public static let missingPart = Code("missingPart")
        /// A part's XML is not well formed.
        public static let malformedXML = Code("malformedXML")
        /// No sheet has the requested name.
        public static let sheetNotFound = Code("sheetNotFound")

        /// The code's name, such as `notZip`.
        public var description: String { name }
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
    /// What went wrong.
    public var message: String
    /// What to do about it.
    public var hint: String?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: the kind of failure.
    ///   - path: the workbook's path.
    ///   - part: the part inside the archive.
    ///   - sheet: the sheet concerned.
    ///   - cell: the cell concerned.
    ///   - line: the line of the part.
    ///   - message: what went wrong.
    ///   - hint: what to do about it.
    public init(
        _ code: Code, path: String, part: String? = nil, sheet: String? = nil, cell: String? = nil, line: Int? = nil,
        message: String, hint: String? = nil
    ) {
        self.code = code
        self.path = path
        self.part = part
        self.sheet = sheet
        self.cell = cell
        self.line = line
        self.message = message
        self.hint = hint
    }

    /// Where the failure is: `units.xlsx`, `units.xlsx[Đơn vị]!D14` or `units.xlsx (xl/worksheets/sheet1.xml:3)`.
    public var location: String {
        var text = path
        if let sheet { text += "[\(sheet)]" }
        if let cell { text += "!\(cell)" }
        if let part { text += " (\(part)\(line.map { ":\($0)" } ?? ""))" }
        return text
    }

    /// The location, the message and, on a second line, the hint.
    public var description: String {
        "\(location): \(message)" + (hint.map { "\n  hint: \($0)" } ?? "")
    }
}
