import GRDB

/// A failure of the evaluation database: what was being done, on what, and what to do about it.
///
/// The code is opaque so that cases can be added without breaking callers (STYLE §D): compare with
/// the static members (`error.code == .busy`). A failure that came from SQLite keeps GRDB's
/// `DatabaseError` text (with the SQL) in ``underlying``.
///
/// For example:
///
///     ictindex.sqlite: importing values for period 2025: the database is busy: another ictindex process
///     is writing to it, and it was still busy after 5 s
///       hint: try again when the other import or run has finished
public struct StorageError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let rawValue: String
        public var description: String { rawValue }

        /// Another connection holds the write lock longer than the busy timeout.
        public static let busy = Code(rawValue: "busy")
        /// The database was written by a newer ictindex (it has migrations this version does not know).
        public static let newerSchema = Code(rawValue: "newer-schema")
        /// The file is not an SQLite database, or is damaged.
        public static let notADatabase = Code(rawValue: "not-a-database")
        /// The database file does not exist.
        public static let missing = Code(rawValue: "missing")
        /// The period has a published run: its inputs are frozen.
        public static let frozen = Code(rawValue: "frozen")
        /// A run, period or unit that the database does not have.
        public static let notFound = Code(rawValue: "not-found")
        /// The request conflicts with what is stored (publishing a run whose inputs changed, …).
        public static let conflict = Code(rawValue: "conflict")
        /// Any other SQLite failure.
        public static let sqlite = Code(rawValue: "sqlite")
    }

    /// What kind of failure this is.
    public let code: Code
    /// What was being done, such as "importing values for period 2025".
    public let operation: String
    /// What it was done to: the database file, a run or a unit (`ictindex.sqlite`, `run 3`).
    public let subject: String
    /// What went wrong, in words.
    public let message: String
    /// What to do about it.
    public let hint: String?
    /// GRDB's description of the SQLite error (result code, message, SQL), when there is one.
    public let underlying: String?

    init(
        _ code: Code, operation: String, subject: String, _ message: String, hint: String? = nil,
        underlying: String? = nil
    ) {
        self.code = code
        self.operation = operation
        self.subject = subject
        self.message = message
        self.hint = hint
        self.underlying = underlying
    }

    /// Wraps an error thrown by GRDB, naming the operation and subject.
    static func wrapping(_ error: any Error, operation: String, subject: String, busyTimeout: Double) -> StorageError {
        if let storage = error as? StorageError { return storage }
        guard let database = error as? DatabaseError else {
            return StorageError(.sqlite, operation: operation, subject: subject, "\(error)")
        }
        switch database.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StorageError(
                .busy, operation: operation, subject: subject,
                "the database is busy: another ictindex process is writing to it, and it was still busy after "
                    + "\(NumberText.seconds(busyTimeout))",
                hint: "try again when the other import or run has finished", underlying: database.description)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StorageError(
                .notADatabase, operation: operation, subject: subject,
                "the file is not an ictindex database (SQLite says: \(database.message ?? "not a database"))",
                hint: "check --db; 'ictindex init --db PATH' creates a new database", underlying: database.description)
        default:
            return StorageError(
                .sqlite, operation: operation, subject: subject,
                "SQLite error \(database.resultCode.rawValue): \(database.message ?? "unknown")",
                hint: "this is probably a bug in ictindex; please report it with the command you ran",
                underlying: database.description)
        }
    }

    /// `subject: operation: message` and, on the next line, `  hint: …`.
    public var description: String {
        var text = "\(subject): \(operation): \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }

    /// Whether the failure is the input's fault (exit code 64) rather than the machine's (exit code 1).
    public var isInvalidInput: Bool { code == .frozen || code == .notFound || code == .conflict || code == .missing }
}

/// Small number wordings shared by messages.
enum NumberText {
    /// `5 s`, `0.5 s`.
    static func seconds(_ x: Double) -> String {
        x == x.rounded() ? "\(Int(x)) s" : "\(x) s"
    }
}
