import Localization
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
    /// How a wide file names the evidence column of a variable: `staff.evidence`.
    static let evidenceSuffix = ".evidence"

    let framework: Framework
    let parser: CellParser

    /// The data set of the table, and every problem found: `diagnostics` in any order, then `summaries`
    /// (one line per kind of problem past ``ProblemLog/limit``, and one for many numbers in the other style)
    /// to print after them.
    func read(
        _ table: CSVTable, units: [Unit]?, period: String?
    ) -> (dataset: Dataset, diagnostics: [Diagnostic], summaries: [Diagnostic]) {
        let names = table.header.map(\.normalizedColumnName)
        var reading = Reading(file: table.file, framework: framework, knownUnits: units, parser: parser)
        if names.contains("variable") && names.contains("value") {
            readLong(table, names: names, into: &reading)
        } else {
            readWide(table, names: names, into: &reading)
        }
        reading.reportMissingEvidenceColumns(headerLine: table.headerLine)
        var dataset = Dataset(period: period, units: units ?? reading.fileUnits)
        if let dense = reading.dense {
            dense.store(into: &dataset, variables: reading.slotVariables)
        }
        // Entries come row by row: look a unit up once per row and a variable once per column.
        var lastUnit: (code: UnitCode, index: Int)?
        // A variable's column by its slot (the order variables were first read in), made on first use.
        var columns = [Int?](repeating: nil, count: reading.slotVariables.count)
        let hasExtras = !reading.entryExtras.isEmpty
        for e in reading.entryValues.indices {
            let unit = reading.entryUnits[e]
            let slot = reading.entrySlots[e]
            let u: Int
            if let last = lastUnit, last.code == unit {
                u = last.index
            } else {
                guard let index = dataset.units.index(forKey: unit) else { continue }
                u = index
                lastUnit = (unit, index)
            }
            let column: Int
            if let c = columns[slot] {
                column = c
            } else {
                column = dataset.column(for: reading.slotVariables[slot])
                columns[slot] = column
            }
            if hasExtras, let extra = reading.entryExtras[e] {
                let entry = Dataset.Entry(
                    value: reading.entryValues[e], evidence: extra.evidence, note: extra.note)
                dataset.setEntry(entry, unitAt: u, column: column)
            } else {
                dataset.setValue(reading.entryValues[e], unitAt: u, column: column)
            }
        }
        reading.summarizeOtherStyle()
        return (dataset, reading.log.listed, reading.log.summaries(file: table.file))
    }

    // MARK: - Wide

    private func readWide(_ table: CSVTable, names: [String], into reading: inout Reading) {
        let file = table.file
        func header(_ column: Int) -> SourceLocation {
            SourceLocation(file: file, line: table.headerLine, column: column + 1)
        }
        // `uCode` and `uName` are COINr's names (its iData), so its files read unchanged.
        let unitColumn =
            names.firstIndex(of: "unit") ?? names.firstIndex(of: "code") ?? names.firstIndex(of: "ucode")
        let nameColumn = names.firstIndex(of: "name") ?? names.firstIndex(of: "uname")
        let groupColumn = names.firstIndex(of: "group")
        var variableColumns: [(column: Int, variable: Variable)] = []
        var firstColumn: [VariableID: Int] = [:]
        var evidenceColumns: [VariableID: Int] = [:]
        for (column, name) in names.enumerated()
        where column != unitColumn && column != nameColumn
            && column != groupColumn
        {
            let raw = table.header[column]
            if raw.isEmpty && !table.hasText(inColumn: column) { continue }
            if name.hasSuffix(Self.evidenceSuffix),
                case let id = VariableID(String(name.dropLast(Self.evidenceSuffix.count))),
                let variable = framework.variables[id], variable.formula == nil
            {
                if let first = evidenceColumns[id] {
                    reading.log.append(
                        .error(
                            .duplicateValue, at: header(column), subject: .variable(id),
                            Words(
                                vi: "biến '\(id)' có hai cột minh chứng (cột \(first + 1) và \(column + 1))",
                                en: "variable '\(id)' has two evidence columns (\(first + 1) and \(column + 1))"),
                            hint: Words(
                                vi: "hãy giữ một cột '\(id)\(Self.evidenceSuffix)' cho mỗi biến",
                                en: "keep one column '\(id)\(Self.evidenceSuffix)' per variable")))
                } else {
                    evidenceColumns[id] = column
                }
                continue
            }
            guard let variable = framework.variables[VariableID(name)] else {
                reading.log.append(unknownVariableColumn(raw, at: header(column), table: table))
                continue
            }
            if let formula = variable.formula {
                reading.log.append(
                    .error(
                        .derivedVariableGiven, at: header(column), subject: .variable(variable.id),
                        Words(
                            vi: "cột '\(raw)' là biến dẫn xuất '\(variable.id)', được tính theo công thức "
                                + "'\(formula.source)', không nhập từ tệp",
                            en: "column '\(raw)' is the derived variable '\(variable.id)', computed from its formula "
                                + "'\(formula.source)', not imported"),
                        hint: Words(
                            vi: "hãy bỏ cột này; ictindex tự tính '\(variable.id)' theo công thức của nó",
                            en: "remove the column; ictindex computes '\(variable.id)' from its formula")))
                continue
            }
            if let first = firstColumn[variable.id] {
                reading.log.append(
                    .error(
                        .duplicateValue, at: header(column), subject: .variable(variable.id),
                        Words(
                            vi: "biến '\(variable.id)' có hai cột (cột \(first + 1) và \(column + 1))",
                            en: "variable '\(variable.id)' has two columns (\(first + 1) and \(column + 1))"),
                        hint: Words(vi: "hãy giữ một cột cho mỗi biến", en: "keep one column per variable")))
                continue
            }
            firstColumn[variable.id] = column
            variableColumns.append((column, variable))
        }
        guard let unitColumn else {
            let headerList = table.header.map { "'\($0)'" }.joined(separator: ", ")
            reading.log.append(
                .error(
                    .missingColumn, at: SourceLocation(file: file, line: table.headerLine),
                    subject: .table(name: file, row: table.headerLine),
                    Words(vi: "tệp số liệu không có cột 'unit'", en: "the values file has no 'unit' column"),
                    hint: Words(
                        vi: "hãy đặt tên cột mã đơn vị là 'unit' và mỗi cột giá trị theo mã biến của nó, hoặc dùng "
                            + "dạng dọc 'unit, variable, value'; dòng tiêu đề hiện có: \(headerList)",
                        en: "name the column of unit codes 'unit', and each value column by its variable id, "
                            + "or use the long form 'unit, variable, value'; the header has: \(headerList)")))
            return
        }
        if variableColumns.isEmpty && !reading.log.hasErrors {
            let ids = framework.reportedVariables.map(\.id.rawValue).joined(separator: ", ")
            reading.log.append(
                .error(
                    .missingColumn, at: SourceLocation(file: file, line: table.headerLine),
                    subject: .table(name: file, row: table.headerLine),
                    Words(vi: "tệp số liệu không có cột biến nào", en: "the values file has no variable columns"),
                    hint: Words(
                        vi: "hãy thêm một cột cho mỗi biến, đặt tên theo mã biến: \(ids)",
                        en: "add one column per variable, named by its id: \(ids)")))
        }
        if reading.knownUnits == nil && framework.definesGroups && groupColumn == nil {
            reading.log.append(
                .error(
                    .missingColumn, at: SourceLocation(file: file, line: table.headerLine),
                    subject: .table(name: file, row: table.headerLine),
                    Words(
                        vi: "không có danh sách đơn vị và tệp số liệu không có cột 'group', nên không biết các đơn "
                            + "vị thuộc khối nào",
                        en: "no units list was given and the values file has no 'group' column, so the groups of "
                            + "its units are unknown"),
                    hint: Words(
                        vi: "hãy đưa tệp đơn vị (--units), hoặc thêm cột 'group'",
                        en: "pass the units file (--units), or add a 'group' column")))
        }
        reading.checkHasRows(table)

        let numericSpecs: [CellParser.NumericCell?] = variableColumns.map { _, variable in
            switch variable.kind {
            case .number, .integer, .percent: CellParser.NumericCell(variable)
            default: nil
            }
        }
        let evidence: [Int?] = variableColumns.map { evidenceColumns[$0.variable.id] }
        let requiresEvidence = variableColumns.map { $0.variable.evidence == .required }
        let slots = variableColumns.map { reading.slot(for: $0.variable.id) }
        let rows = WideRows(
            table: table, unitColumn: unitColumn, nameColumn: nameColumn, groupColumn: groupColumn,
            groups: GroupResolver(framework: framework))
        let specs = numericSpecs.compactMap { $0 }
        if specs.count == variableColumns.count, !variableColumns.isEmpty,
            evidence.allSatisfy({ $0 == nil }), !requiresEvidence.contains(true),
            table.rowCount * variableColumns.count >= Self.denseMinimumCells,
            let dense = readDense(
                table, rows: rows, columns: variableColumns.map(\.column), specs: specs, slots: slots,
                reading: reading)
        {
            reading = dense
            return
        }
        var firstRow: [UnitCode: Int] = [:]
        table.cells.withBytes { cells in
            for r in 0..<table.rowCount {
                let line = table.line(ofRow: r)
                func at(_ column: Int) -> SourceLocation {
                    SourceLocation(file: file, line: line, column: column + 1)
                }
                guard let code = reading.unit(ofRow: r, in: rows, firstRow: &firstRow) else { continue }
                for (k, spec) in numericSpecs.enumerated() {
                    let column = variableColumns[k].column
                    let evidenceText = evidence[k].flatMap { c in
                        cells[r, c].isEmpty ? nil : table.text(row: r, column: c).trimmingCellSpaces()
                    }
                    let recorded = reading.entryValues.count
                    defer {
                        if requiresEvidence[k], evidenceText?.isEmpty ?? true, reading.entryValues.count > recorded {
                            reading.lacksEvidence(
                                code, variable: variableColumns[k].variable.id, at: at(column),
                                column: evidence[k] == nil ? "\(variableColumns[k].variable.id).evidence" : nil)
                        }
                    }
                    if let spec, evidenceText == nil {
                        // Numeric cells, nearly all of a large file, are read from their bytes.
                        reading.parseNumber(cells[r, column], slot: slots[k], unit: code, spec: spec, at: at(column))
                    } else {
                        reading.parse(
                            table.text(row: r, column: column), unit: code, variable: variableColumns[k].variable,
                            at: at(column), slot: slots[k], evidence: evidenceText)
                    }
                }
            }
        }
    }

    /// Below this many cells a wide table is read cell by cell, as entries: splitting it between threads would
    /// cost more than it saves.
    static let denseMinimumCells = 20_000

    /// Reads a large wide table whose value columns are all numeric and have no evidence: the units row by row,
    /// then every number into one column-major array, the rows cut between the cores. Returns `reading` with the
    /// units and those numbers (``Reading/dense``), or nil as soon as a cell has a problem: the caller then reads
    /// the table cell by cell from `reading` as it was, so every message, and their order, is that of the
    /// cell-by-cell reading.
    private func readDense(
        _ table: CSVTable, rows: WideRows, columns: [Int], specs: [CellParser.NumericCell], slots: [Int],
        reading: Reading
    ) -> Reading? {
        var reading = reading
        let rowCount = table.rowCount
        var firstRow: [UnitCode: Int] = [:]
        var codes: [UnitCode?] = []
        codes.reserveCapacity(rowCount)
        for r in 0..<rowCount { codes.append(reading.unit(ofRow: r, in: rows, firstRow: &firstRow)) }
        let skipped = codes.map { $0 == nil }
        let parser = self.parser
        let ranges = Parallel.ranges(rowCount, minimum: 1_000)
        var clean = [Bool](repeating: true, count: ranges.count)
        let numbers = [Double](unsafeUninitializedCapacity: columns.count * rowCount) { buffer, initialized in
            // Each range writes its own rows of every column; a value is never NaN (the number reader gives
            // none), so NaN marks a missing one.
            let out = buffer.baseAddress!
            clean.withUnsafeMutableBufferPointer { clean in
                table.cells.withBytes { cells in
                    Parallel.forEach(ranges) { p, range in
                        for r in range {
                            if skipped[r] {
                                for k in columns.indices { out[k &* rowCount &+ r] = .nan }
                                continue
                            }
                            for k in columns.indices {
                                guard case .success(let x) = parser.number(utf8: cells[r, columns[k]], cell: specs[k]),
                                    !(x?.isNaN ?? false)
                                else {
                                    clean[p] = false
                                    return
                                }
                                out[k &* rowCount &+ r] = x ?? .nan
                            }
                        }
                    }
                }
            }
            initialized = columns.count * rowCount
        }
        guard !clean.contains(false) else { return nil }
        reading.dense = DenseValues(codes: codes, slots: slots, numbers: numbers)
        return reading
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
                    reading.log.append(
                        .error(
                            .malformedRow, at: location, subject: .table(name: file, row: table.headerLine),
                            Words(
                                vi: "cột '\(canonical)' xuất hiện hai lần (cột \(first + 1) và \(column + 1))",
                                en: "column '\(canonical)' appears twice (columns \(first + 1) and \(column + 1))"),
                            hint: Words(vi: "hãy bỏ hoặc đổi tên một cột", en: "remove or rename one of them")))
                } else {
                    columnIndex[canonical] = column
                }
            } else if !name.isEmpty || table.hasText(inColumn: column) {
                reading.log.append(
                    .unknownDataColumn(
                        table.header[column], known: Self.longColumns, at: location, table: table,
                        what: Words(vi: "tệp số liệu dạng dọc", en: "long values file")))
            }
        }
        guard let unitColumn = columnIndex["unit"], let variableColumn = columnIndex["variable"],
            let valueColumn = columnIndex["value"]
        else {
            reading.log.append(
                .error(
                    .missingColumn, at: SourceLocation(file: file, line: table.headerLine),
                    subject: .table(name: file, row: table.headerLine),
                    Words(
                        vi: "tệp số liệu dạng dọc không có cột 'unit'",
                        en: "the long values file has no 'unit' column"),
                    hint: Words(
                        vi: "dòng tiêu đề của tệp số liệu dạng dọc là: unit, variable, value, evidence, note",
                        en: "the header of a long values file is: unit, variable, value, evidence, note")))
            return
        }
        if reading.knownUnits == nil && framework.definesGroups {
            reading.log.append(
                .error(
                    .missingColumn, at: SourceLocation(file: file, line: table.headerLine),
                    subject: .table(name: file, row: table.headerLine),
                    Words(
                        vi: "tệp số liệu dạng dọc không cho biết mỗi đơn vị thuộc khối nào, và không có danh sách "
                            + "đơn vị",
                        en: "a long values file does not say which group each unit is in, and no units list was "
                            + "given"),
                    hint: Words(vi: "hãy đưa tệp đơn vị (--units)", en: "pass the units file (--units)")))
        }
        reading.checkHasRows(table)

        var listed: Set<UnitCode> = []
        var firstRow: [UnitCode: [VariableID: Int]] = [:]
        for r in 0..<table.rowCount {
            let line = table.line(ofRow: r)
            func at(_ column: Int) -> SourceLocation {
                SourceLocation(file: file, line: line, column: column + 1)
            }
            func optional(_ name: String) -> String? {
                columnIndex[name].map { table.text(row: r, column: $0) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            guard let code = reading.unitCode(table, row: r, column: unitColumn) else { continue }
            if reading.knownUnits == nil {
                if listed.insert(code).inserted {
                    reading.fileUnits.append(Unit(code: code, name: code.rawValue))
                }
            } else {
                reading.checkKnown(code, at: at(unitColumn))
            }
            let id = table.text(row: r, column: variableColumn).trimmingCellSpaces()
            guard !id.isEmpty else {
                reading.log.append(
                    .error(
                        .missingColumn, at: at(variableColumn), subject: .unit(code),
                        Words(
                            vi: "đơn vị '\(code)': dòng \(line) không ghi biến nào",
                            en: "unit '\(code)': row \(line) names no variable"),
                        hint: Words(
                            vi: "hãy ghi mã biến vào cột 'variable'",
                            en: "write the variable id in the 'variable' column")))
                continue
            }
            guard let variable = framework.variables[VariableID(id)] else {
                let hint = Suggestion.hint(
                    for:
                        id, among: framework.reportedVariables.map(\.id.rawValue),
                    otherwise: Words(
                        vi: "hãy bỏ dòng này, hoặc thêm biến vào tệp tiêu chí",
                        en: "remove the row, or add the variable to the framework"))
                reading.log.append(
                    .error(
                        .unknownColumn, at: at(variableColumn), subject: .unit(code),
                        Words(
                            vi: "đơn vị '\(code)': '\(id)' không phải biến của bộ tiêu chí '\(framework.id)'",
                            en: "unit '\(code)': '\(id)' is not a variable of framework '\(framework.id)'"),
                        hint: hint))
                continue
            }
            if let formula = variable.formula {
                reading.log.append(
                    .error(
                        .derivedVariableGiven, at: at(variableColumn),
                        subject: .unitVariable(code, variable.id),
                        Words(
                            vi: "đơn vị '\(code)', biến '\(variable.id)': biến dẫn xuất, được tính theo công thức "
                                + "'\(formula.source)', không nhập từ tệp",
                            en: "unit '\(code)', variable '\(variable.id)': a derived variable, computed from its "
                                + "formula '\(formula.source)', not imported"),
                        hint: Words(
                            vi: "hãy bỏ dòng này; ictindex tự tính '\(variable.id)' theo công thức của nó",
                            en: "remove the row; ictindex computes '\(variable.id)' from its formula")))
                continue
            }
            if let first = firstRow[code]?[variable.id] {
                reading.log.append(
                    .error(
                        .duplicateValue, at: at(variableColumn), subject: .unitVariable(code, variable.id),
                        Words(
                            vi: "đơn vị '\(code)', biến '\(variable.id)' được ghi hai lần (dòng \(first) và \(line))",
                            en: "unit '\(code)', variable '\(variable.id)' is given twice (rows \(first) and \(line))"),
                        hint: Words(
                            vi: "hãy giữ một dòng cho mỗi đơn vị và biến", en: "keep one row per unit and variable")))
                continue
            }
            firstRow[code, default: [:]][variable.id] = line
            let recorded = reading.entryValues.count
            let evidence = optional("evidence")?.trimmingCellSpaces()
            reading.parse(
                table.text(row: r, column: valueColumn), unit: code, variable: variable,
                at: at(valueColumn),
                evidence: evidence, note: optional("note"))
            if variable.evidence == .required, evidence?.isEmpty ?? true, reading.entryValues.count > recorded {
                reading.lacksEvidence(
                    code, variable: variable.id, at: at(columnIndex["evidence"] ?? valueColumn),
                    column: columnIndex["evidence"] == nil ? "evidence" : nil)
            }
        }
    }

    private func unknownVariableColumn(_ name: String, at location: SourceLocation, table: CSVTable)
        -> Diagnostic
    {
        guard !name.isEmpty else {
            return .error(
                .unknownColumn, at: location, subject: .table(name: table.file, row: table.headerLine),
                Words(
                    vi: "cột \(location.column) có giá trị nhưng không có tên",
                    en: "column \(location.column) has values but no name"),
                hint: Words(
                    vi: "hãy đặt tên cột theo mã biến, hoặc xóa cột",
                    en: "name the column by its variable id, or delete it"))
        }
        let hint = Suggestion.hint(
            for:
                name.normalizedColumnName, among: framework.reportedVariables.map(\.id.rawValue),
            otherwise: Words(
                vi: "hãy bỏ cột này, hoặc thêm biến vào tệp tiêu chí",
                en: "remove the column, or add the variable to the framework"))
        return .error(
            .unknownColumn, at: location, subject: .table(name: table.file, row: table.headerLine),
            Words(
                vi: "cột '\(name)' không phải biến của bộ tiêu chí '\(framework.id)'",
                en: "column '\(name)' is not a variable of framework '\(framework.id)'"),
            hint: hint)
    }
}

