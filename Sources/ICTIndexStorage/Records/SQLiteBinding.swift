import GRDB
import GRDBSQLite

/// Binds values to a prepared statement through SQLite's C API, for the bulk writes that bind a row at a time
/// without a `StatementArguments` array of existentials per row (``SubmissionInserter``, a run's results). The
/// statement stays GRDB's and is executed through it, so its checks and transaction observers see every write.
///
/// Texts and blobs are bound with `SQLITE_TRANSIENT`: SQLite copies them before the call returns, so the caller may
/// reuse its buffer for the next row (https://sqlite.org/c3ref/bind_blob.html).
enum SQLiteBinding {
    /// `SQLITE_TRANSIENT` (the C macro `((sqlite3_destructor_type)-1)`, which Swift does not import).
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Binds a text or NULL.
    static func bind(_ statement: SQLiteStatement, _ index: Int32, _ text: String?) {
        guard var text else {
            sqlite3_bind_null(statement, index)
            return
        }
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

    /// Binds a double or NULL.
    static func bind(_ statement: SQLiteStatement, _ index: Int32, _ value: Double?) {
        if let value { sqlite3_bind_double(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }

    /// Binds an integer or NULL.
    static func bind(_ statement: SQLiteStatement, _ index: Int32, _ value: Int?) {
        if let value { sqlite3_bind_int64(statement, index, Int64(value)) } else { sqlite3_bind_null(statement, index) }
    }

    /// Binds the bytes as a blob (an empty one when there are none).
    static func bind(_ statement: SQLiteStatement, _ index: Int32, blob: [UInt8]) {
        blob.withUnsafeBytes { bytes in
            _ = sqlite3_bind_blob(
                statement, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), transient)
        }
    }
}
