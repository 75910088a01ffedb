import OrderedCollections
import Testing

@testable import ICTIndexCore

@Suite struct CellParsingTests {
    private let point = CellParser(decimalStyle: .point)
    private let comma = CellParser(decimalStyle: .comma)

    /// The problem of a cell, in English (most tests assert the English text; `vietnamese` tests the other).
    private func problem(_ parser: CellParser, _ cell: String, _ id: VariableID) throws -> Problem? {
        try problem(parser, cell, id, in: .en)
    }

    private func problem(_ parser: CellParser, _ cell: String, _ id: VariableID, in language: Language) throws
        -> Problem?
    {
        let variable = try ImportFixtures.variable(id)
        do {
            _ = try parser.value(of: cell, for: variable)
            return nil
        } catch {
            return Problem(error.code, error.message.text(language), hint: error.hint?.text(language))
        }
    }

    /// A ``CellProblem`` in one language.
    struct Problem: Equatable {
        var code: DiagnosticCode
        var message: String
        var hint: String?

        init(_ code: DiagnosticCode, _ message: String, hint: String? = nil) {
            self.code = code
            self.message = message
            self.hint = hint
        }
    }

    @Test("every problem is written in Vietnamese too, with the same values quoted")
    func vietnamese() throws {
        #expect(
            try problem(point, "12,5", "staff", in: .vi)
                == Problem(
                    .ambiguousNumber, "'12,5' không phải số viết theo kiểu của tệp này",
                    hint: "số này có vẻ dùng dấu phẩy thập phân; hãy dùng --decimal-comma nếu tệp viết số kiểu Việt "
                        + "Nam, hoặc viết 12.5"))
        #expect(
            try problem(point, "abc", "staff", in: .vi)
                == Problem(
                    .invalidNumber, "'abc' không phải là số",
                    hint: "hãy viết một con số, như 1234.5, không kèm đơn vị hay chữ"))
        #expect(
            try problem(point, "35,466", "staff", in: .vi)
                == Problem(
                    .ambiguousNumber,
                    "'35,466' đọc được hai cách: 35466 nếu ',' ngăn cách hàng nghìn, hoặc 35.466 nếu ',' là dấu thập "
                        + "phân",
                    hint: "hãy viết 35466 (không có dấu ngăn cách) hoặc 35.466; dùng --decimal-comma nếu tệp viết số "
                        + "kiểu Việt Nam"))
        #expect(try problem(point, "-3", "staff", in: .vi)?.message == "giá trị -3 nhỏ hơn mức tối thiểu 0")
        #expect(
            try problem(point, "maybe", "has_portal", in: .vi)
                == Problem(
                    .invalidBoolean, "'maybe' không phải giá trị có/không",
                    hint: "hãy viết 1 hoặc 0, có hoặc không, yes hoặc no, true hoặc false, hoặc x cho có"))
        #expect(
            try problem(point, "31/02/2025", "decided_on", in: .vi)
                == Problem(
                    .invalidDate, "'31/02/2025' không phải ngày tháng",
                    hint: "hãy viết ngày theo dạng YYYY-MM-DD (2025-03-31) hoặc DD/MM/YYYY (31/03/2025)"))
    }

    // MARK: - Numbers

    @Test(
        "reads numbers written with a decimal point",
        arguments: [
            ("12.5", 12.5), ("40", 40), ("-3", -3), ("+7", 7), ("0.25", 0.25), (".5", 0.5),
            ("1,234.5", 1234.5), ("1,234,567.5", 1_234_567.5), ("1,234,567", 1_234_567),
            ("35.466", 35.466),
            ("  8  ", 8), ("2e-06", 0.000002), ("3.6E-05", 0.000036), ("3e+05", 300_000),
            ("1.5E+03", 1500),
            ("\u{2212}4", -4),
        ])
    func pointNumbers(cell: String, expected: Double) throws {
        #expect(try point.number(cell) == expected)
    }

    @Test(
        "reads numbers written in Vietnamese style",
        arguments: [
            ("12,5", 12.5), ("35.466", 35466), ("1.234.567,5", 1_234_567.5), ("40", 40), ("0,25", 0.25),
            ("1 234,5", 1234.5), ("1\u{00A0}234", 1234), ("-2,5", -2.5), ("2,5E-06", 0.0000025),
            ("1,5e3", 1500),
        ])
    func commaNumbers(cell: String, expected: Double) throws {
        #expect(try comma.number(cell) == expected)
    }

    @Test("a decimal comma in a decimal-point file is ambiguous, with the rewrite in the hint")
    func ambiguousDecimalComma() throws {
        #expect(
            try problem(point, "12,5", "staff")
                == Problem(
                    .ambiguousNumber, "'12,5' is not a number in this file's style",
                    hint: "this looks like a decimal comma; pass --decimal-comma if the file uses Vietnamese "
                        + "number style, or write 12.5"))
        #expect(try problem(point, "1.234,5", "staff")?.hint?.hasSuffix("or write 1234.5") == true)
        #expect(try problem(point, "1,2345", "staff")?.code == .ambiguousNumber)
    }

    @Test("'.' thousands separators in a decimal-point file are ambiguous")
    func ambiguousDotGroups() throws {
        #expect(
            try problem(point, "1.234.567", "staff")?.hint
                == "this looks like '.' or a space separating thousands; pass --decimal-comma if the file uses "
                + "Vietnamese number style, or write 1234567")
    }

    @Test("a decimal point in a decimal-comma file is ambiguous, with the mirror hint")
    func ambiguousDecimalPoint() throws {
        #expect(
            try problem(comma, "12.5", "staff")
                == Problem(
                    .ambiguousNumber, "'12.5' is not a number in this file's style",
                    hint:
                        "this looks like a decimal point; leave out --decimal-comma if the file uses '.' as the "
                        + "decimal mark, or write 12,5"))
        #expect(
            try problem(comma, "1,234.5", "staff")?.hint
                == "this looks like a decimal point; leave out --decimal-comma if the file uses '.' as the "
                + "decimal mark, or write 1234,5")
    }

    @Test(
        "text that is no number in either style is not a number",
        arguments: ["abc", "12a", "1..2", "-", "5.", "1e", "0x10"])
    func notANumber(cell: String) throws {
        #expect(
            try problem(point, cell, "staff")
                == Problem(
                    .invalidNumber, "'\(cell)' is not a number",
                    hint: "write a number such as 1234.5, without units or other text"))
    }

    @Test("a ',' group that also reads as a decimal comma reads two ways, in the default style only")
    func twoReadings() throws {
        #expect(
            try problem(point, "35,466", "staff")
                == Problem(
                    .ambiguousNumber,
                    "'35,466' reads two ways: 35466 with ',' separating thousands, or 35.466 with "
                        + "a decimal comma",
                    hint:
                        "write 35466 (without the separator) or 35.466; pass --decimal-comma if the file uses "
                        + "Vietnamese number style"))
        // Under --decimal-comma the style is declared: 35.466 is thirty-five thousand four hundred sixty-six.
        #expect(try comma.number("35.466") == 35466)
        #expect(try comma.number("35,466") == 35.466)
    }

    @Test("spaces separate thousands only under --decimal-comma")
    func spaceGroups() throws {
        #expect(
            try problem(point, "1 234", "staff")
                == Problem(
                    .ambiguousNumber, "'1 234' is not a number in this file's style",
                    hint:
                        "this looks like '.' or a space separating thousands; pass --decimal-comma if the file "
                        + "uses Vietnamese number style, or write 1234"))
        #expect(try comma.number("1 234") == 1234)
    }

    @Test(
        "infinities, NaN and numbers beyond the range of a double are refused",
        arguments: ["inf", "-Infinity", "NaN", "∞"])
    func infinities(cell: String) throws {
        #expect(
            try problem(point, cell, "staff")
                == Problem(
                    .invalidNumber, "'\(cell)' is not a number",
                    hint: "infinities and NaN are not values; leave the cell empty for a missing value"))
    }

    @Test("a number too large for a double is refused with D003")
    func tooLarge() throws {
        let digits = String(repeating: "9", count: 400)
        let expected = Problem(
            .invalidNumber, "'\(digits)' is beyond the largest number a value can hold (about 1.8e308)",
            hint:
                "check the cell: such a value is a typing or export error; write the number in a unit that keeps "
                + "it finite")
        #expect(try problem(point, digits, "staff") == expected)
        #expect(
            try problem(point, "1e400", "staff")?.message
                == "'1e400' is beyond the largest number a value can hold (about 1.8e308)")
        #expect(try point.number("1e308") == 1e308)
    }

    @Test("NA, as R writes a missing value, is missing in a numeric cell")
    func notAvailable() throws {
        #expect(try point.value(of: "NA", for: ImportFixtures.variable("staff")) == nil)
        #expect(try problem(point, "na", "staff")?.code == .invalidNumber)
    }

    @Test("an integer must be whole")
    func integerMustBeWhole() throws {
        #expect(
            try point.value(of: "1,200,000", for: ImportFixtures.variable("computers"))
                == .number(1_200_000))
        #expect(
            try problem(comma, "2,5", "computers")
                == Problem(
                    .invalidNumber, "'2,5' is not a whole number", hint: "write a whole number such as 2"))
    }

    // MARK: - Percent and bounds

    @Test(
        "a percent may end with '%'",
        arguments: [("85%", 85.0), ("85 %", 85), ("85", 85), ("0", 0), ("100%", 100)])
    func percent(cell: String, expected: Double) throws {
        #expect(
            try point.value(of: cell, for: ImportFixtures.variable("coverage")) == .number(expected))
    }

    @Test("'%' is refused outside percent variables")
    func percentSignOnNumber() throws {
        #expect(
            try problem(point, "85%", "staff")
                == Problem(
                    .invalidNumber, "'85%' is not a number",
                    hint: "only percent variables take '%'; write the number alone"))
    }

    @Test("a percent above 100 is out of range, with the bounds in the message")
    func percentOutOfRange() throws {
        #expect(
            try problem(point, "134%", "coverage")
                == Problem(
                    .outOfRange, "value '134%' (134) is outside 0…100",
                    hint: "check the value; the framework declares the bounds of 'coverage'"))
        #expect(
            try problem(comma, "100,5", "coverage")?.message == "value '100,5' (100.5) is outside 0…100")
    }

    @Test("a number below the minimum is out of range")
    func belowMinimum() throws {
        #expect(try problem(point, "-3", "staff")?.message == "value -3 is below the minimum 0")
    }

    @Test("the variable's own bounds replace the percent default")
    func percentCustomBounds() throws {
        let variable = Variable(id: "growth", name: "Tăng trưởng", kind: .percent, min: -50, max: 200)
        #expect(try point.value(of: "150%", for: variable) == .number(150))
        #expect(throws: CellProblem.self) { try point.value(of: "250", for: variable) }
    }

    // MARK: - Booleans

    @Test(
        "reads every yes/no spelling",
        arguments: [
            ("1", 1.0), ("0", 0), ("true", 1), ("FALSE", 0), ("có", 1), ("Có", 1), ("CÓ", 1),
            ("không", 0),
            ("Không", 0), ("co", 1), ("khong", 0), ("yes", 1), ("No", 0), ("x", 1), ("X", 1),
            ("co\u{0301}", 1), ("kho\u{0302}ng", 0),
        ])
    func booleans(cell: String, expected: Double) throws {
        #expect(
            try point.value(of: cell, for: ImportFixtures.variable("has_portal")) == .number(expected))
    }

    @Test("anything else is not a yes/no value")
    func invalidBoolean() throws {
        #expect(
            try problem(point, "maybe", "has_portal")
                == Problem(
                    .invalidBoolean, "'maybe' is not a yes/no value",
                    hint: "write 1 or 0, có or không, yes or no, true or false, or x for yes"))
    }

    @Test("an empty cell is a missing value for every kind", arguments: Variable.Kind.allCases)
    func emptyIsMissing(kind: Variable.Kind) throws {
        let variable = Variable(id: "v", name: "v", kind: kind, options: ["a": "A"])
        #expect(try point.value(of: "", for: variable) == nil)
        #expect(try point.value(of: "  ", for: variable) == nil)
    }

    // MARK: - Choices, dates, text

    @Test(
        "reads a choice by option id or by label, ignoring case",
        arguments: [
            ("deputy", "deputy"), ("Phó Chủ tịch", "deputy"), ("phó chủ tịch", "deputy"),
            ("CHAIR", "chair"),
            ("Deputy chair", "deputy"), ("Không", "none"),
        ])
    func choices(cell: String, expected: String) throws {
        #expect(try point.value(of: cell, for: ImportFixtures.variable("chair")) == .option(expected))
    }

    @Test("an unknown choice suggests the nearest option and lists them all")
    func invalidChoice() throws {
        #expect(
            try problem(point, "Pho Chu tich", "chair")
                == Problem(
                    .invalidChoice, "'Pho Chu tich' is not one of the options",
                    hint: "did you mean 'deputy' (Phó Chủ tịch)? Or write one of: chair (Chủ tịch), "
                        + "deputy (Phó Chủ tịch), none (Không)"))
        #expect(
            try problem(point, "giám đốc", "chair")?.hint
                == "write one of: chair (Chủ tịch), deputy (Phó Chủ tịch), none (Không)")
    }

    @Test(
        "reads ISO and Vietnamese dates as ISO text",
        arguments: [
            ("2025-03-31", "2025-03-31"), ("31/03/2025", "2025-03-31"), ("1/7/2025", "2025-07-01"),
            ("29/02/2024", "2024-02-29"),
        ])
    func dates(cell: String, expected: String) throws {
        #expect(
            try point.value(of: cell, for: ImportFixtures.variable("decided_on")) == .text(expected))
    }

    @Test(
        "invalid dates are refused",
        arguments: ["31/02/2025", "2025-13-01", "29/02/2025", "03-31-2025", "hôm qua"])
    func invalidDates(cell: String) throws {
        #expect(
            try problem(point, cell, "decided_on")
                == Problem(
                    .invalidDate, "'\(cell)' is not a date",
                    hint: "write the date as YYYY-MM-DD (2025-03-31) or DD/MM/YYYY (31/03/2025)"))
    }

    @Test("text is kept as written")
    func text() throws {
        #expect(
            try point.value(of: "Đã triển khai, 12,5%", for: ImportFixtures.variable("remark"))
                == .text("Đã triển khai, 12,5%"))
    }
}
