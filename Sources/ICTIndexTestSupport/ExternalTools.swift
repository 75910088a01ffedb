public import Foundation

/// A temporary folder for one test, removed when the test ends.
public final class TemporaryFolder: Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ictindex-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// A file in the folder.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}

/// Programs other than ictindex that tests use as real peers: python3 with openpyxl, LibreOffice.
public enum ExternalTools {
    /// Runs a program found on PATH; returns its exit status and what it printed to stderr.
    public static func run(
        _ executable: String, _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]
    ) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        if let folder { process.currentDirectoryURL = folder }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Whether a program is on PATH.
    public static func isInstalled(_ program: String) -> Bool {
        ((try? run("sh", ["-c", "command -v \(program)"]))?.status ?? 1) == 0
    }

    /// Whether `make test` asked for the real applications: then a test must not skip for want of them.
    public static var areRequired: Bool { ProcessInfo.processInfo.environment["ICTINDEX_REQUIRE_TOOLS"] == "1" }

    /// The environment under which python3 imports openpyxl, installing it with pip into a folder of its own
    /// when missing (which works where the system Python refuses installs, PEP 668); or why it cannot.
    public static let openpyxl: Result<[String: String], ToolMissing> = {
        if (try? run("python3", ["-c", "import openpyxl"]))?.status == 0 { return .success([:]) }
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("ictindex-openpyxl").path
        let environment = ["PYTHONPATH": target]
        if (try? run("python3", ["-c", "import openpyxl"], environment: environment))?.status == 0 {
            return .success(environment)
        }
        let (status, errors) =
            (try? run("python3", ["-m", "pip", "install", "--quiet", "--target", target, "openpyxl"]))
            ?? (1, "python3 cannot be run")
        if status == 0, (try? run("python3", ["-c", "import openpyxl"], environment: environment))?.status == 0 {
            return .success(environment)
        }
        return .failure(ToolMissing(text: "openpyxl cannot be installed with pip: \(errors.suffix(300))"))
    }()

    /// Runs a Python script with openpyxl importable.
    public static func python(_ script: String, in folder: TemporaryFolder) throws -> (status: Int32, errors: String) {
        let environment = try openpyxl.get()
        let file = folder.file("script-\(UUID().uuidString).py")
        try script.write(to: file, atomically: true, encoding: .utf8)
        return try run("python3", [file.path], in: folder.url, environment: environment)
    }

    /// Opens workbooks in LibreOffice Calc (headless, with a private profile that recalculates every formula
    /// on load, or with LibreOffice's default settings) and saves them as .xlsx into `folder`, under the same names.
    ///
    /// - Parameters:
    ///   - files: The workbooks.
    ///   - folder: Where to save them.
    ///   - forcingRecalculation: Whether every formula is recalculated on load; `false` keeps LibreOffice's default
    ///     ("never recalculate" an .xlsx: it shows the results the file was saved with), as a user opens it.
    public static func recalculateWithLibreOffice(
        _ files: [URL], into folder: URL, forcingRecalculation: Bool = true
    ) throws {
        guard isInstalled("soffice") else { throw ToolMissing(text: "'soffice' is not installed (make test installs it)") }
        let profile = folder.appendingPathComponent("lo-profile")
        let user = profile.appendingPathComponent("user")
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        // OOXMLRecalcMode 0 = always: LibreOffice otherwise shows the cached results an .xlsx was saved with.
        let settings = """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
            <value>0</value></prop></item>
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse">\
            <value>0</value></prop></item>
            </oor:items>
            """
        if forcingRecalculation {
            try settings.write(
                to: user.appendingPathComponent("registrymodifications.xcu"), atomically: true, encoding: .utf8)
        }
        let (status, errors) = try run(
            "timeout",
            ["600", "soffice", "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore",
             "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", folder.path] + files.map(\.path))
        guard status == 0 else { throw ToolMissing(text: "soffice failed (\(status)): \(errors.suffix(500))") }
    }

    /// Why a tool is not available.
    public struct ToolMissing: Error, CustomStringConvertible {
        public var text: String
        public init(text: String) { self.text = text }
        public var description: String { text }
    }
}