/// What locates the units of a wide table's rows: its unit, name and group columns.
struct WideRows {
    let table: CSVTable
    let unitColumn: Int
    let nameColumn: Int?
    let groupColumn: Int?
    let groups: GroupResolver
}

/// The numbers of a large numeric wide table, column by column.
struct DenseValues {
    /// The unit of each row; nil for a row that gives none (no code, or a second row of a unit).
    var codes: [UnitCode?]
    /// The slot (``Reading/slotVariables``) of each value column.
    var slots: [Int]
    /// Column-major: value column `k`, row `r` at `k × rows + r`; NaN where the cell is empty.
    var numbers: [Double]

    /// Puts the numbers into a data set's columns: a column for each variable that has a value, made in the order
    /// the cell-by-cell reading makes them (by the first row that has a value, then by file column).
    func store(into dataset: inout Dataset, variables: [VariableID]) {
        let rowCount = codes.count
        let unitCount = dataset.units.count
        var index = [Int](repeating: -1, count: rowCount)
        var identity = rowCount == unitCount
        for (r, code) in codes.enumerated() {
            guard let code, let u = dataset.units.index(forKey: code) else {
                identity = false
                continue
            }
            index[r] = u
            if u != r { identity = false }
        }
        var order: [(first: Int, k: Int)] = []
        numbers.withUnsafeBufferPointer { numbers in
            for k in slots.indices {
                let base = k * rowCount
                if let first = (0..<rowCount).first(where: { index[$0] >= 0 && !numbers[base + $0].isNaN }) {
                    order.append((first, k))
                }
            }
        }
        order.sort { ($0.first, $0.k) < ($1.first, $1.k) }
        for (_, k) in order {
            let column = dataset.column(for: variables[slots[k]])
            let values = numbers[(k * rowCount)..<((k + 1) * rowCount)]
            if identity {
                dataset.setNumbers(Array(values), column: column)
            } else {
                var aligned = [Double](repeating: .nan, count: unitCount)
                for (r, u) in index.enumerated() where u >= 0 { aligned[u] = values[values.startIndex + r] }
                dataset.setNumbers(aligned, column: column)
            }
        }
    }
}

