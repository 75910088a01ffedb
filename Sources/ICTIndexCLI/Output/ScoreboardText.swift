import Foundation
import ICTIndexCore
import OrderedCollections

/// Column headers and words of the CLI's tables, in Vietnamese (default) or English.
struct TableWords {
    let rank, code, name, score, band, group, units, period, pillarPoints, pillarValues, maxPoints, notRanked,
        weight: String

    init(_ language: Language) {
        switch language {
        case .vi:
            (rank, code, name, score, band, group, units, period) = (
                "Hạng", "Mã", "Tên đơn vị", "Điểm", "Xếp loại", "Khối", "đơn vị", "kỳ"
            )
            (pillarPoints, pillarValues, maxPoints, notRanked, weight) = (
                "Điểm theo nhóm tiêu chí", "Giá trị chỉ số thành phần", "điểm tối đa", "không xếp hạng", "trọng số"
            )
        case .en:
            (rank, code, name, score, band, group, units, period) = (
                "Rank", "Code", "Unit", "Score", "Band", "Group", "units", "period"
            )
            (pillarPoints, pillarValues, maxPoints, notRanked, weight) = (
                "Points per pillar", "Component values", "max points", "not ranked", "weight"
            )
        }
    }
}

/// Renders a scoreboard as an aligned terminal table, one block per group.
struct TableRenderer {
    let scoreboard: Scoreboard
    let language: Language

    /// Whether pillar columns hold points (a points framework, `aggregate: sum` at the root) or the
    /// pillars' values (an index such as the ICT Index or EGDI, where components are read as values).
    var showsPoints: Bool {
        if case .pillar(.sum, _) = scoreboard.framework.root.kind { return true }
        return false
    }

    func render() -> String {
        let words = TableWords(language)
        let framework = scoreboard.framework
        let pillars = framework.pillars
        let decimals = framework.decimals
        let hasBands = !framework.bands.isEmpty
        var blocks: [String] = []
        var title = "\(framework.name.text(language))"
        if let period = scoreboard.period {
            title += " — \(words.period) \(period)"
        } else if let edition = framework.edition {
            title += language == .en ? " — criteria edition \(edition)" : " — phiên bản bộ tiêu chí \(edition)"
        }
        blocks.append(title)
        for (group, results) in scoreboard.rankings() {
            var heading = "\(words.group): \(group.name.text(language)) (\(results.count) \(words.units))"
            if !group.ranked { heading += ", \(words.notRanked)" }
            var header = [words.rank, words.code, words.name, words.score]
            if hasBands { header.append(words.band) }
            var rows: [[String]] = [header + pillars.map(\.id.rawValue)]
            for r in results {
                var row = [
                    r.rank.map(String.init) ?? "—", r.unit.code.rawValue, r.unit.name,
                    r.published.map { NumberFormatting.fixed($0, decimals: decimals) } ?? "—",
                ]
                if hasBands { row.append(r.band?.name.text(language) ?? "—") }
                for pillar in pillars {
                    let result = scoreboard.index(of: pillar.id).map { r.nodes[$0] }
                    let shown = showsPoints ? result?.points : result.flatMap { $0.counts ? $0.value : nil }
                    row.append(shown.map { NumberFormatting.fixed($0, decimals: decimals) } ?? "—")
                }
                rows.append(row)
            }
            let first = header.count
            blocks.append(heading + "\n" + Self.align(rows, rightAligned: [0, 3] + Array(first..<(first + pillars.count))))
        }
        let nominal = framework.nominalWeights()
        let legend = pillars.map { p in
            let note: String
            if showsPoints {
                note = "\(NumberFormatting.short((nominal[p.id] ?? 0) * framework.scale)) \(words.maxPoints)"
            } else {
                note = "\(words.weight) \(NumberFormatting.short(nominal[p.id] ?? 0))"
            }
            return "  \(p.id) = \(p.name.text(language)) (\(note))"
        }
        if !legend.isEmpty {
            blocks.append((showsPoints ? words.pillarPoints : words.pillarValues) + ":\n" + legend.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n")
    }

    /// Pads columns to their widest cell (counting characters, so Vietnamese letters are one column).
    static func align(_ rows: [[String]], rightAligned: [Int]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        let right = Set(rightAligned)
        return rows.map { row in
            row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return right.contains(i) ? pad + cell : (i == row.count - 1 ? cell : cell + pad)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

/// Renders a scoreboard as CSV: `unit, name, group, score, rank, band`, then one column per
/// non-root node in tree order holding its published value.
struct CSVRenderer {
    let scoreboard: Scoreboard
    let language: Language

    func render() -> String {
        let framework = scoreboard.framework
        let nodes = framework.nodes.values.filter { $0.id != framework.rootID }
        let positions = nodes.compactMap { scoreboard.index(of: $0.id) }
        var lines = [(["unit", "name", "group", "score", "rank", "band"] + nodes.map(\.id.rawValue)).map(Self.field)]
        lines.reserveCapacity(scoreboard.units.count + 1)
        for r in scoreboard.units {
            var row = [
                r.unit.code.rawValue, r.unit.name, r.unit.group.rawValue,
                r.published.map { NumberFormatting.fixed($0, decimals: framework.decimals) } ?? "",
                r.rank.map(String.init) ?? "", r.band?.name.text(language) ?? "",
            ]
            for position in positions {
                let value = r.nodes.published(at: position)
                row.append(value.map { NumberFormatting.fixed($0, decimals: framework.decimals) } ?? "")
            }
            lines.append(row.map(Self.field))
        }
        return lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
