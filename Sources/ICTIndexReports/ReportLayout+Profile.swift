import ICTIndexCore
import OrderedCollections
import XLSXWriter

extension ReportLayout {
    /// The pillar profile: for each pillar, the mean attainment (points ÷ max points, or value ÷ scale for an
    /// index) of each group's scored units, with a radar chart (a column chart below three pillars).
    func profileSheet(name: String, rankings: [(group: Group, results: [UnitResult])]) -> Sheet {
        let s = styles
        let pillars = framework.pillars
        let groups = rankings.map(\.group)
        let headers = [words.pillar] + groups.map { $0.name.text(language) }
        let last = headers.count - 1
        var rows: [[Cell]] = [[], headers.map { .text($0, style: s.header) }]
        let merges = [
            Merge(
                CellRange(rows: 0...0, columns: 0...max(last, 1)), value: .text(words.profileTitle, style: s.subtitle))
        ]
        for pillar in pillars {
            var row: [Cell] = [.text(pillar.name.text(language), style: s.textWrapped)]
            let index = scoreboard.index(of: pillar.id)
            for (_, results) in rankings {
                var sum = 0.0
                var count = 0
                for result in results {
                    guard let index else { continue }
                    let r = result.nodes[index]
                    guard r.counts, let value = r.value, framework.scale > 0 else { continue }
                    sum += value / framework.scale
                    count += 1
                }
                row.append(count > 0 ? .number(sum / Double(count), style: s.percent) : .blank(style: s.percent))
            }
            rows.append(row)
        }
        var sheet = Sheet(name: name, rows: rows, merges: merges)
        sheet.columns = [Column(0, width: 36), Column(1...max(1, last), width: 16)]
        sheet.rowHeights = [0: 24, 1: 32]
        sheet.showsGridlines = false
        sheet.pageSetup = landscape(repeating: 1...1)
        guard !pillars.isEmpty, !groups.isEmpty else { return sheet }
        let categories = CellRange(rows: 2...(pillars.count + 1), columns: 0...0)
        let palette: [Color] = [0x2E75B6, 0xC55A11, 0x70AD47, 0x7030A0, 0xBF9000, 0x264478]
        let series = groups.enumerated().map { k, group in
            ChartSeries(
                name: group.name.text(language), categories: categories,
                values: CellRange(rows: 2...(pillars.count + 1), columns: (k + 1)...(k + 1)),
                color: palette[k % palette.count])
        }
        sheet.charts = [
            Chart(
                kind: pillars.count >= 3 ? .radar : .column, title: words.profileTitle, series: series,
                anchor: CellAddress(row: pillars.count + 3, column: 0), width: 760, height: 460)
        ]
        return sheet
    }
}
