public import ICTIndexCore

/// One entry of the append-only audit log: who changed what, when, from what to what.
public struct AuditEntry: Hashable, Sendable {
    public var id: Int
    /// ISO 8601 time.
    public var at: String
    public var who: String
    /// `unit.add`, `unit.change`, `values.import`, `value.add`, `value.change`, `appraisal.accept`,
    /// `appraisal.adjust`, `run.record`, `run.publish`.
    public var action: String
    public var period: String?
    public var unit: String?
    public var variable: String?
    public var oldValue: String?
    public var newValue: String?
    /// Free text: the file, a count, a reason.
    public var detail: String?
}

/// Which audit log entries to read; a nil field does not filter.
public struct AuditFilter: Hashable, Sendable {
    /// An ISO date or time: entries at or after it (`2025-07-01` includes that whole day).
    public var since: String?
    /// Entries about this unit.
    public var unit: UnitCode?
    /// Entries by this user or system.
    public var who: String?
    /// Entries whose action starts with this (`value.` finds `value.add`, `value.change`, `value.remove`).
    public var action: String?
    /// Entries about this period.
    public var period: String?

    /// Creates a filter.
    public init(
        since: String? = nil, unit: UnitCode? = nil, who: String? = nil, action: String? = nil, period: String? = nil
    ) {
        self.since = since
        self.unit = unit
        self.who = who
        self.action = action
        self.period = period
    }
}
