public import Foundation
public import ICTIndexCore
import OrderedCollections
public import XLSXWriter

/// The scoreboard workbook of one run (DESIGN §7): a pure ``Spreadsheet`` value built from a ``Scoreboard``,
/// then written with libxlsxwriter.
///
/// Sheets, in tab order: `Tổng hợp` (every unit by group: STT, code, name, group, score, rank, band, points per
/// pillar; print-ready), one `Xếp hạng - …` sheet per ranked group with a chart of scores, one sheet per pillar
/// (indicator points, pillar rank), `Chi tiết` (every indicator of every unit: value, score, points, max points,
/// the rule in words), `Biểu đồ nhóm tiêu chí` (pillar profile per group, radar chart) and `Phương pháp` (the
/// method and what reproduces the run: criteria id, edition, SHA-256, weights, rules, rounding, ranking rule,
/// run time, version). Headers are Vietnamese, or English with `language: .en`. Text from data is always
/// written as text, so a unit named "=SUM(A1)" stays text. The document date is the run time, so the same run
/// gives the same bytes.
///
/// For example:
/// ```swift
/// let run = RunInfo(frameworkSHA256: loaded.sha256, runTime: runTime, engineVersion: "0.1.0")
/// let report = ScoreboardReport(scoreboard: scoreboard, run: run)
/// let layout = report.spreadsheet()                    // test the layout without files
/// try report.write(to: URL(fileURLWithPath: "Reports/2025/scoreboard.xlsx"))
/// ```
public struct ScoreboardReport: Sendable {
    /// Limits that keep very large runs printable and fast.
    public struct Options: Hashable, Sendable {
        /// The most rows `Chi tiết` holds (units × indicators); above it the sheet says how to get the details.
        public var detailRowLimit: Int
        /// The most units a ranking chart shows (the top of the group).
        public var chartUnitLimit: Int

        /// Creates options.
        ///
        /// - Parameters:
        ///   - detailRowLimit: The most rows of `Chi tiết` (default 100,000: 2,000 units × 50 indicators).
        ///   - chartUnitLimit: The most units per ranking chart (default 40).
        public init(detailRowLimit: Int = 100_000, chartUnitLimit: Int = 40) {
            self.detailRowLimit = detailRowLimit
            self.chartUnitLimit = chartUnitLimit
        }
    }

    /// The scored run.
    public let scoreboard: Scoreboard
    /// The run's fingerprint, time and version.
    public let run: RunInfo
    /// The language of headers and labels (names from the criteria file follow it when they have an English text).
    public let language: Language
    /// Size limits.
    public let options: Options

    /// Creates a report.
    ///
    /// - Parameters:
    ///   - scoreboard: The scored run.
    ///   - run: The run's fingerprint, time and version.
    ///   - language: The language of headers and labels.
    ///   - options: Size limits.
    public init(scoreboard: Scoreboard, run: RunInfo, language: Language = .vi, options: Options = Options()) {
        self.scoreboard = scoreboard
        self.run = run
        self.language = language
        self.options = options
    }

    /// The workbook as a value.
    ///
    /// - Returns: Every sheet, the document properties (dated at the run time) and the defined names.
    /// - Complexity: O(units × nodes).
    public func spreadsheet() -> Spreadsheet {
        var layout = ReportLayout(report: self)
        return layout.build()
    }

    /// Writes the workbook to an .xlsx file, atomically (a temporary file renamed into place).
    ///
    /// - Parameters:
    ///   - url: The file to create or replace; its directory must exist.
    ///   - writeOptions: libxlsxwriter's memory options, or `nil` for constant-memory mode above
    ///     ``constantMemoryThreshold`` cells (units × nodes) and the normal mode below it.
    /// - Returns: Changes made to fit Excel's limits (none are expected: sheet names are made valid here).
    /// - Throws: ``XLSXError`` when the directory is missing or not writable, or libxlsxwriter fails.
    @discardableResult
    public func write(to url: URL, writeOptions: WriteOptions? = nil) throws(XLSXError) -> [XLSXWarning] {
        let size = scoreboard.units.count * scoreboard.framework.nodes.count
        let options = writeOptions ?? WriteOptions(constantMemory: size > Self.constantMemoryThreshold)
        return try XLSXWriter.write(spreadsheet(), to: url, options: options)
    }

    /// Above this many unit × node results, ``write(to:writeOptions:)`` flushes rows as it goes (libxlsxwriter's
    /// constant-memory mode): about 10 % faster and lighter for a 10,000-unit run, the same cells and values.
    public static let constantMemoryThreshold = 100_000

    /// Whether pillar columns hold points (a points framework, `aggregate: sum` at the root) or the pillars'
    /// values (an index such as the ICT Index or the EGDI, whose components are read as values).
    public var showsPoints: Bool { scoreboard.framework.publishesPoints }
}
