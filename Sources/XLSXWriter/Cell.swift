public import struct Foundation.Date

/// The content of one cell, with its style.
///
/// Text is always written as text: `.text("=SUM(A1)")`, `.text("+84 912 345 678")`, `.text("-x")` and `.text("@x")`
/// stay strings and are never read as formulas. Only ``formula(_:cachedResult:style:)`` writes a formula.
///
/// For example:
/// ```swift
/// let row: [Cell] = [
///     .number(1),
///     .text("Sở Thông tin và Truyền thông", style: CellStyle(wrapsText: true)),
///     .number(87.456, style: CellStyle(numberFormat: "0.00")),
///     .formula("RANK(C2,$C$2:$C$35)", cachedResult: .number(3)),
/// ]
/// ```
public enum Cell: Hashable, Sendable {
    /// Nothing: the cell is not written at all.
    case empty
    /// A blank cell that carries a style, such as a bordered or filled empty cell.
    case blank(style: CellStyle)
    /// A string, stored as text whatever its first character.
    case text(String, style: CellStyle = .default)
    /// A number. It must be finite; Excel has no NaN or infinity.
    case number(Double, style: CellStyle = .default)
    /// TRUE or FALSE.
    case boolean(Bool, style: CellStyle = .default)
    /// A formula with the result it had when written, such as `"SUM(B2:B9)"` (the leading "=" is optional).
    ///
    /// Spreadsheet applications that do not recalculate on load (LibreOffice by default, most readers) show
    /// `cachedResult`, so it should be the formula's true value.
    case formula(String, cachedResult: FormulaResult, style: CellStyle = .default)
    /// A moment in time, written as an Excel date serial number in UTC.
    ///
    /// Fractions of a second are dropped. When the style has no number format, the writer uses "yyyy-mm-dd"
    /// so that the cell shows a date rather than a serial number.
    case date(Date, style: CellStyle = .default)
    /// A hyperlink, such as "https://dx.gov.vn" or "mailto:so@tinh.gov.vn", shown as `text` (or the URL itself).
    ///
    /// With the default style, the writer uses Excel's hyperlink look (blue, underlined). Excel limits URLs to
    /// 2,079 characters.
    case url(String, text: String? = nil, style: CellStyle = .default)

    /// The style of the cell; ``CellStyle/default`` for ``empty``.
    public var style: CellStyle {
        switch self {
        case .empty: .default
        case .blank(let style), .text(_, let style), .number(_, let style), .boolean(_, let style),
            .formula(_, _, let style), .date(_, let style), .url(_, _, let style):
            style
        }
    }

    /// Whether the cell is ``empty`` (writes nothing).
    public var isEmpty: Bool {
        if case .empty = self { return true }
        return false
    }
}

/// The value a formula had when the workbook was written.
public enum FormulaResult: Hashable, Sendable {
    /// A numeric result.
    case number(Double)
    /// A text result.
    case text(String)
    /// A TRUE or FALSE result.
    ///
    /// libxlsxwriter 1.1.4 cannot store a boolean cached value, so it is stored as the number 1 or 0; Excel
    /// recalculates it to TRUE or FALSE when the workbook opens.
    case boolean(Bool)
}
