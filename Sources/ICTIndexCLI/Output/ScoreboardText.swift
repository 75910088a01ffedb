import Foundation
import ICTIndexCore
import OrderedCollections

/// Column headers and words of the CLI's tables, in Vietnamese (default) or English.
struct TableWords {
    let rank, code, name, score, band, group, units, period, pillarPoints, pillarValues, maxPoints,
        notRanked,
        weight: String

    init(_ language: Language) {
        switch language {
        case .vi:
            (rank, code, name, score, band, group, units, period) = (
                "Hạng", "Mã", "Tên đơn vị", "Điểm", "Xếp loại", "Khối", "đơn vị", "kỳ"
            )
            (pillarPoints, pillarValues, maxPoints, notRanked, weight) = (
                "Điểm theo nhóm tiêu chí", "Giá trị chỉ số thành phần", "điểm tối đa", "không xếp hạng",
                "trọng số"
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
    var showsPoints: Bool { scoreboard.framework.publishesPoints }

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
        blocks.append(MessageText.escapingControlCharacters(title))
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
            blocks.append(
                MessageText.escapingControlCharacters(heading) + "\n"
                    + Self.align(rows, rightAligned: [0, 3] + Array(first..<(first + pillars.count))))
        }
        let nominal = framework.nominalWeights()
        let legend = pillars.map { p in
            let note: String
            if showsPoints {
                note =
                    "\(NumberFormatting.short((nominal[p.id] ?? 0) * framework.scale)) \(words.maxPoints)"
            } else {
                note = "\(words.weight) \(NumberFormatting.short(nominal[p.id] ?? 0))"
            }
            return MessageText.escapingControlCharacters("  \(p.id) = \(p.name.text(language)) (\(note))")
        }
        if !legend.isEmpty {
            blocks.append(
                (showsPoints ? words.pillarPoints : words.pillarValues) + ":\n"
                    + legend.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n")
    }

    /// Pads columns to their widest cell (counting characters, so Vietnamese letters are one column).
    ///
    /// Control characters in a cell (a name with ESC, BEL, NUL or a newline) are written visibly
    /// (``MessageText/escapingControlCharacters(_:)``), so a cell stays on its line and cannot drive the terminal.
    static func align(_ cells: [[String]], rightAligned: [Int]) -> String {
        let rows = cells.map { $0.map(MessageText.escapingControlCharacters) }
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

/// Renders a scoreboard as CSV: `unit, name, group, score, rank, band`, then one column per non-root node in tree
/// order holding its value on `[0, scale]` (headed by the node's id); in a points framework
/// (``Framework/publishesPoints``) then one column per non-root node holding its points, headed `ID:points`, the
/// figures of the table and the Excel annex. A node without a value for the unit leaves its value cell empty, and
/// one that does not count for it (not applicable, skipped) its points cell.
struct CSVRenderer {
    let scoreboard: Scoreboard
    let language: Language

    /// The scoreboard as CSV: a header, then one line per unit; numbers as the framework publishes them.
    func render() -> String {
        String(decoding: renderBytes(), as: UTF8.self)
    }

    /// ``render()``'s text as UTF-8 bytes, for writing without making a string of the whole output.
    func renderBytes() -> [UInt8] {
        renderParts().flatMap { $0 }
    }

    /// ``render()``'s text as UTF-8 bytes in consecutive parts, to write one after the other: the header and
    /// the rows of a large scoreboard are formatted on every core, a part per core.
    func renderParts() -> [[UInt8]] {
        let framework = scoreboard.framework
        let nodes = framework.nodes.values.filter { $0.id != framework.rootID }
        let positions = nodes.compactMap { scoreboard.index(of: $0.id) }
        let points = framework.publishesPoints
        var header = ["unit", "name", "group", "score", "rank", "band"] + nodes.map(\.id.rawValue)
        if points { header += nodes.map { "\($0.id.rawValue):\(Self.pointsSuffix)" } }
        var first: [UInt8] = []
        for (k, name) in header.enumerated() {
            if k > 0 { first.append(UInt8(ascii: ",")) }
            Self.appendText(name, to: &first)
        }
        first.append(UInt8(ascii: "\n"))
        let rowBytes = 48 + (8 + max(0, framework.decimals)) * positions.count * (points ? 2 : 1)
        let units = scoreboard.units
        let ranges = Parallel.ranges(units.count, minimum: 100_000 / max(1, positions.count))
        var parts = [[UInt8]](repeating: [], count: ranges.count)
        parts.withUnsafeMutableBufferPointer { parts in
            Parallel.forEach(ranges) { p, range in
                var out: [UInt8] = p == 0 ? first : []
                out.reserveCapacity(out.count + range.count * rowBytes)
                for r in units[range] {
                    appendRow(r, positions: positions, points: points, to: &out)
                }
                parts[p] = out
            }
        }
        return parts
    }

    /// One unit's line.
    private func appendRow(_ r: UnitResult, positions: [Int], points: Bool, to out: inout [UInt8]) {
        let decimals = scoreboard.framework.decimals
        Self.appendText(r.unit.code.rawValue, to: &out)
        out.append(UInt8(ascii: ","))
        Self.appendText(r.unit.name, to: &out)
        out.append(UInt8(ascii: ","))
        Self.appendText(r.unit.group.rawValue, to: &out)
        out.append(UInt8(ascii: ","))
        if let score = r.published {
            NumberFormatting.appendFixed(score, decimals: decimals, to: &out)
        }
        out.append(UInt8(ascii: ","))
        if let rank = r.rank { out += String(rank).utf8 }
        out.append(UInt8(ascii: ","))
        if let band = r.band { Self.appendText(band.name.text(language), to: &out) }
        for position in positions {
            out.append(UInt8(ascii: ","))
            // Rounded as it is formatted: the digits of `published(at:)`, with one rounding instead of two.
            if let value = r.nodes.unrounded(at: position) {
                NumberFormatting.appendFixed(value, decimals: decimals, to: &out)
            }
        }
        if points {
            for position in positions {
                out.append(UInt8(ascii: ","))
                if let value = r.nodes.points(at: position) {
                    NumberFormatting.appendFixed(value, decimals: decimals, to: &out)
                }
            }
        }
        out.append(UInt8(ascii: "\n"))
    }

    /// The suffix of a points column's header (`infra:points`): `:` is never part of a node id, so a header names
    /// one column whatever the ids are.
    static let pointsSuffix = "points"

    /// A text cell, safe to open in a spreadsheet: control characters other than tab and line breaks are
    /// written as `\xHH`; a cell that a spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`,
    /// a tab or a CR: OWASP's "CSV injection" rule) gets a leading `'`, so it shows as text; a cell with `,`,
    /// `"`, a line break or that guard is quoted, with `"` doubled. Numbers are not text cells: a negative
    /// score stays a number.
    static func appendText(_ text: String, to out: inout [UInt8]) {
        let bytes = text.utf8
        let formula =
            bytes.first.map {
                [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]
                    .contains($0)
            } ?? false
        let quoted =
            formula
            || bytes.contains {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
            }
        if quoted { out.append(UInt8(ascii: "\"")) }
        if formula { out.append(UInt8(ascii: "'")) }
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        for b in bytes {
            switch b {
            case UInt8(ascii: "\""):
                out += [b, b]
            case 0x09, 0x0A, 0x0D:
                out.append(b)
            case 0x00..<0x20, 0x7F:
                out += [UInt8(ascii: "\\"), UInt8(ascii: "x"), hex[Int(b >> 4)], hex[Int(b & 0x0F)]]
            default:
                out.append(b)
            }
        }
        if quoted { out.append(UInt8(ascii: "\"")) }
    }
}
