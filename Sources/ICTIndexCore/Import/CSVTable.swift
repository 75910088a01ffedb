import Localization

/// A table read from a CSV file (RFC 4180), with the file line of every row kept for messages.
///
/// The parser reads what spreadsheets in Vietnam actually write:
/// - UTF-8 with or without a byte order mark;
/// - `,` or `;` as the separator, detected from the header line: the one that gives more columns
///   outside quotes wins, and `,` wins a tie;
/// - quoted cells with `""` for a quote and with embedded line breaks;
/// - CRLF, LF or CR line ends (a line break inside a quoted cell becomes `\n`);
/// - spaces (and non-breaking spaces) around unquoted cells are trimmed; quoted cells are kept as written;
/// - empty lines, and rows whose cells are all empty (`;;;`), are skipped.
///
/// Every row has as many cells as the header: a short row is an error (D015), and so is an extra cell
/// with text; extra cells that are empty (trailing separators) are ignored. A short row that contains
/// the other separator gets its own message: the header and the rows use different separators. Column
/// numbers in diagnostics are 1-based cell indexes, not character offsets, so they match a
/// spreadsheet's columns.
///
/// The table keeps the cells as byte ranges of one buffer (the file's bytes), not as a string per cell,
/// so reading a large file allocates a few arrays; ``rows`` builds strings when asked.
///
/// For example:
/// ```swift
/// let table = try CSVTable.parse("\u{FEFF}unit;staff\nSTTTT;\"1.234,5\"\n", file: "data.csv")
/// table.separator        // ";"
/// table.rows[0].line     // 2
/// table.rows[0][1]       // "1.234,5"
/// ```
public struct CSVTable: Hashable, Sendable {
    /// One row of data (not the header).
    public struct Row: Hashable, Sendable {
        /// The 1-based line of the file where the row starts; the header is usually line 1.
        public var line: Int
        /// The cells, in column order; may be shorter than the header.
        public var cells: [String]

        /// Creates a row.
        ///
        /// - Parameters:
        ///   - line: the 1-based file line where the row starts.
        ///   - cells: the cells in column order.
        public init(line: Int, cells: [String]) {
            self.line = line
            self.cells = cells
        }

        /// The cell in a 0-based column, or `""` past the end of the row.
        public subscript(column: Int) -> String {
            column >= 0 && column < cells.count ? cells[column] : ""
        }
    }

    /// The file name used in messages.
    public var file: String
    /// The separator the file uses: `,` or `;`.
    public var separator: Character
    /// The column names, trimmed, as written.
    public var header: [String]
    /// The 1-based file line of the header.
    public var headerLine: Int
    /// The data rows' cells.
    var cells: Cells

    /// The data rows, in file order, without empty rows.
    public var rows: [Row] {
        get { (0..<cells.rowCount).map { Row(line: cells.lines[$0], cells: cells.texts(ofRow: $0)) } }
        set { cells = Cells(rows: newValue) }
    }

    /// Creates a table from already split cells, for readers of other formats (XLSX) and tests.
    ///
    /// - Parameters:
    ///   - file: the file name used in messages.
    ///   - separator: the separator the source used, if any.
    ///   - header: the column names.
    ///   - headerLine: the 1-based line (or sheet row) of the header.
    ///   - rows: the data rows.
    public init(
        file: String, separator: Character = ",", header: [String], headerLine: Int = 1, rows: [Row]
    ) {
        self.file = file
        self.separator = separator
        self.header = header
        self.headerLine = headerLine
        self.cells = Cells(rows: rows)
    }

    init(file: String, separator: Character, header: [String], headerLine: Int, cells: Cells) {
        self.file = file
        self.separator = separator
        self.header = header
        self.headerLine = headerLine
        self.cells = cells
    }

    /// Parses the text of a CSV file.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the file name used in messages.
    /// - Returns: the header and the rows.
    /// - Throws: ``ValidationFailure`` listing every problem: D013 when the file is empty, D015 for a
    ///   quote that is never closed, text after a closing quote, or a row with fewer or more cells than
    ///   the header.
    public static func parse(_ text: String, file: String) throws(ValidationFailure) -> CSVTable {
        let (table, diagnostics) = parseCollecting(text, file: file)
        if diagnostics.hasErrors { throw ValidationFailure(diagnostics: diagnostics) }
        return table
    }

    /// Parses the bytes of a CSV file (UTF-8; invalid bytes read as U+FFFD where they reach a message or
    /// a text cell).
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - file: the file name used in messages.
    /// - Returns: the header and the rows.
    /// - Throws: ``ValidationFailure``, as ``parse(_:file:)``.
    public static func parse(bytes: [UInt8], file: String) throws(ValidationFailure) -> CSVTable {
        let (table, diagnostics) = parseCollecting(bytes: bytes, file: file)
        if diagnostics.hasErrors { throw ValidationFailure(diagnostics: diagnostics) }
        return table
    }

    /// Parses as much as possible and returns the problems next to the table, so a reader can
    /// report them together with its own.
    static func parseCollecting(_ text: String, file: String) -> (
        table: CSVTable, diagnostics: [Diagnostic]
    ) {
        parseCollecting(bytes: Array(text.utf8), file: file)
    }

