/// A format that Excel applies to cells depending on their values.
///
/// For example:
/// ```swift
/// let bars = ConditionalFormat("E2:E35", rule: .dataBar(color: 0x638EC6))
/// let heat = ConditionalFormat(
///     "F2:J35", rule: .threeColorScale(minimum: 0xF8696B, midpoint: 0xFFEB84, maximum: 0x63BE7B))
/// let good = ConditionalFormat(
///     "E2:E35", rule: .cell(.greaterThanOrEqualTo(80), style: CellStyle(fillColor: 0xC6EFCE)))
/// ```
public struct ConditionalFormat: Hashable, Sendable {
    /// The cells the format applies to.
    public var range: CellRange
    /// When and how the cells are formatted.
    public var rule: Rule

    /// Creates a conditional format.
    ///
    /// - Parameters:
    ///   - range: The cells the format applies to.
    ///   - rule: When and how the cells are formatted.
    public init(_ range: CellRange, rule: Rule) {
        self.range = range
        self.rule = rule
    }

    /// When and how a conditional format changes cells.
    public enum Rule: Hashable, Sendable {
        /// Shades each cell between two colours, from the lowest value to the highest.
        case twoColorScale(minimum: Color, maximum: Color)
        /// Shades each cell between three colours: lowest, 50th percentile, highest.
        case threeColorScale(minimum: Color, midpoint: Color, maximum: Color)
        /// Draws a bar in each cell, as long as the value is large relative to the range.
        case dataBar(color: Color)
        /// Applies a style to cells whose value satisfies a comparison.
        ///
        /// Only the font, fill, border and number format of the style take effect.
        case cell(Comparison, style: CellStyle)
        /// Applies a style where a formula is true, written for the range's top-left cell, such as
        /// `"$F2=\"Tốt\""`.
        case formula(String, style: CellStyle)
    }

    /// A comparison of a cell's value with constants.
    public enum Comparison: Hashable, Sendable {
        /// lower ≤ value ≤ upper.
        case between(Double, Double)
        /// value < lower or value > upper.
        case notBetween(Double, Double)
        /// value = constant.
        case equalTo(Double)
        /// value ≠ constant.
        case notEqualTo(Double)
        /// value > constant.
        case greaterThan(Double)
        /// value ≥ constant.
        case greaterThanOrEqualTo(Double)
        /// value < constant.
        case lessThan(Double)
        /// value ≤ constant.
        case lessThanOrEqualTo(Double)
    }
}
