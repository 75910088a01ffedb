import ArgumentParser
import ICTIndexCore

/// `ictindex score`: stateless scoring, files in, results out.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Chấm điểm từ tệp tiêu chí và tệp số liệu / Score units from a criteria file and a data file.",
        discussion: """
            The data file is CSV or XLSX (the first visible sheet), wide (a 'unit' column and one column \
            per variable id) or long ('unit,variable,value' with optional 'evidence,note'). Units come from \
            --units, or from 'name' and 'group' columns of a wide data file.

            Example:
              ictindex score Criteria/vn-province-agencies.yaml \\
                --units Examples/sample-province/units.csv \\
                --data Examples/sample-province/values-2025.csv --period 2025 \\
                --out Reports/province-2025.xlsx
            """
    )

    @Argument(help: "The criteria file (Criteria/*.yaml).")
    var framework: String

    @Option(help: "The values file (CSV or XLSX, wide or long).")
    var data: String

    @Option(help: "The units file (CSV or XLSX: code,name,group[,parent,kind,valid_from,valid_to,successor]).")
    var units: String?

    @Option(
        help: "The period (e.g. 2025); keeps the units that exist on its last day.", transform: PeriodArgument.parse)
    var period: String?

    @Option(help: "Output format: table, csv or json.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Explain every number of one unit's score.", valueName: "unit-code"))
    var explain: String?

    @Flag(help: "Numbers use a decimal comma (12,5; 35.466 is thirty-five thousand …).")
    var decimalComma = false

    @Option(help: "Language of headers and explanations: vi or en.")
    var lang: OutputLanguage = .vi

    @Option(
        help: ArgumentHelp(
            "Also write the Excel scoreboard to this .xlsx file (its folder must exist; Reports/ is created).",
            valueName: "file.xlsx"))
    var out: String?

    @Flag(help: "With --out, also print the workbook to NAME.pdf beside it, with LibreOffice.")
    var pdf = false

    func validate() throws {
        if let out, !out.lowercased().hasSuffix(".xlsx") {
            throw ValidationError("--out '\(out)' is not an .xlsx file; the Excel scoreboard is written as NAME.xlsx")
        }
        if pdf && out == nil {
            throw ValidationError("--pdf prints the Excel scoreboard: give it with --out NAME.xlsx")
        }
    }

    func run() throws {
        Console.keepFreedMemory()
        try Console.run {
            let pipeline = ScoringPipeline(
                frameworkPath: framework, dataPath: data, unitsPath: units, period: period,
                decimalStyle: decimalComma ? .comma : .point)
            let (scoreboard, warnings, sha256) = try pipeline.run()
            Console.keepUntilExit(scoreboard)
            // Written before anything is printed, so a failure (exit 1) prints no results.
            let workbook = try out.map {
                try WorkbookOutput.write(
                    scoreboard, sha256: sha256, frameworkPath: framework, to: $0, language: lang.language)
            }
            let printed = try workbook.flatMap { pdf ? try PDFOutput.write(from: $0) : nil }
            if let explain {
                Console.out(
                    try ScoreboardOutput.explanation(
                        of: explain, in: scoreboard, language: lang.language,
                        place: Words(vi: "số liệu được chấm", en: "the data scored"),
                        fallbackHint: Words(
                            vi: "hãy ghi một mã đơn vị có trong tệp số liệu",
                            en: "pass one of the unit codes of the data file")))
            } else if format == .csv {
                for part in CSVRenderer(scoreboard: scoreboard, language: lang.language).renderParts() {
                    Console.out(bytes: part)
                }
            } else {
                Console.out(ScoreboardOutput.render(scoreboard, format: format, language: lang.language))
            }
            if let workbook {
                // Keep stdout machine-readable for csv and json: the path goes to stderr then.
                var line = lang.language.say(vi: "Bảng tính Excel: ", en: "Excel scoreboard: ") + workbook
                if let printed { line += "\nPDF: " + printed }
                if format == .table && explain == nil { Console.out(line) } else { Console.err(line) }
            }
            Console.report(warnings)
        }
    }
}

/// How `score` prints its results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case csv
    case json
}

/// The language of output, as an argument (`--lang vi|en`).
enum OutputLanguage: String, ExpressibleByArgument, CaseIterable {
    case vi
    case en

    var language: Language { self == .vi ? .vi : .en }
}
