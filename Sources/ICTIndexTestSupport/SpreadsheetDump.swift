import Foundation
public import XLSXWriter

/// A text dump of a ``Spreadsheet`` value for golden-file tests: every sheet's settings, merges, formats,
/// charts and non-empty cells (with the parts of their style that matter to a reader).
public enum SpreadsheetDump {
    /// The dump, one line per item.
    public static func text(_ spreadsheet: Spreadsheet) -> String {
        var lines: [String] = []
        let p = spreadsheet.properties
        lines.append("properties: title=\(p.title ?? "-") author=\(p.author ?? "-") keywords=\(p.keywords ?? "-")")
        lines.append(
            "  created=\(p.created.map { String(Int($0.timeIntervalSince1970)) } ?? "-") comments=\(p.comments ?? "-")")
        for name in spreadsheet.definedNames { lines.append("name \(name.name) = \(name.formula)") }
        for sheet in spreadsheet.sheets {
            lines.append("")
            lines.append("== sheet '\(sheet.name)'")
            if let freeze = sheet.freezePanes { lines.append("freeze \(freeze)") }
            if let filter = sheet.autoFilter { lines.append("autofilter \(filter)") }
            for column in sheet.columns {
                let width = column.width.map { "\($0)" } ?? "-"
                lines.append("column \(column.columns.lowerBound)...\(column.columns.upperBound) width \(width)")
            }
            for (row, height) in sheet.rowHeights.sorted(by: { $0.key < $1.key }) {
                lines.append("row \(row + 1) height \(height)")
            }
            let page = sheet.pageSetup
            lines.append(
                "page \(page.orientation) paper=\(page.paperSize.code) "
                    + "fitToWidth=\(page.fitToWidth.map(String.init) ?? "-") "
                    + "repeat=\(page.repeatedRows.map { "\($0.lowerBound + 1)...\($0.upperBound + 1)" } ?? "-") "
                    + "footer=\(page.footer ?? "-")")
            for merge in sheet.merges { lines.append("merge \(merge.range) \(cell(merge.value))") }
            for format in sheet.conditionalFormats { lines.append("format \(format.range) \(rule(format.rule))") }
            for chart in sheet.charts {
                lines.append(
                    "chart \(chart.kind) at \(chart.anchor) '\(chart.title ?? "")' \(chart.width)x\(chart.height)")
                for series in chart.series {
                    lines.append(
                        "  series '\(series.name ?? "")' categories \(series.categories) values \(series.values)")
                }
            }
            for (r, row) in sheet.rows.enumerated() {
                for (c, value) in row.enumerated() where !value.isEmpty {
                    lines.append("\(CellAddress(row: r, column: c)): \(cell(value))")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func cell(_ cell: Cell) -> String {
        let content: String
        switch cell {
        case .empty: content = "empty"
        case .blank: content = "blank"
        case .text(let t, _): content = "text \"\(t.replacingOccurrences(of: "\n", with: "\\n"))\""
        case .number(let x, _): content = "number \(x)"
        case .boolean(let b, _): content = "bool \(b)"
        case .formula(let f, _, _): content = "formula \(f)"
        case .date(let d, _): content = "date \(Int(d.timeIntervalSince1970))"
        case .url(let u, _, _): content = "url \(u)"
        }
        return content + style(cell.style)
    }

    static func style(_ s: CellStyle) -> String {
        var parts: [String] = []
        if s.bold { parts.append("b") }
        if s.italic { parts.append("i") }
        if let fill = s.fillColor { parts.append("fill=\(fill)") }
        if let format = s.numberFormat { parts.append("fmt=\(format)") }
        if s.wrapsText { parts.append("wrap") }
        return parts.isEmpty ? "" : " {" + parts.joined(separator: " ") + "}"
    }

    static func rule(_ rule: ConditionalFormat.Rule) -> String {
        switch rule {
        case .twoColorScale(let a, let b): "scale2 \(a) \(b)"
        case .threeColorScale(let a, let b, let c): "scale3 \(a) \(b) \(c)"
        case .dataBar(let color): "databar \(color)"
        case .cell(let comparison, let style): "cell \(comparison)\(Self.style(style))"
        case .formula(let formula, let style): "formula \(formula)\(Self.style(style))"
        }
    }
}
