/// The position of one cell on a sheet: a zero-based row and column, written "C5" in A1 notation.
///
/// Rows and columns count from zero, like libxlsxwriter and unlike Excel's labels: row 0 is Excel's row 1, and
/// column 0 is column "A". An address can hold any integers; ``XLSXWriter/write(_:to:options:)`` rejects the ones
/// outside Excel's grid of ``maximumRowCount`` × ``maximumColumnCount`` cells and names the sheet.
///
/// For example:
/// ```swift
/// let address = CellAddress(row: 4, column: 2)
/// print(address)                                // "C5"
/// CellAddress("XFD1048576")?.column             // 16383
/// CellAddress.columnName(27)                    // "AB"
/// ```
public struct CellAddress: Hashable, Comparable, Sendable, LosslessStringConvertible {
    /// The number of rows on an Excel sheet: 1,048,576.
    public static let maximumRowCount = 1_048_576

    /// The number of columns on an Excel sheet: 16,384 (the last one is "XFD").
    public static let maximumColumnCount = 16_384

    /// The zero-based row; row 0 is the row Excel labels "1".
    public var row: Int

    /// The zero-based column; column 0 is the column Excel labels "A".
    public var column: Int

    /// Creates the address of the cell at a zero-based row and column.
    ///
    /// - Parameters:
    ///   - row: The zero-based row (Excel's row label minus one).
    ///   - column: The zero-based column (0 is "A", 25 is "Z", 26 is "AA").
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses an address in A1 notation, such as "C5", "AA10" or "$B$2".
    ///
    /// Dollar signs are accepted and ignored; letters may be lowercase. With a string *literal*,
    /// `CellAddress("C5")` calls ``init(stringLiteral:)`` instead and is not optional.
    ///
    /// - Parameter description: The A1 text.
    /// - Returns: `nil` when the text is not one cell of Excel's grid ("A0", "XFE1", "A1048577", "B2:C3").
    public init?(_ description: String) {
        var letters = Substring()
        var digits = Substring()
        var rest = Substring(description)
        if rest.first == "$" { rest = rest.dropFirst() }
        letters = rest.prefix { $0.isASCII && $0.isLetter }
        rest = rest.dropFirst(letters.count)
        if rest.first == "$" { rest = rest.dropFirst() }
        digits = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(digits.count)
        guard rest.isEmpty, !digits.isEmpty, digits.count <= 7, digits.first != "0",
            let column = Self.columnIndex(String(letters)), let label = Int(digits),
            label <= Self.maximumRowCount
        else { return nil }
        self.init(row: label - 1, column: column)
    }

    /// The address in A1 notation, such as "C5".
    ///
    /// An address outside Excel's grid is written with its raw indexes instead, such as "R-1C5", so that error
    /// messages can still show it.
    public var description: String {
        guard row >= 0, column >= 0, column < Self.maximumColumnCount else { return "R\(row)C\(column)" }
        return Self.columnName(column) + String(row + 1)
    }

    /// The address with dollar signs, such as "$C$5", for formulas that must not shift when copied.
    public var absoluteDescription: String {
        "$" + Self.columnName(column) + "$" + String(row + 1)
    }

    /// Whether the address lies on Excel's grid of 1,048,576 rows × 16,384 columns.
    public var isOnExcelGrid: Bool {
        (0..<Self.maximumRowCount).contains(row) && (0..<Self.maximumColumnCount).contains(column)
    }

    /// Orders addresses row-major: by row, then by column (the order in which Excel stores cells).
    public static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }

    /// The letters Excel shows for a zero-based column: 0 → "A", 25 → "Z", 26 → "AA", 16,383 → "XFD".
    ///
    /// - Parameter column: A zero-based column index.
    /// - Returns: The column letters (bijective base 26).
    /// - Precondition: `column >= 0`.
    public static func columnName(_ column: Int) -> String {
        precondition(column >= 0, "column index \(column) is negative")
        var scalars: [Unicode.Scalar] = []
        var remaining = column + 1
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            scalars.append(Unicode.Scalar(UInt8(65 + digit)))
            remaining = (remaining - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }

    /// The zero-based column for column letters: "A" → 0, "AA" → 26, "XFD" → 16,383.
    ///
    /// - Parameter name: One to three ASCII letters, in either case.
    /// - Returns: `nil` for anything else, or for a column beyond "XFD".
    public static func columnIndex(_ name: String) -> Int? {
        guard (1...3).contains(name.utf8.count) else { return nil }
        var value = 0
        for byte in name.utf8 {
            let upper = byte & ~0x20
            guard (65...90).contains(upper) else { return nil }
            value = value * 26 + Int(upper - 64)
        }
        return value <= maximumColumnCount ? value - 1 : nil
    }
}

