import ArgumentParser
import Foundation
import ICTIndexCore
import ICTIndexReports
import ICTIndexService
import ICTIndexStorage
import OrderedCollections
import XLSXWriter

/// `ictindex export --period P --out FILE.xlsx`: the scoreboard workbook of a period's run, with changes since the
/// previous period and a self-assessed vs appraised sheet.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Xuất bảng tổng hợp Excel / Write a period's scoreboard workbook from the database.",
        discussion: """
            The workbook of 'score --out' for the period's published (or else latest) run, re-scored from its \
            stored inputs and checked against the stored results, plus two sheets: 'Thay đổi' (rank and score \
            change since the previous period, following mergers and renames) and 'Tự đánh giá - Thẩm định' \
            (every value the appraisal changed, highlighted, and each unit's score from its own values \
            against its appraised score).

            Example:
              ictindex export --period 2025 --out Reports/2025/province-scoreboard.xlsx
            """
    )

    @Option(help: "The period (e.g. 2025).", transform: PeriodArgument.parse)
    var period: String

    @Option(
        help: ArgumentHelp(
            "The .xlsx file to write (its folder must exist; Reports/ is created).", valueName: "file.xlsx"))
    var out: String

    @Option(help: "Language of headers: vi or en.")
    var lang: OutputLanguage = .vi

    @Flag(help: "Also print the workbook to NAME.pdf beside it, with LibreOffice (the pages of printing it).")
    var pdf = false

    @OptionGroup var options: DatabaseOptions

    func validate() throws {
        if !out.lowercased().hasSuffix(".xlsx") {
            throw ValidationError("--out '\(out)' is not an .xlsx file; the Excel scoreboard is written as NAME.xlsx")
        }
    }

    func run() throws {
        try Console.run {
            let database = try options.openForReading()
            let workbook: Spreadsheet
            do {
                workbook = try ScoreboardExport(
                    period: period, language: lang.language, engineVersion: ICTIndexVersion.current
                )
                .spreadsheet(from: database)
            } catch let failure as RunRescoring.Failure {
                throw RuntimeFailure(message: failure.message)
            }
            let url = URL(fileURLWithPath: out)
            try ReportsFolder.prepare(forOutput: out)
            do {
                try XLSXWriter.write(workbook, to: url)
            } catch let failure as XLSXError {
                throw RuntimeFailure(failure)
            }
            Console.out(lang.language.say(vi: "Bảng tính Excel: ", en: "Excel scoreboard: ") + out)
            if pdf { Console.out("PDF: " + (try PDFOutput.write(from: out))) }
        }
    }
}
