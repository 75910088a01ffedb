import OrderedCollections

/// How a data file writes decimal numbers.
///
/// An ambiguous number is an error, never a guess: with ``point``, `12,5` is refused (it looks like
/// a decimal comma), and with ``comma``, `12.5` is refused (it looks like a decimal point).
public enum DecimalStyle: String, Hashable, Sendable, CaseIterable {
    /// `.` is the decimal mark; `,` and spaces only separate thousands, in groups of exactly 3
    /// digits: `12.5`, `1,234,567.5`, `1 234.5`. The default.
    case point
    /// `,` is the decimal mark (Vietnamese style, `--decimal-comma`); `.` and spaces only separate
    /// thousands, in groups of exactly 3 digits: `12,5`, `35.466` (= 35466), `1.234.567,5`.
    case comma

    /// The decimal mark.
    var decimalMark: Unicode.Scalar { self == .point ? "." : "," }

    /// The other style.
    var other: DecimalStyle { self == .point ? .comma : .point }

    /// A number written in this style: `12.5` or `12,5`.
    func write(_ x: Double) -> String {
        let text = NumberFormatting.plain(x)
        return self == .point ? text : String(text.map { $0 == "." ? "," : $0 })
    }
}

/// Why a cell could not be read as a value of its variable.
///
/// The message names the cell text but not the unit or variable; a reader prefixes those
/// (`unit 'STTTT', variable 'staff': …`).
public struct CellProblem: Error, Hashable, Sendable {
    /// D003, D004, D005, D006, D007 or D014.
    public var code: DiagnosticCode
    /// What is wrong, such as `'12,5' is not a number in this file's style`.
    public var message: String
    /// What to do about it.
    public var hint: String?

    /// Creates a problem.
    ///
    /// - Parameters:
    ///   - code: the diagnostic code.
    ///   - message: what is wrong, naming the cell text.
    ///   - hint: what to do.
    public init(_ code: DiagnosticCode, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }
}

/// Reads the text of one cell as a ``Value`` of a variable, by the variable's kind.
///
/// | kind | accepted | value |
/// |---|---|---|
/// | number | a number in the file's ``DecimalStyle`` | `.number` |
/// | integer | a whole number | `.number` |
/// | percent | a number, optionally followed by `%` (`85%` → 85) | `.number` |
/// | boolean | `1/0`, `true/false`, `có/không` (`co/khong`), `yes/no`, `x` (case-insensitive) | `.number(1 or 0)` |
/// | choice | the option id or its Vietnamese or English label (case-insensitive) | `.option(id)` |
/// | date | `YYYY-MM-DD` or `DD/MM/YYYY` | `.text("YYYY-MM-DD")` |
/// | text | anything | `.text` |
///
/// An empty cell is a missing value (nil) for every kind. Numbers are checked against the
/// variable's ``Variable/effectiveBounds`` (percent: 0–100 unless the variable says otherwise).
///
/// For example:
/// ```swift
/// let parser = CellParser(decimalStyle: .comma)
/// try parser.value(of: "35.466", for: staff)     // .number(35466)
/// try parser.value(of: "85%", for: coverage)     // .number(85)
/// ```
public struct CellParser: Hashable, Sendable {
    /// How numbers are written.
    public var decimalStyle: DecimalStyle

    /// Creates a parser for a file's number style.
    ///
    /// - Parameter decimalStyle: how the file writes decimal numbers.
    public init(decimalStyle: DecimalStyle = .point) {
        self.decimalStyle = decimalStyle
    }

    /// The value of a cell, or nil when the cell is empty.
    ///
    /// - Parameters:
    ///   - cell: the cell text.
    ///   - variable: the variable the cell holds a value of.
    /// - Returns: the value, or nil for an empty (missing) cell.
    /// - Throws: ``CellProblem`` with D003 (not a number), D004 (ambiguous number), D005 (out of
    ///   bounds), D006 (not yes/no), D007 (not an option) or D014 (not a date).
    /// What reading a numeric cell needs to know of its variable: a plain value, cheap to copy for
    /// every cell of a large file (a ``Variable`` carries names, options and a formula).
    public struct NumericCell: Sendable {
        public let variable: VariableID
        public let kind: Variable.Kind
        public let bounds: (min: Double?, max: Double?)

        public init(_ variable: Variable) {
            self.variable = variable.id
            kind = variable.kind
            bounds = variable.effectiveBounds
        }
    }

