/// Reads one worksheet part: `<sheetData>` rows and cells, and `<mergeCells>`.
///
/// Rows and cells without an `r` attribute follow the previous one, as ECMA-376 allows. A cell reference must be
/// an uppercase A1 reference within Excel's grid (column ≤ XFD, row ≤ 1,048,576) on its own row, and no row or
/// cell may appear twice: otherwise a value would silently land in another cell.
final class WorksheetParser: XMLHandler {
    private enum Field {
        case none, value, formula, inlineText
    }

    private let name: String
    private let part: String
    private let path: String
    private let sharedStrings: [String]
    private let styles: XLSXStyles
    private let cellLimit: Int

    private var rows: [XLSXRow] = []
    private var merged: [XLSXCellRange] = []
    private var inRow = false
    private var rowNumber = 0
    private var cells: [XLSXCell] = []
    private var column = 0
    private var cellCount = 0
    private var previousRowCount = 0

    private var reference = XLSXCellReference(row: 0, column: 0)
    private var type: String?
    private var styleIndex = 0
    private var value: [UInt8]?
    private var formula: [UInt8]?
    private var inline: [UInt8]?
    private var field = Field.none
    private var phoneticDepth = 0

    private init(
        name: String, part: String, path: String, sharedStrings: [String], styles: XLSXStyles, cellLimit: Int
    ) {
        self.name = name
        self.part = part
        self.path = path
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.cellLimit = cellLimit
    }

    static func parse(
        _ part: String, name: String, in package: XLSXPackage, sharedStrings: [String], styles: XLSXStyles
    ) throws(XLSXReadError) -> XLSXSheet {
        let handler = WorksheetParser(
            name: name, part: part, path: package.path, sharedStrings: sharedStrings, styles: styles,
            cellLimit: package.limits.cellsPerSheet)
        try package.parse(part, with: handler)
        var rows = handler.rows
        if zip(rows, rows.dropFirst()).contains(where: { $0.number >= $1.number }) {
            rows.sort { $0.number < $1.number }
            if let twice = zip(rows, rows.dropFirst()).first(where: { $0.number == $1.number }) {
                throw XLSXReadError(
                    .invalidReference, path: package.path, part: part, sheet: name,
                    vi: "dòng \(twice.0.number) xuất hiện hai lần trong trang tính",
                    en: "row \(twice.0.number) appears twice in the sheet", hint: .damaged)
            }
        }
        return XLSXSheet(name: name, rows: rows, mergedRanges: handler.merged)
    }

    override func start(_ element: String, _ attributes: borrowing XMLAttributes) throws(XLSXReadError) {
        switch element {
        case "row":
            if let text = attributes["r"] {
                guard let number = XLSXCellReference.rowNumber(text.utf8) else {
                    throw invalid(
                        vi: "số dòng '\(Self.excerpt(text))' không hợp lệ (phải từ 1 đến 1048576)",
                        en: "the row number '\(Self.excerpt(text))' is not valid (it must be 1 to 1048576)", cell: nil)
                }
                rowNumber = number
            } else {
                rowNumber += 1
                guard rowNumber <= XLSXCellReference.maxRow else {
                    throw invalid(
                        vi: "trang tính có hơn 1048576 dòng", en: "the sheet has more than 1048576 rows", cell: nil)
                }
            }
            inRow = true
            // Rows of a table have about as many cells as the one before; reserving saves the array's regrowth.
            cells = []
            cells.reserveCapacity(previousRowCount)
            column = 0
        case "c":
            guard inRow else {
                throw invalid(
                    vi: "một ô <c> nằm ngoài dòng <row>", en: "a cell <c> is outside any row <row>", cell: nil)
            }
            if let text = attributes["r"] {
                guard let parsed = XLSXCellReference(cellReference: text.utf8) else {
                    throw invalid(
                        vi: "'\(Self.excerpt(text))' không phải địa chỉ ô hợp lệ (chữ in hoa A–XFD rồi số dòng "
                            + "1–1048576, như B14)",
                        en: "'\(Self.excerpt(text))' is not a valid cell reference (uppercase letters A–XFD, then a "
                            + "row number 1–1048576, such as B14)",
                        cell: nil)
                }
                guard parsed.row == rowNumber else {
                    throw invalid(
                        vi: "ô \(parsed) nằm trong dòng \(rowNumber)",
                        en: "the cell \(parsed) is inside row \(rowNumber)",
                        cell: parsed)
                }
                guard parsed.column > column else {
                    throw invalid(
                        vi: "ô \(parsed) đứng sau ô \(XLSXCellReference(row: rowNumber, column: column)) trong dòng "
                            + "(các ô phải theo thứ tự cột, mỗi ô một lần)",
                        en: "the cell \(parsed) comes after \(XLSXCellReference(row: rowNumber, column: column)) in "
                            + "its row (cells must be in column order, each once)",
                        cell: parsed)
                }
                reference = parsed
            } else {
                guard column < XLSXCellReference.maxColumn else {
                    throw invalid(
                        vi: "dòng \(rowNumber) có hơn 16384 ô (cột XFD)",
                        en: "row \(rowNumber) has more than 16384 cells (column XFD)", cell: nil)
                }
                reference = XLSXCellReference(row: rowNumber, column: column + 1)
            }
            cellCount += 1
            guard cellCount <= cellLimit else {
                throw XLSXReadError(
                    .tooLarge, path: path, part: part, sheet: name,
                    vi: "trang tính có hơn \(cellLimit) ô, quá giới hạn cho một trang",
                    en: "the sheet has more than \(cellLimit) cells, over the limit for a sheet",
                    hint: XLSXReadError.Hint(
                        vi: "hãy chia dữ liệu thành nhiều tệp nhỏ hơn", en: "split the data into smaller files"))
            }
            column = reference.column
            type = attributes["t"]
            styleIndex = attributes["s"].flatMap { Int($0) } ?? 0
            value = nil
            formula = nil
            inline = nil
        case "v":
            value = []
            field = .value
        case "f":
            formula = []
            field = .formula
        case "is":
            inline = []
        case "rPh":
            phoneticDepth += 1
        case "t" where inline != nil && phoneticDepth == 0:
            field = .inlineText
        case "mergeCell":
            if let text = attributes["ref"], let range = XLSXCellRange(text) { merged.append(range) }
        default:
            break
        }
    }

