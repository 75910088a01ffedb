/// One worksheet: its rows of cells and merged ranges.
///
/// For example:
/// ```swift
/// let sheet = try XLSXDocument(contentsOf: url).sheet(named: "Đơn vị")
/// for row in sheet.rows { print(row.number, row.texts) }
/// ```
public struct XLSXSheet: Hashable, Sendable {
    /// The tab name.
    public var name: String
    /// The rows present in the file, in row order; rows with no cells are left out.
    public var rows: [XLSXRow]
    /// The merged ranges, in file order.
    public var mergedRanges: [XLSXCellRange]

    /// Creates a sheet.
    ///
    /// - Parameters:
    ///   - name: the tab name.
    ///   - rows: the rows, in row order.
    ///   - mergedRanges: the merged ranges.
    public init(name: String, rows: [XLSXRow], mergedRanges: [XLSXCellRange] = []) {
        self.name = name
        self.rows = rows
        self.mergedRanges = mergedRanges
    }

    /// The cell at a reference, or nil when the file has none there.
    ///
    /// - Parameter reference: the cell's position.
    /// - Complexity: O(log r + log c) for r rows and c cells in the row.
    public func cell(at reference: XLSXCellReference) -> XLSXCell? {
        guard let row = Self.search(rows, for: reference.row, by: \.number) else { return nil }
        return Self.search(row.cells, for: reference.column, by: \.reference.column)
    }

    /// The cell at an A1-style reference such as `D14`, or nil.
    ///
    /// - Parameter reference: the reference.
    public subscript(_ reference: String) -> XLSXCell? {
        XLSXCellReference(reference).flatMap { cell(at: $0) }
    }

    private static func search<T>(_ items: [T], for key: Int, by keyPath: KeyPath<T, Int>) -> T? {
        var low = 0
        var high = items.count
        while low < high {
            let middle = (low + high) / 2
            let value = items[middle][keyPath: keyPath]
            if value == key { return items[middle] }
            if value < key { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}

/// A sheet as the workbook lists it: name, order and visibility.
public struct XLSXSheetInfo: Hashable, Sendable {
    /// Whether a tab is shown.
    public enum Visibility: Hashable, Sendable {
        /// Shown.
        case visible
        /// Hidden; users can unhide it.
        case hidden
        /// Hidden so that only a macro or a program can unhide it.
        case veryHidden
    }

    /// The tab name.
    public var name: String
    /// Whether the tab is shown.
    public var visibility: Visibility
    /// The part that holds the sheet, such as `xl/worksheets/sheet1.xml`.
    public var part: String
}

/// A name defined in the workbook, such as a named range or a print area.
public struct XLSXDefinedName: Hashable, Sendable {
    /// The name, such as `Diem` or `_xlnm.Print_Area`.
    public var name: String
    /// What it refers to, such as `'Tự đánh giá'!$D$5:$D$40`.
    public var formula: String
    /// The 0-based index of the sheet the name is local to, or nil for a workbook-wide name.
    public var localSheetIndex: Int?
    /// Whether the name is hidden.
    public var isHidden: Bool
}
