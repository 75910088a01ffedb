import Foundation
package import GRDB
import ICTIndexCore

/// The evaluation database: units over time, periods, submissions, appraisal decisions, runs and their
/// results, and an append-only audit log (DESIGN §5), in one SQLite file through GRDB.
///
/// A file database is a GRDB `DatabasePool` in WAL mode, so readers never block the writer; an in-memory
/// one (for tests) is a `DatabaseQueue`. Both are migrated by the one production migrator on open. Every
/// write that changes several rows is one immediate transaction: a process killed in the middle leaves
/// the database as it was, and a second writer waits up to ``busyTimeout`` seconds, then fails with
/// ``StorageError/Code/busy``.
///
/// For example:
/// ```swift
/// let database = try IndexDatabase(path: "ictindex.sqlite")
/// let summary = try database.importValues(dataset, period: "2025", source: .selfAssessed,
///                                         file: "values-2025-self.csv", who: "dic")
/// let (inputs, _) = try database.dataset(forPeriod: "2025")
/// ```
public struct IndexDatabase: Sendable {
    private let writer: any DatabaseWriter
    /// The file, or `:memory:`; used in messages.
    public let name: String
    /// How long a write waits for another process's write to finish, in seconds.
    public let busyTimeout: Double
    /// When things happen (ISO 8601); fixed in tests.
    let clock: @Sendable () -> String

    /// Opens (and creates, when `create` is true) a database file, migrating an older one.
    ///
    /// - Parameters:
    ///   - path: the SQLite file.
    ///   - create: whether to create the file when it does not exist (`ictindex init`); otherwise a
    ///     missing file, or an empty one (0 bytes), is an error, so a typo in `--db` never creates a database.
    ///   - readOnly: open for reading only (`results`, `audit`, `compare`, `export`): the file's bytes never
    ///     change, the command does not wait behind a writer's lock, and it works on read-only media. A
    ///     database of an older schema is read as it is only if it is up to date; otherwise `init` must
    ///     migrate it first.
    ///   - busyTimeout: how long a write waits for another process's write, in seconds.
    /// - Throws: ``StorageError`` `missing`, `notAFile`, `notADatabase`, `corrupt`, `newerSchema` (the file was
    ///   written by a newer ictindex), `readOnly`, `cannotOpen`, `diskFull`, `ioError` or `busy`.
    public init(
        path: String, create: Bool = false, readOnly: Bool = false, busyTimeout: Double = 5
    )
        throws(StorageError)
    {
        let file = try DatabaseFile(path: path)
        let operation = Words(vi: "mở cơ sở dữ liệu", en: "opening the database")
        if file.isEmptyOrMissing && (!create || readOnly) {
            throw file.missingError(operation: operation)
        }
        if !readOnly && !file.isWritable {
            throw StorageError.readOnly(operation: operation, subject: path)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        do {
            if readOnly {
                configuration.readonly = true
                let queue = try DatabaseQueue(path: file.readOnlyPath, configuration: configuration)
                try self.init(reading: queue, name: path, busyTimeout: busyTimeout)
            } else {
                let pool = try DatabasePool(path: path, configuration: configuration)
                try self.init(writer: pool, name: path, busyTimeout: busyTimeout)
            }
        } catch {
            throw StorageError.wrapping(
                error, operation: operation, subject: path, busyTimeout: busyTimeout)
        }
    }

    /// Checks that an existing database file is whole (SQLite's `PRAGMA quick_check`) through a read-only
    /// connection, before anything opens it for writing: `init` refuses a damaged file, leaving its bytes as
    /// they were, rather than calling it "up to date".
    ///
    /// - Throws: ``StorageError`` `corrupt` naming SQLite's first finding, `notADatabase`, or another failure
    ///   of opening the file.
    public static func checkWhole(path: String, busyTimeout: Double = 5) throws(StorageError) {
        let file = try DatabaseFile(path: path)
        guard !file.isEmptyOrMissing else { return }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        let findings: [String]
        do {
            let queue = try DatabaseQueue(path: file.readOnlyPath, configuration: configuration)
            findings = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            try queue.close()
        } catch {
            throw StorageError.wrapping(
                error, operation: Words(vi: "kiểm tra cơ sở dữ liệu", en: "checking the database"), subject: path,
                busyTimeout: busyTimeout)
        }
        guard findings != ["ok"] else { return }
        let first = findings.first ?? "?"
        throw StorageError.file(
            .corrupt, operation: Words(vi: "kiểm tra cơ sở dữ liệu", en: "checking the database"), subject: path,
            en: "the database file is damaged (SQLite's check says: \(first))",
            hint:
                "restore the file from a backup and keep a copy of the damaged file; init has not changed it",
            vi: "tệp cơ sở dữ liệu bị hỏng (SQLite kiểm tra thấy: \(first))",
            viHint:
                "khôi phục tệp từ bản sao lưu và giữ lại một bản của tệp hỏng; init không thay đổi tệp này")
    }

    /// A new, empty in-memory database migrated by the production migrator (for tests and previews).
    public static func inMemory(
        clock: (@Sendable () -> String)? = nil
    ) throws(StorageError)
        -> IndexDatabase
    {
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            return try IndexDatabase(
                writer: DatabaseQueue(configuration: configuration), name: ":memory:", busyTimeout: 0,
                clock: clock)
        } catch {
            throw StorageError.wrapping(
                error, operation: Words(vi: "tạo cơ sở dữ liệu", en: "creating the database"), subject: ":memory:",
                busyTimeout: 0)
        }
    }

