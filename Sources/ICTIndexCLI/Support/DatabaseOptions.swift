import ArgumentParser
import Foundation
import ICTIndexCore
import OrderedCollections
import ICTIndexCriteria
import ICTIndexStorage

/// The options every database command shares: which database, who is working, how long to wait.
struct DatabaseOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The evaluation database (SQLite).", valueName: "path"))
    var db: String = "ictindex.sqlite"

    @Option(help: ArgumentHelp("Who is making the change, for the audit log (default: $USER).", valueName: "name"))
    var who: String?

    @Option(help: ArgumentHelp("How long to wait for another process's write, in seconds.", valueName: "seconds"))
    var busyTimeout: Double = 5

    /// The person recorded in the audit log.
    var person: String { who ?? ProcessInfo.processInfo.environment["USER"] ?? "ictindex" }

    /// Opens the database (it must exist unless `create`).
    func open(create: Bool = false) throws(StorageError) -> IndexDatabase {
        try IndexDatabase(path: db, create: create, busyTimeout: busyTimeout)
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
                    .unknownUnit, at: SourceLocation(file: name), "the database has no units",
                    hint: "import them first: ictindex units import units.csv --db \(name)")
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
