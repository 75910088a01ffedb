import ArgumentParser
import Foundation
import ICTIndexCore
import OrderedCollections
import ICTIndexService
import ICTIndexStorage

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
            let table = try SpreadsheetInput.anyTable(file, what: "decisions file", sheet: sheet, decimalStyle: style)
            let decisions = try AppraisalFile(
                framework: framework, units: units, selfAssessed: selfAssessed, period: period,
                parser: CellParser(decimalStyle: style)
            ).read(table)
            let summary = try database.appraise(decisions, period: period, file: file, who: options.person)
            Console.out(
                "\(file): \(summary.added) values appraised, \(summary.changed) changed, \(summary.unchanged) "
                    + "unchanged (period \(period))")
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
                        "column '\(raw)' is not a column of a decisions file",
                        hint: (Suggestion.didYouMean(name, among: Self.columns).map { $0 + " " } ?? "")
                            + "the columns are: \(Self.columns.joined(separator: ", "))"))
            }
        }
        let missing = ["unit", "variable", "decision"].filter { index[$0] == nil }
        if !missing.isEmpty {
            diagnostics.append(
                .error(
                    .missingColumn, at: SourceLocation(file: file, line: table.headerLine),
                    "the decisions file has no \(missing.map { "'\($0)'" }.joined(separator: ", ")) column",
                    hint: "the header of a decisions file is: \(Self.columns.joined(separator: ", "))"))
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
                var hint = "use the code of a unit that exists in the period"
                if let near = Suggestion.didYouMean(code.rawValue, among: units.map(\.code.rawValue)) {
                    hint = "\(near) Otherwise \(hint)"
                }
                diagnostics.append(
                    .error(
                        .unknownUnit, at: at("unit"), subject: .unit(code),
                        "unit '\(code)' does not exist in period \(period)", hint: hint))
            }
            let variable = framework.variables[variableID]
            if variable == nil || variable?.isDerived == true {
                rowIsValid = false
                var hint = "use the id of a reported variable of the criteria file"
                if let near = Suggestion.didYouMean(variableID.rawValue, among: framework.reportedVariables.map(\.id.rawValue)) {
                    hint = "\(near) Otherwise \(hint)"
                }
                diagnostics.append(
                    .error(
                        .unknownColumn, at: at("variable"), subject: .unitVariable(code, variableID),
                        "unit '\(code)': '\(variableID)' is not a reported variable of framework '\(framework.id)'",
                        hint: hint))
            }
            guard rowIsValid, let variable else { continue }
            let key = "\(code)\u{0}\(variableID)"
            if let first = seen[key] {
                diagnostics.append(
                    .error(
                        .duplicateValue, at: at("variable"), subject: .unitVariable(code, variableID),
                        "unit '\(code)', variable '\(variableID)' has two decisions (rows \(first) and \(row.line))",
                        hint: "keep one decision per unit and variable"))
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
                            "unit '\(code)', variable '\(variableID)': there is no self-assessed value to accept "
                                + "in period \(period)",
                            hint: "import the self-assessment first, or 'adjust' with the value and a reason"))
                    continue
                }
                decisions.append(AppraisalInput(unit: code, variable: variableID, decision: .accept, reason: reason.nonEmpty))
            case "adjust", "adjusted":
                let text = cell("value")
                var value: Value?
                do {
                    value = try parser.value(of: text, for: variable)
                } catch {
                    diagnostics.append(
                        .error(
                            error.code, at: at("value"), subject: .unitVariable(code, variableID),
                            "unit '\(code)', variable '\(variableID)': \(error.message)", hint: error.hint))
                    continue
                }
                guard let value else {
                    diagnostics.append(
                        .error(
                            .missingColumn, at: at("value"), subject: .unitVariable(code, variableID),
                            "unit '\(code)', variable '\(variableID)': 'adjust' needs the appraised value",
                            hint: "write the value in the 'value' column, or 'accept' the self-assessed one"))
                    continue
                }
                if reason.isEmpty {
                    diagnostics.append(
                        .error(
                            .missingColumn, at: at("reason"), subject: .unitVariable(code, variableID),
                            "unit '\(code)', variable '\(variableID)': adjusting '\(text)' needs a reason",
                            hint: "write why the value was adjusted in the 'reason' column"))
                    continue
                }
                decisions.append(
                    AppraisalInput(unit: code, variable: variableID, decision: .adjust(value), reason: reason))
            case let other:
                diagnostics.append(
                    .error(
                        .invalidChoice, at: at("decision"), subject: .unitVariable(code, variableID),
                        "unit '\(code)', variable '\(variableID)': '\(other)' is not a decision",
                        hint: "write 'accept' (take the self-assessed value) or 'adjust' (with value and reason)"))
            }
        }
        if table.rows.isEmpty {
            diagnostics.append(
                .error(
                    .emptyFile, at: SourceLocation(file: file, line: table.headerLine),
                    "the decisions file has a header but no rows", hint: "add one row per decision"))
        }
        if diagnostics.hasErrors { throw ValidationFailure(diagnostics: diagnostics) }
        return decisions
    }
}

extension String {
    /// Nil for the empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
