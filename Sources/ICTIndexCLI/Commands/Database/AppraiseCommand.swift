import ArgumentParser
import Foundation
import ICTIndexCore
import ICTIndexService
import ICTIndexStorage
import OrderedCollections

/// `ictindex appraise FILE --period P`: records appraisal decisions (accept or adjust, with reasons).
struct AppraiseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appraise",
        abstract: "Thẩm định / Record appraisal decisions: accept or adjust self-assessed values.",
        discussion: """
            The file is CSV or XLSX (the first visible sheet, or --sheet) with the columns unit, variable, \
            decision (accept or adjust), value and reason. \
            'accept' takes the unit's self-assessed value; 'adjust' sets the value given and needs a reason. \
            Values are checked against the criteria (--framework, or the last criteria used for the period). \
            All or nothing; the same file twice changes nothing the second time.

            Example:
              ictindex appraise decisions-2025.csv --period 2025
            """
    )

    @Argument(help: "The decisions file (CSV or XLSX: unit, variable, decision, value, reason).")
    var file: String

    @Option(help: "The sheet to read from an .xlsx file (default: the first visible sheet).")
    var sheet: String?

    @Option(help: "The period (e.g. 2025).", transform: PeriodArgument.parse)
    var period: String

    @Option(help: "The criteria file the values are checked against (default: the last one used for the period).")
    var framework: String?

    @Flag(help: "Numbers use a decimal comma (12,5).")
    var decimalComma = false

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        try Console.run {
            let database = try options.open()
            let framework = try CriteriaSource.forPeriod(period, path: self.framework, database: database)
            let units = try database.units(inPeriod: period)
            let pairs = try database.valuePairs(forPeriod: period)
            var selfAssessed: Set<String> = []
            for p in pairs where p.selfAssessed != nil { selfAssessed.insert("\(p.unit)\u{0}\(p.variable)") }
            let style: DecimalStyle = decimalComma ? .comma : .point
            let table = try SpreadsheetInput.anyTable(
                file, what: InputKind.decisions, sheet: sheet, decimalStyle: style)
            let decisions = try AppraisalFile(
                framework: framework, units: units, selfAssessed: selfAssessed, period: period,
                parser: CellParser(decimalStyle: style)
            ).read(table)
            let summary = try database.appraise(decisions, period: period, file: file, who: options.person)
            Console.out(
                Words(
                    vi: "\(file): \(summary.added) giá trị được thẩm định, \(summary.changed) thay đổi, "
                        + "\(summary.unchanged) không đổi (kỳ \(period))",
                    en: "\(file): \(summary.added) values appraised, \(summary.changed) changed, \(summary.unchanged) "
                        + "unchanged (period \(period))"))
        }
    }
}

/// Reads a decisions file, collecting every problem (file, row, column, unit, variable, value, hint).
struct AppraisalFile {
    static let columns = ["unit", "variable", "decision", "value", "reason"]

    let framework: Framework
    let units: [ICTIndexCore.Unit]
    /// `unit \0 variable` of every self-assessed value of the period.
    let selfAssessed: Set<String>
    let period: String
    let parser: CellParser

