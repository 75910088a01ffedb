import Localization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits the bytes of a CSV file into a header and rows of cells, for ``CSVTable``.
///
/// The scanner looks for the bytes that end an unquoted cell (the separator, CR, LF) or matter inside a quoted
/// one (`"`, CR, LF) eight bytes at a time: a 64-bit word is compared with each wanted byte at once, and the
/// lowest flagged byte is the next stop (the "has zero byte" test, Hacker's Delight §6-1; simdjson and simdcsv
/// do the same with wider vectors). Between stops it does nothing per byte, and a cell is recorded as a byte
/// range of the file, so an unquoted cell costs a few comparisons and two integers. Only quoted cells with
/// `""` or line breaks, and cells followed by stray text, are copied (to the end of the buffer).
///
/// Lines are counted at each line break the scanner stops at, so every row knows its line without a second
/// pass; messages (and their strings) are made only when something is wrong.
struct CSVScanner {
    static let quote = UInt8(ascii: "\"")
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")

    let file: String
    let separator: UInt8
    private(set) var header: [String]?
    private(set) var headerLine = 1
    private(set) var cells = CSVTable.Cells()
    private(set) var log = ProblemLog()

    init(file: String, separator: UInt8) {
        self.file = file
        self.separator = separator
    }

    /// Scans `bytes` from an offset (past a byte order mark), then appends the copied cells to them and keeps
    /// the buffer as the table's.
    mutating func scan(_ bytes: inout [UInt8], from start: Int) {
        let count = bytes.count
        guard count < Int(UInt32.max / 2) else {
            log.append(
                .error(
                    .emptyFile, at: SourceLocation(file: file), subject: .table(name: file, row: 0),
                    Words(
                        vi: "tệp có \(count) byte; tệp CSV phải nhỏ hơn 2 GB",
                        en: "the file has \(count) bytes; a CSV file must be smaller than 2 GB"),
                    hint: Words(
                        vi: "hãy chia nhỏ tệp, hoặc nhập từng phần", en: "split the file, or import it in parts")))
            return
        }
        var copies: [UInt8] = []
        bytes.withUnsafeBufferPointer { p in
            var state = State(count: count)
            var i = start
            var triedPieces = false
            while i < count {
                if header != nil && !triedPieces {
                    triedPieces = true
                    if scanInPieces(p, from: i, line: state.line) { break }
                }
                i = scanRecord(p, from: i, copies: &copies, state: &state)
                if state.stopped { break }
            }
        }
        // Appending nothing would still copy the whole file when the caller keeps its own reference to it.
        if !copies.isEmpty { bytes += copies }
        cells.bytes = bytes
    }

    /// Below this many bytes after the header, the rows are scanned on one thread.
    static let minimumPieceBytes = 1 << 20

    /// Scans the rows after the header on every core, when the file is large and has no quote after its header:
    /// then every line break ends a record, so the rows can be cut at line breaks into one piece per core and
    /// each piece scanned by a scanner of its own. The pieces' cells and lines are then joined in file order.
    /// Returns false, having changed nothing, when the file is small or quoted, or when a piece has a problem:
    /// the caller then scans the rows one after the other, so the messages are exactly those of one scan.
    private mutating func scanInPieces(_ p: UnsafeBufferPointer<UInt8>, from start: Int, line: Int) -> Bool {
        let count = p.count
        guard Parallel.cores > 1, cells.starts.isEmpty, count - start >= Self.minimumPieceBytes,
            let base = p.baseAddress,
            memchr(base + start, Int32(Self.quote), count - start) == nil
        else { return false }
        // Cut after the first LF at or past each even share of the rest.
        var cuts = [start]
        for k in 1..<Parallel.cores {
            let target = start + (count - start) * k / Parallel.cores
            guard target > cuts[cuts.count - 1], let lf = memchr(base + target, Int32(Self.lf), count - target)
            else { continue }
            cuts.append(base.distance(to: lf.assumingMemoryBound(to: UInt8.self)) + 1)
        }
        cuts.append(count)
        let pieces = zip(cuts, cuts.dropFirst()).map { $0..<$1 }.filter { !$0.isEmpty }
        guard pieces.count > 1 else { return false }
        var empty = CSVScanner(file: file, separator: separator)
        empty.header = header
        empty.headerLine = headerLine
        var scanned = [CSVScanner](repeating: empty, count: pieces.count)
        // Line breaks in each piece: its rows' lines are counted from 0 and moved to the file's lines below.
        var breaks = [Int](repeating: 0, count: pieces.count)
        scanned.withUnsafeMutableBufferPointer { scanned in
            breaks.withUnsafeMutableBufferPointer { breaks in
                Parallel.forEach(pieces) { k, piece in
                    var copies: [UInt8] = []
                    var state = State(count: count)
                    state.line = 0
                    var i = piece.lowerBound
                    while i < piece.upperBound && !state.stopped {
                        i = scanned[k].scanRecord(p, from: i, copies: &copies, state: &state)
                    }
                    breaks[k] = state.line
                }
            }
        }
        guard scanned.allSatisfy({ $0.log.listed.isEmpty }) else { return false }
        // The first piece's cells become the table's (moved, not copied); the others are appended.
        swap(&cells, &scanned[0].cells)
        for r in cells.lines.indices { cells.lines[r] += line }
        var first = line + breaks[0]
        for (k, piece) in scanned.enumerated().dropFirst() {
            let cellBase = cells.starts.count
            cells.starts += piece.cells.starts
            cells.ends += piece.cells.ends
            cells.rowStarts += piece.cells.rowStarts.dropFirst().lazy.map { $0 + cellBase }
            cells.lines += piece.cells.lines.lazy.map { $0 + first }
            first += breaks[k]
        }
        return true
    }

