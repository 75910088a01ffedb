import ArgumentParser
import Foundation
import ICTIndexCore
import OrderedCollections
import ICTIndexCriteria
import ICTIndexService
import ICTIndexStorage

/// `ictindex run --period P --framework FILE`: scores a period from the database and records the run.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Chấm điểm một kỳ từ cơ sở dữ liệu / Score a period from the database and record the run.",
        discussion: """
            Scores every unit that exists in the period, with appraised values winning over self-assessed \
            ones (then automatic, imported, self). Records the criteria file (text and SHA-256), the run and \
            every result, and prints the ranking with each unit's change since the previous period, \
            following mergers and renames. The run is a draft until 'ictindex publish --run ID'.

            Example:
              ictindex run --period 2025 --framework Criteria/vn-province-agencies.yaml
            """
    )

    @Option(help: "The period to score (e.g. 2025).", transform: PeriodArgument.parse)
    var period: String

    @Option(help: "The criteria file.")
    var framework: String

    @Option(help: "Language of headers: vi or en.")
    var lang: OutputLanguage = .vi

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        try Console.run {
            let database = try options.open()
            let (summary, loaded) = try DatabaseScoring.score(
                period: period, frameworkPath: framework, database: database, who: options.person)
            let stored = try database.run(summary.id)
            let changes = try database.changes(forRun: summary.id)
            Console.out(
                ChangeTable(framework: loaded.framework, run: stored, changes: changes, language: lang.language)
                    .render())
            Console.out(
                lang == .en
                    ? "\nrun \(summary.id) recorded (draft); publish it with: ictindex publish --run \(summary.id)"
                    : "\nđã lưu lần chấm \(summary.id) (bản nháp); công bố: ictindex publish --run \(summary.id)")
            Console.report(loaded.warnings + loaded.scoreWarnings)
        }
    }
}

/// Scoring a period from the database, shared by `run` and `demo` (the work is ``PeriodScoring``'s).
enum DatabaseScoring {
    /// Reads the period's values, scores them and records the run with this version of ictindex.
    static func score(
        period: String, frameworkPath: String, database: IndexDatabase, who: String
    ) throws -> (RunSummary, PeriodScoring.Loaded) {
        try PeriodScoring.score(
            period: period, frameworkPath: frameworkPath, database: database, who: who,
            engineVersion: ICTIndexVersion.current)
    }
}
