import GRDB
import GRDBSQLite
public import ICTIndexCore
import OrderedCollections

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension IndexDatabase {
    /// Which source wins when a unit has several values for one variable: the department's appraisal, then
    /// values from systems, then imported statistics, then the unit's own self-assessment.
    public static let precedence: [Dataset.Source] = [.appraised, .automatic, .imported, .selfAssessed]

    // MARK: - Reads

    /// The periods that have values or runs, oldest first.
    public func periods() throws(StorageError) -> [String] {
        try read(Words(vi: "đọc các kỳ đánh giá", en: "reading periods")) { db in
            try String.fetchAll(db, sql: "SELECT id FROM period ORDER BY id")
        }
    }

    /// The published run that freezes a period, if any.
    public func publishedRun(forPeriod period: String) throws(StorageError) -> Int? {
        try read(Words(vi: "đọc các lần chấm", en: "reading runs")) { db in try Self.publishedRun(db, period: period) }
    }

    /// The values to score for a period: every unit that exists in it, and for each variable the value of the
    /// source that wins (``precedence``), with the self-assessed value kept beside an appraised one that differs.
    ///
    /// - Parameter sources: the sources to use (default: all); `[.selfAssessed]` scores the units' own values.
    /// - Returns: the data set and the period's revision (a run records it, to know later whether its
    ///   inputs changed).
    public func dataset(
        forPeriod period: String, sources: [Dataset.Source] = IndexDatabase.precedence
    ) throws(StorageError) -> (dataset: Dataset, revision: Int) {
        let units = try units(inPeriod: period)
        return try read(Words(vi: "đọc số liệu của kỳ \(period)", en: "reading the values of period \(period)")) { db in
            let revision =
                try Int.fetchOne(db, sql: "SELECT revision FROM period WHERE id = ?", arguments: [period]) ?? 0
            let dataset = try Self.dataset(db, period: period, units: units, sources: sources)
            return (dataset, revision)
        }
    }

    /// The values of one unit for a period, chosen as ``dataset(forPeriod:sources:)`` chooses them, read by the
    /// primary key (the unit's rows only, not the period's).
    public func dataset(
        forPeriod period: String, unit: ICTIndexCore.Unit, sources: [Dataset.Source] = IndexDatabase.precedence
    ) throws(StorageError) -> Dataset {
        try read(
            Words(
                vi: "đọc số liệu của đơn vị '\(unit.code)' kỳ \(period)",
                en: "reading the values of unit '\(unit.code)' in period \(period)")
        ) { db in
            try Self.dataset(db, period: period, units: [unit], sources: sources)
        }
    }

    /// Every unit and variable of a period that has a self-assessed or an appraised value, by unit and variable;
    /// with `unit`, that unit's only (read by the primary key).
    public func valuePairs(forPeriod period: String, unit: UnitCode? = nil) throws(StorageError) -> [ValuePair] {
        try read(Words(vi: "đọc số liệu của kỳ \(period)", en: "reading the values of period \(period)")) { db in
            guard let key = try Self.periodKey(db, period) else { return [] }
            var unitKey: Int?
            if let unit {
                // A unit with no key has no value; one found only by canonical equivalence is filtered below.
                guard let keys = try Self.keys(db, in: .unit, codes: [unit.rawValue]) else {
                    return try Self.valuePairs(db, periodKey: key, unitKey: nil).filter { $0.unit == unit }
                }
                unitKey = keys[unit.rawValue]
            }
            return try Self.valuePairs(db, periodKey: key, unitKey: unitKey)
        }
    }

    private static func valuePairs(_ db: Database, periodKey: Int, unitKey: Int?) throws -> [ValuePair] {
        let own = SubmissionCodes.code(of: .selfAssessed)
        let appraised = SubmissionCodes.code(of: .appraised)
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT u.code, v.code, s.source, s.kind, s.text, s.number, s.note FROM submission AS s
                JOIN unitKey AS u ON u.id = s.unit JOIN variableKey AS v ON v.id = s.variable
                WHERE s.period = ?\(unitKey == nil ? "" : " AND s.unit = ?") AND (s.source = ? OR s.source = ?)
                ORDER BY u.code, v.code
                """,
            arguments: StatementArguments([periodKey] + (unitKey.map { [$0] } ?? []) + [own, appraised]))
        var pairs: [ValuePair] = []
        while let row = try rows.next() {
            let unit: String = row[0]
            let variable: String = row[1]
            if pairs.last?.unit.rawValue != unit || pairs.last?.variable.rawValue != variable {
                pairs.append(ValuePair(unit: UnitCode(unit), variable: VariableID(variable)))
            }
            let value = StoredValue(kind: StoredValue.Kind(code: row[3]) ?? .text, text: row[4], number: row[5])
            if row[2] == own {
                pairs[pairs.count - 1].selfAssessed = value.value
            } else {
                pairs[pairs.count - 1].appraised = value.value
                let note: String? = row[6]
                pairs[pairs.count - 1].reason = note.flatMap { $0.isEmpty ? nil : $0 }
            }
        }
        return pairs
    }

    /// How many self-assessed and appraised values each unit has in a period (units without any are absent),
    /// counted by SQLite.
    public func valueCounts(forPeriod period: String) throws(StorageError) -> [UnitCode: (
        selfAssessed: Int, appraised: Int
    )] {
        try read(Words(vi: "đếm số liệu của kỳ \(period)", en: "counting the values of period \(period)")) { db in
            guard let key = try Self.periodKey(db, period) else { return [:] }
            let own = SubmissionCodes.code(of: .selfAssessed)
            let appraised = SubmissionCodes.code(of: .appraised)
            var counts: [UnitCode: (selfAssessed: Int, appraised: Int)] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT u.code, s.source, COUNT(*) FROM submission AS s JOIN unitKey AS u ON u.id = s.unit
                    WHERE s.period = ? AND (s.source = ? OR s.source = ?) GROUP BY s.unit, s.source
                    """,
                arguments: [key, own, appraised])
            while let row = try rows.next() {
                let code = UnitCode(row[0] as String)
                var count = counts[code] ?? (0, 0)
                if row[1] == own { count.selfAssessed += row[2] } else { count.appraised += row[2] }
                counts[code] = count
            }
            return counts
        }
    }

    /// Reads a period's values into a data set over the given units (in their order).
    static func dataset(
        _ db: Database, period: String, units: [Unit], sources: [Dataset.Source]
    ) throws -> Dataset {
        var dataset = Dataset(period: period, units: units)
        guard let periodKey = try periodKey(db, period) else { return dataset }
        // Each unit key's position in the data set (-1 for units not in it), and each variable key's id and column
        // (created when a value of a known unit is first stored).
        var unitIndex: [String: Int] = [:]
        for (i, code) in dataset.units.keys.enumerated() { unitIndex[code.rawValue] = i }
        // One unit (a form, a unit's page) is looked up by its code; otherwise the key table is read once.
        let unitKeys = try units.count == 1 ? keys(db, in: .unit, codes: [units[0].code.rawValue]) : nil
        var unitPositions: [Int] = []
        for (code, key) in try unitKeys ?? keys(db, in: .unit) {
            if key >= unitPositions.count {
                unitPositions.append(contentsOf: repeatElement(-1, count: key + 1 - unitPositions.count))
            }
            unitPositions[key] = unitIndex[code] ?? -1
        }
        // One unit's rows are found by the primary key (period, unit, …) without reading the period's; a code
        // found only by canonical equivalence may have more than one key, so the period is read then.
        var onlyKey: Int?
        if units.count == 1 {
            guard let key = unitPositions.firstIndex(of: 0) else { return dataset }  // nothing stored for it
            if unitKeys != nil { onlyKey = key }
        }
        var variableNames: [String?] = []
        for (code, key) in try keys(db, in: .variable) {
            if key >= variableNames.count {
                variableNames.append(contentsOf: repeatElement(nil, count: key + 1 - variableNames.count))
            }
            variableNames[key] = code
        }
        var variableColumns = [Int?](repeating: nil, count: variableNames.count)
        // A source's rank is its position in `sources`; by source code.
        var ranks = [Int](repeating: Int.max, count: SubmissionCodes.sources.count)
        var sourceByCode = [Dataset.Source](repeating: .imported, count: SubmissionCodes.sources.count)
        for (source, code) in SubmissionCodes.sources {
            ranks[code] = sources.firstIndex(of: source) ?? Int.max
            sourceByCode[code] = source
        }
        let selfCode = SubmissionCodes.code(of: .selfAssessed)

        // Rows come grouped by unit and variable key (the primary key's order), so the winner of each cell is
        // chosen in one pass. Read through SQLite's C API: GRDB's Row decodes each of a million rows' 8 columns
        // through generic conversions and dynamic casts, which cost more than the query.
        let sql = """
            SELECT unit, variable, source, kind, text, number, evidence, note FROM submission
            WHERE period = ?\(onlyKey == nil ? "" : " AND unit = ?") ORDER BY unit, variable
            """
        let statement = try db.makeStatement(sql: sql)
        statement.setUncheckedArguments(onlyKey.map { [periodKey, $0] } ?? [periodKey])
        let s = statement.sqliteStatement
        func text(_ column: Int32) -> String? {
            // sqlite3_column_text is NULL for NULL (and a valid pointer for an empty text).
            guard let bytes = sqlite3_column_text(s, column) else { return nil }
            let count = Int(sqlite3_column_bytes(s, column))
            return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }

        // The cell being read (none yet when `cellUnit` is -1): plain variables rather than optional tuples,
        // which Swift copies through generic value witnesses.
        var cellUnit = -1
        var cellVariable = -1
        var cellPosition = -1
        var bestRank = Int.max
        var bestValue = StoredValue(kind: .text, text: "", number: nil)
        var bestSource = Dataset.Source.imported
        var bestEvidence: String?
        var bestNote: String?
        var selfValue: StoredValue?
        func flush(_ dataset: inout Dataset) throws {
            guard cellPosition >= 0, bestRank != Int.max else { return }
            let column: Int
            if cellVariable < variableColumns.count, let c = variableColumns[cellVariable] {
                column = c
            } else {
                guard cellVariable < variableNames.count, let name = variableNames[cellVariable] else {
                    throw StorageError(
                        .sqlite, operation: Words(vi: "đọc kỳ \(period)", en: "reading period \(period)"),
                        subject: "submission",
                        .verbatim("variable key \(cellVariable) is not in variableKey"))
                }
                column = dataset.column(for: VariableID(name))
                variableColumns[cellVariable] = column
            }
            let reported =
                bestSource != .selfAssessed ? selfValue.flatMap { $0.isSame(as: bestValue) ? nil : $0.value } : nil
            if reported == nil && bestEvidence == nil && bestNote == nil {
                // No Dataset.Entry built and destroyed per value (perf showed their copies in the read).
                dataset.setValue(bestValue.value, source: bestSource, unitAt: cellPosition, column: column)
            } else {
                let entry = Dataset.Entry(
                    value: bestValue.value, source: bestSource, selfAssessed: reported, evidence: bestEvidence,
                    note: bestNote)
                dataset.setEntry(entry, unitAt: cellPosition, column: column)
            }
        }
        while true {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: sql)
            }
            let unit = Int(sqlite3_column_int64(s, 0))
            let variable = Int(sqlite3_column_int64(s, 1))
            if unit != cellUnit || variable != cellVariable {
                try flush(&dataset)
                cellUnit = unit
                cellVariable = variable
                cellPosition = unit >= 0 && unit < unitPositions.count ? unitPositions[unit] : -1
                bestRank = Int.max
                bestEvidence = nil
                bestNote = nil
                selfValue = nil
            }
            guard cellPosition >= 0 else { continue }
            let sourceCode = Int(sqlite3_column_int64(s, 2))
            let rank = sourceCode >= 0 && sourceCode < ranks.count ? ranks[sourceCode] : Int.max
            let isSelf = sourceCode == selfCode
            let wins = rank < bestRank
            guard isSelf || wins else { continue }
            let kind = StoredValue.Kind(code: Int(sqlite3_column_int64(s, 3))) ?? .text
            let number: Double? = sqlite3_column_type(s, 5) == SQLITE_NULL ? nil : sqlite3_column_double(s, 5)
            // A number's text is its double's description (see StoredValue.init): not needed to read it back, nor
            // to compare two stored numbers, so no String is built for it.
            let value = StoredValue(
                kind: kind, text: kind == .number && number != nil ? "" : text(4) ?? "", number: number)
            if isSelf { selfValue = value }
            if wins {
                // `wins` means `rank` came from `ranks`, so sourceCode is in range.
                bestRank = rank
                bestValue = value
                bestSource = sourceByCode[sourceCode]
                bestEvidence = text(6)
                bestNote = text(7)
            }
        }
        sqlite3_reset(s)
        try flush(&dataset)
        return dataset
    }

    static func publishedRun(_ db: Database, period: String) throws -> Int? {
        try Int.fetchOne(
            db, sql: "SELECT id FROM run WHERE period = ? AND status = 'published' ORDER BY id LIMIT 1",
            arguments: [period])
    }

    /// Throws `frozen` when a run of the period is published.
    func checkNotFrozen(_ db: Database, period: String, operation: Words) throws {
        guard let run = try Self.publishedRun(db, period: period) else { return }
        let publishedAt = try String.fetchOne(db, sql: "SELECT publishedAt FROM run WHERE id = ?", arguments: [run])
        throw StorageError(
            .frozen, operation: operation, subject: name,
            Words(
                vi:
                    "kỳ \(period) đã khóa: lần chấm \(run) đã được công bố\(publishedAt.map { " lúc \($0)" } ?? ""), nên "
                    + "số liệu không thể thay đổi nữa",
                en: "period \(period) is frozen: run \(run) was published\(publishedAt.map { " at \($0)" } ?? ""), so "
                    + "its values can no longer change"),
            hint: Words(
                vi: "kết quả đã công bố được giữ nguyên; hãy ghi các điều chỉnh vào kỳ sau",
                en: "published results stand as published; record corrections in the next period"))
    }

    // MARK: - Writes

    /// Stores the values of a data set for a period, as one transaction.
    ///
    /// A value already stored the same way (same value, evidence and note) is left alone, so importing the
    /// same file twice changes nothing the second time. A changed value is updated and logged old → new; new
    /// values are logged once per unit. Values already stored but absent from the data set are kept.
    ///
    /// - Parameters:
    ///   - dataset: the values, validated (units exist in the period, values fit their variables).
    ///   - period: the period, created when new.
    ///   - source: where the values come from (`self` for self-assessment forms, `appraised`, …).
    ///   - file: the file's name, for the audit log.
    ///   - who: the person or system importing.
    /// - Returns: how many values were added, changed and unchanged.
    /// - Throws: ``StorageError`` `frozen` when a run of the period is published; `busy`.
    public func importValues(
        _ dataset: Dataset, period: String, source: Dataset.Source, file: String, who: String
    ) throws(StorageError) -> ImportSummary {
        let at = clock()
        let operation = Words(
            vi: "nhập số liệu \(source.rawValue) kỳ \(period) từ \(file)",
            en: "importing \(source.rawValue) values for period \(period) from \(file)")
        return try write(operation) { db in
            try checkNotFrozen(db, period: period, operation: operation)
            return try Self.storeValues(db, dataset, period: period, source: source, file: file, who: who, at: at)
        }
    }

    /// The work of ``importValues(_:period:source:file:who:)`` inside the caller's transaction.
    ///
    /// - Parameter clearing: variables whose stored value of this source is removed (and logged as
    ///   `value.remove`) for each unit of the data set that has no value for them in it: the fields an agency
    ///   emptied in its form. Values of other variables absent from the data set are kept.
    static func storeValues(
        _ db: Database, _ dataset: Dataset, period: String, source: Dataset.Source, file: String, who: String,
        at: String, clearing: [VariableID] = []
    ) throws -> ImportSummary {
        let periodKey = try Self.ensurePeriod(db, period, at: at)
        let sourceCode = SubmissionCodes.code(of: source)
        // A few units (a web form, a template workbook): their keys and stored values are looked up one by one;
        // many (a file of the whole province): the key tables and the period's values are read once.
        let few = dataset.units.count <= 16
        // Units and variables in key order, so that rows go in in the primary key's order and SQLite appends to
        // its B-tree instead of splitting pages all over a million-row table. Codes new to the database get
        // the next keys in code order.
        func ordered(_ table: KeyTable, _ codes: [String]) throws -> [(code: String, index: Int, key: Int)] {
            var known: [String: Int]
            if few && table == .unit, let found = try Self.keys(db, in: table, codes: codes) {
                known = found
            } else {
                known = try Self.keys(db, in: table)
            }
            let listed = codes.enumerated().map { (index: $0.offset, code: $0.element, key: known[$0.element]) }
            let old = listed.filter { $0.key != nil }.sorted { $0.key ?? 0 < $1.key ?? 0 }
            let new = listed.filter { $0.key == nil }.sorted { $0.code < $1.code }
            let newKeys = try Self.keys(db, in: table, for: new.map(\.code), known: &known)
            return old.map { ($0.code, $0.index, $0.key ?? 0) }
                + zip(new, newKeys).map { ($0.code, $0.index, $1) }
        }
        let units = try ordered(.unit, dataset.units.keys.map(\.rawValue))
        let variables = try ordered(.variable, dataset.variableIDs.map { $0.key.rawValue }).map {
            (code: $0.code, column: dataset.variableIDs.values[$0.index], key: $0.key)
        }
        let existing = try Self.storedValues(
            db, periodKey: periodKey, source: sourceCode, units: few ? units.map(\.key) : nil)
        let update = try db.cachedStatement(
            sql: """
                UPDATE submission SET kind = ?, text = ?, number = ?, evidence = ?, note = ?, batch = ?
                WHERE period = ? AND unit = ? AND variable = ? AND source = ?
                """)
        var summary = ImportSummary()
        // Who and when, once for the import (removed below if it stores nothing).
        let batch = try Self.newBatch(db, who: who, at: at)
        var inserter = try SubmissionInserter(db, period: periodKey, source: sourceCode, batch: batch)
        let audit = try Self.auditStatement(db)
        // The variables a form may empty, with their keys (a variable without a key has no value anywhere).
        let clearable: [(code: String, key: Int, column: Int?)] =
            try clearing.isEmpty
            ? []
            : {
                let keys = try Self.keys(db, in: .variable)
                return clearing.compactMap { id in
                    keys[id.rawValue].map { (id.rawValue, $0, dataset.variableIDs[id]) }
                }
            }()
        for unit in units {
            var added = 0
            for variable in variables {
                guard let value = dataset.value(unitAt: unit.index, column: variable.column) else { continue }
                let entry = dataset.provenance(unitAt: unit.index, column: variable.column)
                let new = StoredValue(value)
                let evidence = entry?.evidence
                let note = entry?.note
                if let previous = existing.isEmpty ? nil : existing[StoredKey(unit: unit.key, variable: variable.key)] {
                    if previous.value.isSame(as: new) && previous.evidence == evidence && previous.note == note {
                        summary.unchanged += 1
                        continue
                    }
                    try update.execute(arguments: [
                        new.kind.code, new.text, new.number, evidence, note, batch, periodKey, unit.key,
                        variable.key, sourceCode,
                    ])
                    try Self.appendAudit(
                        audit, at: at, who: who, action: "value.change", period: period, unit: unit.code,
                        variable: variable.code,
                        oldValue: Self.auditText(previous.value, previous.evidence, previous.note),
                        newValue: Self.auditText(new, evidence, note), detail: "\(source.rawValue), \(file)")
                    summary.changed += 1
                } else {
                    try inserter.add(
                        SubmissionInserter.Row(
                            unit: unit.key, variable: variable.key, value: new, evidence: evidence, note: note))
                    added += 1
                }
            }
            if added > 0 {
                try Self.appendAudit(
                    audit, at: at, who: who, action: "value.add", period: period, unit: unit.code,
                    detail: "\(added) \(source.rawValue) value\(added == 1 ? "" : "s") from \(file)")
                summary.added += added
            }
            for variable in clearable {
                if let column = variable.column, dataset.value(unitAt: unit.index, column: column) != nil { continue }
                guard let previous = existing[StoredKey(unit: unit.key, variable: variable.key)] else { continue }
                try db.execute(
                    sql: "DELETE FROM submission WHERE period = ? AND unit = ? AND variable = ? AND source = ?",
                    arguments: [periodKey, unit.key, variable.key, sourceCode])
                try Self.appendAudit(
                    audit, at: at, who: who, action: "value.remove", period: period, unit: unit.code,
                    variable: variable.code, oldValue: Self.auditText(previous.value, previous.evidence, previous.note),
                    detail: "\(source.rawValue), \(file)")
                summary.removed += 1
            }
        }
        try inserter.finish()
        if summary.changedAnything {
            try Self.bumpRevision(db, period)
            var entry = AuditEntryRecord(
                at: at, who: who, action: "values.import", period: period,
                detail: "\(file): \(summary.added) added, \(summary.changed) changed, "
                    + (summary.removed > 0 ? "\(summary.removed) removed, " : "")
                    + "\(summary.unchanged) unchanged (\(source.rawValue))")
            try entry.insert(db)
        } else {
            try Self.removeBatch(db, batch)
        }
        return summary
    }

    /// A unit key and a variable key.
    struct StoredKey: Hashable {
        var unit: Int
        var variable: Int
    }

    /// A stored value with its evidence and note.
    struct StoredSubmission {
        var value: StoredValue
        var evidence: String?
        var note: String?
    }

    /// The values of one source in a period, by unit and variable key: of the given units (by key), or of all.
    static func storedValues(
        _ db: Database, periodKey: Int, source: Int, units: [Int]? = nil
    ) throws -> [StoredKey: StoredSubmission] {
        var stored: [StoredKey: StoredSubmission] = [:]
        func read(_ rows: RowCursor) throws {
            while let row = try rows.next() {
                stored[StoredKey(unit: row[0], variable: row[1])] = StoredSubmission(
                    value: StoredValue(kind: StoredValue.Kind(code: row[2]) ?? .text, text: row[3], number: row[4]),
                    evidence: row[5], note: row[6])
            }
        }
        let columns = "SELECT unit, variable, kind, text, number, evidence, note FROM submission"
        guard let units else {
            try read(
                Row.fetchCursor(
                    db, sql: "\(columns) WHERE period = ? AND source = ?", arguments: [periodKey, source]))
            return stored
        }
        // The primary key (period, unit, variable, source) finds one unit's rows without reading the period's.
        let statement = try db.cachedStatement(sql: "\(columns) WHERE period = ? AND unit = ? AND source = ?")
        for unit in units { try read(Row.fetchCursor(statement, arguments: [periodKey, unit, source])) }
        return stored
    }

    /// The value stored for one unit, variable and source of a period, if any.
    static func storedValue(_ db: Database, periodKey: Int, key: StoredKey, source: Dataset.Source) throws
        -> StoredSubmission?
    {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT kind, text, number, evidence, note FROM submission
                WHERE period = ? AND unit = ? AND variable = ? AND source = ?
                """,
            arguments: [periodKey, key.unit, key.variable, SubmissionCodes.code(of: source)])
        return row.map {
            StoredSubmission(
                value: StoredValue(kind: StoredValue.Kind(code: $0[0]) ?? .text, text: $0[1], number: $0[2]),
                evidence: $0[3], note: $0[4])
        }
    }

    static func bumpRevision(_ db: Database, _ period: String) throws {
        try db.execute(sql: "UPDATE period SET revision = revision + 1 WHERE id = ?", arguments: [period])
    }

    /// `12.5`, or `12.5 [evidence: QĐ 12/2025] [note: …]`.
    static func auditText(_ value: StoredValue, _ evidence: String?, _ note: String?) -> String {
        var text = value.text
        if let evidence { text += " [evidence: \(evidence)]" }
        if let note { text += " [note: \(note)]" }
        return text
    }
}
