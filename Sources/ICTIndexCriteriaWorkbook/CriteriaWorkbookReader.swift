import Foundation
package import ICTIndexCore
package import ICTIndexCriteria
import XLSXReader
import Yams

/// `criteria import`: a criteria workbook (one made by `criteria export` and edited, or typed from scratch in the
/// documented layout) back into a criteria file.
///
/// The workbook becomes YAML line by line, each line remembering the cell it came from; the YAML is then checked
/// by the same ``FrameworkLoader`` as any criteria file, and every diagnostic is moved to its cell
/// (`tieu-chi.xlsx[Tiêu chí]!L14: lỗi[C020]: …`), so a workbook gets the same codes and hints as YAML.
///
/// Every diagnostic carries its message in Vietnamese and English: the caller renders it in the user's language.
package struct CriteriaWorkbookReader {
    /// What reading a workbook gave.
    package struct Result: Sendable {
        /// The criteria file's text; meaningful only when `diagnostics` has no error.
        package var yaml: String
        /// Every problem, located at its sheet and cell, errors and warnings.
        package var diagnostics: [Diagnostic]
        /// The loaded framework, when the text passed the check.
        package var loaded: LoadedFramework?
    }

    let path: String

    /// A reader of the workbook at `path`, as diagnostics name it.
    package init(path: String) {
        self.path = path
    }

    // TRANSITION: the diagnostics carry both languages now; the CLI renders them in its own.
    package func read() -> Result {
        let document: XLSXDocument
        do throws(XLSXReadError) {
            document = try XLSXDocument(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return Result(
                yaml: "",
                diagnostics: [
                    .error(
                        .yamlSyntax, at: SourceLocation(file: error.location),
                        Words(
                            vi: "không đọc được bảng tiêu chí: \(error.message)",
                            en: "the criteria workbook cannot be read: \(error.englishMessage)"),
                        hint: Self.hint(of: error))
                ], loaded: nil)
        }
        var problems: [Diagnostic] = []
        var out = YAMLLines()
        // The general sheet first: schema, id, name, … in the order of its rows.
        if let sheet = find(WorkbookLayout.general, in: document, problems: &problems, required: true) {
            general(sheet, into: &out, problems: &problems)
        }
        for layout in WorkbookLayout.lists {
            guard
                let sheet = find(
                    layout, in: document, problems: &problems,
                    required: layout.section == "index" || layout.section == "variables")
            else { continue }
            guard let table = Table(sheet: sheet, layout: layout, file: path, problems: &problems)
            else { continue }
            if layout.section == "index" {
                tree(table, into: &out, problems: &problems)
            } else if !table.rows.isEmpty {
                out.add("\(layout.section):", indent: 0, origin: table.sheetLocation)
                for row in table.rows { entry(row, table, indent: 2, listItem: true, into: &out, problems: &problems) }
            }
        }
        let yaml = out.text
        // The checker runs even when the workbook's own layout had problems, so that every problem is reported
        // at once; the rows or cells those problems left out may add their own (a pillar's items no longer add up).
        do throws(ValidationFailure) {
            let loaded = try FrameworkLoader().load(yaml: yaml, file: path)
            let diagnostics = problems + loaded.warnings.map(out.relocate)
            return Result(yaml: yaml, diagnostics: diagnostics, loaded: diagnostics.hasErrors ? nil : loaded)
        } catch {
            return Result(yaml: yaml, diagnostics: problems + error.diagnostics.map(out.relocate), loaded: nil)
        }
    }

    /// An error at a place of the workbook (`file[sheet]!C14`).
    func error(_ code: DiagnosticCode, at location: String, _ message: Words, hint: Words? = nil) -> Diagnostic {
        .error(code, at: SourceLocation(file: location), message, hint: hint)
    }

    /// The hint of a spreadsheet reader's error, in both languages.
    static func hint(of error: XLSXReadError) -> Words? {
        switch (error.hint, error.englishHint) {
        case (nil, nil): nil
        case (let vi, let en): Words(vi: vi ?? en ?? "", en: en ?? vi ?? "")
        }
    }

    // MARK: - Sheets

    func find(_ layout: WorkbookSheet, in document: XLSXDocument, problems: inout [Diagnostic], required: Bool)
        -> XLSXSheet?
    {
        let names = [layout.vi, layout.en].map { $0.lowercased() }
        guard let info = document.sheets.first(where: { names.contains($0.name.lowercased()) }) else {
            if required {
                let sheets = document.sheetNames.map { "'\(MessageText.echo($0))'" }.joined(separator: ", ")
                problems.append(
                    error(
                        .missingKey, at: path,
                        Words(
                            vi:
                                "bảng tính không có trang '\(layout.vi)' (hay '\(layout.en)'); "
                                + "các trang hiện có: \(sheets)",
                            en: "the workbook has no sheet '\(layout.en)' (or '\(layout.vi)'); its sheets are \(sheets)"
                        ),
                        hint: Words(
                            vi:
                                "tạo mẫu bằng `ictindex criteria export TỆP.yaml --out TỆP.xlsx`, "
                                + "hoặc xem Criteria/README.md",
                            en:
                                "make the layout with `ictindex criteria export FILE.yaml --out FILE.xlsx`, "
                                + "or see Criteria/README.md"
                        )))
            }
            return nil
        }
        do throws(XLSXReadError) {
            return try document.sheet(named: info.name)
        } catch {
            let name = MessageText.echo(info.name)
            problems.append(
                self.error(
                    .yamlSyntax, at: error.location,
                    Words(
                        vi: "không đọc được trang '\(name)': \(error.message)",
                        en: "sheet '\(name)' cannot be read: \(error.englishMessage)"),
                    hint: Self.hint(of: error)))
            return nil
        }
    }

    func general(_ sheet: XLSXSheet, into out: inout YAMLLines, problems: inout [Diagnostic]) {
        guard
            let table = Table(
                sheet: sheet, layout: WorkbookLayout.general, file: path, problems: &problems)
        else { return }
        let root = KeyTree()
        for row in table.rows {
            guard let keyCell = row.cell("key"), !keyCell.text.isEmpty else { continue }
            guard let valueCell = row.cell("value"), !valueCell.text.trimmingCharacters(in: .whitespaces).isEmpty else {
                continue
            }
            let key = keyCell.text.trimmingCharacters(in: .whitespaces)
            let text: String
            if case .number(let number) = valueCell.cell.value,
                ["scale", "decimals"].contains(key) || key.hasPrefix("defaults.")
            {
                text = FlowYAML.number(number)
            } else if case .number(let number) = valueCell.cell.value,
                !Self.textKeys.contains(where: { key.hasSuffix($0) })
            {
                text = FlowYAML.number(number)
            } else if valueCell.text.hasPrefix("[") || valueCell.text.hasPrefix("{") {
                guard let flow = parseFlow(valueCell.text, wrap: false, at: valueCell.location, problems: &problems)
                else { continue }
                text = FlowYAML.text(flow)
            } else if case .number(let number) = valueCell.cell.value {
                text = FlowYAML.quoted(FlowYAML.number(number))
            } else {
                text = FlowYAML.string(valueCell.text)
            }
            root.insert(key.split(separator: ".").map(String.init), value: text, origin: valueCell.location)
        }
        root.emit(into: &out, indent: 0)
    }

    /// Settings that are text even when a spreadsheet stored them as a number (`edition: 2025`).
    static let textKeys = [
        "edition", "id", "schema", "decision_number", "decision_date", ".vi", ".en", "level", "rank_on",
    ]

    func tree(_ table: Table, into out: inout YAMLLines, problems: inout [Diagnostic]) {
        // STT "" is the root; "1.2" is a child of "1"; siblings in row order.
        var children: [String: [Table.Row]] = [:]
        var seen: [String: Table.Row] = [:]
        var root: Table.Row?
        for row in table.rows {
            let cell = row.cell("outline")
            let outline = (cell?.text ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(
                of: " ", with: ""
            )
            .trimmingCharacters(in: CharacterSet(charactersIn: "."))
            let location = cell?.location ?? row.location
            if outline.isEmpty {
                if let first = root {
                    problems.append(
                        error(
                            .invalidTree, at: location,
                            Words(
                                vi: "dòng thứ hai không có STT: chỉ dòng tổng điểm (dòng \(first.number)) để trống STT",
                                en: "a second row without a number: only the total (row \(first.number)) has none"),
                            hint: Words(
                                vi: "ghi STT (1, 2.3, …) theo tiêu chí cha",
                                en: "number the row (1, 2.3, …) under its parent")))
                } else if !seen.isEmpty {
                    problems.append(
                        error(
                            .invalidTree, at: location,
                            Words(
                                vi: "dòng tổng điểm (không có STT) phải là dòng đầu tiên",
                                en: "the total (the row without a number) must be the first row"),
                            hint: Words(vi: "chuyển dòng này lên trên các tiêu chí", en: "move it above the criteria")))
                } else {
                    root = row
                }
                continue
            }
            let parts = outline.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
                problems.append(
                    error(
                        .invalidTree, at: location,
                        Words(
                            vi: "'\(MessageText.echo(outline))' không phải STT dạng 2, 2.3 hay 2.3.1",
                            en: "'\(MessageText.echo(outline))' is not a number such as 2 or 2.3 or 2.3.1"),
                        hint: Words(
                            vi: "STT cho biết cây tiêu chí: 2.3 là mục thứ ba của tiêu chí 2",
                            en: "the number gives the tree: 2.3 is the third item of 2")))
                continue
            }
            if let earlier = seen[outline] {
                problems.append(
                    error(
                        .duplicateID, at: location,
                        Words(
                            vi: "STT \(outline) trùng với dòng \(earlier.number)",
                            en: "number \(outline) is also on row \(earlier.number)"),
                        hint: Words(vi: "đánh lại STT của một trong hai dòng", en: "renumber one of them")))
                continue
            }
            let parent = parts.dropLast().joined(separator: ".")
            if !parent.isEmpty && seen[parent] == nil {
                problems.append(
                    error(
                        .invalidTree, at: location,
                        Words(
                            vi: "STT \(outline) không có tiêu chí cha: không có dòng STT \(parent) ở trên",
                            en: "number \(outline) has no parent: no row numbered \(parent) above it"),
                        hint: Words(
                            vi: "thêm dòng \(parent) ở trên, hoặc đánh lại STT",
                            en: "add the row \(parent) above, or renumber")))
                continue
            }
            seen[outline] = row
            children[parent, default: []].append(row)
        }
        guard let root else {
            problems.append(
                error(
                    .invalidTree, at: table.sheetLocation,
                    Words(
                        vi: "không có dòng tổng điểm: dòng tiêu chí đầu tiên, không ghi STT, là tổng điểm",
                        en: "no total: the first row of criteria, without a number, is the index's total"),
                    hint: Words(
                        vi: "thêm dòng đó với mã như `total` và cách tổng hợp `sum`",
                        en: "add it with a code such as `total` and the aggregate `sum`")))
            return
        }
        out.add("index:", indent: 0, origin: table.sheetLocation)
        func node(_ row: Table.Row, outline: String, indent: Int, listItem: Bool) {
            entry(row, table, indent: indent, listItem: listItem, into: &out, problems: &problems)
            let kids = children[outline] ?? []
            guard !kids.isEmpty else { return }
            out.add("children:", indent: indent, origin: row.location)
            for kid in kids {
                let text = (kid.cell("outline")?.text ?? "").replacingOccurrences(of: " ", with: "")
                    .trimmingCharacters(in: CharacterSet(charactersIn: ". "))
                node(kid, outline: text, indent: indent + 2, listItem: true)
            }
        }
        node(root, outline: "", indent: 2, listItem: false)
    }

    // MARK: - Entries

    /// One row as the keys of a YAML mapping, each line remembering its cell.
    func entry(
        _ row: Table.Row, _ table: Table, indent: Int, listItem: Bool, into out: inout YAMLLines,
        problems: inout [Diagnostic]
    ) {
        var lines: [(text: String, origin: String)] = []
        var localized: [String: (vi: Table.Cell?, en: Table.Cell?)] = [:]
        var localizedOrder: [String] = []
        var rule: Table.Cell?
        var parameters: Table.Cell?
        for (column, cell) in row.cells {
            let text = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
            switch column.kind {
            case .outline, .info:
                continue
            case .localized(let language):
                if localized[column.key] == nil { localizedOrder.append(column.key) }
                var pair = localized[column.key] ?? (nil, nil)
                if !text.isEmpty { if language == .en { pair.en = cell } else { pair.vi = cell } }
                localized[column.key] = pair
                if localizedOrder.count == 1 && column.key == "name", lines.isEmpty { continue }
                continue
            case .rule:
                if !text.isEmpty { rule = cell }
                continue
            case .ruleParameters:
                if !text.isEmpty { parameters = cell }
                continue
            default:
                break
            }
            guard !text.isEmpty else { continue }
            switch column.kind {
            case .text:
                lines.append(("\(column.key): \(FlowYAML.string(cell.text))", cell.location))
            case .number:
                if case .number(let number) = cell.cell.value {
                    lines.append(("\(column.key): \(FlowYAML.number(number))", cell.location))
                } else if let number = Double(text.replacingOccurrences(of: ",", with: ".")), number.isFinite {
                    lines.append(("\(column.key): \(FlowYAML.number(number))", cell.location))
                } else {
                    lines.append(("\(column.key): \(FlowYAML.quoted(text))", cell.location))
                }
            case .scalar:
                if case .number(let number) = cell.cell.value {
                    lines.append(("\(column.key): \(FlowYAML.number(number))", cell.location))
                } else {
                    lines.append(("\(column.key): \(FlowYAML.string(cell.text))", cell.location))
                }
            case .yesNo:
                let word = text.lowercased()
                let value =
                    WorkbookLayout.yes.contains(word)
                    ? "true" : WorkbookLayout.no.contains(word) ? "false" : FlowYAML.quoted(text)
                lines.append(("\(column.key): \(value)", cell.location))
            case .list:
                let items = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" })
                    .map { FlowYAML.string($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 != "\"\"" }
                lines.append(("\(column.key): [\(items.joined(separator: ", "))]", cell.location))
            case .flow:
                guard
                    let node = parseFlow(
                        text, wrap: !(text.hasPrefix("[") || text.hasPrefix("{")), at: cell.location,
                        problems: &problems)
                else { continue }
                lines.append(("\(column.key): \(FlowYAML.text(node))", cell.location))
            case .other:
                guard let node = parseFlow(text, wrap: !text.hasPrefix("{"), at: cell.location, problems: &problems)
                else { continue }
                guard let mapping = node.mapping else {
                    problems.append(
                        error(
                            .invalidValue, at: cell.location,
                            Words(
                                vi: "cột này ghi các cặp khóa: giá trị, ví dụ `unit: người, min: 0`",
                                en: "the column holds keys and values, such as `unit: người, min: 0`"),
                            hint: Words(
                                vi: "ghi các cặp cách nhau bởi dấu phẩy; chữ có dấu phẩy đặt trong \"…\"",
                                en: "separate them with commas; quote text with commas in \"…\"")))
                    continue
                }
                for (key, value) in mapping {
                    lines.append(("\(FlowYAML.text(key)): \(FlowYAML.text(value))", cell.location))
                }
            default:
                continue
            }
        }
        // Names and descriptions: plain text when only Vietnamese is given, else {vi, en}.
        var texts: [(text: String, origin: String)] = []
        for key in localizedOrder {
            guard let pair = localized[key], let first = pair.vi ?? pair.en else { continue }
            if let en = pair.en {
                var parts: [String] = []
                if let vi = pair.vi { parts.append("vi: \(FlowYAML.string(vi.text))") }
                parts.append("en: \(FlowYAML.string(en.text))")
                texts.append(("\(key): {\(parts.joined(separator: ", "))}", first.location))
            } else {
                texts.append(("\(key): \(FlowYAML.string(first.text))", first.location))
            }
        }
        // The rule: `rule:` from its column, the other keys from the parameters (or the whole list of rules).
        if let score = scoreLine(rule: rule, parameters: parameters, problems: &problems) { lines.append(score) }
        // id first, then the name, the settings, and the decision's wording last, as a person writes the file.
        let names = texts.filter { $0.text.hasPrefix("name:") }
        let ordered =
            lines.prefix { $0.text.hasPrefix("id:") } + names + lines.drop { $0.text.hasPrefix("id:") }
            + texts.filter { !$0.text.hasPrefix("name:") }
        if ordered.isEmpty {
            out.add(listItem ? "- {}" : "{}", indent: indent - (listItem ? 2 : 0), origin: row.location)
            return
        }
        for (position, line) in ordered.enumerated() {
            if listItem {
                out.add((position == 0 ? "- " : "  ") + line.text, indent: indent - 2, origin: line.origin)
            } else {
                out.add(line.text, indent: indent, origin: line.origin)
            }
        }
    }

    func scoreLine(rule: Table.Cell?, parameters: Table.Cell?, problems: inout [Diagnostic]) -> (
        text: String, origin: String
    )? {
        let ruleText = rule?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let parametersText = parameters?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if ruleText.isEmpty {
            guard let parameters, !parametersText.isEmpty else { return nil }
            guard
                let node = parseFlow(
                    parametersText, wrap: !(parametersText.hasPrefix("[") || parametersText.hasPrefix("{")),
                    at: parameters.location, problems: &problems)
            else { return nil }
            return ("score: \(FlowYAML.text(node))", parameters.location)
        }
        var entries = ["rule: \(FlowYAML.string(ruleText))"]
        if let parameters, !parametersText.isEmpty {
            guard
                let node = parseFlow(
                    parametersText, wrap: !parametersText.hasPrefix("{"), at: parameters.location, problems: &problems)
            else { return nil }
            guard let mapping = node.mapping else {
                problems.append(
                    error(
                        .invalidParameter, at: parameters.location,
                        Words(
                            vi: "tham số quy tắc ghi dạng khóa: giá trị, ví dụ `over: group`",
                            en: "rule parameters are keys and values, such as `over: group`"),
                        hint: Words(
                            vi: "muốn nối nhiều quy tắc, để trống cột quy tắc và ghi danh sách ở đây",
                            en: "to chain rules, leave the rule column blank and write the list here")))
                return nil
            }
            entries += mapping.map { "\(FlowYAML.text($0.key)): \(FlowYAML.text($0.value))" }
        }
        return ("score: {\(entries.joined(separator: ", "))}", rule?.location ?? parameters?.location ?? "")
    }

    /// Flow YAML from a cell; `wrap` reads `a: 1, b: 2` as the mapping `{a: 1, b: 2}`.
    func parseFlow(_ text: String, wrap: Bool, at location: String, problems: inout [Diagnostic]) -> Yams.Node? {
        let source = (wrap ? "{" + text + "}" : text).replacingOccurrences(of: "\n", with: " ")
        do {
            if let node = try Yams.compose(yaml: source) { return node }
        } catch {
            problems.append(
                self.error(
                    .yamlSyntax, at: location,
                    Words(
                        vi: "'\(MessageText.echo(text))' không phải YAML dạng một dòng",
                        en: "'\(MessageText.echo(text))' is not YAML in flow style"),
                    hint: Words(
                        vi:
                            "ghi các cặp khóa: giá trị cách nhau bởi dấu phẩy, ví dụ `over: group, range: [0, 100]`; "
                            + "chữ có dấu phẩy đặt trong \"…\"",
                        en:
                            "write keys and values separated by commas, such as `over: group, range: [0, 100]`; "
                            + "quote text with commas in \"…\""
                    )))
        }
        return nil
    }
}

/// A sheet read by its header row: for each data row, the cells of the columns ictindex knows.
struct Table {
    struct Cell {
        let cell: XLSXCell
        let location: String
        var text: String { cell.text }
    }

    struct Row {
        let number: Int
        let location: String
        let cells: [(column: WorkbookColumn, cell: Cell)]

        func cell(_ key: String) -> Cell? {
            if key == "outline" {
                return cells.first { if case .outline = $0.column.kind { true } else { false } }?.cell
            }
            return cells.first { $0.column.key == key }?.cell
        }
    }

    let sheetLocation: String
    let rows: [Row]

    /// Finds the header row among the first ten (the row with the most known headers, at least two).
    init?(sheet: XLSXSheet, layout: WorkbookSheet, file: String, problems: inout [Diagnostic]) {
        let base = "\(file)[\(sheet.name)]"
        sheetLocation = base
        func headers(_ language: Language) -> String {
            layout.columns.prefix(3).map { "'" + $0.header(language) + "'" }.joined(separator: ", ")
        }
        var best: (row: XLSXRow, columns: [Int: WorkbookColumn])?
        for row in sheet.rows.prefix(10) {
            var columns: [Int: WorkbookColumn] = [:]
            for cell in row.cells {
                if let column = layout.column(headed: cell.text) { columns[cell.reference.column] = column }
            }
            if columns.count >= 2 && columns.count > (best?.columns.count ?? 0) { best = (row, columns) }
        }
        guard let best else {
            problems.append(
                .error(
                    .missingKey, at: SourceLocation(file: base),
                    Words(
                        vi: "không thấy dòng tiêu đề cột: 10 dòng đầu không có tên cột nào (\(headers(.vi)), …)",
                        en: "no header row: none of the first 10 rows has the column headers (\(headers(.en)), …)"),
                    hint: Words(
                        vi: "xem cách bố trí trong Criteria/README.md", en: "see the layout in Criteria/README.md"))
            )
            return nil
        }
        for cell in best.row.cells where best.columns[cell.reference.column] == nil && !cell.text.isEmpty {
            problems.append(
                .warning(
                    .unknownKey, at: SourceLocation(file: "\(base)!\(cell.reference)"),
                    Words(
                        vi: "cột '\(MessageText.echo(cell.text))' không phải cột ictindex đọc; bỏ qua cột này",
                        en: "column '\(MessageText.echo(cell.text))' is not one ictindex reads; it is left out"),
                    hint: Words(
                        vi: "các cột: \(layout.columns.map(\.vi).joined(separator: ", "))",
                        en: "headers: \(layout.columns.map(\.en).joined(separator: ", "))")))
        }
        var rows: [Row] = []
        for row in sheet.rows where row.number > best.row.number {
            var cells: [(column: WorkbookColumn, cell: Cell)] = []
            var hasContent = false
            for cell in row.cells {
                guard let column = best.columns[cell.reference.column] else { continue }
                cells.append((column, Cell(cell: cell, location: "\(base)!\(cell.reference)")))
                if !column.kind.isInfo && !cell.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    hasContent = true
                }
            }
            if hasContent { rows.append(Row(number: row.number, location: "\(base)!A\(row.number)", cells: cells)) }
        }
        self.rows = rows
    }
}

/// YAML text built line by line, each line with the cell it came from.
struct YAMLLines {
    private(set) var lines: [String] = []
    private(set) var origins: [String] = []

    mutating func add(_ text: String, indent: Int, origin: String) {
        lines.append(String(repeating: " ", count: max(0, indent)) + text)
        origins.append(origin)
    }

    var text: String { lines.joined(separator: "\n") + "\n" }

    /// The diagnostic at the cell its line came from.
    func relocate(_ diagnostic: Diagnostic) -> Diagnostic {
        var moved = diagnostic
        if let line = diagnostic.location?.line, line >= 1, line <= origins.count {
            moved.location = SourceLocation(file: origins[line - 1])
        }
        return moved
    }
}

/// Dotted keys of the general sheet as nested mappings, in the order they first appear.
final class KeyTree {
    var order: [String] = []
    var children: [String: KeyTree] = [:]
    var value: (text: String, origin: String)?
    var origin = ""

    func insert(_ path: [String], value: String, origin: String) {
        guard let first = path.first else {
            self.value = (value, origin)
            return
        }
        if children[first] == nil {
            children[first] = KeyTree()
            order.append(first)
        }
        children[first]?.origin = children[first]?.origin.isEmpty == false ? children[first]!.origin : origin
        children[first]?.insert(Array(path.dropFirst()), value: value, origin: origin)
    }

    func emit(into out: inout YAMLLines, indent: Int) {
        for key in order {
            guard let child = children[key] else { continue }
            let name = FlowYAML.isSafePlain(key) ? key : FlowYAML.quoted(key)
            if let value = child.value, child.order.isEmpty {
                out.add("\(name): \(value.text)", indent: indent, origin: value.origin)
            } else {
                out.add("\(name):", indent: indent, origin: child.origin)
                child.emit(into: &out, indent: indent + 2)
            }
        }
    }
}
