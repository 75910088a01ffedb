extension Sheet {
    /// Makes every row tall enough for its wrapped text (see ``WrappedText``).
    ///
    /// Looks at each cell whose style wraps text and at each merged range on a single row whose value does, measures
    /// the text against the width of its column (or of the merged columns) and the style's font size (11 when it has
    /// none), and raises the row's height when the text needs more than one line. A height set before is kept when it
    /// is taller. An indented cell loses two characters of width per level. Hidden columns count as width 0; a column with no width set counts as Excel's default, 8.43.
    /// Merged ranges over several rows are left alone: their height is the sum of their rows.
    ///
    /// For example:
    /// ```swift
    /// var sheet = Sheet(name: "Hướng dẫn", rows: [[.text(longParagraph, style: CellStyle(wrapsText: true))]])
    /// sheet.columns = [Column(0, width: 100)]
    /// sheet.fitRowHeights()
    /// ```
    ///
    /// - Complexity: O(*n*) in the number of cells plus the length of each distinct wrapped text; the same text in
    ///   the same column is measured once.
    public mutating func fitRowHeights() {
        var widths: [Double] = []
        for column in columns {
            if widths.count <= column.columns.upperBound {
                widths += repeatElement(Self.defaultColumnWidth, count: column.columns.upperBound + 1 - widths.count)
            }
            for index in column.columns {
                widths[index] = column.isHidden ? 0 : (column.width ?? Self.defaultColumnWidth)
            }
        }
        func width(_ columns: ClosedRange<Int>) -> Double {
            columns.reduce(0) { $0 + ($1 < widths.count ? widths[$1] : Self.defaultColumnWidth) }
        }
        struct Key: Hashable {
            let text: String
            let width: Double
            let size: Double
        }
        var measured: [Key: Double] = [:]
        func need(_ cell: Cell, width: Double) -> Double? {
            let style = cell.style
            guard style.wrapsText, case .text(let text, _) = cell, width > 0 else { return nil }
            let size = style.fontSize ?? 11
            // Each indent level takes about two characters off the line (Excel indents by three spaces' width).
            let width = max(1, width - 2 * Double(style.indent))
            let key = Key(text: text, width: width, size: size)
            if let height = measured[key] { return height }
            let lines = WrappedText.lines(text, columnWidth: width, fontSize: size)
            let height = lines > 1 ? WrappedText.height(lines: lines, fontSize: size) : 0
            measured[key] = height
            return height
        }
        func raise(_ row: Int, to height: Double) {
            guard height > 0, height > (rowHeights[row] ?? 0) else { return }
            rowHeights[row] = height
        }
        for (r, row) in rows.enumerated() {
            for c in row.indices {
                // Only text wraps; matching the case first skips numbers without touching their styles, which
                // keeps this pass cheap on a million-cell scoreboard.
                guard case .text(_, let style) = row[c], style.wrapsText else { continue }
                if let height = need(row[c], width: c < widths.count ? widths[c] : Self.defaultColumnWidth) {
                    raise(r, to: height)
                }
            }
        }
        for merge in merges where merge.range.first.row == merge.range.last.row {
            let columns = merge.range.first.column...merge.range.last.column
            if let height = need(merge.value, width: width(columns)) { raise(merge.range.first.row, to: height) }
        }
    }

    /// Makes one row tall enough for a text that a formula shows, which ``fitRowHeights()`` cannot see (the
    /// result is known only when the workbook is calculated).
    ///
    /// - Parameters:
    ///   - row: The zero-based row.
    ///   - text: The longest text the row's formula can show.
    ///   - columnWidth: The width of the formula's column (or merged columns), in characters.
    ///   - fontSize: The font size in points.
    public mutating func fitRowHeight(_ row: Int, toShow text: String, columnWidth: Double, fontSize: Double = 11) {
        let lines = WrappedText.lines(text, columnWidth: columnWidth, fontSize: fontSize)
        guard lines > 1 else { return }
        let height = WrappedText.height(lines: lines, fontSize: fontSize)
        if height > (rowHeights[row] ?? 0) { rowHeights[row] = height }
    }

    /// Excel's default column width in characters.
    static let defaultColumnWidth = 8.43
}
