#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GRDB
import GRDBSQLite
public import ICTIndexCore
import OrderedCollections

extension IndexDatabase {
    /// Which source wins when a unit has several values for one variable: the department's appraisal, then
    /// values from systems, then imported statistics, then the unit's own self-assessment.
    public static let precedence: [Dataset.Source] = [.appraised, .automatic, .imported, .selfAssessed]

    // MARK: - Reads

    /// The periods that have values or runs, oldest first.
    public func periods() throws(StorageError) -> [String] {
        try read("reading periods") { db in try String.fetchAll(db, sql: "SELECT id FROM period ORDER BY id") }
    }

    /// The published run that freezes a period, if any.
    public func publishedRun(forPeriod period: String) throws(StorageError) -> Int? {
        try read("reading runs") { db in try Self.publishedRun(db, period: period) }
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
        return try read("reading the values of period \(period)") { db in
            let revision = try Int.fetchOne(db, sql: "SELECT revision FROM period WHERE id = ?", arguments: [period]) ?? 0
            let dataset = try Self.dataset(db, period: period, units: units, sources: sources)
            return (dataset, revision)
        }
    }

    /// Every unit and variable of a period that has a self-assessed or an appraised value, by unit and variable.
    public func valuePairs(forPeriod period: String) throws(StorageError) -> [ValuePair] {
        try read("reading the values of period \(period)") { db in
            let rows = try SubmissionRecord
                .filter(SubmissionRecord.Columns.period == period)
                .filter(["self", "appraised"].contains(SubmissionRecord.Columns.source))
                .order(SubmissionRecord.Columns.unit, SubmissionRecord.Columns.variable)
                .fetchAll(db)
            var pairs: [ValuePair] = []
            for row in rows {
                if pairs.last?.unit.rawValue != row.unit || pairs.last?.variable.rawValue != row.variable {
                    pairs.append(ValuePair(unit: UnitCode(row.unit), variable: VariableID(row.variable)))
                }
                if row.source == "self" { pairs[pairs.count - 1].selfAssessed = row.value }
                else { pairs[pairs.count - 1].appraised = row.value }
            }
            return pairs
        }
    }

