import Localization

extension Expression {
    /// One step of a compiled expression, in postfix order.
    enum Instruction: Hashable, Sendable {
        /// Pushes a number.
        case number(Double)
        /// Pushes the value of `variables[slot]`.
        case variable(Int)
        /// Replaces the top value x by −x.
        case negate
        /// Replaces the top value c by 1 when c = 0, else 0.
        case not
        /// Replaces the two top values by the operator applied to them.
        case binary(BinaryOperator)
        /// Replaces the top `argumentCount` values by the function applied to them.
        case call(Function, argumentCount: Int)
    }

    /// A binary operator, with its precedence.
    enum BinaryOperator: Hashable, Sendable {
        case add, subtract, multiply, divide
        case less, lessOrEqual, greater, greaterOrEqual, equal, notEqual
        case and, or

        /// Higher binds tighter: or 1, and 2, (not 3), comparison 4, `+ -` 5, `* /` 6, (unary minus 7).
        var precedence: Int {
            switch self {
            case .or: 1
            case .and: 2
            case .less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual: 4
            case .add, .subtract: 5
            case .multiply, .divide: 6
            }
        }

        /// Whether this is one of `< <= > >= == !=`, which cannot be chained.
        var isComparison: Bool { precedence == 4 }
    }

    /// A function of the language.
    enum Function: String, CaseIterable, Hashable, Sendable {
        case `if`, min, max, abs, round, clamp

        /// How a call is written, for hints: "if(điều kiện, khi đúng, khi sai)", "if(condition, then, else)".
        var signature: Words {
            switch self {
            case .if: Words(vi: "if(điều kiện, khi đúng, khi sai)", en: "if(condition, then, else)")
            case .min: .verbatim("min(a, b, …)")
            case .max: .verbatim("max(a, b, …)")
            case .abs: .verbatim("abs(x)")
            case .round: Words(vi: "round(x) hoặc round(x, số chữ số)", en: "round(x) or round(x, digits)")
            case .clamp: Words(vi: "clamp(x, cận dưới, cận trên)", en: "clamp(x, lo, hi)")
            }
        }

        /// The hint for a call written wrongly: "hãy viết min(a, b, …)", "write min(a, b, …)".
        var writeSignature: Words {
            Words(vi: "hãy viết \(signature.vi)", en: "write \(signature.en)")
        }

        /// Whether a call may have `count` arguments.
        func accepts(argumentCount count: Int) -> Bool {
            switch self {
            case .if, .clamp: count == 3
            case .min, .max: count >= 2
            case .abs: count == 1
            case .round: count == 1 || count == 2
            }
        }

        /// The message for a call with the wrong number of arguments.
        func argumentCountMessage(_ count: Int) -> Words {
            switch self {
            case .min, .max:
                Words(vi: "'\(rawValue)' cần ít nhất 2 đối số", en: "'\(rawValue)' needs at least 2 arguments")
            case .round:
                Words(
                    vi: "'round' nhận 1 hoặc 2 đối số, không phải \(count)",
                    en: "'round' takes 1 or 2 arguments, not \(count)")
            case .abs: Words(vi: "'abs' nhận 1 đối số, không phải \(count)", en: "'abs' takes 1 argument, not \(count)")
            case .if, .clamp:
                Words(
                    vi: "'\(rawValue)' nhận 3 đối số, không phải \(count)",
                    en: "'\(rawValue)' takes 3 arguments, not \(count)")
            }
        }
    }

    /// Prefix operators precedences, between the binary ones (see ``BinaryOperator/precedence``).
    static let notPrecedence = 3
    static let negatePrecedence = 7
}