    /// Reads a number, integer or percent cell (trimmed; empty is missing) and checks its bounds.
    ///
    /// - Throws: D003, D004 or D005, as ``value(of:for:)``.
    public func number(of cell: String, cell spec: NumericCell) throws(CellProblem) -> Double? {
        let text = cell.trimmingCellSpaces()
        if text.isEmpty { return nil }
        let x = try numericValue(text, kind: spec.kind)
        try checkBounds(x, text: text, variable: spec.variable, bounds: spec.bounds)
        return x
    }

    public func value(of cell: String, for variable: Variable) throws(CellProblem) -> Value? {
        let text = cell.trimmingCellSpaces()
        if text.isEmpty { return nil }
        switch variable.kind {
        case .number, .integer, .percent:
            return try number(of: text, cell: NumericCell(variable)).map(Value.number)
        case .boolean:
            return .number(try boolean(text))
        case .choice:
            return .option(try option(text, of: variable))
        case .date:
            return .text(try date(text))
        case .text:
            return .text(cell)
        }
    }

    /// Reads a number in the file's style, refusing one that only reads in the other style.
    ///
    /// - Throws: D003 if the text is not a number, D004 if it is one only in the other style.
    public func number(_ text: String) throws(CellProblem) -> Double {
        if let x = Self.plainNumber(text, style: decimalStyle) { return x }
        let text = text.trimmingCellSpaces()
        if let x = NumberSyntax.parse(text, style: decimalStyle) { return x }
        if let x = NumberSyntax.parse(text, style: decimalStyle.other) {
            let written = decimalStyle.write(x)
            let hint: String
            switch decimalStyle {
            case .point where text.contains(","):
                hint =
                    "this looks like a decimal comma; pass --decimal-comma if the file uses Vietnamese number "
                    + "style, or write \(written)"
            case .point:
                hint =
                    "this looks like '.' separating thousands; pass --decimal-comma if the file uses Vietnamese "
                    + "number style, or write \(written)"
            case .comma where text.contains("."):
                hint =
                    "this looks like a decimal point; leave out --decimal-comma if the file uses '.' as the "
                    + "decimal mark, or write \(written)"
            case .comma:
                hint =
                    "this looks like ',' separating thousands; leave out --decimal-comma if the file uses '.' as "
                    + "the decimal mark, or write \(written)"
            }
            throw CellProblem(.ambiguousNumber, "'\(text)' is not a number in this file's style", hint: hint)
        }
        throw CellProblem(
            .invalidNumber, "'\(text)' is not a number",
            hint: "write a number such as \(decimalStyle.write(1234.5)), without units or other text")
    }

    /// The fast path for the common cell: an optional sign, digits and at most one decimal mark that is
    /// the file's own ('.', or ',' with `--decimal-comma`), nothing else. Such a cell reads the same way
    /// under the full rules, so nothing is guessed; anything else goes through ``NumberSyntax``.
    static func plainNumber(_ text: String, style: DecimalStyle) -> Double? {
        let mark = style == .point ? UInt8(ascii: ".") : UInt8(ascii: ",")
        var digits = 0
        var marks = 0
        var offset = 0
        var previous: UInt8 = 0
        var markBetweenDigits = true
        for byte in text.utf8 {
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            switch byte {
            case _ where isDigit: digits += 1
            case UInt8(ascii: "-") where offset == 0, UInt8(ascii: "+") where offset == 0: break
            case mark:
                marks += 1
                // A mark needs digits on both sides ("5." and ".5" take the full rules).
                if !(previous >= UInt8(ascii: "0") && previous <= UInt8(ascii: "9")) { markBetweenDigits = false }
            default: return nil
            }
            if previous == mark && !isDigit { markBetweenDigits = false }
            previous = byte
            offset += 1
        }
        if previous == mark { markBetweenDigits = false }
        guard digits > 0, marks <= 1, markBetweenDigits else { return nil }
        if let exact = exactDecimal(text.utf8, mark: mark) { return exact }
        if marks == 0 || style == .point { return Double(text) }
        var swapped = Array(text.utf8)
        if let i = swapped.firstIndex(of: mark) { swapped[i] = UInt8(ascii: ".") }
        return Double(String(decoding: swapped, as: UTF8.self))
    }

