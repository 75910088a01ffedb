public import Foundation

/// Runs the built `ictindex` executable and captures what it prints, for end-to-end tests.
public struct CommandRunner: Sendable {
    /// What a run printed and how it ended.
    public struct Output: Sendable {
        public var stdout: String
        public var stderr: String
        public var exitCode: Int32
    }

    /// The `ictindex` binary beside the test bundle (both live in the build products folder),
    /// or `$ICTINDEX_BIN`.
    public let executable: URL

    public init() {
        if let path = ProcessInfo.processInfo.environment["ICTINDEX_BIN"] {
            executable = URL(fileURLWithPath: path)
            return
        }
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: dir.appendingPathComponent("ictindex").path) {
            dir = dir.deletingLastPathComponent()
        }
        executable = dir.appendingPathComponent("ictindex")
    }

    /// The repository root (where Package.swift is), found from this source file.
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// Runs `ictindex` with arguments in a directory (default: the repository root).
    ///
    /// Messages are in English (`ICTINDEX_LANG=en`) unless `environment` sets `ICTINDEX_LANG` itself: most tests
    /// assert the English text, and the tests of the Vietnamese messages (the default for users) ask for them
    /// with `["ICTINDEX_LANG": "vi"]`. A `--lang` among the arguments wins over both, as it does for users.
    public func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws
        -> Output
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? Self.repositoryRoot
        var environment = environment
        if environment["ICTINDEX_LANG"] == nil { environment["ICTINDEX_LANG"] = "en" }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read stderr on another thread while stdout is read here, so that neither pipe can fill
        // up and block the child.
        let errBox = DataBox()
        let reader = Thread { errBox.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = errBox.wait()
        return Output(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            exitCode: process.terminationStatus)
    }
}

/// Data handed from a reader thread, guarded by a condition lock.
private final class DataBox: @unchecked Sendable {  // `lock` guards `data`
    private let lock = NSCondition()
    private var data: Data?

    func set(_ value: Data) {
        lock.lock()
        data = value
        lock.signal()
        lock.unlock()
    }

    func wait() -> Data {
        lock.lock()
        defer { lock.unlock() }
        while data == nil { lock.wait() }
        return data ?? Data()
    }
}
