import Localization

extension Expression {
    /// The expression as a spreadsheet formula (Excel and LibreOffice syntax, without the leading "="), or `nil`
    /// when the formula would pass Excel's limits (8,192 characters, 64 nested functions).
    ///
    /// A missing value is a spreadsheet error in the formula, so the formula follows the engine's rules
    /// without a test at every step: an operation on a missing value is missing, `if` uses only the branch it
    /// chooses, and a division by zero is an error (`#DIV/0!`), as the engine makes it missing. `reference`
    /// gives each variable's cell, which must hold a number or an error (such as `NA()` for a blank input).
    /// Comparisons and `and`, `or`, `not` give 1 or 0, as in the engine.
    ///
    /// For example, `if(b > 0, a / b, 0)` with `a` in `C5` and `b` in `C6` gives
    /// `IF(IF(C6>0,1,0)<>0,C5/C6,0)`.
    ///
    /// - Parameter reference: the cell (or formula) that holds a variable's value.
    public func spreadsheetFormula(reference: (VariableID) -> String) -> String? {
        struct Term {
            var text: String
            var depth: Int
            /// How tightly the text binds: 10 for a number, cell or function call, 7 for a negation, 6 for
            /// `*` `/`, 5 for `+` `-`. An operand binding less tightly than its operator is put in parentheses.
            var precedence: Int

            var isAtom: Bool { precedence == 10 }

            init(text: String, depth: Int, isAtom: Bool) {
                self.init(text: text, depth: depth, precedence: isAtom ? 10 : 7)
            }

            init(text: String, depth: Int, precedence: Int) {
                self.text = text
                self.depth = depth
                self.precedence = precedence
            }
        }
        var stack: [Term] = []
        stack.reserveCapacity(program.count)
        func operand(_ term: Term) -> String { term.isAtom ? term.text : "(" + term.text + ")" }
        func truth(_ condition: String, depth: Int) -> Term {
            Term(text: "IF(\(condition),1,0)", depth: depth + 1, isAtom: true)
        }
        for instruction in program {
            switch instruction {
            case .number(let x):
                let text = Self.spreadsheetNumber(x)
                stack.append(Term(text: text, depth: 0, isAtom: x >= 0))
            case .variable(let slot):
                stack.append(Term(text: reference(variables[slot]), depth: 0, isAtom: true))
            case .negate:
                let x = stack.removeLast()
                stack.append(Term(text: "-" + operand(x), depth: x.depth, isAtom: false))
            case .not:
                let x = stack.removeLast()
                stack.append(truth(operand(x) + "=0", depth: x.depth))
            case .binary(let op):
                let right = stack.removeLast()
                let left = stack.removeLast()
                let depth = Swift.max(left.depth, right.depth)
                let a = operand(left)
                let b = operand(right)
                // Left-associative arithmetic: the left operand may bind as tightly as the operator, the right
                // one must bind more tightly (a - (b - c) keeps its parentheses).
                func arithmetic(_ symbol: String, _ precedence: Int) -> Term {
                    let l = left.precedence >= precedence ? left.text : "(" + left.text + ")"
                    // A negation on the right is bracketed too: B2-(-3) rather than B2--3.
                    let r = right.precedence > precedence && right.precedence != 7 ? right.text : "(" + right.text + ")"
                    return Term(text: l + symbol + r, depth: depth, precedence: precedence)
                }
                switch op {
                case .add: stack.append(arithmetic("+", 5))
                case .subtract: stack.append(arithmetic("-", 5))
                case .multiply: stack.append(arithmetic("*", 6))
                case .divide: stack.append(arithmetic("/", 6))
                case .less: stack.append(truth(a + "<" + b, depth: depth))
                case .lessOrEqual: stack.append(truth(a + "<=" + b, depth: depth))
                case .greater: stack.append(truth(a + ">" + b, depth: depth))
                case .greaterOrEqual: stack.append(truth(a + ">=" + b, depth: depth))
                case .equal: stack.append(truth(a + "=" + b, depth: depth))
                case .notEqual: stack.append(truth(a + "<>" + b, depth: depth))
                case .and: stack.append(truth("AND(\(a)<>0,\(b)<>0)", depth: depth + 1))
                case .or: stack.append(truth("OR(\(a)<>0,\(b)<>0)", depth: depth + 1))
                }
            case .call(let function, let count):
                let arguments = Array(stack.suffix(count))
                stack.removeLast(count)
                let depth = (arguments.map(\.depth).max() ?? 0) + 1
                let texts = arguments.map(\.text)
                let text: String
                switch function {
                case .if: text = "IF(\(operand(arguments[0]))<>0,\(texts[1]),\(texts[2]))"
                case .min: text = "MIN(" + texts.joined(separator: ",") + ")"
                case .max: text = "MAX(" + texts.joined(separator: ",") + ")"
                case .abs: text = "ABS(\(texts[0]))"
                // ROUND in Excel and LibreOffice rounds half away from zero on the decimal value, as the engine.
                case .round: text = "ROUND(\(texts[0]),\(count == 2 ? texts[1] : "0"))"
                case .clamp: text = "MIN(MAX(\(texts[0]),\(texts[1])),\(texts[2]))"
                }
                stack.append(Term(text: text, depth: function == .clamp ? depth + 1 : depth, isAtom: true))
            }
        }
        guard let result = stack.last, result.text.utf8.count <= 8_000, result.depth <= 60 else { return nil }
        return result.text
    }

    /// A number as a spreadsheet formula writes it: the shortest text that reads back as the same double.
    public static func spreadsheetNumber(_ x: Double) -> String {
        if x == x.rounded(), Swift.abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)".uppercased()
    }
}
