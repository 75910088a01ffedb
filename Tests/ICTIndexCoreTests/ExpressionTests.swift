import Testing

@testable import ICTIndexCore

@Suite struct ExpressionTests {
    // MARK: - Helpers

    /// Parses and evaluates `text` with the variables given by name.
    private func evaluate(_ text: String, _ values: [String: Double] = [:]) throws -> ExpressionResult {
        try Expression.parse(text).evaluate { values[$0.rawValue] }
    }

    /// The error that parsing `text` throws, or `nil` when it parses.
    private func parseError(_ text: String) -> ExpressionError? {
        do {
            _ = try Expression.parse(text)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Numbers, precedence and associativity

    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var expected: Double
        var testDescription: String { "\(text) = \(expected)" }
        init(_ text: String, _ expected: Double) {
            self.text = text
            self.expected = expected
        }
    }

    @Test(
        "operators follow their precedence and group to the left",
        arguments: [
            Case("10 - 4 - 3", 3),
            Case("12 / 4 / 3", 1),
            Case("2 * 3 + 4", 10),
            Case("2 + 3 * 4", 14),
            Case("(2 + 3) * 4", 20),
            Case("-2 * 3", -6),
            Case("2 * -3", -6),
            Case("- -2", 2),
            Case("-(2 - 5)", 3),
            Case("8 - -2 * 3", 14),
            Case("1 + 2 < 4", 1),
            Case("2 * 3 >= 7", 0),
            Case("1 or 0 and 0", 1),
            Case("(1 or 0) and 0", 0),
            Case("not 1 == 2", 1),
            Case("not 0 or 1", 1),
            Case("not (0 or 1)", 0),
            Case("not not 3", 1),
            Case("-2 < 3 and not 0", 1),
            Case("(1 < 2) == 1", 1),
        ])
    func precedence(_ example: Case) throws {
        #expect(try evaluate(example.text) == .value(example.expected))
    }

    @Test(
        "numbers, literals and comparisons",
        arguments: [
            Case("12", 12),
            Case("0.5", 0.5),
            Case("1e3", 1000),
            Case("2.5e-1", 0.25),
            Case("1E+2", 100),
            Case("true + true", 2),
            Case("false", 0),
            Case("1 < 2", 1),
            Case("2 < 2", 0),
            Case("2 <= 2", 1),
            Case("3 > 4", 0),
            Case("3 >= 3", 1),
            Case("2 == 2", 1),
            Case("1 != 2", 1),
            Case("0.1 + 0.2 == 0.3", 0),
            Case("0.5 and 2", 1),
            Case("0 or 0", 0),
        ])
    func literals(_ example: Case) throws {
        #expect(try evaluate(example.text) == .value(example.expected))
    }

    @Test("not binds more loosely than a comparison")
    func notComparison() throws {
        // Given not a > 1, read as not (a > 1)
        let expression = try Expression.parse("not a > 1")
        // Then
        #expect(expression.evaluate { _ in 2 } == .value(0))
        #expect(expression.evaluate { _ in 0 } == .value(1))
    }

    // MARK: - Functions

    @Test(
        "every function",
        arguments: [
            Case("min(3, 1, 2)", 1),
            Case("min(-1, 4)", -1),
            Case("max(3, 1, 2)", 3),
            Case("max(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)", 10),
            Case("abs(-2.5)", 2.5),
            Case("abs(4)", 4),
            Case("round(2.5)", 3),
            Case("round(-2.5)", -3),
            Case("round(2.4)", 2),
            Case("round(0.125, 2)", 0.13),
            Case("round(1.005, 2)", 1.01),
            Case("round(-0.125, 2)", -0.13),
            Case("round(2.45, 1.9)", 2.5),
            Case("round(1250, -2)", 1300),
            Case("round(7, 400)", 7),
            Case("round(7, -400)", 0),
            Case("clamp(5, 0, 3)", 3),
            Case("clamp(-1, 0, 3)", 0),
            Case("clamp(2, 0, 3)", 2),
            Case("if(1, 2, 3)", 2),
            Case("if(0, 2, 3)", 3),
            Case("if(0.5, 2, 3)", 2),
            Case("if(1 > 2, 10, 20) + 1", 21),
            Case("max(min(1, 2), abs(-3)) * 2", 6),
            Case("not(0)", 1),
        ])
    func functions(_ example: Case) throws {
        #expect(try evaluate(example.text) == .value(example.expected))
    }

    @Test("the example of the documentation: 34 / 40 = 0.85")
    func share() throws {
        let share = try Expression.parse("if(staff > 0, computers / staff, 0)")
        let values: [VariableID: Double] = ["computers": 34, "staff": 40]
        #expect(share.evaluate { values[$0] } == .value(0.85))
        #expect(share.evaluate { values[$0] }.value == 0.85)
    }

    // MARK: - Missing values and division by zero

    @Test(
        "a missing variable makes the result missing",
        arguments: [
            "a + 1", "1 - a", "a * 0", "0 / a", "-a", "not a", "a < 1", "a and 0", "0 or a", "max(a, 1)",
            "min(1, a)", "abs(a)", "round(a)", "round(1, a)", "clamp(a, 0, 1)", "clamp(1, a, 2)",
            "if(a, 1, 2)", "if(1, a, 2)", "if(0, 1, a)",
        ])
    func missingPropagates(_ text: String) throws {
        #expect(try evaluate(text) == .missing)
        #expect(try evaluate(text).value == nil)
    }

    @Test("a missing variable in the branch not chosen does not matter")
    func missingUnchosenBranch() throws {
        #expect(try evaluate("if(0, a, 2)") == .value(2))
        #expect(try evaluate("if(1, 2, a)") == .value(2))
    }

    @Test(
        "a division by zero decides the result",
        arguments: [
            "1 / 0", "0 / 0", "1 / (a - a)", "(1 / 0) + 1", "-(1 / 0)", "not (1 / 0)", "max(1 / 0, 2)",
            "if(1 / 0, 1, 2)", "if(1, 1 / 0, 2)", "round(1 / 0)", "1 / 0 and 0", "clamp(1, 0, 1 / 0)",
        ])
    func divisionByZero(_ text: String) throws {
        #expect(try evaluate(text, ["a": 3]) == .divisionByZero)
        #expect(try evaluate(text, ["a": 3]).value == nil)
    }

    @Test("missing wins over a division by zero in one operation")
    func missingOverDivision() throws {
        #expect(try evaluate("(1 / 0) + a") == .missing)
        #expect(try evaluate("a + 1 / 0") == .missing)
        #expect(try evaluate("max(1 / 0, a)") == .missing)
        #expect(try evaluate("a / 0") == .missing)
    }

    @Test("if gives the chosen branch: a division by zero in the other does not count")
    func ifDivisionByZeroInUnchosenBranch() throws {
        // Given a guarded share
        let guarded = try Expression.parse("if(n > 0, x / n, 0)")
        let reversed = try Expression.parse("if(n == 0, 0, x / n)")
        // When n = 0, Then the guard wins
        #expect(guarded.evaluate { ["x": 2, "n": 0][$0] } == .value(0))
        #expect(reversed.evaluate { ["x": 2, "n": 0][$0] } == .value(0))
        // When n = 4, Then the share is computed
        #expect(guarded.evaluate { ["x": 2, "n": 4][$0] } == .value(0.5))
        #expect(reversed.evaluate { ["x": 2, "n": 4][$0] } == .value(0.5))
        // And a division by zero in the chosen branch is reported
        #expect(try evaluate("if(n == 0, x / n, 0)", ["x": 2, "n": 0]) == .divisionByZero)
    }

    @Test("an overflow or a non-finite input is missing, never infinite")
    func overflow() throws {
        #expect(try evaluate("1e308 * 10") == .missing)
        #expect(try evaluate("1e308 + 1e308") == .missing)
        #expect(try evaluate("-1e308 - 1e308") == .missing)
        #expect(try evaluate("1e308 / 1e-10") == .missing)
        #expect(try evaluate("a + 1", ["a": .infinity]) == .missing)
        #expect(try evaluate("a", ["a": .nan]) == .missing)
    }

    @Test("lookup is called once for each variable, in order of first appearance")
    func lookupOnce() throws {
        let expression = try Expression.parse("b + a * b - if(0, c, a)")
        var asked: [VariableID] = []
        let result = expression.evaluate { id in
            asked.append(id)
            return 2
        }
        #expect(result == .value(4))
        #expect(asked == ["b", "a", "c"])
    }

    // MARK: - Variables

    @Test("variables are unique in order of first appearance; references keep every occurrence")
    func variablesOrder() throws {
        let expression = try Expression.parse("b + a * b - c1 + a_x + a")
        #expect(expression.variables == ["b", "a", "c1", "a_x"])
        #expect(
            expression.variableReferences == [
                VariableReference(id: "b", column: 1), VariableReference(id: "a", column: 5),
                VariableReference(id: "b", column: 9), VariableReference(id: "c1", column: 13),
                VariableReference(id: "a_x", column: 18), VariableReference(id: "a", column: 24),
            ])
    }

