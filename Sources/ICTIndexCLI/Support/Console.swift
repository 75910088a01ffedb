import ArgumentParser
import Foundation
import ICTIndexCore
import ICTIndexStorage

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(CDispatch)
    import CDispatch
#endif

/// Writing to the terminal: results to stdout, diagnostics to stderr.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Prints a line in the user's language (``MessageLanguage``).
    static func out(_ words: Words) {
        out(words(MessageLanguage.current))
    }

    /// Lets glibc's malloc keep freed memory for the next allocations of a short command (`score`).
    ///
    /// A scoring allocates and frees a few arrays of several megabytes (the file, its cells, a column per
    /// node). Above 128 KB glibc maps each from the kernel and unmaps it when freed, so every new array faults
    /// its pages in again (27,000 page faults for the 10,000 × 49 benchmark file). With mapping only from 32 MB
    /// (glibc's largest threshold) and no trimming, the freed pages are reused: 19,000 faults, about a tenth
    /// less CPU time (`Benchmarks/README.md`). The process ends soon after, so nothing is held for long.
    static func keepFreedMemory() {
        #if canImport(Glibc)
            // `mallopt` is declared in <malloc.h>, which the Glibc module does not import: look it up in the
            // process (RTLD_DEFAULT is a null handle). <malloc.h>: `#define M_TRIM_THRESHOLD -1`,
            // `#define M_MMAP_THRESHOLD -3`.
            typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(nil, "mallopt") else { return }
            let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
            _ = mallopt(-3, 32 << 20)
            _ = mallopt(-1, Int32.max)
        #endif
    }

    /// Values a command has finished with, kept until the process exits instead of being freed one object at a
    /// time: the operating system takes the whole heap back at once. A criteria file of 50,000 indicators is about
    /// a million small objects, and freeing them was 7.5 % of `criteria check`'s time (`Benchmarks/README.md`).
    nonisolated(unsafe) private static var keptUntilExit: [Any] = []

    /// Keeps `value` until the process exits (see ``keptUntilExit``); for the last large value of a short command.
    static func keepUntilExit(_ value: Any) {
        keptUntilExit.append(value)
    }

    /// Writes bytes to standard output as they are (the caller ends them with a line break).
    static func out(bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            // No copy: the array outlives the write.
            FileHandle.standardOutput.write(
                Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none))
        }
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Prints the diagnostics in the user's language (at most 100 of a kind, then how many more), then the count
    /// line ("3 lỗi, 1 cảnh báo").
    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        err(diagnostics.report(MessageLanguage.current))
    }

    /// Runs a command body, turning invalid input into exit code 64 and I/O failures into 1.
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as ValidationFailure {
            report(failure.diagnostics)
            throw ExitCode.validationFailure
        } catch let failure as RuntimeFailure {
            err(errorLine(failure.message(MessageLanguage.current)))
            throw ExitCode.failure
        } catch let failure as StorageError {
            // A frozen period, an unknown run or a missing file is the input's fault (64); busy, damaged or
            // newer databases are not (1).
            err(errorLine(failure.description(in: MessageLanguage.current)))
            throw failure.isInvalidInput ? ExitCode.validationFailure : ExitCode.failure
        }
    }

    /// `lỗi: TEXT` (`error: TEXT` in English): a failure that has no diagnostic code.
    static func errorLine(_ text: String) -> String {
        "\(Diagnostic.Severity.error.word(MessageLanguage.current)): \(text)"
    }
}

/// A failure that is not the input's fault (a file that cannot be written, …): exit code 1.
struct RuntimeFailure: Error {
    /// What failed, in both languages (a hint, if any, on its own line starting with two spaces).
    var message: Words

    init(message: Words) { self.message = message }

    init(vi: String, en: String) { self.message = Words(vi: vi, en: en) }
}

/// The files a command reads, as messages name them.
enum InputKind {
    static let units = Words(vi: "tệp đơn vị", en: "units file")
    static let data = Words(vi: "tệp số liệu", en: "data file")
    static let decisions = Words(vi: "tệp quyết định thẩm định", en: "decisions file")
    static let criteria = Words(vi: "tệp tiêu chí", en: "criteria file")
}

