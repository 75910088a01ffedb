/// An RGB colour, such as `0x1F4E79` (dark blue).
///
/// For example:
/// ```swift
/// let band: Color = 0xC6EFCE      // light green
/// let same = Color(rgb: 0xC6EFCE)
/// ```
public struct Color: Hashable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// The colour as 0xRRGGBB; bits above the lowest 24 are ignored.
    public var rgb: UInt32

    /// Creates a colour from 0xRRGGBB.
    ///
    /// - Parameter rgb: Red, green and blue in the lowest 24 bits.
    public init(rgb: UInt32) {
        self.rgb = rgb & 0xFF_FFFF
    }

    /// Creates a colour from an integer literal such as `0xFF0000`.
    ///
    /// - Parameter value: Red, green and blue in the lowest 24 bits.
    public init(integerLiteral value: UInt32) {
        self.init(rgb: value)
    }

    /// The colour as Excel writes it, "#RRGGBB".
    public var description: String {
        let hex = String(rgb, radix: 16, uppercase: true)
        return "#" + String(repeating: "0", count: max(0, 6 - hex.count)) + hex
    }

    /// Black, 0x000000.
    public static let black: Color = 0x000000
    /// White, 0xFFFFFF.
    public static let white: Color = 0xFFFFFF
}

/// The look of a cell: font, fill, number format, alignment, borders and protection.
///
/// A style is a plain value. Cells that share equal styles share one format in the workbook, because the writer
/// turns each distinct style into exactly one libxlsxwriter format. ``default`` is Excel's default look
/// (Calibri 11, no fill, "General").
///
/// For example:
/// ```swift
/// var header = CellStyle(bold: true, fillColor: 0x1F4E79)
/// header.fontColor = .white
/// header.horizontalAlignment = .center
/// header.borders = .all(Border(.thin))
/// let score = CellStyle(numberFormat: "0.00")
/// ```
public struct CellStyle: Hashable, Sendable {
    /// Excel's default style: every property unset.
    public static let `default` = CellStyle()

    /// The properties, in one immutable, shared box.
    ///
    /// A box keeps a ``Cell`` small (a pointer instead of some 135 bytes), and equal styles usually compare by
    /// identity. Setting a property makes a new box.
    private var box: Box

    /// Whether the font is bold.
    public var bold: Bool {
        get { box.attributes.bold }
        set { update { $0.bold = newValue } }
    }
    /// Whether the font is italic.
    public var italic: Bool {
        get { box.attributes.italic }
        set { update { $0.italic = newValue } }
    }
    /// The font size in points, or `nil` for Excel's default (11).
    ///
    /// Excel accepts 1…409.
    public var fontSize: Double? {
        get { box.attributes.fontSize }
        set { update { $0.fontSize = newValue } }
    }
    /// The font name, such as "Times New Roman", or `nil` for Excel's default (Calibri).
    public var fontName: String? {
        get { box.attributes.fontName }
        set { update { $0.fontName = newValue } }
    }
    /// The font colour, or `nil` for automatic (black).
    public var fontColor: Color? {
        get { box.attributes.fontColor }
        set { update { $0.fontColor = newValue } }
    }
    /// The solid background fill, or `nil` for none.
    public var fillColor: Color? {
        get { box.attributes.fillColor }
        set { update { $0.fillColor = newValue } }
    }
    /// The number format, such as "0.00", "#,##0" or "dd/mm/yyyy", or `nil` for "General".
    ///
    /// libxlsxwriter keeps at most 127 bytes of a format; a longer one is an error.
    public var numberFormat: String? {
        get { box.attributes.numberFormat }
        set { update { $0.numberFormat = newValue } }
    }
    /// The horizontal alignment, or `nil` for Excel's default (text left, numbers right).
    public var horizontalAlignment: HorizontalAlignment? {
        get { box.attributes.horizontalAlignment }
        set { update { $0.horizontalAlignment = newValue } }
    }
    /// The vertical alignment, or `nil` for Excel's default (bottom).
    public var verticalAlignment: VerticalAlignment? {
        get { box.attributes.verticalAlignment }
        set { update { $0.verticalAlignment = newValue } }
    }
    /// Whether text wraps onto several lines inside the cell.
    public var wrapsText: Bool {
        get { box.attributes.wrapsText }
        set { update { $0.wrapsText = newValue } }
    }
    /// The indentation level, 0…15 (one level is about the width of one character).
    public var indent: Int {
        get { box.attributes.indent }
        set { update { $0.indent = newValue } }
    }
    /// The cell's borders.
    public var borders: Borders {
        get { box.attributes.borders }
        set { update { $0.borders = newValue } }
    }
    /// Whether the cell is locked when its sheet is protected (Excel's default is `true`).
    ///
    /// Locking has no effect until the sheet has a ``Sheet/protection``.
    public var isLocked: Bool {
        get { box.attributes.isLocked }
        set { update { $0.isLocked = newValue } }
    }
    /// Whether the formula is hidden from the formula bar when the sheet is protected.
    public var hidesFormula: Bool {
        get { box.attributes.hidesFormula }
        set { update { $0.hidesFormula = newValue } }
    }

