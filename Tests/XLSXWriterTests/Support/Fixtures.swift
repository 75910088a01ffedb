import Foundation
import XLSXWriter

/// A small scoreboard that uses most features: 4 units × 3 pillars, a title merge, styles, a chart sheet.
enum Fixtures {
    static let title = CellStyle(bold: true, fontSize: 14, horizontalAlignment: .center)
    static let header = CellStyle(
        bold: true, fontColor: .white, fillColor: 0x1F4E79, horizontalAlignment: .center, verticalAlignment: .center,
        wrapsText: true, borders: .all(Border(.thin)))
    static let score = CellStyle(numberFormat: "0.00", borders: .all(Border(.thin, color: 0xBFBFBF)))
    static let name = CellStyle(indent: 1, borders: .all(Border(.thin, color: 0xBFBFBF)))

    /// Rows 3…6 (zero-based 2…5) hold the units; column E (4) the scores.
    static func scoreboard(created: Date) -> Spreadsheet {
        let units: [(String, String, Double, [Double])] = [
            ("STC", "Sở Tài chính", 91.5, [30, 31.5, 30]),
            ("SYT", "Sở Y tế", 88.25, [29, 30, 29.25]),
            ("XYZ", "=cmd", 70, [20, 25, 25]),
            ("SNV", "Sở Nội vụ", 88.25, [28, 30.25, 30]),
        ]
        let headers = ["STT", "Mã", "Đơn vị", "Nhóm", "Điểm", "Hạ tầng", "Dịch vụ", "Nhân lực"]
        var rows: [[Cell]] = [[], headers.map { .text($0, style: header) }]
        for (index, unit) in units.enumerated() {
            let row = index + 3
            rows.append(
                [
                    .number(Double(index + 1), style: name), .text(unit.0, style: name), .text(unit.1, style: name),
                    .text("Sở", style: name),
                    .formula("SUM(F\(row):H\(row))", cachedResult: .number(unit.2), style: score),
                ]
                    + unit.3.map { .number($0, style: score) })
        }
        var summary = Sheet(name: "Tổng hợp", rows: rows)
        summary.merges = [Merge("A1:H1", value: .text("BẢNG XẾP HẠNG CHỈ SỐ ICT 2025", style: title))]
        summary.columns = [Column(0, width: 5), Column(2, width: 36), Column(5...7, width: 10)]
        summary.rowHeights = [0: 24, 1: 30]
        summary.freezePanes = "A3"
        summary.autoFilter = "A2:H6"
        summary.conditionalFormats = [
            ConditionalFormat("E3:E6", rule: .dataBar(color: 0x638EC6)),
            ConditionalFormat(
                "F3:H6", rule: .threeColorScale(minimum: 0xF8696B, midpoint: 0xFFEB84, maximum: 0x63BE7B)),
            ConditionalFormat("E3:E6", rule: .cell(.greaterThanOrEqualTo(90), style: CellStyle(fillColor: 0xC6EFCE))),
        ]
        summary.pageSetup = PageSetup(
            orientation: .landscape, paperSize: .a4, fitToWidth: 1, repeatedRows: 1...1,
            footer: "&LBảng xếp hạng&RTrang &P/&N", centersHorizontally: true)
        summary.tabColor = 0x1F4E79

        var charts = Sheet(name: "Biểu đồ")
        charts.charts = [
            Chart(
                kind: .bar, title: "Điểm theo đơn vị",
                series: [
                    ChartSeries(name: "Điểm", categories: "C3:C6", values: "E3:E6", sheet: "Tổng hợp", color: 0x2E75B6)
                ],
                categoryAxisTitle: "Đơn vị", valueAxisTitle: "Điểm", anchor: "B2", width: 640, height: 320),
            Chart(
                kind: .radar, title: "Hồ sơ trụ cột",
                series: [ChartSeries(name: "Sở Tài chính", categories: "F2:H2", values: "F3:H3", sheet: "Tổng hợp")],
                anchor: "B20"),
        ]
        var hidden = Sheet(name: "Hidden", rows: [[.text("internal")]])
        hidden.visibility = .hidden
        return Spreadsheet(
            sheets: [summary, charts, hidden],
            properties: DocumentProperties(title: "Bảng xếp hạng 2025", author: "Sở KH&CN", created: created),
            definedNames: [DefinedName(name: "Diem", formula: "='Tổng hợp'!$E$3:$E$6")])
    }
}
