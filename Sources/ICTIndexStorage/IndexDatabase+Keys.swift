import GRDB
import ICTIndexCore

/// The tables that number the codes of `submission` (migration `v3-integer-keys`).
enum KeyTable: String {
    case unit = "unitKey"
    case variable = "variableKey"
}

extension IndexDatabase {
    // MARK: - Reads

    /// The number of a period in `submission.period`; nil for a period that was never created.
    static func periodKey(_ db: Database, _ period: String) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT key FROM period WHERE id = ?", arguments: [period])
    }

    /// Every code of a key table by its number.
    ///
    /// Codes are compared as Swift strings (canonical equivalence), like the unit codes and variable ids of a
    /// data set, so a code written in another Unicode normal form finds the number of the one already stored.
    static func keys(_ db: Database, in table: KeyTable) throws -> [String: Int] {
        var keys: [String: Int] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT id, code FROM \(table.rawValue)")
        while let row = try rows.next() { keys[row[1]] = row[0] }
        return keys
    }

    /// The numbers of a few codes of a key table, looked up one by one; nil when one of them is not found as
    /// written (it may be new, or stored in another Unicode normal form: the caller then reads the whole table).
    static func keys(_ db: Database, in table: KeyTable, codes: [String]) throws -> [String: Int]? {
        let statement = try db.cachedStatement(sql: "SELECT id FROM \(table.rawValue) WHERE code = ?")
        var keys: [String: Int] = [:]
        for code in codes {
            guard let key = try Int.fetchOne(statement, arguments: [code]) else { return nil }
            keys[code] = key
        }
        return keys
    }

    // MARK: - Writes

    /// Creates a period (with the next free key) when it is new, and returns its key.
    @discardableResult
    static func ensurePeriod(_ db: Database, _ period: String, at: String) throws -> Int {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO period (id, revision, createdAt, key)
                VALUES (?, 0, ?, (SELECT IFNULL(MAX(key), 0) + 1 FROM period))
                """,
            arguments: [period, at])
        guard let key = try periodKey(db, period) else {
            throw StorageError(
                .sqlite, operation: Words(vi: "tạo kỳ \(period)", en: "creating period \(period)"), subject: "period",
                .verbatim("the period has no key"))
        }
        return key
    }

    /// The numbers of `codes` in a key table, giving the missing ones the next numbers in the order listed.
    ///
    /// - Parameter known: the table's keys as ``keys(_:in:)`` read them; the new ones are added.
    static func keys(
        _ db: Database, in table: KeyTable, for codes: [String], known: inout [String: Int]
    ) throws -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(codes.count)
        for code in codes {
            if let key = known[code] {
                result.append(key)
                continue
            }
            try db.cachedStatement(sql: "INSERT INTO \(table.rawValue) (code) VALUES (?)").execute(arguments: [code])
            let key = Int(db.lastInsertedRowID)
            known[code] = key
            result.append(key)
        }
        return result
    }

    /// Records who stores values now and when: the batch that the rows of one import or appraisal point to.
    static func newBatch(_ db: Database, who: String, at: String) throws -> Int {
        try db.execute(sql: "INSERT INTO submissionBatch (who, at) VALUES (?, ?)", arguments: [who, at])
        return Int(db.lastInsertedRowID)
    }

    /// Removes the batch of an import or appraisal that stored nothing (no row points to it).
    static func removeBatch(_ db: Database, _ batch: Int) throws {
        try db.execute(sql: "DELETE FROM submissionBatch WHERE id = ?", arguments: [batch])
    }
}