/// What a values file reading has gathered so far.
private struct Reading {
    let file: String
    let framework: Framework
    let knownUnits: [Unit]?
    let knownCodes: Set<UnitCode>
    let parser: CellParser
    var fileUnits: [Unit] = []
    /// The values read, column-wise: unit, variable and value of each, plus evidence and note where given.
    var entryUnits: [UnitCode] = []
    /// The variable of each value, as its slot in `slotVariables` (no hashing of ids per cell).
    var entrySlots: [Int] = []
    var slotVariables: [VariableID] = []
    private var slots: [VariableID: Int] = [:]
    var entryValues: [Value] = []
    var entryExtras: [Int: (evidence: String?, note: String?)] = [:]
    /// The values of a large numeric wide table, read column by column instead of as entries.
    var dense: DenseValues?
    var log = ProblemLog()
    /// Numbers written in the other decimal style (D004): one line for them all when there are several.
    var otherStyle: [Diagnostic] = []

    init(file: String, framework: Framework, knownUnits: [Unit]?, parser: CellParser) {
        self.file = file
        self.framework = framework
        self.knownUnits = knownUnits
        self.knownCodes = Set((knownUnits ?? []).map(\.code))
        self.parser = parser
    }

    /// D013 when the table has a header and no rows.
    mutating func checkHasRows(_ table: CSVTable) {
        guard table.rowCount == 0 else { return }
        log.append(
            .error(
                .emptyFile, at: SourceLocation(file: file, line: table.headerLine),
                subject: .table(name: file, row: table.headerLine),
                Words(
                    vi: "tệp số liệu có dòng tiêu đề nhưng không có dòng số liệu nào",
                    en: "the values file has a header but no rows"),
                hint: Words(
                    vi: "hãy thêm một dòng cho mỗi đơn vị (dạng ngang) hoặc cho mỗi đơn vị và biến (dạng dọc)",
                    en: "add one row per unit (wide) or per unit and variable (long)")))
    }

