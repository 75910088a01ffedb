import ArgumentParser
import Foundation
import ICTIndexCore
import OrderedCollections
import ICTIndexCriteria
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

    @Option(help: "The period to score (e.g. 2025).")
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

/// Scoring a period from the database, shared by `run` and `demo`.
enum DatabaseScoring {
    /// What was loaded and found on the way.
    struct Loaded {
        var framework: Framework
        var warnings: [Diagnostic]
        var scoreWarnings: [Diagnostic]
    }

    /// Reads the period's values, scores them and records the run.
    static func score(
        period: String, frameworkPath: String, database: IndexDatabase, who: String
    ) throws -> (RunSummary, Loaded) {
        let (loaded, source) = try CriteriaSource.load(path: frameworkPath)
        let (dataset, revision) = try database.dataset(forPeriod: period)
        if dataset.units.isEmpty || dataset.isEmpty {
            throw ValidationFailure(diagnostics: [
                .error(
                    .emptyFile, at: SourceLocation(file: database.name),
                    dataset.units.isEmpty
                        ? "no unit of the database exists in period \(period)"
                        : "period \(period) has no values in the database",
                    hint: dataset.units.isEmpty
                        ? "import the units first (ictindex units import FILE), or check --period"
                        : "import them first: ictindex data import FILE --period \(period) --source self|appraised "
                            + "--framework \(frameworkPath)")
            ])
        }
        let scoreboard = try Engine(framework: loaded.framework).score(dataset)
        let parameters = """
            {"framework_file": \(JSON.quote(frameworkPath)), "precedence": [\
            \(IndexDatabase.precedence.map { JSON.quote($0.rawValue) }.joined(separator: ", "))], \
            "units": \(scoreboard.units.count)}
            """
        let summary = try database.recordRun(
            scoreboard, framework: source, revision: revision, parameters: parameters,
            engineVersion: ICTIndexVersion.current, who: who)
        return (summary, Loaded(framework: loaded.framework, warnings: loaded.warnings, scoreWarnings: scoreboard.diagnostics))
    }
}
