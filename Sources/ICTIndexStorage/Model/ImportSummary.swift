/// What an import or an appraisal changed.
///
/// Importing the same file twice gives `added == 0, changed == 0` the second time, and writes nothing.
public struct ImportSummary: Hashable, Sendable {
    /// Rows (units, values or decisions) that were not there before.
    public var added: Int
    /// Rows whose value, evidence or note changed (each one is in the audit log, old → new).
    public var changed: Int
    /// Rows already stored exactly as given.
    public var unchanged: Int
    /// Rows removed: values an agency emptied in its web form (each one is in the audit log).
    public var removed: Int

    /// Creates a summary.
    public init(added: Int = 0, changed: Int = 0, unchanged: Int = 0, removed: Int = 0) {
        self.added = added
        self.changed = changed
        self.unchanged = unchanged
        self.removed = removed
    }

    /// Whether the import wrote anything.
    public var changedAnything: Bool { added + changed + removed > 0 }
}
