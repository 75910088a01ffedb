import OrderedCollections

/// Reads a values table in wide or long form, validated against a framework and a units list.
///
/// - Wide: a `unit` column (or `code`), then one column per variable id; optional `name` and
///   `group` columns define the units when no units list is given (and are ignored when one is).
/// - Long: the columns `unit, variable, value`, plus optional `evidence` and `note`. Detected when
///   the header has both a `variable` and a `value` column.
///
/// Every problem is collected; the caller throws them together.
struct ValuesFile {
    /// The columns of a long file.
    static let longColumns = ["unit", "variable", "value", "evidence", "note"]

    let framework: Framework
    let parser: CellParser

    /// The data set of the table, and every problem found.
    func read(_ table: CSVTable, units: [Unit]?, period: String?) -> (dataset: Dataset, diagnostics: [Diagnostic]) {
        let names = table.header.map(\.normalizedColumnName)
        var reading = Reading(file: table.file, framework: framework, knownUnits: units)
        if names.contains("variable") && names.contains("value") {
            readLong(table, names: names, into: &reading)
        } else {
            readWide(table, names: names, into: &reading)
        }
        var dataset = Dataset(period: period, units: units ?? reading.fileUnits)
        // Entries come row by row: look a unit up once per row and a variable once per column.
        var lastUnit: (code: UnitCode, index: Int)?
        var columns: [VariableID: Int] = [:]
        for e in reading.entryValues.indices {
            let unit = reading.entryUnits[e]
            let variable = reading.entryVariables[e]
            let u: Int
            if let last = lastUnit, last.code == unit {
                u = last.index
            } else {
                guard let index = dataset.units.index(forKey: unit) else { continue }
                u = index
                lastUnit = (unit, index)
            }
            let column: Int
            if let c = columns[variable] {
                column = c
            } else {
                column = dataset.column(for: variable)
                columns[variable] = column
            }
            if let extra = reading.entryExtras[e] {
                let entry = Dataset.Entry(value: reading.entryValues[e], evidence: extra.evidence, note: extra.note)
                dataset.setEntry(entry, unitAt: u, column: column)
            } else {
                dataset.setValue(reading.entryValues[e], unitAt: u, column: column)
            }
        }
        return (dataset, reading.diagnostics)
    }

    // MARK: - Wide

