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
/// A row with fewer cells than the header reads the missing cells as empty. Extra cells that are
/// empty are ignored; an extra cell with text is an error. Column numbers in diagnostics are
/// 1-based cell indexes, not character offsets, so they match a spreadsheet's columns.
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
    /// The data rows, in file order, without empty rows.
    public var rows: [Row]

    /// Creates a table from already split cells, for readers of other formats (XLSX) and tests.
    ///
    /// - Parameters:
    ///   - file: the file name used in messages.
    ///   - separator: the separator the source used, if any.
    ///   - header: the column names.
    ///   - headerLine: the 1-based line (or sheet row) of the header.
    ///   - rows: the data rows.
    public init(file: String, separator: Character = ",", header: [String], headerLine: Int = 1, rows: [Row]) {
        self.file = file
        self.separator = separator
        self.header = header
        self.headerLine = headerLine
        self.rows = rows
    }

    /// Parses the text of a CSV file.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the file name used in messages.
    /// - Returns: the header and the rows.
    /// - Throws: ``ValidationFailure`` listing every problem: D013 when the file is empty, D015 for a
    ///   quote that is never closed, text after a closing quote, or a row with more cells than the header.
    public static func parse(_ text: String, file: String) throws(ValidationFailure) -> CSVTable {
        let (table, diagnostics) = parseCollecting(text, file: file)
        if diagnostics.hasErrors { throw ValidationFailure(diagnostics: diagnostics) }
        return table
    }

    /// Parses as much as possible and returns the problems next to the table, so a reader can
    /// report them together with its own.
    static func parseCollecting(_ text: String, file: String) -> (table: CSVTable, diagnostics: [Diagnostic]) {
        // The parser works on UTF-8 bytes: every character that structures a CSV file is ASCII, and
        // no byte of a multi-byte UTF-8 sequence is ASCII, so splitting on bytes never cuts a letter.
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let separator = detectSeparator(bytes)
        var parser = Parser(bytes: bytes, separator: separator == ";" ? UInt8(ascii: ";") : UInt8(ascii: ","), file: file)
        var diagnostics: [Diagnostic] = []
        var header: [String]?
        var headerLine = 1
        var rows: [Row] = []
        while let record = parser.nextRecord() {
            diagnostics += record.diagnostics
            if record.cells.allSatisfy(\.isEmpty) { continue }
            guard let columns = header else {
                header = record.cells.map { $0.trimmingCellSpaces() }
                headerLine = record.line
                continue
            }
            if let extra = record.cells.indices.dropFirst(columns.count).first(where: { !record.cells[$0].isEmpty }) {
                let sep = String(separator)
                diagnostics.append(
                    .error(
                        .malformedRow, at: SourceLocation(file: file, line: record.line, column: extra + 1),
                        subject: .table(name: file, row: record.line),
                        "row \(record.line) has \(record.cells.count) cells but the header has \(columns.count) "
                            + "columns; cell \(extra + 1) is '\(record.cells[extra])'",
                        hint: "remove the extra cells, or put a cell that contains '\(sep)' in double quotes "
                            + "(\"12\(sep)5\")"))
                continue
            }
            rows.append(Row(line: record.line, cells: Array(record.cells.prefix(columns.count))))
            if record.stopped { break }
        }
        if header == nil && !diagnostics.hasErrors {
            diagnostics.append(
                .error(
                    .emptyFile, at: SourceLocation(file: file), subject: .table(name: file, row: 0),
                    "the file is empty", hint: "the first line must name the columns, such as: unit,staff"))
        }
        let table = CSVTable(file: file, separator: separator, header: header ?? [], headerLine: headerLine, rows: rows)
        return (table, diagnostics)
    }

    /// `,` or `;`, whichever gives the first non-empty line more columns outside quotes; `,` on a tie.
    static func detectSeparator(_ bytes: [UInt8]) -> Character {
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
            case UInt8(ascii: "\""): inQuotes = true; seenText = true
            case UInt8(ascii: ","): commas += 1; seenText = true
            case UInt8(ascii: ";"): semicolons += 1; seenText = true
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): if seenText { return semicolons > commas ? ";" : "," }
            case UInt8(ascii: " "), UInt8(ascii: "\t"): break
            default: seenText = true
            }
        }
        return semicolons > commas ? ";" : ","
    }
}

