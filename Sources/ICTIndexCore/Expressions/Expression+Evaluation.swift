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
        let inputs: [ExpressionResult] = variables.map { id in
            guard let x = lookup(id), x.isFinite else { return .missing }
            return .value(x)
        }
        var stack: [ExpressionResult] = []
        for instruction in program {
            switch instruction {
            case .number(let x):
                stack.append(.value(x))
            case .variable(let slot):
                stack.append(inputs[slot])
            case .negate:
                if case .value(let x) = stack[stack.count - 1] { stack[stack.count - 1] = .value(-x) }
            case .not:
                if case .value(let x) = stack[stack.count - 1] { stack[stack.count - 1] = Self.truth(x == 0) }
            case .binary(let op):
                let right = stack.removeLast()
                let left = stack.removeLast()
                stack.append(Self.apply(op, left, right))
            case .call(let function, let argumentCount):
                let result = Self.call(function, stack[(stack.count - argumentCount)...])
                stack.removeLast(argumentCount)
                stack.append(result)
            }
        }
        return stack.last ?? .missing
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
    private static func call(_ function: Function, _ arguments: ArraySlice<ExpressionResult>) -> ExpressionResult {
        let first = arguments.startIndex
        if function == .if {
            // Both branches were evaluated, but only the chosen one's result counts.
            switch arguments[first] {
            case .value(let condition): return condition != 0 ? arguments[first + 1] : arguments[first + 2]
            case .missing: return .missing
            case .divisionByZero: return .divisionByZero
            }
        }
        var values: [Double] = []
        values.reserveCapacity(arguments.count)
        var dividedByZero = false
        for argument in arguments {
            switch argument {
            case .value(let x): values.append(x)
            case .missing: return .missing
            case .divisionByZero: dividedByZero = true
            }
        }
        if dividedByZero { return .divisionByZero }
        switch function {
        case .min: return .value(values.dropFirst().reduce(values[0], Swift.min))
        case .max: return .value(values.dropFirst().reduce(values[0], Swift.max))
        case .abs: return .value(Swift.abs(values[0]))
        case .round: return finite(round(values[0], digits: values.count == 2 ? values[1] : 0))
        case .clamp: return .value(Swift.min(Swift.max(values[0], values[1]), values[2]))
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
