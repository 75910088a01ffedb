import struct Foundation.Data

/// Reads one worksheet part: `<sheetData>` rows and cells, and `<mergeCells>`.
///
/// Rows and cells without an `r` attribute follow the previous one, as ECMA-376 allows.
final class WorksheetParser: XMLHandler {
    private enum Field {
        case none, value, formula, inlineText
    }

    private let name: String
    private let part: String
    private let path: String
    private let sharedStrings: [String]
    private let styles: XLSXStyles

    private var rows: [XLSXRow] = []
    private var merged: [XLSXCellRange] = []
    private var rowNumber = 0
    private var cells: [XLSXCell] = []
    private var column = 0

    private var reference = XLSXCellReference(row: 0, column: 0)
    private var type: String?
    private var styleIndex = 0
    private var value: String?
    private var formula: String?
    private var inline: String?
    private var field = Field.none
    private var phoneticDepth = 0

    private init(name: String, part: String, path: String, sharedStrings: [String], styles: XLSXStyles) {
        self.name = name
        self.part = part
        self.path = path
        self.sharedStrings = sharedStrings
        self.styles = styles
    }

    static func parse(
        _ data: Data, name: String, part: String, path: String, sharedStrings: [String], styles: XLSXStyles,
        streamThreshold: Int
    ) throws(XLSXReadError) -> XLSXSheet {
        let handler = WorksheetParser(
            name: name, part: part, path: path, sharedStrings: sharedStrings, styles: styles)
        try XMLPart.parse(data, part: part, path: path, handler: handler, streamThreshold: streamThreshold)
        var rows = handler.rows
        if zip(rows, rows.dropFirst()).contains(where: { $0.number >= $1.number }) {
            rows.sort { $0.number < $1.number }
        }
        return XLSXSheet(name: name, rows: rows, mergedRanges: handler.merged)
    }

    override func start(_ element: String, _ attributes: [String: String]) throws(XLSXReadError) {
        switch element {
        case "row":
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            cells = []
            column = 0
        case "c":
            if let text = attributes["r"] {
                guard let parsed = XLSXCellReference(text) else {
                    throw failure("'\(text)' is not a cell reference", cell: nil)
                }
                reference = parsed
            } else {
                reference = XLSXCellReference(row: rowNumber, column: column + 1)
            }
            column = reference.column
            type = attributes["t"]
            styleIndex = attributes["s"].flatMap { Int($0) } ?? 0
            value = nil
            formula = nil
            inline = nil
        case "v":
            value = ""
            field = .value
        case "f":
            formula = ""
            field = .formula
        case "is":
            inline = ""
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

    override func characters(_ text: String) {
        switch field {
        case .none: break
        case .value: value?.append(text)
        case .formula: formula?.append(text)
        case .inlineText: inline?.append(text)
        }
    }

    override func end(_ element: String) throws(XLSXReadError) {
        switch element {
        case "v", "f", "t":
            field = .none
        case "rPh":
            phoneticDepth -= 1
        case "c":
            let format = styles.format(at: styleIndex)
            cells.append(
                XLSXCell(
                    reference: reference, value: try cellValue(), formula: formula, styleIndex: styleIndex,
                    numberFormatID: format.numberFormatID, numberFormatCode: format.numberFormatCode,
                    isLocked: format.isLocked))
        case "row":
            guard !cells.isEmpty else { return }
            if zip(cells, cells.dropFirst()).contains(where: { $0.reference.column >= $1.reference.column }) {
                cells.sort { $0.reference.column < $1.reference.column }
            }
            rows.append(XLSXRow(number: rowNumber, cells: cells))
        default:
            break
        }
    }

    private func cellValue() throws(XLSXReadError) -> XLSXCellValue {
        switch type {
        case "s":
            guard let value, let index = Int(value.trimmingWhitespace) else { return .empty }
            guard index >= 0 && index < sharedStrings.count else {
                throw failure(
                    "the cell refers to shared string \(index), but the workbook has \(sharedStrings.count)",
                    cell: reference)
            }
            return .text(sharedStrings[index])
        case "inlineStr":
            return inline.map { .text($0.decodingOfficeEscapes) } ?? value.map { .text($0.decodingOfficeEscapes) }
                ?? .empty
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
            guard let number = Double(text) else {
                throw failure("'\(text)' is not a number", cell: reference)
            }
            return .number(number)
        }
    }

    private func failure(_ message: String, cell: XLSXCellReference?) -> XLSXReadError {
        XLSXReadError(
            .malformedXML, path: path, part: part, sheet: name, cell: cell?.description, message: message,
            hint: "the workbook is damaged; open and save it again in the spreadsheet application")
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