    private func readWide(_ table: CSVTable, names: [String], into reading: inout Reading) {
        let file = table.file
        func header(_ column: Int) -> SourceLocation {
            SourceLocation(file: file, line: table.headerLine, column: column + 1)
        }
        let unitColumn = names.firstIndex(of: "unit") ?? names.firstIndex(of: "code")
        let nameColumn = names.firstIndex(of: "name")
        let groupColumn = names.firstIndex(of: "group")
        var variableColumns: [(column: Int, variable: Variable)] = []
        var firstColumn: [VariableID: Int] = [:]
        for (column, name) in names.enumerated()
        where column != unitColumn && column != nameColumn
            && column != groupColumn
        {
            let raw = table.header[column]
            if raw.isEmpty && !table.rows.contains(where: { !$0[column].isEmpty }) { continue }
            guard let variable = framework.variables[VariableID(name)] else {
                reading.diagnostics.append(unknownVariableColumn(raw, at: header(column), table: table))
                continue
            }
            if let formula = variable.formula {
                reading.diagnostics.append(
                    .error(
                        .derivedVariableGiven, at: header(column), subject: .variable(variable.id),
                        "column '\(raw)' is the derived variable '\(variable.id)', computed from its formula "
                            + "'\(formula.source)', not imported",
                        hint: "remove the column; ictindex computes '\(variable.id)' from its formula"))
                continue
            }
            if let first = firstColumn[variable.id] {
                reading.diagnostics.append(
                    .error(
                        .duplicateValue, at: header(column), subject: .variable(variable.id),
                        "variable '\(variable.id)' has two columns (\(first + 1) and \(column + 1))",
                        hint: "keep one column per variable"))
                continue
            }
            firstColumn[variable.id] = column
            variableColumns.append((column, variable))
        }
        guard let unitColumn else {
            reading.diagnostics.append(
                .error(
                    .missingColumn, at: SourceLocation(file: file, line: table.headerLine),
                    subject: .table(name: file, row: table.headerLine), "the values file has no 'unit' column",
                    hint: "name the column of unit codes 'unit', and each value column by its variable id, "
                        + "or use the long form 'unit, variable, value'; the header has: "
                        + table.header.map { "'\($0)'" }.joined(separator: ", ")))
            return
        }
        if variableColumns.isEmpty && !reading.diagnostics.hasErrors {
            let ids = framework.reportedVariables.map(\.id.rawValue).joined(separator: ", ")
            reading.diagnostics.append(
                .error(
                    .missingColumn, at: SourceLocation(file: file, line: table.headerLine),
                    subject: .table(name: file, row: table.headerLine), "the values file has no variable columns",
                    hint: "add one column per variable, named by its id: \(ids)"))
        }
        if reading.knownUnits == nil && framework.definesGroups && groupColumn == nil {
            reading.diagnostics.append(
                .error(
                    .missingColumn, at: SourceLocation(file: file, line: table.headerLine),
                    subject: .table(name: file, row: table.headerLine),
                    "no units list was given and the values file has no 'group' column, so the groups of its "
                        + "units are unknown",
                    hint: "pass the units file (--units), or add a 'group' column"))
        }
        reading.checkHasRows(table)

        let groups = GroupResolver(framework: framework)
        let numericSpecs: [CellParser.NumericCell?] = variableColumns.map { _, variable in
            switch variable.kind {
            case .number, .integer, .percent: CellParser.NumericCell(variable)
            default: nil
            }
        }
        var firstRow: [UnitCode: Int] = [:]
        for row in table.rows {
            func at(_ column: Int) -> SourceLocation { SourceLocation(file: file, line: row.line, column: column + 1) }
            guard let code = reading.unitCode(row, column: unitColumn) else { continue }
            if let first = firstRow[code] {
                reading.diagnostics.append(
                    .error(
                        .duplicateUnit, at: at(unitColumn), subject: .unit(code),
                        "unit '\(code)' has two rows (\(first) and \(row.line))",
                        hint: "keep one row per unit, with all its values"))
                continue
            }
            firstRow[code] = row.line
            if reading.knownUnits == nil {
                var group = GroupID.all
                if let groupColumn {
                    switch groups.resolve(row[groupColumn], unit: code, at: at(groupColumn)) {
                    case .success(let id): group = id
                    case .failure(let problem): reading.diagnostics.append(problem.diagnostic)
                    }
                }
                let name = nameColumn.map { row[$0] } ?? ""
                reading.fileUnits.append(Unit(code: code, name: name.isEmpty ? code.rawValue : name, group: group))
            } else {
                reading.checkKnown(code, at: at(unitColumn))
            }
            for (k, spec) in numericSpecs.enumerated() {
                let column = variableColumns[k].column
                if let spec {
                    // Numeric cells, nearly all of a large file, go without copying their Variable.
                    reading.parseNumber(row[column], unit: code, spec: spec, at: at(column), parser: parser)
                } else {
                    reading.parse(
                        row[column], unit: code, variable: variableColumns[k].variable, at: at(column), parser: parser)
                }
            }
        }
    }

    // MARK: - Long