    @Test("numbers and function names are not variables")
    func noVariables() throws {
        let expression = try Expression.parse("max(1, 2) + round(3.5) + true")
        #expect(expression.variables.isEmpty)
        #expect(expression.variableReferences.isEmpty)
        #expect(expression.isSingleVariable == nil)
    }

    @Test(
        "isSingleVariable names the variable of a bare reference",
        arguments: [
            ("staff", "staff"), (" ( staff ) ", "staff"), ("((x))", "x"), ("staff + 0", nil), ("-staff", nil),
            ("12", nil), ("staff * staff", nil), ("abs(staff)", nil),
        ] as [(String, VariableID?)])
    func singleVariable(_ text: String, _ expected: VariableID?) throws {
        #expect(try Expression.parse(text).isSingleVariable == expected)
    }

    @Test("Expression.variable refers to one variable, with the id as source")
    func variableShorthand() {
        let expression = Expression.variable("infra.computers")
        #expect(expression.source == "infra.computers")
        #expect(expression.description == "infra.computers")
        #expect(expression.isSingleVariable == "infra.computers")
        #expect(expression.variables == ["infra.computers"])
        #expect(expression.variableReferences == [VariableReference(id: "infra.computers", column: 1)])
        #expect(expression.evaluate { $0 == "infra.computers" ? 7 : nil } == .value(7))
        #expect(expression.evaluate { _ in nil } == .missing)
    }

