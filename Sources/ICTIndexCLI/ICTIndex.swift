import ArgumentParser

/// The `ictindex` command: scores e-government readiness (ICT index) from criteria files and data.
@main
struct ICTIndex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ictindex",
        abstract: "Chấm điểm, xếp hạng chỉ số sẵn sàng chính quyền điện tử / e-government readiness scoring.",
        discussion: """
            Reads a criteria set (Criteria/*.yaml) and the data units report, scores and ranks every \
            unit within its group, bands it, and explains every point.

            Exit codes: 0 ok, 64 invalid input (criteria, data, arguments), 1 runtime failure.
            """,
        version: ICTIndexVersion.current,
        subcommands: [
            DemoCommand.self, CriteriaCommand.self, ScoreCommand.self, InitCommand.self, UnitsCommand.self,
            DataCommand.self, AppraiseCommand.self, RunCommand.self, ResultsCommand.self, CompareCommand.self,
            PublishCommand.self, AuditCommand.self, ExportCommand.self, TemplateCommand.self,
            ServeCommand.self, UserCommand.self,
        ],
        defaultSubcommand: nil
    )
}

/// The version printed by `--version` and recorded with every run.
enum ICTIndexVersion {
    static let current = "0.1.0"
}
