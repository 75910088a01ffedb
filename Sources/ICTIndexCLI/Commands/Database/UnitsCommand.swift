import ArgumentParser
import Foundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexService
import ICTIndexStorage
import OrderedCollections

/// `ictindex units`: the units of the evaluation database.
struct UnitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "Đơn vị được đánh giá / The units in the database.",
        subcommands: [UnitsImportCommand.self]
    )
}

/// `ictindex units import FILE`: adds or updates units and their lineage.
struct UnitsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập danh sách đơn vị / Import units from a CSV or XLSX file.",
        discussion: """
            Columns: code, name, group, and optional parent, kind, valid_from, valid_to, successor (the unit \
            that replaced it after a merger or a rename). Groups are checked against the criteria file when \
            --framework is given. Units already stored are updated; every change is in the audit log. The \
            import is all or nothing.

            Example:
              ictindex units import Examples/sample-province/units.csv --framework Criteria/vn-province-agencies.yaml
            """
    )

    @Argument(help: "The units file (CSV or XLSX).")
    var file: String

    @Option(help: "The sheet to read from an .xlsx file (default: the first visible sheet).")
    var sheet: String?

    @Option(help: "The criteria file whose groups the units must use.")
    var framework: String?

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        try Console.run {
            let database = try options.open()
            let criteria = try framework.map { path throws(ValidationFailure) in try CriteriaSource.load(path: path).0 }
            let stored = try database.units()
            let units: [ICTIndexCore.Unit]
            if let criteria {
                var reader = DataFileReader(framework: criteria.framework)
                reader.storedUnits = stored
                units = try reader.readUnits(path: file, sheet: sheet)
            } else {
                // Without criteria, any group named in the file is accepted.
                let table =
                    SpreadsheetInput.isWorkbook(file)
                    ? try SpreadsheetInput.table(file, what: InputKind.units, sheet: sheet, decimalStyle: .point)
                    : try CSVTable.parse(try InputFile.read(file, what: InputKind.units), file: file)
                let column = table.header.firstIndex { $0.trimmingCharacters(in: .whitespaces).lowercased() == "group" }
                let groups = Set(
                    column.map { g in table.rows.map { $0[g].trimmingCharacters(in: .whitespaces) } } ?? [])
                var reader = DataFileReader(framework: .accepting(groups: groups.filter { !$0.isEmpty }.sorted()))
                reader.storedUnits = stored
                units = try reader.readUnits(table)
            }
            let summary = try database.importUnits(units, file: file, who: options.person)
            Console.out(
                Words(
                    vi: "\(file): \(summary.added) đơn vị mới, \(summary.changed) thay đổi, \(summary.unchanged) không đổi",
                    en: "\(file): \(summary.added) units added, \(summary.changed) changed, \(summary.unchanged) unchanged"))
            Console.report(criteria?.warnings ?? [])
        }
    }
}
