public import struct Foundation.Date

/// What a scoreboard workbook records about the run that produced it (DESIGN §7, house rule 6).
///
/// For example:
/// ```swift
/// let run = RunInfo(frameworkSHA256: loaded.sha256, frameworkFile: "Criteria/vn-province-agencies.yaml",
///                   runTime: Date(), engineVersion: "0.1.0")
/// ```
public struct RunInfo: Hashable, Sendable {
    /// The SHA-256 of the criteria file's bytes (64 lowercase hex digits), or `nil` when unknown.
    public var frameworkSHA256: String?
    /// The criteria file as given on the command line, or `nil`.
    public var frameworkFile: String?
    /// When the run was made. It is also the workbook's document date, so the same run gives the same bytes.
    public var runTime: Date
    /// The ictindex version that scored the run.
    public var engineVersion: String

    /// Creates run information.
    ///
    /// - Parameters:
    ///   - frameworkSHA256: The criteria file's SHA-256, lowercase hex.
    ///   - frameworkFile: The criteria file's path as given.
    ///   - runTime: When the run was made (written to the second, UTC).
    ///   - engineVersion: The ictindex version.
    public init(frameworkSHA256: String?, frameworkFile: String? = nil, runTime: Date, engineVersion: String) {
        self.frameworkSHA256 = frameworkSHA256
        self.frameworkFile = frameworkFile
        self.runTime = runTime
        self.engineVersion = engineVersion
    }
}
