import Foundation
import ICTIndexCore

/// `--pdf`: the workbook just written, printed to PDF by LibreOffice (headless), beside it as NAME.pdf.
///
/// The PDF has the pages a person gets by printing the workbook from LibreOffice Calc: each sheet's own page
/// setup (paper, orientation, fit to width, repeated header rows, print area, footers). LibreOffice runs with a
/// private profile in a temporary folder, so a user's settings or an open LibreOffice window never interfere.
enum PDFOutput {
    /// The package that provides `soffice` on Debian and Ubuntu.
    static let package = "libreoffice-calc-nogui"

    /// Converts `workbook` (an .xlsx path) to a PDF beside it and returns the PDF's path as the user would write
    /// it.
    ///
    /// - Throws: ``RuntimeFailure`` (exit 1) when LibreOffice is not installed (naming the package to install),
    ///   when it fails or takes longer than `timeout` seconds, or when the PDF cannot be put in place. The
    ///   workbook stays written in every case.
    static func write(from workbook: String, timeout: TimeInterval = 300) throws -> String {
        let pdf = String(workbook.dropLast(".xlsx".count)) + ".pdf"
        guard let soffice = findOnPath(["soffice", "libreoffice"]) else {
            throw RuntimeFailure(
                message: Words(
                    vi: "\(pdf): không tạo được PDF vì máy chưa cài LibreOffice; bảng tính \(workbook) đã được ghi\n"
                        + "  gợi ý: cài gói \(package) (sudo apt-get install \(package)) rồi chạy lại lệnh với --pdf",
                    en:
                        "\(pdf): cannot make the PDF: LibreOffice is not installed; the workbook \(workbook) was written\n"
                        + "  hint: install the package \(package) (sudo apt-get install \(package)), then run the "
                        + "command again with --pdf"))
        }
        let fileManager = FileManager.default
        let work = fileManager.temporaryDirectory.appendingPathComponent("ictindex-pdf-\(UUID().uuidString)")
        defer { try? fileManager.removeItem(at: work) }
        let source = URL(fileURLWithPath: workbook).standardizedFileURL
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = [
            "--headless", "--norestore",
            "-env:UserInstallation=" + work.appendingPathComponent("profile").absoluteString,
            "--convert-to", "pdf", "--outdir", work.appendingPathComponent("out").path, source.path,
        ]
        let log = work.appendingPathComponent("soffice.log")
        do {
            try fileManager.createDirectory(at: work, withIntermediateDirectories: true)
            fileManager.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
            process.standardInput = FileHandle.nullDevice
            try process.run()
        } catch {
            throw RuntimeFailure(
                message: failure(
                    pdf,
                    Words(
                        vi: "không khởi động được LibreOffice (\(soffice)): \(error.localizedDescription)",
                        en: "LibreOffice (\(soffice)) cannot be started: \(error.localizedDescription)")))
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw RuntimeFailure(
                message: failure(
                    pdf,
                    Words(
                        vi: "LibreOffice chưa xong sau \(Int(timeout)) giây",
                        en: "LibreOffice did not finish within \(Int(timeout)) s")))
        }
        let made = work.appendingPathComponent("out").appendingPathComponent(
            source.deletingPathExtension().lastPathComponent + ".pdf")
        guard process.terminationStatus == 0, fileManager.fileExists(atPath: made.path) else {
            let said =
                (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").last.map(String.init) ?? ""
            throw RuntimeFailure(
                message: failure(
                    pdf,
                    Words(
                        vi: "LibreOffice dừng với mã \(process.terminationStatus)",
                        en: "LibreOffice stopped with status \(process.terminationStatus)")
                        + .verbatim(said.isEmpty ? "" : ": \(said)")))
        }
        // Into the target's folder under a temporary name, then renamed: a reader never sees half a PDF.
        let target = URL(fileURLWithPath: pdf).standardizedFileURL
        let staging = target.deletingLastPathComponent().appendingPathComponent(
            ".\(target.lastPathComponent).tmp-\(getpid())")
        do {
            try? fileManager.removeItem(at: staging)
            try fileManager.copyItem(at: made, to: staging)
            if rename(staging.path, target.path) != 0 {
                throw CocoaError(
                    .fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw RuntimeFailure(
                message: failure(
                    pdf,
                    Words(
                        vi: "không ghi được tệp PDF: \(error.localizedDescription)",
                        en: "the PDF cannot be written: \(error.localizedDescription)")))
        }
        return pdf
    }

    private static func failure(_ pdf: String, _ reason: Words) -> Words {
        Words(vi: "\(pdf): không tạo được PDF: ", en: "\(pdf): cannot make the PDF: ") + reason
    }

    /// The first of `names` found on PATH, as an absolute path.
    static func findOnPath(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for folder in path.split(separator: ":") where !folder.isEmpty {
                let candidate = String(folder) + "/" + name
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }
}
