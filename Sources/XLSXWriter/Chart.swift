/// A chart drawn on a sheet, with its data taken from cell ranges.
///
/// For example:
/// ```swift
/// let scores = Chart(
///     kind: .bar, title: "Điểm theo đơn vị",
///     series: [ChartSeries(name: "Điểm", categories: "C2:C35", values: "E2:E35", color: 0x2E75B6)],
///     valueAxisTitle: "Điểm", anchor: "L2", width: 720, height: 900)
/// ```
public struct Chart: Hashable, Sendable {
    /// The kind of chart.
    public var kind: Kind
    /// The title above the chart, or `nil` for none.
    public var title: String?
    /// The data series; at least one.
    public var series: [ChartSeries]
    /// The title of the category axis (the units), or `nil`.
    public var categoryAxisTitle: String?
    /// The title of the value axis (the numbers), or `nil`.
    public var valueAxisTitle: String?
    /// The cell under the chart's top-left corner.
    public var anchor: CellAddress
    /// The width in pixels (Excel's default is 480).
    public var width: Int
    /// The height in pixels (Excel's default is 288).
    public var height: Int
    /// Whether the legend is shown (at the bottom).
    public var showsLegend: Bool

    /// Creates a chart.
    ///
    /// - Parameters:
    ///   - kind: The kind of chart.
    ///   - title: The title above the chart.
    ///   - series: The data series; at least one.
    ///   - categoryAxisTitle: The category axis title.
    ///   - valueAxisTitle: The value axis title.
    ///   - anchor: The cell under the top-left corner.
    ///   - width: The width in pixels.
    ///   - height: The height in pixels.
    ///   - showsLegend: Whether the legend is shown.
    public init(
        kind: Kind,
        title: String? = nil,
        series: [ChartSeries],
        categoryAxisTitle: String? = nil,
        valueAxisTitle: String? = nil,
        anchor: CellAddress,
        width: Int = 480,
        height: Int = 288,
        showsLegend: Bool = true
    ) {
        self.kind = kind
        self.title = title
        self.series = series
        self.categoryAxisTitle = categoryAxisTitle
        self.valueAxisTitle = valueAxisTitle
        self.anchor = anchor
        self.width = width
        self.height = height
        self.showsLegend = showsLegend
    }

    /// The kinds of chart.
    public enum Kind: Hashable, Sendable {
        /// Horizontal bars: categories down the side, values across.
        case bar
        /// Vertical columns: categories across, values up.
        case column
        /// A radar (spider) chart: one spoke per category, such as a pillar profile.
        case radar
    }
}

/// One data series of a chart: a name, category labels and values.
public struct ChartSeries: Hashable, Sendable {
    /// The name shown in the legend, or `nil`.
    public var name: String?
    /// The cells that hold the category labels, such as unit names.
    public var categories: CellRange
    /// The cells that hold the values; as many as the categories.
    public var values: CellRange
    /// The sheet that holds both ranges, or `nil` for the chart's own sheet.
    ///
    /// Either the name given in the ``Spreadsheet`` or, for a long name, its truncated form.
    public var sheet: String?
    /// The fill (bars, columns) or line (radar) colour, or `nil` for the chart style's colour.
    public var color: Color?

    /// Creates a data series.
    ///
    /// - Parameters:
    ///   - name: The name shown in the legend.
    ///   - categories: The cells with the category labels.
    ///   - values: The cells with the values.
    ///   - sheet: The sheet that holds the ranges, or `nil` for the chart's own sheet.
    ///   - color: The series colour.
    public init(
        name: String? = nil, categories: CellRange, values: CellRange, sheet: String? = nil, color: Color? = nil
    ) {
        self.name = name
        self.categories = categories
        self.values = values
        self.sheet = sheet
        self.color = color
    }
}
