import XLSXWriter

/// The cell styles of a template: Times New Roman, thin grey grid, yellow unlocked input cells.
struct TemplateStyles: Sendable {
    /// The styles, made once: a style hashes its properties when made.
    static let shared = TemplateStyles()

    static let font = "Times New Roman"
    static let grid = Border(.thin, color: 0xA6A6A6)
    static let headerFill: Color = 0x1F4E79
    static let inputFill: Color = 0xFFF2CC
    static let evidenceFill: Color = 0xFFFBEA
    static let pillarFill: Color = 0xDDEBF7

    private static func style(
        bold: Bool = false, italic: Bool = false, size: Double = 11, color: Color? = nil, fill: Color? = nil,
        format: String? = nil, align: CellStyle.HorizontalAlignment? = nil, wrap: Bool = false, grid: Bool = true,
        locked: Bool = true
    ) -> CellStyle {
        CellStyle(
            bold: bold, italic: italic, fontSize: size, fontName: font, fontColor: color, fillColor: fill,
            numberFormat: format, horizontalAlignment: align, verticalAlignment: .center, wrapsText: wrap,
            borders: grid ? .all(Self.grid) : .none, isLocked: locked)
    }

    let title = style(bold: true, size: 14, grid: false)
    let subtitle = style(bold: true, size: 12, grid: false)
    let note = style(italic: true, color: 0x595959, grid: false)
    let noteWrapped = style(italic: true, color: 0x595959, wrap: true, grid: false)
    let label = style(bold: true, grid: false)
    let bold = style(bold: true, grid: false)
    let wrapped = style(wrap: true)
    let text = style()
    let centered = style(align: .center, wrap: true)
    let header = style(bold: true, color: .white, fill: headerFill, align: .center, wrap: true)
    let scoreLabel = style(bold: true, size: 12, align: .right, grid: false)
    let score = style(bold: true, size: 14, color: 0xC00000, format: "0.00", align: .center)
    let band = style(bold: true, size: 12, align: .center, grid: false)
    /// What the provisional score covers, beside it: wrapped, not bold, so it reads as an explanation.
    let coverage = style(italic: true, wrap: true, grid: false)
    let number = style(format: "0.00", align: .right)
    let pillarNumber = style(bold: true, fill: pillarFill, format: "0.00", align: .right)
    let previousNumber = style(format: "#,##0.##", align: .right)
    /// Wrapped, so a long option ("Giám đốc / Chủ tịch UBND") shows in full rather than cut at the column's edge.
    let input = style(fill: inputFill, align: .right, wrap: true, locked: false)
    let inputDate = style(fill: inputFill, format: "dd/mm/yyyy", align: .center, locked: false)
    let inputText = style(fill: evidenceFill, wrap: true, locked: false)
}
