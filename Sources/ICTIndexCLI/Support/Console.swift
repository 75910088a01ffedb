import ArgumentParser
import Foundation
import ICTIndexCore
import ICTIndexStorage

/// Writing to the terminal: results to stdout, diagnostics to stderr.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Prints the diagnostics (at most 100 of a kind, then how many more), then the count line
    /// ("3 errors, 1 warning").
    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        err(diagnostics.report)
    }

    /// Runs a command body, turning invalid input into exit code 64 and I/O failures into 1.
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as ValidationFailure {
            report(failure.diagnostics)
            throw ExitCode.validationFailure
        } catch let failure as RuntimeFailure {
            err("error: \(failure.message)")
            throw ExitCode.failure
        } catch let failure as StorageError {
            // A frozen period, an unknown run or a missing file is the input's fault (64); busy, damaged or
            // newer databases are not (1).
            err("error: \(failure.description(in: MessageLanguage.current))")
            throw failure.isInvalidInput ? ExitCode.validationFailure : ExitCode.failure
        }
    }
}

/// A failure that is not the input's fault (a file that cannot be written, …): exit code 1.
struct RuntimeFailure: Error {
    var message: String
}

/// Reading input files, with a diagnostic that names the file when it cannot be read.
enum InputFile {
    static func read(_ path: String, what: String) throws(ValidationFailure) -> String {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationFailure(diagnostics: [
                .error(
                    .emptyFile, at: SourceLocation(file: path), "\(what) '\(path)' does not exist",
                    hint: "check the path; it is relative to \(FileManager.default.currentDirectoryPath)")
            ])
        }
        if ["xlsx", "xls", "ods"].contains(url.pathExtension.lowercased()) {
            throw ValidationFailure(diagnostics: [
                .error(
                    .emptyFile, at: SourceLocation(file: path),
                    "\(what) '\(path)' is a spreadsheet in a format this command does not read",
                    hint: "save the sheet as 'CSV UTF-8 (comma delimited)' and pass that file")
            ])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationFailure(diagnostics: [
                .error(.emptyFile, at: SourceLocation(file: path), "\(what) '\(path)' cannot be read",
                       hint: "check that the file is readable")
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationFailure(diagnostics: [
                .error(
                    .emptyFile, at: SourceLocation(file: path), "\(what) '\(path)' is not UTF-8 text",
                    hint: "save it as 'CSV UTF-8'; Vietnamese text needs UTF-8")
            ])
        }
        return text
    }
}
