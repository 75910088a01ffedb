import Localization

/// The outcome of evaluating an ``Expression`` for one unit.
///
/// A missing input or a division by zero does not stop a run: it makes the value missing, and the caller
/// records a diagnostic (`E001` for a division by zero) naming the unit.
public enum ExpressionResult: Hashable, Sendable {
    /// The expression's value, always finite.
    case value(Double)
    /// A variable the result depends on is missing, or the result overflowed (is not finite).
    case missing
    /// A division by zero decided the result.
    ///
    /// When one operation meets both a missing operand and a division by zero, the result is ``missing``.
    case divisionByZero

    /// The value, or `nil` when the result is ``missing`` or ``divisionByZero``.
    public var value: Double? {
        if case .value(let x) = self { x } else { nil }
    }
}