    /// The state carried from record to record.
    private struct State {
        let count: Int
        var line = 1
        var stopped = false
    }

    /// Scans one record from its first byte and returns the offset of the next one.
    private mutating func scanRecord(
        _ p: UnsafeBufferPointer<UInt8>, from recordStart: Int, copies: inout [UInt8],
        state: inout State
    ) -> Int {
        let count = state.count
        let recordLine = state.line
        let firstCell = cells.starts.count
        var i = recordStart
        var allEmpty = true
        var column = 0
        while true {
            column += 1
            var j = i
            while case let n = Self.spaceLength(p, at: j), n > 0 { j += n }
            if j < count && p[j] == Self.quote {
                let contentStart = j + 1
                var k = contentStart
                var needsCopy = false
                var closing = -1
                while true {
                    k = Self.find(p, from: k, Self.quote, Self.cr, Self.lf)
                    if k >= count { break }
                    if p[k] == Self.quote {
                        if k + 1 < count && p[k + 1] == Self.quote {
                            needsCopy = true
                            k += 2
                            continue
                        }
                        closing = k
                        break
                    }
                    if p[k] == Self.cr {
                        needsCopy = true
                        if k + 1 < count && p[k + 1] == Self.lf { k += 1 }
                    }
                    state.line += 1
                    k += 1
                }
                guard closing >= 0 else {
                    log.append(
                        .error(
                            .malformedRow, at: SourceLocation(file: file, line: recordLine, column: column),
                            subject: .table(name: file, row: recordLine),
                            Words(
                                vi: "ô trong ngoặc kép bắt đầu ở dòng \(recordLine) không được đóng lại",
                                en: "the quoted cell that starts in row \(recordLine) is never closed"),
                            hint: Words(
                                vi: "hãy thêm dấu '\"' đóng ô; dấu ngoặc kép bên trong ô được viết hai lần (\"\")",
                                en: "add the closing '\"'; a quote inside a quoted cell is written twice (\"\")")))
                    // The rest of the file is inside the quote: the record is dropped and the scan ends.
                    cells.starts.removeLast(cells.starts.count - firstCell)
                    cells.ends.removeLast(cells.ends.count - firstCell)
                    state.stopped = true
                    return count
                }
                let afterQuote = closing + 1
                let end = Self.find(p, from: afterQuote, separator, Self.cr, Self.lf)
                let trailing = UnsafeBufferPointer(rebasing: p[afterQuote..<end]).trimmingCellSpaces()
                if !trailing.isEmpty {
                    let echoed = MessageText.echo(String(decoding: trailing, as: UTF8.self))
                    log.append(
                        .error(
                            .malformedRow, at: SourceLocation(file: file, line: recordLine, column: column),
                            subject: .table(name: file, row: recordLine),
                            Words(
                                vi: "có chữ '\(echoed)' sau dấu ngoặc kép đóng ô \(column)",
                                en: "text '\(echoed)' follows the closing quote of cell \(column)"),
                            hint: Words(
                                vi: "hãy đặt cả ô trong ngoặc kép và viết dấu ngoặc kép bên trong ô hai lần (\"\")",
                                en: "put the whole cell in double quotes and write a quote inside it twice (\"\")")))
                    needsCopy = true
                }
                if needsCopy {
                    let copyStart = count + copies.count
                    Self.unescape(UnsafeBufferPointer(rebasing: p[contentStart..<closing]), into: &copies)
                    copies += trailing
                    appendCell(copyStart, count + copies.count)
                } else {
                    appendCell(contentStart, closing)
                }
                if closing > contentStart || !trailing.isEmpty { allEmpty = false }
                i = end
            } else {
                let end = Self.find(p, from: j, separator, Self.cr, Self.lf)
                var last = end
                while last > j, case let n = Self.trailingSpaceLength(p, before: last, from: j), n > 0 {
                    last -= n
                }
                appendCell(j, last)
                if last > j { allEmpty = false }
                i = end
            }
            if i < count && p[i] == separator {
                i += 1
                continue
            }
            break
        }
        let recordEnd = i
        if i < count {
            if p[i] == Self.cr {
                i += 1
                if i < count && p[i] == Self.lf { i += 1 }
            } else {
                i += 1
            }
            state.line += 1
        }
        finishRecord(
            p, copies: copies, firstCell: firstCell, line: recordLine, range: recordStart..<recordEnd,
            allEmpty: allEmpty)
        return i
    }

