import ICTIndexCore

/// Inline SVG charts (no script, no external asset).
enum Charts {
    /// Horizontal bars: one row per item, the unit's value and a thin bar for the group mean, on [0, scale].
    static func profile(_ items: [(label: String, value: Double?, mean: Double?)], scale: Double, words: Language) -> HTML
    {
        let rowHeight = 30.0
        let labelWidth = 260.0
        let barWidth = 420.0
        let height = Double(items.count) * rowHeight + 30
        let width = Int(labelWidth + barWidth + 70)
        var svg: HTML =
            "<svg role=\"img\" viewBox=\"0 0 \(width) \(Int(height))\" width=\"\(width)\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">"
        let groupMean = words.say(vi: "trung bình khối", en: "group mean")
        for (i, item) in items.enumerated() {
            let y = Double(i) * rowHeight + 6
            let label = item.label.count > 40 ? String(item.label.prefix(39)) + "…" : item.label
            svg += "<text x=\"0\" y=\"\(f(y + 14))\">\(label)</text>"
            svg +=
                "<rect x=\"\(f(labelWidth))\" y=\"\(f(y))\" width=\"\(f(barWidth))\" height=\"18\" fill=\"#eef1f5\"/>"
            if let v = item.value {
                let w = max(0, min(1, v / scale)) * barWidth
                svg +=
                    "<rect x=\"\(f(labelWidth))\" y=\"\(f(y))\" width=\"\(f(w))\" height=\"18\" fill=\"#0b4f8a\"><title>\(NumberFormatting.fixed(v, decimals: 2))</title></rect>"
                svg +=
                    "<text x=\"\(f(labelWidth + barWidth + 6))\" y=\"\(f(y + 14))\">\(NumberFormatting.fixed(v, decimals: 1))</text>"
            }
            if let m = item.mean {
                let x = labelWidth + max(0, min(1, m / scale)) * barWidth
                svg +=
                    "<rect x=\"\(f(x - 1.5))\" y=\"\(f(y - 3))\" width=\"3\" height=\"24\" fill=\"#e8710a\"><title>\(groupMean) \(NumberFormatting.fixed(m, decimals: 2))</title></rect>"
            }
        }
        let legendY = height - 8
        svg +=
            "<rect x=\"\(f(labelWidth))\" y=\"\(f(legendY - 10))\" width=\"12\" height=\"10\" fill=\"#0b4f8a\"/><text x=\"\(f(labelWidth + 16))\" y=\"\(f(legendY))\">\(words.say(vi: "đơn vị", en: "unit"))</text>"
        svg +=
            "<rect x=\"\(f(labelWidth + 90))\" y=\"\(f(legendY - 10))\" width=\"3\" height=\"10\" fill=\"#e8710a\"/><text x=\"\(f(labelWidth + 98))\" y=\"\(f(legendY))\">\(groupMean)</text>"
        return svg + "</svg>"
    }

    /// A labelled line of a trend chart.
    struct Series {
        var label: String
        var points: [(period: String, value: Double?)]
    }

    /// The colours of the lines: the unit's first (blue), then its predecessors'.
    static let lineColours = ["#0b4f8a", "#e8710a", "#7b1fa2", "#2e7d32", "#c62828", "#5f6b7a"]

    /// A line of scores over periods, on [0, scale].
    static func trend(_ points: [(period: String, value: Double?)], scale: Double) -> HTML {
        trend([Series(label: "", points: points)], scale: scale)
    }

    /// Lines of scores over the periods of the first series, on [0, scale], with a legend when there are
    /// several.
    static func trend(_ series: [Series], scale: Double) -> HTML {
        let width = 520.0
        let legendHeight = series.count > 1 ? 18.0 * Double(series.count) : 0
        let height = 220.0 + legendHeight
        let left = 40.0
        let bottom = 30.0 + legendHeight
        let plotW = width - left - 20
        let plotH = height - bottom - 15
        var svg: HTML =
            "<svg role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">"
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            let y = 15 + plotH * (1 - tick)
            svg +=
                "<line x1=\"\(f(left))\" x2=\"\(f(width - 20))\" y1=\"\(f(y))\" y2=\"\(f(y))\" stroke=\"#dde2e8\"/>"
            svg += "<text x=\"2\" y=\"\(f(y + 4))\">\(NumberFormatting.fixed(scale * tick, decimals: 0))</text>"
        }
        let periods = series.first?.points.map(\.period) ?? []
        let n = periods.count
        func x(_ i: Int) -> Double { left + (n == 1 ? plotW / 2 : plotW * Double(i) / Double(n - 1)) }
        for (i, p) in periods.enumerated() {
            svg += "<text x=\"\(f(x(i)))\" y=\"\(f(height - 8 - legendHeight))\" text-anchor=\"middle\">\(p)</text>"
        }
        for (s, line) in series.enumerated() {
            let colour = lineColours[s % lineColours.count]
            var coordinates: [(Double, Double)] = []
            for (i, p) in line.points.enumerated() where i < n {
                guard let v = p.value else { continue }
                let y = 15 + plotH * (1 - max(0, min(1, v / scale)))
                coordinates.append((x(i), y))
                svg +=
                    "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y))\" r=\"4\" fill=\"\(colour)\"><title>\(line.label) \(p.period): \(NumberFormatting.fixed(v, decimals: 2))</title></circle>"
                svg +=
                    "<text x=\"\(f(x(i)))\" y=\"\(f(y - 8))\" text-anchor=\"middle\" fill=\"\(colour)\">\(NumberFormatting.fixed(v, decimals: 2))</text>"
            }
            if coordinates.count > 1 {
                let points: String = coordinates.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")
                let dash: HTML = s == 0 ? "" : " stroke-dasharray=\"5 4\""
                svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash) points=\"\(points)\"/>"
            }
            if series.count > 1 {
                let y = height - legendHeight + 18.0 * Double(s) + 4
                svg += "<rect x=\"\(f(left))\" y=\"\(f(y))\" width=\"12\" height=\"10\" fill=\"\(colour)\"/>"
                svg += "<text x=\"\(f(left + 18))\" y=\"\(f(y + 9))\">\(line.label)</text>"
            }
        }
        return svg + "</svg>"
    }

    private static func f(_ x: Double) -> String { NumberFormatting.fixed(x, decimals: 1) }
}
