import ArgumentParser
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexService
import ICTIndexStorage
import OrderedCollections

/// `ictindex data`: the values units report.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Số liệu đánh giá / The values in the database.",
        subcommands: [DataImportCommand.self]
    )
}

/// `ictindex data import FILE… --source self|appraised [--period P --framework FILE]`.
struct DataImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập số liệu / Import values for a period (all or nothing).",
        discussion: """
            A values file is CSV or XLSX (the first visible sheet, or --sheet), wide (a 'unit' column and one \
            column per variable id) or long ('unit,variable,value' with optional 'evidence,note'), checked \
            against the criteria file (--framework) and the units in the database, for --period.

            Self-assessment workbooks made by 'ictindex template' need neither: they say their unit, period and \
            criteria. Several can be imported at once; each is checked against the template it must be (a \
            changed locked cell, an edited metadata sheet, a deleted sheet or an inserted row is refused), \
            and the provisional score and rank of each unit are printed.

            Every problem is reported at once and nothing is written unless every file is valid. Importing the \
            same file twice changes nothing the second time. A period with a published run is frozen.

            Examples:
              ictindex data import Examples/sample-province/values-2025-self.csv --period 2025 --source self \\
                --framework Criteria/vn-province-agencies.yaml
              ictindex data import filled/*.xlsx --source self
            """
    )

    @Argument(help: "The values file (CSV or XLSX, wide or long), or filled self-assessment workbooks.")
    var files: [String]

    @Option(help: "The sheet to read from an .xlsx values file (default: the first visible sheet).")
    var sheet: String?

    @Option(
        help: "The period the values are for (e.g. 2025); workbooks from 'ictindex template' say their own.",
        transform: PeriodArgument.parse)
    var period: String?

    @Option(help: "Where the values come from: self (self-assessment), appraised, imported or automatic.")
    var source: SourceArgument

    @Option(help: "The criteria file the values are checked against; workbooks from 'ictindex template' say their own.")
    var framework: String?

    @Flag(help: "Numbers use a decimal comma (12,5; 35.466 is thirty-five thousand …).")
    var decimalComma = false

    @Option(help: "Language of the provisional scores printed after importing workbooks: vi or en.")
    var lang: OutputLanguage = .vi

    @OptionGroup var options: DatabaseOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give the file to import") }
    }

    func run() throws {
        try Console.run {
            let workbooks = try files.filter(TemplateImport.isTemplate)
            if !workbooks.isEmpty {
                let others = files.filter { !workbooks.contains($0) }
                guard others.isEmpty else {
                    throw ValidationFailure(
                        diagnostics: others.map {
                            .error(
                                .notATemplate, at: SourceLocation(file: $0),
                                Words(
                                    vi: "tệp này không phải phiếu tự đánh giá, mà lại được đưa cùng các phiếu",
                                    en: "this file is not a self-assessment workbook, and is given with workbooks"),
                                hint: Words(
                                    vi: "hãy nhập riêng từng tệp số liệu, kèm --period và --framework",
                                    en: "import values files on their own, with --period and --framework"))
                        })
                }
                try TemplateImport(
                    files: files, period: period, frameworkPath: framework, source: source.source, options: options,
                    language: lang.language
                ).run()
                return
            }
            guard files.count == 1, let file = files.first else {
                throw ValidationFailure(diagnostics: [
                    .error(
                        .malformedRow,
                        Words(
                            vi: "có \(files.count) tệp số liệu; hãy nhập từng tệp một",
                            en: "\(files.count) values files given; import one at a time"),
                        hint: Words(
                            vi: "chỉ các phiếu tự đánh giá do 'ictindex template' tạo mới nhập được nhiều tệp một lúc",
                            en: "several files at once are for self-assessment workbooks made by 'ictindex template'"))
                ])
            }
            guard let period, let framework else {
                let needed = [period == nil ? "--period" : nil, framework == nil ? "--framework" : nil].compactMap {
                    $0
                }
                throw ValidationFailure(diagnostics: [
                    .error(
                        .missingColumn, at: SourceLocation(file: file),
                        Words(
                            vi: "tệp số liệu cần \(needed.joined(separator: " và "))",
                            en: "a values file needs \(needed.joined(separator: " and "))"),
                        hint: Words(
                            vi: "ví dụ --period 2025 --framework Criteria/vn-province-agencies.yaml",
                            en: "e.g. --period 2025 --framework Criteria/vn-province-agencies.yaml"))
                ])
            }
            let (loaded, _) = try CriteriaSource.load(path: framework)
            let database = try options.open()
            let units = try database.requireUnits()
            var reader = DataFileReader(framework: loaded.framework, decimalStyle: decimalComma ? .comma : .point)
            let readingWarnings = WarningBox()
            reader.onWarnings = { readingWarnings.add($0) }
            let dataset = try reader.readValues(path: file, sheet: sheet, units: units, period: period)
                .restricted(toPeriod: period, file: file)
            let summary = try database.importValues(
                dataset, period: period, source: source.source, file: file, who: options.person)
            Console.out(
                Words(
                    vi: "\(file): \(summary.added) giá trị mới, \(summary.changed) thay đổi, \(summary.unchanged) "
                        + "không đổi (\(source.rawValue), kỳ \(period))",
                    en: "\(file): \(summary.added) values added, \(summary.changed) changed, \(summary.unchanged) "
                        + "unchanged (\(source.rawValue), period \(period))"))
            Console.report(loaded.warnings + readingWarnings.diagnostics)
        }
    }
}
