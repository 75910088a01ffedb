public import ICTIndexCore
public import ICTIndexCriteria
public import ICTIndexStorage

/// Loading criteria for database work: from a file, or the text stored with a run (shared by the CLI's
/// database commands and the web application).
public enum CriteriaSource {
    /// A criteria file and what a run stores of it.
    public static func load(path: String) throws(ValidationFailure) -> (LoadedFramework, FrameworkSource) {
        let loaded = try FrameworkLoader().load(path: path)
        let f = loaded.framework
        return (loaded, FrameworkSource(id: f.id, edition: f.edition, yaml: f.sourceText ?? "", sha256: loaded.sha256))
    }

    /// The framework stored with a run.
    public static func load(_ source: FrameworkSource) throws(ValidationFailure) -> Framework {
        try FrameworkLoader().load(yaml: source.yaml, file: "\(source.id) (stored, sha256 \(source.sha256.prefix(12)))")
            .framework
    }

    /// The criteria given with `--framework`, or else the last ones used to score the period.
    public static func forPeriod(
        _ period: String, path: String?, database: IndexDatabase
    ) throws -> Framework {
        if let path { return try load(path: path).0.framework }
        guard let stored = try database.latestFramework(forPeriod: period) else {
            throw ValidationFailure(diagnostics: [
                .error(
                    .missingColumn,
                    Words(
                        vi: "kỳ \(period) chưa được chấm lần nào, nên chưa có bộ tiêu chí để kiểm tra số liệu",
                        en: "period \(period) has no run yet, so there are no criteria to check values against"),
                    hint: Words(
                        vi: "hãy đưa --framework TỆP (tệp tiêu chí của kỳ)",
                        en: "pass --framework FILE (the criteria file of the period)"))
            ])
        }
        return try load(stored)
    }
}
