/// How much a workbook may inflate to, and how many cells a sheet may hold: the bounds that keep a zip bomb or
/// an absurd file from exhausting the machine.
///
/// Sizes are checked while each part inflates, so a bomb is refused after at most `partSize` bytes (or
/// `ratio` times its compressed size), never read whole. A values workbook of 10,000 units × 49 variables is a
/// sheet part of about 20 MB, 490,000 cells, and compresses about 5 times.
struct XLSXLimits: Sendable {
    /// The most one part (sheet, shared strings, …) may inflate to.
    var partSize = 128 << 20
    /// The most the parts read for one sheet may inflate to together (workbook, relationships, shared strings,
    /// styles and the sheet).
    var packageSize = 256 << 20
    /// The most a part may inflate per byte of its compressed size, once it is past `ratioGrace` bytes. Office
    /// XML compresses 5–20 times; a deflate stream cannot exceed about 1,032 times.
    var ratio = 100
    /// The size below which the ratio is not checked (small parts of repeated text compress very well).
    var ratioGrace = 1 << 20
    /// The most entries the zip archive may list.
    var entries = 10_000
    /// The most cells one sheet may hold.
    var cellsPerSheet = 2_000_000

    static let standard = XLSXLimits()
}
