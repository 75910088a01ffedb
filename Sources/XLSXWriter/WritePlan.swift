/// The checked form of a ``Spreadsheet``: final sheet names, warnings, and everything Excel would reject,
/// found before any file is created.
struct WritePlan {
    /// Excel's limit on sheet names, in UTF-16 code units (libxlsxwriter counts UTF-8 characters).
    static let sheetNameLimit = 31

    /// The name each sheet is written with, in order.
    let sheetNames: [String]
    /// Names truncated to 31 characters.
    let warnings: [XLSXWarning]
    /// Given names and final names, both mapped to final names (for chart series on other sheets).
    private let finalNames: [String: String]

    init(spreadsheet: Spreadsheet, displayPath: String) throws(XLSXError) {
        guard !spreadsheet.sheets.isEmpty else {
            throw XLSXError(
                .invalidValue, path: displayPath, message: "the spreadsheet has no sheets",
                hint: "add at least one Sheet")
        }
        guard spreadsheet.sheets.contains(where: { $0.visibility == .visible }) else {
            throw XLSXError(
                .invalidValue, path: displayPath, message: "every sheet is hidden; Excel needs one visible sheet",
                hint: "make at least one sheet visible")
        }
        var names: [String] = []
        var warnings: [XLSXWarning] = []
        var byFoldedName: [String: String] = [:]
        var finalNames: [String: String] = [:]
        for sheet in spreadsheet.sheets {
            guard !sheet.name.isEmpty else {
                throw XLSXError(
                    .invalidSheetName, path: displayPath, message: "a sheet has an empty name",
                    hint: "give every sheet a name of 1 to 31 characters")
            }
            let name = Self.truncated(sheet.name)
            if name != sheet.name {
                warnings.append(
                    XLSXWarning(
                        code: .sheetNameTruncated, path: displayPath, sheetName: sheet.name,
                        message: "sheet name exceeds Excel's limit of 31 characters; written as '\(name)'"))
            }
            // Excel compares sheet names without regard to case (libxlsxwriter only folds ASCII).
            let folded = name.lowercased()
            if let other = byFoldedName[folded] {
                let truncation = name == sheet.name ? "" : " (truncated to 31 characters)"
                throw XLSXError(
                    .duplicateSheetName, path: displayPath, sheetName: sheet.name,
                    message: "sheet name '\(name)'\(truncation) is already used by sheet '\(other)'",
                    hint: "give every sheet a distinct name within its first 31 characters")
            }
            byFoldedName[folded] = sheet.name
            names.append(name)
            finalNames[name] = name
            finalNames[sheet.name] = name
        }
        self.sheetNames = names
        self.warnings = warnings
        self.finalNames = finalNames
        for (sheet, name) in zip(spreadsheet.sheets, names) {
            try SheetValidator(sheet: sheet, displayPath: displayPath, sheetName: name, finalNames: finalNames)
                .validate()
        }
    }

    /// The final name of a sheet given by its given or final name.
    func resolveSheetName(_ name: String) -> String? {
        finalNames[name]
    }

    /// Cuts a name to 31 UTF-16 code units without splitting a character.
    static func truncated(_ name: String) -> String {
        guard name.utf16.count > sheetNameLimit else { return name }
        var result = ""
        var length = 0
        for character in name {
            let width = character.utf16.count
            guard length + width <= sheetNameLimit else { break }
            result.append(character)
            length += width
        }
        return result
    }
}

/// Checks one sheet against Excel's limits and the model's rules, throwing the first problem with its cell.
struct SheetValidator {
    let sheet: Sheet
    let displayPath: String
    let sheetName: String
    let finalNames: [String: String]

    func validate() throws(XLSXError) {
        try validateCells()
        try validateMerges()
        for column in sheet.columns {
            try checkColumns(column.columns, location: "column settings")
            if let width = column.width, !(0...255).contains(width) {
                throw invalid("column settings", "column width \(width) is outside 0…255")
            }
            try validateStyle(column.style, location: "column settings")
        }
        for (row, height) in sheet.rowHeights.sorted(by: { $0.key < $1.key }) {
            try checkRows(row...row, location: "row height")
            guard (0...409).contains(height) else {
                throw invalid("row \(row + 1)", "row height \(height) is outside 0…409 points")
            }
        }
        if let freeze = sheet.freezePanes { try checkCell(freeze, location: "freeze panes") }
        if let filter = sheet.autoFilter { try checkRange(filter, location: "autofilter") }
        for (index, format) in sheet.conditionalFormats.enumerated() {
            let location = "conditional format \(index + 1) (\(format.range))"
            try checkRange(format.range, location: location)
            switch format.rule {
            case .cell(let comparison, let style):
                try validateStyle(style, location: location)
                if case .between(let lower, let upper) = comparison, lower > upper {
                    throw invalid(location, "lower bound \(lower) is above upper bound \(upper)")
                }
            case .formula(let formula, let style):
                try validateStyle(style, location: location)
                if formula.isEmpty { throw invalid(location, "the formula is empty") }
            case .twoColorScale, .threeColorScale, .dataBar:
                break
            }
        }
        for (index, validation) in sheet.dataValidations.enumerated() {
            try validateDataValidation(validation, location: "data validation \(index + 1) (\(validation.range))")
        }
        for (index, chart) in sheet.charts.enumerated() {
            try validateChart(chart, location: "chart \(index + 1)")
        }
        try validatePageSetup()
        if let zoom = sheet.zoom, !(10...400).contains(zoom) {
            throw invalid(nil, "zoom \(zoom) % is outside Excel's 10…400 %")
        }
    }

