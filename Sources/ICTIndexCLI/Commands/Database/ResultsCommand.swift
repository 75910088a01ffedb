import ArgumentParser
import ICTIndexCore
import ICTIndexService
import ICTIndexStorage
import OrderedCollections

/// `ictindex results [--run ID | --period P]`: a stored run's results.
struct ResultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "Kết quả đã lưu / Show a stored run's results.",
        discussion: """
            The table is the stored ranking with changes since the previous period. CSV, JSON and \
            --explain re-score the run from its stored inputs (criteria text and values) and check that \
            the result is identical to what was stored; --verify only does that check.

            Example:
              ictindex results --period 2025 --format csv
            """
    )

    @Option(name: .customLong("run"), help: "The run to show.")
    var runID: Int?

    @Option(help: "The period whose published (or else latest) run to show.", transform: PeriodArgument.parse)
    var period: String?

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Explain every number of one unit's score.", valueName: "unit-code"))
    var explain: String?

    @Flag(help: "Re-score the run from its stored inputs and check that the results are identical.")
    var verify = false

    @Option(help: "Language of headers and explanations: vi or en.")
    var lang: OutputLanguage = .vi

    @OptionGroup var options: DatabaseOptions

    func validate() throws {
        if runID == nil && period == nil { throw ValidationError("pass --run ID or --period P") }
        if runID != nil && period != nil { throw ValidationError("pass either --run or --period, not both") }
    }

    func run() throws {
        try Console.run {
            let database = try options.openForReading()
            let id = try runID ?? database.currentRun(forPeriod: period ?? "")
            let stored = try database.run(id)
            if format == .table && explain == nil && !verify {
                let framework = try CriteriaSource.load(try database.runInputs(id).framework)
                let changes = try database.changes(forRun: id)
                Console.out(
                    ChangeTable(framework: framework, run: stored, changes: changes, language: lang.language).render())
                Console.out(Self.footer(stored.summary, language: lang.language))
                return
            }
            let scoreboard = try Self.rescore(id, stored: stored, database: database)
            if verify {
                Console.out(
                    Words(
                        vi: "lần chấm \(id): chấm lại từ số liệu đã lưu cho kết quả giống hệt (\(stored.results.count) "
                            + "đơn vị)",
                        en: "run \(id): re-scored from its stored inputs: identical (\(stored.results.count) units)"))
                return
            }
            if let explain {
                Console.out(
                    try ScoreboardOutput.explanation(
                        of: explain, in: scoreboard, language: lang.language,
                        place: Words(vi: "lần chấm \(id)", en: "run \(id)"),
                        fallbackHint: Words(
                            vi: "hãy ghi một mã đơn vị của lần chấm", en: "pass one of the run's unit codes")))
                return
            }
            Console.out(ScoreboardOutput.render(scoreboard, format: format, language: lang.language))
        }
    }

    /// Re-scores a run from its stored criteria and values, and checks the result against the stored one.
    ///
    /// - Throws: ``RuntimeFailure`` when the period's values changed since a draft run, or the results differ.
    static func rescore(_ id: Int, stored: StoredRun, database: IndexDatabase) throws -> Scoreboard {
        do {
            return try RunRescoring.rescore(
                id, stored: stored, database: database, engineVersion: ICTIndexVersion.current)
        } catch let failure as RunRescoring.Failure {
            throw RuntimeFailure(message: failure.message)
        }
    }

    static func footer(_ s: RunSummary, language: Language) -> String {
        let status =
            s.status == .published
            ? (language.say(vi: "đã công bố \(s.publishedAt ?? "")", en: "published \(s.publishedAt ?? "")"))
            : (language.say(vi: "bản nháp", en: "draft"))
        return "\n" + (language.say(vi: "lần chấm", en: "run")) + " \(s.id): \(s.frameworkID) \(s.edition ?? "") "
            + "(sha256 \(s.frameworkSHA256.prefix(12))), \(s.at), \(status)"
    }
}
