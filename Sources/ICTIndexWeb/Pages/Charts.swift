import ICTIndexCore

/// Inline SVG charts (no script, no external asset).
enum Charts {
    /// Horizontal bars: one row per item, the unit's value and a thin bar for the group mean, on [0, scale].
    static func profile(_ items: [(label: String, value: Double?, mean: Double?)], scale: Double, words: Words) -> HTML
    {
        let rowHeight = 30.0
        let labelWidth = 260.0
        let barWidth = 420.0
        let height = Double(items.count) * rowHeight + 30
        let width = Int(labelWidth + barWidth + 70)
        var svg: HTML =
            "<svg role=\"img\" viewBox=\"0 0 \(width) \(Int(height))\" width=\"\(width)\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">"
        let groupMean = words.t("trung bình khối", "group mean")
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
            "<rect x=\"\(f(labelWidth))\" y=\"\(f(legendY - 10))\" width=\"12\" height=\"10\" fill=\"#0b4f8a\"/><text x=\"\(f(labelWidth + 16))\" y=\"\(f(legendY))\">\(words.t("đơn vị", "unit"))</text>"
        svg +=
            "<rect x=\"\(f(labelWidth + 90))\" y=\"\(f(legendY - 10))\" width=\"3\" height=\"10\" fill=\"#e8710a\"/><text x=\"\(f(labelWidth + 98))\" y=\"\(f(legendY))\">\(groupMean)</text>"
        return svg + "</svg>"
    }

    /// A line of scores over periods, on [0, scale].
    static func trend(_ points: [(period: String, value: Double?)], scale: Double) -> HTML {
        let width = 520.0
        let height = 220.0
        let left = 40.0
        let bottom = 30.0
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
        let n = points.count
        var coordinates: [(Double, Double)] = []
        for (i, p) in points.enumerated() {
            let x = left + (n == 1 ? plotW / 2 : plotW * Double(i) / Double(n - 1))
            svg += "<text x=\"\(f(x))\" y=\"\(f(height - 8))\" text-anchor=\"middle\">\(p.period)</text>"
            if let v = p.value {
                let y = 15 + plotH * (1 - max(0, min(1, v / scale)))
                coordinates.append((x, y))
                svg +=
                    "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"4\" fill=\"#0b4f8a\"><title>\(p.period): \(NumberFormatting.fixed(v, decimals: 2))</title></circle>"
                svg +=
                    "<text x=\"\(f(x))\" y=\"\(f(y - 8))\" text-anchor=\"middle\">\(NumberFormatting.fixed(v, decimals: 2))</text>"
            }
        }
        if coordinates.count > 1 {
            let line: String = coordinates.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"#0b4f8a\" stroke-width=\"2\" points=\"\(line)\"/>"
        }
        return svg + "</svg>"
    }

    private static func f(_ x: Double) -> String { NumberFormatting.fixed(x, decimals: 1) }
}
