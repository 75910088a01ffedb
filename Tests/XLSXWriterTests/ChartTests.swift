import Foundation
import ICTIndexTestSupport
import Testing
import XLSXWriter

@Suite struct ChartTests {
    static func chartParts() throws -> (names: [String], bar: String, radar: String, drawing: String) {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("charts.xlsx")
        try XLSXWriter.write(Fixtures.scoreboard(created: XLSXWriterTests.created), to: url)
        let file = XLSXFile(url: url)
        return (
            try file.partNames(), try file.part("xl/charts/chart1.xml"), try file.part("xl/charts/chart2.xml"),
            try file.part("xl/drawings/drawing1.xml")
        )
    }

    @Test("a bar chart takes its data from another sheet, with titles, colour and axis names")
    func barChart() throws {
        let parts = try Self.chartParts()
        #expect(parts.names.contains("xl/charts/chart1.xml") && parts.names.contains("xl/charts/chart2.xml"))
        let bar = parts.bar
        #expect(bar.contains("<c:barChart><c:barDir val=\"bar\"/>"))
        #expect(bar.contains("<c:f>'Tổng hợp'!$C$3:$C$6</c:f>"))
        #expect(bar.contains("<c:f>'Tổng hợp'!$E$3:$E$6</c:f>"))
        #expect(bar.contains("<c:v>Điểm</c:v>") || bar.contains("<c:tx><c:v>Điểm</c:v></c:tx>"))
        #expect(bar.contains("<a:t>Điểm theo đơn vị</a:t>"))
        #expect(bar.contains("<a:srgbClr val=\"2E75B6\"/>"))
        #expect(bar.contains("<c:legendPos val=\"b\"/>"))
        // The category axis carries "Đơn vị", the value axis "Điểm".
        let categoryAxis = try #require(section(of: bar, element: "c:catAx"))
        let valueAxis = try #require(section(of: bar, element: "c:valAx"))
        #expect(categoryAxis.contains("<a:t>Đơn vị</a:t>"))
        #expect(valueAxis.contains("<a:t>Điểm</a:t>"))
        // The category cache is filled from the cells. libxlsxwriter 1.1.4 caches 0 for formula cells, whatever
        // their cached result; Excel and LibreOffice redraw from the cells.
        #expect(bar.contains("<c:pt idx=\"0\"><c:v>Sở Tài chính</c:v></c:pt>"))
    }

    @Test("a radar chart is written with its series")
    func radarChart() throws {
        let radar = try Self.chartParts().radar
        #expect(radar.contains("<c:radarChart><c:radarStyle val=\"marker\"/>"))
        #expect(radar.contains("<c:f>'Tổng hợp'!$F$3:$H$3</c:f>"))
        #expect(radar.contains("<c:pt idx=\"1\"><c:v>31.5</c:v></c:pt>"))
    }

    @Test("the chart is anchored at its cell and scaled to its size")
    func anchorAndSize() throws {
        let drawing = try Self.chartParts().drawing
        #expect(drawing.contains("<xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>"))
        // 640 × 320 pixels from B2: ten 64-pixel columns and sixteen 20-pixel rows, to L18.
        #expect(
            drawing.contains(
                "<xdr:to><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>17</xdr:row><xdr:rowOff>0</xdr:rowOff>"
            ))
    }

    @Test("a column chart on its own sheet uses that sheet's name")
    func columnChart() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("column.xlsx")
        var sheet = Sheet(name: "Xếp hạng", rows: [[.text("A"), .number(1)], [.text("B"), .number(2)]])
        sheet.charts = [
            Chart(
                kind: .column, series: [ChartSeries(categories: "A1:A2", values: "B1:B2")], anchor: "D2",
                showsLegend: false)
        ]
        try XLSXWriter.write(Spreadsheet(sheets: [sheet]), to: url)
        let chart = try XLSXFile(url: url).part("xl/charts/chart1.xml")
        #expect(chart.contains("<c:barDir val=\"col\"/>"))
        #expect(chart.contains("<c:f>'Xếp hạng'!$B$1:$B$2</c:f>"))
        #expect(!chart.contains("<c:legend>"))
    }

    /// The text between `<element>` and `</element>`.
    private func section(of xml: String, element: String) -> Substring? {
        guard let start = xml.range(of: "<\(element)>"), let end = xml.range(of: "</\(element)>") else { return nil }
        return xml[start.upperBound..<end.lowerBound]
    }
}
