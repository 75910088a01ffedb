import ArgumentParser
import ICTIndexCore
import OrderedCollections
import ICTIndexStorage

/// `ictindex audit [--since DATE] [--unit CODE]`: the append-only audit log.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Nhật ký thay đổi / Show the audit log: who changed what, when, old → new.",
        discussion: """
            Example:
              ictindex audit --since 2025-07-01 --unit SNV
            """
    )

    @Option(help: ArgumentHelp("Only entries at or after this date or time (ISO 8601).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only entries about this unit.", valueName: "code"))
    var unit: String?

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        try Console.run {
            let database = try options.open()
            let entries = try database.auditEntries(since: since, unit: unit.map(UnitCode.init))
            let lines = entries.map { e in
                var line = "\(e.at)  \(e.who)  \(e.action)"
                let subject = [e.period, e.unit, e.variable].compactMap { $0 }.joined(separator: " ")
                if !subject.isEmpty { line += "  \(subject)" }
                if e.oldValue != nil || e.newValue != nil { line += ": \(e.oldValue ?? "∅") → \(e.newValue ?? "∅")" }
                if let detail = e.detail { line += "  (\(detail))" }
                return line
            }
            Console.out(lines.isEmpty ? "no audit entries" : lines.joined(separator: "\n"))
        }
    }
}