    /// Creates a style; every property defaults to Excel's default.
    ///
    /// - Parameters:
    ///   - bold: Whether the font is bold.
    ///   - italic: Whether the font is italic.
    ///   - fontSize: The font size in points.
    ///   - fontName: The font name.
    ///   - fontColor: The font colour.
    ///   - fillColor: The solid background fill.
    ///   - numberFormat: The number format, such as "0.00".
    ///   - horizontalAlignment: The horizontal alignment.
    ///   - verticalAlignment: The vertical alignment.
    ///   - wrapsText: Whether text wraps inside the cell.
    ///   - indent: The indentation level, 0…15.
    ///   - borders: The cell's borders.
    ///   - isLocked: Whether the cell is locked on a protected sheet.
    ///   - hidesFormula: Whether the formula is hidden on a protected sheet.
    public init(
        bold: Bool = false,
        italic: Bool = false,
        fontSize: Double? = nil,
        fontName: String? = nil,
        fontColor: Color? = nil,
        fillColor: Color? = nil,
        numberFormat: String? = nil,
        horizontalAlignment: HorizontalAlignment? = nil,
        verticalAlignment: VerticalAlignment? = nil,
        wrapsText: Bool = false,
        indent: Int = 0,
        borders: Borders = .none,
        isLocked: Bool = true,
        hidesFormula: Bool = false
    ) {
        box = Box(
            Attributes(
                bold: bold, italic: italic, fontSize: fontSize, fontName: fontName, fontColor: fontColor,
                fillColor: fillColor, numberFormat: numberFormat, horizontalAlignment: horizontalAlignment,
                verticalAlignment: verticalAlignment, wrapsText: wrapsText, indent: indent, borders: borders,
                isLocked: isLocked, hidesFormula: hidesFormula))
    }

    /// Compares the properties; styles that share a box are equal at once.
    public static func == (lhs: CellStyle, rhs: CellStyle) -> Bool {
        lhs.box === rhs.box || (lhs.box.hash == rhs.box.hash && lhs.box.attributes == rhs.box.attributes)
    }

    /// Hashes the properties (the hash is computed once, when the style is made).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(box.hash)
    }

    private mutating func update(_ change: (inout Attributes) -> Void) {
        var attributes = box.attributes
        change(&attributes)
        box = Box(attributes)
    }

    struct Attributes: Hashable, Sendable {
        var bold: Bool
        var italic: Bool
        var fontSize: Double?
        var fontName: String?
        var fontColor: Color?
        var fillColor: Color?
        var numberFormat: String?
        var horizontalAlignment: HorizontalAlignment?
        var verticalAlignment: VerticalAlignment?
        var wrapsText: Bool
        var indent: Int
        var borders: Borders
        var isLocked: Bool
        var hidesFormula: Bool
    }

    /// Immutable, so it is `Sendable` without locks.
    final class Box: Sendable {
        let attributes: Attributes
        let hash: Int

        init(_ attributes: Attributes) {
            self.attributes = attributes
            self.hash = attributes.hashValue
        }
    }

    /// Horizontal placement of a cell's content.
    public enum HorizontalAlignment: Hashable, Sendable {
        /// Flush left.
        case left
        /// Centred in the cell.
        case center
        /// Flush right.
        case right
        /// Repeated to fill the cell.
        case fill
        /// Justified across the cell's width.
        case justify
        /// Centred across the selection: the text spans the following empty cells without merging them.
        case centerAcross
        /// Distributed evenly.
        case distributed
    }

    /// Vertical placement of a cell's content.
    public enum VerticalAlignment: Hashable, Sendable {
        /// At the top of the cell.
        case top
        /// In the middle of the cell.
        case center
        /// At the bottom of the cell (Excel's default).
        case bottom
        /// Justified over the cell's height.
        case justify
        /// Distributed evenly.
        case distributed
    }
}

/// One side of a cell's border: a line style and an optional colour.
///
/// For example:
/// ```swift
/// let grid = Border(.thin, color: 0xBFBFBF)
/// ```
public struct Border: Hashable, Sendable {
    /// The line style.
    public var style: Style
    /// The line colour, or `nil` for automatic (black).
    public var color: Color?

    /// Creates a border side.
    ///
    /// - Parameters:
    ///   - style: The line style.
    ///   - color: The line colour, or `nil` for automatic.
    public init(_ style: Style, color: Color? = nil) {
        self.style = style
        self.color = color
    }

    /// The line styles Excel draws.
    public enum Style: Hashable, Sendable {
        /// A thin line.
        case thin
        /// A medium line.
        case medium
        /// A thick line.
        case thick
        /// A thin dashed line.
        case dashed
        /// A thin dotted line.
        case dotted
        /// Two thin lines.
        case double
        /// The thinnest line (hairline).
        case hair
    }
}

/// The four borders of a cell; `nil` sides have no border.
public struct Borders: Hashable, Sendable {
    /// The top border.
    public var top: Border?
    /// The bottom border.
    public var bottom: Border?
    /// The left border.
    public var left: Border?
    /// The right border.
    public var right: Border?

    /// Creates borders side by side.
    ///
    /// - Parameters:
    ///   - top: The top border.
    ///   - bottom: The bottom border.
    ///   - left: The left border.
    ///   - right: The right border.
    public init(top: Border? = nil, bottom: Border? = nil, left: Border? = nil, right: Border? = nil) {
        self.top = top
        self.bottom = bottom
        self.left = left
        self.right = right
    }

    /// No borders.
    public static let none = Borders()

    /// The same border on all four sides.
    ///
    /// - Parameter border: The border for every side.
    /// - Returns: Borders with `border` on top, bottom, left and right.
    public static func all(_ border: Border) -> Borders {
        Borders(top: border, bottom: border, left: border, right: border)
    }
}
