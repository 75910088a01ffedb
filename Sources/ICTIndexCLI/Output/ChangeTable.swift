import ICTIndexCore
import ICTIndexService
import ICTIndexStorage
import OrderedCollections

/// A stored run's ranking per group, with each unit's change since the previous period following lineage:
/// `↑2 (+3.10)`, `đổi tên từ X; ↓1 (−0.50)`, `sáp nhập từ A (hạng 3, 71.20), B (hạng 17, 55.00)`, `mới`.
struct ChangeTable {
    let framework: Framework
    let run: StoredRun
    let changes: [UnitCode: UnitChange]
    let language: Language

    func render() -> String {
        let words = TableWords(language)
        let decimals = framework.decimals
        let hasBands = !framework.bands.isEmpty
        let previous = changes.values.first?.previousPeriod
        var title = "\(framework.name.text(language)) — \(words.period) \(run.summary.period)"
        if let previous { title += language.say(vi: " (so với \(previous))", en: " (change vs \(previous))") }
        var blocks = [title]
        for group in framework.groups.values {
            let members = run.results.filter { $0.unit.group == group.id }.sorted(by: StoredResult.rankOrder)
            guard !members.isEmpty else { continue }
            var heading = "\(words.group): \(group.name.text(language)) (\(members.count) \(words.units))"
            if !group.ranked { heading += ", \(words.notRanked)" }
            var header = [words.rank, words.code, words.name, words.score]
            if hasBands { header.append(words.band) }
            if previous != nil { header.append(language.say(vi: "Thay đổi", en: "Change")) }
            var rows = [header]
            for r in members {
                var row = [
                    r.rank.map(String.init) ?? "—", r.unit.code.rawValue, r.unit.name,
                    r.published.map { NumberFormatting.fixed($0, decimals: decimals) } ?? "—",
                ]
                if hasBands {
                    let band = r.band.flatMap { id in framework.bands.first { $0.id == id } }
                    row.append(band?.name.text(language) ?? "—")
                }
                if previous != nil { row.append(changes[r.unit.code].map { text($0, for: r) } ?? "") }
                rows.append(row)
            }
            blocks.append(
                MessageText.escapingControlCharacters(heading) + "\n" + TableRenderer.align(rows, rightAligned: [0, 3]))
        }
        return blocks.joined(separator: "\n\n")
    }

    /// The change cell of one unit.
    func text(_ change: UnitChange, for result: StoredResult) -> String {
        ChangeText(decimals: framework.decimals, language: language).text(change, for: result)
    }
}
