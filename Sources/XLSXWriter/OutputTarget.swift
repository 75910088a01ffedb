import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The target file and the file-system steps around it: checks, temporary file, atomic replace.
struct OutputTarget {
    let path: String
    let displayPath: String
    let directory: String
    let displayDirectory: String

    init(url: URL, displayPath: String) {
        self.path = url.standardizedFileURL.path
        self.displayPath = displayPath
        self.directory = url.standardizedFileURL.deletingLastPathComponent().path
        let parent = (displayPath as NSString).deletingLastPathComponent
        self.displayDirectory = parent.isEmpty ? "." : parent
    }

    /// Checks that the target's directory exists and that the target is not a directory.
    ///
    /// libxlsxwriter opens the output file only in `workbook_close`, and then prints "[ERROR] workbook_close():
    /// Error creating '…'" to stderr itself. Checking here gives a clear error before any work is done.
    func checkDirectory() throws(XLSXError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw XLSXError(
                .outputDirectoryMissing, path: displayPath,
                message: "output directory '\(displayDirectory)' does not exist",
                hint: "create it first, for example with `mkdir -p '\(displayDirectory)'`")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw XLSXError(
                .outputNotWritable, path: displayPath, message: "the output path is a directory",
                hint: "give a file name ending in .xlsx")
        }
    }

    func checkTemporaryDirectory(_ url: URL) throws(XLSXError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue,
            access(url.path, W_OK | X_OK) == 0
        else {
            throw XLSXError(
                .outputNotWritable, path: displayPath,
                message: "temporary directory '\(url.relativePath)' does not exist or is not writable",
                hint: "pass an existing, writable directory in WriteOptions.temporaryDirectory, or nil")
        }
    }

    /// Creates the hidden temporary file beside the target.
    ///
    /// Beside the target, so that the final rename stays on one file system and is atomic. `O_EXCL` makes the
    /// name ours; libxlsxwriter later re-opens it with `fopen(…, "wb")`.
    /// Creating the file is also the writability check: `access(2)` says yes to root even in a read-only
    /// directory, and libxlsxwriter itself would only fail in `workbook_close`.
    func createTemporaryFile() throws(XLSXError) -> String {
        let name = (path as NSString).lastPathComponent
        removeStaleTemporaryFiles(of: name)
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let temporaryPath = (directory as NSString).appendingPathComponent(".\(name).tmp-\(getpid())-\(suffix)")
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL, 0o666)
        guard descriptor >= 0 else {
            throw XLSXError(
                .outputNotWritable, path: displayPath,
                message: "output directory '\(displayDirectory)' is not writable: \(Self.systemError())",
                hint: "choose another output path, or fix the directory's permissions")
        }
        close(descriptor)
        return temporaryPath
    }

    /// Removes the temporary files `.NAME.tmp-PID-…` that writers of the same target left when they were killed:
    /// those whose process no longer exists (`kill(PID, 0)` fails with `ESRCH`). A file of a live process —
    /// another export writing right now, or this process — is left alone.
    func removeStaleTemporaryFiles(of name: String) {
        let prefix = ".\(name).tmp-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0, pid != getpid()
            else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH {
                unlink((directory as NSString).appendingPathComponent(entry))
            }
        }
    }

    /// Flushes the finished temporary file to disk, then renames it over the target (atomic on POSIX).
    func replace(with temporaryPath: String) throws(XLSXError) {
        let descriptor = open(temporaryPath, O_RDONLY)
        if descriptor >= 0 {
            _ = fsync(descriptor)
            close(descriptor)
        }
        guard rename(temporaryPath, path) == 0 else {
            throw XLSXError(
                .replaceFailed, path: displayPath, message: "cannot replace the file: \(Self.systemError())")
        }
        let directoryDescriptor = open(directory, O_RDONLY)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