    @Test("expressions are equal when their source texts are")
    func equality() throws {
        #expect(try Expression.parse("a") == Expression.variable("a"))
        #expect(try Expression.parse("a+b") != Expression.parse("a + b"))
        #expect(try Set([Expression.parse("a + b"), Expression.parse("a + b")]).count == 1)
        #expect(try Expression.parse("a + b").description == "a + b")
    }

    // MARK: - Long and deep input (no recursion)

    @Test("a sum of 200,000 terms parses and evaluates")
    func longSum() throws {
        let text = Array(repeating: "a", count: 200_000).joined(separator: " + ")
        let expression = try Expression.parse(text)
        #expect(expression.variables == ["a"])
        #expect(expression.variableReferences.count == 200_000)
        #expect(expression.evaluate { _ in 1 } == .value(200_000))
    }

    @Test("20,000 nested parentheses parse and evaluate")
    func deepParentheses() throws {
        let depth = 20_000
        let text = String(repeating: "(", count: depth) + "1 + a" + String(repeating: ")", count: depth)
        let expression = try Expression.parse(text)
        #expect(expression.evaluate { _ in 2 } == .value(3))
    }

    @Test("20,000 nested right operands keep the evaluation stack deep")
    func deepRightNesting() throws {
        // 1 - (1 - (1 - … (1 - 1)…)): each level flips the value, so it is 0 for an odd count of "1 -".
        let depth = 20_000
        let text = String(repeating: "1 - (", count: depth) + "1" + String(repeating: ")", count: depth)
        var expected = 1.0
        for _ in 0..<depth { expected = 1 - expected }
        #expect(try evaluate(text) == .value(expected))
    }

    @Test("10,000 nested calls and 20,000 prefix operators parse and evaluate")
    func deepCallsAndPrefixes() throws {
        let calls = String(repeating: "max(abs(", count: 10_000) + "-1" + String(repeating: "), -3)", count: 10_000)
        #expect(try evaluate(calls) == .value(1))
        #expect(try evaluate(String(repeating: "-", count: 20_000) + "4") == .value(4))
        #expect(try evaluate(String(repeating: "not ", count: 20_001) + "4") == .value(0))
    }

