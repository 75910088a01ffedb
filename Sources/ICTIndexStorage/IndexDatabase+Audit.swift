import GRDB
public import ICTIndexCore

extension IndexDatabase {
    // MARK: - Reads

    /// Audit log entries, oldest first.
    ///
    /// - Parameters:
    ///   - since: an ISO date or time; entries at or after it (`2025-07-01` includes that whole day).
    ///   - unit: only entries about this unit.
    public func auditEntries(since: String? = nil, unit: UnitCode? = nil) throws(StorageError) -> [AuditEntry] {
        try read("reading the audit log") { db in
            var request = AuditEntryRecord.order(AuditEntryRecord.Columns.id)
            if let since { request = request.filter(AuditEntryRecord.Columns.at >= since) }
            if let unit { request = request.filter(AuditEntryRecord.Columns.unit == unit.rawValue) }
            return try request.fetchAll(db).map { r in
                AuditEntry(
                    id: Int(r.id ?? 0), at: r.at, who: r.who, action: r.action, period: r.period, unit: r.unit,
                    variable: r.variable, oldValue: r.oldValue, newValue: r.newValue, detail: r.detail)
            }
        }
    }
}
