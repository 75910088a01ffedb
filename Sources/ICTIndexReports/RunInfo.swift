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
    /// Whether the run is not published: its workbook says "DỰ THẢO" (draft) in every sheet's page header and in
    /// its document properties, so a draft is never taken for the decision's annex.
    public var isDraft: Bool

    /// Creates run information.
    ///
    /// - Parameters:
    ///   - frameworkSHA256: The criteria file's SHA-256, lowercase hex.
    ///   - frameworkFile: The criteria file's path as given.
    ///   - runTime: When the run was made (written to the second, UTC).
    ///   - engineVersion: The ictindex version.
    ///   - isDraft: Whether the run is not published.
    public init(
        frameworkSHA256: String?, frameworkFile: String? = nil, runTime: Date, engineVersion: String,
        isDraft: Bool = false
    ) {
        self.frameworkSHA256 = frameworkSHA256
        self.frameworkFile = frameworkFile
        self.runTime = runTime
        self.engineVersion = engineVersion
        self.isDraft = isDraft
    }
}