    /// Reads a period's values into a data set over the given units (in their order).
    static func dataset(
        _ db: Database, period: String, units: [Unit], sources: [Dataset.Source]
    ) throws -> Dataset {
        var dataset = Dataset(period: period, units: units)
        // A source's rank is its position in `sources` (at most 4: a linear search beats hashing per row).
        var unitIndex: [String: Int] = [:]
        for (i, code) in dataset.units.keys.enumerated() { unitIndex[code.rawValue] = i }
        // Rows come grouped by unit and variable (the primary key's order), so the winner of each cell is
        // chosen in one pass without a dictionary of cells.
        // Read through SQLite's C API: GRDB's Row decodes each of a million rows' 8 columns through generic
        // conversions and dynamic casts, which cost more than the query.
        let sql = """
            SELECT unit, variable, source, kind, text, number, evidence, note FROM submission
            WHERE period = ? ORDER BY unit, variable
            """
        let statement = try db.makeStatement(sql: sql)
        statement.setUncheckedArguments([period])
        let s = statement.sqliteStatement
        func text(_ column: Int32) -> String? {
            // sqlite3_column_text is NULL for NULL (and a valid pointer for an empty text).
            guard let bytes = sqlite3_column_text(s, column) else { return nil }
            let count = Int(sqlite3_column_bytes(s, column))
            return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }
        // The raw bytes of a text column (empty for NULL), valid until the next step or column call.
        func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
            guard let p = sqlite3_column_text(s, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(s, column)))
        }
        func same(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Bool {
            a.count == b.count
                && b.withUnsafeBufferPointer { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
        // Known texts without building a String per row.
        let sourceNames: [(bytes: [UInt8], source: Dataset.Source)] = Dataset.Source.allCases.map {
            (Array($0.rawValue.utf8), $0)
        }
        let kindNames: [(bytes: [UInt8], name: String)] = ["number", "option", "text"].map { (Array($0.utf8), $0) }

        // The unit: its bytes are compared with the previous row's; a String is built (and its position looked
        // up) only when they change. `unitGeneration` counts units as Strings compare (canonical equivalence),
        // as the cells did when they were keyed by String.
        var unitBytes: [UInt8] = []
        var unitCode = ""
        var unitPosition: Int?
        var unitGeneration = 0
        // The variables: one slot per variable id (as Strings compare), with its bytes, its column (created when
        // a value of a known unit is first stored, as before) and the slot that followed it last time. Rows come
        // sorted by variable within each unit, so the next variable is almost always the predicted one and is
        // recognised by a byte comparison; otherwise its String is built and looked up.
        var slotBytes: [[UInt8]] = []
        var slotNames: [String] = []
        var slotColumns: [Int?] = []
        var slotNext: [Int] = []
        var slotByName: [String: Int] = [:]
        var firstSlot = -1
        func slot(named name: String, bytes: UnsafeBufferPointer<UInt8>) -> Int {
            if let i = slotByName[name] { return i }
            slotBytes.append(Array(bytes))
            slotNames.append(name)
            slotColumns.append(nil)
            slotNext.append(-1)
            slotByName[name] = slotNames.count - 1
            return slotNames.count - 1
        }

        // The cell being read (no cell yet when `cellUnit` is 0): plain variables rather than optional tuples,
        // which Swift copies through generic value witnesses.
        var cellUnit = 0
        var cellSlot = -1
        var cellUnitPosition: Int?
        var bestRank = Int.max
        var bestValue = StoredValue(kind: "", text: "", number: nil)
        var bestSource = Dataset.Source.imported
        var bestEvidence: String?
        var bestNote: String?
        var selfValue: StoredValue?
        func flush(_ dataset: inout Dataset) {
            guard cellUnit != 0, bestRank != Int.max, let u = cellUnitPosition else { return }
            let column: Int
            if let c = slotColumns[cellSlot] {
                column = c
            } else {
                column = dataset.column(for: VariableID(slotNames[cellSlot]))
                slotColumns[cellSlot] = column
            }
            if bestSource == .imported && bestEvidence == nil && bestNote == nil {
                dataset.setValue(bestValue.value, unitAt: u, column: column)
            } else {
                let reported =
                    bestSource != .selfAssessed ? selfValue.flatMap { $0.isSame(as: bestValue) ? nil : $0.value } : nil
                let entry = Dataset.Entry(
                    value: bestValue.value, source: bestSource, selfAssessed: reported, evidence: bestEvidence,
                    note: bestNote)
                dataset.setEntry(entry, unitAt: u, column: column)
            }
        }
        while true {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: sql)
            }
            // The unit.
            let unit = bytes(0)
            var newUnit = false
            if cellUnit == 0 || !same(unit, unitBytes) {
                unitBytes.removeAll(keepingCapacity: true)
                unitBytes.append(contentsOf: unit)
                let name = String(decoding: unit, as: UTF8.self)
                if cellUnit == 0 || name != unitCode {
                    unitCode = name
                    unitPosition = unitIndex[name]
                    unitGeneration += 1
                    newUnit = true
                }
            }
            // The variable: the current cell's, else the predicted next one, else looked up.
            let variable = bytes(1)
            let variableSlot: Int
            if !newUnit, same(variable, slotBytes[cellSlot]) {
                variableSlot = cellSlot
            } else {
                let predicted = newUnit ? firstSlot : slotNext[cellSlot]
                if predicted >= 0, same(variable, slotBytes[predicted]) {
                    variableSlot = predicted
                } else {
                    variableSlot = slot(named: String(decoding: variable, as: UTF8.self), bytes: variable)
                    if newUnit { firstSlot = variableSlot } else { slotNext[cellSlot] = variableSlot }
                }
            }
            if cellUnit != unitGeneration || cellSlot != variableSlot {
                flush(&dataset)
                cellUnit = unitGeneration
                cellSlot = variableSlot
                cellUnitPosition = unitPosition
                bestRank = Int.max
                bestEvidence = nil
                bestNote = nil
                selfValue = nil
            }
            // The source (a source not in Dataset.Source is never ranked).
            let sourceBytes = bytes(2)
            var source: Dataset.Source?
            for name in sourceNames where same(sourceBytes, name.bytes) {
                source = name.source
                break
            }
            var rank = Int.max
            if let source, let r = sources.firstIndex(of: source) { rank = r }
            let isSelf = source == .selfAssessed
            let wins = rank < bestRank
            guard isSelf || wins else { continue }
            let kindBytes = bytes(3)
            var kind: String?
            for name in kindNames where same(kindBytes, name.bytes) {
                kind = name.name
                break
            }
            let number: Double? = sqlite3_column_type(s, 5) == SQLITE_NULL ? nil : sqlite3_column_double(s, 5)
            let value = StoredValue(
                kind: kind ?? String(decoding: kindBytes, as: UTF8.self), text: text(4) ?? "", number: number)
            if isSelf { selfValue = value }
            if wins, let source {
                bestRank = rank
                bestValue = value
                bestSource = source
                bestEvidence = text(6)
                bestNote = text(7)
            }
        }
        sqlite3_reset(s)
        flush(&dataset)
        return dataset
    }

    static func publishedRun(_ db: Database, period: String) throws -> Int? {
        try Int.fetchOne(
            db, sql: "SELECT id FROM run WHERE period = ? AND status = 'published' ORDER BY id LIMIT 1",
            arguments: [period])
    }

    /// Throws `frozen` when a run of the period is published.
    func checkNotFrozen(_ db: Database, period: String, operation: String) throws {
        guard let run = try Self.publishedRun(db, period: period) else { return }
        let publishedAt = try String.fetchOne(db, sql: "SELECT publishedAt FROM run WHERE id = ?", arguments: [run])
        throw StorageError(
            .frozen, operation: operation, subject: name,
            "period \(period) is frozen: run \(run) was published\(publishedAt.map { " at \($0)" } ?? ""), so its "
                + "values can no longer change",
            hint: "published results stand as published; record corrections in the next period")
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
        let operation = "importing \(source.rawValue) values for period \(period) from \(file)"
        return try write(operation) { db in
            try checkNotFrozen(db, period: period, operation: operation)
            try Self.ensurePeriod(db, period, at: at)
            var existing: [String: [String: SubmissionRecord]] = [:]
            let stored = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM submission WHERE period = ? AND source = ?",
                arguments: [period, source.rawValue]) ?? 0
            if stored > 0 {
                let rows = try SubmissionRecord.filter(SubmissionRecord.Columns.period == period)
                    .filter(SubmissionRecord.Columns.source == source.rawValue).fetchCursor(db)
                while let row = try rows.next() { existing[row.unit, default: [:]][row.variable] = row }
            }
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO submission (period, unit, variable, source, kind, text, number, evidence, note, who, at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let update = try db.cachedStatement(
                sql: """
                    UPDATE submission SET kind = ?, text = ?, number = ?, evidence = ?, note = ?, who = ?, at = ?
                    WHERE period = ? AND unit = ? AND variable = ? AND source = ?
                    """)
            var summary = ImportSummary()
            // Constant arguments (period, source, who, at) are bound once; each row rebinds only its own.
            insert.setUncheckedArguments([period, "", "", source.rawValue, "", "", nil, nil, nil, who, at])
            let audit = try Self.auditStatement(db)
            // Rows go in in key order (units and variables sorted), so SQLite appends to its B-tree instead of
            // splitting pages all over a million-row table.
            let variables = dataset.variableIDs.sorted { $0.key < $1.key }
            let units = dataset.units.keys.enumerated().sorted { $0.element < $1.element }
            for (u, code) in units {
                var added = 0
                let old = existing[code.rawValue]
                for (variable, column) in variables {
                    guard let value = dataset.value(unitAt: u, column: column) else { continue }
                    let entry = dataset.provenance(unitAt: u, column: column)
                    let new = StoredValue(value)
                    let evidence = entry?.evidence
                    let note = entry?.note
                    if let previous = old?[variable.rawValue] {
                        let was = StoredValue(kind: previous.kind, text: previous.text, number: previous.number)
                        if was.isSame(as: new) && previous.evidence == evidence && previous.note == note {
                            summary.unchanged += 1
                            continue
                        }
                        try update.execute(arguments: [
                            new.kind, new.text, new.number, evidence, note, who, at, period, code.rawValue,
                            variable.rawValue, source.rawValue,
                        ])
                        try Self.appendAudit(
                            audit, at: at, who: who, action: "value.change", period: period, unit: code.rawValue,
                            variable: variable.rawValue, oldValue: Self.auditText(was, previous.evidence, previous.note),
                            newValue: Self.auditText(new, evidence, note), detail: "\(source.rawValue), \(file)")
                        summary.changed += 1
                    } else {
                        try Self.insertSubmission(
                            insert, unit: code.rawValue, variable: variable.rawValue, value: new, evidence: evidence,
                            note: note)
                        added += 1
                    }
                }
                if added > 0 {
                    try Self.appendAudit(
                        audit, at: at, who: who, action: "value.add", period: period, unit: code.rawValue,
                        detail: "\(added) \(source.rawValue) value\(added == 1 ? "" : "s") from \(file)")
                    summary.added += added
                }
            }
            if summary.changedAnything {
                try Self.bumpRevision(db, period)
                var entry = AuditEntryRecord(
                    at: at, who: who, action: "values.import", period: period,
                    detail: "\(file): \(summary.added) added, \(summary.changed) changed, \(summary.unchanged) "
                        + "unchanged (\(source.rawValue))")
                try entry.insert(db)
            }
            return summary
        }
    }

    /// Inserts one submission with `insert` (the statement of ``importValues(_:period:source:file:who:)``,
    /// whose period, source, who and at are already bound), binding the row's own values straight through
    /// SQLite's C API: a million values would otherwise build a million argument arrays of existentials.
    static func insertSubmission(
        _ insert: Statement, unit: String, variable: String, value: StoredValue, evidence: String?, note: String?
    ) throws {
        let statement = insert.sqliteStatement
        sqlite3_reset(statement)
        bindText(statement, 2, unit)
        bindText(statement, 3, variable)
        bindText(statement, 5, value.kind)
        bindText(statement, 6, value.text)
        if let number = value.number { sqlite3_bind_double(statement, 7, number) } else { sqlite3_bind_null(statement, 7) }
        bindText(statement, 8, evidence)
        bindText(statement, 9, note)
        try insert.execute()
    }

    /// Binds a text (copied by SQLite) or NULL.
    static func bindText(_ statement: SQLiteStatement, _ index: Int32, _ text: String?) {
        guard var text else {
            sqlite3_bind_null(statement, index)
            return
        }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        text.withUTF8 { bytes in
            if let base = bytes.baseAddress {
                _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text(statement, index, $0, Int32(bytes.count), transient)
                }
            } else {
                sqlite3_bind_text(statement, index, "", 0, transient)
            }
        }
    }

    static func ensurePeriod(_ db: Database, _ period: String, at: String) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO period (id, revision, createdAt) VALUES (?, 0, ?)", arguments: [period, at])
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
