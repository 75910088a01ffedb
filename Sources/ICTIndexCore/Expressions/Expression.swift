import Localization

/// A formula over variables, as written in a framework's `value`, `formula` and `points` keys.
///
/// The language has numbers (`12`, `0.5`, `1e3`), variable ids (`[a-z][a-z0-9_]*`), `+ - * /`, unary minus,
/// parentheses, the comparisons `< <= > >= == !=`, `and or not`, the literals `true` (1) and `false` (0), and the
/// functions `if(c, a, b)`, `min(a, b, …)`, `max(a, b, …)`, `abs(x)`, `round(x)`, `round(x, digits)` and
/// `clamp(x, lo, hi)`. Booleans are numbers: true is 1, false is 0, and a condition holds when it is not 0.
///
/// Precedence, from lowest to highest: `or`, `and`, `not`, comparisons (which cannot be chained), `+ -`, `* /`,
/// unary minus. Binary operators group to the left: `10 - 4 - 3` is 3.
///
/// Parsing compiles the text to a postfix program, and evaluation runs it on an explicit stack, so neither
/// recurses: a formula of 100,000 terms or 10,000 nested parentheses is fine.
///
/// Two expressions are equal when their ``source`` texts are equal.
///
/// For example:
///
/// ```swift
/// let share = try Expression.parse("computers / staff")
/// share.variables                                      // ["computers", "staff"]
/// share.evaluate { ["computers": 34, "staff": 40][$0] } // .value(0.85)
/// ```
public struct Expression: Hashable, Sendable, CustomStringConvertible {
    /// The text as written.
    public let source: String

    /// Every variable reference, in order of appearance in ``source``, duplicates kept.
    ///
    /// The criteria loader checks these against the framework's variables and reports unknown ones at their
    /// columns; the parser itself accepts any well-formed variable id.
    public let variableReferences: [VariableReference]

    /// The variables the expression uses, each once, in order of first appearance.
    public let variables: [VariableID]

    /// The compiled postfix program; ``Instruction/variable(_:)`` indexes ``variables``.
    let program: [Instruction]

    init(source: String, program: [Instruction], variableReferences: [VariableReference], variables: [VariableID]) {
        self.source = source
        self.program = program
        self.variableReferences = variableReferences
        self.variables = variables
    }

    /// An expression that is a bare reference to one variable, such as the default `value` of an indicator.
    ///
    /// The id is not checked against the variable id syntax, so a dotted node id can stand for the variable of
    /// the same name; its ``source`` is the id itself.
    ///
    /// For example:
    ///
    /// ```swift
    /// Expression.variable("staff").isSingleVariable  // "staff"
    /// ```
    ///
    /// - Parameter id: The variable to refer to.
    /// - Returns: An expression whose value is the variable's value.
    public static func variable(_ id: VariableID) -> Expression {
        Expression(
            source: id.rawValue,
            program: [.variable(0)],
            variableReferences: [VariableReference(id: id, column: 1)],
            variables: [id]
        )
    }

    /// The variable, when the whole expression is one variable reference (parentheses and spaces aside).
    ///
    /// `staff` and `(staff)` give `staff`; `staff + 0`, `-staff` and `12` give `nil`.
    public var isSingleVariable: VariableID? {
        guard program.count == 1, case .variable(let slot) = program[0] else { return nil }
        return variables[slot]
    }

    /// The text as written (``source``).
    public var description: String { source }

    /// Whether two expressions have the same ``source`` text.
    public static func == (lhs: Expression, rhs: Expression) -> Bool {
        lhs.source == rhs.source
    }

    /// Hashes the ``source`` text.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
    }
}

/// One occurrence of a variable id in an expression's text.
public struct VariableReference: Hashable, Sendable {
    /// The variable referred to.
    public let id: VariableID
    /// The 1-based column (in characters) where the id starts in ``Expression/source``.
    public let column: Int

    /// A reference to `id` at `column`.
    ///
    /// - Parameters:
    ///   - id: The variable referred to.
    ///   - column: The 1-based column where the id starts.
    public init(id: VariableID, column: Int) {
        self.id = id
        self.column = column
    }
}