    @inline(__always)
    private mutating func appendCell(_ start: Int, _ end: Int) {
        cells.starts.append(UInt32(truncatingIfNeeded: start))
        cells.ends.append(UInt32(truncatingIfNeeded: end))
    }

    /// Keeps a record as the header or a row, or drops it with a diagnostic when its length is wrong.
    private mutating func finishRecord(
        _ p: UnsafeBufferPointer<UInt8>, copies: [UInt8], firstCell: Int, line: Int, range: Range<Int>,
        allEmpty: Bool
    ) {
        let n = cells.starts.count - firstCell
        func dropRecord() {
            cells.starts.removeLast(n)
            cells.ends.removeLast(n)
        }
        if allEmpty { return dropRecord() }
        guard let header else {
            header = (firstCell..<cells.starts.count).map {
                text(p, copies, cell: $0).trimmingCellSpaces()
            }
            headerLine = line
            return dropRecord()
        }
        let columns = header.count
        let sep = String(UnicodeScalar(separator))
        if n > columns {
            if let extra = (firstCell + columns..<cells.starts.count).first(where: {
                cells.starts[$0] != cells.ends[$0]
            }) {
                let index = extra - firstCell
                let echoed = MessageText.echo(text(p, copies, cell: extra))
                log.append(
                    .error(
                        .malformedRow, at: SourceLocation(file: file, line: line, column: index + 1),
                        subject: .table(name: file, row: line),
                        Words(
                            vi: "dòng \(line) có \(n) ô nhưng dòng tiêu đề có \(columns) cột; ô \(index + 1) là "
                                + "'\(echoed)'",
                            en: "row \(line) has \(n) cells but the header has \(columns) columns; cell "
                                + "\(index + 1) is '\(echoed)'"),
                        hint: Words(
                            vi: "hãy xóa các ô thừa, hoặc đặt ô có chứa '\(sep)' trong ngoặc kép (\"12\(sep)5\")",
                            en: "remove the extra cells, or put a cell that contains '\(sep)' in double quotes "
                                + "(\"12\(sep)5\")")))
                return dropRecord()
            }
            cells.starts.removeLast(n - columns)
            cells.ends.removeLast(n - columns)
        } else if n < columns {
            let other = separator == UInt8(ascii: ";") ? UInt8(ascii: ",") : UInt8(ascii: ";")
            let location = SourceLocation(file: file, line: line, column: n + 1)
            if p[range].contains(other) {
                let otherText = String(UnicodeScalar(other))
                log.append(
                    .error(
                        .malformedRow, at: location, subject: .table(name: file, row: line),
                        Words(
                            vi: "dòng \(line) có \(n) ô nhưng dòng tiêu đề có \(columns) cột: dòng tiêu đề ngăn cách "
                                + "các cột bằng '\(sep)', dòng này bằng '\(otherText)'",
                            en: "row \(line) has \(n) \(n == 1 ? "cell" : "cells") but the header has \(columns) "
                                + "columns: the header separates its columns with '\(sep)', this row with "
                                + "'\(otherText)'"),
                        hint: Words(
                            vi: "hãy dùng một dấu ngăn cách cho cả tệp: lưu lại tệp từ bảng tính dưới dạng CSV, hoặc "
                                + "sửa để dòng tiêu đề và các dòng số liệu dùng cùng một dấu",
                            en: "use one separator in the whole file: save it again from the spreadsheet as CSV, or "
                                + "make the header and the rows use the same one")))
            } else {
                let missing = header[n...].prefix(3).map { "'\($0)'" }.joined(separator: ", ")
                log.append(
                    .error(
                        .malformedRow, at: location, subject: .table(name: file, row: line),
                        Words(
                            vi: "dòng \(line) có \(n) ô nhưng dòng tiêu đề có \(columns) cột; thiếu ô cho \(missing)"
                                + (columns - n > 3 ? " và \(columns - n - 3) cột khác" : ""),
                            en: "row \(line) has \(n) \(n == 1 ? "cell" : "cells") but the header has \(columns) "
                                + "columns; no cell for \(missing)"
                                + (columns - n > 3 ? " and \(columns - n - 3) more" : "")),
                        hint: Words(
                            vi: "hãy ghi đủ các ô của dòng; ô trống là không ghi gì giữa hai dấu ngăn cách "
                                + "(A\(sep)\(sep)5)",
                            en: "write every cell of the row, an empty one as nothing between two separators "
                                + "(A\(sep)\(sep)5)")))
            }
            return dropRecord()
        }
        cells.rowStarts.append(cells.starts.count)
        cells.lines.append(line)
    }