    /// Powers of ten that a double holds exactly.
    private static let exactPowersOfTen: [Double] = (0...22).map { k in
        var x = 1.0
        for _ in 0..<k { x *= 10 }
        return x
    }

    /// A decimal of at most 15 significant digits and 22 decimals, read without `strtod`: the digits
    /// as an integer m < 2⁵³ and the count k of decimals, then m ÷ 10ᵏ. Both are exact doubles, so
    /// the one division is correctly rounded, giving the same double as `Double(text)` (Clinger's
    /// fast path). Nil for anything else, which then takes the general route.
    static func exactDecimal(_ bytes: String.UTF8View, mark: UInt8) -> Double? {
        var mantissa: UInt64 = 0
        var decimals = 0
        var seenMark = false
        var negative = false
        var first = true
        for byte in bytes {
            defer { first = false }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                mantissa = mantissa &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
                guard mantissa < (1 << 53) else { return nil }
                if seenMark { decimals += 1 }
            case mark where !seenMark:
                seenMark = true
            case UInt8(ascii: "-") where first:
                negative = true
            case UInt8(ascii: "+") where first:
                break
            default:
                return nil
            }
        }
        guard decimals <= 22 else { return nil }
        let x = Double(mantissa) / exactPowersOfTen[decimals]
        return negative ? -x : x
    }

    private func numericValue(_ text: String, kind: Variable.Kind) throws(CellProblem) -> Double {
        var digits = text
        if text.utf8.last == UInt8(ascii: "%") {
            guard kind == .percent else {
                throw CellProblem(
                    .invalidNumber, "'\(text)' is not a number",
                    hint: "only percent variables take '%'; write the number alone")
            }
            digits.removeLast()
        }
        let x = try number(digits)
        if kind == .integer, x != x.rounded() {
            throw CellProblem(
                .invalidNumber, "'\(text)' is not a whole number",
                hint: "write a whole number such as \(decimalStyle.write(x.rounded(.down)))")
        }
        return x
    }

    private func checkBounds(
        _ x: Double, text: String, variable: VariableID, bounds: (min: Double?, max: Double?)
    ) throws(CellProblem) {
        let (lower, upper) = bounds
        if lower.map({ x >= $0 }) ?? true, upper.map({ x <= $0 }) ?? true { return }
        let value =
            NumberFormatting.plain(x) == text ? "value \(text)" : "value '\(text)' (\(NumberFormatting.plain(x)))"
        let range: String
        switch (lower, upper) {
        case (let lo?, let hi?):
            guard x < lo || x > hi else { return }
            range = "outside \(NumberFormatting.plain(lo))…\(NumberFormatting.plain(hi))"
        case (let lo?, nil):
            guard x < lo else { return }
            range = "below the minimum \(NumberFormatting.plain(lo))"
        case (nil, let hi?):
            guard x > hi else { return }
            range = "above the maximum \(NumberFormatting.plain(hi))"
        case (nil, nil):
            return
        }
        throw CellProblem(
            .outOfRange, "\(value) is \(range)",
            hint: "check the value; the framework declares the bounds of '\(variable)'")
    }

    /// Yes/no spellings, lowercased; Swift compares Vietnamese text by canonical equivalence,
    /// so precomposed and decomposed `có` are the same key.
    private static let trueWords: Set<String> = ["1", "true", "yes", "có", "co", "x"]
    private static let falseWords: Set<String> = ["0", "false", "no", "không", "khong"]

    private func boolean(_ text: String) throws(CellProblem) -> Double {
        let word = text.lowercased()
        if Self.trueWords.contains(word) { return 1 }
        if Self.falseWords.contains(word) { return 0 }
        throw CellProblem(
            .invalidBoolean, "'\(text)' is not a yes/no value",
            hint: "write 1 or 0, có or không, yes or no, true or false, or x for yes")
    }

    private func option(_ text: String, of variable: Variable) throws(CellProblem) -> String {
        let word = text.lowercased()
        for (id, label) in variable.options {
            if id.lowercased() == word || label.vi.lowercased() == word || label.en?.lowercased() == word {
                return id
            }
        }
        var spellings: [(spelling: String, id: String)] = []
        for (id, label) in variable.options {
            spellings.append((id, id))
            spellings.append((label.vi, id))
            if let en = label.en { spellings.append((en, id)) }
        }
        let list = variable.options.map { "\($0.key) (\($0.value.vi))" }.joined(separator: ", ")
        var hint = "write one of: \(list)"
        if let near = Suggestion.closest(to: text, among: spellings.map(\.spelling)),
            let id = spellings.first(where: { $0.spelling == near })?.id
        {
            let label = variable.options[id].map { " (\($0.vi))" } ?? ""
            hint = "did you mean '\(id)'\(label)? Or " + hint
        }
        throw CellProblem(.invalidChoice, "'\(text)' is not one of the options", hint: hint)
    }

    private func date(_ text: String) throws(CellProblem) -> String {
        if let iso = DateSyntax.iso(text) { return iso }
        throw CellProblem(
            .invalidDate, "'\(text)' is not a date",
            hint: "write the date as YYYY-MM-DD (2025-03-31) or DD/MM/YYYY (31/03/2025)")
    }
}