    /// Wraps a read-only connection: refuses a newer schema, and an older one that `init` has to migrate first.
    private init(reading queue: DatabaseQueue, name: String, busyTimeout: Double) throws {
        self.writer = queue
        self.name = name
        self.busyTimeout = busyTimeout
        self.clock = { Date().ISO8601Format() }
        let migrator = Self.migrator
        let (unknown, complete) = try queue.read { db in
            (
                try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted(),
                try migrator.hasCompletedMigrations(db)
            )
        }
        if !unknown.isEmpty { throw Self.newerSchemaError(name: name, unknown: unknown) }
        if !complete {
            throw StorageError(
                .newerSchema, operation: Words(vi: "mở cơ sở dữ liệu", en: "opening the database"), subject: name,
                Words(
                    vi: "cơ sở dữ liệu được ghi bởi phiên bản ictindex cũ hơn và phải được nâng cấp trước khi đọc",
                    en: "the database was written by an older version of ictindex and must be upgraded before it is "
                        + "read"),
                hint: Words(
                    vi: "hãy chạy 'ictindex init --db \(name)' một lần để nâng cấp (sao lưu một bản trước)",
                    en: "run 'ictindex init --db \(name)' once to upgrade it (keep a copy first)"))
        }
    }

    /// Wraps a GRDB writer, refusing a newer schema and migrating an older one.
    init(
        writer: any DatabaseWriter, name: String, busyTimeout: Double,
        clock: (@Sendable () -> String)? = nil
    ) throws {
        self.writer = writer
        self.name = name
        self.busyTimeout = busyTimeout
        self.clock = clock ?? { Date().ISO8601Format() }
        let migrator = Self.migrator
        let unknown = try writer.read { db in
            try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
        }
        if !unknown.isEmpty { throw Self.newerSchemaError(name: name, unknown: unknown) }
        try migrator.migrate(writer)
    }

    private static func newerSchemaError(name: String, unknown: [String]) -> StorageError {
        let listed = unknown.map { "'\($0)'" }.joined(separator: ", ")
        let known = migrator.migrations.last ?? ""
        return StorageError(
            .newerSchema, operation: Words(vi: "mở cơ sở dữ liệu", en: "opening the database"), subject: name,
            Words(
                vi: "cơ sở dữ liệu được ghi bởi phiên bản ictindex mới hơn: nó có các bước nâng cấp \(listed) mà phiên "
                    + "bản này (lược đồ '\(known)') không biết",
                en: "the database was written by a newer version of ictindex: it has the migration(s) \(listed) that "
                    + "this version (schema '\(known)') does not know"),
            hint: Words(
                vi: "hãy dùng phiên bản ictindex mới hơn với cơ sở dữ liệu này; phiên bản này sẽ không thay đổi nó",
                en: "use the newer ictindex with this database; this version will not change it"))
    }

    /// Applies the production migrations up to and including `identifier`, and no further: a database as an older
    /// ictindex left it, for tests of the later migrations.
    ///
    /// - Precondition: `identifier` is one of the migrator's migrations.
    package static func migrate(_ writer: any DatabaseWriter, upTo identifier: String) throws {
        precondition(migrator.migrations.contains(identifier), "no migration '\(identifier)'")
        try migrator.migrate(writer, upTo: identifier)
    }

    /// The migrations applied to the database, oldest first.
    public func schemaVersions() throws(StorageError) -> [String] {
        try read(Words(vi: "đọc phiên bản lược đồ", en: "reading the schema version")) { db in
            try Self.migrator.appliedMigrations(db)
        }
    }

    // MARK: - Plumbing

    /// Runs a read, wrapping errors.
    func read<T>(_ operation: Words, _ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StorageError.wrapping(
                error, operation: operation, subject: name, busyTimeout: busyTimeout)
        }
    }

    /// Runs a write in one immediate transaction (the write lock is taken at the start, so a busy
    /// database is found before any work is done), wrapping errors.
    func write<T>(_ operation: Words, _ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    try Self.pauseBeforeCommitIfAsked()
                    return .commit
                }
                guard let result else {
                    throw StorageError(.sqlite, operation: operation, subject: name, .verbatim("no result"))
                }
                return result
            }
        } catch {
            throw StorageError.wrapping(
                error, operation: operation, subject: name, busyTimeout: busyTimeout)
        }
    }

    /// A test hook for crash-safety tests: when `ICTINDEX_PAUSE_BEFORE_COMMIT` names a file, a write creates
    /// that file just before it commits and then waits, so a test can kill the process inside the transaction.
    private static func pauseBeforeCommitIfAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["ICTINDEX_PAUSE_BEFORE_COMMIT"],
            !path.isEmpty
        else {
            return
        }
        _ = FileManager.default.createFile(atPath: path, contents: Data("paused\n".utf8))
        let seconds = Double(ProcessInfo.processInfo.environment["ICTINDEX_PAUSE_SECONDS"] ?? "") ?? 30
        Thread.sleep(forTimeInterval: seconds)
    }

    /// Runs a raw SQL statement (tests and maintenance only: the audit log's triggers refuse edits anyway).
    package func execute(sql: String) throws(StorageError) {
        try write(Words(vi: "thực thi SQL", en: "executing SQL")) { db in try db.execute(sql: sql) }
    }

    /// A raw SQL query's first column as integers (tests and maintenance only).
    package func integers(sql: String) throws(StorageError) -> [Int] {
        try read(Words(vi: "truy vấn", en: "querying")) { db in try Int.fetchAll(db, sql: sql) }
    }

    /// SQLite's `PRAGMA integrity_check` answer: `["ok"]` for a sound file.
    public func integrityCheck() throws(StorageError) -> [String] {
        try read(Words(vi: "kiểm tra tính toàn vẹn", en: "checking integrity")) { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check")
        }
    }
}
