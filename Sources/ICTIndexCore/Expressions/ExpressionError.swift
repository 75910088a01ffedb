import Localization

/// Why an expression's text does not parse, and where.
///
/// The criteria loader turns it into a `C011` ``Diagnostic`` whose location is the expression's location
/// advanced by ``column`` − 1, so the editor jumps to the offending character:
///
///     Criteria/x.yaml:42:19: lỗi[C011]: không có hàm 'sqrt'
///       gợi ý: các hàm có thể dùng là if, min, max, abs, round, clamp
///
/// The message and the hint are written in Vietnamese and English (``Words``); ``description`` is the English.
public struct ExpressionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based column (in characters) in the expression text where the problem is.
    ///
    /// At the end of the text, this is the length of the text plus one.
    public let column: Int
    /// What is wrong, starting in lower case: "không có hàm 'sqrt'", "unknown function 'sqrt'".
    public let message: Words
    /// What to do about it: "có phải ý bạn là 'max'?", "did you mean 'max'?".
    public let hint: Words?

    /// An error at `column`.
    ///
    /// - Parameters:
    ///   - column: The 1-based column where the problem is.
    ///   - message: What is wrong, starting in lower case, in both languages.
    ///   - hint: What to do about it, in both languages.
    public init(column: Int, message: Words, hint: Words? = nil) {
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `cột 5: không có hàm 'sqrt'` and, on the next line, `  gợi ý: …` (in English `column 5: …` and
    /// `  hint: …`).
    public func text(_ language: Language) -> String {
        let (columnWord, hintWord) = language == .vi ? ("cột", "gợi ý") : ("column", "hint")
        var text = "\(columnWord) \(column): \(message(language))"
        if let hint { text += "\n  \(hintWord): \(hint(language))" }
        return text
    }

    /// `column 5: unknown function 'sqrt'` and, on the next line, `  hint: …`: ``text(_:)`` in English.
    public var description: String { text(.en) }
}
