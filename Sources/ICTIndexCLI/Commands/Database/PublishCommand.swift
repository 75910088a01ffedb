import ArgumentParser
import ICTIndexCore
import ICTIndexStorage

/// `ictindex publish --run ID`: freezes a run and its period.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Công bố kết quả / Publish a run: its period's values are frozen from then on.",
        discussion: """
            After publishing, no import or appraisal can change the period's values, so the run can always \
            be re-scored from the stored inputs with identical results (ictindex results --run ID --verify). \
            A run whose period's values changed after it was scored cannot be published.

            Example:
              ictindex publish --run 3
            """
    )

    @Option(name: .customLong("run"), help: "The run to publish.")
    var runID: Int

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        try Console.run {
            let database = try options.open()
            let summary = try database.publish(run: runID, who: options.person)
            Console.out(
                Words(
                    vi: "đã công bố lần chấm \(summary.id) lúc \(summary.publishedAt ?? "?"): số liệu kỳ "
                        + "\(summary.period) từ nay được khóa",
                    en: "run \(summary.id) published at \(summary.publishedAt ?? "?"): period \(summary.period) is "
                        + "now frozen"))
        }
    }
}
