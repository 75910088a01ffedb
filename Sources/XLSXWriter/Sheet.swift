/// One worksheet: its cells, layout, formats, charts and print settings.
///
/// Cells are rows of ``Cell`` values starting at A1; rows may have different lengths, and ``Cell/empty`` leaves a
/// cell unwritten. The writer writes rows top to bottom and each row left to right, which is what
/// ``WriteOptions/constantMemory`` requires.
///
/// For example:
/// ```swift
/// var sheet = Sheet(name: "Tổng hợp", rows: [
///     [.text("STT"), .text("Đơn vị"), .text("Điểm")],
///     [.number(1), .text("Sở Tài chính"), .number(91.5)],
/// ])
/// sheet.columns = [Column(1, width: 40)]
/// sheet.freezePanes = "A2"
/// sheet.autoFilter = "A1:C2"
/// ```
public struct Sheet: Hashable, Sendable {
    /// The sheet's tab name.
    ///
    /// Excel forbids `[ ] : * ? / \`, a leading or trailing apostrophe, and names used twice (ignoring case). A name
    /// longer than 31 characters is truncated with a warning.
    public var name: String
    /// The cells, row by row from row 0 (Excel's row 1); each row starts at column A.
    public var rows: [[Cell]]
    /// Column widths, styles and visibility.
    public var columns: [Column]
    /// Row heights in points, by zero-based row (Excel's default height is 15).
    public var rowHeights: [Int: Double]
    /// Merged ranges, each with the value shown in the merged area.
    public var merges: [Merge]
    /// The first cell that scrolls, or `nil` to freeze nothing.
    ///
    /// Rows above it and columns left of it stay frozen: `"A2"` freezes the header row, `"B2"` the header row
    /// and column A.
    public var freezePanes: CellAddress?
    /// The range that gets filter buttons on its first row, or `nil` for none.
    public var autoFilter: CellRange?
    /// Conditional formats, applied in order of priority (first is highest).
    public var conditionalFormats: [ConditionalFormat]
    /// Charts drawn on the sheet.
    public var charts: [Chart]
    /// Print settings.
    public var pageSetup: PageSetup
    /// Protection against edits, or `nil` for an unprotected sheet.
    public var protection: SheetProtection?
    /// Rules that restrict what users may type into cells.
    public var dataValidations: [DataValidation]
    /// Whether the sheet's tab is shown.
    public var visibility: Visibility
    /// The tab's colour, or `nil` for Excel's default.
    public var tabColor: Color?
    /// The zoom in percent, 10…400, or `nil` for 100.
    public var zoom: Int?
    /// Whether gridlines are shown on screen.
    public var showsGridlines: Bool

    /// Creates a sheet; everything except the name defaults to an empty, unformatted sheet.
    ///
    /// - Parameters:
    ///   - name: The tab name.
    ///   - rows: The cells, row by row from A1.
    ///   - columns: Column widths, styles and visibility.
    ///   - rowHeights: Row heights in points, by zero-based row.
    ///   - merges: Merged ranges with their values.
    ///   - freezePanes: The first cell that scrolls.
    ///   - autoFilter: The range with filter buttons.
    ///   - conditionalFormats: Conditional formats, highest priority first.
    ///   - charts: Charts drawn on the sheet.
    ///   - pageSetup: Print settings.
    ///   - protection: Protection against edits.
    ///   - dataValidations: Input rules.
    ///   - visibility: Whether the tab is shown.
    ///   - tabColor: The tab's colour.
    ///   - zoom: The zoom in percent.
    ///   - showsGridlines: Whether gridlines are shown on screen.
    public init(
        name: String,
        rows: [[Cell]] = [],
        columns: [Column] = [],
        rowHeights: [Int: Double] = [:],
        merges: [Merge] = [],
        freezePanes: CellAddress? = nil,
        autoFilter: CellRange? = nil,
        conditionalFormats: [ConditionalFormat] = [],
        charts: [Chart] = [],
        pageSetup: PageSetup = PageSetup(),
        protection: SheetProtection? = nil,
        dataValidations: [DataValidation] = [],
        visibility: Visibility = .visible,
        tabColor: Color? = nil,
        zoom: Int? = nil,
        showsGridlines: Bool = true
    ) {
        self.name = name
        self.rows = rows
        self.columns = columns
        self.rowHeights = rowHeights
        self.merges = merges
        self.freezePanes = freezePanes
        self.autoFilter = autoFilter
        self.conditionalFormats = conditionalFormats
        self.charts = charts
        self.pageSetup = pageSetup
        self.protection = protection
        self.dataValidations = dataValidations
        self.visibility = visibility
        self.tabColor = tabColor
        self.zoom = zoom
        self.showsGridlines = showsGridlines
    }

