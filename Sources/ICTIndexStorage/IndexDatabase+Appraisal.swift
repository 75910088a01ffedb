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
        let operation = "recording appraisal decisions for period \(period) from \(file)"
        return try write(operation) { db in
            try checkNotFrozen(db, period: period, operation: operation)
            try Self.ensurePeriod(db, period, at: at)
            var summary = ImportSummary()
            for decision in decisions {
                let key: [String: (any DatabaseValueConvertible)?] = [
                    "period": period, "unit": decision.unit.rawValue, "variable": decision.variable.rawValue,
                ]
                let own = try SubmissionRecord.fetchOne(db, key: key.merging(["source": "self"]) { a, _ in a })
                let appraised = try SubmissionRecord.fetchOne(db, key: key.merging(["source": "appraised"]) { a, _ in a })
                let value: Value
                let kind: String
                switch decision.decision {
                case .accept:
                    guard let own else {
                        throw StorageError(
                            .conflict, operation: operation, subject: name,
                            "unit '\(decision.unit)', variable '\(decision.variable)': there is no self-assessed value "
                                + "to accept in period \(period)",
                            hint: "import the unit's self-assessment first, or use 'adjust' with the value")
                    }
                    value = own.value
                    kind = "accepted"
                case .adjust(let v):
                    guard let reason = decision.reason, !reason.isEmpty else {
                        throw StorageError(
                            .conflict, operation: operation, subject: name,
                            "unit '\(decision.unit)', variable '\(decision.variable)': an adjustment needs a reason",
                            hint: "write why the value was adjusted in the 'reason' column")
                    }
                    _ = reason
                    value = v
                    kind = "adjusted"
                }
                let new = StoredValue(value)
                let before = appraised.map { StoredValue(kind: $0.kind, text: $0.text, number: $0.number) }
                if let before, before.isSame(as: new) {
                    summary.unchanged += 1
                    continue
                }
                let record = SubmissionRecord(
                    period: period, unit: decision.unit.rawValue, variable: decision.variable.rawValue,
                    source: "appraised", kind: new.kind, text: new.text, number: new.number,
                    evidence: appraised?.evidence ?? own?.evidence, note: decision.reason ?? appraised?.note ?? own?.note,
                    who: who, at: at)
                try record.save(db)
                let oldText = before?.text ?? own?.text
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
            if summary.changedAnything { try Self.bumpRevision(db, period) }
            return summary
        }
    }
}
