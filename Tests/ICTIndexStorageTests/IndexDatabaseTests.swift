import Foundation
import GRDB
import ICTIndexCore
import OrderedCollections
import Testing

@testable import ICTIndexStorage

/// The database file: migrations, refusing newer schemas, the append-only audit log, busy handling.
@Suite struct IndexDatabaseTests {
    func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ictindex-\(UUID().uuidString).sqlite").path
    }

    @Test("a new database is migrated by the production migrator")
    func migrated() throws {
        let database = try IndexDatabase.inMemory()
        #expect(
            try database.schemaVersions() == [
                "v1-evaluation", "v2-submission-checks", "v3-integer-keys", "v4-web", "v5-web-hardening",
            ])
        #expect(try database.integrityCheck() == ["ok"])
        #expect(try database.units().isEmpty)
    }

    @Test("opening a missing file without create says how to create it")
    func missingFile() throws {
        let path = temporaryFile()
        let error = try #require(throws: StorageError.self) { try IndexDatabase(path: path) }
        #expect(error.code == .missing)
        #expect(
            error.description == """
                \(path): opening the database: the database file does not exist
                  hint: run 'ictindex init --db \(path)' to create it, or pass --db with the right path
                """)
    }

    @Test("a database written by a newer ictindex is refused and left unchanged")
    func newerSchemaRefused() throws {
        // Given a database whose migrations include one this version does not know
        let path = temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try IndexDatabase(path: path, create: true)
        let pool = try DatabasePool(path: path)
        try pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')")
        }
        try pool.close()
        // When it is opened
        let error = try #require(throws: StorageError.self) { try IndexDatabase(path: path) }
        // Then it is refused with a clear message
        #expect(error.code == .newerSchema)
        #expect(
            error.description == """
                \(path): opening the database: the database was written by a newer version of ictindex: it has the \
                migration(s) 'v9-future' that this version (schema 'v5-web-hardening') does not know
                  hint: use the newer ictindex with this database; this version will not change it
                """)
    }

    @Test("a file that is not a database is refused")
    func notADatabase() throws {
        let path = temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(String(repeating: "not sqlite ", count: 200).utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: StorageError.self) { try IndexDatabase(path: path) }
        #expect(error.code == .notADatabase)
        #expect(error.description.hasPrefix("\(path): opening the database: the file is not an ictindex database"))
    }

    @Test(
        "an empty file (0 bytes) is treated like a missing one: refused unless creating, then migrated")
    func emptyFile() throws {
        let path = temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        FileManager.default.createFile(atPath: path, contents: Data())
        let error = #expect(throws: StorageError.self) { _ = try IndexDatabase(path: path) }
        #expect(error?.code == .missing)
        #expect(
            error?.description == """
                \(path): opening the database: the database file is empty (0 bytes): it is not a database yet
                  hint: run 'ictindex init --db \(path)' to create the database in it, or pass --db with the right path
                """)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
        let database = try IndexDatabase(path: path, create: true)
        #expect(
            try database.schemaVersions() == [
                "v1-evaluation", "v2-submission-checks", "v3-integer-keys", "v4-web", "v5-web-hardening",
            ])
    }

    @Test("a read-only opening neither migrates nor changes the file's bytes, and refuses writes")
    func readOnly() throws {
        let path = temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try IndexDatabase(path: path, create: true)
            .importUnits([Unit(code: "A", name: "Sở A")], file: "units.csv", who: "test")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let database = try IndexDatabase(path: path, readOnly: true)
        #expect(try database.units().map(\.code) == ["A"])
        let error = #expect(throws: StorageError.self) {
            _ = try database.importUnits([Unit(code: "B", name: "Sở B")], file: "units.csv", who: "test")
        }
        #expect(error?.code == .readOnly)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test(
        "SQLite's failures of the machine become messages that say what to do, in Vietnamese and English"
    )
    func machineFailures() throws {
        let full = StorageError.wrapping(
            DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full"),
            operation: Words(vi: "nhập đơn vị", en: "importing units"),
            subject: "x.sqlite", busyTimeout: 5)
        #expect(full.code == .diskFull)
        #expect(
            full.description == """
                x.sqlite: importing units: the disk is full (or the file reached its size limit); nothing was changed
                  hint: free some space on the disk that holds the database, then run the command again
                """)
        #expect(
            full.description(in: .vi) == """
                x.sqlite: nhập đơn vị: ổ đĩa đã đầy (hoặc tệp đã đạt giới hạn kích thước); không có gì bị thay đổi
                  gợi ý: giải phóng dung lượng trên ổ đĩa chứa cơ sở dữ liệu, rồi chạy lại lệnh
                """)
        let readOnly = StorageError.wrapping(
            DatabaseError(resultCode: .SQLITE_READONLY), operation: Words(vi: "nhập đơn vị", en: "importing units"),
            subject: "x.sqlite",
            busyTimeout: 5)
        #expect(readOnly.code == .readOnly)
        #expect(!readOnly.isInvalidInput)
        for code in [ResultCode.SQLITE_CANTOPEN, .SQLITE_IOERR, .SQLITE_CORRUPT, .SQLITE_PERM] {
            let error = StorageError.wrapping(
                DatabaseError(resultCode: code), operation: .verbatim("x"), subject: "x.sqlite", busyTimeout: 5)
            #expect(!error.description.contains("probably a bug"), "\(code)")
        }
    }

    @Test("the audit log refuses UPDATE and DELETE")
    func auditAppendOnly() throws {
        let database = try IndexDatabase.inMemory()
        _ = try database.importUnits([Unit(code: "A", name: "Sở A")], file: "units.csv", who: "test")
        #expect(try database.auditEntries().count == 1)
        let update = try #require(throws: StorageError.self) {
            try database.execute(sql: "UPDATE auditEntry SET who = 'someone else'")
        }
        #expect(update.description.contains("the audit log is append-only: entries cannot be changed"))
        let delete = try #require(throws: StorageError.self) { try database.execute(sql: "DELETE FROM auditEntry") }
        #expect(delete.description.contains("the audit log is append-only: entries cannot be deleted"))
        #expect(try database.auditEntries().map(\.who) == ["test"])
    }

    @Test("a second writer waits for the busy timeout, then gets a clear 'database is busy' error")
    func busy() throws {
        // Given another connection that holds the write lock
        let path = temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let database = try IndexDatabase(path: path, create: true, busyTimeout: 0.3)
        let other = try DatabaseQueue(path: path)
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            // When this database tries to write
            let start = Date()
            let error = try #require(throws: StorageError.self) {
                try database.importUnits([Unit(code: "A", name: "Sở A")], file: "units.csv", who: "test")
            }
            // Then it waited, and says what happened and what to do
            #expect(Date().timeIntervalSince(start) >= 0.25)
            #expect(error.code == .busy)
            #expect(
                error.description == """
                    \(path): importing units from units.csv: the database is busy: another ictindex process is \
                    writing to it, and it was still busy after 0.3 s
                      hint: try again when the other import or run has finished
                    """)
            try db.execute(sql: "ROLLBACK")
        }
        // And once the other writer is done, the write succeeds
        #expect(try database.importUnits([Unit(code: "A", name: "Sở A")], file: "units.csv", who: "test").added == 1)
    }
}
