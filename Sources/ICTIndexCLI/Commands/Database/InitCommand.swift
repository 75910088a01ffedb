import ArgumentParser
import Foundation
import ICTIndexCore
import ICTIndexStorage

/// `ictindex init`: creates the evaluation database, or migrates an older one.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Tạo cơ sở dữ liệu đánh giá / Create (or upgrade) the evaluation database.",
        discussion: """
            Creates the SQLite file (default ./ictindex.sqlite) with every table, or migrates a database \
            made by an older ictindex. A database made by a newer ictindex is refused and left unchanged.

            Example:
              ictindex init --db ictindex.sqlite
            """
    )

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        try Console.run {
            let existed = ((try? FileManager.default.attributesOfItem(atPath: options.db)[.size]) as? UInt64 ?? 0) > 0
            // A damaged file is refused, unchanged, not called "up to date" (the migrator reads only its table).
            try IndexDatabase.checkWhole(path: options.db, busyTimeout: options.busyTimeout)
            let database = try options.open(create: true)
            let schema = try database.schemaVersions().last ?? "?"
            Console.out(
                existed
                    ? Words(
                        vi: "\(options.db): đã ở phiên bản mới nhất (lược đồ \(schema))",
                        en: "\(options.db): up to date (schema \(schema))")
                    : Words(
                        vi: "\(options.db): đã tạo (lược đồ \(schema))", en: "\(options.db): created (schema \(schema))"))
        }
    }
}
