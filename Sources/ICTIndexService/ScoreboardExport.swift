import Foundation
public import ICTIndexCore
import ICTIndexReports
public import ICTIndexStorage
import OrderedCollections
public import XLSXWriter

/// The Excel scoreboard of a period from the database (`ictindex export` and the web application's download):
/// the workbook of `score --out` for the period's published (or else latest) run, re-scored from its stored
/// inputs and checked against the stored results, plus 'Thay đổi' (change since the previous period) and
/// 'Tự đánh giá - Thẩm định' (self-assessed vs appraised).
public struct ScoreboardExport {
    public let period: String
    public let language: Language
    /// The ictindex version doing the export (named when re-scoring does not match).
    public let engineVersion: String

    /// Creates an export of a period.
    public init(period: String, language: Language, engineVersion: String) {
        self.period = period
        self.language = language
        self.engineVersion = engineVersion
    }

    /// The workbook as a value, ready for `XLSXWriter.write`.
    ///
    /// - Throws: ``StorageError`` (no run), ``RunRescoring/Failure``, ``ValidationFailure``.
    public func spreadsheet(from database: IndexDatabase) throws -> Spreadsheet {
        let id = try database.currentRun(forPeriod: period)
        let stored = try database.run(id)
        let scoreboard = try RunRescoring.rescore(id, stored: stored, database: database, engineVersion: engineVersion)
        let framework = scoreboard.framework
        let changes = try database.changes(forRun: id)
        let own = try Engine(framework: framework).score(
            database.dataset(forPeriod: period, sources: [.selfAssessed]).dataset)
        let runTime = ISO8601DateFormatter().date(from: stored.summary.at) ?? Date()
        let info = RunInfo(
            frameworkSHA256: stored.summary.frameworkSHA256, frameworkFile: framework.id, runTime: runTime,
            engineVersion: stored.summary.engineVersion, isDraft: stored.summary.status != .published)
        var workbook = ScoreboardReport(scoreboard: scoreboard, run: info, language: language).spreadsheet()
        var extra = [
            changeSheet(stored, framework: framework, changes: changes),
            comparisonSheet(try database.valuePairs(forPeriod: period), own: own, appraised: scoreboard),
        ]
        if info.isDraft {
            // The same mark as the scoreboard's own sheets.
            for index in extra.indices {
                extra[index].pageSetup.header =
                    "&C&\"-,Bold\"" + (language.say(vi: "DỰ THẢO — chưa công bố", en: "DRAFT — not published"))
            }
        }
        workbook.sheets += extra
        return workbook
    }

    private var en: Bool { language == .en }
    private var header: CellStyle { CellStyle(bold: true, fillColor: 0xDDEBF7) }
    private var highlight: CellStyle { CellStyle(bold: true, fillColor: 0xFFF2CC) }

    /// A number rounded to the framework's decimals (a difference of two scores is never -0.65000000000001),
    /// shown with that many decimals.
    private func number(_ x: Double?, decimals: Int, highlighted: Bool = false) -> Cell {
        guard let x, x.isFinite else { return .empty }
        var style = highlighted ? highlight : CellStyle()
        style.numberFormat = decimals > 0 ? "0." + String(repeating: "0", count: decimals) : "0"
        return .number(Rounding.round(x, decimals: decimals), style: style)
    }

    /// A4 landscape, one page wide, the header row on every page, the sheet's name and page number in the footer
    /// (as on the scoreboard's own sheets).
    private func pageSetup(repeating rows: ClosedRange<Int>) -> PageSetup {
        let page = language.say(vi: "Trang &P", en: "Page &P")
        return PageSetup(
            orientation: .landscape, paperSize: .a4, fitToWidth: 1, repeatedRows: rows,
            footer: "&L&8&A · " + period.replacingOccurrences(of: "&", with: "&&") + "&C&8" + page,
            margins: PageMargins(left: 0.4, right: 0.4, top: 0.5, bottom: 0.6), centersHorizontally: true,
            firstPageNumber: 1)
    }

