import ArgumentParser
import ICTIndexCore
import OrderedCollections
import ICTIndexCriteria
import ICTIndexService
import ICTIndexStorage

/// `ictindex data`: the values units report.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Số liệu đánh giá / The values in the database.",
        subcommands: [DataImportCommand.self]
    )
}

/// `ictindex data import FILE --period P --source self|appraised --framework FILE`.
struct DataImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập số liệu / Import values for a period (all or nothing).",
        discussion: """
            The file is CSV or XLSX (the first visible sheet, or --sheet), wide (a 'unit' column and one \
            column per variable id) or long ('unit,variable,value' with optional 'evidence,note'), checked \
            against the criteria file and the units in the \
            database. Every problem is reported at once and nothing is written unless the whole file is \
            valid. Importing the same file twice changes nothing the second time. A period with a \
            published run is frozen.

            Example:
              ictindex data import Examples/sample-province/values-2025-self.csv --period 2025 --source self \\
                --framework Criteria/vn-province-agencies.yaml
            """
    )

    @Argument(help: "The values file (CSV or XLSX, wide or long).")
    var file: String

    @Option(help: "The sheet to read from an .xlsx file (default: the first visible sheet).")
    var sheet: String?

    @Option(help: "The period the values are for (e.g. 2025).")
    var period: String

    @Option(help: "Where the values come from: self (self-assessment), appraised, imported or automatic.")
    var source: SourceArgument

    @Option(help: "The criteria file the values are checked against.")
    var framework: String

    @Flag(help: "Numbers use a decimal comma (12,5; 35.466 is thirty-five thousand …).")
    var decimalComma = false

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        try Console.run {
            let (loaded, _) = try CriteriaSource.load(path: framework)
            let database = try options.open()
            let units = try database.requireUnits()
            let reader = DataFileReader(framework: loaded.framework, decimalStyle: decimalComma ? .comma : .point)
            let dataset = try reader.readValues(path: file, sheet: sheet, units: units, period: period)
                .restricted(toPeriod: period, file: file)
            let summary = try database.importValues(
                dataset, period: period, source: source.source, file: file, who: options.person)
            Console.out(
                "\(file): \(summary.added) values added, \(summary.changed) changed, \(summary.unchanged) unchanged "
                    + "(\(source.rawValue), period \(period))")
            Console.report(loaded.warnings)
        }
    }
}
