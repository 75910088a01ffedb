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
