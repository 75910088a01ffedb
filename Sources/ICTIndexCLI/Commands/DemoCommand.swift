import ArgumentParser
import Foundation
import ICTIndexCore

/// `ictindex demo`: scores the bundled samples and prints the rankings.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Chạy ví dụ mẫu / Score the bundled sample province and the 34 sample provinces.",
        discussion: """
            Scores Examples/sample-province (departments and communes of a sample province, 2025) with \
            Criteria/vn-province-agencies.yaml, and Examples/sample-provinces (the 34 provinces, \
            synthetic figures) with Criteria/vn-ict-index.yaml, and prints the rankings per group \
            with bands and pillar points. It also writes the sample province's Excel scoreboard to \
            Reports/demo-scoreboard.xlsx. All sample figures are synthetic.
            """
    )

    @Option(help: "The folder that holds Criteria/ and Examples/ (the repository).")
    var root: String = "."

    @Option(help: "Language of headers: vi or en.")
    var lang: OutputLanguage = .vi

    func run() throws {
        try Console.run {
            let base = URL(fileURLWithPath: root)
            func path(_ relative: String) -> String { base.appendingPathComponent(relative).path }
            let runs = [
                ScoringPipeline(
                    frameworkPath: path("Criteria/vn-province-agencies.yaml"),
                    dataPath: path("Examples/sample-province/values-2025.csv"),
                    unitsPath: path("Examples/sample-province/units.csv"), period: "2025"),
                ScoringPipeline(
                    frameworkPath: path("Criteria/vn-ict-index.yaml"),
                    dataPath: path("Examples/sample-provinces/values-2025.csv"),
                    unitsPath: path("Examples/sample-provinces/units.csv"), period: "2025"),
            ]
            var outputs: [String] = []
            var warnings: [Diagnostic] = []
            var workbook: String?
            for (index, pipeline) in runs.enumerated() {
                let (scoreboard, found, sha256) = try pipeline.run()
                outputs.append(TableRenderer(scoreboard: scoreboard, language: lang.language).render())
                warnings += found
                if index == 0 {
                    workbook = try WorkbookOutput.write(
                        scoreboard, sha256: sha256, frameworkPath: "Criteria/vn-province-agencies.yaml",
                        to: (root == "." ? "" : root + "/") + "Reports/demo-scoreboard.xlsx", language: lang.language)
                }
            }
            var text = outputs.joined(separator: "\n\n" + String(repeating: "─", count: 72) + "\n\n")
            // The yearly workflow on the evaluation database: 2024 and 2025, changes following lineage.
            text +=
                "\n\n" + String(repeating: "─", count: 72) + "\n\n"
                + (try DemoDatabase.build(root: root, language: lang.language))
            if let workbook {
                text += "\n\n" + lang.language.say(vi: "Bảng tính Excel: ", en: "Excel scoreboard: ") + workbook
            }
            Console.out(text)
            Console.report(warnings)
        }
    }
}
