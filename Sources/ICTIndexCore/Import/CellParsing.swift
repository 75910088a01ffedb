import Localization
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
    /// What is wrong, such as `'12,5' is not a number in this file's style`, in both languages.
    public var message: Words
    /// What to do about it.
    public var hint: Words?

    /// Creates a problem.
    ///
    /// - Parameters:
    ///   - code: the diagnostic code.
    ///   - message: what is wrong, naming the cell text.
    ///   - hint: what to do.
    public init(_ code: DiagnosticCode, _ message: Words, hint: Words? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }
}

extension CellProblem {
    /// The message for a unit's value of a variable: "đơn vị 'STTTT', biến 'staff': '12,5' không phải …"
    /// ("unit 'STTTT', variable 'staff': '12,5' is not …").
    public func message(unit: UnitCode, variable: VariableID) -> Words {
        Words(vi: "đơn vị '\(unit)', biến '\(variable)': ", en: "unit '\(unit)', variable '\(variable)': ") + message
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
        var cell = cell
        return try cell.withUTF8 { number(utf8: $0, cell: spec) }.get()
    }

    /// Reads the UTF-8 bytes of a number, integer or percent cell; a string is made only for a message.
    ///
    /// An empty cell, or `NA` (how R writes a missing value), is missing.
    func number(utf8 cell: UnsafeBufferPointer<UInt8>, cell spec: NumericCell) -> Result<
        Double?, CellProblem
    > {
        let whole = cell.trimmingCellSpaces()
        if whole.isEmpty
            || (whole.count == 2 && whole[0] == UInt8(ascii: "N") && whole[1] == UInt8(ascii: "A"))
        {
            return .success(nil)
        }
        var digits = whole
        if whole[whole.count - 1] == UInt8(ascii: "%") {
            guard spec.kind == .percent else {
                return .failure(
                    CellProblem(
                        .invalidNumber, Self.notANumberWords(String(decoding: whole, as: UTF8.self)),
                        hint: Words(
                            vi: "chỉ biến tỷ lệ phần trăm mới được viết dấu '%'; hãy chỉ viết con số",
                            en: "only percent variables take '%'; write the number alone")))
            }
            digits = UnsafeBufferPointer(rebasing: whole[..<(whole.count - 1)]).trimmingCellSpaces()
        }
        let x: Double
        switch number(utf8: digits) {
        case .success(let value): x = value
        case .failure(let problem): return .failure(problem)
        }
        if spec.kind == .integer, x != x.rounded() {
            return .failure(
                CellProblem(
                    .invalidNumber,
                    Words(
                        vi: "'\(String(decoding: whole, as: UTF8.self))' không phải số nguyên",
                        en: "'\(String(decoding: whole, as: UTF8.self))' is not a whole number"),
                    hint: Words(
                        vi: "hãy viết một số nguyên, như \(decimalStyle.write(x.rounded(.down)))",
                        en: "write a whole number such as \(decimalStyle.write(x.rounded(.down)))")))
        }
        if let problem = boundsProblem(x, text: whole, variable: spec.variable, bounds: spec.bounds) {
            return .failure(problem)
        }
        return .success(x)
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
    /// See ``NumberReader`` for the syntax. In the default style a number grouped with `,` that also reads with
    /// a decimal comma (`35,466`) is refused as reading two ways; under `--decimal-comma` the style is declared,
    /// so `35.466` is 35466.
    ///
    /// - Throws: D003 if the text is not a number or not a finite one, D004 if it is one only in the other
    ///   style or reads two ways.
    public func number(_ text: String) throws(CellProblem) -> Double {
        var text = text
        return try text.withUTF8 { number(utf8: $0.trimmingCellSpaces()) }.get()
    }

    /// Reads the trimmed UTF-8 bytes of a number (no `%`).
    func number(utf8 text: UnsafeBufferPointer<UInt8>) -> Result<Double, CellProblem> {
        switch NumberReader.read(text, style: decimalStyle) {
        case .number(let x, let grouped):
            if grouped, decimalStyle == .point,
                case .number(let y, _) = NumberReader.read(text, style: .comma)
            {
                let written = String(decoding: text, as: UTF8.self)
                return .failure(
                    CellProblem(
                        .ambiguousNumber,
                        Words(
                            vi: "'\(written)' đọc được hai cách: \(DecimalStyle.point.write(x)) nếu ',' ngăn cách "
                                + "hàng nghìn, hoặc \(DecimalStyle.point.write(y)) nếu ',' là dấu thập phân",
                            en: "'\(written)' reads two ways: \(DecimalStyle.point.write(x)) with ',' separating "
                                + "thousands, or \(DecimalStyle.point.write(y)) with a decimal comma"),
                        hint: Words(
                            vi: "hãy viết \(DecimalStyle.point.write(x)) (không có dấu ngăn cách) hoặc "
                                + "\(DecimalStyle.point.write(y)); dùng --decimal-comma nếu tệp viết số kiểu Việt Nam",
                            en: "write \(DecimalStyle.point.write(x)) (without the separator) or "
                                + "\(DecimalStyle.point.write(y)); pass --decimal-comma if the file uses Vietnamese "
                                + "number style")))
            }
            return .success(x)
        case .notFinite:
            return .failure(
                CellProblem(
                    .invalidNumber,
                    Words(
                        vi: "'\(String(decoding: text, as: UTF8.self))' vượt quá số lớn nhất một giá trị có thể "
                            + "chứa (khoảng 1.8e308)",
                        en: "'\(String(decoding: text, as: UTF8.self))' is beyond the largest number a value can "
                            + "hold (about 1.8e308)"),
                    hint: Words(
                        vi: "hãy kiểm tra ô này: giá trị như vậy là do gõ nhầm hoặc xuất tệp sai; hãy viết số theo "
                            + "một đơn vị đo để nó hữu hạn",
                        en: "check the cell: such a value is a typing or export error; write the number in a unit "
                            + "that keeps it finite")))
        case .invalid:
            return .failure(notANumber(text))
        }
    }

    /// D004 when the text is a number in the other style, else D003.
    private func notANumber(_ bytes: UnsafeBufferPointer<UInt8>) -> CellProblem {
        let text = String(decoding: bytes, as: UTF8.self)
        if case .number(let x, _) = NumberReader.read(bytes, style: decimalStyle.other) {
            let written = decimalStyle.write(x)
            let hint: Words
            switch decimalStyle {
            case .point where text.contains(","):
                hint = Words(
                    vi: "số này có vẻ dùng dấu phẩy thập phân; hãy dùng --decimal-comma nếu tệp viết số kiểu Việt "
                        + "Nam, hoặc viết \(written)",
                    en: "this looks like a decimal comma; pass --decimal-comma if the file uses Vietnamese number "
                        + "style, or write \(written)")
            case .point:
                hint = Words(
                    vi: "số này có vẻ dùng '.' hoặc dấu cách để ngăn cách hàng nghìn; hãy dùng --decimal-comma nếu "
                        + "tệp viết số kiểu Việt Nam, hoặc viết \(written)",
                    en: "this looks like '.' or a space separating thousands; pass --decimal-comma if the file uses "
                        + "Vietnamese number style, or write \(written)")
            case .comma where text.contains("."):
                hint = Words(
                    vi: "số này có vẻ dùng dấu chấm thập phân; hãy bỏ --decimal-comma nếu tệp dùng '.' làm dấu "
                        + "thập phân, hoặc viết \(written)",
                    en: "this looks like a decimal point; leave out --decimal-comma if the file uses '.' as the "
                        + "decimal mark, or write \(written)")
            case .comma:
                hint = Words(
                    vi: "số này có vẻ dùng ',' để ngăn cách hàng nghìn; hãy bỏ --decimal-comma nếu tệp dùng '.' làm "
                        + "dấu thập phân, hoặc viết \(written)",
                    en: "this looks like ',' separating thousands; leave out --decimal-comma if the file uses '.' "
                        + "as the decimal mark, or write \(written)")
            }
            return CellProblem(
                .ambiguousNumber,
                Words(
                    vi: "'\(text)' không phải số viết theo kiểu của tệp này",
                    en: "'\(text)' is not a number in this file's style"),
                hint: hint)
        }
        var word = Substring(text.lowercased())
        if let sign = word.first, sign == "-" || sign == "+" || sign == "\u{2212}" {
            word = word.dropFirst()
        }
        if ["inf", "infinity", "∞", "nan", "#num!", "#div/0!"].contains(word) {
            return CellProblem(
                .invalidNumber, Self.notANumberWords(text),
                hint: Words(
                    vi: "vô cực và NaN không phải giá trị; để trống ô nếu không có số liệu",
                    en: "infinities and NaN are not values; leave the cell empty for a missing value"))
        }
        return CellProblem(
            .invalidNumber, Self.notANumberWords(text),
            hint: Words(
                vi: "hãy viết một con số, như \(decimalStyle.write(1234.5)), không kèm đơn vị hay chữ",
                en: "write a number such as \(decimalStyle.write(1234.5)), without units or other text"))
    }

    /// "'abc' is not a number".
    private static func notANumberWords(_ text: String) -> Words {
        Words(vi: "'\(text)' không phải là số", en: "'\(text)' is not a number")
    }

    /// D005 when a number is outside its variable's bounds; the cell's text is decoded only then.
    private func boundsProblem(
        _ x: Double, text bytes: UnsafeBufferPointer<UInt8>, variable: VariableID,
        bounds: (min: Double?, max: Double?)
    ) -> CellProblem? {
        let (lower, upper) = bounds
        if lower.map({ x >= $0 }) ?? true, upper.map({ x <= $0 }) ?? true { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        let value =
            NumberFormatting.plain(x) == text ? text : "'\(text)' (\(NumberFormatting.plain(x)))"
        let range: Words
        switch (lower, upper) {
        case (let lo?, let hi?):
            let span = "\(NumberFormatting.plain(lo))…\(NumberFormatting.plain(hi))"
            range = Words(vi: "nằm ngoài khoảng \(span)", en: "is outside \(span)")
        case (let lo?, nil):
            let bound = NumberFormatting.plain(lo)
            range = Words(vi: "nhỏ hơn mức tối thiểu \(bound)", en: "is below the minimum \(bound)")
        case (nil, let hi?):
            let bound = NumberFormatting.plain(hi)
            range = Words(vi: "lớn hơn mức tối đa \(bound)", en: "is above the maximum \(bound)")
        case (nil, nil):
            return nil
        }
        return CellProblem(
            .outOfRange, Words(vi: "giá trị \(value) ", en: "value \(value) ") + range,
            hint: Words(
                vi: "hãy kiểm tra giá trị; tệp tiêu chí quy định giới hạn của '\(variable)'",
                en: "check the value; the framework declares the bounds of '\(variable)'"))
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
            .invalidBoolean, Words(vi: "'\(text)' không phải giá trị có/không", en: "'\(text)' is not a yes/no value"),
            hint: Words(
                vi: "hãy viết 1 hoặc 0, có hoặc không, yes hoặc no, true hoặc false, hoặc x cho có",
                en: "write 1 or 0, có or không, yes or no, true or false, or x for yes"))
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
        var hint = Words(vi: "hãy viết một trong: \(list)", en: "write one of: \(list)")
        if let near = Suggestion.closest(to: text, among: spellings.map(\.spelling)),
            let id = spellings.first(where: { $0.spelling == near })?.id
        {
            let label = variable.options[id].map { " (\($0.vi))" } ?? ""
            hint = Words(
                vi: "có phải ý bạn là '\(id)'\(label)? Nếu không, \(hint.vi)",
                en: "did you mean '\(id)'\(label)? Or \(hint.en)")
        }
        throw CellProblem(
            .invalidChoice,
            Words(vi: "'\(text)' không phải một trong các lựa chọn", en: "'\(text)' is not one of the options"),
            hint: hint)
    }

    private func date(_ text: String) throws(CellProblem) -> String {
        if let iso = DateSyntax.iso(text) { return iso }
        throw CellProblem(
            .invalidDate, Words(vi: "'\(text)' không phải ngày tháng", en: "'\(text)' is not a date"),
            hint: Words(
                vi: "hãy viết ngày theo dạng YYYY-MM-DD (2025-03-31) hoặc DD/MM/YYYY (31/03/2025)",
                en: "write the date as YYYY-MM-DD (2025-03-31) or DD/MM/YYYY (31/03/2025)"))
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
