import Localization
extension Expression {
    /// Parses and compiles an expression.
    ///
    /// Variable ids are not checked against a framework here; ``variableReferences`` lists them, with their
    /// columns, for the caller to check.
    ///
    /// For example:
    ///
    /// ```swift
    /// try Expression.parse("if(staff > 0, computers / staff, 0)")
    /// try Expression.parse("sqrt(staff)")
    /// // ExpressionError: column 1: unknown function 'sqrt'
    /// //   hint: the functions are if, min, max, abs, round, clamp
    /// ```
    ///
    /// - Parameter text: The expression as written.
    /// - Returns: The compiled expression, whose ``source`` is `text`.
    /// - Throws: ``ExpressionError`` at the first problem: an unexpected character, a malformed number, an unknown
    ///   function, a wrong number of arguments, an unbalanced parenthesis, a chained comparison, a missing value
    ///   or operator, or an empty text.
    /// - Complexity: O(*n*) in the length of `text`, without recursion.
    public static func parse(_ text: String) throws(ExpressionError) -> Expression {
        let characters = Array(text)
        let tokens = try Tokenizer(characters).tokenize()
        var parser = Parser(tokens: tokens, endColumn: characters.count + 1)
        try parser.parse()
        return Expression(
            source: text,
            program: parser.output,
            variableReferences: parser.references,
            variables: parser.variables
        )
    }

    /// The names that are not variable ids.
    static let reservedWords: Set<String> = Set(
        Function.allCases.map(\.rawValue) + ["and", "or", "not", "true", "false"])

    /// The list of functions, for hints.
    static let functionList = "the functions are " + Function.allCases.map(\.rawValue).joined(separator: ", ")

    /// The syntax of variable ids, for hints.
    static let variableIDHint = "variable ids are lower-case: [a-z][a-z0-9_]*"

    // MARK: - Tokens

    /// A token of an expression, with its 1-based column and its text as written.
    struct Token {
        enum Kind: Equatable {
            case number(Double)
            /// A variable id, a function name or one of `and or not true false`.
            case name(String)
            /// `+ - * /` and the comparisons; `-` is also unary minus.
            case symbol(BinaryOperator)
            case leftParen
            case rightParen
            case comma
            case end
        }

        var kind: Kind
        var column: Int
        var text: String
    }

    /// Splits an expression's text into tokens.
    struct Tokenizer {
        let characters: [Character]
        var index = 0
        var tokens: [Token] = []

        init(_ characters: [Character]) {
            self.characters = characters
        }

        consuming func tokenize() throws(ExpressionError) -> [Token] {
            while index < characters.count {
                let character = characters[index]
                if character.isWhitespace {
                    index += 1
                } else if Self.isDigit(character) {
                    try scanNumber()
                } else if Self.isLowercaseLetter(character) {
                    let start = index
                    while index < characters.count, Self.isNameCharacter(characters[index]) { index += 1 }
                    let name = String(characters[start..<index])
                    tokens.append(Token(kind: .name(name), column: start + 1, text: name))
                } else {
                    try scanSymbol()
                }
            }
            tokens.append(Token(kind: .end, column: characters.count + 1, text: ""))
            return tokens
        }

        /// `12`, `0.5`, `1e3`, `2.5e-3`; an `e` not followed by digits is not part of the number.
        private mutating func scanNumber() throws(ExpressionError) {
            let start = index
            skipDigits()
            var malformed = false
            if index < characters.count, characters[index] == "." {
                index += 1
                if index < characters.count, Self.isDigit(characters[index]) {
                    skipDigits()
                } else {
                    malformed = true
                }
            }
            if !malformed, index < characters.count, characters[index] == "e" || characters[index] == "E" {
                var next = index + 1
                if next < characters.count, characters[next] == "+" || characters[next] == "-" { next += 1 }
                if next < characters.count, Self.isDigit(characters[next]) {
                    index = next
                    skipDigits()
                }
            }
            let text = String(characters[start..<index])
            if malformed {
                throw ExpressionError(
                    column: start + 1, message: "malformed number '\(text)'",
                    hint: "write numbers like 12, 0.5 or 1e3")
            }
            guard let value = Double(text), value.isFinite else {
                throw ExpressionError(
                    column: start + 1, message: "number '\(text)' is too large",
                    hint: "numbers must be below 1.8e308")
            }
            tokens.append(Token(kind: .number(value), column: start + 1, text: text))
        }

        private mutating func skipDigits() {
            while index < characters.count, Self.isDigit(characters[index]) { index += 1 }
        }

