import Foundation
package import ICTIndexCore
package import ICTIndexCriteria
import ICTIndexReports
import OrderedCollections
package import XLSXWriter
import Yams

/// `criteria export`: a criteria file as the table a department publishes, one sheet per part of the file.
///
/// The sheets hold the file's own text (ids, names, the decision's wording, formulas, rules), so that
/// ``CriteriaWorkbookReader`` gives back a file that scores the same; read-only columns (maximum points, the rule
/// in words, evidence, data sources) are computed for the reader and ignored when read back. Comments of the YAML
/// file are not carried over.
package struct CriteriaWorkbookWriter {
    let yaml: String
    let loaded: LoadedFramework
    let language: Language

    /// - Parameters:
    ///   - yaml: the criteria file's text, as loaded (it passed `criteria check`).
    ///   - loaded: the same file, loaded.
    ///   - language: the language of headers, titles and read-only columns.
    package init(yaml: String, loaded: LoadedFramework, language: Language) {
        self.yaml = yaml
        self.loaded = loaded
        self.language = language
    }

    var framework: Framework { loaded.framework }
    var en: Bool { language == .en }

    /// The text in the workbook's language; each language labelled, so the two cannot be swapped unseen.
    func say(vi: String, en: String) -> String { Words(vi: vi, en: en)(language) }

    /// The workbook, ready for ``XLSXWriter/write(_:to:options:)``.
    package func spreadsheet() throws -> Spreadsheet {
        guard let root = try Yams.compose(yaml: yaml), let top = root.mapping else {
            return Spreadsheet(sheets: [])
        }
        let styles = WorkbookStyles()
        var sheets = [generalSheet(top, styles)]
        for layout in WorkbookLayout.lists {
            var entries: [(outline: String, node: Yams.Node.Mapping)] = []
            if layout.section == "index" {
                if let index = top["index"]?.mapping { flatten(index, outline: "", into: &entries) }
            } else {
                for (position, item) in (top[layout.section]?.array() ?? []).enumerated() {
                    guard let mapping = item.mapping else { continue }
                    entries.append((String(position + 1), mapping))
                }
                if entries.isEmpty && layout.section == "deductions" { continue }
            }
            sheets.append(listSheet(layout, entries, styles))
        }
        let title = framework.name.text(language)
        return Spreadsheet(
            sheets: sheets,
            properties: DocumentProperties(
                title: title, subject: say(vi: "Bộ tiêu chí", en: "Criteria set"),
                author: framework.publication.issuer.text(language),
                keywords: framework.id, comments: "ictindex criteria export"))
    }

    /// The tree in row order: the root (outline ""), then each child numbered 1, 1.1, 1.1.1, …
    func flatten(
        _ node: Yams.Node.Mapping, outline: String, into entries: inout [(outline: String, node: Yams.Node.Mapping)]
    ) {
        entries.append((outline, node))
        for (position, child) in (node["children"]?.array() ?? []).enumerated() {
            guard let mapping = child.mapping else { continue }
            flatten(
                mapping, outline: outline.isEmpty ? "\(position + 1)" : "\(outline).\(position + 1)", into: &entries)
        }
    }

    // MARK: - Sheets

    func generalSheet(_ top: Yams.Node.Mapping, _ s: WorkbookStyles) -> Sheet {
        let layout = WorkbookLayout.general
        var rows: [[Cell]] = [
            [.text(framework.name.text(language), style: s.title)],
            [.text(en ? Self.instructionsEN : Self.instructionsVI, style: s.note)],
            layout.columns.map { .text($0.header(language), style: s.header) },
        ]
        var settings: [(key: String, value: Yams.Node?)] = []
        var seen = Set<String>()
        func collect(_ node: Yams.Node, key: String) {
            if let mapping = node.mapping, !mapping.isEmpty, key != "defaults.score",
                mapping.allSatisfy({ $0.key.scalar != nil && !($0.key.string ?? "").contains(".") })
            {
                for (k, v) in mapping { collect(v, key: key + "." + (k.string ?? "")) }
            } else {
                settings.append((key, node))
                seen.insert(key)
            }
        }
        for (key, value) in top {
            let name = key.string ?? ""
            if WorkbookLayout.lists.contains(where: { $0.section == name }) { continue }
            if let mapping = value.mapping, name != "name" || mapping.count > 0 {
                for (k, v) in mapping { collect(v, key: name + "." + (k.string ?? "")) }
            } else {
                collect(value, key: name)
            }
        }
        // The settings a department fills in, listed even when the file leaves them out.
        var ordered: [(key: String, value: Yams.Node?)] = []
        for setting in WorkbookLayout.settings {
            if let found = settings.first(where: { $0.key == setting.key }) {
                ordered.append(found)
            } else if !(setting.key == "name.vi" && seen.contains("name")),
                !(setting.key == "name.en" && seen.contains("name"))
            {
                ordered.append((setting.key, nil))
            }
        }
        ordered += settings.filter { setting in !ordered.contains { $0.key == setting.key } }
        for (key, value) in ordered {
            let meaning = WorkbookLayout.settings.first { $0.key == key }.map { en ? $0.en : $0.vi } ?? ""
            rows.append([
                .text(key, style: s.code), value.map { valueCell($0, s) } ?? .blank(style: s.cell),
                .text(meaning, style: s.info),
            ])
        }
        var sheet = Sheet(
            name: layout.name(language), rows: rows, columns: columns(layout),
            freezePanes: CellAddress(row: 3, column: 0),
            pageSetup: pageSetup(rows: 2...2, orientation: .portrait), tabColor: 0x1F4E79)
        sheet.fitRowHeights()
        return sheet
    }

    func listSheet(
        _ layout: WorkbookSheet, _ entries: [(outline: String, node: Yams.Node.Mapping)], _ s: WorkbookStyles
    ) -> Sheet {
        var rows: [[Cell]] = [
            [
                .text(
                    say(
                        vi: "\(layout.vi) — \(framework.name.text(.vi))",
                        en: "\(layout.en) — \(framework.name.text(.en))"),
                    style: s.title)
            ],
            [.text(note(for: layout), style: s.note)],
            layout.columns.map { .text($0.header(language), style: $0.kind.isInfo ? s.infoHeader : s.header) },
        ]
        let weights = layout.section == "index" ? framework.nominalWeights() : [:]
        for (outline, entry) in entries {
            let isPillar = entry["children"] != nil
            var used: Set<String> = ["children"]
            var cells: [Cell] = []
            for column in layout.columns {
                cells.append(
                    cell(column, entry, outline: outline, isPillar: isPillar, weights: weights, used: &used, s))
            }
            // The keys no column took go, in flow style, to the "other" column.
            if let other = layout.columns.firstIndex(where: { if case .other = $0.kind { true } else { false } }) {
                let rest = entry.filter { !used.contains($0.key.string ?? "") }
                cells[other] =
                    rest.isEmpty
                    ? .blank(style: s.cell)
                    : .text(FlowYAML.entries(Yams.Node.Mapping(rest.map { ($0.key, $0.value) })), style: s.code)
            }
            rows.append(cells)
        }
        let lastRow = max(rows.count - 1, 3) + 200
        var validations: [DataValidation] = []
        for (index, column) in layout.columns.enumerated() {
            guard let choices = column.choices else { continue }
            validations.append(
                DataValidation(
                    CellRange(rows: 3...lastRow, columns: index...index), rule: .list(choices),
                    inputTitle: column.header(language), inputMessage: nil,
                    errorTitle: say(vi: "Không có trong danh sách", en: "Not in the list"),
                    errorMessage: (say(vi: "Chọn một trong: ", en: "Choose one of: ")) + choices.joined(separator: ", ")
                ))
        }
        var sheet = Sheet(
            name: layout.name(language), rows: rows, columns: columns(layout),
            freezePanes: CellAddress(row: 3, column: layout.section == "index" ? 3 : 2),
            autoFilter: CellRange(rows: 2...max(2, rows.count - 1), columns: 0...(layout.columns.count - 1)),
            pageSetup: listPageSetup(layout, lastRow: rows.count - 1), dataValidations: validations)
        sheet.fitRowHeights()
        return sheet
    }

    func columns(_ layout: WorkbookSheet) -> [Column] {
        layout.columns.enumerated().map { Column($0.offset, width: $0.element.width) }
    }

    /// The criteria sheet prints the published table (its first columns); the other sheets print whole.
    func listPageSetup(_ layout: WorkbookSheet, lastRow: Int) -> PageSetup {
        var setup = pageSetup(rows: 2...2, orientation: .landscape)
        let printed = [
            "index": WorkbookLayout.printedCriteriaColumns, "variables": WorkbookLayout.printedVariableColumns,
        ]
        if let columns = printed[layout.section] {
            setup.printArea = CellRange(rows: 0...max(lastRow, 2), columns: 0...(columns - 1))
        }
        return setup
    }

    func pageSetup(rows: ClosedRange<Int>, orientation: PageSetup.Orientation) -> PageSetup {
        PageSetup(
            orientation: orientation, paperSize: .a4, fitToWidth: 1, repeatedRows: rows,
            footer: say(vi: "&L&A&RTrang &P / &N", en: "&L&A&RPage &P / &N"),
            margins: PageMargins(left: 0.4, right: 0.4, top: 0.6, bottom: 0.6))
    }

    // MARK: - Cells

    func cell(
        _ column: WorkbookColumn, _ entry: Yams.Node.Mapping, outline: String, isPillar: Bool,
        weights: [NodeID: Double], used: inout Set<String>, _ s: WorkbookStyles
    ) -> Cell {
        let value = column.key.isEmpty ? nil : entry[column.key]
        let textStyle = isPillar ? s.pillar : s.cell
        switch column.kind {
        case .outline:
            return .text(outline, style: isPillar ? s.pillar : s.code)
        case .text:
            guard let scalar = value?.scalar else { return .blank(style: s.cell) }
            used.insert(column.key)
            return .text(
                scalar.string,
                style: column.key == "id" || column.key == "value" || column.key == "formula" ? s.code : textStyle)
        case .number, .scalar:
            guard let scalar = value?.scalar else { return .blank(style: s.cell) }
            used.insert(column.key)
            if let number = FlowYAML.numericValue(scalar) { return .number(number, style: s.number) }
            return .text(scalar.string, style: s.code)
        case .localized(let language):
            guard let value else { return .blank(style: s.cell) }
            if let scalar = value.scalar {
                used.insert(column.key)
                return language == .vi ? .text(scalar.string, style: textStyle) : .blank(style: s.cell)
            }
            guard let mapping = value.mapping,
                mapping.allSatisfy({ ["vi", "en"].contains($0.key.string ?? "") && $0.value.scalar != nil })
            else { return .blank(style: s.cell) }
            used.insert(column.key)
            guard let text = mapping[language == .vi ? "vi" : "en"]?.string else { return .blank(style: s.cell) }
            return .text(text, style: textStyle)
        case .yesNo:
            guard let flag = value?.bool, value?.scalar != nil else { return .blank(style: s.cell) }
            used.insert(column.key)
            return .text(flag ? "có" : "không", style: s.cell)
        case .list:
            guard let items = value?.sequence, items.allSatisfy({ $0.scalar != nil }) else {
                return .blank(style: s.cell)
            }
            used.insert(column.key)
            return .text(items.compactMap(\.string).joined(separator: ", "), style: s.code)
        case .flow:
            guard let value else { return .blank(style: s.cell) }
            used.insert(column.key)
            if let mapping = value.mapping, !mapping.isEmpty { return .text(FlowYAML.entries(mapping), style: s.code) }
            return .text(FlowYAML.text(value), style: s.code)
        case .rule:
            guard let value else { return .blank(style: s.cell) }
            if let mapping = value.mapping, let rule = mapping["rule"]?.scalar {
                used.insert(column.key)
                return .text(rule.string, style: s.code)
            }
            if value.sequence != nil { used.insert(column.key) }
            return .blank(style: s.cell)
        case .ruleParameters:
            guard let value else { return .blank(style: s.cell) }
            if let mapping = value.mapping, mapping["rule"]?.scalar != nil {
                let rest = mapping.filter { $0.key.string != "rule" }
                return rest.isEmpty
                    ? .blank(style: s.cell)
                    : .text(FlowYAML.entries(Yams.Node.Mapping(rest.map { ($0.key, $0.value) })), style: s.code)
            }
            if value.sequence != nil { return .text(FlowYAML.text(value), style: s.code) }
            return .blank(style: s.cell)
        case .other:
            return .blank(style: s.cell)
        case .info:
            return info(column, entry, weights: weights, isPillar: isPillar, s)
        }
    }

    func info(
        _ column: WorkbookColumn, _ entry: Yams.Node.Mapping, weights: [NodeID: Double], isPillar: Bool,
        _ s: WorkbookStyles
    ) -> Cell {
        guard let id = entry["id"]?.string, let node = framework.nodes[NodeID(id)] else { return .blank(style: s.info) }
        switch column.vi {
        case "Điểm tối đa":
            let points = (weights[node.id] ?? 0) * framework.scale
            return .number(points, style: isPillar ? s.pillarNumber : s.infoNumber)
        case "Diễn giải cách tính":
            return .text(RuleWording(framework: framework, language: language).words(for: node), style: s.info)
        case "Tài liệu kiểm chứng":
            let variables = inputs(of: node)
            let required = variables.filter { $0.evidence == .required }.map { $0.name.text(language) }
            let optional = variables.filter { $0.evidence == .optional }.map { $0.name.text(language) }
            var parts: [String] = []
            if !required.isEmpty {
                parts.append((say(vi: "bắt buộc: ", en: "required: ")) + required.joined(separator: "; "))
            }
            if !optional.isEmpty {
                parts.append((say(vi: "nếu có: ", en: "if any: ")) + optional.joined(separator: "; "))
            }
            return .text(parts.joined(separator: "\n"), style: s.info)
        case "Nguồn số liệu":
            let names = inputs(of: node).map { v in
                v.name.text(language) + (v.unitOfMeasure.map { " (\($0))" } ?? "")
            }
            guard !names.isEmpty else { return .blank(style: s.info) }
            return .text(
                (say(vi: "đơn vị báo cáo: ", en: "reported by the unit: ")) + names.joined(separator: "; "),
                style: s.info)
        case "Đơn vị thẩm định":
            guard node.isIndicator else { return .blank(style: s.info) }
            return .text(framework.publication.recipient.text(language), style: s.info)
        default:
            return .blank(style: s.info)
        }
    }

    /// The reported variables an indicator's value reads, directly or through derived variables, in file order.
    func inputs(of node: ICTIndexCore.Node) -> [Variable] {
        guard let indicator = node.indicator else { return [] }
        var found: [VariableID] = []
        var pending = indicator.value.variables
        while let id = pending.popLast() {
            guard !found.contains(id), let variable = framework.variables[id] else { continue }
            found.append(id)
            if let formula = variable.formula { pending += formula.variables }
        }
        return framework.variables.values.filter { found.contains($0.id) && $0.formula == nil }
    }

    func valueCell(_ node: Yams.Node, _ s: WorkbookStyles) -> Cell {
        if let scalar = node.scalar {
            if let number = FlowYAML.numericValue(scalar) { return .number(number, style: s.number) }
            return .text(scalar.string, style: s.cell)
        }
        return .text(FlowYAML.text(node), style: s.code)
    }

    func note(for layout: WorkbookSheet) -> String {
        switch layout.section {
        case "index":
            en
                ? "One row per criterion in tree order: No. 1, 1.1, 1.1.1 gives the tree (the first row, without a number, is the total). Grey columns are computed and ignored when read back."
                : "Mỗi dòng một tiêu chí theo thứ tự cây: STT 1, 1.1, 1.1.1 cho biết tiêu chí cha (dòng đầu, không có STT, là tổng điểm). Các cột nền xám do ictindex tính, không đọc lại."
        case "variables":
            en
                ? "The figures each unit reports (and the derived ones, with a formula). Options of a choice: `code: {vi: label, en: label}`, separated by commas."
                : "Các số liệu đơn vị báo cáo (và số liệu tính từ công thức). Các lựa chọn: `mã: {vi: nhãn, en: nhãn}`, cách nhau bởi dấu phẩy."
        default:
            en
                ? "One row per entry; codes are letters, digits, '-', '_' and '.'."
                : "Mỗi dòng một mục; mã gồm chữ, số, '-', '_' và '.'."
        }
    }

    static let instructionsVI =
        "Bảng tiêu chí của ictindex. Sửa trong Excel hoặc LibreOffice rồi đọc lại: ictindex criteria import TỆP.xlsx --out TỆP.yaml. Ô để trống được bỏ qua."
    static let instructionsEN =
        "An ictindex criteria workbook. Edit it in Excel or LibreOffice, then read it back: ictindex criteria import FILE.xlsx --out FILE.yaml. Blank cells are left out."
}