    // MARK: - Cells

    private func validateCells() throws(XLSXError) {
        if sheet.rows.count > CellAddress.maximumRowCount {
            throw outOfRange(
                "row \(sheet.rows.count)", "row \(sheet.rows.count) is beyond Excel's last row, 1,048,576")
        }
        var checkedStyle = CellStyle.default
        for (row, cells) in sheet.rows.enumerated() {
            if cells.count > CellAddress.maximumColumnCount {
                throw outOfRange(
                    "row \(row + 1)",
                    "the row has \(cells.count) cells; Excel's last column is XFD (16,384)")
            }
            for (column, cell) in cells.enumerated() {
                try validateValue(cell, at: CellAddress(row: row, column: column))
                // Neighbouring cells usually share a style; check each run of equal styles once.
                let style = cell.style
                if style != checkedStyle {
                    try validateStyle(style, location: "cell \(CellAddress(row: row, column: column))")
                    checkedStyle = style
                }
            }
        }
    }

    private func validateCell(_ cell: Cell, at address: CellAddress) throws(XLSXError) {
        try validateValue(cell, at: address)
        try validateStyle(cell.style, location: "cell \(address)")
    }

    private func validateValue(_ cell: Cell, at address: CellAddress) throws(XLSXError) {
        switch cell {
        case .empty:
            return
        case .number(let value, _):
            guard value.isFinite else { throw invalid("cell \(address)", "number \(value) is not finite") }
        case .formula(let formula, let result, _):
            if formula.isEmpty || formula == "=" { throw invalid("cell \(address)", "the formula is empty") }
            if case .number(let value) = result, !value.isFinite {
                throw invalid("cell \(address)", "cached formula result \(value) is not finite")
            }
        case .url(let url, _, _):
            if url.isEmpty { throw invalid("cell \(address)", "the URL is empty") }
        case .blank, .text, .boolean, .date:
            break
        }
    }

    private func validateStyle(_ style: CellStyle, location: @autoclosure () -> String) throws(XLSXError) {
        // libxlsxwriter copies these into fixed 128-byte buffers (LXW_FORMAT_FIELD_LEN) and silently cuts them.
        if let format = style.numberFormat, format.utf8.count > 127 {
            throw invalid(location(), "number format is \(format.utf8.count) bytes long; the limit is 127")
        }
        if let font = style.fontName, font.utf8.count > 127 || font.isEmpty {
            throw invalid(location(), "font name '\(font)' is empty or longer than 127 bytes")
        }
        if let size = style.fontSize, !(1...409).contains(size) {
            throw invalid(location(), "font size \(size) is outside Excel's 1…409 points")
        }
        if !(0...15).contains(style.indent) {
            throw invalid(location(), "indent \(style.indent) is outside Excel's 0…15")
        }
    }

    private func validateMerges() throws(XLSXError) {
        let merges = sheet.merges
        for (index, merge) in merges.enumerated() {
            let location = "merged range \(merge.range)"
            try checkRange(merge.range, location: location)
            if merge.range.first == merge.range.last {
                throw invalid(location, "a merged range needs at least two cells")
            }
            try validateCell(merge.value, at: merge.range.first)
            for other in merges[..<index] where other.range.overlaps(merge.range) {
                throw invalid(location, "the range overlaps merged range \(other.range)")
            }
            for row in merge.range.rows where row < sheet.rows.count {
                let cells = sheet.rows[row]
                for column in merge.range.columns where column < cells.count && !cells[column].isEmpty {
                    throw invalid(
                        location,
                        "cell \(CellAddress(row: row, column: column)) lies inside the merged range but is not empty",
                        hint: "put the value in Merge.value and leave the range's cells .empty")
                }
            }
        }
    }

    // MARK: - Objects