        /// Operators, parentheses and commas.
        private mutating func scanSymbol() throws(ExpressionError) {
            let character = characters[index]
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            let kind: Token.Kind
            var length = 1
            switch character {
            case "+": kind = .symbol(.add)
            case "-": kind = .symbol(.subtract)
            case "*": kind = .symbol(.multiply)
            case "/": kind = .symbol(.divide)
            case "(": kind = .leftParen
            case ")": kind = .rightParen
            case ",": kind = .comma
            case "<" where next == "=": kind = .symbol(.lessOrEqual); length = 2
            case "<": kind = .symbol(.less)
            case ">" where next == "=": kind = .symbol(.greaterOrEqual); length = 2
            case ">": kind = .symbol(.greater)
            case "=" where next == "=": kind = .symbol(.equal); length = 2
            case "!" where next == "=": kind = .symbol(.notEqual); length = 2
            default: throw unexpectedCharacter()
            }
            let text = String(characters[index..<index + length])
            tokens.append(Token(kind: kind, column: index + 1, text: text))
            index += length
        }

        /// The error for the character at `index`, with a hint fitted to what was probably meant.
        private func unexpectedCharacter() -> ExpressionError {
            let character = characters[index]
            let hint: String
            switch character {
            case "=": hint = "use '==' to compare"
            case "!": hint = "use 'not' to negate a condition, or '!=' for 'not equal'"
            case "&": hint = "use 'and'"
            case "|": hint = "use 'or'"
            case "^": hint = "there is no power operator; multiply instead, as in a * a"
            case "%": hint = "write a percentage as a number, as in 50 or 0.5"
            case ".":
                if index + 1 < characters.count, Self.isDigit(characters[index + 1]) {
                    hint = "write a digit before the decimal point, as in 0.5"
                } else if index > 0, Self.isNameCharacter(characters[index - 1]) {
                    hint = "variable ids have no '.': [a-z][a-z0-9_]*"
                } else {
                    hint = "write numbers like 12, 0.5 or 1e3"
                }
            case _ where character.isLetter || character == "_":
                let word = self.word(around: index).lowercased()
                hint =
                    Expression.reservedWords.contains(word)
                    ? "names are lower-case: write '\(word)'" : Expression.variableIDHint
            default:
                hint = "an expression has numbers, variable ids, + - * /, comparisons, and, or, not, "
                    + "parentheses and the functions if, min, max, abs, round, clamp"
            }
            return ExpressionError(column: index + 1, message: "unexpected character '\(character)'", hint: hint)
        }

        /// The run of letters, digits and underscores that contains `position`.
        private func word(around position: Int) -> String {
            func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
            var start = position
            while start > 0, isWordCharacter(characters[start - 1]) { start -= 1 }
            var end = position
            while end < characters.count, isWordCharacter(characters[end]) { end += 1 }
            return String(characters[start..<end])
        }

        private static func isDigit(_ c: Character) -> Bool {
            guard let ascii = c.asciiValue, c.unicodeScalars.count == 1 else { return false }
            return ascii >= 48 && ascii <= 57
        }

        private static func isLowercaseLetter(_ c: Character) -> Bool {
            guard let ascii = c.asciiValue, c.unicodeScalars.count == 1 else { return false }
            return ascii >= 97 && ascii <= 122
        }

        private static func isNameCharacter(_ c: Character) -> Bool {
            isLowercaseLetter(c) || isDigit(c) || c == "_"
        }
    }

    // MARK: - Parser

    /// Compiles tokens to a postfix program with the shunting-yard algorithm: one loop, explicit stacks.
    struct Parser {
        /// An operator or parenthesis waiting on the operator stack.
        enum Pending {
            case binary(BinaryOperator, column: Int)
            case negate
            case not
            case paren(column: Int)
            case call(Function, nameColumn: Int, parenColumn: Int, argumentCount: Int)

            /// The precedence of an operator; `nil` for a parenthesis, which nothing pops past.
            var precedence: Int? {
                switch self {
                case .binary(let op, _): op.precedence
                case .negate: Expression.negatePrecedence
                case .not: Expression.notPrecedence
                case .paren, .call: nil
                }
            }
        }

        let tokens: [Token]
        let endColumn: Int
        var output: [Instruction] = []
        var pending: [Pending] = []
        var references: [VariableReference] = []
        var variables: [VariableID] = []
        var slots: [String: Int] = [:]

        init(tokens: [Token], endColumn: Int) {
            self.tokens = tokens
            self.endColumn = endColumn
            output.reserveCapacity(tokens.count)
        }

