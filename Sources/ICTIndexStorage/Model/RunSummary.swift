/// A run as stored: which framework, period and parameters, by whom and when, and whether it is published.
public struct RunSummary: Hashable, Sendable {
    /// Whether a run may still be replaced.
    public enum Status: String, Hashable, Sendable {
        case draft
        case published
    }

    public var id: Int
    public var period: String
    public var frameworkID: String
    public var edition: String?
    public var frameworkSHA256: String
    /// The run's parameters as JSON (framework file, sources used, precedence).
    public var parameters: String
    public var engineVersion: String
    public var status: Status
    public var who: String
    /// When the run was made (ISO 8601).
    public var at: String
    public var publishedAt: String?
    /// Whether the period's stored values are still those the run scored (always true once published).
    public var isCurrent: Bool
}
