import GRDB
import ICTIndexCore

extension IndexDatabase {
    // MARK: - Writes

    /// Records appraisal decisions for a period, as one transaction.
    ///
    /// *Accept* makes the unit's self-assessed value the appraised one; *adjust* sets another value and
    /// needs a reason. Each decision is stored with the value before and after, and logged. A decision
    /// that changes nothing (the appraised value is already the one decided) is skipped, so the same file
    /// applied twice changes nothing the second time.
    ///
    /// - Parameters:
    ///   - decisions: the decisions, validated (units, variables and values checked against the framework).
    ///   - period: the period.
    ///   - file: the file's name, for the audit log.
    ///   - who: the appraiser.
    /// - Returns: how many appraised values were added, changed and unchanged.
    /// - Throws: ``StorageError`` `frozen` when a run of the period is published; `conflict` when an accepted
    ///   value has no self-assessed value or an adjustment has no reason.
    public func appraise(
        _ decisions: [AppraisalInput], period: String, file: String, who: String
    ) throws(StorageError) -> ImportSummary {
        let at = clock()
        let operation = Words(
            vi: "ghi quyết định thẩm định kỳ \(period) từ \(file)",
            en: "recording appraisal decisions for period \(period) from \(file)")
        return try write(operation) { db in
            try checkNotFrozen(db, period: period, operation: operation)
            let periodKey = try Self.ensurePeriod(db, period, at: at)
            var summary = ImportSummary()
            let batch = try Self.newBatch(db, who: who, at: at)
            var unitKeys = try Self.keys(db, in: .unit)
            var variableKeys = try Self.keys(db, in: .variable)
            for decision in decisions {
                let key = StoredKey(
                    unit: try Self.keys(db, in: .unit, for: [decision.unit.rawValue], known: &unitKeys)[0],
                    variable: try Self.keys(db, in: .variable, for: [decision.variable.rawValue], known: &variableKeys)[
                        0])
                let own = try Self.storedValue(db, periodKey: periodKey, key: key, source: .selfAssessed)
                let appraised = try Self.storedValue(db, periodKey: periodKey, key: key, source: .appraised)
                let value: Value
                let kind: String
                switch decision.decision {
                case .accept:
                    guard let own else {
                        throw StorageError(
                            .conflict, operation: operation, subject: name,
                            Words(
                                vi: "đơn vị '\(decision.unit)', biến '\(decision.variable)': không có giá trị tự đánh "
                                    + "giá nào trong kỳ \(period) để chấp nhận",
                                en:
                                    "unit '\(decision.unit)', variable '\(decision.variable)': there is no self-assessed "
                                    + "value to accept in period \(period)"),
                            hint: Words(
                                vi: "hãy nhập phiếu tự đánh giá của đơn vị trước, hoặc dùng 'adjust' kèm giá trị",
                                en: "import the unit's self-assessment first, or use 'adjust' with the value"))
                    }
                    value = own.value.value
                    kind = "accepted"
                case .adjust(let v):
                    guard let reason = decision.reason, !reason.isEmpty else {
                        throw StorageError(
                            .conflict, operation: operation, subject: name,
                            Words(
                                vi: "đơn vị '\(decision.unit)', biến '\(decision.variable)': điều chỉnh cần có lý do",
                                en: "unit '\(decision.unit)', variable '\(decision.variable)': an adjustment needs a "
                                    + "reason"),
                            hint: Words(
                                vi: "hãy ghi lý do điều chỉnh vào cột 'reason'",
                                en: "write why the value was adjusted in the 'reason' column"))
                    }
                    _ = reason
                    value = v
                    kind = "adjusted"
                }
                let new = StoredValue(value)
                let before = appraised?.value
                if let before, before.isSame(as: new) {
                    summary.unchanged += 1
                    continue
                }
                try db.execute(
                    sql: """
                        INSERT INTO submission (period, unit, variable, source, kind, text, number, evidence, note, batch)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (period, unit, variable, source) DO UPDATE SET kind = excluded.kind,
                          text = excluded.text, number = excluded.number, evidence = excluded.evidence,
                          note = excluded.note, batch = excluded.batch
                        """,
                    arguments: [
                        periodKey, key.unit, key.variable, SubmissionCodes.code(of: .appraised), new.kind.code,
                        new.text,
                        new.number, appraised?.evidence ?? own?.evidence,
                        decision.reason ?? appraised?.note ?? own?.note,
                        batch,
                    ])
                let oldText = before?.text ?? own?.value.text
                var row = AppraisalDecisionRecord(
                    period: period, unit: decision.unit.rawValue, variable: decision.variable.rawValue,
                    decision: kind, oldValue: oldText, newValue: new.text, reason: decision.reason, who: who, at: at)
                try row.insert(db)
                var entry = AuditEntryRecord(
                    at: at, who: who, action: kind == "accepted" ? "appraisal.accept" : "appraisal.adjust",
                    period: period, unit: decision.unit.rawValue, variable: decision.variable.rawValue,
                    oldValue: oldText, newValue: new.text,
                    detail: [decision.reason, file].compactMap { $0 }.joined(separator: " — "))
                try entry.insert(db)
                if before == nil { summary.added += 1 } else { summary.changed += 1 }
            }
            if summary.changedAnything { try Self.bumpRevision(db, period) } else { try Self.removeBatch(db, batch) }
            return summary
        }
    }
}
