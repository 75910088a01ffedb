import ICTIndexCore
import OrderedCollections
import XLSXWriter

extension ReportLayout {
    /// One ranked group: rank, code, name, score, band, and a column chart of the scores of the top units.
    func rankingSheet(name: String, group: Group, results: [UnitResult]) -> Sheet {
        let s = styles
        let hasBands = !framework.bands.isEmpty
        let headers = [words.rank, words.code, words.unit, words.score] + (hasBands ? [words.band] : [])
        let last = headers.count - 1
        var title = words.rankingTitle(group.name.text(language))
        if let period = scoreboard.period { title += " — \(period)" }
        var rows: [[Cell]] = [[], headers.map { .text($0, style: s.header) }]
        let merges = [Merge(CellRange(rows: 0...0, columns: 0...last), value: .text(title, style: s.subtitle))]
        for result in results {
            var row: [Cell] = [
                number(result.rank.map(Double.init), s.integer), .text(result.unit.code.rawValue, style: s.text),
                .text(result.unit.name, style: s.text), number(result.published, s.scoreBold),
            ]
            if hasBands {
                row.append(
                    result.band.map { .text($0.name.text(language), style: s.centered) } ?? .blank(style: s.centered))
            }
            rows.append(row)
        }
        let widths: [Double] = [8, codeWidth, 36, 10, 11]
        var sheet = Sheet(name: name, rows: rows, merges: merges)
        sheet.columns = widths.enumerated().map { Column($0.offset, width: $0.element) }
        sheet.rowHeights = [0: 24, 1: 30]
        sheet.freezePanes = "A3"
        sheet.showsGridlines = false
        // One page wide (LibreOffice's columns come out wider than Excel's), so the table is scaled by a few per
        // cent at most and keeps its 11-point text at any number of units; the chart's page break is honoured.
        sheet.pageSetup = PageSetup(
            orientation: .portrait, paperSize: .a4, fitToWidth: 1, repeatedRows: 1...1, footer: footer,
            margins: PageMargins(left: 0.5, right: 0.5, top: 0.6, bottom: 0.6), centersHorizontally: true,
            firstPageNumber: 1)
        guard !results.isEmpty else { return sheet }
        let lastRow = results.count + 1
        sheet.autoFilter = CellRange(rows: 1...lastRow, columns: 0...last)
        let scores = CellRange(rows: 2...lastRow, columns: 3...3)
        sheet.conditionalFormats = [ConditionalFormat(scores, rule: .dataBar(color: 0x5B9BD5))]
        if hasBands { sheet.conditionalFormats += bandFormats(bandColumn: 4, scoreColumn: 3, rows: 2...lastRow) }
        addChart(to: &sheet, results: results, lastRow: lastRow, tableColumns: last, widths: widths)
        return sheet
    }

    /// The chart of a ranking sheet, on its own page below the table, as wide as the table.
    ///
    /// A bar chart, so every unit's name reads horizontally, from a small block beside the table (outside the
    /// printed area) that lists the units from the last shown to the first (a bar chart draws its first category
    /// at the bottom, so rank 1 comes out on top). Up to ``ScoreboardReport/Options/chartUnitLimit`` units it shows
    /// every unit; above that the top and bottom halves of the limit, with a "…" bar that says how many units lie
    /// between them, and its title says so.
    private func addChart(
        to sheet: inout Sheet, results: [UnitResult], lastRow: Int, tableColumns last: Int, widths: [Double]
    ) {
        let s = styles
        let limit = max(2, report.options.chartUnitLimit)
        var shown: [UnitResult?]
        let title: String
        if results.count <= limit {
            shown = results.map { $0 }
            title = words.chartTitle(shown: results.count, of: results.count)
        } else {
            let top = limit / 2
            let bottom = limit - top
            shown = results.prefix(top).map { $0 } + [nil] + results.suffix(bottom).map { $0 }
            title = words.chartTitle(top: top, bottom: bottom, of: results.count)
        }
        let skipped = results.count - (shown.count - (results.count > limit ? 1 : 0))
        let first = last + 2
        sheet[CellAddress(row: 1, column: first)] = .text(words.unit, style: s.header)
        sheet[CellAddress(row: 1, column: first + 1)] = .text(words.score, style: s.header)
        for (offset, result) in shown.reversed().enumerated() {
            let row = 2 + offset
            guard let result else {
                sheet[CellAddress(row: row, column: first)] = .text(words.chartGap(skipped), style: s.note)
                continue
            }
            let rank = result.rank.map { "\($0). " } ?? ""
            sheet[CellAddress(row: row, column: first)] = .text(rank + result.unit.name, style: s.text)
            sheet[CellAddress(row: row, column: first + 1)] = number(result.published, s.score)
        }
        let lastDataRow = 1 + shown.count
        sheet.columns += [Column(first, width: 36), Column(first + 1, width: 10)]
        // Below the table, on a page of its own: a chart is never split across pages.
        let anchorRow = lastRow + 2
        let width = Int(widths.reduce(0) { $0 + ($1 * 7 + 5).rounded(.down) })
        let height = min(1000, 18 * shown.count + 110)
        sheet.charts = [
            Chart(
                kind: .bar, title: title,
                series: [
                    ChartSeries(
                        name: words.score, categories: CellRange(rows: 2...lastDataRow, columns: first...first),
                        values: CellRange(rows: 2...lastDataRow, columns: (first + 1)...(first + 1)), color: 0x2E75B6)
                ],
                valueAxisTitle: showsPoints ? words.points : words.value,
                anchor: CellAddress(row: anchorRow, column: 0), width: width, height: height, showsLegend: false)
        ]
        sheet.pageSetup.rowBreaks = [anchorRow]
        // The printed area: the table and the chart (20 pixels a row), not the chart's data beside the table.
        sheet.pageSetup.printArea = CellRange(rows: 0...(anchorRow + height / 20 + 1), columns: 0...last)
    }
}
