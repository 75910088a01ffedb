import Localization
/// Why an expression's text does not parse, and where.
///
/// The criteria loader turns it into a `C011` ``Diagnostic`` whose location is the expression's location
/// advanced by ``column`` − 1, so the editor jumps to the offending character:
///
///     Criteria/x.yaml:42:19: error[C011]: unknown function 'sqrt'
///       hint: the functions are if, min, max, abs, round, clamp
public struct ExpressionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based column (in characters) in the expression text where the problem is.
    ///
    /// At the end of the text, this is the length of the text plus one.
    public let column: Int
    /// What is wrong, in plain English, starting in lower case: "unknown function 'sqrt'".
    public let message: String
    /// What to do about it: "did you mean 'max'?".
    public let hint: String?

    /// An error at `column`.
    ///
    /// - Parameters:
    ///   - column: The 1-based column where the problem is.
    ///   - message: What is wrong, starting in lower case.
    ///   - hint: What to do about it.
    public init(column: Int, message: String, hint: String? = nil) {
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `column 5: unknown function 'sqrt'` and, on the next line, `  hint: …`.
    public var description: String {
        var text = "column \(column): \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}
