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
        var sheet = Sheet(name: name, rows: rows, merges: merges)
        sheet.columns = [
            Column(0, width: 8), Column(1, width: codeWidth), Column(2, width: 36), Column(3, width: 10),
            Column(4, width: 11),
        ]
        sheet.rowHeights = [0: 24, 1: 30]
        sheet.freezePanes = "A3"
        sheet.showsGridlines = false
        sheet.pageSetup = PageSetup(
            orientation: .portrait, paperSize: .a4, fitToWidth: 1, repeatedRows: 1...1, footer: footer,
            margins: PageMargins(left: 0.5, right: 0.5, top: 0.6, bottom: 0.6), centersHorizontally: true)
        guard !results.isEmpty else { return sheet }
        let lastRow = results.count + 1
        sheet.autoFilter = CellRange(rows: 1...lastRow, columns: 0...last)
        let scores = CellRange(rows: 2...lastRow, columns: 3...3)
        sheet.conditionalFormats = [ConditionalFormat(scores, rule: .dataBar(color: 0x5B9BD5))]
        if hasBands { sheet.conditionalFormats += bandFormats(bandColumn: 4, scoreColumn: 3, rows: 2...lastRow) }
        let shown = min(results.count, report.options.chartUnitLimit)
        let chartRows = 2...(shown + 1)
        sheet.charts = [
            Chart(
                kind: .column, title: words.chartTitle(shown: shown, of: results.count),
                series: [
                    ChartSeries(
                        name: words.score, categories: CellRange(rows: chartRows, columns: 2...2),
                        values: CellRange(rows: chartRows, columns: 3...3), color: 0x2E75B6)
                ],
                valueAxisTitle: showsPoints ? words.points : words.value,
                anchor: CellAddress(row: 1, column: last + 2), width: min(1100, max(520, 28 * shown + 160)),
                height: 420,
                showsLegend: false)
        ]
        return sheet
    }
}
