import ArgumentParser
import ICTIndexCore
import OrderedCollections
import ICTIndexStorage

/// `ictindex audit [--since DATE] [--unit CODE] [--by NAME] [--action PREFIX] [--period P] [--last N]`: the
/// append-only audit log.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Nhật ký thay đổi / Show the audit log: who changed what, when, old → new.",
        discussion: """
            Example:
              ictindex audit --since 2025-07-01 --unit SNV
              ictindex audit --by snv --action value. --last 20
            """
    )

    @Option(help: ArgumentHelp("Only entries at or after this date or time (ISO 8601).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only entries about this unit.", valueName: "code"))
    var unit: String?

    @Option(help: ArgumentHelp("Only entries by this user or system.", valueName: "name"))
    var by: String?

    @Option(help: ArgumentHelp(
        "Only entries whose action starts with this (value. finds value.add, value.change and value.remove).",
        valueName: "action"))
    var action: String?

    @Option(help: ArgumentHelp("Only entries about this period.", valueName: "period"), transform: PeriodArgument.parse)
    var period: String?

    @Option(help: ArgumentHelp("Only the newest N entries.", valueName: "n"))
    var last: Int?

    @OptionGroup var options: DatabaseOptions

    func validate() throws {
        if let last, last < 1 { throw ValidationError("--last must be at least 1, but it is \(last)") }
    }

    func run() throws {
        try Console.run {
            let database = try options.openForReading()
            let entries = try database.auditEntries(
                AuditFilter(since: since, unit: unit.map(UnitCode.init), who: by, action: action, period: period),
                last: last)
            // One entry, one line: a `--who`, a value or a file name with a newline or ESC is written visibly,
            // so it cannot forge another entry or drive the terminal.
            let lines = entries.map { e in
                var line = "\(e.at)  \(e.who)  \(e.action)"
                let subject = [e.period, e.unit, e.variable].compactMap { $0 }.joined(separator: " ")
                if !subject.isEmpty { line += "  \(subject)" }
                if e.oldValue != nil || e.newValue != nil { line += ": \(e.oldValue ?? "∅") → \(e.newValue ?? "∅")" }
                if let detail = e.detail { line += "  (\(detail))" }
                return MessageText.escapingControlCharacters(line)
            }
            if lines.isEmpty {
                Console.out(Words(vi: "nhật ký thao tác chưa có mục nào", en: "no audit entries"))
            } else {
                Console.out(lines.joined(separator: "\n"))
            }
        }
    }
}