    func read(_ table: CSVTable) throws(ValidationFailure) -> [AppraisalInput] {
        let file = table.file
        var diagnostics: [Diagnostic] = []
        var index: [String: Int] = [:]
        for (i, raw) in table.header.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if Self.columns.contains(name) {
                index[name] = i
            } else if !name.isEmpty {
                diagnostics.append(
                    .error(
                        .unknownColumn, at: SourceLocation(file: file, line: table.headerLine, column: i + 1),
                        Words(
                            vi: "cột '\(raw)' không phải cột của tệp quyết định thẩm định",
                            en: "column '\(raw)' is not a column of a decisions file"),
                        hint: (Suggestion.suggestion(for: name, among: Self.columns).map { $0 + .verbatim(" ") }
                            ?? .verbatim(""))
                            + Words(
                                vi: "các cột là: \(Self.columns.joined(separator: ", "))",
                                en: "the columns are: \(Self.columns.joined(separator: ", "))")))
            }
        }
        let missing = ["unit", "variable", "decision"].filter { index[$0] == nil }
        if !missing.isEmpty {
            let missingList = missing.map { "'\($0)'" }.joined(separator: ", ")
            diagnostics.append(
                .error(
                    .missingColumn, at: SourceLocation(file: file, line: table.headerLine),
                    Words(
                        vi: "tệp quyết định thẩm định không có cột \(missingList)",
                        en: "the decisions file has no \(missingList) column"),
                    hint: Words(
                        vi: "dòng tiêu đề của tệp quyết định thẩm định là: \(Self.columns.joined(separator: ", "))",
                        en: "the header of a decisions file is: \(Self.columns.joined(separator: ", "))")))
            throw ValidationFailure(diagnostics: diagnostics)
        }
        let known = Set(units.map(\.code))
        var seen: [String: Int] = [:]
        var decisions: [AppraisalInput] = []
        for row in table.rows {
            func cell(_ name: String) -> String {
                index[name].map { row[$0].trimmingCharacters(in: .whitespaces) } ?? ""
            }
            func at(_ name: String) -> SourceLocation {
                SourceLocation(file: file, line: row.line, column: (index[name] ?? -1) + 1)
            }
            let code = UnitCode(cell("unit"))
            let variableID = VariableID(cell("variable"))
            var rowIsValid = true
            if !known.contains(code) {
                rowIsValid = false
                let hint = Suggestion.hint(
                    for: code.rawValue, among: units.map(\.code.rawValue),
                    otherwise: Words(
                        vi: "hãy dùng mã của một đơn vị có trong kỳ đánh giá",
                        en: "use the code of a unit that exists in the period"))
                diagnostics.append(
                    .error(
                        .unknownUnit, at: at("unit"), subject: .unit(code),
                        Words(
                            vi: "đơn vị '\(code)' không có trong kỳ \(period)",
                            en: "unit '\(code)' does not exist in period \(period)"),
                        hint: hint))
            }
            let variable = framework.variables[variableID]
            if variable == nil || variable?.isDerived == true {
                rowIsValid = false
                let hint = Suggestion.hint(
                    for: variableID.rawValue, among: framework.reportedVariables.map(\.id.rawValue),
                    otherwise: Words(
                        vi: "hãy dùng mã của một biến do đơn vị báo cáo trong tệp tiêu chí",
                        en: "use the id of a reported variable of the criteria file"))
                diagnostics.append(
                    .error(
                        .unknownColumn, at: at("variable"), subject: .unitVariable(code, variableID),
                        Words(
                            vi: "đơn vị '\(code)': '\(variableID)' không phải biến báo cáo của bộ tiêu chí "
                                + "'\(framework.id)'",
                            en: "unit '\(code)': '\(variableID)' is not a reported variable of framework "
                                + "'\(framework.id)'"),
                        hint: hint))
            }
            guard rowIsValid, let variable else { continue }
            let key = "\(code)\u{0}\(variableID)"
            if let first = seen[key] {
                diagnostics.append(
                    .error(
                        .duplicateValue, at: at("variable"), subject: .unitVariable(code, variableID),
                        Words(
                            vi: "đơn vị '\(code)', biến '\(variableID)' có hai quyết định (dòng \(first) và "
                                + "\(row.line))",
                            en: "unit '\(code)', variable '\(variableID)' has two decisions (rows \(first) and "
                                + "\(row.line))"),
                        hint: Words(
                            vi: "hãy giữ một quyết định cho mỗi đơn vị và biến",
                            en: "keep one decision per unit and variable")))
                continue
            }
            seen[key] = row.line
            let reason = cell("reason")
            switch cell("decision").lowercased() {
            case "accept", "accepted":
                if !selfAssessed.contains(key) {
                    diagnostics.append(
                        .error(
                            .missingValue, at: at("decision"), subject: .unitVariable(code, variableID),
                            Words(
                                vi: "đơn vị '\(code)', biến '\(variableID)': không có giá trị tự đánh giá nào trong "
                                    + "kỳ \(period) để chấp nhận",
                                en: "unit '\(code)', variable '\(variableID)': there is no self-assessed value to "
                                    + "accept in period \(period)"),
                            hint: Words(
                                vi: "hãy nhập số liệu tự đánh giá trước, hoặc dùng 'adjust' kèm giá trị và lý do",
                                en: "import the self-assessment first, or 'adjust' with the value and a reason")))
                    continue
                }
                decisions.append(
                    AppraisalInput(unit: code, variable: variableID, decision: .accept, reason: reason.nonEmpty))
            case "adjust", "adjusted":
                let text = cell("value")
                var value: Value?
                do {
                    value = try parser.value(of: text, for: variable)
                } catch {
                    diagnostics.append(
                        .error(
                            error.code, at: at("value"), subject: .unitVariable(code, variableID),
                            error.message(unit: code, variable: variableID), hint: error.hint))
                    continue
                }
                guard let value else {
                    diagnostics.append(
                        .error(
                            .missingColumn, at: at("value"), subject: .unitVariable(code, variableID),
                            Words(
                                vi: "đơn vị '\(code)', biến '\(variableID)': 'adjust' cần giá trị thẩm định",
                                en: "unit '\(code)', variable '\(variableID)': 'adjust' needs the appraised value"),
                            hint: Words(
                                vi: "hãy ghi giá trị vào cột 'value', hoặc 'accept' giá trị tự đánh giá",
                                en: "write the value in the 'value' column, or 'accept' the self-assessed one")))
                    continue
                }
                if reason.isEmpty {
                    diagnostics.append(
                        .error(
                            .missingColumn, at: at("reason"), subject: .unitVariable(code, variableID),
                            Words(
                                vi: "đơn vị '\(code)', biến '\(variableID)': điều chỉnh thành '\(text)' cần có lý do",
                                en: "unit '\(code)', variable '\(variableID)': adjusting '\(text)' needs a reason"),
                            hint: Words(
                                vi: "hãy ghi lý do điều chỉnh vào cột 'reason'",
                                en: "write why the value was adjusted in the 'reason' column")))
                    continue
                }
                decisions.append(
                    AppraisalInput(unit: code, variable: variableID, decision: .adjust(value), reason: reason))
            case let other:
                diagnostics.append(
                    .error(
                        .invalidChoice, at: at("decision"), subject: .unitVariable(code, variableID),
                        Words(
                            vi: "đơn vị '\(code)', biến '\(variableID)': '\(other)' không phải một quyết định",
                            en: "unit '\(code)', variable '\(variableID)': '\(other)' is not a decision"),
                        hint: Words(
                            vi: "hãy ghi 'accept' (lấy giá trị tự đánh giá) hoặc 'adjust' (kèm giá trị và lý do)",
                            en: "write 'accept' (take the self-assessed value) or 'adjust' (with value and reason)")))
            }
        }
        if table.rows.isEmpty {
            diagnostics.append(
                .error(
                    .emptyFile, at: SourceLocation(file: file, line: table.headerLine),
                    Words(
                        vi: "tệp quyết định thẩm định có dòng tiêu đề nhưng không có dòng nào",
                        en: "the decisions file has a header but no rows"),
                    hint: Words(vi: "hãy thêm một dòng cho mỗi quyết định", en: "add one row per decision")))
        }
        if diagnostics.hasErrors { throw ValidationFailure(diagnostics: diagnostics) }
        return decisions
    }
}

extension String {
    /// Nil for the empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