    private func readLong(_ table: CSVTable, names: [String], into reading: inout Reading) {
        let file = table.file
        var columnIndex: [String: Int] = [:]
        for (column, name) in names.enumerated() {
            let canonical = name == "code" && !names.contains("unit") ? "unit" : name
            let location = SourceLocation(file: file, line: table.headerLine, column: column + 1)
            if Self.longColumns.contains(canonical) {
                if let first = columnIndex[canonical] {
                    reading.diagnostics.append(
                        .error(
                            .malformedRow, at: location, subject: .table(name: file, row: table.headerLine),
                            "column '\(canonical)' appears twice (columns \(first + 1) and \(column + 1))",
                            hint: "remove or rename one of them"))
                } else {
                    columnIndex[canonical] = column
                }
            } else if !name.isEmpty || table.rows.contains(where: { !$0[column].isEmpty }) {
                reading.diagnostics.append(
                    .unknownDataColumn(
                        table.header[column], known: Self.longColumns, at: location, table: table,
                        what: "long values"))
            }
        }
        guard let unitColumn = columnIndex["unit"], let variableColumn = columnIndex["variable"],
            let valueColumn = columnIndex["value"]
        else {
            reading.diagnostics.append(
                .error(
                    .missingColumn, at: SourceLocation(file: file, line: table.headerLine),
                    subject: .table(name: file, row: table.headerLine), "the long values file has no 'unit' column",
                    hint: "the header of a long values file is: unit, variable, value, evidence, note"))
            return
        }
        if reading.knownUnits == nil && framework.definesGroups {
            reading.diagnostics.append(
                .error(
                    .missingColumn, at: SourceLocation(file: file, line: table.headerLine),
                    subject: .table(name: file, row: table.headerLine),
                    "a long values file does not say which group each unit is in, and no units list was given",
                    hint: "pass the units file (--units)"))
        }
        reading.checkHasRows(table)

        var listed: Set<UnitCode> = []
        var firstRow: [UnitCode: [VariableID: Int]] = [:]
        for row in table.rows {
            func at(_ column: Int) -> SourceLocation { SourceLocation(file: file, line: row.line, column: column + 1) }
            func optional(_ name: String) -> String? {
                columnIndex[name].map { row[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            }
            guard let code = reading.unitCode(row, column: unitColumn) else { continue }
            if reading.knownUnits == nil {
                if listed.insert(code).inserted {
                    reading.fileUnits.append(Unit(code: code, name: code.rawValue))
                }
            } else {
                reading.checkKnown(code, at: at(unitColumn))
            }
            let id = row[variableColumn].trimmingCellSpaces()
            guard !id.isEmpty else {
                reading.diagnostics.append(
                    .error(
                        .missingColumn, at: at(variableColumn), subject: .unit(code),
                        "unit '\(code)': row \(row.line) names no variable",
                        hint: "write the variable id in the 'variable' column"))
                continue
            }
            guard let variable = framework.variables[VariableID(id)] else {
                var hint = "remove the row, or add the variable to the framework"
                if let near = Suggestion.didYouMean(id, among: framework.reportedVariables.map(\.id.rawValue)) {
                    hint = "\(near) Otherwise \(hint)"
                }
                reading.diagnostics.append(
                    .error(
                        .unknownColumn, at: at(variableColumn), subject: .unit(code),
                        "unit '\(code)': '\(id)' is not a variable of framework '\(framework.id)'", hint: hint))
                continue
            }
            if let formula = variable.formula {
                reading.diagnostics.append(
                    .error(
                        .derivedVariableGiven, at: at(variableColumn), subject: .unitVariable(code, variable.id),
                        "unit '\(code)', variable '\(variable.id)': a derived variable, computed from its formula "
                            + "'\(formula.source)', not imported",
                        hint: "remove the row; ictindex computes '\(variable.id)' from its formula"))
                continue
            }
            if let first = firstRow[code]?[variable.id] {
                reading.diagnostics.append(
                    .error(
                        .duplicateValue, at: at(variableColumn), subject: .unitVariable(code, variable.id),
                        "unit '\(code)', variable '\(variable.id)' is given twice (rows \(first) and \(row.line))",
                        hint: "keep one row per unit and variable"))
                continue
            }
            firstRow[code, default: [:]][variable.id] = row.line
            reading.parse(
                row[valueColumn], unit: code, variable: variable, at: at(valueColumn), parser: parser,
                evidence: optional("evidence"), note: optional("note"))
        }
    }

    private func unknownVariableColumn(_ name: String, at location: SourceLocation, table: CSVTable) -> Diagnostic {
        guard !name.isEmpty else {
            return .error(
                .unknownColumn, at: location, subject: .table(name: table.file, row: table.headerLine),
                "column \(location.column) has values but no name",
                hint: "name the column by its variable id, or delete it")
        }
        let ids = framework.reportedVariables.map(\.id.rawValue)
        var hint = "remove the column, or add the variable to the framework"
        if let near = Suggestion.didYouMean(name.normalizedColumnName, among: ids) {
            hint = "\(near) Otherwise \(hint)"
        }
        return .error(
            .unknownColumn, at: location, subject: .table(name: table.file, row: table.headerLine),
            "column '\(name)' is not a variable of framework '\(framework.id)'", hint: hint)
    }
}

/// What a values file reading has gathered so far.
private struct Reading {
    let file: String
    let framework: Framework
    let knownUnits: [Unit]?
    let knownCodes: Set<UnitCode>
    var fileUnits: [Unit] = []
    /// The values read, column-wise: unit, variable and value of each, plus evidence and note where given.
    var entryUnits: [UnitCode] = []
    var entryVariables: [VariableID] = []
    var entryValues: [Value] = []
    var entryExtras: [Int: (evidence: String?, note: String?)] = [:]
    var diagnostics: [Diagnostic] = []

    init(file: String, framework: Framework, knownUnits: [Unit]?) {
        self.file = file
        self.framework = framework
        self.knownUnits = knownUnits
        self.knownCodes = Set((knownUnits ?? []).map(\.code))
    }

    /// D013 when the table has a header and no rows.
    mutating func checkHasRows(_ table: CSVTable) {
        guard table.rows.isEmpty else { return }
        diagnostics.append(
            .error(
                .emptyFile, at: SourceLocation(file: file, line: table.headerLine),
                subject: .table(name: file, row: table.headerLine), "the values file has a header but no rows",
                hint: "add one row per unit (wide) or per unit and variable (long)"))
    }

    /// The unit code of a row, or nil (with a diagnostic) when the cell is empty.
    mutating func unitCode(_ row: CSVTable.Row, column: Int) -> UnitCode? {
        let text = row[column].trimmingCellSpaces()
        if !text.isEmpty { return UnitCode(text) }
        diagnostics.append(
            .error(
                .missingColumn, at: SourceLocation(file: file, line: row.line, column: column + 1),
                subject: .table(name: file, row: row.line), "row \(row.line) has no unit code",
                hint: "write the unit's code in the 'unit' column, or delete the row"))
        return nil
    }

    /// D001 when a code is not in the units list.
    mutating func checkKnown(_ code: UnitCode, at location: SourceLocation) {
        guard let knownUnits, !knownCodes.contains(code) else { return }
        var hint = "add the unit to the units file, or fix the code"
        if let near = Suggestion.didYouMean(code.rawValue, among: knownUnits.map(\.code.rawValue)) {
            hint = "\(near) Otherwise add the unit to the units file"
        }
        diagnostics.append(
            .error(
                .unknownUnit, at: location, subject: .unit(code), "unit '\(code)' is not in the units list",
                hint: hint))
    }

    /// Parses a numeric cell and records its value, or its problem.
    mutating func parseNumber(
        _ cell: String, unit: UnitCode, spec: CellParser.NumericCell, at location: @autoclosure () -> SourceLocation,
        parser: CellParser
    ) {
        do {
            guard let x = try parser.number(of: cell, cell: spec) else { return }
            entryUnits.append(unit)
            entryVariables.append(spec.variable)
            entryValues.append(.number(x))
        } catch {
            diagnostics.append(
                .error(
                    error.code, at: location(), subject: .unitVariable(unit, spec.variable),
                    "unit '\(unit)', variable '\(spec.variable)': \(error.message)", hint: error.hint))
        }
    }

    /// Parses a cell and records its entry, or its problem.
    mutating func parse(
        _ cell: String, unit: UnitCode, variable: Variable, at location: @autoclosure () -> SourceLocation,
        parser: CellParser, evidence: String? = nil, note: String? = nil
    ) {
        do {
            guard let value = try parser.value(of: cell, for: variable) else { return }
            if evidence != nil || note != nil { entryExtras[entryValues.count] = (evidence, note) }
            entryUnits.append(unit)
            entryVariables.append(variable.id)
            entryValues.append(value)
        } catch {
            diagnostics.append(
                .error(
                    error.code, at: location(), subject: .unitVariable(unit, variable.id),
                    "unit '\(unit)', variable '\(variable.id)': \(error.message)", hint: error.hint))
        }
    }
}