/// A rectangle of cells, written "A1:C9" in A1 notation.
///
/// For example:
/// ```swift
/// let header = CellRange("A1:H1")
/// let scores = CellRange(rows: 1...34, columns: 4...4)     // E2:E35
/// ```
public struct CellRange: Hashable, Sendable, LosslessStringConvertible {
    /// The top-left cell.
    public var first: CellAddress

    /// The bottom-right cell.
    public var last: CellAddress

    /// Creates the range between two corner cells.
    ///
    /// - Parameters:
    ///   - first: The top-left cell.
    ///   - last: The bottom-right cell.
    /// - Precondition: `first.row <= last.row && first.column <= last.column`.
    public init(from first: CellAddress, to last: CellAddress) {
        precondition(
            first.row <= last.row && first.column <= last.column,
            "range corners \(first) and \(last) are not top-left and bottom-right")
        self.first = first
        self.last = last
    }

    /// Creates the range that covers zero-based rows and columns.
    ///
    /// - Parameters:
    ///   - rows: The zero-based rows, such as `1...34` for Excel rows 2 to 35.
    ///   - columns: The zero-based columns, such as `0...2` for "A" to "C".
    public init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        self.init(
            from: CellAddress(row: rows.lowerBound, column: columns.lowerBound),
            to: CellAddress(row: rows.upperBound, column: columns.upperBound))
    }

    /// Creates the range that holds exactly one cell.
    ///
    /// - Parameter cell: The only cell of the range.
    public init(_ cell: CellAddress) {
        self.init(from: cell, to: cell)
    }

    /// Parses a range in A1 notation, such as "A1:C9", "$A$1:$C$9", or a single cell such as "B2".
    ///
    /// With a string *literal*, `CellRange("A1:C9")` calls ``init(stringLiteral:)`` instead and is not optional.
    ///
    /// - Parameter description: The A1 text.
    /// - Returns: `nil` when a corner is not a cell of Excel's grid, or the corners are not top-left and
    ///   bottom-right.
    public init?(_ description: String) {
        let parts = description.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let cell = CellAddress(String(parts[0])) else { return nil }
            self.init(cell)
        case 2:
            guard let first = CellAddress(String(parts[0])), let last = CellAddress(String(parts[1])),
                first.row <= last.row, first.column <= last.column
            else { return nil }
            self.init(from: first, to: last)
        default:
            return nil
        }
    }

    /// The zero-based rows that the range covers.
    public var rows: ClosedRange<Int> { first.row...last.row }

    /// The zero-based columns that the range covers.
    public var columns: ClosedRange<Int> { first.column...last.column }

    /// The range in A1 notation: "A1:C9", or "B2" when it holds one cell.
    public var description: String {
        first == last ? first.description : "\(first):\(last)"
    }

    /// The range with dollar signs, such as "$A$1:$C$9", for formulas and defined names.
    public var absoluteDescription: String {
        "\(first.absoluteDescription):\(last.absoluteDescription)"
    }

    /// Whether the range contains a cell.
    ///
    /// - Parameter cell: The cell to look for.
    /// - Returns: `true` when the cell lies inside the rectangle or on its border.
    public func contains(_ cell: CellAddress) -> Bool {
        rows.contains(cell.row) && columns.contains(cell.column)
    }

    /// Whether two ranges share at least one cell.
    ///
    /// - Parameter other: Another range.
    /// - Returns: `true` when the rectangles overlap.
    public func overlaps(_ other: CellRange) -> Bool {
        rows.overlaps(other.rows) && columns.overlaps(other.columns)
    }
}

extension CellAddress: ExpressibleByStringLiteral {
    /// Creates an address from a literal in A1 notation, such as `"C5"`.
    ///
    /// - Parameter value: The A1 text.
    /// - Precondition: The literal is a valid address; use ``init(_:)`` for text that comes from data.
    public init(stringLiteral value: String) {
        guard let address = CellAddress(value) else { preconditionFailure("'\(value)' is not an A1 cell address") }
        self = address
    }
}

extension CellRange: ExpressibleByStringLiteral {
    /// Creates a range from a literal in A1 notation, such as `"A1:C9"`.
    ///
    /// - Parameter value: The A1 text.
    /// - Precondition: The literal is a valid range; use the failable `init?(_ description: String)` for text
    ///   that comes from data.
    public init(stringLiteral value: String) {
        guard let range = CellRange(value) else { preconditionFailure("'\(value)' is not an A1 cell range") }
        self = range
    }
}
