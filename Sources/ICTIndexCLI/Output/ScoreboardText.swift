import Foundation
import ICTIndexCore
import OrderedCollections

/// Column headers and words of the CLI's tables, in Vietnamese (default) or English.
struct TableWords {
    let rank, code, name, score, band, group, units, period, pillars, maxPoints, notRanked, warnings: String

    init(_ language: Language) {
        switch language {
        case .vi:
            (rank, code, name, score, band, group, units, period, pillars, maxPoints, notRanked, warnings) = (
                "Hạng", "Mã", "Tên đơn vị", "Điểm", "Xếp loại", "Khối", "đơn vị", "kỳ", "Nhóm tiêu chí",
                "điểm tối đa", "không xếp hạng", "cảnh báo"
            )
        case .en:
            (rank, code, name, score, band, group, units, period, pillars, maxPoints, notRanked, warnings) = (
                "Rank", "Code", "Unit", "Score", "Band", "Group", "units", "period", "Pillars", "max points",
                "not ranked", "warnings"
            )
        }
    }
}

/// Renders a scoreboard as an aligned terminal table, one block per group.
struct TableRenderer {
    let scoreboard: Scoreboard
    let language: Language

    func render() -> String {
        let words = TableWords(language)
        let framework = scoreboard.framework
        let pillars = framework.pillars
        let decimals = framework.decimals
        var blocks: [String] = []
        var title = "\(framework.name.text(language))"
        if let period = scoreboard.period { title += " — \(words.period) \(period)" }
        blocks.append(title)
        for (group, results) in scoreboard.rankings() {
            var heading = "\(words.group): \(group.name.text(language)) (\(results.count) \(words.units))"
            if !group.ranked { heading += ", \(words.notRanked)" }
            var rows: [[String]] = [[words.rank, words.code, words.name, words.score, words.band] + pillars.map(\.id.rawValue)]
            for r in results {
                var row = [
                    r.rank.map(String.init) ?? "—", r.unit.code.rawValue, r.unit.name,
                    r.published.map { NumberFormatting.fixed($0, decimals: decimals) } ?? "—",
                    r.band?.name.text(language) ?? "—",
                ]
                for pillar in pillars {
                    let result = scoreboard.index(of: pillar.id).map { r.nodes[$0] }
                    row.append(result?.points.map { NumberFormatting.fixed($0, decimals: decimals) } ?? "—")
                }
                rows.append(row)
            }
            blocks.append(heading + "\n" + Self.align(rows, rightAligned: [0, 3] + Array(5..<(5 + pillars.count))))
        }
        let nominal = framework.nominalWeights()
        let legend = pillars.map { p in
            let max = (nominal[p.id] ?? 0) * framework.scale
            return "  \(p.id) = \(p.name.text(language)) (\(NumberFormatting.short(max)) \(words.maxPoints))"
        }
        if !legend.isEmpty { blocks.append(words.pillars + ":\n" + legend.joined(separator: "\n")) }
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
        var lines = [(["unit", "name", "group", "score", "rank", "band"] + nodes.map(\.id.rawValue)).map(Self.field)]
        for r in scoreboard.units {
            var row = [
                r.unit.code.rawValue, r.unit.name, r.unit.group.rawValue,
                r.published.map { NumberFormatting.fixed($0, decimals: framework.decimals) } ?? "",
                r.rank.map(String.init) ?? "", r.band?.name.text(language) ?? "",
            ]
            for node in nodes {
                let value = scoreboard.index(of: node.id).flatMap { r.nodes[$0].published }
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