/// Reading input files, with a diagnostic that names the file when it cannot be read.
enum InputFile {
    static func read(_ path: String, what: Words) throws(ValidationFailure) -> String {
        let bytes = try readBytes(path, what: what)
        // Valid UTF-8 (checked by `readBytes`), so nothing is repaired here.
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The file's bytes, checked to be UTF-8 text, without making a string of the whole file.
    ///
    /// A file of ASCII bytes only (most data files) is recognised eight bytes at a time; any other file is
    /// checked by decoding it once.
    static func readBytes(_ path: String, what: Words) throws(ValidationFailure) -> [UInt8] {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationFailure(diagnostics: [
                InputFile.missing(path, what: what)
            ])
        }
        if ["xlsx", "xls", "ods"].contains(url.pathExtension.lowercased()) {
            throw ValidationFailure(diagnostics: [
                .error(
                    .emptyFile, at: SourceLocation(file: path),
                    Words(
                        vi: "\(what.vi) '\(path)' là bảng tính ở định dạng lệnh này không đọc",
                        en: "\(what.en) '\(path)' is a spreadsheet in a format this command does not read"),
                    hint: Words(
                        vi: "hãy lưu trang tính thành 'CSV UTF-8 (phân cách bằng dấu phẩy)' rồi dùng tệp đó",
                        en: "save the sheet as 'CSV UTF-8 (comma delimited)' and pass that file"))
            ])
        }
        guard let bytes = contents(of: path) else {
            throw ValidationFailure(diagnostics: [
                .error(
                    .emptyFile, at: SourceLocation(file: path),
                    Words(vi: "không đọc được \(what.vi) '\(path)'", en: "\(what.en) '\(path)' cannot be read"),
                    hint: Words(vi: "hãy kiểm tra quyền đọc tệp", en: "check that the file is readable"))
            ])
        }
        guard isUTF8(bytes) else {
            throw ValidationFailure(diagnostics: [
                .error(
                    .emptyFile, at: SourceLocation(file: path),
                    Words(
                        vi: "\(what.vi) '\(path)' không phải văn bản UTF-8",
                        en: "\(what.en) '\(path)' is not UTF-8 text"),
                    hint: Words(
                        vi: "hãy lưu tệp dưới dạng 'CSV UTF-8'; chữ tiếng Việt cần mã UTF-8",
                        en: "save it as 'CSV UTF-8'; Vietnamese text needs UTF-8"))
            ])
        }
        return bytes
    }

    /// The error for a file that does not exist.
    static func missing(_ path: String, what: Words) -> Diagnostic {
        let folder = FileManager.default.currentDirectoryPath
        return .error(
            .emptyFile, at: SourceLocation(file: path),
            Words(vi: "\(what.vi) '\(path)' không tồn tại", en: "\(what.en) '\(path)' does not exist"),
            hint: Words(
                vi: "hãy kiểm tra đường dẫn; đường dẫn tính từ thư mục \(folder)",
                en: "check the path; it is relative to \(folder)"))
    }

    /// The bytes of a file, read straight into the array (`FileManager.contents` returns a `Data` that would
    /// be copied once more); nil when the file cannot be opened or read.
    static func contents(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            // Not a regular file (a pipe, a device): read it as Foundation does.
            return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
        }
        // Read into uninitialized memory: zeroing the array first would write every page twice.
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size)) { buffer, initialized in
            // The file shrank while being read: keep what was read; it may have grown: read the rest below.
            guard let base = buffer.baseAddress else { return }
            while initialized < buffer.count {
                let n = Glibc.read(fd, base + initialized, buffer.count - initialized)
                if n < 0 && errno == EINTR { continue }
                if n < 0 {
                    failed = true
                    return
                }
                if n == 0 { break }
                initialized += n
            }
        }
        guard !failed else { return nil }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { Glibc.read(fd, $0, buffer.count) } ?? 0
            }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        return bytes
    }

    /// Whether the bytes are valid UTF-8: ASCII words are skipped eight bytes at a time, the rest is decoded.
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        let allASCII = bytes.withUnsafeBytes { raw -> Bool in
            var i = 0
            var any: UInt64 = 0
            while i + 8 <= raw.count {
                any |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                i += 8
            }
            while i < raw.count {
                any |= UInt64(raw[i])
                i += 1
            }
            return any & 0x8080_8080_8080_8080 == 0
        }
        return allASCII || String(validating: bytes, as: UTF8.self) != nil
    }
}