    /// `Thay đổi`: each unit's rank and score, and the change since the previous period.
    private func changeSheet(_ run: StoredRun, framework: Framework, changes: [UnitCode: UnitChange]) -> Sheet {
        let decimals = framework.decimals
        let wording = ChangeText(decimals: decimals, language: language)
        let titles =
            en
            ? ["Code", "Unit", "Group", "Score", "Rank", "Previous score", "Previous rank", "Change"]
            : ["Mã", "Tên đơn vị", "Khối", "Điểm", "Hạng", "Điểm kỳ trước", "Hạng kỳ trước", "Thay đổi"]
        var rows: [[Cell]] = [titles.map { .text($0, style: header) }]
        for r in run.results {
            let change = changes[r.unit.code]
            let group = framework.groups[r.unit.group]?.name.text(language) ?? r.unit.group.rawValue
            rows.append([
                .text(r.unit.code.rawValue), .text(r.unit.name), .text(group), number(r.published, decimals: decimals),
                r.rank.map { .number(Double($0)) } ?? .empty, number(change?.own?.published, decimals: decimals),
                change?.own?.rank.map { .number(Double($0)) } ?? .empty,
                .text(change.map { wording.text($0, for: r) } ?? ""),
            ])
        }
        var sheet = Sheet(
            name: language.say(vi: "Thay đổi", en: "Change"), rows: rows,
            columns: [
                Column(0, width: 16), Column(1, width: 36), Column(2, width: 20), Column(3...6, width: 13),
                Column(7, width: 70),
            ],
            freezePanes: CellAddress(row: 1, column: 0))
        sheet.pageSetup = pageSetup(repeating: 0...0)
        sheet.fitRowHeights()
        return sheet
    }

    /// `Tự đánh giá - Thẩm định`: values changed by the appraisal, then scores from own vs appraised values.
    private func comparisonSheet(_ pairs: [ValuePair], own: Scoreboard, appraised: Scoreboard) -> Sheet {
        let decimals = appraised.framework.decimals
        var rows: [[Cell]] = [
            (en
                ? ["Code", "Variable", "Self-assessed", "Appraised", "Reason"]
                : ["Mã", "Biến", "Tự đánh giá", "Thẩm định", "Lý do"])
                .map { .text($0, style: header) }
        ]
        for p in pairs where p.appraised != nil && p.selfAssessed != p.appraised {
            func cell(_ v: Value?) -> Cell {
                switch v {
                case .number(let x): .number(Rounding.round(x, decimals: decimals), style: highlight)
                case .some(let other): .text(other.description, style: highlight)
                case nil: .empty
                }
            }
            rows.append([
                .text(p.unit.rawValue), .text(p.variable.rawValue), cell(p.selfAssessed), cell(p.appraised),
                p.reason.map { .text($0) } ?? .empty,
            ])
        }
        rows.append([])
        rows.append(
            (en
                ? ["Code", "Unit", "Self-assessed score", "Appraised score", "Difference"]
                : ["Mã", "Tên đơn vị", "Điểm tự chấm", "Điểm thẩm định", "Chênh lệch"]).map { .text($0, style: header) }
        )
        for r in appraised.units {
            let mine = own.result(for: r.unit.code)?.published
            let delta = (r.published != nil && mine != nil) ? (r.published ?? 0) - (mine ?? 0) : nil
            let rounded = delta.map { Rounding.round($0, decimals: decimals) }
            let diff = number(rounded, decimals: decimals, highlighted: rounded.map { $0 != 0 } ?? false)
            rows.append([
                .text(r.unit.code.rawValue), .text(r.unit.name), number(mine, decimals: decimals),
                number(r.published, decimals: decimals), diff,
            ])
        }
        var sheet = Sheet(
            name: language.say(vi: "Tự đánh giá - Thẩm định", en: "Self-assessed - Appraised"), rows: rows,
            columns: [Column(0, width: 16), Column(1, width: 30), Column(2...3, width: 16), Column(4, width: 50)],
            freezePanes: CellAddress(row: 1, column: 0))
        sheet.pageSetup = pageSetup(repeating: 0...0)
        sheet.fitRowHeights()
        return sheet
    }
}
