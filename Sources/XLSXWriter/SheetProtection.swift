/// Protection of a sheet against edits, with what users may still do.
///
/// On a protected sheet, cells whose style has ``CellStyle/isLocked`` (the default) cannot be changed. Excel's
/// sheet passwords only deter casual edits; they do not encrypt anything.
///
/// For example:
/// ```swift
/// var sheet = Sheet(name: "Tổng hợp")
/// sheet.protection = SheetProtection(password: "dic2025", allowsAutoFilter: true)
/// ```
public struct SheetProtection: Hashable, Sendable {
    /// The password that removes the protection, or `nil` for none.
    public var password: String?
    /// Whether users may select locked cells.
    public var allowsSelectingLockedCells: Bool
    /// Whether users may select unlocked cells.
    public var allowsSelectingUnlockedCells: Bool
    /// Whether users may change cell formats.
    public var allowsFormattingCells: Bool
    /// Whether users may change column widths and hide columns.
    public var allowsFormattingColumns: Bool
    /// Whether users may change row heights and hide rows.
    public var allowsFormattingRows: Bool
    /// Whether users may sort.
    public var allowsSorting: Bool
    /// Whether users may use the autofilter buttons.
    public var allowsAutoFilter: Bool

    /// Creates a protection; by default users may select cells and nothing else.
    ///
    /// - Parameters:
    ///   - password: The password that removes the protection.
    ///   - allowsSelectingLockedCells: Whether users may select locked cells.
    ///   - allowsSelectingUnlockedCells: Whether users may select unlocked cells.
    ///   - allowsFormattingCells: Whether users may change cell formats.
    ///   - allowsFormattingColumns: Whether users may change columns.
    ///   - allowsFormattingRows: Whether users may change rows.
    ///   - allowsSorting: Whether users may sort.
    ///   - allowsAutoFilter: Whether users may filter.
    public init(
        password: String? = nil,
        allowsSelectingLockedCells: Bool = true,
        allowsSelectingUnlockedCells: Bool = true,
        allowsFormattingCells: Bool = false,
        allowsFormattingColumns: Bool = false,
        allowsFormattingRows: Bool = false,
        allowsSorting: Bool = false,
        allowsAutoFilter: Bool = false
    ) {
        self.password = password
        self.allowsSelectingLockedCells = allowsSelectingLockedCells
        self.allowsSelectingUnlockedCells = allowsSelectingUnlockedCells
        self.allowsFormattingCells = allowsFormattingCells
        self.allowsFormattingColumns = allowsFormattingColumns
        self.allowsFormattingRows = allowsFormattingRows
        self.allowsSorting = allowsSorting
        self.allowsAutoFilter = allowsAutoFilter
    }
}
