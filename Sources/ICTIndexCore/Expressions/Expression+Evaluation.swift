import Localization

extension Expression {
    /// Evaluates the expression for one unit.
    ///
    /// A missing operand makes the result of an operation missing, and so does a missing argument of `min`,
    /// `max`, `abs`, `round` or `clamp`, a missing side of `and`/`or`, and a missing condition of `if`.
    /// A division by zero spreads the same way as ``ExpressionResult/divisionByZero``; when an operation meets
    /// both, the result is ``ExpressionResult/missing``. `if(c, a, b)` gives the result of the branch it chooses,
    /// so `if(n > 0, x / n, 0)` is 0 when n = 0. A result that overflows (is not finite) is missing.
    ///
    /// `round(x, digits)` rounds half away from zero to `digits` decimals (truncated to an integer; negative
    /// rounds to tens, hundreds, …). `clamp(x, lo, hi)` is min(max(x, lo), hi), so it gives `hi` when lo > hi.
    /// Comparisons are exact and give 1 or 0.
    ///
    /// For example:
    ///
    /// ```swift
    /// let share = try Expression.parse("if(staff > 0, computers / staff, 0)")
    /// share.evaluate { ["computers": 34, "staff": 40][$0] }  // .value(0.85)
    /// share.evaluate { ["computers": 34][$0] }               // .missing
    /// ```
    ///
    /// - Parameter lookup: The value of a variable for the unit, or `nil` when it is missing. It is called once
    ///   for each of ``variables``, in order; a value that is not finite counts as missing.
    /// - Returns: The value, or why there is none.
    /// - Complexity: O(*n*) in the length of the program, without recursion.
    public func evaluate(_ lookup: (VariableID) -> Double?) -> ExpressionResult {
        let inputs = variables.map(lookup)
        return evaluateSlots { inputs[$0] }
    }

    /// Evaluates the expression with variables given by position in ``variables``.
    ///
    /// The engine resolves each expression's variables to its own columns once per run, so that scoring
    /// 10,000 units hashes no variable id: `lookup(i)` is the value of `variables[i]`. The stack lives in a
    /// temporary allocation (on the machine stack for ordinary formulas), so an evaluation allocates nothing.
    ///
    /// - Parameter lookup: The value of `variables[i]`, or `nil` when it is missing; a value that is not finite
    ///   counts as missing. It may be called more than once for a variable used more than once.
    /// - Returns: The value, or why there is none.
    /// - Complexity: O(*n*) in the length of the program, without recursion.
    public func evaluateSlots(_ lookup: (Int) -> Double?) -> ExpressionResult {
        if program.count == 1, case .variable(let slot) = program[0] {
            guard let x = lookup(slot), x.isFinite else { return .missing }
            return .value(x)
        }
        return withUnsafeTemporaryAllocation(of: ExpressionResult.self, capacity: Swift.max(1, program.count)) {
            stack in
            var top = 0
            for instruction in program {
                switch instruction {
                case .number(let x):
                    stack.initializeElement(at: top, to: .value(x))
                    top += 1
                case .variable(let slot):
                    let x = lookup(slot)
                    stack.initializeElement(at: top, to: x.map { $0.isFinite ? .value($0) : .missing } ?? .missing)
                    top += 1
                case .negate:
                    if case .value(let x) = stack[top - 1] { stack[top - 1] = .value(-x) }
                case .not:
                    if case .value(let x) = stack[top - 1] { stack[top - 1] = Self.truth(x == 0) }
                case .binary(let op):
                    stack[top - 2] = Self.apply(op, stack[top - 2], stack[top - 1])
                    top -= 1
                case .call(let function, let argumentCount):
                    let result = Self.call(function, stack[(top - argumentCount)..<top])
                    top -= argumentCount
                    stack[top] = result
                    top += 1
                }
            }
            // ExpressionResult is a trivial type: the buffer needs no deinitialisation.
            return top > 0 ? stack[top - 1] : .missing
        }
    }

    /// A binary operation; missing wins over division by zero.
    private static func apply(_ op: BinaryOperator, _ left: ExpressionResult, _ right: ExpressionResult)
        -> ExpressionResult
    {
        guard case .value(let x) = left, case .value(let y) = right else {
            return left == .missing || right == .missing ? .missing : .divisionByZero
        }
        switch op {
        case .add: return finite(x + y)
        case .subtract: return finite(x - y)
        case .multiply: return finite(x * y)
        case .divide: return y == 0 ? .divisionByZero : finite(x / y)
        case .less: return truth(x < y)
        case .lessOrEqual: return truth(x <= y)
        case .greater: return truth(x > y)
        case .greaterOrEqual: return truth(x >= y)
        case .equal: return truth(x == y)
        case .notEqual: return truth(x != y)
        case .and: return truth(x != 0 && y != 0)
        case .or: return truth(x != 0 || y != 0)
        }
    }

    /// A function call on its arguments, which the compiler has counted.
    private static func call(
        _ function: Function, _ arguments: Slice<UnsafeMutableBufferPointer<ExpressionResult>>
    ) -> ExpressionResult {
        let first = arguments.startIndex
        if function == .if {
            // Both branches were evaluated, but only the chosen one's result counts.
            switch arguments[first] {
            case .value(let condition): return condition != 0 ? arguments[first + 1] : arguments[first + 2]
            case .missing: return .missing
            case .divisionByZero: return .divisionByZero
            }
        }
        var dividedByZero = false
        for argument in arguments {
            switch argument {
            case .value: break
            case .missing: return .missing
            case .divisionByZero: dividedByZero = true
            }
        }
        if dividedByZero { return .divisionByZero }
        // Every argument is a value now.
        func x(_ i: Int) -> Double { arguments[first + i].value ?? 0 }
        switch function {
        case .min: return .value(arguments.reduce(x(0)) { Swift.min($0, $1.value ?? 0) })
        case .max: return .value(arguments.reduce(x(0)) { Swift.max($0, $1.value ?? 0) })
        case .abs: return .value(Swift.abs(x(0)))
        case .round: return finite(round(x(0), digits: arguments.count == 2 ? x(1) : 0))
        case .clamp: return .value(Swift.min(Swift.max(x(0), x(1)), x(2)))
        case .if: return .missing  // handled above
        }
    }

    /// Rounds half away from zero to `digits` decimals (truncated towards zero; negative for tens, hundreds, …).
    static func round(_ x: Double, digits: Double) -> Double {
        let decimals = Int(Swift.max(-400, Swift.min(400, digits.rounded(.towardZero))))
        if decimals >= 0 {
            // More decimals than a double holds leave the value as it is.
            let rounded = Rounding.round(x, decimals: decimals)
            return rounded.isFinite ? rounded : x
        }
        var factor = 1.0
        for _ in 0..<(-decimals) { factor *= 10 }
        guard factor.isFinite else { return 0 }
        return (x / factor).rounded(.toNearestOrAwayFromZero) * factor
    }

    private static func finite(_ x: Double) -> ExpressionResult {
        x.isFinite ? .value(x) : .missing
    }

    private static func truth(_ condition: Bool) -> ExpressionResult {
        .value(condition ? 1 : 0)
    }
}
