import ArgumentParser
import Foundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexStorage
import OrderedCollections

/// The options every database command shares: which database, who is working, how long to wait.
struct DatabaseOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The evaluation database (SQLite).", valueName: "path"))
    var db: String = "ictindex.sqlite"

    @Option(help: ArgumentHelp("Who is making the change, for the audit log (default: $USER).", valueName: "name"))
    var who: String?

    @Option(
        help: ArgumentHelp(
            "How long to wait for another process's write, in seconds (0 to 3600).", valueName: "seconds"),
        transform: BusyTimeoutArgument.parse)
    var busyTimeout: Double = 5

    /// The person recorded in the audit log.
    var person: String { who ?? ProcessInfo.processInfo.environment["USER"] ?? "ictindex" }

    /// Opens the database (it must exist unless `create`).
    func open(create: Bool = false) throws(StorageError) -> IndexDatabase {
        try IndexDatabase(path: db, create: create, busyTimeout: busyTimeout)
    }

    /// Opens the database for a command that only reads it: its bytes never change, and it works on a
    /// read-only file or medium.
    func openForReading() throws(StorageError) -> IndexDatabase {
        try IndexDatabase(path: db, readOnly: true, busyTimeout: busyTimeout)
    }
}

/// Where values come from, as an argument (`--source self|appraised|imported|automatic`).
enum SourceArgument: String, ExpressibleByArgument, CaseIterable {
    case `self`
    case appraised
    case imported
    case automatic

    var source: Dataset.Source { Dataset.Source(rawValue: rawValue) ?? .imported }
}

extension IndexDatabase {
    /// The units of the database, or a diagnostic that says to import them first.
    func requireUnits() throws -> [ICTIndexCore.Unit] {
        let units = try units()
        if units.isEmpty {
            throw ValidationFailure(diagnostics: [
                .error(
                    .unknownUnit, at: SourceLocation(file: name),
                    Words(vi: "cơ sở dữ liệu chưa có đơn vị nào", en: "the database has no units"),
                    hint: Words(
                        vi: "hãy nhập danh sách đơn vị trước: ictindex units import units.csv --db \(name)",
                        en: "import them first: ictindex units import units.csv --db \(name)"))
            ])
        }
        return units
    }
}

extension Framework {
    /// A framework with only the given groups, for reading a units file without criteria.
    static func accepting(groups: [String]) -> Framework {
        Framework(
            id: "units", name: LocalizedText(vi: "units"),
            groups: groups.map { Group(id: GroupID($0), name: LocalizedText(vi: $0)) }, variables: [], nodes: [],
            rootID: "index")
    }
}

/// `--busy-timeout`: seconds from 0 to 3600 (an hour), written as a plain decimal number.
///
/// SQLite takes the timeout in milliseconds as a C `int`, so `nan`, `inf`, `1e300` or `2147484` (over 2³¹ ms)
/// used to crash the conversion; they are now refused with exit code 64.
enum BusyTimeoutArgument {
    /// The documented range.
    static let range: ClosedRange<Double> = 0...3600

    static func parse(_ text: String) throws -> Double {
        let plain = !text.isEmpty && text.utf8.allSatisfy { $0 == UInt8(ascii: ".") || (48...57).contains($0) }
        if plain, let seconds = Double(text), range.contains(seconds) { return seconds }
        // ArgumentParser prefixes "The value '…' is invalid for '--busy-timeout <seconds>': ".
        throw ValidationError(
            MessageLanguage.pick(
                vi: "hãy ghi số giây từ 0 đến 3600, ví dụ --busy-timeout 5",
                en: "give a number of seconds from 0 to 3600, for example --busy-timeout 5"))
    }
}