    /// Parses bytes as much as possible and returns the problems next to the table.
    static func parseCollecting(bytes: [UInt8], file: String) -> (
        table: CSVTable, diagnostics: [Diagnostic]
    ) {
        // The scanner works on UTF-8 bytes: every character that structures a CSV file is ASCII, and
        // no byte of a multi-byte UTF-8 sequence is ASCII, so splitting on bytes never cuts a letter.
        var bytes = bytes
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let separator = detectSeparator(bytes[bom...])
        var scanner = CSVScanner(
            file: file, separator: separator == ";" ? UInt8(ascii: ";") : UInt8(ascii: ","))
        scanner.scan(&bytes, from: bom)
        let table = CSVTable(
            file: file, separator: separator, header: scanner.header ?? [],
            headerLine: scanner.headerLine,
            cells: scanner.cells)
        var diagnostics = scanner.log.listed + scanner.log.summaries(file: file)
        if scanner.header == nil && !diagnostics.hasErrors {
            diagnostics.append(
                .error(
                    .emptyFile, at: SourceLocation(file: file), subject: .table(name: file, row: 0),
                    Words(vi: "tệp trống", en: "the file is empty"),
                    hint: Words(
                        vi: "dòng đầu tiên phải ghi tên các cột, ví dụ: unit,staff",
                        en: "the first line must name the columns, such as: unit,staff")))
        }
        return (table, diagnostics)
    }

    /// `,` or `;`, whichever gives the first non-empty line more columns outside quotes; `,` on a tie.
    static func detectSeparator(_ bytes: ArraySlice<UInt8>) -> Character {
        var commas = 0
        var semicolons = 0
        var inQuotes = false
        var seenText = false
        for byte in bytes {
            if inQuotes {
                if byte == UInt8(ascii: "\"") { inQuotes = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inQuotes = true
                seenText = true
            case UInt8(ascii: ","):
                commas += 1
                seenText = true
            case UInt8(ascii: ";"):
                semicolons += 1
                seenText = true
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                if seenText { return semicolons > commas ? ";" : "," }
            case UInt8(ascii: " "), UInt8(ascii: "\t"): break
            default: seenText = true
            }
        }
        return semicolons > commas ? ";" : ","
    }

    // MARK: - Cell access for readers

    /// The number of data rows.
    var rowCount: Int { cells.rowCount }

    /// The 1-based file line where a data row starts.
    func line(ofRow row: Int) -> Int { cells.lines[row] }

    /// The text of a cell, or `""` past the end of its row.
    func text(row: Int, column: Int) -> String { cells.text(row: row, column: column) }

    /// Whether a cell is empty (or past the end of its row).
    func isEmpty(row: Int, column: Int) -> Bool { cells.range(row: row, column: column).isEmpty }

    /// Whether any row has text in a column.
    func hasText(inColumn column: Int) -> Bool {
        (0..<rowCount).contains { !isEmpty(row: $0, column: column) }
    }

    public static func == (lhs: CSVTable, rhs: CSVTable) -> Bool {
        lhs.file == rhs.file && lhs.separator == rhs.separator && lhs.header == rhs.header
            && lhs.headerLine == rhs.headerLine && lhs.rows == rhs.rows
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(header)
        hasher.combine(rows)
    }
}

extension CSVTable {
    /// The cells of the data rows as byte ranges of one buffer: a row's cells are
    /// `rowStarts[r] ..< rowStarts[r + 1]`, and cell `k`'s text is `bytes[starts[k] ..< ends[k]]`.
    struct Cells: Sendable {
        var bytes: [UInt8] = []
        var starts: [UInt32] = []
        var ends: [UInt32] = []
        var rowStarts: [Int] = [0]
        var lines: [Int] = []

        var rowCount: Int { lines.count }

        init() {}

        /// Cells copied from rows of strings (XLSX sheets, tests).
        init(rows: [Row]) {
            for row in rows {
                for cell in row.cells {
                    starts.append(UInt32(truncatingIfNeeded: bytes.count))
                    bytes.append(contentsOf: cell.utf8)
                    ends.append(UInt32(truncatingIfNeeded: bytes.count))
                }
                rowStarts.append(starts.count)
                lines.append(row.line)
            }
        }

        /// The byte range of a cell; empty past the end of its row.
        func range(row: Int, column: Int) -> Range<Int> {
            let k = rowStarts[row] + column
            guard column >= 0, k < rowStarts[row + 1] else { return 0..<0 }
            return Int(starts[k])..<Int(ends[k])
        }

        func text(row: Int, column: Int) -> String {
            let range = range(row: row, column: column)
            if range.isEmpty { return "" }
            return bytes.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self)
            }
        }

        func texts(ofRow row: Int) -> [String] {
            (0..<(rowStarts[row + 1] - rowStarts[row])).map { text(row: row, column: $0) }
        }

        /// Calls `body` with a view of the cells' bytes that reads without copying.
        func withBytes<R>(_ body: (CellBytes) throws -> R) rethrows -> R {
            try bytes.withUnsafeBufferPointer { buffer in
                try starts.withUnsafeBufferPointer { starts in
                    try ends.withUnsafeBufferPointer { ends in
                        try rowStarts.withUnsafeBufferPointer { rowStarts in
                            try body(CellBytes(bytes: buffer, starts: starts, ends: ends, rowStarts: rowStarts))
                        }
                    }
                }
            }
        }
    }

    /// The cells' bytes, valid inside ``Cells/withBytes(_:)``.
    struct CellBytes {
        let bytes: UnsafeBufferPointer<UInt8>
        let starts: UnsafeBufferPointer<UInt32>
        let ends: UnsafeBufferPointer<UInt32>
        let rowStarts: UnsafeBufferPointer<Int>

        /// The bytes of a cell; empty past the end of its row.
        @inline(__always)
        subscript(row: Int, column: Int) -> UnsafeBufferPointer<UInt8> {
            let k = rowStarts[row] &+ column
            guard k < rowStarts[row &+ 1] else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(rebasing: bytes[Int(starts[k])..<Int(ends[k])])
        }
    }
}