extension CSVTable {
    /// One record as split by the parser, before it is checked against the header.
    fileprivate struct Record {
        var line: Int
        var cells: [String]
        var diagnostics: [Diagnostic]
        /// The parser hit an unrecoverable problem (an unterminated quote) and read to the end.
        var stopped: Bool
    }

    /// A cursor over the UTF-8 bytes of the file.
    fileprivate struct Parser {
        static let quote = UInt8(ascii: "\"")
        static let cr = UInt8(ascii: "\r")
        static let lf = UInt8(ascii: "\n")

        let bytes: [UInt8]
        let separator: UInt8
        let file: String
        var index = 0
        var line = 1

        init(bytes: [UInt8], separator: UInt8, file: String) {
            self.bytes = bytes
            self.separator = separator
            self.file = file
        }

        /// The length of the cell space (space, tab, U+00A0, U+202F) at a position, or 0.
        func cellSpaceLength(at i: Int) -> Int {
            guard i < bytes.count else { return 0 }
            switch bytes[i] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"): return 1
            case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0xA0: return 2
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xAF: return 3
            default: return 0
            }
        }

        /// The next record, or nil at the end of the file.
        mutating func nextRecord() -> Record? {
            guard index < bytes.count else { return nil }
            var record = Record(line: line, cells: [], diagnostics: [], stopped: false)
            while true {
                let column = record.cells.count + 1
                var start = index
                while case let n = cellSpaceLength(at: start), n > 0 { start += n }
                if start < bytes.count, bytes[start] == Self.quote {
                    index = start + 1
                    guard let cell = readQuoted() else {
                        record.diagnostics.append(
                            .error(
                                .malformedRow, at: SourceLocation(file: file, line: record.line, column: column),
                                subject: .table(name: file, row: record.line),
                                "the quoted cell that starts in row \(record.line) is never closed",
                                hint: "add the closing '\"'; a quote inside a quoted cell is written twice (\"\")"))
                        record.cells.append("")
                        record.stopped = true
                        return record
                    }
                    var text = cell
                    let trailing = readUnquoted()
                    if !trailing.isEmpty {
                        record.diagnostics.append(
                            .error(
                                .malformedRow, at: SourceLocation(file: file, line: record.line, column: column),
                                subject: .table(name: file, row: record.line),
                                "text '\(trailing)' follows the closing quote of cell \(column)",
                                hint: "put the whole cell in double quotes and write a quote inside it twice (\"\")"))
                        text += trailing
                    }
                    record.cells.append(text)
                } else {
                    record.cells.append(readUnquoted())
                }
                if index < bytes.count, bytes[index] == separator {
                    index += 1
                    continue
                }
                skipLineBreak()
                return record
            }
        }

        /// Reads a quoted cell after its opening quote, through its closing quote; nil if never closed.
        private mutating func readQuoted() -> String? {
            var cell: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                if byte == Self.quote {
                    if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                        cell.append(Self.quote)
                        index += 2
                        continue
                    }
                    index += 1
                    return String(decoding: cell, as: UTF8.self)
                }
                if byte == Self.cr || byte == Self.lf {
                    skipLineBreak()
                    cell.append(Self.lf)
                    continue
                }
                cell.append(byte)
                index += 1
            }
            return nil
        }

        /// Reads up to the next separator or line break, trimmed.
        private mutating func readUnquoted() -> String {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == separator || byte == Self.cr || byte == Self.lf { break }
                index += 1
            }
            return bytes.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[start..<index]), as: UTF8.self)
            }.trimmingCellSpaces()
        }

        /// Steps over one CRLF, LF or CR and counts the line.
        private mutating func skipLineBreak() {
            guard index < bytes.count else { return }
            if bytes[index] == Self.cr {
                index += 1
                if index < bytes.count, bytes[index] == Self.lf { index += 1 }
                line += 1
            } else if bytes[index] == Self.lf {
                index += 1
                line += 1
            }
        }
    }
}

extension Unicode.Scalar {
    /// A space that surrounds cells and groups digits: space, tab, no-break space, narrow no-break space.
    var isCellSpace: Bool {
        self == " " || self == "\t" || self == "\u{00A0}" || self == "\u{202F}"
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and no-break spaces.
    func trimmingCellSpaces() -> String {
        // Fast path: most cells start and end with a visible ASCII character.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        let view = unicodeScalars
        guard let first = view.firstIndex(where: { !$0.isCellSpace }),
            let last = view.lastIndex(where: { !$0.isCellSpace })
        else { return "" }
        return String(view[first...last])
    }
}