    /// The unit code of a row, or nil (with a diagnostic) when the cell is empty.
    mutating func unitCode(_ table: CSVTable, row: Int, column: Int) -> UnitCode? {
        let text = table.text(row: row, column: column).trimmingCellSpaces()
        if !text.isEmpty { return UnitCode(text) }
        let line = table.line(ofRow: row)
        log.append(
            .error(
                .missingColumn, at: SourceLocation(file: file, line: line, column: column + 1),
                subject: .table(name: file, row: line),
                Words(vi: "dòng \(line) không có mã đơn vị", en: "row \(line) has no unit code"),
                hint: Words(
                    vi: "hãy ghi mã đơn vị vào cột 'unit', hoặc xóa dòng này",
                    en: "write the unit's code in the 'unit' column, or delete the row")))
        return nil
    }

    /// The unit of a wide table's row, recording it: a unit of the file when no units list was given (with its
    /// name and group), else checked against the list. Nil, with a diagnostic, for a row without a code or a
    /// second row of a unit.
    mutating func unit(ofRow r: Int, in rows: WideRows, firstRow: inout [UnitCode: Int]) -> UnitCode? {
        let table = rows.table
        let line = table.line(ofRow: r)
        func at(_ column: Int) -> SourceLocation {
            SourceLocation(file: file, line: line, column: column + 1)
        }
        guard let code = unitCode(table, row: r, column: rows.unitColumn) else { return nil }
        if let first = firstRow[code] {
            log.append(
                .error(
                    .duplicateUnit, at: at(rows.unitColumn), subject: .unit(code),
                    Words(
                        vi: "đơn vị '\(code)' có hai dòng (dòng \(first) và \(line))",
                        en: "unit '\(code)' has two rows (\(first) and \(line))"),
                    hint: Words(
                        vi: "hãy giữ một dòng cho mỗi đơn vị, với đủ các giá trị của nó",
                        en: "keep one row per unit, with all its values")))
            return nil
        }
        firstRow[code] = line
        if knownUnits == nil {
            var group = GroupID.all
            if let groupColumn = rows.groupColumn {
                switch rows.groups.resolve(table.text(row: r, column: groupColumn), unit: code, at: at(groupColumn)) {
                case .success(let id): group = id
                case .failure(let problem): log.append(problem.diagnostic)
                }
            }
            let name = rows.nameColumn.map { table.text(row: r, column: $0).trimmingCellSpaces() } ?? ""
            fileUnits.append(Unit(code: code, name: name.isEmpty ? code.rawValue : name, group: group))
        } else {
            checkKnown(code, at: at(rows.unitColumn))
        }
        return code
    }

