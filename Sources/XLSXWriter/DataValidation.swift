public import struct Foundation.Date

/// A rule that restricts what users may type into cells, with optional prompt and error texts.
///
/// For example:
/// ```swift
/// let answer = DataValidation("D2:D40", rule: .list(["Có", "Không"]),
///                             inputTitle: "Trả lời", inputMessage: "Chọn Có hoặc Không")
/// let percent = DataValidation("E2:E40", rule: .decimal(minimum: 0, maximum: 100),
///                              errorTitle: "Sai giá trị", errorMessage: "Nhập số từ 0 đến 100")
/// ```
public struct DataValidation: Hashable, Sendable {
    /// The cells the rule applies to.
    public var range: CellRange
    /// What users may type.
    public var rule: Rule
    /// Whether an empty cell is accepted.
    public var allowsBlank: Bool
    /// The title of the prompt shown when a cell is selected (at most 32 characters), or `nil`.
    public var inputTitle: String?
    /// The prompt shown when a cell is selected (at most 255 characters), or `nil` for no prompt.
    public var inputMessage: String?
    /// The title of the error box (at most 32 characters), or `nil` for Excel's default.
    public var errorTitle: String?
    /// The text of the error box (at most 255 characters), or `nil` for Excel's default.
    public var errorMessage: String?

    /// Creates a validation rule.
    ///
    /// - Parameters:
    ///   - range: The cells the rule applies to.
    ///   - rule: What users may type.
    ///   - allowsBlank: Whether an empty cell is accepted.
    ///   - inputTitle: The prompt's title.
    ///   - inputMessage: The prompt shown when a cell is selected.
    ///   - errorTitle: The error box's title.
    ///   - errorMessage: The error box's text.
    public init(
        _ range: CellRange,
        rule: Rule,
        allowsBlank: Bool = true,
        inputTitle: String? = nil,
        inputMessage: String? = nil,
        errorTitle: String? = nil,
        errorMessage: String? = nil
    ) {
        self.range = range
        self.rule = rule
        self.allowsBlank = allowsBlank
        self.inputTitle = inputTitle
        self.inputMessage = inputMessage
        self.errorTitle = errorTitle
        self.errorMessage = errorMessage
    }

    /// What users may type into validated cells.
    ///
    /// Bounds are inclusive.
    public enum Rule: Hashable, Sendable {
        /// One of the listed strings, picked from a drop-down. Excel limits the list to 255 characters in total.
        case list([String])
        /// A number from `minimum` through `maximum`.
        case decimal(minimum: Double, maximum: Double)
        /// A whole number from `minimum` through `maximum`.
        case wholeNumber(minimum: Int, maximum: Int)
        /// A date from `earliest` through `latest` (compared as UTC calendar dates and times).
        case date(earliest: Date, latest: Date)
        /// Text whose length is from `minimum` through `maximum` characters.
        case textLength(minimum: Int, maximum: Int)
    }
}