/// Number syntax with a decimal mark and thousands separators in groups of exactly 3 digits.
enum NumberSyntax {
    /// The number, or nil when the text is not a number in the style.
    static func parse(_ text: String, style: DecimalStyle) -> Double? {
        var scalars = Array(text.unicodeScalars)
        var negative = false
        if let first = scalars.first, first == "-" || first == "+" || first == "\u{2212}" {
            negative = first != "+"
            scalars.removeFirst()
        }
        let mark = style.decimalMark
        let marks = scalars.indices.filter { scalars[$0] == mark }
        guard marks.count <= 1 else { return nil }
        let integerPart = marks.first.map { Array(scalars[..<$0]) } ?? scalars
        let fractionPart = marks.first.map { Array(scalars[($0 + 1)...]) }
        if let fraction = fractionPart, fraction.isEmpty || !fraction.allSatisfy(\.isCellDigit) { return nil }
        guard let whole = groupedDigits(integerPart, style: style) else { return nil }
        if whole.isEmpty && fractionPart == nil { return nil }
        var literal = (negative ? "-" : "") + (whole.isEmpty ? "0" : whole)
        if let fraction = fractionPart {
            literal += "." + String(String.UnicodeScalarView(fraction))
        }
        guard let x = Double(literal), x.isFinite else { return nil }
        return x
    }

    /// The digits of an integer part, with thousands separators removed; nil if grouping is wrong.
    private static func groupedDigits(_ scalars: [Unicode.Scalar], style: DecimalStyle) -> String? {
        let separator = style.other.decimalMark
        var groups: [String] = [""]
        for scalar in scalars {
            if scalar.isCellDigit {
                groups[groups.count - 1].unicodeScalars.append(scalar)
            } else if scalar == separator || scalar.isCellSpace {
                groups.append("")
            } else {
                return nil
            }
        }
        if groups.count > 1 {
            guard let first = groups.first, (1...3).contains(first.count),
                groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return nil }
        }
        return groups.joined()
    }
}

/// `YYYY-MM-DD` and `DD/MM/YYYY` dates, checked against the calendar.
public enum DateSyntax {
    /// The date as `YYYY-MM-DD` (from `YYYY-MM-DD` or `DD/MM/YYYY`), or nil when the text is not a valid date.
    public static func iso(_ text: String) -> String? {
        let (year, month, day): (Int, Int, Int)
        let dashed = text.split(separator: "-", omittingEmptySubsequences: false)
        let slashed = text.split(separator: "/", omittingEmptySubsequences: false)
        if dashed.count == 3, dashed[0].count == 4, (1...2).contains(dashed[1].count),
            (1...2).contains(dashed[2].count),
            let y = number(dashed[0]), let m = number(dashed[1]), let d = number(dashed[2])
        {
            (year, month, day) = (y, m, d)
        } else if slashed.count == 3, slashed[2].count == 4, (1...2).contains(slashed[0].count),
            (1...2).contains(slashed[1].count), let d = number(slashed[0]), let m = number(slashed[1]),
            let y = number(slashed[2])
        {
            (year, month, day) = (y, m, d)
        } else {
            return nil
        }
        guard (1...12).contains(month), (1...daysIn(month, of: year)).contains(day) else { return nil }
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    private static func number(_ text: Substring) -> Int? {
        guard text.unicodeScalars.allSatisfy(\.isCellDigit) else { return nil }
        return Int(text)
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension Unicode.Scalar {
    /// `0`…`9`.
    var isCellDigit: Bool { ("0"..."9").contains(self) }
}