    /// D001 when a code is not in the units list.
    mutating func checkKnown(_ code: UnitCode, at location: SourceLocation) {
        guard let knownUnits, !knownCodes.contains(code) else { return }
        var hint = Words(
            vi: "hãy thêm đơn vị vào tệp đơn vị, hoặc sửa lại mã", en: "add the unit to the units file, or fix the code"
        )
        if let near = Suggestion.suggestion(for: code.rawValue, among: knownUnits.map(\.code.rawValue)) {
            hint = Words(
                vi: "\(near.vi) Nếu không, hãy thêm đơn vị vào tệp đơn vị",
                en: "\(near.en) Otherwise add the unit to the units file")
        }
        log.append(
            .error(
                .unknownUnit, at: location, subject: .unit(code),
                Words(
                    vi: "đơn vị '\(code)' không có trong danh sách đơn vị",
                    en: "unit '\(code)' is not in the units list"),
                hint: hint))
    }

    /// The slot of a variable, given on first use.
    mutating func slot(for variable: VariableID) -> Int {
        if let slot = slots[variable] { return slot }
        slots[variable] = slotVariables.count
        slotVariables.append(variable)
        return slotVariables.count - 1
    }

    /// Parses the bytes of a numeric cell and records its value (in the variable's slot), or its problem.
    mutating func parseNumber(
        _ cell: UnsafeBufferPointer<UInt8>, slot: Int, unit: UnitCode, spec: CellParser.NumericCell,
        at location: @autoclosure () -> SourceLocation
    ) {
        switch parser.number(utf8: cell, cell: spec) {
        case .success(let x?):
            entryUnits.append(unit)
            entrySlots.append(slot)
            entryValues.append(.number(x))
        case .success(nil):
            break
        case .failure(let error):
            record(error, unit: unit, variable: spec.variable, at: location())
        }
    }