    /// The text of a cell during the scan, from the file or from the copies (appended to it at the end).
    private func text(_ p: UnsafeBufferPointer<UInt8>, _ copies: [UInt8], cell k: Int) -> String {
        let start = Int(cells.starts[k])
        let end = Int(cells.ends[k])
        if start >= p.count {
            return String(decoding: copies[(start - p.count)..<(end - p.count)], as: UTF8.self)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self)
    }

    /// Copies a quoted cell's content with `""` read as `"` and CRLF or CR as LF.
    private static func unescape(_ content: UnsafeBufferPointer<UInt8>, into copies: inout [UInt8]) {
        var k = 0
        while k < content.count {
            let b = content[k]
            if b == quote {
                copies.append(quote)
                k += 2
            } else if b == cr {
                copies.append(lf)
                k += k + 1 < content.count && content[k + 1] == lf ? 2 : 1
            } else {
                copies.append(b)
                k += 1
            }
        }
    }

    /// The length of a cell space (space, tab, U+00A0, U+202F) at a position, or 0.
    @inline(__always)
    private static func spaceLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        guard i < p.count else { return 0 }
        switch p[i] {
        case UInt8(ascii: " "), UInt8(ascii: "\t"): return 1
        case 0xC2 where i + 1 < p.count && p[i + 1] == 0xA0: return 2
        case 0xE2 where i + 2 < p.count && p[i + 1] == 0x80 && p[i + 2] == 0xAF: return 3
        default: return 0
        }
    }

    /// The length of a cell space that ends just before `end` (and starts at or after `start`), or 0.
    @inline(__always)
    private static func trailingSpaceLength(
        _ p: UnsafeBufferPointer<UInt8>, before end: Int, from start: Int
    ) -> Int {
        switch p[end - 1] {
        case UInt8(ascii: " "), UInt8(ascii: "\t"): return 1
        case 0xA0 where end - 2 >= start && p[end - 2] == 0xC2: return 2
        case 0xAF where end - 3 >= start && p[end - 2] == 0x80 && p[end - 3] == 0xE2: return 3
        default: return 0
        }
    }

    /// The offset of the first of three bytes at or after `start`, or the end; eight bytes at a time.
    ///
    /// For a word w and a byte c, x = w XOR (c × 0x0101…01) has a zero byte where w has c, and
    /// (x − 0x0101…01) AND NOT x AND 0x8080…80 flags it. Bytes above a true zero can be flagged falsely
    /// (by the borrow), never below it, so the lowest flag of the three is exact.
    @inline(__always)
    static func find(
        _ p: UnsafeBufferPointer<UInt8>, from start: Int, _ a: UInt8, _ b: UInt8, _ c: UInt8
    ) -> Int {
        let n = p.count
        guard let base = p.baseAddress, start < n else { return n }
        var i = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let pa = ones &* UInt64(a)
        let pb = ones &* UInt64(b)
        let pc = ones &* UInt64(c)
        while i &+ 8 <= n {
            let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            let xa = w ^ pa
            let xb = w ^ pb
            let xc = w ^ pc
            let m = ((xa &- ones) & ~xa | (xb &- ones) & ~xb | (xc &- ones) & ~xc) & highs
            if m != 0 { return i &+ (m.trailingZeroBitCount &>> 3) }
            i &+= 8
        }
        while i < n {
            let x = base[i]
            if x == a || x == b || x == c { return i }
            i &+= 1
        }
        return n
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
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20,
            last < 0x80
        {
            return self
        }
        let view = unicodeScalars
        guard let first = view.firstIndex(where: { !$0.isCellSpace }),
            let last = view.lastIndex(where: { !$0.isCellSpace })
        else { return "" }
        return String(view[first...last])
    }
}
