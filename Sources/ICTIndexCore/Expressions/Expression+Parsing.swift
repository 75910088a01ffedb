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
    static let functionList: Words = {
        let names = Function.allCases.map(\.rawValue).joined(separator: ", ")
        return Words(vi: "các hàm có thể dùng là \(names)", en: "the functions are \(names)")
    }()

    /// The syntax of variable ids, for hints.
    static let variableIDHint = Words(
        vi: "mã biến viết bằng chữ thường không dấu: [a-z][a-z0-9_]*",
        en: "variable ids are lower-case: [a-z][a-z0-9_]*")

    /// How numbers are written, for hints.
    static let numberHint = Words(
        vi: "hãy viết số như 12, 0.5 hoặc 1e3", en: "write numbers like 12, 0.5 or 1e3")

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
                    column: start + 1, message: Words(vi: "số '\(text)' viết sai", en: "malformed number '\(text)'"),
                    hint: Expression.numberHint)
            }
            guard let value = Double(text), value.isFinite else {
                throw ExpressionError(
                    column: start + 1, message: Words(vi: "số '\(text)' quá lớn", en: "number '\(text)' is too large"),
                    hint: Words(vi: "hãy viết số nhỏ hơn 1.8e308", en: "numbers must be below 1.8e308"))
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
            case "<" where next == "=":
                kind = .symbol(.lessOrEqual)
                length = 2
            case "<": kind = .symbol(.less)
            case ">" where next == "=":
                kind = .symbol(.greaterOrEqual)
                length = 2
            case ">": kind = .symbol(.greater)
            case "=" where next == "=":
                kind = .symbol(.equal)
                length = 2
            case "!" where next == "=":
                kind = .symbol(.notEqual)
                length = 2
            default: throw unexpectedCharacter()
            }
            let text = String(characters[index..<index + length])
            tokens.append(Token(kind: kind, column: index + 1, text: text))
            index += length
        }

        /// The error for the character at `index`, with a hint fitted to what was probably meant.
        private func unexpectedCharacter() -> ExpressionError {
            let character = characters[index]
            let hint: Words
            switch character {
            case "=": hint = Words(vi: "hãy dùng '==' để so sánh", en: "use '==' to compare")
            case "!":
                hint = Words(
                    vi: "hãy dùng 'not' để phủ định một điều kiện, hoặc '!=' cho 'khác'",
                    en: "use 'not' to negate a condition, or '!=' for 'not equal'")
            case "&": hint = Words(vi: "hãy dùng 'and'", en: "use 'and'")
            case "|": hint = Words(vi: "hãy dùng 'or'", en: "use 'or'")
            case "^":
                hint = Words(
                    vi: "không có phép lũy thừa; hãy nhân, như a * a",
                    en: "there is no power operator; multiply instead, as in a * a")
            case "%":
                hint = Words(
                    vi: "hãy viết tỷ lệ phần trăm bằng một con số, như 50 hoặc 0.5",
                    en: "write a percentage as a number, as in 50 or 0.5")
            case ".":
                if index + 1 < characters.count, Self.isDigit(characters[index + 1]) {
                    hint = Words(
                        vi: "hãy viết một chữ số trước dấu thập phân, như 0.5",
                        en: "write a digit before the decimal point, as in 0.5")
                } else if index > 0, Self.isNameCharacter(characters[index - 1]) {
                    hint = Words(
                        vi: "mã biến không có dấu '.': [a-z][a-z0-9_]*", en: "variable ids have no '.': [a-z][a-z0-9_]*"
                    )
                } else {
                    hint = Expression.numberHint
                }
            case _ where character.isLetter || character == "_":
                let word = self.word(around: index).lowercased()
                hint =
                    Expression.reservedWords.contains(word)
                    ? Words(
                        vi: "tên viết bằng chữ thường: hãy viết '\(word)'", en: "names are lower-case: write '\(word)'")
                    : Expression.variableIDHint
            default:
                hint = Words(
                    vi: "công thức gồm các số, mã biến, + - * /, phép so sánh, and, or, not, dấu ngoặc và các hàm if, "
                        + "min, max, abs, round, clamp",
                    en: "an expression has numbers, variable ids, + - * /, comparisons, and, or, not, "
                        + "parentheses and the functions if, min, max, abs, round, clamp")
            }
            return ExpressionError(
                column: index + 1,
                message: Words(vi: "ký tự '\(character)' không hợp lệ", en: "unexpected character '\(character)'"),
                hint: hint)
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
                                column: 1, message: Words(vi: "công thức trống", en: "empty expression"),
                                hint: Words(
                                    vi: "hãy viết một số, một mã biến hoặc một công thức như a / b",
                                    en: "write a number, a variable id or a formula such as a / b"))
                        }
                        throw ExpressionError(
                            column: endColumn,
                            message: Words(vi: "công thức chưa viết xong", en: "unexpected end of expression"),
                            hint: Words(
                                vi: "hãy thêm một giá trị sau '\(previous.text)'",
                                en: "add a value after '\(previous.text)'"))
                    case .comma:
                        throw ExpressionError(
                            column: token.column, message: Self.expectedValue(found: ","),
                            hint: Words(
                                vi: "hãy viết đối số còn thiếu trước ','", en: "an argument is missing before ','"))
                    case .symbol:
                        throw ExpressionError(
                            column: token.column, message: Self.expectedValue(found: token.text),
                            hint: Self.valueOnEachSide(token.text))
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
                    column: token.column, message: Self.expectedValue(found: name), hint: Self.valueOnEachSide(name))
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
                    column: token.column,
                    message: Words(vi: "cần '(' sau '\(name)'", en: "expected '(' after '\(name)'"),
                    hint: Words(
                        vi: "'\(name)' là một hàm: hãy viết \(function.signature.vi)",
                        en: "'\(name)' is a function: write \(function.signature.en)"))
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
                    column: token.column,
                    message: Words(
                        vi: "'not' không được đứng sau '\(previous.text)'", en: "'not' cannot follow '\(previous.text)'"
                    ),
                    hint: Words(vi: "hãy đặt nó trong ngoặc: (not …)", en: "put it in parentheses: (not …)"))
            }
        }

        /// A `)` right after `(` or `,`.
        private mutating func closeEmpty(_ token: Token, previous: Token?) throws(ExpressionError) {
            if previous?.kind == .leftParen, let top = pending.last {
                if case .call(let function, let nameColumn, _, _) = top {
                    throw ExpressionError(
                        column: nameColumn, message: function.argumentCountMessage(0), hint: function.writeSignature)
                }
                throw ExpressionError(
                    column: token.column, message: Words(vi: "cặp ngoặc trống", en: "empty parentheses"),
                    hint: Words(vi: "hãy viết một giá trị giữa '(' và ')'", en: "put a value between '(' and ')'"))
            }
            let hint: Words =
                if let previous, previous.kind == .comma {
                    Words(vi: "hãy viết đối số còn thiếu sau ','", en: "an argument is missing after ','")
                } else if let previous {
                    Words(
                        vi: "hãy viết một giá trị sau '\(previous.text)'",
                        en: "'\(previous.text)' needs a value after it")
                } else {
                    Self.unmatchedHint
                }
            throw ExpressionError(column: token.column, message: Self.expectedValue(found: ")"), hint: hint)
        }

        /// Pops the operators that bind at least as tightly as `op`, then pushes it.
        private mutating func pushBinary(_ op: BinaryOperator, _ token: Token) throws(ExpressionError) {
            while let top = pending.last, let precedence = top.precedence, precedence >= op.precedence {
                if case .binary(let other, _) = top, other.isComparison, op.isComparison {
                    throw ExpressionError(
                        column: token.column,
                        message: Words(vi: "không được nối liền hai phép so sánh", en: "comparisons cannot be chained"),
                        hint: Words(
                            vi: "hãy nối hai phép so sánh bằng 'and', như a < b and b < c",
                            en: "join two comparisons with 'and', as in a < b and b < c"))
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
                var hint = Words(
                    vi: "hãy chỉ dùng ',' để ngăn cách các đối số của một hàm, như max(a, b)",
                    en: "',' separates the arguments of a function, as in max(a, b)")
                if case .number = previous?.kind, case .number = next.kind {
                    hint = Words(
                        vi: "hãy viết số thập phân với dấu '.', như 0.5", en: "write decimals with '.', as in 0.5")
                }
                throw ExpressionError(
                    column: token.column, message: Words(vi: "dấu ',' không đúng chỗ", en: "unexpected ','"), hint: hint
                )
            }
            pending[pending.count - 1] = .call(
                function, nameColumn: nameColumn, parenColumn: parenColumn, argumentCount: count + 1)
        }

        private mutating func close(_ token: Token) throws(ExpressionError) {
            popToParenthesis()
            guard let top = pending.popLast() else {
                throw ExpressionError(
                    column: token.column,
                    message: Words(vi: "dấu ')' không có dấu '(' tương ứng", en: "unmatched ')'"),
                    hint: Self.unmatchedHint)
            }
            if case .call(let function, let nameColumn, _, let count) = top {
                let argumentCount = count + 1
                guard function.accepts(argumentCount: argumentCount) else {
                    throw ExpressionError(
                        column: nameColumn, message: function.argumentCountMessage(argumentCount),
                        hint: function.writeSignature)
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
                        column: endColumn,
                        message: Words(
                            vi: "cần ')' để đóng dấu '(' ở cột \(column)",
                            en: "expected ')' to close '(' at column \(column)"),
                        hint: unclosed == 1
                            ? Words(vi: "hãy thêm ')' vào cuối", en: "add ')' at the end")
                            : Words(vi: "hãy thêm \(unclosed) dấu ')' vào cuối", en: "add \(unclosed) ')' at the end"))
                case .binary, .negate, .not:
                    emit(top)
                }
            }
        }

        /// A value where an operator should be.
        private func missingOperator(_ token: Token) -> ExpressionError {
            let hint: Words
            let barrier = pending.last(where: { $0.precedence == nil })
            if case .call(let function, _, _, _) = barrier {
                hint = Words(
                    vi: "hãy ngăn cách các đối số của '\(function.rawValue)' bằng ','",
                    en: "separate the arguments of '\(function.rawValue)' with ','")
            } else if token.kind == .leftParen {
                hint = Words(vi: "hãy viết '*' để nhân", en: "write '*' to multiply")
            } else {
                hint = Words(
                    vi: "hãy đặt một phép toán như + - * / giữa hai giá trị",
                    en: "put an operator such as + - * / between two values")
            }
            return ExpressionError(
                column: token.column,
                message: Words(
                    vi: "cần một phép toán nhưng gặp '\(token.text)'",
                    en: "expected an operator but found '\(token.text)'"),
                hint: hint)
        }

        /// "cần một giá trị nhưng gặp ','", "expected a value but found ','".
        private static func expectedValue(found text: String) -> Words {
            Words(vi: "cần một giá trị nhưng gặp '\(text)'", en: "expected a value but found '\(text)'")
        }

        /// The hint for an operator without its operands.
        private static func valueOnEachSide(_ text: String) -> Words {
            Words(vi: "hãy viết một giá trị ở mỗi bên của '\(text)'", en: "'\(text)' needs a value on each side")
        }

        /// The hint for a ')' that closes nothing.
        private static let unmatchedHint = Words(
            vi: "hãy xoá nó, hoặc thêm dấu '(' mà nó đóng", en: "remove it, or add the '(' it closes")

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
        private static let alternatives: [String: Words] = [
            "sum": Words(vi: "không có hàm 'sum'; hãy viết a + b + …", en: "there is no 'sum'; write a + b + …"),
            "mean": Words(vi: "không có hàm 'mean'; hãy viết (a + b) / 2", en: "there is no 'mean'; write (a + b) / 2"),
            "avg": Words(vi: "không có hàm 'avg'; hãy viết (a + b) / 2", en: "there is no 'avg'; write (a + b) / 2"),
            "average": Words(
                vi: "không có hàm 'average'; hãy viết (a + b) / 2", en: "there is no 'average'; write (a + b) / 2"),
            "pow": Words(
                vi: "không có hàm lũy thừa; hãy nhân, như a * a",
                en: "there is no power function; multiply instead, as in a * a"),
        ]

        static func unknownFunction(_ name: String, column: Int) -> ExpressionError {
            let hint: Words
            if let alternative = alternatives[name] {
                hint = alternative
            } else if let suggestion = suggestion(for: name) {
                hint = Words(vi: "có phải ý bạn là '\(suggestion)'?", en: "did you mean '\(suggestion)'?")
            } else {
                hint = Expression.functionList
            }
            return ExpressionError(
                column: column, message: Words(vi: "không có hàm '\(name)'", en: "unknown function '\(name)'"),
                hint: hint)
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