    @Test("an unclosed parenthesis at depth 20,000 is reported at the end")
    func deepUnclosed() {
        let text = String(repeating: "(", count: 20_000) + "a"
        #expect(
            parseError(text)
                == ExpressionError(
                    column: 20_002,
                    message: Words(
                        vi: "cần ')' để đóng dấu '(' ở cột 20000", en: "expected ')' to close '(' at column 20000"),
                    hint: Words(vi: "hãy thêm 20000 dấu ')' vào cuối", en: "add 20000 ')' at the end")))
    }

    // MARK: - Errors

    /// An expression that does not parse, with the column, message and hint expected in English and in
    /// Vietnamese.
    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var text: String
        var column: Int
        var message: Words
        var hint: Words?
        var testDescription: String { "\(text.debugDescription): \(message.en)" }
        init(_ text: String, _ column: Int, _ message: String, _ hint: String?, vi: String, _ viHint: String?) {
            self.text = text
            self.column = column
            self.message = Words(vi: vi, en: message)
            self.hint = hint.map { Words(vi: viHint ?? "", en: $0) }
        }
    }

    static let functionList = "the functions are if, min, max, abs, round, clamp"
    static let functionListVI = "các hàm có thể dùng là if, min, max, abs, round, clamp"
    static let idHint = "variable ids are lower-case: [a-z][a-z0-9_]*"
    static let idHintVI = "mã biến viết bằng chữ thường không dấu: [a-z][a-z0-9_]*"
    static let operatorHint = "put an operator such as + - * / between two values"
    static let operatorHintVI = "hãy đặt một phép toán như + - * / giữa hai giá trị"
    static let characters =
        "an expression has numbers, variable ids, + - * /, comparisons, and, or, not, "
        + "parentheses and the functions if, min, max, abs, round, clamp"
    static let charactersVI =
        "công thức gồm các số, mã biến, + - * /, phép so sánh, and, or, not, dấu ngoặc và "
        + "các hàm if, min, max, abs, round, clamp"
    static let numberHint = "write numbers like 12, 0.5 or 1e3"
    static let numberHintVI = "hãy viết số như 12, 0.5 hoặc 1e3"
    static let chained = "join two comparisons with 'and', as in a < b and b < c"
    static let chainedVI = "hãy nối hai phép so sánh bằng 'and', như a < b and b < c"
    static let unmatched = "remove it, or add the '(' it closes"
    static let unmatchedVI = "hãy xoá nó, hoặc thêm dấu '(' mà nó đóng"
    static let empty = "write a number, a variable id or a formula such as a / b"
    static let emptyVI = "hãy viết một số, một mã biến hoặc một công thức như a / b"

    @Test(
        "every error says where, what and what to do, in English and in Vietnamese",
        arguments: [
            // Unknown functions
            ErrorCase(
                "sqrt(a)", 1, "unknown function 'sqrt'", functionList, vi: "không có hàm 'sqrt'", functionListVI),
            ErrorCase("x (1)", 1, "unknown function 'x'", functionList, vi: "không có hàm 'x'", functionListVI),
            ErrorCase(
                "mx(a, b)", 1, "unknown function 'mx'", "did you mean 'max'?", vi: "không có hàm 'mx'",
                "có phải ý bạn là 'max'?"),
            ErrorCase(
                "2 * maxx(a, b)", 5, "unknown function 'maxx'", "did you mean 'max'?", vi: "không có hàm 'maxx'",
                "có phải ý bạn là 'max'?"),
            ErrorCase(
                "ab(x)", 1, "unknown function 'ab'", "did you mean 'abs'?", vi: "không có hàm 'ab'",
                "có phải ý bạn là 'abs'?"),
            ErrorCase(
                "rnd(x)", 1, "unknown function 'rnd'", "did you mean 'round'?", vi: "không có hàm 'rnd'",
                "có phải ý bạn là 'round'?"),
            ErrorCase(
                "iff(a, 1, 2)", 1, "unknown function 'iff'", "did you mean 'if'?", vi: "không có hàm 'iff'",
                "có phải ý bạn là 'if'?"),
            ErrorCase(
                "mean(a, b)", 1, "unknown function 'mean'", "there is no 'mean'; write (a + b) / 2",
                vi: "không có hàm 'mean'", "không có hàm 'mean'; hãy viết (a + b) / 2"),
            ErrorCase(
                "avg(a, b)", 1, "unknown function 'avg'", "there is no 'avg'; write (a + b) / 2",
                vi: "không có hàm 'avg'", "không có hàm 'avg'; hãy viết (a + b) / 2"),
            ErrorCase(
                "sum(a, b)", 1, "unknown function 'sum'", "there is no 'sum'; write a + b + …",
                vi: "không có hàm 'sum'", "không có hàm 'sum'; hãy viết a + b + …"),
            ErrorCase(
                "pow(a, 2)", 1, "unknown function 'pow'", "there is no power function; multiply instead, as in a * a",
                vi: "không có hàm 'pow'", "không có hàm lũy thừa; hãy nhân, như a * a"),
            ErrorCase(
                "min + 1", 1, "expected '(' after 'min'", "'min' is a function: write min(a, b, …)",
                vi: "cần '(' sau 'min'", "'min' là một hàm: hãy viết min(a, b, …)"),
            ErrorCase(
                "if > 1", 1, "expected '(' after 'if'", "'if' is a function: write if(condition, then, else)",
                vi: "cần '(' sau 'if'", "'if' là một hàm: hãy viết if(điều kiện, khi đúng, khi sai)"),
            // Arguments
            ErrorCase(
                "max(a)", 1, "'max' needs at least 2 arguments", "write max(a, b, …)",
                vi: "'max' cần ít nhất 2 đối số", "hãy viết max(a, b, …)"),
            ErrorCase(
                "1 + min()", 5, "'min' needs at least 2 arguments", "write min(a, b, …)",
                vi: "'min' cần ít nhất 2 đối số", "hãy viết min(a, b, …)"),
            ErrorCase(
                "clamp(x, 0)", 1, "'clamp' takes 3 arguments, not 2", "write clamp(x, lo, hi)",
                vi: "'clamp' nhận 3 đối số, không phải 2", "hãy viết clamp(x, cận dưới, cận trên)"),
            ErrorCase(
                "abs()", 1, "'abs' takes 1 argument, not 0", "write abs(x)",
                vi: "'abs' nhận 1 đối số, không phải 0", "hãy viết abs(x)"),
            ErrorCase(
                "abs(a, b)", 1, "'abs' takes 1 argument, not 2", "write abs(x)",
                vi: "'abs' nhận 1 đối số, không phải 2", "hãy viết abs(x)"),
            ErrorCase(
                "round(x, 1, 2)", 1, "'round' takes 1 or 2 arguments, not 3", "write round(x) or round(x, digits)",
                vi: "'round' nhận 1 hoặc 2 đối số, không phải 3", "hãy viết round(x) hoặc round(x, số chữ số)"),
            ErrorCase(
                "if(a, b)", 1, "'if' takes 3 arguments, not 2", "write if(condition, then, else)",
                vi: "'if' nhận 3 đối số, không phải 2", "hãy viết if(điều kiện, khi đúng, khi sai)"),
            ErrorCase(
                "max(a, )", 8, "expected a value but found ')'", "an argument is missing after ','",
                vi: "cần một giá trị nhưng gặp ')'", "hãy viết đối số còn thiếu sau ','"),
            ErrorCase(
                "max(a,, b)", 7, "expected a value but found ','", "an argument is missing before ','",
                vi: "cần một giá trị nhưng gặp ','", "hãy viết đối số còn thiếu trước ','"),
            ErrorCase(
                "max(a b)", 7, "expected an operator but found 'b'", "separate the arguments of 'max' with ','",
                vi: "cần một phép toán nhưng gặp 'b'", "hãy ngăn cách các đối số của 'max' bằng ','"),
            // Parentheses and commas
            ErrorCase(
                "(a + b", 7, "expected ')' to close '(' at column 1", "add ')' at the end",
                vi: "cần ')' để đóng dấu '(' ở cột 1", "hãy thêm ')' vào cuối"),
            ErrorCase(
                "max(a, (b", 10, "expected ')' to close '(' at column 8", "add 2 ')' at the end",
                vi: "cần ')' để đóng dấu '(' ở cột 8", "hãy thêm 2 dấu ')' vào cuối"),
            ErrorCase("a)", 2, "unmatched ')'", unmatched, vi: "dấu ')' không có dấu '(' tương ứng", unmatchedVI),
            ErrorCase(
                "(a + b))", 8, "unmatched ')'", unmatched, vi: "dấu ')' không có dấu '(' tương ứng", unmatchedVI),
            ErrorCase(
                ")", 1, "expected a value but found ')'", unmatched, vi: "cần một giá trị nhưng gặp ')'", unmatchedVI),
            ErrorCase(
                "()", 2, "empty parentheses", "put a value between '(' and ')'",
                vi: "cặp ngoặc trống", "hãy viết một giá trị giữa '(' và ')'"),
            ErrorCase(
                "(a +)", 5, "expected a value but found ')'", "'+' needs a value after it",
                vi: "cần một giá trị nhưng gặp ')'", "hãy viết một giá trị sau '+'"),
            ErrorCase(
                "0,5", 2, "unexpected ','", "write decimals with '.', as in 0.5",
                vi: "dấu ',' không đúng chỗ", "hãy viết số thập phân với dấu '.', như 0.5"),
            ErrorCase(
                "(a, b)", 3, "unexpected ','", "',' separates the arguments of a function, as in max(a, b)",
                vi: "dấu ',' không đúng chỗ", "hãy chỉ dùng ',' để ngăn cách các đối số của một hàm, như max(a, b)"),
            // Missing values and operators
            ErrorCase("", 1, "empty expression", empty, vi: "công thức trống", emptyVI),
            ErrorCase("   ", 1, "empty expression", empty, vi: "công thức trống", emptyVI),
            ErrorCase(
                "a +", 4, "unexpected end of expression", "add a value after '+'",
                vi: "công thức chưa viết xong", "hãy thêm một giá trị sau '+'"),
            ErrorCase(
                "a and ", 7, "unexpected end of expression", "add a value after 'and'",
                vi: "công thức chưa viết xong", "hãy thêm một giá trị sau 'and'"),
            ErrorCase(
                "a + * b", 5, "expected a value but found '*'", "'*' needs a value on each side",
                vi: "cần một giá trị nhưng gặp '*'", "hãy viết một giá trị ở mỗi bên của '*'"),
            ErrorCase(
                "and a", 1, "expected a value but found 'and'", "'and' needs a value on each side",
                vi: "cần một giá trị nhưng gặp 'and'", "hãy viết một giá trị ở mỗi bên của 'and'"),
            ErrorCase(
                "a b", 3, "expected an operator but found 'b'", operatorHint,
                vi: "cần một phép toán nhưng gặp 'b'", operatorHintVI),
            ErrorCase(
                "2 3", 3, "expected an operator but found '3'", operatorHint,
                vi: "cần một phép toán nhưng gặp '3'", operatorHintVI),
            ErrorCase(
                "2(a)", 2, "expected an operator but found '('", "write '*' to multiply",
                vi: "cần một phép toán nhưng gặp '('", "hãy viết '*' để nhân"),
            ErrorCase(
                "a < b < c", 7, "comparisons cannot be chained", chained,
                vi: "không được nối liền hai phép so sánh", chainedVI),
            ErrorCase(
                "a == b + 1 != c", 12, "comparisons cannot be chained", chained,
                vi: "không được nối liền hai phép so sánh", chainedVI),
            ErrorCase(
                "a == not b", 6, "'not' cannot follow '=='", "put it in parentheses: (not …)",
                vi: "'not' không được đứng sau '=='", "hãy đặt nó trong ngoặc: (not …)"),
            ErrorCase(
                "-not a", 2, "'not' cannot follow '-'", "put it in parentheses: (not …)",
                vi: "'not' không được đứng sau '-'", "hãy đặt nó trong ngoặc: (not …)"),
            // Characters and numbers
            ErrorCase(
                "a $ b", 3, "unexpected character '$'", characters, vi: "ký tự '$' không hợp lệ", charactersVI),
            ErrorCase("Staff", 1, "unexpected character 'S'", idHint, vi: "ký tự 'S' không hợp lệ", idHintVI),
            ErrorCase("staffA + 1", 6, "unexpected character 'A'", idHint, vi: "ký tự 'A' không hợp lệ", idHintVI),
            ErrorCase("_x", 1, "unexpected character '_'", idHint, vi: "ký tự '_' không hợp lệ", idHintVI),
            ErrorCase("số + 1", 2, "unexpected character 'ố'", idHint, vi: "ký tự 'ố' không hợp lệ", idHintVI),
            ErrorCase(
                "1 + MAX(a, b)", 5, "unexpected character 'M'", "names are lower-case: write 'max'",
                vi: "ký tự 'M' không hợp lệ", "tên viết bằng chữ thường: hãy viết 'max'"),
            ErrorCase(
                "a = b", 3, "unexpected character '='", "use '==' to compare",
                vi: "ký tự '=' không hợp lệ", "hãy dùng '==' để so sánh"),
            ErrorCase(
                "a ! b", 3, "unexpected character '!'", "use 'not' to negate a condition, or '!=' for 'not equal'",
                vi: "ký tự '!' không hợp lệ", "hãy dùng 'not' để phủ định một điều kiện, hoặc '!=' cho 'khác'"),
            ErrorCase(
                "a && b", 3, "unexpected character '&'", "use 'and'", vi: "ký tự '&' không hợp lệ", "hãy dùng 'and'"),
            ErrorCase(
                "a || b", 3, "unexpected character '|'", "use 'or'", vi: "ký tự '|' không hợp lệ", "hãy dùng 'or'"),
            ErrorCase(
                "a ^ 2", 3, "unexpected character '^'", "there is no power operator; multiply instead, as in a * a",
                vi: "ký tự '^' không hợp lệ", "không có phép lũy thừa; hãy nhân, như a * a"),
            ErrorCase(
                "50%", 3, "unexpected character '%'", "write a percentage as a number, as in 50 or 0.5",
                vi: "ký tự '%' không hợp lệ", "hãy viết tỷ lệ phần trăm bằng một con số, như 50 hoặc 0.5"),
            ErrorCase(
                "infra.computers", 6, "unexpected character '.'", "variable ids have no '.': [a-z][a-z0-9_]*",
                vi: "ký tự '.' không hợp lệ", "mã biến không có dấu '.': [a-z][a-z0-9_]*"),
            ErrorCase(
                ".5", 1, "unexpected character '.'", "write a digit before the decimal point, as in 0.5",
                vi: "ký tự '.' không hợp lệ", "hãy viết một chữ số trước dấu thập phân, như 0.5"),
            ErrorCase("+ .", 3, "unexpected character '.'", numberHint, vi: "ký tự '.' không hợp lệ", numberHintVI),
            ErrorCase("1.", 1, "malformed number '1.'", numberHint, vi: "số '1.' viết sai", numberHintVI),
            ErrorCase("2 * 1.e3", 5, "malformed number '1.'", numberHint, vi: "số '1.' viết sai", numberHintVI),
            ErrorCase(
                "1e400", 1, "number '1e400' is too large", "numbers must be below 1.8e308",
                vi: "số '1e400' quá lớn", "hãy viết số nhỏ hơn 1.8e308"),
            ErrorCase(
                "2e", 2, "expected an operator but found 'e'", operatorHint,
                vi: "cần một phép toán nhưng gặp 'e'", operatorHintVI),
        ])
    func errors(_ example: ErrorCase) {
        let error = parseError(example.text)
        #expect(error?.column == example.column)
        #expect(error?.message.en == example.message.en)
        #expect(error?.hint?.en == example.hint?.en)
        #expect(error?.message.vi == example.message.vi)
        #expect(error?.hint?.vi == example.hint?.vi)
    }

    @Test("the description gives the column, the message and the hint in English; text(.vi) in Vietnamese")
    func errorDescription() {
        #expect(
            parseError("1 + sqrt(a)")?.description
                == "column 5: unknown function 'sqrt'\n  hint: the functions are if, min, max, abs, round, clamp")
        #expect(
            parseError("1 + sqrt(a)")?.text(.vi)
                == "cột 5: không có hàm 'sqrt'\n  gợi ý: các hàm có thể dùng là if, min, max, abs, round, clamp")
        #expect(parseError("1 + sqrt(a)")?.text(.en) == parseError("1 + sqrt(a)")?.description)
        let unmatched = ExpressionError(column: 2, message: Words(vi: "dấu ')' thừa", en: "unmatched ')'"))
        #expect(unmatched.description == "column 2: unmatched ')'")
        #expect(unmatched.text(.vi) == "cột 2: dấu ')' thừa")
    }

    @Test("function names are suggested within 2 edits, never for names that short")
    func functionSuggestions() {
        #expect(Expression.Parser.suggestion(for: "ln") == nil)
        #expect(Expression.Parser.suggestion(for: "clmp") == "clamp")
    }
}
