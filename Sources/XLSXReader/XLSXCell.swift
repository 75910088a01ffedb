/// A cell position: 1-based row and column, as Excel counts them (A1 is row 1, column 1).
public struct XLSXCellReference: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 1-based row.
    public var row: Int
    /// The 1-based column (A = 1).
    public var column: Int

    /// Creates a reference.
    ///
    /// - Parameters:
    ///   - row: the 1-based row.
    ///   - column: the 1-based column.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// The last row of Excel's grid.
    public static let maxRow = 1_048_576
    /// The last column of Excel's grid (XFD).
    public static let maxColumn = 16_384

    /// Parses an A1-style reference such as `D14`, `$D$14` or `d14`; nil when it is not one or lies outside
    /// Excel's grid (column XFD, row 1,048,576).
    ///
    /// - Parameter text: the reference.
    public init?(_ text: some StringProtocol) {
        var letters = 0
        var digits = 0
        var column = 0
        var row = 0
        for byte in text.utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, (1...Self.maxRow).contains(row), column <= Self.maxColumn else { return nil }
        self.init(row: row, column: column)
    }

    /// Parses a cell's `r` attribute as ECMA-376 writes it (ST_CellRef): 1–3 uppercase letters up to `XFD`,
    /// then a row number 1–1,048,576 without leading zeros; nil for anything else (`a2`, `$A$2`, `XFE1`, `A0`).
    init?(cellReference text: String.UTF8View) {
        var column = 0
        var letters = 0
        var index = text.startIndex
        while index != text.endIndex, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(text[index]) {
            column = column * 26 + Int(text[index] - UInt8(ascii: "A")) + 1
            letters += 1
            if letters > 3 { return nil }
            index = text.index(after: index)
        }
        guard letters > 0, column <= Self.maxColumn, let row = Self.rowNumber(text[index...]) else { return nil }
        self.init(row: row, column: column)
    }

    /// Parses a row number 1–1,048,576 written in plain digits without a leading zero; nil for anything else.
    static func rowNumber(_ digits: some Collection<UInt8>) -> Int? {
        guard let first = digits.first, first != UInt8(ascii: "0"), digits.count <= 7 else { return nil }
        var row = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            row = row * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return row <= maxRow ? row : nil
    }

    /// The column's letters: 1 → `A`, 27 → `AA`.
    ///
    /// - Parameter column: the 1-based column.
    public static func columnName(_ column: Int) -> String {
        var name = ""
        var rest = column
        while rest > 0 {
            let digit = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    /// The A1-style text, such as `D14`.
    public var description: String { Self.columnName(column) + String(row) }

    /// Row-major order.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}

/// A rectangular range of cells, such as the merged range `A1:C1`.
public struct XLSXCellRange: Hashable, Sendable, CustomStringConvertible {
    /// The top-left cell.
    public var first: XLSXCellReference
    /// The bottom-right cell.
    public var last: XLSXCellReference

    /// Creates a range.
    ///
    /// - Parameters:
    ///   - first: the top-left cell.
    ///   - last: the bottom-right cell.
    public init(first: XLSXCellReference, last: XLSXCellReference) {
        self.first = first
        self.last = last
    }

    /// Parses `A1:C3` or a single cell `B2`; nil when it is neither.
    ///
    /// - Parameter text: the range.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let first = XLSXCellReference(parts[0]),
            let last = parts.count == 2 ? XLSXCellReference(parts[1]) : first
        else { return nil }
        self.init(first: first, last: last)
    }

    /// Whether the range contains a cell.
    ///
    /// - Parameter cell: the cell.
    public func contains(_ cell: XLSXCellReference) -> Bool {
        (first.row...last.row).contains(cell.row) && (first.column...last.column).contains(cell.column)
    }

    /// `A1:C3`, or `B2` for a single cell.
    public var description: String { first == last ? "\(first)" : "\(first):\(last)" }
}

/// What a cell holds, as stored in the file.
///
/// Dates are numbers in Excel (serial days since 1899-12-30); a cell is a date only through its number format,
/// which ``XLSXCell/numberFormatID`` and ``XLSXCell/numberFormatCode`` give. The reader does not guess.
public enum XLSXCellValue: Hashable, Sendable {
    /// No value (a styled blank cell, or a cell with only a formula and no cached result).
    case empty
    /// Text, from the shared strings table, an inline string or a formula's string result.
    case text(String)
    /// A number, exactly as stored.
    case number(Double)
    /// TRUE or FALSE.
    case boolean(Bool)
    /// A date stored as ISO 8601 text (`t="d"`), as written.
    case date(String)
    /// An error value such as `#DIV/0!` or `#N/A`.
    case error(String)
}

/// One cell of a sheet.
public struct XLSXCell: Hashable, Sendable {
    /// Where the cell is.
    public var reference: XLSXCellReference
    /// The value; for a formula, the result cached when the file was saved.
    public var value: XLSXCellValue
    /// The formula without its leading `=`, when the cell has one.
    ///
    /// Cells that share a formula written once in another cell (`<f t="shared" si="0"/>`) have an empty string.
    public var formula: String?
    /// The index of the cell's format in the workbook's `cellXfs`, 0 when none is given.
    public var styleIndex: Int
    /// The number format id: 0 is General, 14–22 and 45–47 are Excel's built-in dates and times,
    /// 164 and above are the workbook's own.
    public var numberFormatID: Int
    /// The format code of a custom number format (id 164 and above), such as `dd/mm/yyyy`.
    public var numberFormatCode: String?
    /// Whether the cell is locked when its sheet is protected (the default for every cell).
    public var isLocked: Bool

    /// Creates a cell.
    ///
    /// - Parameters:
    ///   - reference: where the cell is.
    ///   - value: its value.
    ///   - formula: its formula.
    ///   - styleIndex: the index of its format.
    ///   - numberFormatID: its number format id.
    ///   - numberFormatCode: its custom number format code.
    ///   - isLocked: whether it is locked.
    public init(
        reference: XLSXCellReference, value: XLSXCellValue, formula: String? = nil, styleIndex: Int = 0,
        numberFormatID: Int = 0, numberFormatCode: String? = nil, isLocked: Bool = true
    ) {
        self.reference = reference
        self.value = value
        self.formula = formula
        self.styleIndex = styleIndex
        self.numberFormatID = numberFormatID
        self.numberFormatCode = numberFormatCode
        self.isLocked = isLocked
    }

    /// Whether the number format shows a date or time (built-in ids 14–22 and 45–47, or a custom code with
    /// day, month, year, hour or second letters outside quotes and brackets).
    public var hasDateFormat: Bool {
        if (14...22).contains(numberFormatID) || (45...47).contains(numberFormatID) { return true }
        guard let code = numberFormatCode else { return false }
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        for character in code {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case "d", "D", "m", "M", "y", "Y", "h", "H", "s", "S":
                if !inQuotes && !inBrackets { return true }
            default: break
            }
        }
        return false
    }

    /// The value as plain text: text as is, numbers in their shortest exact form (`5`, `0.85`), booleans as
    /// `TRUE`/`FALSE`, dates and errors as stored, empty as `""`.
    public var text: String {
        switch value {
        case .empty: ""
        case .text(let text), .date(let text), .error(let text): text
        case .number(let number): Self.plainText(number)
        case .boolean(let flag): flag ? "TRUE" : "FALSE"
        }
    }

    /// The shortest text that reads back as the same number: whole numbers without `.0`.
    /// The cell as an ISO date ("2025-03-01"): a date cell, or a number in a date format (1900 date system);
    /// nil for anything else.
    public var isoDate: String? {
        switch value {
        case .date(let text): String(text.prefix(10))
        case .number(let serial) where hasDateFormat: Self.isoDate(serial: serial)
        default: nil
        }
    }

    /// The calendar day of an Excel serial date in the 1900 date system, as "YYYY-MM-DD"; nil outside
    /// 1900-01-01…9999-12-31.
    public static func isoDate(serial: Double) -> String? {
        guard serial >= 1, serial < 2_958_466 else { return nil }
        // Serial 60 is the 29 February 1900 that never was; from 61 on, day 0 is 1899-12-30.
        let days = Int(serial) < 61 ? Int(serial) + 1 : Int(serial)
        // Days since 1899-12-30 → civil date (Howard Hinnant's days_from_civil, inverted).
        let z = days - 25_569 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        let pad = { (n: Int, width: Int) in String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func plainText(_ number: Double) -> String {
        if number == number.rounded(), number.magnitude < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }
}

/// One row of a sheet: the cells present in the file, in column order.
public struct XLSXRow: Hashable, Sendable {
    /// The 1-based row number, as Excel shows it.
    public var number: Int
    /// The cells present, in column order; missing cells are empty.
    public var cells: [XLSXCell]

    /// Creates a row.
    ///
    /// - Parameters:
    ///   - number: the 1-based row number.
    ///   - cells: the cells, in column order.
    public init(number: Int, cells: [XLSXCell]) {
        self.number = number
        self.cells = cells
    }

    /// The row's text from column A to its last cell, with `""` for missing cells (see ``XLSXCell/text``).
    public var texts: [String] {
        guard let last = cells.last?.reference.column else { return [] }
        var texts = [String](repeating: "", count: last)
        for cell in cells { texts[cell.reference.column - 1] = cell.text }
        return texts
    }

    /// Whether every cell is empty or blank text.
    public var isBlank: Bool {
        cells.allSatisfy { $0.text.allSatisfy(\.isWhitespace) }
    }
}