extension WorkbookColumn.Kind {
    var isInfo: Bool { if case .info = self { true } else { false } }
}

/// The styles of the criteria workbook.
struct WorkbookStyles {
    let title = CellStyle(bold: true, fontSize: 14)
    let note = CellStyle(italic: true, fontColor: 0x595959)
    let header = CellStyle(
        bold: true, fillColor: 0xD9E1F2, horizontalAlignment: .center, verticalAlignment: .center, wrapsText: true,
        borders: .all(Border(.thin, color: 0xA6A6A6)))
    let infoHeader = CellStyle(
        bold: true, fillColor: 0xE7E6E6, horizontalAlignment: .center, verticalAlignment: .center, wrapsText: true,
        borders: .all(Border(.thin, color: 0xA6A6A6)))
    let cell = CellStyle(verticalAlignment: .top, wrapsText: true, borders: .all(Border(.thin, color: 0xA6A6A6)))
    let pillar = CellStyle(
        bold: true, verticalAlignment: .top, wrapsText: true, borders: .all(Border(.thin, color: 0xA6A6A6)))
    let code = CellStyle(
        fontColor: 0x1F3864, verticalAlignment: .top, wrapsText: true, borders: .all(Border(.thin, color: 0xA6A6A6)))
    let number = CellStyle(
        numberFormat: "General", verticalAlignment: .top, borders: .all(Border(.thin, color: 0xA6A6A6)))
    let info = CellStyle(
        fontColor: 0x404040, fillColor: 0xF2F2F2, verticalAlignment: .top, wrapsText: true,
        borders: .all(Border(.thin, color: 0xA6A6A6)))
    let infoNumber = CellStyle(
        fontColor: 0x404040, fillColor: 0xF2F2F2, numberFormat: "0.##", verticalAlignment: .top,
        borders: .all(Border(.thin, color: 0xA6A6A6)))
    let pillarNumber = CellStyle(
        bold: true, fontColor: 0x404040, fillColor: 0xF2F2F2, numberFormat: "0.##", verticalAlignment: .top,
        borders: .all(Border(.thin, color: 0xA6A6A6)))
}
