import GRDB
public import ICTIndexCore

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
        /// The path given as the database is a folder, not a file.
        public static let notAFile = Code(rawValue: "not-a-file")
        /// The database file, or the folder it is in, cannot be written (read-only file, folder or medium).
        public static let readOnly = Code(rawValue: "read-only")
        /// The database file cannot be opened or created (a missing folder, no permission).
        public static let cannotOpen = Code(rawValue: "cannot-open")
        /// The disk is full (or the file reached the size limit): the change was not written.
        public static let diskFull = Code(rawValue: "disk-full")
        /// The operating system failed to read or write the file (a disk or network error).
        public static let ioError = Code(rawValue: "io-error")
        /// The file is an SQLite database whose pages are damaged.
        public static let corrupt = Code(rawValue: "corrupt")
    }

    /// What kind of failure this is.
    public let code: Code
    /// What was being done, such as "nhập số liệu kỳ 2025" ("importing values for period 2025").
    public let operation: Words
    /// What it was done to: the database file, a run or a unit (`ictindex.sqlite`, `run 3`).
    public let subject: String
    /// What went wrong, in both languages.
    public let message: Words
    /// What to do about it.
    public let hint: Words?
    /// GRDB's description of the SQLite error (result code, message, SQL), when there is one.
    public let underlying: String?
    init(
        _ code: Code, operation: Words, subject: String, _ message: Words, hint: Words? = nil,
        underlying: String? = nil
    ) {
        self.code = code
        self.operation = operation
        self.subject = subject
        self.message = message
        self.hint = hint
        self.underlying = underlying
    }

    /// A failure of the file system or of SQLite's storage, worded for the user in both languages.
    static func file(
        _ code: Code, operation: Words, subject: String, en: String, hint: String, vi: String,
        viHint: String,
        underlying: String? = nil
    ) -> StorageError {
        StorageError(
            code, operation: operation, subject: subject, Words(vi: vi, en: en), hint: Words(vi: viHint, en: hint),
            underlying: underlying)
    }

    /// Wraps an error thrown by GRDB, naming the operation and subject.
    ///
    /// SQLite's result codes for the machine's failures (read-only, cannot open, disk full, I/O, damaged)
    /// become messages that say what to do; only a code that input cannot cause is called a bug.
    static func wrapping(
        _ error: any Error, operation: Words, subject: String, busyTimeout: Double
    )
        -> StorageError
    {
        if let storage = error as? StorageError { return storage }
        guard let database = error as? DatabaseError else {
            return StorageError(.sqlite, operation: operation, subject: subject, .verbatim("\(error)"))
        }
        let sqlite = database.message ?? "\(database.resultCode)"
        let underlying = database.description
        switch database.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            let seconds = NumberText.seconds(busyTimeout)
            return .file(
                .busy, operation: operation, subject: subject,
                en:
                    "the database is busy: another ictindex process is writing to it, and it was still busy after "
                    + seconds,
                hint: "try again when the other import or run has finished",
                vi:
                    "cơ sở dữ liệu đang bận: một tiến trình ictindex khác đang ghi vào, và sau \(seconds) vẫn chưa xong",
                viHint: "hãy chạy lại khi lệnh nhập hoặc chấm điểm kia đã xong", underlying: underlying)
        case .SQLITE_NOTADB:
            return .file(
                .notADatabase, operation: operation, subject: subject,
                en: "the file is not an ictindex database (SQLite says: \(sqlite))",
                hint: "check --db; 'ictindex init --db PATH' creates a new database",
                vi: "tệp này không phải cơ sở dữ liệu ictindex (SQLite: \(sqlite))",
                viHint: "kiểm tra --db; 'ictindex init --db ĐƯỜNG_DẪN' tạo cơ sở dữ liệu mới",
                underlying: underlying)
        case .SQLITE_CORRUPT:
            return .file(
                .corrupt, operation: operation, subject: subject,
                en: "the database file is damaged (SQLite says: \(sqlite))",
                hint:
                    "restore the file from a backup; do not run init on it, and keep a copy of the damaged file",
                vi: "tệp cơ sở dữ liệu bị hỏng (SQLite: \(sqlite))",
                viHint:
                    "khôi phục tệp từ bản sao lưu; đừng chạy init trên tệp này, và giữ lại một bản của tệp hỏng",
                underlying: underlying)
        case .SQLITE_READONLY, .SQLITE_PERM:
            return .readOnly(operation: operation, subject: subject, underlying: underlying)
        case .SQLITE_CANTOPEN:
            return .file(
                .cannotOpen, operation: operation, subject: subject,
                en: "the database file cannot be opened (SQLite says: \(sqlite))",
                hint:
                    "check that the folder exists and that you may read and write the file and its folder",
                vi: "không mở được tệp cơ sở dữ liệu (SQLite: \(sqlite))",
                viHint: "kiểm tra thư mục có tồn tại và bạn có quyền đọc, ghi tệp và thư mục chứa nó",
                underlying: underlying)
        case .SQLITE_FULL:
            return .diskFull(operation: operation, subject: subject, underlying: underlying)
        case .SQLITE_IOERR:
            // A write refused by the file system (no space, over the file size limit) is an I/O error too.
            return .file(
                .ioError, operation: operation, subject: subject,
                en:
                    "the disk could not read or write the database file (SQLite says: \(sqlite)); nothing was changed",
                hint: "check that the disk has free space and is still mounted, then run the command again",
                vi:
                    "ổ đĩa không đọc hoặc ghi được tệp cơ sở dữ liệu (SQLite: \(sqlite)); không có gì bị thay đổi",
                viHint: "kiểm tra ổ đĩa còn chỗ trống và vẫn đang được gắn, rồi chạy lại lệnh",
                underlying: underlying)
        default:
            let said = "\(database.resultCode.rawValue): \(database.message ?? "unknown")"
            return StorageError(
                .sqlite, operation: operation, subject: subject,
                Words(vi: "lỗi SQLite \(said)", en: "SQLite error \(said)"),
                hint: Words(
                    vi: "đây có lẽ là lỗi của ictindex; hãy báo lại, kèm lệnh bạn đã chạy",
                    en: "this is probably a bug in ictindex; please report it with the command you ran"),
                underlying: underlying)
        }
    }

    /// The file or its folder cannot be written.
    static func readOnly(
        operation: Words, subject: String, underlying: String? = nil
    )
        -> StorageError
    {
        .file(
            .readOnly, operation: operation, subject: subject,
            en: "the database cannot be written: the file, its folder or the disk is read-only",
            hint:
                "copy the database to a folder you may write to and pass --db with the copy, or ask for write "
                + "permission; commands that only read (results, audit, compare, export) work on read-only files",
            vi: "không ghi được vào cơ sở dữ liệu: tệp, thư mục chứa nó hoặc ổ đĩa chỉ cho phép đọc",
            viHint:
                "chép cơ sở dữ liệu sang thư mục có quyền ghi rồi chỉ --db tới bản chép, hoặc xin quyền ghi; "
                + "các lệnh chỉ đọc (results, audit, compare, export) vẫn dùng được trên tệp chỉ đọc",
            underlying: underlying)
    }

    /// The disk is full.
    static func diskFull(
        operation: Words, subject: String, underlying: String? = nil
    )
        -> StorageError
    {
        .file(
            .diskFull, operation: operation, subject: subject,
            en: "the disk is full (or the file reached its size limit); nothing was changed",
            hint: "free some space on the disk that holds the database, then run the command again",
            vi: "ổ đĩa đã đầy (hoặc tệp đã đạt giới hạn kích thước); không có gì bị thay đổi",
            viHint: "giải phóng dung lượng trên ổ đĩa chứa cơ sở dữ liệu, rồi chạy lại lệnh",
            underlying: underlying)
    }

    /// `subject: operation: message` and, on the next line, `  hint: …`.
    public var description: String { description(in: .en) }

    /// The description in a language: `subject: operation: message` and, on the next line, `  gợi ý: …`
    /// (`  hint: …`).
    public func description(in language: Language) -> String {
        var text = "\(subject): \(operation(language)): \(message(language))"
        if let hint { text += "\n  \(language == .vi ? "gợi ý" : "hint"): \(hint(language))" }
        return text
    }

    /// Whether the failure is the input's fault (exit code 64) rather than the machine's (exit code 1).
    ///
    /// A missing or empty database file, or a folder given as `--db`, is a wrong argument (64); a read-only,
    /// full, busy or damaged database is the machine's state (1).
    public var isInvalidInput: Bool {
        code == .frozen || code == .notFound || code == .conflict || code == .missing
            || code == .notAFile
    }
}

/// Small number wordings shared by messages.
enum NumberText {
    /// `5 s`, `0.5 s`.
    static func seconds(_ x: Double) -> String {
        x == x.rounded() ? "\(Int(x)) s" : "\(x) s"
    }
}