    /// A value of a variable with `evidence: required` came without evidence: an error (`refuse`) or a warning
    /// (`warn`) naming the unit, the variable and the row. Under `zero` the run zeroes the indicators and warns,
    /// so reading says nothing. `column` is the evidence column to add when the file has none.
    mutating func lacksEvidence(_ unit: UnitCode, variable: VariableID, at location: SourceLocation, column: String?) {
        guard framework.evidencePolicy != .zero else { return }
        if let column {
            // No evidence column at all: one problem per variable, said once after the rows.
            noEvidenceColumn[variable, default: (column, [])].units.append(unit)
            return
        }
        let hint = Words(
            vi: "hãy ghi minh chứng của giá trị (số văn bản, tên tệp hoặc đường dẫn) vào ô minh chứng của nó",
            en: "write the evidence of the value (a document number, file or link) in its evidence cell")
        let message = Words(
            vi: "đơn vị '\(unit)', biến '\(variable)': giá trị không có minh chứng, mà bộ tiêu chí yêu cầu "
                + "(evidence: required)",
            en: "unit '\(unit)', variable '\(variable)': the value has no evidence, and the criteria require it "
                + "(evidence: required)")
        switch framework.evidencePolicy {
        case .refuse:
            log.append(
                .error(
                    .missingEvidence, at: location, subject: .unitVariable(unit, variable), message,
                    hint: hint + Self.orChangePolicy))
        case .warn:
            log.append(
                .warning(
                    .missingEvidence, at: location, subject: .unitVariable(unit, variable),
                    message
                        + Words(
                            vi: "; vẫn được chấm điểm (evidence_policy: warn)",
                            en: "; it is scored anyway (evidence_policy: warn)"),
                    hint: hint))
        case .zero:
            break
        }
    }

