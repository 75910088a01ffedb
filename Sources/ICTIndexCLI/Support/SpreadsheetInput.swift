import Foundation
import ICTIndexCore
import XLSXReader

/// Reading units and values from CSV or XLSX files.
///
/// An .xlsx file is read from its first visible sheet (or the sheet named with `--sheet`) into the same
/// ``CSVTable`` a CSV file gives, so both are checked by the same rules. The table's file name carries the sheet,
/// `units.xlsx[Đơn vị]`, and its line numbers are the sheet's row numbers, so messages say
/// `units.xlsx[Đơn vị]:14: error[…]` for the cell the user sees in row 14.
enum SpreadsheetInput {
    /// Whether a path names a workbook in the Office Open XML format.
    static func isWorkbook(_ path: String) -> Bool {
        ["xlsx", "xlsm"].contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    /// Reads one sheet of a workbook as a table: the first non-blank row is the header; blank rows are skipped.
    ///
    /// Cells become the text the CSV rules read back exactly: numbers in their shortest exact form (with a decimal
    /// comma when `decimalStyle` is `.comma`), booleans as 1/0, whole-day numbers with a date format as
    /// YYYY-MM-DD, errors as written (`#DIV/0!`, then refused as not a number).
    ///
    /// - Throws: ``ValidationFailure`` with a D013 diagnostic when the file is missing, is not an xlsx workbook,
    ///   is damaged, or has no such sheet.
    static func table(
        _ path: String, what: Words, sheet: String?, decimalStyle: DecimalStyle
    ) throws(ValidationFailure) -> CSVTable {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationFailure(diagnostics: [InputFile.missing(path, what: what)])
        }
        let worksheet: XLSXSheet
        var dates1904 = false
        do throws(XLSXReadError) {
            let document = try XLSXDocument(contentsOf: URL(fileURLWithPath: path))
            guard let name = sheet ?? document.firstVisibleSheet?.name else {
                throw XLSXReadError(
                    .sheetNotFound, path: path, message: "bảng tính không có trang tính nào đang hiện",
                    hint: "hãy chọn trang tính cần đọc bằng --sheet",
                    englishMessage: "the workbook has no visible sheet",
                    englishHint: "name the sheet to read with --sheet")
            }
            worksheet = try document.sheet(named: name)
            dates1904 = document.uses1904DateSystem
        } catch {
            throw ValidationFailure(diagnostics: [
                .error(
                    .emptyFile, at: SourceLocation(file: path),
                    Words(vi: "không đọc được \(what.vi): ", en: "\(what.en) cannot be read: ") + error.messageWords
                        + place(error),
                    hint: error.hintWords)
            ])
        }
        let file = "\(path)[\(worksheet.name)]"
        let style = CellStyle(decimal: decimalStyle, dates1904: dates1904)
        let rows = worksheet.rows.filter { !$0.isBlank }
        try checkCells(rows, file: file)
        guard let header = rows.first else {
            return CSVTable(file: file, header: [], headerLine: 1, rows: [])
        }
        return CSVTable(
            file: file, header: header.cells(style).map { $0.trimmingCharacters(in: .whitespaces) },
            headerLine: header.number,
            rows: rows.dropFirst().map { CSVTable.Row(line: $0.number, cells: $0.cells(style)) })
    }

    /// The most cells the rows of a sheet may span, counting the empty cells before each row's last one: a sheet
    /// of 10,000 rows whose only cell is in column XFD would otherwise become 164 million table cells.
    static let maxTableCells = 10_000_000

    /// Refuses formulas saved without their result (they would read as missing values) and sheets too sparse to
    /// lay out as a table, with every such cell listed.
    private static func checkCells(_ rows: [XLSXRow], file: String) throws(ValidationFailure) {
        var diagnostics: [Diagnostic] = []
        var span = 0
        for row in rows {
            span += row.cells.last?.reference.column ?? 0
            for cell in row.cells where cell.formula != nil && cell.value == .empty {
                let formula = cell.formula.map { $0.isEmpty ? "" : " (=\($0.prefix(80)))" } ?? ""
                diagnostics.append(
                    .error(
                        .emptyFile, at: SourceLocation(file: file, line: row.number, column: cell.reference.column),
                        Words(
                            vi: "ô \(cell.reference) có công thức\(formula) nhưng không có giá trị đã tính: tệp được "
                                + "lưu bởi một chương trình không tính công thức",
                            en: "cell \(cell.reference) has a formula\(formula) but no computed value: the file was "
                                + "saved by a program that does not calculate formulas"),
                        hint: Words(
                            vi: "hãy mở tệp bằng Excel hoặc LibreOffice Calc để tính lại công thức, rồi lưu lại",
                            en: "open the file in Excel or LibreOffice Calc, let it recalculate, and save it again")))
            }
        }
        if span > maxTableCells {
            diagnostics.append(
                .error(
                    .emptyFile, at: SourceLocation(file: file),
                    Words(
                        vi: "các dòng của trang tính trải trên \(span) ô, quá \(maxTableCells) ô (có ô nằm rất xa "
                            + "bên phải dữ liệu, như ở cột XFD)",
                        en: "the sheet's rows span \(span) cells, more than \(maxTableCells) (cells far to the right "
                            + "of the data, such as in column XFD)"),
                    hint: Words(
                        vi: "hãy xóa các cột bên phải vùng dữ liệu rồi lưu lại tệp",
                        en: "delete the columns to the right of the data and save the file again")))
        }
        if !diagnostics.isEmpty { throw ValidationFailure(diagnostics: diagnostics) }
    }

