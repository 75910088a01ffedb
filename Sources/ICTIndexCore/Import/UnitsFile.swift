import Localization
import OrderedCollections

/// Reads a units table (`code, name, group` + optional `parent, kind, valid_from, valid_to, successor`).
///
/// Column names are matched ignoring case, and `valid from`/`valid-from` read as `valid_from`.
/// Every problem is collected; the caller throws them together.
struct UnitsFile {
    /// Every column the format has, in the order the hints list them.
    static let columns = ["code", "name", "group", "parent", "kind", "valid_from", "valid_to", "successor"]

    /// The kind of file, for messages.
    static let what = Words(vi: "tệp đơn vị", en: "units file")

    let framework: Framework
    /// The units the database already has: a successor may name one of them, and the lineage is checked
    /// over them and the table's units together (the table's version of a unit wins).
    var stored: [Unit] = []

    /// The units of the table, and every problem found.
    func read(_ table: CSVTable) -> (units: [Unit], diagnostics: [Diagnostic]) {
        let file = table.file
        var diagnostics: [Diagnostic] = []
        var columnIndex: [String: Int] = [:]
        for (index, raw) in table.header.enumerated() {
            let name = raw.normalizedColumnName
            let location = SourceLocation(file: file, line: table.headerLine, column: index + 1)
            if Self.columns.contains(name) {
                if let first = columnIndex[name] {
                    diagnostics.append(
                        .error(
                            .malformedRow, at: location, subject: .table(name: file, row: table.headerLine),
                            Words(
                                vi: "cột '\(name)' xuất hiện hai lần (cột \(first + 1) và \(index + 1))",
                                en: "column '\(name)' appears twice (columns \(first + 1) and \(index + 1))"),
                            hint: Words(vi: "hãy bỏ hoặc đổi tên một cột", en: "remove or rename one of them")))
                } else {
                    columnIndex[name] = index
                }
            } else if !raw.isEmpty || table.rows.contains(where: { !$0[index].isEmpty }) {
                diagnostics.append(
                    .unknownDataColumn(raw, known: Self.columns, at: location, table: table, what: Self.what))
            }
        }
        let headerList = table.header.map { "'\($0)'" }.joined(separator: ", ")
        for required in ["code", "name"] where columnIndex[required] == nil {
            diagnostics.append(
                .error(
                    .missingColumn, at: SourceLocation(file: file, line: table.headerLine),
                    subject: .table(name: file, row: table.headerLine),
                    Words(
                        vi: "tệp đơn vị không có cột '\(required)'", en: "the units file has no '\(required)' column"),
                    hint: Words(
                        vi: "dòng tiêu đề phải ghi các cột code, name, group; hiện có: \(headerList)",
                        en: "the header must name the columns code, name, group; it has: \(headerList)")))
        }
        if framework.definesGroups, columnIndex["group"] == nil {
            diagnostics.append(.missingGroupColumn(framework, file: file, line: table.headerLine))
        }
        guard let codeColumn = columnIndex["code"], let nameColumn = columnIndex["name"] else {
            return ([], diagnostics)
        }
        if table.rows.isEmpty {
            diagnostics.append(
                .error(
                    .emptyFile, at: SourceLocation(file: file, line: table.headerLine),
                    subject: .table(name: file, row: table.headerLine),
                    Words(vi: "tệp đơn vị không có đơn vị nào", en: "the units file lists no units"),
                    hint: Words(
                        vi: "hãy thêm một dòng cho mỗi đơn vị dưới dòng tiêu đề",
                        en: "add one row per unit under the header")))
        }

        var units: [Unit] = []
        var places: [UnitCode: UnitLineage.Place] = [:]
        var firstRow: [UnitCode: Int] = [:]
        let groups = GroupResolver(framework: framework)
        for row in table.rows {
            func at(_ column: Int) -> SourceLocation { SourceLocation(file: file, line: row.line, column: column + 1) }
            func cell(_ name: String) -> String? {
                columnIndex[name].map { row[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            }
            let codeText = row[codeColumn]
            guard !codeText.isEmpty else {
                diagnostics.append(
                    .error(
                        .missingColumn, at: at(codeColumn), subject: .table(name: file, row: row.line),
                        Words(vi: "dòng \(row.line) không có mã đơn vị", en: "row \(row.line) has no unit code"),
                        hint: Words(
                            vi: "hãy ghi mã đơn vị, hoặc xóa dòng này", en: "write the unit's code, or delete the row"))
                )
                continue
            }
            let code = UnitCode(codeText)
            var valid = true
            if let first = firstRow[code] {
                diagnostics.append(
                    .error(
                        .duplicateUnit, at: at(codeColumn), subject: .unit(code),
                        Words(
                            vi: "đơn vị '\(code)' có hai dòng (dòng \(first) và \(row.line))",
                            en: "unit '\(code)' is listed twice (rows \(first) and \(row.line))"),
                        hint: Words(vi: "hãy giữ một dòng cho mỗi mã đơn vị", en: "keep one row per unit code")))
                valid = false
            } else {
                firstRow[code] = row.line
            }
            let name = row[nameColumn]
            if name.isEmpty {
                diagnostics.append(
                    .error(
                        .missingColumn, at: at(nameColumn), subject: .unit(code),
                        Words(vi: "đơn vị '\(code)' không có tên", en: "unit '\(code)' has no name"),
                        hint: Words(
                            vi: "hãy ghi tên đơn vị vào cột 'name'", en: "write the unit's name in the 'name' column")))
                valid = false
            }
            var group = GroupID.all
            if let groupColumn = columnIndex["group"] {
                switch groups.resolve(row[groupColumn], unit: code, at: at(groupColumn)) {
                case .success(let id): group = id
                case .failure(let problem):
                    diagnostics.append(problem.diagnostic)
                    valid = false
                }
            }
            var dates: [String: String] = [:]
            for column in ["valid_from", "valid_to"] {
                guard let text = cell(column), let index = columnIndex[column] else { continue }
                if let iso = DateSyntax.iso(text) {
                    dates[column] = iso
                } else {
                    diagnostics.append(
                        .error(
                            .invalidDate, at: at(index), subject: .unit(code),
                            Words(
                                vi: "đơn vị '\(code)', cột '\(column)': '\(MessageText.echo(text))' không phải "
                                    + "ngày tháng",
                                en: "unit '\(code)', column '\(column)': '\(MessageText.echo(text))' is not a date"),
                            hint: Words(
                                vi: "hãy viết ngày theo dạng YYYY-MM-DD (2025-07-01) hoặc DD/MM/YYYY (01/07/2025)",
                                en: "write the date as YYYY-MM-DD (2025-07-01) or DD/MM/YYYY (01/07/2025)")))
                    valid = false
                }
            }
            guard valid else { continue }
            places[code] = UnitLineage.Place(
                row: row.line, at: at(codeColumn), successor: columnIndex["successor"].map(at),
                validTo: columnIndex["valid_to"].map(at))
            units.append(
                Unit(
                    code: code, name: name, group: group, parent: cell("parent").map(UnitCode.init),
                    kind: cell("kind"), validFrom: dates["valid_from"], validTo: dates["valid_to"],
                    successor: cell("successor").map(UnitCode.init)))
        }
        diagnostics += UnitLineage(
            file: file, units: units, places: places, stored: stored, listed: Set(firstRow.keys)
        ).problems()
        return (units, diagnostics)
    }
}

/// Turns the text of a `group` cell into one of the framework's groups.
///
/// Accepts the group id or its Vietnamese or English name, ignoring case. An empty cell means
/// ``GroupID/all``, allowed only when the framework defines no groups.
struct GroupResolver {
    /// A cell that names no group, with its diagnostic (D010).
    struct Problem: Error {
        var diagnostic: Diagnostic
    }

    let framework: Framework

    func resolve(_ text: String, unit: UnitCode, at location: SourceLocation) -> Result<GroupID, Problem> {
        let ids = framework.groups.keys.map(\.rawValue)
        let list = ids.map { "'\($0)'" }.joined(separator: ", ")
        if text.isEmpty {
            if !framework.definesGroups { return .success(.all) }
            return .failure(
                Problem(
                    diagnostic: .error(
                        .unknownUnitGroup, at: location, subject: .unit(unit),
                        Words(vi: "đơn vị '\(unit)' chưa ghi khối", en: "unit '\(unit)' has no group"),
                        hint: Words(
                            vi: "bộ tiêu chí '\(framework.id)' xếp hạng đơn vị theo khối; hãy ghi một trong \(list)",
                            en: "framework '\(framework.id)' ranks units in groups; write one of \(list)"))))
        }
        let word = text.lowercased()
        for (id, group) in framework.groups {
            if id.rawValue.lowercased() == word || group.name.vi.lowercased() == word
                || group.name.en?.lowercased() == word
            {
                return .success(id)
            }
        }
        var hint = Words(vi: "hãy ghi một trong \(list)", en: "write one of \(list)")
        if let near = Suggestion.suggestion(for: text, among: ids) { hint = near.orElse(hint) }
        if !framework.definesGroups {
            hint = Words(
                vi: "bộ tiêu chí '\(framework.id)' không chia khối; hãy để trống ô này",
                en: "framework '\(framework.id)' defines no groups; leave the cell empty")
        }
        let echoed = MessageText.echo(text)
        return .failure(
            Problem(
                diagnostic: .error(
                    .unknownUnitGroup, at: location, subject: .unit(unit),
                    Words(
                        vi: "đơn vị '\(unit)': '\(echoed)' không phải khối của bộ tiêu chí '\(framework.id)'",
                        en: "unit '\(unit)': '\(echoed)' is not a group of framework '\(framework.id)'"),
                    hint: hint)))
    }
}

extension Diagnostic {
    /// D002 for a column that the file format does not have.
    ///
    /// - Parameter what: the kind of file, as a noun: "tệp đơn vị", "units file".
    static func unknownDataColumn(
        _ name: String, known: [String], at location: SourceLocation, table: CSVTable, what: Words
    ) -> Diagnostic {
        let message: Words
        if name.isEmpty {
            message = Words(
                vi: "cột \(location.column) của \(what.vi) không có tên",
                en: "column \(location.column) has no name in the \(what.en)")
        } else {
            let echoed = MessageText.echo(name)
            message = Words(
                vi: "cột '\(echoed)' không phải cột của \(what.vi)", en: "unknown column '\(echoed)' in the \(what.en)")
        }
        let columns = known.joined(separator: ", ")
        var hint = Words(vi: "các cột của \(what.vi) là \(columns)", en: "the columns of a \(what.en) are \(columns)")
        if !name.isEmpty, let near = Suggestion.suggestion(for: name.normalizedColumnName, among: known) {
            hint = Words(
                vi: "\(near.vi) Các cột của \(what.vi) là \(columns)",
                en: "\(near.en) The columns of a \(what.en) are \(columns)")
        }
        return .error(
            .unknownColumn, at: location, subject: .table(name: table.file, row: table.headerLine), message,
            hint: hint)
    }

    /// D009 for a file without a `group` column when the framework ranks units in groups.
    static func missingGroupColumn(_ framework: Framework, file: String, line: Int) -> Diagnostic {
        let list = framework.groups.keys.map { "'\($0)'" }.joined(separator: ", ")
        return .error(
            .missingColumn, at: SourceLocation(file: file, line: line), subject: .table(name: file, row: line),
            Words(
                vi: "tệp không có cột 'group', mà bộ tiêu chí '\(framework.id)' xếp hạng đơn vị theo khối (\(list))",
                en: "the file has no 'group' column, and framework '\(framework.id)' ranks units in groups (\(list))"),
            hint: Words(
                vi: "hãy thêm cột 'group' ghi khối của từng đơn vị", en: "add a 'group' column naming each unit's group"
            ))
    }
}

extension Words {
    /// A suggestion followed by the advice for when it is not the one: "có phải ý bạn là 'x'? Nếu không, hãy …",
    /// "did you mean 'x'? Or write …". The advice starts in lower case in both languages.
    func orElse(_ advice: Words) -> Words {
        Words(vi: "\(vi) Nếu không, \(advice.vi)", en: "\(en) Or \(advice.en)")
    }
}

extension String {
    /// A header cell as a column name: trimmed, lowercased, with spaces and hyphens as `_`.
    var normalizedColumnName: String {
        String(trimmingCellSpaces().lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }
}
