import ICTIndexCore
import OrderedCollections
import XLSXWriter

extension ReportLayout {
    /// One pillar: per group, units by pillar rank with the pillar's points (or value) and rank, then every node
    /// under the pillar (sub-pillars and indicators) in tree order.
    func pillarSheet(name: String, pillar: Node, rankings: [(group: Group, results: [UnitResult])]) -> Sheet {
        let s = styles
        let descendants = framework.nodes.values.filter {
            $0.id != pillar.id && framework.path(to: $0.id).contains(pillar.id)
        }
        guard let pillarIndex = scoreboard.index(of: pillar.id) else { return Sheet(name: name) }
        let columns = descendants.compactMap { node in scoreboard.index(of: node.id).map { (node, $0) } }
        let fixed = [
            words.number, words.code, words.unit, showsPoints ? words.pillarScore("") : words.pillarValue,
            words.pillarRank,
        ]
        let last = fixed.count + columns.count - 1
        let maxText = short((nominal[pillar.id] ?? 0) * framework.scale)
        let title =
            showsPoints
            ? words.pillarTitle(pillar.name.text(language), max: maxText)
            : words.pillarIndexTitle(pillar.name.text(language)) + " " + columnNote(pillar)
        var rows: [[Cell]] = [[], [], []]
        var merges = [Merge(CellRange(rows: 0...0, columns: 0...last), value: .text(title, style: s.subtitle))]
        merges.append(
            Merge(
                CellRange(rows: 1...1, columns: 0...last),
                value: .text(words.periodLine(scoreboard.period, edition: framework.edition), style: s.caption)))
        var header = fixed.map { Cell.text($0, style: s.header) }
        var boldColumns: Set<Int> = []
        for (offset, (node, _)) in columns.enumerated() {
            var text = node.name.text(language) + "\n" + columnNote(node)
            if !node.isIndicator {
                text = node.name.text(language).uppercased() + "\n" + columnNote(node)
                boldColumns.insert(fixed.count + offset)
            }
            header.append(.text(text, style: s.header))
        }
        rows.append(header)
        let columnStyles = columns.indices.map { boldColumns.contains(fixed.count + $0) ? s.scoreBold : s.score }
        var hasNotApplicable = false
        for (index, entry) in rankings.enumerated() {
            // Sort positions by precomputed keys: moving whole UnitResult values around costs far more.
            let results = entry.results
            let keys = results.map { r in
                (rank: r.nodes.rank(at: pillarIndex) ?? Int.max, shown: shown(r.nodes, pillarIndex) ?? -.infinity)
            }
            let order = results.indices.sorted { a, b in
                if keys[a].rank != keys[b].rank { return keys[a].rank < keys[b].rank }
                if keys[a].shown != keys[b].shown { return keys[a].shown > keys[b].shown }
                return results[a].unit.code < results[b].unit.code
            }
            // The engine ranks pillars within their group; an index whose pillars are its indicators (the ICT
            // Index: infrastructure, human resources, applications) has no such rank, so the sheet ranks the
            // shown values itself: highest first, equal values sharing a rank (1, 2, 2, 4).
            var ranks = results.map { $0.nodes.rank(at: pillarIndex) }
            if entry.group.ranked, ranks.allSatisfy({ $0 == nil }) {
                for (position, k) in order.enumerated() {
                    guard let value = keys[k].shown.isFinite ? keys[k].shown : nil else { continue }
                    let previous = position > 0 ? order[position - 1] : nil
                    if let previous, keys[previous].shown == value, let rank = ranks[previous] {
                        ranks[k] = rank
                    } else {
                        ranks[k] = position + 1
                    }
                }
            }
            let text = words.groupHeading(
                Self.roman(index + 1), entry.group.name.text(language), count: results.count, ranked: entry.group.ranked
            )
            rows.append(s.groupHeadingRow(text, width: last))
            if let maxima = groupMaxima(
                results, columns: [(node: pillar, index: pillarIndex)] + columns.map { (node: $0.0, index: $0.1) })
            {
                let row = rows.count
                merges.append(
                    Merge(
                        CellRange(rows: row...row, columns: 0...2),
                        value: .text(words.groupMaximum, style: s.maximumLabel)))
                rows.append([.empty, .empty, .empty, maxima[0], .blank(style: s.text)] + maxima.dropFirst())
            }
            for (position, k) in order.enumerated() {
                let result = results[k]
                let nodes = result.nodes
                var row: [Cell] = [
                    .number(Double(position + 1), style: s.integer), .text(result.unit.code.rawValue, style: s.text),
                    .text(result.unit.name, style: s.text),
                    nodes.applies(at: pillarIndex)
                        ? number(shown(nodes, pillarIndex), s.scoreBold) : .blank(style: s.notApplicable),
                    number(ranks[k].map(Double.init), s.integer),
                ]
                row.reserveCapacity(fixed.count + columns.count)
                for (offset, (_, i)) in columns.enumerated() {
                    if !nodes.applies(at: i) {
                        hasNotApplicable = true
                        row.append(.blank(style: s.notApplicable))
                    } else {
                        row.append(number(shown(nodes, i), columnStyles[offset]))
                    }
                }
                rows.append(row)
            }
        }
        let lastData = rows.count - 1
        if hasNotApplicable {
            rows.append([])
            rows.append([.text(words.notApplicableNote, style: s.note)])
        }
        var sheet = Sheet(name: name, rows: rows, merges: merges)
        sheet.columns = [
            Column(0, width: 5), Column(1, width: codeWidth), Column(2, width: 32), Column(3, width: 10),
            Column(4, width: 8),
        ]
        if !columns.isEmpty { sheet.columns.append(Column(fixed.count...last, width: 12)) }
        let longest = columns.map { $0.0.name.text(language).count }.max() ?? 0
        sheet.rowHeights = [0: 22, 3: max(45, 14.5 * Double(longest / 11 + 2))]
        sheet.freezePanes = CellAddress(row: 4, column: 3)
        sheet.showsGridlines = false
        sheet.pageSetup = landscape(repeating: 3...3)
        if lastData >= 4 {
            sheet.autoFilter = CellRange(rows: 3...lastData, columns: 0...last)
            sheet.conditionalFormats = [
                ConditionalFormat(CellRange(rows: 4...lastData, columns: 3...3), rule: .dataBar(color: 0x5B9BD5))
            ]
        }
        return sheet
    }
}