        mutating func parse() throws(ExpressionError) {
            var expectingOperand = true
            var index = 0
            while index < tokens.count {
                let token = tokens[index]
                let previous: Token? = index > 0 ? tokens[index - 1] : nil
                if expectingOperand {
                    switch token.kind {
                    case .number(let value):
                        output.append(.number(value))
                        expectingOperand = false
                    case .name(let name):
                        let next = tokens[index + 1]
                        expectingOperand = try operand(name: name, token: token, next: next, previous: previous)
                        if !expectingOperand || name == "not" {
                            break
                        }
                        index += 1  // the '(' of a call
                    case .symbol(.subtract):
                        pending.append(.negate)
                    case .leftParen:
                        pending.append(.paren(column: token.column))
                    case .rightParen:
                        try closeEmpty(token, previous: previous)
                        expectingOperand = false
                    case .end:
                        guard let previous else {
                            throw ExpressionError(
                                column: 1, message: "empty expression",
                                hint: "write a number, a variable id or a formula such as a / b")
                        }
                        throw ExpressionError(
                            column: endColumn, message: "unexpected end of expression",
                            hint: "add a value after '\(previous.text)'")
                    case .comma:
                        throw ExpressionError(
                            column: token.column, message: "expected a value but found ','",
                            hint: "an argument is missing before ','")
                    case .symbol:
                        throw ExpressionError(
                            column: token.column, message: "expected a value but found '\(token.text)'",
                            hint: "'\(token.text)' needs a value on each side")
                    }
                } else {
                    switch token.kind {
                    case .symbol(let op):
                        try pushBinary(op, token)
                        expectingOperand = true
                    case .name("and"):
                        try pushBinary(.and, token)
                        expectingOperand = true
                    case .name("or"):
                        try pushBinary(.or, token)
                        expectingOperand = true
                    case .comma:
                        try separateArgument(token, previous: previous, next: tokens[index + 1])
                        expectingOperand = true
                    case .rightParen:
                        try close(token)
                    case .end:
                        try finish()
                    case .number, .name, .leftParen:
                        throw missingOperator(token)
                    }
                }
                index += 1
            }
        }

        /// Handles a name where a value is expected; returns whether a value is still expected.
        private mutating func operand(
            name: String, token: Token, next: Token, previous: Token?
        ) throws(ExpressionError) -> Bool {
            switch name {
            case "true":
                output.append(.number(1))
                return false
            case "false":
                output.append(.number(0))
                return false
            case "not":
                try checkNotPosition(token, previous: previous)
                pending.append(.not)
                return true
            case "and", "or":
                throw ExpressionError(
                    column: token.column, message: "expected a value but found '\(name)'",
                    hint: "'\(name)' needs a value on each side")
            default:
                break
            }
            let function = Function(rawValue: name)
            if next.kind == .leftParen {
                guard let function else { throw Self.unknownFunction(name, column: token.column) }
                pending.append(.call(function, nameColumn: token.column, parenColumn: next.column, argumentCount: 0))
                return true
            }
            if let function {
                throw ExpressionError(
                    column: token.column, message: "expected '(' after '\(name)'",
                    hint: "'\(name)' is a function: write \(function.signature)")
            }
            let slot: Int
            if let known = slots[name] {
                slot = known
            } else {
                slot = variables.count
                slots[name] = slot
                variables.append(VariableID(name))
            }
            references.append(VariableReference(id: variables[slot], column: token.column))
            output.append(.variable(slot))
            return false
        }

        /// `not` binds more loosely than comparisons and arithmetic, so it may only start a condition.
        private func checkNotPosition(_ token: Token, previous: Token?) throws(ExpressionError) {
            guard let previous else { return }
            switch previous.kind {
            case .leftParen, .comma, .name("and"), .name("or"), .name("not"):
                return
            default:
                throw ExpressionError(
                    column: token.column, message: "'not' cannot follow '\(previous.text)'",
                    hint: "put it in parentheses: (not …)")
            }
        }

        /// A `)` right after `(` or `,`.
        private mutating func closeEmpty(_ token: Token, previous: Token?) throws(ExpressionError) {
            if previous?.kind == .leftParen, let top = pending.last {
                if case .call(let function, let nameColumn, _, _) = top {
                    throw ExpressionError(
                        column: nameColumn, message: function.argumentCountMessage(0),
                        hint: "write \(function.signature)")
                }
                throw ExpressionError(
                    column: token.column, message: "empty parentheses",
                    hint: "put a value between '(' and ')'")
            }
            let hint =
                if let previous, previous.kind == .comma {
                    "an argument is missing after ','"
                } else {
                    "'\(previous?.text ?? "")' needs a value after it"
                }
            throw ExpressionError(column: token.column, message: "expected a value but found ')'", hint: hint)
        }

