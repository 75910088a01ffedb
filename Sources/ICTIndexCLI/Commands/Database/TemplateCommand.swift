import ArgumentParser
import Foundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexService
import ICTIndexStorage
import ICTIndexTemplates
import OrderedCollections
import XLSXWriter

/// `ictindex template`: self-assessment workbooks, one per unit.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Tạo phiếu tự đánh giá / Write self-assessment workbooks, one per unit.",
        discussion: """
            Each workbook (DIR/CODE.xlsx) has the instructions, one row per variable that applies to the unit's \
            group with a validated input cell and evidence columns, the provisional points as formulas that \
            mirror the criteria, and last period's values. Everything but the input cells is locked. Filled \
            workbooks come back with 'ictindex data import FILE.xlsx… --source self'.

            Examples:
              ictindex template --period 2025 --all --out templates/ \\
                --framework Criteria/vn-province-agencies.yaml
              ictindex template --period 2025 --unit SKHCN --unit STC \\
                --deadline 2026-01-15 --out templates/
            """
    )

    @Option(help: "The period the workbooks are for (e.g. 2025).", transform: PeriodArgument.parse)
    var period: String

    @Option(help: ArgumentHelp("A unit to write a workbook for (repeatable).", valueName: "code"))
    var unit: [String] = []

    @Option(help: ArgumentHelp("Every unit of a group.", valueName: "group"))
    var group: String?

    @Flag(help: "Every unit that exists in the period.")
    var all = false

    @Option(help: ArgumentHelp("The folder to write into (created when missing).", valueName: "dir"))
    var out: String

    @Option(help: "The criteria file (default: the criteria last used to score the period).")
    var framework: String?

    @Option(help: ArgumentHelp("The deadline shown in the workbook (YYYY-MM-DD).", valueName: "date"))
    var deadline: String?

    @Option(help: "Language of the workbook's texts: vi or en.")
    var lang: OutputLanguage = .vi

    @OptionGroup var options: DatabaseOptions

    func validate() throws {
        let selectors = (unit.isEmpty ? 0 : 1) + (group == nil ? 0 : 1) + (all ? 1 : 0)
        guard selectors == 1 else {
            throw ValidationError("say whose workbooks to write: --unit CODE (repeatable), --group G or --all")
        }
        if let deadline, DateSyntax.iso(deadline) == nil {
            throw ValidationError("--deadline '\(deadline)' is not a date; write it as YYYY-MM-DD or DD/MM/YYYY")
        }
    }

    func run() throws {
        try Console.run {
            let database = try options.open()
            let (loaded, source) = try Self.criteria(period: period, path: framework, database: database)
            let units = try selectedUnits(database, framework: loaded.framework)
            try database.saveFramework(source)
            let previous = try Self.previousValues(database, period: period, units: units)
            let folder = URL(fileURLWithPath: out, isDirectory: true)
            let templates = units.map { unit in
                SelfAssessmentTemplate(
                    framework: loaded.framework,
                    metadata: TemplateMetadata(
                        unit: unit, period: period, frameworkID: source.id, frameworkEdition: source.edition,
                        frameworkSHA256: source.sha256, deadline: deadline.flatMap(DateSyntax.iso),
                        language: lang.language),
                    previous: previous[unit.code] ?? [:])
            }
            try TemplateFolder(url: folder, display: out).write(count: templates.count) {
                try Self.write(templates, into: folder)
            }
            let prefilled = units.filter { !(previous[$0.code] ?? [:]).isEmpty }.count
            Console.out(
                lang == .en
                    ? "wrote \(units.count) workbooks to \(out) (period \(period), \(source.id) \(source.edition ?? ""), "
                        + "sha256 \(source.sha256.prefix(12)); last period's values for \(prefilled))"
                    : "đã tạo \(units.count) phiếu trong \(out) (kỳ \(period), \(source.id) \(source.edition ?? ""), "
                        + "sha256 \(source.sha256.prefix(12)); có số liệu kỳ trước: \(prefilled))")
            Console.report(loaded.warnings)
        }
    }

    /// The criteria given, or the ones last used to score the period, with what the database keeps of them.
    static func criteria(
        period: String, path: String?, database: IndexDatabase
    ) throws -> (LoadedFramework, FrameworkSource) {
        if let path { return try CriteriaSource.load(path: path) }
        guard let stored = try database.latestFramework(forPeriod: period) else {
            throw ValidationFailure(diagnostics: [
                .error(
                    .missingColumn,
                    Words(
                        vi: "kỳ \(period) chưa được chấm lần nào, nên chưa có bộ tiêu chí để tạo phiếu",
                        en: "period \(period) has no run yet, so there are no criteria to make workbooks from"),
                    hint: Words(
                        vi: "hãy đưa --framework TỆP (tệp tiêu chí của kỳ)",
                        en: "pass --framework FILE (the criteria file of the period)"))
            ])
        }
        return (
            LoadedFramework(framework: try CriteriaSource.load(stored), warnings: [], sha256: stored.sha256), stored
        )
    }

    private func selectedUnits(_ database: IndexDatabase, framework: Framework) throws -> [ICTIndexCore.Unit] {
        _ = try database.requireUnits()
        let existing = try database.units(inPeriod: period)
        if all { return existing }
        if let group {
            let members = existing.filter { $0.group.rawValue == group }
            guard !members.isEmpty else {
                let groups = OrderedSet(existing.map(\.group.rawValue))
                var hint = Words(
                    vi: "các khối của kỳ \(period) là: \(groups.joined(separator: ", "))",
                    en: "the groups of period \(period) are: \(groups.joined(separator: ", "))")
                if let near = Suggestion.suggestion(for: group, among: Array(groups)) {
                    hint = near + .verbatim(" ") + hint
                }
                throw ValidationFailure(diagnostics: [
                    .error(
                        .unknownUnitGroup,
                        Words(
                            vi: "kỳ \(period) không có đơn vị nào thuộc khối '\(group)'",
                            en: "no unit of period \(period) is in group '\(group)'"),
                        hint: hint)
                ])
            }
            return members
        }
        let byCode = Dictionary(existing.map { ($0.code.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        var problems: [Diagnostic] = []
        var chosen: [ICTIndexCore.Unit] = []
        for code in OrderedSet(unit) {
            if let found = byCode[code] {
                chosen.append(found)
                continue
            }
            let hint =
                Suggestion.suggestion(for: code, among: Array(byCode.keys))
                ?? Words(
                    vi: "'ictindex units import' thêm đơn vị; đơn vị phải tồn tại trong kỳ \(period)",
                    en: "'ictindex units import' adds units; a unit must exist in period \(period)")
            problems.append(
                .error(
                    .unknownUnit, subject: .unit(UnitCode(code)),
                    Words(
                        vi: "đơn vị '\(code)' không có trong kỳ \(period)",
                        en: "unit '\(code)' does not exist in period \(period)"),
                    hint: hint))
        }
        if !problems.isEmpty { throw ValidationFailure(diagnostics: problems) }
        return chosen
    }

    /// Each unit's values of the latest earlier period with values; a renamed unit gets its predecessor's.
    static func previousValues(
        _ database: IndexDatabase, period: String, units: [ICTIndexCore.Unit]
    ) throws -> [UnitCode: [VariableID: Value]] {
        guard let previous = try database.periods().filter({ $0 < period }).max() else { return [:] }
        let (dataset, _) = try database.dataset(forPeriod: previous)
        var predecessors: [UnitCode: [UnitCode]] = [:]
        for unit in try database.units() {
            if let successor = unit.successor { predecessors[successor, default: []].append(unit.code) }
        }
        var result: [UnitCode: [VariableID: Value]] = [:]
        for unit in units {
            var source = unit.code
            if dataset.units[source] == nil, let before = predecessors[unit.code], before.count == 1 {
                source = before[0]
            }
            let entries = dataset.entries(of: source)
            if !entries.isEmpty { result[unit.code] = entries.mapValues(\.value) }
        }
        return result
    }

    /// Writes the workbooks; a failure is reported with the file it was writing.
    static func write(_ templates: [SelfAssessmentTemplate], into folder: URL) throws {
        do {
            _ = try SelfAssessmentTemplate.write(templates, into: folder)
        } catch {
            throw RuntimeFailure(error)
        }
    }
}
