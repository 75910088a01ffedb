import Foundation
import ICTIndexCore
import ICTIndexService
import ICTIndexStorage
import ICTIndexTemplates
import OrderedCollections
import XLSXReader

/// Importing filled self-assessment workbooks: each is checked against the template it must be, all are
/// stored in one transaction, and each unit's provisional score and rank are printed.
struct TemplateImport {
    var files: [String]
    var period: String?
    var frameworkPath: String?
    var source: Dataset.Source
    var options: DatabaseOptions
    var language: Language

    /// Whether a file is a workbook made by `ictindex template` (a file that cannot be opened is not).
    static func isTemplate(_ path: String) -> Bool {
        guard SpreadsheetInput.isWorkbook(path),
            let document = try? XLSXDocument(contentsOf: URL(fileURLWithPath: path))
        else { return false }
        return TemplateReader.isTemplate(document)
    }

    private struct Filled {
        var file: String
        var unit: ICTIndexCore.Unit
        var metadata: TemplateMetadata
        var framework: Framework
        var entries: OrderedDictionary<VariableID, TemplateEntry>
    }

    func run() throws {
        let database = try options.open()
        let given = try frameworkPath.map { try CriteriaSource.load(path: $0).1 }
        let units = Dictionary(try database.units().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var frameworks: [String: Framework] = [:]
        var diagnostics: [Diagnostic] = []
        var filled: [Filled] = []
        for file in files {
            do {
                let document: XLSXDocument
                do { document = try XLSXDocument(contentsOf: URL(fileURLWithPath: file)) } catch {
                    throw ValidationFailure(diagnostics: [
                        .error(
                            .notATemplate, at: SourceLocation(file: file),
                            Words(vi: "không đọc được bảng tính: ", en: "the workbook cannot be read: ")
                                + error.messageWords, hint: error.hintWords)
                    ])
                }
                let metadata = try TemplateReader.metadata(of: document, path: file)
                let (unit, framework) = try check(
                    metadata, file: file, given: given, units: units, database: database, cache: &frameworks)
                let template = SelfAssessmentTemplate(framework: framework, metadata: metadata)
                let (entries, problems) = TemplateReader.read(document, path: file, template: template)
                diagnostics += problems
                filled.append(
                    Filled(file: file, unit: unit, metadata: metadata, framework: framework, entries: entries))
            } catch let failure as ValidationFailure {
                diagnostics += failure.diagnostics
            }
        }
        diagnostics += consistency(filled)
        if diagnostics.hasErrors { throw ValidationFailure(diagnostics: diagnostics) }
        guard let first = filled.first else { return }

        var entries: [UnitCode: [VariableID: Dataset.Entry]] = [:]
        for workbook in filled {
            entries[workbook.unit.code] = Dictionary(
                uniqueKeysWithValues: workbook.entries.compactMap { id, entry in
                    entry.value.map {
                        (id, Dataset.Entry(value: $0, source: source, evidence: entry.evidence?.text, note: entry.note))
                    }
                })
        }
        let dataset = Dataset(period: first.metadata.period, units: filled.map(\.unit), entries: entries)
        let what = files.count == 1 ? files[0] : "\(files.count) workbooks"
        let summary = try database.importValues(
            dataset, period: first.metadata.period, source: source, file: what, who: options.person)
        let en = language == .en
        Console.out(
            en
                ? "\(what): \(summary.added) values added, \(summary.changed) changed, \(summary.unchanged) unchanged "
                    + "(\(source.rawValue), period \(first.metadata.period))"
                : "\(what): \(summary.added) giá trị mới, \(summary.changed) thay đổi, \(summary.unchanged) không đổi "
                    + "(\(source.rawValue), kỳ \(first.metadata.period))")
        Console.out(
            try provisional(filled, framework: first.framework, period: first.metadata.period, database: database))
    }

    /// The template must be of this database: its criteria kept here and the period's, its unit known.
    private func check(
        _ metadata: TemplateMetadata, file: String, given: FrameworkSource?, units: [UnitCode: ICTIndexCore.Unit],
        database: IndexDatabase, cache: inout [String: Framework]
    ) throws -> (ICTIndexCore.Unit, Framework) {
        let at = SourceLocation(file: file)
        let criteriaMade =
            "\(metadata.frameworkID) \(metadata.frameworkEdition ?? "") "
            + "(sha256 \(metadata.frameworkSHA256.prefix(12)))"
        let made = Words(
            vi: "bảng tính được tạo cho bộ tiêu chí \(criteriaMade)", en: "the workbook was made for \(criteriaMade)")
        let command = "ictindex template --period \(metadata.period) --unit \(metadata.unit) --out DIR"
        let fresh = Words(
            vi: "hãy tạo phiếu mới theo bộ tiêu chí của kỳ: \(command)",
            en: "make new workbooks with the period's criteria: \(command)")
        var problems: [Diagnostic] = []
        if let period, period != metadata.period {
            problems.append(
                .error(
                    .templateMismatch, at: at,
                    Words(
                        vi: "bảng tính dành cho kỳ \(metadata.period), không phải kỳ \(period)",
                        en: "the workbook is for period \(metadata.period), not \(period)"),
                    hint: Words(
                        vi: "hãy nhập nó cho đúng kỳ của nó (bỏ --period), hoặc dùng bảng tính của kỳ \(period)",
                        en: "import it for its own period (leave out --period), or use the workbook of period "
                            + "\(period)")))
        }
        if let given, given.sha256 != metadata.frameworkSHA256 {
            let givenText = "\(given.id) \(given.edition ?? ""), sha256 \(given.sha256.prefix(12))"
            problems.append(
                .error(
                    .templateMismatch, at: at,
                    made
                        + Words(
                            vi: ", không phải bộ tiêu chí đưa vào bằng --framework (\(givenText))",
                            en: ", not for the criteria given with --framework (\(givenText))"),
                    hint: fresh))
        }
        if let scoring = try database.latestFramework(forPeriod: metadata.period),
            scoring.sha256 != metadata.frameworkSHA256
        {
            let scoringText = "\(scoring.id) \(scoring.edition ?? "") (sha256 \(scoring.sha256.prefix(12)))"
            problems.append(
                .error(
                    .templateMismatch, at: at,
                    made
                        + Words(
                            vi: ", nhưng kỳ \(metadata.period) được chấm theo \(scoringText)",
                            en: ", but period \(metadata.period) is scored with \(scoringText)"),
                    hint: fresh))
        }
        let unit = units[metadata.unit]
        if unit == nil || !(unit?.exists(inPeriod: metadata.period) ?? false) {
            problems.append(
                .error(
                    .templateMismatch, at: at, subject: .unit(metadata.unit),
                    unit == nil
                        ? Words(
                            vi: "bảng tính dành cho đơn vị '\(metadata.unit)', đơn vị này không có trong cơ sở dữ liệu",
                            en: "the workbook is for unit '\(metadata.unit)', which is not in the database")
                        : Words(
                            vi: "bảng tính dành cho đơn vị '\(metadata.unit)', đơn vị này không tồn tại trong kỳ "
                                + "\(metadata.period)",
                            en: "the workbook is for unit '\(metadata.unit)', which does not exist in period "
                                + "\(metadata.period)"),
                    hint: Words(
                        vi: "hãy kiểm tra danh sách đơn vị (ictindex units import), hoặc xem bảng tính có thuộc cơ sở "
                            + "dữ liệu khác không",
                        en: "check the units (ictindex units import), or whether the workbook belongs to another "
                            + "database")))
        }
        if let framework = cache[metadata.frameworkSHA256], problems.isEmpty, let unit { return (unit, framework) }
        guard let stored = try database.framework(sha256: metadata.frameworkSHA256) else {
            problems.append(
                .error(
                    .templateMismatch, at: at,
                    made
                        + Words(
                            vi: ", mà cơ sở dữ liệu này không lưu bộ tiêu chí đó: có phải nó được tạo từ cơ sở dữ liệu "
                                + "khác?",
                            en: ", and this database does not keep those criteria: was it made from another database?"),
                    hint: fresh))
            throw ValidationFailure(diagnostics: problems)
        }
        if !problems.isEmpty { throw ValidationFailure(diagnostics: problems) }
        let framework = try CriteriaSource.load(stored)
        cache[metadata.frameworkSHA256] = framework
        return (unit!, framework)
    }

    /// One period, one criteria, one workbook per unit.
    private func consistency(_ filled: [Filled]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let periods = OrderedSet(filled.map(\.metadata.period))
        if periods.count > 1 {
            problems.append(
                .error(
                    .templateMismatch,
                    Words(
                        vi: "các bảng tính thuộc nhiều kỳ: \(periods.joined(separator: ", "))",
                        en: "the workbooks are for periods \(periods.joined(separator: ", "))"),
                    hint: Words(
                        vi: "hãy nhập bảng tính của từng kỳ riêng", en: "import each period's workbooks on their own")))
        }
        let criteria = OrderedSet(filled.map(\.metadata.frameworkSHA256))
        if criteria.count > 1 && periods.count == 1 {
            problems.append(
                .error(
                    .templateMismatch,
                    Words(
                        vi: "các bảng tính được tạo từ \(criteria.count) tệp tiêu chí khác nhau",
                        en: "the workbooks were made from \(criteria.count) different criteria files"),
                    hint: Words(
                        vi: "hãy tạo bảng tính của mọi đơn vị theo bộ tiêu chí của kỳ (ictindex template)",
                        en: "make every unit's workbook from the period's criteria (ictindex template)")))
        }
        var seen: [UnitCode: String] = [:]
        for workbook in filled {
            if let other = seen[workbook.unit.code] {
                problems.append(
                    .error(
                        .duplicateUnit, at: SourceLocation(file: workbook.file), subject: .unit(workbook.unit.code),
                        Words(
                            vi: "đơn vị '\(workbook.unit.code)' có hai bảng tính: \(other) và \(workbook.file)",
                            en: "unit '\(workbook.unit.code)' has two workbooks: \(other) and \(workbook.file)"),
                        hint: Words(vi: "hãy nhập một bảng tính cho mỗi đơn vị", en: "import one workbook per unit")))
            }
            seen[workbook.unit.code] = workbook.file
        }
        return problems
    }

    /// Each imported unit's provisional score, band and rank among the units that have self-assessed so far.
    private func provisional(
        _ filled: [Filled], framework: Framework, period: String, database: IndexDatabase
    ) throws -> String {
        let en = language == .en
        let (all, _) = try database.dataset(forPeriod: period, sources: [source])
        let reported = all.units.values.filter { !all.entries(of: $0.code).isEmpty }
        guard filled.contains(where: { !$0.entries.isEmpty }) else {
            return language.say(
                vi: "chưa nhập giá trị nào: chưa có điểm tạm tính", en: "no value was filled in: nothing to score")
        }
        var entries: [UnitCode: [VariableID: Dataset.Entry]] = [:]
        for unit in reported { entries[unit.code] = all.entries(of: unit.code) }
        let scoreboard: Scoreboard
        do {
            scoreboard = try Engine(framework: framework).score(
                Dataset(period: period, units: reported, entries: entries))
        } catch {
            return (language.say(vi: "chưa tính được điểm tạm tính: ", en: "provisional scores are not available: "))
                + (error.diagnostics.first?.message(en ? .en : .vi) ?? "")
        }
        var lines = [
            en
                ? "provisional scores (ranks among the \(reported.count) units that have reported so far):"
                : "điểm tạm tính (xếp hạng trong số \(reported.count) đơn vị đã nộp):"
        ]
        for workbook in filled {
            guard let result = scoreboard.result(for: workbook.unit.code) else { continue }
            let score = result.published.map { NumberFormatting.fixed($0, decimals: framework.decimals) } ?? "—"
            let band = result.band?.name.text(language)
            let group = framework.groups[workbook.unit.group]?.name.text(language) ?? workbook.unit.group.rawValue
            let rank =
                result.rank.map {
                    en
                        ? "rank \($0)/\(result.rankedCount) in \(group)"
                        : "hạng \($0)/\(result.rankedCount) nhóm \(group)"
                }
                ?? (language.say(vi: "không xếp hạng", en: "not ranked"))
            lines.append(
                "  \(workbook.unit.code)  \(workbook.unit.name): \(score)\(band.map { " (\($0))" } ?? ""), \(rank)")
        }
        return lines.joined(separator: "\n")
    }
}
