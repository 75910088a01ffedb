import ICTIndexCore
import XLSXWriter

/// The cell styles of the scoreboard workbook: Times New Roman (the font of Vietnamese administrative
/// documents), thin grey grid lines, a dark blue header, number formats from the framework's decimals.
struct ReportStyles {
    static let font = "Times New Roman"
    static let headerFill: Color = 0x1F4E79
    static let groupFill: Color = 0xDDEBF7
    static let notApplicableFill: Color = 0xEDEDED
    static let grid = Border(.thin, color: 0xA6A6A6)

    let title: CellStyle
    let subtitle: CellStyle
    let caption: CellStyle
    let header: CellStyle
    let groupHeading: CellStyle
    /// The rest of a group heading row: the same fill with no inner borders, so the heading reads as one band.
    let groupHeadingMiddle: CellStyle
    let groupHeadingLast: CellStyle
    let text: CellStyle
    let textWrapped: CellStyle
    let centered: CellStyle
    let integer: CellStyle
    let score: CellStyle
    let scoreBold: CellStyle
    let percent: CellStyle
    let notApplicable: CellStyle
    let note: CellStyle
    let label: CellStyle
    let value: CellStyle
    let valueNumber: CellStyle
    /// A group's maximum points under its heading: italic, grey, in the score's format.
    let maximum: CellStyle
    let maximumText: CellStyle
    let maximumLabel: CellStyle
    /// The signature block's lines: bold, centred.
    let signature: CellStyle
    /// A section title of `Phương pháp`, bold on the group fill.
    let sectionHeading: CellStyle
    let labelCentered: CellStyle
    let rightAligned: CellStyle
    /// Codes beside the text, in 9 points.
    let small: CellStyle

    /// The number format for a framework's decimals: "0", "0.00", "0.0000".
    static func numberFormat(decimals: Int) -> String {
        decimals > 0 ? "0." + String(repeating: "0", count: decimals) : "0"
    }

    /// A group heading row of `width + 1` cells: the text, then fill-only cells.
    func groupHeadingRow(_ text: String, width: Int) -> [Cell] {
        guard width > 0 else { return [.text(text, style: groupHeading)] }
        return [.text(text, style: groupHeading)]
            + Array(repeating: .blank(style: groupHeadingMiddle), count: width - 1)
            + [.blank(style: groupHeadingLast)]
    }

    init(decimals: Int) {
        func style(
            bold: Bool = false, italic: Bool = false, size: Double = 11, color: Color? = nil, fill: Color? = nil,
            format: String? = nil, align: CellStyle.HorizontalAlignment? = nil, wrap: Bool = false,
            grid: Bool = true
        ) -> CellStyle {
            CellStyle(
                bold: bold, italic: italic, fontSize: size, fontName: Self.font, fontColor: color, fillColor: fill,
                numberFormat: format, horizontalAlignment: align, verticalAlignment: .center, wrapsText: wrap,
                borders: grid ? .all(Self.grid) : .none)
        }
        let number = Self.numberFormat(decimals: decimals)
        title = style(bold: true, size: 14, align: .center, wrap: true, grid: false)
        subtitle = style(bold: true, size: 12, align: .center, grid: false)
        caption = style(italic: true, size: 11, align: .center, grid: false)
        header = CellStyle(
            bold: true, fontSize: 11, fontName: Self.font, fontColor: .white, fillColor: Self.headerFill,
            horizontalAlignment: .center, verticalAlignment: .center, wrapsText: true,
            borders: .all(Border(.thin, color: 0xFFFFFF)))
        groupHeading = CellStyle(
            bold: true, fontSize: 11, fontName: Self.font, fillColor: Self.groupFill, verticalAlignment: .center,
            borders: Borders(top: Self.grid, bottom: Self.grid, left: Self.grid))
        groupHeadingMiddle = CellStyle(
            fontSize: 11, fontName: Self.font, fillColor: Self.groupFill,
            borders: Borders(top: Self.grid, bottom: Self.grid))
        groupHeadingLast = CellStyle(
            fontSize: 11, fontName: Self.font, fillColor: Self.groupFill,
            borders: Borders(top: Self.grid, bottom: Self.grid, right: Self.grid))
        text = style()
        textWrapped = style(wrap: true)
        centered = style(align: .center)
        integer = style(format: "0", align: .center)
        score = style(format: number)
        scoreBold = style(bold: true, format: number)
        percent = style(format: "0.0%")
        notApplicable = style(fill: Self.notApplicableFill)
        note = style(italic: true, size: 10, grid: false)
        label = style(bold: true, wrap: true)
        value = style(wrap: true)
        valueNumber = style(format: "General", align: .left)
        maximum = style(italic: true, color: 0x595959, format: number)
        maximumText = style(italic: true, color: 0x595959, align: .right)
        maximumLabel = style(italic: true, color: 0x595959, align: .right)
        signature = style(bold: true, align: .center, grid: false)
        sectionHeading = style(bold: true, size: 12, fill: Self.groupFill, grid: false)
        labelCentered = style(bold: true, align: .center)
        rightAligned = style(align: .right)
        small = style(size: 9, wrap: true)
    }
}
