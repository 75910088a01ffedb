import GRDB
import GRDBSQLite

/// Inserts the new rows of one import into `submission`, many rows per INSERT statement.
///
/// One statement per row cost GRDB's checks and SQLite's statement start and end (cursors opened and closed,
/// the statement journal) a million times per million-value import; one statement for ``rowsPerStatement`` rows
/// costs them once for all. Rows are bound straight through SQLite's C API, without a `StatementArguments`
/// array of existentials per row. The period, source and batch are the same for every row: bound once, as the
/// numbered parameters ?1, ?2 and ?3 that every row of the statement repeats.
struct SubmissionInserter {
    /// One new row: its keys and its value.
    struct Row {
        var unit: Int
        var variable: Int
        var value: StoredValue
        var evidence: String?
        var note: String?
    }

    /// Rows per statement: 3 + 7 × 64 = 451 parameters, far below SQLite's limit (32,766 since 3.32).
    static let rowsPerStatement = 64

    private let db: Database
    private let period: Int
    private let source: Int
    private let batch: Int
    /// The statements of 64 rows and of one, prepared (cached by the connection) when first needed: a web form
    /// that adds one value does not build and bind the 451 parameters of the large one.
    private var many: Statement?
    private var one: Statement?
    private var pending: [Row] = []

    /// Remembers the import's period, source and batch.
    init(_ db: Database, period: Int, source: Int, batch: Int) throws {
        self.db = db
        self.period = period
        self.source = source
        self.batch = batch
        pending.reserveCapacity(Self.rowsPerStatement)
    }

    /// A statement of `rows` rows with the import's period, source and batch bound.
    private func statement(rows: Int) throws -> Statement {
        let statement = try db.cachedStatement(sql: Self.sql(rows: rows))
        let count = Int(sqlite3_bind_parameter_count(statement.sqliteStatement))
        statement.setUncheckedArguments(
            StatementArguments([period, source, batch] + [Int?](repeating: nil, count: count - 3)))
        return statement
    }

    /// `INSERT INTO submission (…) VALUES (?1, ?4, ?5, ?2, ?6, …, ?3), (?1, ?11, …, ?3), …`.
    static func sql(rows: Int) -> String {
        let values = (0..<rows).map { row in
            let p = (0..<7).map { "?\(4 + 7 * row + $0)" }
            return "(?1, \(p[0]), \(p[1]), ?2, \(p[2]), \(p[3]), \(p[4]), \(p[5]), \(p[6]), ?3)"
        }
        return "INSERT INTO submission (period, unit, variable, source, kind, text, number, evidence, note, batch) "
            + "VALUES " + values.joined(separator: ", ")
    }

    /// Adds a row; rows go in in the order added (the primary key's order, so SQLite appends to its B-tree).
    mutating func add(_ row: Row) throws {
        pending.append(row)
        guard pending.count == Self.rowsPerStatement else { return }
        let statement = try many ?? self.statement(rows: Self.rowsPerStatement)
        many = statement
        try insert(pending, with: statement)
        pending.removeAll(keepingCapacity: true)
    }

    /// Inserts the rows still pending, one statement each (fewer than ``rowsPerStatement``).
    mutating func finish() throws {
        guard !pending.isEmpty else { return }
        let statement = try one ?? self.statement(rows: 1)
        one = statement
        for row in pending { try insert([row], with: statement) }
        pending.removeAll()
    }

    private func insert(_ rows: [Row], with statement: Statement) throws {
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        for (i, row) in rows.enumerated() {
            let base = Int32(4 + 7 * i)
            SQLiteBinding.bind(s, base, row.unit)
            SQLiteBinding.bind(s, base + 1, row.variable)
            SQLiteBinding.bind(s, base + 2, row.value.kind.code)
            SQLiteBinding.bind(s, base + 3, row.value.text)
            SQLiteBinding.bind(s, base + 4, row.value.number)
            SQLiteBinding.bind(s, base + 5, row.evidence)
            SQLiteBinding.bind(s, base + 6, row.note)
        }
        // GRDB's execute: its checks and transaction observers see the statement (once per 64 rows).
        try statement.execute()
    }
}
