import ICTIndexCore
import ICTIndexCriteria

/// Files in, scoreboard out: load the criteria, read units and values, score.
///
/// Shared by `score` and `demo`, so both check input the same way.
struct ScoringPipeline {
    var frameworkPath: String
    var dataPath: String
    var unitsPath: String?
    var period: String?
    var decimalStyle: DecimalStyle = .point

    /// The scoreboard, every warning found on the way (criteria, data, scoring), and the criteria file's SHA-256.
    func run() throws(ValidationFailure) -> (scoreboard: Scoreboard, warnings: [Diagnostic], sha256: String) {
        let loaded = try FrameworkLoader().load(path: frameworkPath)
        let framework = loaded.framework
        var reader = DataFileReader(framework: framework, decimalStyle: decimalStyle)
        let readingWarnings = WarningBox()
        reader.onWarnings = { readingWarnings.add($0) }
        var units: [Unit]?
        var notes: [Diagnostic] = []
        if let unitsPath {
            let listed = try reader.readUnits(path: unitsPath)
            units = listed
            let dated = listed.filter { !($0.validFrom ?? "").isEmpty || !($0.validTo ?? "").isEmpty }
            if period == nil && !dated.isEmpty {
                notes.append(
                    .warning(
                        .unknownUnit, at: SourceLocation(file: unitsPath),
                        Words(
                            vi:
                                "\(dated.count) đơn vị có ngày valid_from/valid_to nhưng không có --period, nên mọi đơn "
                                + "vị trong tệp đều được chấm, kể cả các đơn vị không cùng tồn tại một lúc",
                            en: "\(dated.count) units have valid_from/valid_to dates but no --period was given, so "
                                + "every unit of the file is scored, including units that did not exist at the same "
                                + "time"),
                        hint: Words(
                            vi: "hãy đưa --period NĂM để chấm các đơn vị tồn tại vào ngày cuối cùng của năm đó",
                            en: "pass --period YEAR to score the units that exist on the last day of that year")))
            }
        }
        var dataset = try reader.readValues(path: dataPath, units: units, period: period)
        if let period { dataset = try dataset.restricted(toPeriod: period, file: dataPath) }
        let scoreboard = try Engine(framework: framework).score(dataset)
        // Half a million values, each checked on its way out: the process ends soon, and takes them all back.
        Console.keepUntilExit(dataset)
        return (
            scoreboard, loaded.warnings + notes + readingWarnings.diagnostics + scoreboard.diagnostics, loaded.sha256
        )
    }
}

/// Warnings collected while reading input files, printed with the others.
final class WarningBox: @unchecked Sendable {
    private(set) var diagnostics: [Diagnostic] = []
    func add(_ more: [Diagnostic]) { diagnostics += more }
}