    /// The end of a missing-evidence hint under `refuse`.
    static let orChangePolicy = Words(
        vi: ", hoặc đặt `evidence_policy: warn` hay `zero` trong tệp tiêu chí",
        en: ", or set `evidence_policy: warn` or `zero` in the criteria")

    /// The required variables whose values came in a file without an evidence column: the column to add and
    /// the units concerned.
    var noEvidenceColumn: OrderedDictionary<VariableID, (column: String, units: [UnitCode])> = [:]

    /// One problem per required variable of a file that has no evidence column for it.
    mutating func reportMissingEvidenceColumns(headerLine: Int) {
        for (variable, missing) in noEvidenceColumn {
            let shown = missing.units.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
            let extra = missing.units.count - 5
            let message = Words(
                vi: "biến '\(variable)' yêu cầu minh chứng (evidence: required), mà tệp không có cột "
                    + "'\(missing.column)': \(missing.units.count) giá trị không có minh chứng (đơn vị \(shown)"
                    + (extra > 0 ? " và \(extra) đơn vị khác)" : ")"),
                en: "variable '\(variable)' requires evidence (evidence: required), and the file has no column "
                    + "'\(missing.column)': \(missing.units.count) values without it (units \(shown)"
                    + (extra > 0 ? " and \(extra) more)" : ")"))
            let hint = Words(
                vi: "hãy thêm cột '\(missing.column)' ghi minh chứng của từng giá trị (số văn bản, tên tệp hoặc "
                    + "đường dẫn)",
                en: "add the column '\(missing.column)' with the evidence of each value (a document number, file or "
                    + "link)")
            let location = SourceLocation(file: file, line: headerLine)
            if framework.evidencePolicy == .refuse {
                log.append(
                    .error(
                        .missingEvidence, at: location, subject: .variable(variable), message,
                        hint: hint + Self.orChangePolicy))
            } else {
                log.append(
                    .warning(
                        .missingEvidence, at: location, subject: .variable(variable),
                        message
                            + Words(
                                vi: "; các giá trị vẫn được chấm điểm (evidence_policy: warn)",
                                en: "; they are scored anyway (evidence_policy: warn)"),
                        hint: hint))
            }
        }
    }