    private func validateDataValidation(_ validation: DataValidation, location: String) throws(XLSXError) {
        try checkRange(validation.range, location: location)
        switch validation.rule {
        case .list(let items):
            if items.isEmpty { throw invalid(location, "the list is empty") }
            // Excel stores the list as one quoted, comma-separated string of at most 255 characters.
            let length = items.map(\.utf16.count).reduce(0, +) + items.count - 1
            if length > 255 {
                throw invalid(
                    location, "the list is \(length) characters long; Excel's limit is 255",
                    hint: "put the items in cells and validate against that range instead")
            }
        case .decimal(let minimum, let maximum):
            if !(minimum.isFinite && maximum.isFinite) || minimum > maximum {
                throw invalid(location, "bounds \(minimum)…\(maximum) are not finite and ordered")
            }
        case .wholeNumber(let minimum, let maximum), .textLength(let minimum, let maximum):
            if minimum > maximum { throw invalid(location, "minimum \(minimum) is above maximum \(maximum)") }
        case .date(let earliest, let latest):
            if earliest > latest { throw invalid(location, "the earliest date is after the latest") }
        }
        for (text, limit, what) in [
            (validation.inputTitle, 32, "input title"), (validation.errorTitle, 32, "error title"),
            (validation.inputMessage, 255, "input message"), (validation.errorMessage, 255, "error message"),
        ] {
            if let text, text.utf16.count > limit {
                throw invalid(location, "\(what) is \(text.utf16.count) characters long; Excel's limit is \(limit)")
            }
        }
    }

    private func validateChart(_ chart: Chart, location: String) throws(XLSXError) {
        try checkCell(chart.anchor, location: location)
        if chart.series.isEmpty { throw invalid(location, "the chart has no series") }
        if chart.width <= 0 || chart.height <= 0 {
            throw invalid(location, "size \(chart.width) × \(chart.height) pixels is not positive")
        }
        for (index, series) in chart.series.enumerated() {
            let seriesLocation = "\(location), series \(index + 1)"
            try checkRange(series.categories, location: seriesLocation)
            try checkRange(series.values, location: seriesLocation)
            if let name = series.sheet, finalNames[name] == nil {
                throw invalid(seriesLocation, "the series refers to sheet '\(name)', which is not in the spreadsheet")
            }
        }
    }

    private func validatePageSetup() throws(XLSXError) {
        let setup = sheet.pageSetup
        if !(0...255).contains(setup.paperSize.code) {
            throw invalid("page setup", "paper code \(setup.paperSize.code) is outside 0…255")
        }
        if let pages = setup.fitToWidth, !(0...32_767).contains(pages) {
            throw invalid("page setup", "fit to \(pages) pages wide is outside 0…32,767")
        }
        if let rows = setup.repeatedRows { try checkRows(rows, location: "repeated rows") }
        if let area = setup.printArea { try checkRange(area, location: "print area") }
        for (text, what) in [(setup.header, "header"), (setup.footer, "footer")] {
            if let text, text.utf16.count > 255 {
                throw invalid("page setup", "the \(what) is \(text.utf16.count) characters long; Excel's limit is 255")
            }
        }
        if let margins = setup.margins,
            ![margins.left, margins.right, margins.top, margins.bottom].allSatisfy({ $0.isFinite && $0 >= 0 })
        {
            throw invalid("page setup", "margins must be finite and not negative")
        }
    }

    // MARK: - Grid checks

    private func checkCell(_ cell: CellAddress, location: String) throws(XLSXError) {
        guard cell.isOnExcelGrid else {
            throw outOfRange(
                location, "cell \(cell) is outside Excel's grid of 1,048,576 rows × 16,384 columns (A1:XFD1048576)")
        }
    }

    private func checkRange(_ range: CellRange, location: String) throws(XLSXError) {
        guard range.first.isOnExcelGrid, range.last.isOnExcelGrid else {
            throw outOfRange(
                location, "range \(range) is outside Excel's grid of 1,048,576 rows × 16,384 columns (A1:XFD1048576)")
        }
    }

    private func checkRows(_ rows: ClosedRange<Int>, location: String) throws(XLSXError) {
        guard rows.lowerBound >= 0, rows.upperBound < CellAddress.maximumRowCount else {
            throw outOfRange(location, "rows \(rows) are outside Excel's zero-based rows 0…1,048,575")
        }
    }

    private func checkColumns(_ columns: ClosedRange<Int>, location: String) throws(XLSXError) {
        guard columns.lowerBound >= 0, columns.upperBound < CellAddress.maximumColumnCount else {
            throw outOfRange(location, "columns \(columns) are outside Excel's zero-based columns 0…16,383")
        }
    }

    private func invalid(_ location: String?, _ message: String, hint: String? = nil) -> XLSXError {
        XLSXError(
            .invalidValue, path: displayPath, sheetName: sheetName, location: location, message: message, hint: hint)
    }

    private func outOfRange(_ location: String?, _ message: String) -> XLSXError {
        XLSXError(.outOfRange, path: displayPath, sheetName: sheetName, location: location, message: message)
    }
}
