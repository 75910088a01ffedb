import Foundation
import ICTIndexCore

/// The output folder of `ictindex template`: checked for free space before anything is written, created only
/// then, and removed again when the writing fails and leaves it empty.
///
/// libxlsxwriter finds a full disk only when it closes each workbook, and then prints its own
/// `[ERROR][./src/packager.c:…]` lines to stderr, once per workbook. Checking first gives one clear message; and
/// while the workbooks are written, stderr is held, so the library's text never reaches the user (the error
/// that the writer throws carries the same reason, once).
struct TemplateFolder {
    /// A generous estimate of one workbook's size: the sample criteria's workbooks are about 21 KB.
    static let bytesPerWorkbook: UInt64 = 64 * 1024

    let url: URL
    let display: String

    /// Checks the free space for `count` workbooks, creates the folder, runs `write`, and removes the folder again
    /// when `write` fails and the folder was new and is empty.
    ///
    /// - Throws: ``RuntimeFailure`` (exit 1) for too little space or a folder that cannot be created, or what
    ///   `write` throws.
    func write(count: Int, _ write: () throws -> Void) throws {
        let needed = UInt64(max(count, 1)) * Self.bytesPerWorkbook
        if let free = freeBytes(), free < needed {
            throw RuntimeFailure(
                message: Words(
                    vi: "\(display): không đủ chỗ trống: \(count) phiếu cần khoảng \(Self.megabytes(needed)), ổ đĩa "
                        + "chỉ còn \(Self.megabytes(free)); chưa ghi gì\n  gợi ý: giải phóng dung lượng hoặc chọn "
                        + "thư mục khác với --out",
                    en: "\(display): not enough free space: \(count) workbooks need about \(Self.megabytes(needed)), "
                        + "the disk has \(Self.megabytes(free)); nothing was written\n  hint: free some space or "
                        + "choose another folder with --out"))
        }
        let existed = FileManager.default.fileExists(atPath: url.path)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw RuntimeFailure(
                vi: "không tạo được thư mục \(display): \(error.localizedDescription)",
                en: "cannot create the folder \(display): \(error.localizedDescription)")
        }
        do {
            try StandardError.held { try write() }
        } catch {
            if !existed, (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.isEmpty == true {
                try? FileManager.default.removeItem(at: url)
            }
            throw error
        }
    }

    /// The free bytes of the file system that holds the folder (or its nearest existing ancestor).
    func freeBytes() -> UInt64? {
        var probe = url.standardizedFileURL
        while !FileManager.default.fileExists(atPath: probe.path) && probe.path != "/" {
            probe.deleteLastPathComponent()
        }
        var stats = statvfs()
        guard statvfs(probe.path, &stats) == 0 else { return nil }
        return UInt64(stats.f_bavail) * UInt64(stats.f_frsize)
    }

    static func megabytes(_ bytes: UInt64) -> String {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}

/// Holding this process's stderr while a C library that prints to it does its work.
enum StandardError {
    /// Runs `body` with file descriptor 2 pointed at /dev/null, then puts it back.
    static func held<T>(_ body: () throws -> T) throws -> T {
        fflush(nil)
        let saved = dup(STDERR_FILENO)
        let null = open("/dev/null", O_WRONLY)
        guard saved >= 0, null >= 0 else { return try body() }
        dup2(null, STDERR_FILENO)
        close(null)
        defer {
            fflush(nil)
            dup2(saved, STDERR_FILENO)
            close(saved)
        }
        return try body()
    }
}