    /// Parses a cell and records its entry, or its problem.
    mutating func parse(
        _ cell: String, unit: UnitCode, variable: Variable,
        at location: @autoclosure () -> SourceLocation,
        slot: Int? = nil, evidence: String? = nil, note: String? = nil
    ) {
        do {
            guard let value = try parser.value(of: cell, for: variable) else { return }
            if evidence != nil || note != nil { entryExtras[entryValues.count] = (evidence, note) }
            entryUnits.append(unit)
            entrySlots.append(slot ?? self.slot(for: variable.id))
            entryValues.append(value)
        } catch {
            record(error, unit: unit, variable: variable.id, at: location())
        }
    }

    private mutating func record(
        _ error: CellProblem, unit: UnitCode, variable: VariableID, at location: SourceLocation
    ) {
        let diagnostic = Diagnostic.error(
            error.code, at: location, subject: .unitVariable(unit, variable),
            error.message(unit: unit, variable: variable), hint: error.hint)
        if error.code == .ambiguousNumber {
            otherStyle.append(diagnostic)
        } else {
            log.append(diagnostic)
        }
    }

    /// One D004 for many numbers in the other style, which a file in that style has by the hundred: the flag
    /// to use, the count and the first of them. One such number keeps its own message.
    mutating func summarizeOtherStyle() {
        guard otherStyle.count > 1, let first = otherStyle.first else {
            otherStyle.forEach { log.append($0) }
            return
        }
        let advice =
            parser.decimalStyle == .point
            ? Words(
                vi: "tệp có vẻ viết số kiểu Việt Nam (dấu phẩy thập phân): hãy dùng --decimal-comma, hoặc viết số "
                    + "với dấu chấm thập phân và không có dấu ngăn cách hàng nghìn",
                en: "the file seems to use Vietnamese number style (decimal comma): pass --decimal-comma, or write "
                    + "the numbers with a decimal point and no thousands separator")
            : Words(
                vi: "tệp có vẻ dùng '.' làm dấu thập phân: hãy bỏ --decimal-comma, hoặc viết số với dấu phẩy thập "
                    + "phân",
                en: "the file seems to use '.' as the decimal mark: leave out --decimal-comma, or write the numbers "
                    + "with a decimal comma")
        log.append(
            .error(
                .ambiguousNumber, at: first.location, subject: first.subject,
                Words(
                    vi: "\(otherStyle.count) số không viết theo kiểu số của tệp này; số đầu tiên: ",
                    en: "\(otherStyle.count) numbers are not in this file's number style; the first is ")
                    + first.message,
                hint: advice))
    }
}
