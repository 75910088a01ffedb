import ArgumentParser
import Foundation
import ICTIndexCore
import ICTIndexReports
import OrderedCollections
import ICTIndexStorage
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

    @Option(help: "The period (e.g. 2025).")
    var period: String

    @Option(help: ArgumentHelp("The .xlsx file to write (its folder must exist; Reports/ is created).", valueName: "file.xlsx"))
    var out: String

    @Option(help: "Language of headers: vi or en.")
    var lang: OutputLanguage = .vi

    @OptionGroup var options: DatabaseOptions

    func validate() throws {
        if !out.lowercased().hasSuffix(".xlsx") {
            throw ValidationError("--out '\(out)' is not an .xlsx file; the Excel scoreboard is written as NAME.xlsx")
        }
    }

    func run() throws {
        try Console.run {
            let database = try options.open()
            let id = try database.currentRun(forPeriod: period)
            let stored = try database.run(id)
            let scoreboard = try ResultsCommand.rescore(id, stored: stored, database: database)
            let framework = scoreboard.framework
            let changes = try database.changes(forRun: id)
            let own = try Engine(framework: framework).score(
                database.dataset(forPeriod: period, sources: [.selfAssessed]).dataset)
            let runTime = ISO8601DateFormatter().date(from: stored.summary.at) ?? WorkbookOutput.runTime()
            let info = RunInfo(
                frameworkSHA256: stored.summary.frameworkSHA256, frameworkFile: framework.id, runTime: runTime,
                engineVersion: stored.summary.engineVersion)
            var workbook = ScoreboardReport(scoreboard: scoreboard, run: info, language: lang.language).spreadsheet()
            let table = ChangeTable(framework: framework, run: stored, changes: changes, language: lang.language)
            workbook.sheets.append(changeSheet(stored, table: table))
            workbook.sheets.append(
                comparisonSheet(try database.valuePairs(forPeriod: period), own: own, appraised: scoreboard))
            let url = URL(fileURLWithPath: out)
            let folder = url.deletingLastPathComponent()
            if folder.lastPathComponent == "Reports" {
                try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
            }
            do {
                try XLSXWriter.write(workbook, to: url)
            } catch let failure as XLSXError {
                throw RuntimeFailure(message: failure.description)
            }
            Console.out((lang == .en ? "Excel scoreboard: " : "Bảng tính Excel: ") + out)
        }
    }

    private var en: Bool { lang == .en }
    private var header: CellStyle { CellStyle(bold: true, fillColor: 0xDDEBF7) }
    private var highlight: CellStyle { CellStyle(bold: true, fillColor: 0xFFF2CC) }

    private func number(_ x: Double?, decimals: Int) -> Cell {
        x.map { .number($0, style: CellStyle(numberFormat: decimals > 0 ? "0." + String(repeating: "0", count: decimals) : "0")) }
            ?? .empty
    }

    /// `Thay đổi`: each unit's rank and score, and the change since the previous period.
    private func changeSheet(_ run: StoredRun, table: ChangeTable) -> Sheet {
        let decimals = table.framework.decimals
        let titles = en
            ? ["Code", "Unit", "Group", "Score", "Rank", "Previous score", "Previous rank", "Change"]
            : ["Mã", "Tên đơn vị", "Khối", "Điểm", "Hạng", "Điểm kỳ trước", "Hạng kỳ trước", "Thay đổi"]
        var rows: [[Cell]] = [titles.map { .text($0, style: header) }]
        for r in run.results {
            let change = table.changes[r.unit.code]
            let group = table.framework.groups[r.unit.group]?.name.text(lang.language) ?? r.unit.group.rawValue
            rows.append([
                .text(r.unit.code.rawValue), .text(r.unit.name), .text(group), number(r.published, decimals: decimals),
                r.rank.map { .number(Double($0)) } ?? .empty, number(change?.own?.published, decimals: decimals),
                change?.own?.rank.map { .number(Double($0)) } ?? .empty,
                .text(change.map { table.text($0, for: r) } ?? ""),
            ])
        }
        return Sheet(
            name: en ? "Change" : "Thay đổi", rows: rows,
            columns: [Column(0, width: 16), Column(1, width: 36), Column(2, width: 20), Column(3...6, width: 13), Column(7, width: 70)],
            freezePanes: CellAddress(row: 1, column: 0))
    }

    /// `Tự đánh giá - Thẩm định`: values changed by the appraisal, then scores from own vs appraised values.
    private func comparisonSheet(_ pairs: [ValuePair], own: Scoreboard, appraised: Scoreboard) -> Sheet {
        let decimals = appraised.framework.decimals
        var rows: [[Cell]] = [
            (en ? ["Code", "Variable", "Self-assessed", "Appraised"] : ["Mã", "Biến", "Tự đánh giá", "Thẩm định"])
                .map { .text($0, style: header) }
        ]
        for p in pairs where p.appraised != nil && p.selfAssessed != p.appraised {
            func cell(_ v: Value?) -> Cell {
                switch v {
                case .number(let x): .number(x, style: highlight)
                case .some(let other): .text(other.description, style: highlight)
                case nil: .empty
                }
            }
            rows.append([.text(p.unit.rawValue), .text(p.variable.rawValue), cell(p.selfAssessed), cell(p.appraised)])
        }
        rows.append([])
        rows.append(
            (en ? ["Code", "Unit", "Self-assessed score", "Appraised score", "Difference"]
                : ["Mã", "Tên đơn vị", "Điểm tự chấm", "Điểm thẩm định", "Chênh lệch"]).map { .text($0, style: header) })
        for r in appraised.units {
            let mine = own.result(for: r.unit.code)?.published
            let delta = (r.published != nil && mine != nil) ? (r.published ?? 0) - (mine ?? 0) : nil
            var diff = number(delta, decimals: decimals)
            if let delta, delta != 0 { diff = .number(delta, style: highlight) }
            rows.append([.text(r.unit.code.rawValue), .text(r.unit.name), number(mine, decimals: decimals),
                         number(r.published, decimals: decimals), diff])
        }
        return Sheet(
            name: en ? "Self-assessed - Appraised" : "Tự đánh giá - Thẩm định", rows: rows,
            columns: [Column(0, width: 16), Column(1, width: 30), Column(2...4, width: 16)],
            freezePanes: CellAddress(row: 1, column: 0))
    }
}