    /// The cell at an address; setting a cell beyond the current rows pads them with ``Cell/empty``.
    ///
    /// - Parameter address: The cell's zero-based position.
    /// - Precondition: The address is not negative when setting.
    public subscript(address: CellAddress) -> Cell {
        get {
            guard rows.indices.contains(address.row), rows[address.row].indices.contains(address.column) else {
                return .empty
            }
            return rows[address.row][address.column]
        }
        set {
            precondition(address.row >= 0 && address.column >= 0, "cell address \(address) is negative")
            if rows.count <= address.row {
                rows.append(contentsOf: repeatElement([], count: address.row + 1 - rows.count))
            }
            if rows[address.row].count <= address.column {
                rows[address.row].append(
                    contentsOf: repeatElement(.empty, count: address.column + 1 - rows[address.row].count))
            }
            rows[address.row][address.column] = newValue
        }
    }

    /// Whether a sheet's tab is shown.
    ///
    /// libxlsxwriter 1.1.4 writes only `state="hidden"`, so there is no "very hidden" state here.
    public enum Visibility: Hashable, Sendable {
        /// The tab is shown.
        case visible
        /// The tab is hidden; users can unhide it from Excel's menu.
        case hidden
    }
}

/// The width, default style and visibility of one column or a run of columns.
///
/// For example:
/// ```swift
/// let name = Column(1, width: 42)                       // column B
/// let pillars = Column(5...9, width: 9, style: CellStyle(numberFormat: "0.0"))
/// ```
public struct Column: Hashable, Sendable {
    /// The zero-based columns this applies to.
    public var columns: ClosedRange<Int>
    /// The width in characters of the default font, or `nil` for Excel's default (8.43).
    public var width: Double?
    /// The style of cells in the column that have no style of their own.
    public var style: CellStyle
    /// Whether the columns are hidden.
    public var isHidden: Bool

    /// Creates settings for a run of columns.
    ///
    /// - Parameters:
    ///   - columns: The zero-based columns, such as `0...2` for "A" to "C".
    ///   - width: The width in characters, or `nil` for Excel's default.
    ///   - style: The default style for the columns' cells.
    ///   - isHidden: Whether the columns are hidden.
    public init(_ columns: ClosedRange<Int>, width: Double? = nil, style: CellStyle = .default, isHidden: Bool = false)
    {
        self.columns = columns
        self.width = width
        self.style = style
        self.isHidden = isHidden
    }

    /// Creates settings for one column.
    ///
    /// - Parameters:
    ///   - column: The zero-based column (0 is "A").
    ///   - width: The width in characters, or `nil` for Excel's default.
    ///   - style: The default style for the column's cells.
    ///   - isHidden: Whether the column is hidden.
    public init(_ column: Int, width: Double? = nil, style: CellStyle = .default, isHidden: Bool = false) {
        self.init(column...column, width: width, style: style, isHidden: isHidden)
    }
}

/// A merged range and the value shown in it.
///
/// The value goes into the top-left cell, and its style is applied to every cell of the range, so borders and
/// fills cover the whole merged area. The cells of ``Sheet/rows`` inside the range must be ``Cell/empty``.
///
/// For example:
/// ```swift
/// let bold = CellStyle(bold: true, horizontalAlignment: .center)
/// let title = Merge("A1:H1", value: .text("BẢNG XẾP HẠNG", style: bold))
/// ```
public struct Merge: Hashable, Sendable {
    /// The merged cells; at least two.
    public var range: CellRange
    /// The value shown, with the style for the whole range.
    public var value: Cell

    /// Creates a merged range.
    ///
    /// - Parameters:
    ///   - range: The cells to merge; at least two.
    ///   - value: The value and style of the merged area.
    public init(_ range: CellRange, value: Cell) {
        self.range = range
        self.value = value
    }
}
