import Foundation
import ICTIndexCore

/// What the file system says about a database path before SQLite opens it.
///
/// SQLite's own answers for a folder, a read-only file or folder, or an empty file are a bare
/// `SQLITE_CANTOPEN`/`SQLITE_READONLY` — or, worse, success: an empty file silently becomes a new database.
/// Looking first gives each case its own message and keeps the file unchanged.
struct DatabaseFile {
    let path: String
    /// Whether the file exists (and is not a folder).
    let exists: Bool
    /// Its size in bytes (0 when missing).
    let size: UInt64
    /// The folder the file is in.
    let folder: String

    /// - Throws: ``StorageError`` `notAFile` for a folder, `cannotOpen` for a path in a folder that does not exist.
    init(path: String) throws(StorageError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        let found = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if found && isFolder.boolValue {
            throw StorageError.file(
                .notAFile, operation: Words(vi: "mở cơ sở dữ liệu", en: "opening the database"), subject: path,
                en: "'\(path)' is a folder, not a database file",
                hint: "pass --db with the path of the database file, such as \(path)/ictindex.sqlite",
                vi: "'\(path)' là một thư mục, không phải tệp cơ sở dữ liệu",
                viHint: "chỉ --db tới tệp cơ sở dữ liệu, ví dụ \(path)/ictindex.sqlite")
        }
        var folderIsFolder: ObjCBool = false
        if !found
            && !(FileManager.default.fileExists(atPath: folder, isDirectory: &folderIsFolder)
                && folderIsFolder.boolValue)
        {
            throw StorageError.file(
                .cannotOpen, operation: Words(vi: "mở cơ sở dữ liệu", en: "opening the database"), subject: path,
                en: "the folder '\(folder)' does not exist",
                hint: "create the folder first, or pass --db with a path in an existing folder",
                vi: "thư mục '\(folder)' không tồn tại",
                viHint: "tạo thư mục trước, hoặc chỉ --db tới một đường dẫn trong thư mục đã có")
        }
        exists = found
        size =
            found ? ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? UInt64) ?? 0) : 0
    }

    /// A missing file, or one of 0 bytes (which SQLite would silently turn into a new database).
    var isEmptyOrMissing: Bool { !exists || size == 0 }

    /// Whether SQLite can write the database: the file (when it exists) and its folder, where SQLite keeps the
    /// `-wal` and `-shm` files of a WAL database. `access(2)` answers for the real user and also reports a
    /// read-only file system (EROFS), even to root.
    var isWritable: Bool {
        (!exists || access(path, W_OK) == 0) && access(folder, W_OK | X_OK) == 0
    }

    /// The name to open read-only: the path itself, or — when the folder is read-only and no other process has
    /// the database open (no `-shm` file) — an `immutable=1` URI, because SQLite cannot create the `-shm` file
    /// a WAL database needs there.
    ///
    /// "immutable=1 … SQLite assumes that the database file cannot be changed, even by a process with higher
    /// privilege, and so the database is opened read-only and all locking and change detection is disabled"
    /// (https://www.sqlite.org/uri.html).
    var readOnlyPath: String {
        if access(folder, W_OK) == 0 || FileManager.default.fileExists(atPath: path + "-shm") {
            return path
        }
        let encoded =
            URL(fileURLWithPath: path).absoluteURL.path
            .addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        return "file:\(encoded)?immutable=1"
    }

    /// The error for a missing or empty file when it may not be created here.
    func missingError(operation: Words) -> StorageError {
        if exists {
            return StorageError.file(
                .missing, operation: operation, subject: path,
                en: "the database file is empty (0 bytes): it is not a database yet",
                hint:
                    "run 'ictindex init --db \(path)' to create the database in it, or pass --db with the right path",
                vi: "tệp cơ sở dữ liệu rỗng (0 byte): chưa phải là cơ sở dữ liệu",
                viHint:
                    "chạy 'ictindex init --db \(path)' để tạo cơ sở dữ liệu trong tệp này, hoặc chỉ --db tới đúng "
                    + "đường dẫn")
        }
        return StorageError.file(
            .missing, operation: operation, subject: path, en: "the database file does not exist",
            hint: "run 'ictindex init --db \(path)' to create it, or pass --db with the right path",
            vi: "tệp cơ sở dữ liệu không tồn tại",
            viHint: "chạy 'ictindex init --db \(path)' để tạo, hoặc chỉ --db tới đúng đường dẫn")
    }
}
