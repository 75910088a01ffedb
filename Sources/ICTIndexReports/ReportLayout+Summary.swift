import ICTIndexCore
import OrderedCollections
import XLSXWriter

extension ReportLayout {
    /// `Tổng hợp`: title block, a two-row header, one block per group (heading row, then units by rank), notes.
    ///
    /// Columns: STT, code, name, group, score, rank, band (when the framework has bands), then one column per
    /// pillar (points, or values for an index).
    /// - Returns: The sheet and the range of its score cells (for the `ictindex_scores` name), if any unit.
    func summarySheet(name: String, rankings: [(group: Group, results: [UnitResult])]) -> (Sheet, CellRange?) {
        let pillars = framework.pillars
        let hasBands = !framework.bands.isEmpty
        let scoreColumn = 4
        let bandColumn = hasBands ? 6 : -1
        let firstPillar = hasBands ? 7 : 6
        let lastColumn = firstPillar + pillars.count - 1
        let width = max(lastColumn, firstPillar - 1)
        let headerTop = 4
        let headerBottom = 5
        let s = styles

        var rows: [[Cell]] = []
        var merges: [Merge] = []
        func titleRow(_ text: String, _ style: CellStyle) {
            merges.append(
                Merge(CellRange(rows: rows.count...rows.count, columns: 0...width), value: .text(text, style: style)))
            rows.append([])
        }
        titleRow(framework.name.text(language).uppercased(), s.title)
        let period = words.periodLine(scoreboard.period, edition: framework.edition)
        titleRow(report.run.isDraft ? "\(period) — \(words.draftMark)" : period, s.subtitle)
        titleRow(framework.publication.caption(language), s.caption)
        rows.append([])

        // Two header rows: the fixed columns span both; pillars share a heading above their names.
        var fixed = [words.number, words.code, words.unit, words.group, words.score, words.rank]
        if hasBands { fixed.append(words.band) }
        for (column, text) in fixed.enumerated() {
            merges.append(
                Merge(
                    CellRange(rows: headerTop...headerBottom, columns: column...column),
                    value: .text(text, style: s.header)))
        }
        var top = [Cell](repeating: .empty, count: fixed.count)
        var bottom = [Cell](repeating: .empty, count: fixed.count)
        let heading = showsPoints ? words.pillarPoints : words.pillarValues
        if pillars.count >= 2 {
            merges.append(
                Merge(
                    CellRange(rows: headerTop...headerTop, columns: firstPillar...lastColumn),
                    value: .text(heading, style: s.header)))
        } else if pillars.count == 1 {
            top.append(.text(heading, style: s.header))
        }
        for pillar in pillars {
            bottom.append(.text(pillar.name.text(language) + "\n" + columnNote(pillar), style: s.header))
        }
        rows.append(top)
        rows.append(bottom)

        let pillarColumns = pillars.compactMap { p in scoreboard.index(of: p.id).map { (node: p, index: $0) } }
        let pillarIndices = pillarColumns.map(\.index)
        let firstData = rows.count
        var hasNotApplicable = false
        for (index, entry) in rankings.enumerated() {
            let group = entry.group
            let text = words.groupHeading(
                Self.roman(index + 1), group.name.text(language), count: entry.results.count, ranked: group.ranked)
            rows.append(s.groupHeadingRow(text, width: width))
            if let maxima = groupMaxima(entry.results, columns: pillarColumns) {
                // The group's own "(tối đa …)": a pillar that does not apply to it raises the others' maxima.
                let row = rows.count
                merges.append(
                    Merge(
                        CellRange(rows: row...row, columns: 0...(firstPillar - 1)),
                        value: .text(words.groupMaximum, style: s.maximumLabel)))
                rows.append(Array(repeating: .empty, count: firstPillar) + maxima)
            }
            let groupCell = Cell.text(group.name.text(language), style: s.text)
            for (position, result) in entry.results.enumerated() {
                var row: [Cell] = [
                    .number(Double(position + 1), style: s.integer), .text(result.unit.code.rawValue, style: s.text),
                    .text(result.unit.name, style: s.text), groupCell,
                    number(result.published, s.scoreBold), number(result.rank.map(Double.init), s.integer),
                ]
                if hasBands {
                    row.append(
                        result.band.map { .text($0.name.text(language), style: s.centered) }
                            ?? .blank(style: s.centered))
                }
                let nodes = result.nodes
                for i in pillarIndices {
                    if nodes.applies(at: i) {
                        row.append(number(shown(nodes, i), s.score))
                    } else {
                        hasNotApplicable = true
                        row.append(.blank(style: s.notApplicable))
                    }
                }
                rows.append(row)
            }
            // Under the group: how many units in each band, and the group's average score.
            let scores = entry.results.compactMap(\.published)
            let average =
                scores.isEmpty
                ? nil
                : NumberFormatting.fixed(
                    scores.reduce(0, +) / Double(scores.count), decimals: framework.decimals)
            let bands = framework.bands.map { band in
                (name: band.name.text(language), count: entry.results.filter { $0.band?.id == band.id }.count)
            }
            if !entry.results.isEmpty {
                let row = rows.count
                merges.append(
                    Merge(
                        CellRange(rows: row...row, columns: 0...width),
                        value: .text(words.groupSummary(bands: bands, average: average), style: s.maximumLabel)))
                rows.append([])
            }
        }
        let lastData = rows.count - 1

        // Notes under the table.
        rows.append([])
        if hasBands {
            let list = framework.bands.map { band -> String in
                switch band.bound {
                case .atLeast(let x): "\(band.name.text(language)) ≥ \(short(x))"
                case .above(let x): "\(band.name.text(language)) > \(short(x))"
                case .any: band.name.text(language)
                }
            }
            rows.append([.text(words.bandsNote + list.joined(separator: "; ") + ".", style: s.note)])
        }
        if hasNotApplicable { rows.append([.text(words.notApplicableNote, style: s.note)]) }
        // The signature block of the body that issues the decision, on the right of the notes (so that it does
        // not start a page of its own).
        if let signer = framework.publication.signer, framework.publication.level != .national, width >= 9 {
            let signatureColumns = (width - 4)...width
            let lines = [
                (words.onBehalfOf(framework.publication.issuer.text(language)), s.signature),
                (signer.text(language).uppercased(), s.signature), (words.signHere, s.caption),
            ]
            let first = lastData + 2
            for (offset, line) in lines.enumerated() {
                let row = first + offset
                while rows.count <= row { rows.append([]) }
                merges.append(
                    Merge(CellRange(rows: row...row, columns: signatureColumns), value: .text(line.0, style: line.1)))
            }
        }
        // The tool's details (version, criteria file and its SHA-256, run time) are on 'Phương pháp', not on the annex.

        var sheet = Sheet(name: name, rows: rows, merges: merges)
        let codeWidth = self.codeWidth
        sheet.columns = [
            Column(0, width: 5), Column(1, width: codeWidth), Column(2, width: 34), Column(3, width: 15),
            Column(4, width: 9), Column(5, width: 8),
        ]
        if hasBands { sheet.columns.append(Column(6, width: 11)) }
        if !pillars.isEmpty { sheet.columns.append(Column(firstPillar...lastColumn, width: 12.5)) }
        let longest = pillars.map { $0.name.text(language).count }.max() ?? 0
        let lines = Double(longest / 11 + 2)
        sheet.rowHeights = [0: 24, 1: 18, 2: 17, 3: 6, headerTop: 20, headerBottom: max(32, 14.5 * lines)]
        sheet.freezePanes = CellAddress(row: headerBottom + 1, column: 3)
        sheet.pageSetup = landscape(repeating: headerTop...headerBottom)
        sheet.showsGridlines = false
        guard lastData >= firstData else { return (sheet, nil) }
        sheet.autoFilter = CellRange(rows: headerBottom...lastData, columns: 0...width)
        let scores = CellRange(rows: firstData...lastData, columns: scoreColumn...scoreColumn)
        sheet.conditionalFormats = [ConditionalFormat(scores, rule: .dataBar(color: 0x5B9BD5))]
        if hasBands {
            sheet.conditionalFormats += bandFormats(
                bandColumn: bandColumn, scoreColumn: scoreColumn, rows: firstData...lastData)
        }
        return (sheet, scores)
    }
}
