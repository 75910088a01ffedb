import Foundation
import ICTIndexCore
import ICTIndexReports
import XLSXWriter

/// Writes the Excel scoreboard for `score --out` and `demo`.
enum WorkbookOutput {
    /// Writes the workbook and returns its path as given.
    ///
    /// The file's folder must exist, except `Reports/` and the folders inside it (``ReportsFolder``), which are
    /// created when missing; any other missing folder is an error that names it, so a typo never scatters folders. The run time is now, or `SOURCE_DATE_EPOCH` when set (reproducible builds),
    /// and it is the workbook's document date: the same inputs and run time give the same bytes.
    ///
    /// - Throws: ``RuntimeFailure`` (exit 1) with the writer's message when the file cannot be written.
    static func write(
        _ scoreboard: Scoreboard, sha256: String, frameworkPath: String, to path: String, language: Language
    ) throws -> String {
        let url = URL(fileURLWithPath: path)
        try ReportsFolder.prepare(forOutput: path)
        let run = RunInfo(
            frameworkSHA256: sha256, frameworkFile: frameworkPath, runTime: runTime(),
            engineVersion: ICTIndexVersion.current)
        do {
            try ScoreboardReport(scoreboard: scoreboard, run: run, language: language).write(to: url)
        } catch {
            throw RuntimeFailure(message: error.description)
        }
        return path
    }

    /// Now, to the second, or `SOURCE_DATE_EPOCH` seconds when that variable is set.
    static func runTime() -> Date {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int64(text) {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }
}