        /// Pops the operators that bind at least as tightly as `op`, then pushes it.
        private mutating func pushBinary(_ op: BinaryOperator, _ token: Token) throws(ExpressionError) {
            while let top = pending.last, let precedence = top.precedence, precedence >= op.precedence {
                if case .binary(let other, _) = top, other.isComparison, op.isComparison {
                    throw ExpressionError(
                        column: token.column, message: "comparisons cannot be chained",
                        hint: "join two comparisons with 'and', as in a < b and b < c")
                }
                emit(pending.removeLast())
            }
            pending.append(.binary(op, column: token.column))
        }

        /// Pops operators down to the innermost parenthesis or call, which stays on the stack.
        private mutating func popToParenthesis() {
            while let top = pending.last, top.precedence != nil {
                emit(pending.removeLast())
            }
        }

        private mutating func separateArgument(_ token: Token, previous: Token?, next: Token) throws(ExpressionError) {
            popToParenthesis()
            guard case .call(let function, let nameColumn, let parenColumn, let count) = pending.last else {
                var hint = "',' separates the arguments of a function, as in max(a, b)"
                if case .number = previous?.kind, case .number = next.kind {
                    hint = "write decimals with '.', as in 0.5"
                }
                throw ExpressionError(column: token.column, message: "unexpected ','", hint: hint)
            }
            pending[pending.count - 1] = .call(
                function, nameColumn: nameColumn, parenColumn: parenColumn, argumentCount: count + 1)
        }

        private mutating func close(_ token: Token) throws(ExpressionError) {
            popToParenthesis()
            guard let top = pending.popLast() else {
                throw ExpressionError(
                    column: token.column, message: "unmatched ')'", hint: "remove it, or add the '(' it closes")
            }
            if case .call(let function, let nameColumn, _, let count) = top {
                let argumentCount = count + 1
                guard function.accepts(argumentCount: argumentCount) else {
                    throw ExpressionError(
                        column: nameColumn, message: function.argumentCountMessage(argumentCount),
                        hint: "write \(function.signature)")
                }
                output.append(.call(function, argumentCount: argumentCount))
            }
        }

        private mutating func finish() throws(ExpressionError) {
            let unclosed = pending.count(where: { $0.precedence == nil })
            while let top = pending.popLast() {
                switch top {
                case .paren(let column), .call(_, _, let column, _):
                    throw ExpressionError(
                        column: endColumn, message: "expected ')' to close '(' at column \(column)",
                        hint: unclosed == 1 ? "add ')' at the end" : "add \(unclosed) ')' at the end")
                case .binary, .negate, .not:
                    emit(top)
                }
            }
        }

        /// A value where an operator should be.
        private func missingOperator(_ token: Token) -> ExpressionError {
            let hint: String
            let barrier = pending.last(where: { $0.precedence == nil })
            if case .call(let function, _, _, _) = barrier {
                hint = "separate the arguments of '\(function.rawValue)' with ','"
            } else if token.kind == .leftParen {
                hint = "write '*' to multiply"
            } else {
                hint = "put an operator such as + - * / between two values"
            }
            return ExpressionError(
                column: token.column, message: "expected an operator but found '\(token.text)'", hint: hint)
        }

        private mutating func emit(_ item: Pending) {
            switch item {
            case .binary(let op, _): output.append(.binary(op))
            case .negate: output.append(.negate)
            case .not: output.append(.not)
            case .paren, .call: break
            }
        }

        // MARK: Suggestions

        /// Names with their own hint instead of a near miss ("mean" is 2 edits from "max").
        private static let alternatives: [String: String] = [
            "sum": "there is no 'sum'; write a + b + …",
            "mean": "there is no 'mean'; write (a + b) / 2",
            "avg": "there is no 'avg'; write (a + b) / 2",
            "average": "there is no 'average'; write (a + b) / 2",
            "pow": "there is no power function; multiply instead, as in a * a",
        ]

        static func unknownFunction(_ name: String, column: Int) -> ExpressionError {
            let hint: String
            if let alternative = alternatives[name] {
                hint = alternative
            } else if let suggestion = suggestion(for: name) {
                hint = "did you mean '\(suggestion)'?"
            } else {
                hint = Expression.functionList
            }
            return ExpressionError(column: column, message: "unknown function '\(name)'", hint: hint)
        }

        /// The closest name that can be called, at most 2 edits away and fewer edits than `name` has characters.
        static func suggestion(for name: String) -> String? {
            let candidates = Function.allCases.map(\.rawValue) + ["not"]
            var best: (name: String, distance: Int)?
            for candidate in candidates {
                let distance = Suggestion.distance(name, candidate)
                guard distance <= 2, distance < name.count else { continue }
                if best == nil || distance < (best?.distance ?? .max) { best = (candidate, distance) }
            }
            return best?.name
        }

    }
}
