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
        try auditEntries(AuditFilter(since: since, unit: unit))
    }

    /// The audit log entries that pass a filter, oldest first; with `last`, only the newest `last` of them.
    ///
    /// The filter is applied by SQLite, so a page of the newest entries of a long log reads only those.
    public func auditEntries(_ filter: AuditFilter, last: Int? = nil) throws(StorageError) -> [AuditEntry] {
        try read(Words(vi: "đọc nhật ký thao tác", en: "reading the audit log")) { db in
            var request = Self.request(filter)
            if let last { request = request.order(AuditEntryRecord.Columns.id.desc).limit(last) }
            let entries = try request.fetchAll(db).map { r in
                AuditEntry(
                    id: Int(r.id ?? 0), at: r.at, who: r.who, action: r.action, period: r.period, unit: r.unit,
                    variable: r.variable, oldValue: r.oldValue, newValue: r.newValue, detail: r.detail)
            }
            return last == nil ? entries : entries.reversed()
        }
    }

    /// How many audit log entries pass a filter.
    public func auditCount(_ filter: AuditFilter) throws(StorageError) -> Int {
        try read(Words(vi: "đọc nhật ký thao tác", en: "reading the audit log")) { db in
            try Self.request(filter).fetchCount(db)
        }
    }

    private static func request(_ filter: AuditFilter) -> QueryInterfaceRequest<AuditEntryRecord> {
        var request = AuditEntryRecord.order(AuditEntryRecord.Columns.id)
        if let since = filter.since { request = request.filter(AuditEntryRecord.Columns.at >= since) }
        if let unit = filter.unit { request = request.filter(AuditEntryRecord.Columns.unit == unit.rawValue) }
        if let who = filter.who { request = request.filter(Column("who") == who) }
        if let period = filter.period { request = request.filter(Column("period") == period) }
        if let action = filter.action {
            // A prefix ("value." finds value.add, value.change, value.remove), compared exactly (no LIKE wildcards).
            request = request.filter(sql: "substr(action, 1, length(?)) = ?", arguments: [action, action])
        }
        return request
    }

    // MARK: - Writes

    /// The prepared statement that appends to the audit log (cached by the connection).
    static func auditStatement(_ db: Database) throws -> Statement {
        try db.cachedStatement(
            sql: """
                INSERT INTO auditEntry (at, who, action, period, unit, variable, oldValue, newValue, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
    }

    /// Appends one entry with a prepared statement (``auditStatement(_:)``): the same row as
    /// `AuditEntryRecord.insert`, without encoding a record per entry.
    static func appendAudit(
        _ statement: Statement, at: String, who: String, action: String, period: String? = nil, unit: String? = nil,
        variable: String? = nil, oldValue: String? = nil, newValue: String? = nil, detail: String? = nil
    ) throws {
        try statement.execute(arguments: [at, who, action, period, unit, variable, oldValue, newValue, detail])
    }
}
