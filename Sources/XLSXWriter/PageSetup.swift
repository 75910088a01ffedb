/// How a sheet prints: orientation, paper, scaling, repeated rows, header, footer and margins.
///
/// Headers and footers use Excel's codes: `&L`, `&C`, `&R` start the left, centre and right sections, `&P` is the
/// page number, `&N` the number of pages, `&A` the sheet name, `&D` the date. Excel limits each to 255 characters.
///
/// For example:
/// ```swift
/// let print = PageSetup(orientation: .landscape, paperSize: .a4, fitToWidth: 1, repeatedRows: 0...1,
///                       footer: "&LBảng xếp hạng 2025&RTrang &P/&N", centersHorizontally: true)
/// ```
public struct PageSetup: Hashable, Sendable {
    /// Portrait or landscape.
    public var orientation: Orientation
    /// The paper size.
    public var paperSize: PaperSize
    /// Scale to this many pages wide (as many pages tall as needed), or `nil` to print at 100 %.
    public var fitToWidth: Int?
    /// Zero-based rows printed at the top of every page, such as `0...1`, or `nil`.
    public var repeatedRows: ClosedRange<Int>?
    /// The printed area, or `nil` for every used cell.
    public var printArea: CellRange?
    /// The page header, or `nil` for none.
    public var header: String?
    /// The page footer, or `nil` for none.
    public var footer: String?
    /// The page margins, or `nil` for Excel's defaults.
    public var margins: PageMargins?
    /// Whether the content is centred between the left and right margins.
    public var centersHorizontally: Bool
    /// The number of the sheet's first printed page, or `nil` to continue from the previous sheet.
    ///
    /// Set it to 1 to number each sheet's pages on their own: a workbook printed whole otherwise numbers its pages
    /// across every sheet. LibreOffice honours it for `&P`; its `&N` still counts the pages of the whole workbook.
    public var firstPageNumber: Int?
    /// Zero-based rows that start a new printed page (manual page breaks above them), such as a chart's first row.
    ///
    /// Excel ignores manual breaks on a sheet scaled with ``fitToWidth``; use them on sheets printed at 100 %.
    public var rowBreaks: [Int]

    /// Creates print settings; the defaults are Excel's (portrait, default paper, 100 %).
    ///
    /// - Parameters:
    ///   - orientation: Portrait or landscape.
    ///   - paperSize: The paper size.
    ///   - fitToWidth: The number of pages wide to scale to.
    ///   - repeatedRows: Zero-based rows printed on every page.
    ///   - printArea: The printed area.
    ///   - header: The page header.
    ///   - footer: The page footer.
    ///   - margins: The page margins.
    ///   - centersHorizontally: Whether the content is centred horizontally.
    ///   - firstPageNumber: The number of the first page, or `nil` to continue the workbook's numbering.
    ///   - rowBreaks: Zero-based rows that start a new page.
    public init(
        orientation: Orientation = .portrait,
        paperSize: PaperSize = .printerDefault,
        fitToWidth: Int? = nil,
        repeatedRows: ClosedRange<Int>? = nil,
        printArea: CellRange? = nil,
        header: String? = nil,
        footer: String? = nil,
        margins: PageMargins? = nil,
        centersHorizontally: Bool = false,
        firstPageNumber: Int? = nil,
        rowBreaks: [Int] = []
    ) {
        self.orientation = orientation
        self.paperSize = paperSize
        self.fitToWidth = fitToWidth
        self.repeatedRows = repeatedRows
        self.printArea = printArea
        self.header = header
        self.footer = footer
        self.margins = margins
        self.centersHorizontally = centersHorizontally
        self.firstPageNumber = firstPageNumber
        self.rowBreaks = rowBreaks
    }

    /// The direction of the printed page.
    public enum Orientation: Hashable, Sendable {
        /// Taller than wide.
        case portrait
        /// Wider than tall.
        case landscape
    }

    /// A paper size, by Excel's paper code.
    public struct PaperSize: Hashable, Sendable {
        /// Excel's paper code (`paperSize` in the file): 0 is the printer's default, 9 is A4.
        public var code: Int

        /// Creates a paper size from Excel's paper code.
        ///
        /// - Parameter code: The code, 0…255 (see Excel's `paperSize` list).
        public init(code: Int) {
            self.code = code
        }

        /// The printer's default paper.
        public static let printerDefault = PaperSize(code: 0)
        /// US Letter, 8½ × 11 in.
        public static let letter = PaperSize(code: 1)
        /// A3, 297 × 420 mm.
        public static let a3 = PaperSize(code: 8)
        /// A4, 210 × 297 mm.
        public static let a4 = PaperSize(code: 9)
    }
}

/// Page margins in inches.
public struct PageMargins: Hashable, Sendable {
    /// The left margin.
    public var left: Double
    /// The right margin.
    public var right: Double
    /// The top margin.
    public var top: Double
    /// The bottom margin.
    public var bottom: Double

    /// Creates margins in inches; Excel's defaults are 0.7 left and right, 0.75 top and bottom.
    ///
    /// - Parameters:
    ///   - left: The left margin.
    ///   - right: The right margin.
    ///   - top: The top margin.
    ///   - bottom: The bottom margin.
    public init(left: Double = 0.7, right: Double = 0.7, top: Double = 0.75, bottom: Double = 0.75) {
        self.left = left
        self.right = right
        self.top = top
        self.bottom = bottom
    }
}