    /// Reads a CSV file, or one sheet of a workbook, as a table: for files that are read as plain tables, such as
    /// decisions files. Rows and columns of a workbook are the sheet's (`decisions.xlsx[Sheet1]:3:4`).
    ///
    /// - Throws: ``ValidationFailure`` when the file is missing or cannot be read (D013), or is not valid CSV.
    static func anyTable(
        _ path: String, what: Words, sheet: String?, decimalStyle: DecimalStyle
    ) throws(ValidationFailure) -> CSVTable {
        guard isWorkbook(path) else { return try CSVTable.parse(try InputFile.read(path, what: what), file: path) }
        return try table(path, what: what, sheet: sheet, decimalStyle: decimalStyle)
    }

    /// The part, sheet and cell of a reading error, when it names them: ` (sheet 'A', cell D14, xl/…:3)`.
    private static func place(_ error: XLSXReadError) -> Words {
        let places: [Words] = [
            error.sheet.map { Words(vi: "trang tính '\($0)'", en: "sheet '\($0)'") },
            error.cell.map { Words(vi: "ô \($0)", en: "cell \($0)") },
            error.part.map { .verbatim($0 + (error.line.map { ":\($0)" } ?? "")) },
        ].compactMap { $0 }
        guard !places.isEmpty, error.code != .sheetNotFound else { return .verbatim("") }
        return .verbatim(" (") + .joined(places, separator: ", ") + .verbatim(")")
    }
}

/// How cells of one workbook become CSV text.
private struct CellStyle {
    var decimal: DecimalStyle
    /// Serial days count from 1904-01-01: add 1,462 to get the 1900 system's serial.
    var dates1904: Bool
}

extension XLSXRow {
    /// The row's cells as CSV text, from column A to the last cell present.
    fileprivate func cells(_ style: CellStyle) -> [String] {
        guard let last = cells.last?.reference.column else { return [] }
        var texts = [String](repeating: "", count: last)
        for cell in cells { texts[cell.reference.column - 1] = cell.csvText(style) }
        return texts
    }
}

extension XLSXCell {
    fileprivate func csvText(_ style: CellStyle) -> String {
        switch value {
        case .empty: return ""
        case .text(let text), .date(let text), .error(let text): return text
        case .boolean(let flag): return flag ? "1" : "0"
        case .number(let number):
            if hasDateFormat, number == number.rounded(),
                let date = Self.isoDate(serial: style.dates1904 ? number + 1_462 : number)
            {
                return date
            }
            let text = Self.decimal(number)
            return style.decimal == .comma ? text.replacingOccurrences(of: ".", with: ",") : text
        }
    }

    /// The shortest decimal text that reads back as the same double, without an exponent: `5`, `0.85`,
    /// `0.0000001`, `12345678901234567000`.
    static func decimal(_ number: Double) -> String {
        let shortest = NumberFormatting.plain(number)
        guard let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }),
            let exponent = Int(shortest[shortest.index(after: e)...])
        else { return shortest }
        var mantissa = String(shortest[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        let digits = whole + fraction
        let point = whole.count + exponent  // position of the decimal point in `digits`
        var text: String
        if point <= 0 {
            text = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            text = digits + String(repeating: "0", count: point - digits.count)
        } else {
            text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return (negative ? "-" : "") + text
    }
}

extension DataFileReader {
    /// Reads a units file, CSV or XLSX (see ``SpreadsheetInput``).
    func readUnits(path: String, sheet: String? = nil) throws(ValidationFailure) -> [ICTIndexCore.Unit] {
        guard SpreadsheetInput.isWorkbook(path) else {
            return try readUnits(try InputFile.read(path, what: InputKind.units), file: path)
        }
        return try readUnits(
            try SpreadsheetInput.table(path, what: InputKind.units, sheet: sheet, decimalStyle: decimalStyle))
    }

    /// Reads a values file, CSV or XLSX, wide or long (see ``SpreadsheetInput``).
    func readValues(
        path: String, sheet: String? = nil, units: [ICTIndexCore.Unit]?, period: String?
    ) throws(ValidationFailure) -> Dataset {
        guard SpreadsheetInput.isWorkbook(path) else {
            return try readValues(
                bytes: try InputFile.readBytes(path, what: InputKind.data), file: path, units: units, period: period)
        }
        let table = try SpreadsheetInput.table(path, what: InputKind.data, sheet: sheet, decimalStyle: decimalStyle)
        return try readValues(table, units: units, period: period)
    }
}
