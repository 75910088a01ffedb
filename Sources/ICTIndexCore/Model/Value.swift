import Localization
import OrderedCollections

/// One value a unit reported for a variable.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    /// A number (booleans are 1 or 0, percentages 0–100).
    case number(Double)
    /// The option id of a choice variable.
    case option(String)
    /// A date or free text: kept and shown, not computed with.
    case text(String)

    /// The value as a number, if it is one.
    public var number: Double? {
        if case .number(let x) = self { return x }
        return nil
    }

    public var description: String {
        switch self {
        case .number(let x): NumberFormatting.plain(x)
        case .option(let o): o
        case .text(let t): t
        }
    }
}
