import ArgumentParser
import Foundation
import ICTIndexCore
import ICTIndexService
import ICTIndexStorage
import OrderedCollections

/// `ictindex compare --period P`: self-assessed vs appraised values and scores.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "So sánh tự đánh giá và thẩm định / Compare self-assessed and appraised values and scores.",
        discussion: """
            Lists every value the appraisal changed, then each unit's score from its own values against its \
            score after appraisal. Differences are marked with ≠ (and highlighted on a terminal).

            Example:
              ictindex compare --period 2025
            """
    )

    @Option(help: "The period (e.g. 2025).", transform: PeriodArgument.parse)
    var period: String

    @Option(help: "The criteria file (default: the last one used for the period).")
    var framework: String?

    @Option(help: "Language of headers: vi or en.")
    var lang: OutputLanguage = .vi

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        try Console.run {
            let database = try options.openForReading()
            let framework = try CriteriaSource.forPeriod(period, path: self.framework, database: database)
            let pairs = try database.valuePairs(forPeriod: period)
            let own = try Engine(framework: framework).score(
                database.dataset(forPeriod: period, sources: [.selfAssessed]).dataset)
            let appraised = try Engine(framework: framework).score(database.dataset(forPeriod: period).dataset)
            Console.out(
                ComparisonText(
                    framework: framework, period: period, pairs: pairs, own: own, appraised: appraised,
                    language: lang.language,
                    colour: isatty(STDOUT_FILENO) == 1
                        && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
                ).render())
        }
    }
}

/// The text of `compare`.
struct ComparisonText {
    let framework: Framework
    let period: String
    let pairs: [ValuePair]
    let own: Scoreboard
    let appraised: Scoreboard
    let language: Language
    let colour: Bool

    func render() -> String {
        let en = language == .en
        let decimals = framework.decimals
        func mark(_ text: String) -> String { colour ? "\u{1B}[1;33m\(text)\u{1B}[0m" : text }
        var blocks = [
            language.say(
                vi: "Tự đánh giá / Thẩm định — kỳ \(period)", en: "Self-assessed vs appraised — period \(period)")
        ]
        var valueRows = [
            en
                ? ["", "Code", "Variable", "Self-assessed", "Appraised", "Reason"]
                : ["", "Mã", "Biến", "Tự đánh giá", "Thẩm định", "Lý do"]
        ]
        for p in pairs where p.appraised != nil && p.selfAssessed != p.appraised {
            valueRows.append([
                "≠", p.unit.rawValue, p.variable.rawValue, p.selfAssessed?.description ?? "—",
                p.appraised?.description ?? "—", MessageText.escapingControlCharacters(p.reason ?? ""),
            ])
        }
        let changed = valueRows.count - 1
        blocks.append(
            (language.say(
                vi: "Giá trị thay đổi khi thẩm định: \(changed)", en: "Values changed by the appraisal: \(changed)"))
                + (changed > 0 ? "\n" + colourRows(TableRenderer.align(valueRows, rightAligned: [3, 4]), mark) : ""))
        var scoreRows = [
            en
                ? ["", "Code", "Unit", "Self-assessed", "Appraised", "Difference", "Rank"]
                : ["", "Mã", "Tên đơn vị", "Tự chấm", "Thẩm định", "Chênh lệch", "Hạng"]
        ]
        for r in appraised.units {
            let mine = own.result(for: r.unit.code)
            let a = r.published
            let s = mine?.published
            let delta = (a != nil && s != nil) ? (a ?? 0) - (s ?? 0) : nil
            let differs = delta.map { $0 != 0 } ?? (a != s)
            scoreRows.append([
                differs ? "≠" : "", r.unit.code.rawValue, r.unit.name,
                s.map { NumberFormatting.fixed($0, decimals: decimals) } ?? "—",
                a.map { NumberFormatting.fixed($0, decimals: decimals) } ?? "—",
                delta.map { ($0 > 0 ? "+" : $0 < 0 ? "−" : "") + NumberFormatting.fixed(abs($0), decimals: decimals) }
                    ?? "—",
                "\(mine?.rank.map(String.init) ?? "—") → \(r.rank.map(String.init) ?? "—")",
            ])
        }
        blocks.append(
            (language.say(vi: "Điểm", en: "Scores")) + "\n"
                + colourRows(TableRenderer.align(scoreRows, rightAligned: [3, 4, 5]), mark))
        return blocks.joined(separator: "\n\n")
    }

    /// Highlights the lines that start with the ≠ mark.
    private func colourRows(_ text: String, _ mark: (String) -> String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("≠") ? mark(String(line)) : String(line)
        }.joined(separator: "\n")
    }
}