    override func characters(_ text: UnsafeBufferPointer<UInt8>) {
        switch field {
        case .none: break
        case .value: value?.append(contentsOf: text)
        case .formula: formula?.append(contentsOf: text)
        case .inlineText: inline?.append(contentsOf: text)
        }
    }

    override func end(_ element: String) throws(XLSXReadError) {
        switch element {
        case "v", "f", "t":
            field = .none
        case "rPh":
            phoneticDepth -= 1
        case "c" where inRow:
            let format = styles.format(at: styleIndex)
            cells.append(
                XLSXCell(
                    reference: reference, value: try cellValue(),
                    formula: formula.map { String(decoding: $0, as: UTF8.self) }, styleIndex: styleIndex,
                    numberFormatID: format.numberFormatID, numberFormatCode: format.numberFormatCode,
                    isLocked: format.isLocked))
        case "row":
            inRow = false
            previousRowCount = cells.count
            guard !cells.isEmpty else { return }
            rows.append(XLSXRow(number: rowNumber, cells: cells))
        default:
            break
        }
    }

    private func cellValue() throws(XLSXReadError) -> XLSXCellValue {
        let value = value.map { String(decoding: $0, as: UTF8.self) }
        switch type {
        case "s":
            guard let value, let index = Int(value.trimmingWhitespace) else { return .empty }
            guard index >= 0 && index < sharedStrings.count else {
                throw invalid(
                    vi: "ô trỏ tới chuỗi dùng chung số \(index), nhưng bảng tính chỉ có \(sharedStrings.count) chuỗi",
                    en: "the cell refers to shared string \(index), but the workbook has \(sharedStrings.count)",
                    cell: reference, code: .malformedXML)
            }
            return .text(sharedStrings[index])
        case "inlineStr":
            return inline.map { .text(String(decoding: $0, as: UTF8.self).decodingOfficeEscapes) }
                ?? value.map { .text($0.decodingOfficeEscapes) } ?? .empty
        case "str":
            return value.map { .text($0.decodingOfficeEscapes) } ?? .empty
        case "b":
            guard let value else { return .empty }
            return .boolean(value.trimmingWhitespace == "1" || value.trimmingWhitespace.lowercased() == "true")
        case "e":
            return value.map { .error($0) } ?? .empty
        case "d":
            return value.map { .date($0.trimmingWhitespace) } ?? .empty
        default:
            guard let text = value?.trimmingWhitespace, !text.isEmpty else { return .empty }
            guard let number = Double(text), number.isFinite else {
                throw invalid(
                    vi: "'\(Self.excerpt(text))' không phải là số", en: "'\(Self.excerpt(text))' is not a number",
                    cell: reference, code: .malformedXML)
            }
            return .number(number)
        }
    }

    private func invalid(
        vi: String, en: String, cell: XLSXCellReference?, code: XLSXReadError.Code = .invalidReference
    ) -> XLSXReadError {
        XLSXReadError(
            code, path: path, part: part, sheet: name, cell: cell?.description, vi: vi, en: en, hint: .damaged)
    }

    /// At most 40 characters of a value from the file, for a message.
    static func excerpt(_ text: String) -> String {
        text.count <= 40 ? text : text.prefix(40) + "…"
    }
}

extension String {
    var trimmingWhitespace: String {
        if let first = utf8.first, let last = utf8.last, first > 0x20, last > 0x20, first < 0x80, last < 0x80 {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
