import Foundation
import GRDB
import ICTIndexCore
import ICTIndexStorage
import Testing

/// The migrations of `IndexDatabase+Schema.swift`, each tested on a database as the version before left it (built by
/// the production migrator stopped at that version, then filled with raw SQL in that version's shape).
@Suite struct MigrationTests {
    func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ictindex-\(UUID().uuidString).sqlite").path
    }

    func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    static let all = ["v1-evaluation", "v2-submission-checks", "v3-integer-keys", "v4-web", "v5-web-hardening"]

    @Test("a v1 database keeps its values, bit for bit, through v2 and v3")
    func v1Migrated() throws {
        // Given a database as v1 left it, holding 0.1 + 0.2 (which is not 0.3)
        let path = temporaryFile()
        defer { remove(path) }
        let pool = try DatabasePool(path: path)
        try IndexDatabase.migrate(pool, upTo: "v1-evaluation")
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO unit (code, name, "group") VALUES ('A', 'Sở A', 'all');
                    INSERT INTO period (id, revision, createdAt) VALUES ('2025', 1, '2025-08-01T09:00:00Z');
                    INSERT INTO submission VALUES ('2025', 'A', 'v1', 'self', 'number', '0.30000000000000004', ?,
                      NULL, NULL, 'test', '2025-08-01T09:00:00Z');
                    """,
                arguments: [0.1 + 0.2])
        }
        try pool.close()
        // When it is opened
        let database = try IndexDatabase(path: path)
        // Then it is at the latest schema with the same value, bit for bit
        #expect(try database.schemaVersions() == Self.all)
        #expect(try database.integrityCheck() == ["ok"])
        let (read, revision) = try database.dataset(forPeriod: "2025")
        #expect(read.value("A", "v1") == .number(0.1 + 0.2))
        #expect(read["A", "v1"]?.source == .selfAssessed)
        #expect(revision == 1)
    }

    @Test("v2's checks refuse the sources and kinds v1's refused, and accept the others")
    func v2Checks() throws {
        let queue = try DatabaseQueue()
        try IndexDatabase.migrate(queue, upTo: "v2-submission-checks")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO period (id, revision, createdAt) VALUES ('2025', 0, 't')")
        }
        let sql = "INSERT INTO submission VALUES ('2025', 'A', ?, ?, ?, '1', 1, NULL, NULL, 't', 't')"
        for (source, kind) in [("elsewhere", "number"), ("self", "date"), ("SELF", "number")] {
            let error = try #require(throws: DatabaseError.self) {
                try queue.write { db in try db.execute(sql: sql, arguments: ["v", source, kind]) }
            }
            #expect(error.extendedResultCode == .SQLITE_CONSTRAINT_CHECK, "\(source) \(kind)")
        }
        try queue.write { db in
            for source in ["self", "appraised", "imported", "automatic"] {
                for kind in ["number", "option", "text"] {
                    try db.execute(sql: sql, arguments: ["\(source)-\(kind)", source, kind])
                }
            }
        }
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM submission") } == 12)
    }

    /// A v2 database with two periods, multibyte codes, every source and kind, evidence and notes.
    func v2Database(_ path: String) throws {
        let pool = try DatabasePool(path: path)
        defer { try? pool.close() }
        try IndexDatabase.migrate(pool, upTo: "v2-submission-checks")
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO unit (code, name, "group") VALUES ('A', 'Sở A', 'all'), ('SỞ-GTVT', 'Sở GTVT', 'all'),
                      ('Đ1', 'Đơn vị 1', 'all');
                    INSERT INTO period (id, revision, createdAt) VALUES ('2025', 5, 't1'), ('2024', 3, 't0');
                    """)
            let rows: [[(any DatabaseValueConvertible)?]] = [
                ["2025", "SỞ-GTVT", "máy_tính", "self", "number", "0.30000000000000004", 0.1 + 0.2, "QĐ 12/2025",
                 "ghi chú", "lan", "2025-08-01T09:00:00Z"],
                ["2025", "SỞ-GTVT", "máy_tính", "appraised", "number", "0.25", 0.25, nil, "kiểm tra", "minh",
                 "2025-08-02T09:00:00Z"],
                ["2025", "A", "đánh_giá", "appraised", "option", "good", nil, nil, nil, "minh", "2025-08-02T09:00:00Z"],
                ["2025", "Đ1", "ghi", "automatic", "text", "tốt", nil, nil, nil, "hệ thống", "2025-08-03T09:00:00Z"],
                ["2024", "A", "máy_tính", "imported", "number", "12", 12.0, nil, nil, "dic", "2024-08-01T09:00:00Z"],
            ]
            for row in rows {
                try db.execute(
                    sql: "INSERT INTO submission VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: StatementArguments(row))
            }
        }
    }

    static let columns = "period, unit, variable, source, kind, text, number, evidence, note, who, at"

    @Test("a v2 database gets integer keys: every row kept, codes numbered in code order, shown as before by a view")
    func v2Migrated() throws {
        // Given a database as v2 left it
        let path = temporaryFile()
        defer { remove(path) }
        try v2Database(path)
        let before = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.columns) FROM submission ORDER BY period, unit, variable, source")
        }
        // When it is opened
        let database = try IndexDatabase(path: path)
        // Then it is at v3, sound, with every row as it was (the view spells the keys out again)
        #expect(try database.schemaVersions() == Self.all)
        #expect(try database.integrityCheck() == ["ok"])
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let after = try Row.fetchAll(
                db, sql: "SELECT \(Self.columns) FROM submissionByCode ORDER BY period, unit, variable, source")
            #expect(after == before)
            // and the codes are numbered in (byte) code order, the periods in id order, revisions kept
            #expect(try String.fetchAll(db, sql: "SELECT code FROM unitKey ORDER BY id") == ["A", "SỞ-GTVT", "Đ1"])
            #expect(try String.fetchAll(db, sql: "SELECT code FROM variableKey ORDER BY id") == ["ghi", "máy_tính", "đánh_giá"])
            // one batch per (who, at), in time order
            let batches = try Row.fetchAll(db, sql: "SELECT who, at FROM submissionBatch ORDER BY id")
            #expect(batches == [
                ["who": "dic", "at": "2024-08-01T09:00:00Z"], ["who": "lan", "at": "2025-08-01T09:00:00Z"],
                ["who": "minh", "at": "2025-08-02T09:00:00Z"], ["who": "hệ thống", "at": "2025-08-03T09:00:00Z"],
            ])
            let periods = try Row.fetchAll(db, sql: "SELECT id, key, revision FROM period ORDER BY key")
            #expect(periods == [["id": "2024", "key": 1, "revision": 3], ["id": "2025", "key": 2, "revision": 5]])
            #expect(try Row.fetchAll(db, sql: "SELECT * FROM submission WHERE typeof(unit) != 'integer'").isEmpty)
        }
        try queue.close()
        // And the values read back as before, bit for bit, with their sources, evidence and notes
        let (read, _) = try database.dataset(forPeriod: "2025")
        let computers = try #require(read["SỞ-GTVT", "máy_tính"])
        #expect(computers == Dataset.Entry(value: .number(0.25), source: .appraised, selfAssessed: .number(0.1 + 0.2),
                                           note: "kiểm tra"))
        #expect(read["A", "đánh_giá"] == Dataset.Entry(value: .option("good"), source: .appraised))
        #expect(read["Đ1", "ghi"] == Dataset.Entry(value: .text("tốt"), source: .automatic))
        #expect(try database.dataset(forPeriod: "2024").dataset.value("A", "máy_tính") == .number(12))
        let pairs = try database.valuePairs(forPeriod: "2025")
        #expect(pairs.map { "\($0.unit) \($0.variable)" } == ["A đánh_giá", "SỞ-GTVT máy_tính"])
        #expect(pairs[1].selfAssessed == .number(0.1 + 0.2) && pairs[1].appraised == .number(0.25))
    }

    @Test("after the migration, the same import changes nothing and new codes get the next keys")
    func importAfterMigration() throws {
        // Given a database migrated from v2
        let path = temporaryFile()
        defer { remove(path) }
        try v2Database(path)
        let database = try IndexDatabase(path: path)
        _ = try database.importUnits([Unit(code: "B", name: "Sở B")], file: "units.csv", who: "t")
        // When the unit's own value is imported again, with a value for a new unit and a new variable
        var values = Dataset(period: "2025", units: try database.units())
        values["SỞ-GTVT", "máy_tính"] = Dataset.Entry(value: .number(0.1 + 0.2), evidence: "QĐ 12/2025", note: "ghi chú")
        values.set("B", "máy_chủ", .number(3))
        let summary = try database.importValues(values, period: "2025", source: .selfAssessed, file: "s.csv", who: "t")
        // Then the old value is unchanged, the new one added under the next keys
        #expect(summary == ImportSummary(added: 1, changed: 0, unchanged: 1))
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let (unitKeys, variableKeys) = try queue.read { db in
            (try String.fetchAll(db, sql: "SELECT code FROM unitKey ORDER BY id"),
             try String.fetchAll(db, sql: "SELECT code FROM variableKey ORDER BY id"))
        }
        #expect(unitKeys == ["A", "SỞ-GTVT", "Đ1", "B"])
        #expect(variableKeys == ["ghi", "máy_tính", "đánh_giá", "máy_chủ"])
        // and who and when are recorded once for the import, as the view shows
        let batches = "SELECT who, at FROM submissionBatch ORDER BY id"
        let (recorded, shown) = try queue.read { db in
            (try Row.fetchAll(db, sql: batches), try Row.fetchAll(db, sql: "SELECT who, at FROM submissionByCode WHERE unit = 'B'"))
        }
        #expect(recorded.count == 5)
        #expect(recorded.last?["who"] == "t")
        #expect(shown == [try #require(recorded.last)])
        // When the same values are imported again, nothing changes: not even a batch is recorded
        let again = try database.importValues(values, period: "2025", source: .selfAssessed, file: "s.csv", who: "u")
        #expect(again == ImportSummary(added: 0, changed: 0, unchanged: 2))
        #expect(try queue.read { db in try Row.fetchAll(db, sql: batches) } == recorded)
        #expect(try database.dataset(forPeriod: "2025").dataset.value("B", "máy_chủ") == .number(3))
    }

    @Test("v3's checks and foreign keys refuse an unknown source, kind, period, unit, variable or batch")
    func v3Checks() throws {
        let queue = try DatabaseQueue()
        try IndexDatabase.migrate(queue, upTo: "v3-integer-keys")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO period (id, revision, createdAt, key) VALUES ('2025', 0, 't', 1);
                    INSERT INTO unitKey (id, code) VALUES (1, 'A');
                    INSERT INTO submissionBatch (id, who, at) VALUES (1, 't', 't');
                    """)
            for id in 1...12 { try db.execute(sql: "INSERT INTO variableKey (id, code) VALUES (?, ?)", arguments: [id, "v\(id)"]) }
        }
        let sql = "INSERT INTO submission VALUES (?, ?, ?, ?, ?, '1', 1, NULL, NULL, ?)"
        let refused: [(row: [any DatabaseValueConvertible], code: ResultCode)] = [
            ([1, 1, 1, 4, 0, 1], .SQLITE_CONSTRAINT_CHECK), ([1, 1, 1, -1, 0, 1], .SQLITE_CONSTRAINT_CHECK),
            ([1, 1, 1, 1.5, 0, 1], .SQLITE_CONSTRAINT_CHECK), ([1, 1, 1, "self", 0, 1], .SQLITE_CONSTRAINT_CHECK),
            ([1, 1, 1, 0, 3, 1], .SQLITE_CONSTRAINT_CHECK), ([1, 1, 1, 0, "number", 1], .SQLITE_CONSTRAINT_CHECK),
            ([2, 1, 1, 0, 0, 1], .SQLITE_CONSTRAINT_FOREIGNKEY), ([1, 2, 1, 0, 0, 1], .SQLITE_CONSTRAINT_FOREIGNKEY),
            ([1, 1, 13, 0, 0, 1], .SQLITE_CONSTRAINT_FOREIGNKEY), ([1, 1, 1, 0, 0, 2], .SQLITE_CONSTRAINT_FOREIGNKEY),
        ]
        for (row, code) in refused {
            let error = try #require(throws: DatabaseError.self) {
                try queue.write { db in try db.execute(sql: sql, arguments: StatementArguments(row)) }
            }
            #expect(error.extendedResultCode == code, "\(row)")
        }
        // And every known source with every known kind is accepted, and shown by name in the view
        try queue.write { db in
            for source in 0...3 {
                for kind in 0...2 { try db.execute(sql: sql, arguments: [1, 1, source * 3 + kind + 1, source, kind, 1]) }
            }
        }
        let shown = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT source || ' ' || kind FROM submissionByCode")
        }
        #expect(shown.count == 12)
        #expect(
            Set(shown) == Set(["self", "appraised", "imported", "automatic"].flatMap { s in
                ["number", "option", "text"].map { "\(s) \($0)" }
            }))
    }
}
