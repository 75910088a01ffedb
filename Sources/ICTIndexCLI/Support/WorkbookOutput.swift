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
            throw RuntimeFailure(error)
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

extension RuntimeFailure {
    /// A workbook that could not be written: the writer's message, with the usual failures (a missing or
    /// read-only folder, a file that cannot be replaced) said in Vietnamese too.
    init(_ error: any Error) {
        guard let error = error as? XLSXError else {
            self.init(message: .verbatim(String(describing: error)))
            return
        }
        let path = error.path
        switch error.code {
        case .outputDirectoryMissing:
            self.init(
                vi:
                    "\(path): thư mục để ghi tệp không tồn tại\n  gợi ý: hãy tạo thư mục trước, hoặc chọn đường dẫn khác",
                en: error.description)
        case .outputNotWritable:
            self.init(
                vi: "\(path): không ghi được vào chỗ này (thư mục chỉ đọc, hoặc đường dẫn là một thư mục)\n"
                    + "  gợi ý: hãy chọn đường dẫn khác có tên tệp .xlsx, hoặc sửa quyền ghi của thư mục",
                en: error.description)
        case .replaceFailed:
            self.init(
                vi: "\(path): không thay được tệp cũ (\(error.message))\n"
                    + "  gợi ý: hãy đóng tệp nếu nó đang mở trong Excel, rồi chạy lại lệnh",
                en: error.description)
        default:
            self.init(vi: "\(path): không ghi được bảng tính: \(error.message)", en: error.description)
        }
    }
}
