public import struct Foundation.Date

/// A whole workbook as a value: its sheets, document properties and defined names.
///
/// Build it with plain Swift code (it is only data, so its layout can be tested without files), then write it
/// with ``XLSXWriter/write(_:to:options:)``.
///
/// For example:
/// ```swift
/// let spreadsheet = Spreadsheet(
///     sheets: [Sheet(name: "Tổng hợp", rows: [[.text("Đơn vị"), .text("Điểm")], [.text("Sở Y tế"), .number(88.5)]])],
///     properties: DocumentProperties(title: "Bảng xếp hạng 2025", created: runDate),
///     definedNames: [DefinedName(name: "DiemSo", formula: "='Tổng hợp'!$B$2:$B$2")])
/// ```
public struct Spreadsheet: Hashable, Sendable {
    /// The sheets, in tab order; at least one, and at least one visible.
    public var sheets: [Sheet]
    /// The document properties (title, author, creation date, …).
    public var properties: DocumentProperties
    /// Workbook-wide names for ranges or constants.
    public var definedNames: [DefinedName]

    /// Creates a workbook value.
    ///
    /// - Parameters:
    ///   - sheets: The sheets, in tab order.
    ///   - properties: The document properties.
    ///   - definedNames: Names for ranges or constants.
    public init(
        sheets: [Sheet], properties: DocumentProperties = DocumentProperties(), definedNames: [DefinedName] = []
    ) {
        self.sheets = sheets
        self.properties = properties
        self.definedNames = definedNames
    }
}

/// The document properties stored in `docProps/core.xml` and `docProps/app.xml`.
///
/// The creation date is part of the file, so it decides whether the same spreadsheet gives the same bytes. The
/// writer never reads the clock: when ``created`` is `nil` it writes 1980-01-01T00:00:00Z, the date libxlsxwriter
/// also gives every entry of the zip archive.
public struct DocumentProperties: Hashable, Sendable {
    /// The title.
    public var title: String?
    /// The subject.
    public var subject: String?
    /// The author (`dc:creator`).
    public var author: String?
    /// The manager.
    public var manager: String?
    /// The company.
    public var company: String?
    /// The category.
    public var category: String?
    /// Keywords, such as "ICT index, 2025".
    public var keywords: String?
    /// Comments (`dc:description`).
    public var comments: String?
    /// The creation and modification date, or `nil` for 1980-01-01T00:00:00Z.
    ///
    /// Written to the second, in UTC.
    public var created: Date?

    /// Creates document properties.
    ///
    /// - Parameters:
    ///   - title: The title.
    ///   - subject: The subject.
    ///   - author: The author.
    ///   - manager: The manager.
    ///   - company: The company.
    ///   - category: The category.
    ///   - keywords: Keywords.
    ///   - comments: Comments.
    ///   - created: The creation date; pass the run's time, never `Date()` at write time, to keep output
    ///     reproducible.
    public init(
        title: String? = nil,
        subject: String? = nil,
        author: String? = nil,
        manager: String? = nil,
        company: String? = nil,
        category: String? = nil,
        keywords: String? = nil,
        comments: String? = nil,
        created: Date? = nil
    ) {
        self.title = title
        self.subject = subject
        self.author = author
        self.manager = manager
        self.company = company
        self.category = category
        self.keywords = keywords
        self.comments = comments
        self.created = created
    }
}

/// A workbook-wide name for a range or constant, such as `Scores` for `='Tổng hợp'!$E$2:$E$35`.
///
/// A name written `"Sheet!Name"` is local to that sheet. Formulas must use the sheets' final names, after any
/// truncation to 31 characters.
public struct DefinedName: Hashable, Sendable {
    /// The name, such as "Scores".
    public var name: String
    /// What the name refers to, such as `"='Tổng hợp'!$A$1:$B$9"` or `"=0.25"`.
    public var formula: String

    /// Creates a defined name.
    ///
    /// - Parameters:
    ///   - name: The name.
    ///   - formula: What the name refers to.
    public init(name: String, formula: String) {
        self.name = name
        self.formula = formula
    }
}
