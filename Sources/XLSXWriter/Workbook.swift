// Every libxlsxwriter call of the package lives in this file, so that no `lxw_worksheet`, `lxw_format` or
// `lxw_chart` pointer can escape it: they are owned by the `lxw_workbook`, which `Workbook` owns, and they die in
// `workbook_close`.
//
// Strings: libxlsxwriter copies every string it keeps, so the pointers from `withCString` (and the `strdup`
// copies in `CStrings`) only need to live for the duration of each call. In libxlsxwriter 1.1.4
// (https://github.com/jmcnamara/libxlsxwriter/blob/RELEASE_1.1.4/src/worksheet.c), worksheet_write_string() does
// `string_copy = lxw_strdup(string);` in constant-memory mode and otherwise stores the string in the shared
// string table, which keeps its own `lxw_strdup` copy (src/shared_strings.c); formulas are copied with
// `formula_copy = lxw_strdup_formula(formula)`, URLs, headers, footers, chart titles, series names, axis names and
// the document properties with `lxw_strdup`, number formats and font names into fixed 128-byte buffers
// (LXW_FORMAT_FIELD_COPY, src/format.c), and `workbook_new_opt()` copies the file name and `tmpdir`.
import CXLSXWriter
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The single owner of one `lxw_workbook`.
///
/// `close()` writes the file. `workbook_close` frees the workbook even when it fails, so `close()` marks the
/// workbook closed *before* calling it; `deinit` closes a workbook that is still open (after an error), which
/// writes a file that the caller then removes.
struct Workbook: ~Copyable {
    private let handle: UnsafeMutablePointer<lxw_workbook>
    private let displayPath: String
    private let constantMemory: Bool
    private var isClosed = false
    /// One `lxw_format` per distinct style; libxlsxwriter frees them in `workbook_close`.
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    /// The last style looked up: neighbouring cells usually share a style, and comparing is cheaper than hashing.
    private var lastFormat: (style: CellStyle, format: UnsafeMutablePointer<lxw_format>)?
    private var worksheets: [UnsafeMutablePointer<lxw_worksheet>] = []

    /// Opens a workbook that will be written to `path` when closed.
    init(path: String, displayPath: String, constantMemory: Bool, temporaryDirectory: String?) throws(XLSXError) {
        var strings = CStrings()
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        options.tmpdir = strings.copy(temporaryDirectory)
        guard let handle = workbook_new_opt(path, &options) else {
            throw XLSXError(
                .libraryError, path: displayPath,
                message: "workbook_new_opt failed: \(Self.text(LXW_ERROR_MEMORY_MALLOC_FAILED))")
        }
        self.handle = handle
        self.displayPath = displayPath
        self.constantMemory = constantMemory
    }

    deinit {
        if !isClosed {
            _ = workbook_close(handle)
        }
    }

    /// Writes the .xlsx file and frees the workbook, whatever the outcome.
    consuming func close() throws(XLSXError) {
        isClosed = true
        let error = workbook_close(handle)
        guard error == LXW_NO_ERROR else {
            throw XLSXError(
                .libraryError, path: displayPath, message: "workbook_close failed: \(Self.text(error))")
        }
    }

    // MARK: - Workbook

    /// Sets the document properties.
    ///
    /// A missing creation date becomes 1980-01-01T00:00:00Z rather than "now": libxlsxwriter uses `time(NULL)`
    /// when `created` is 0, which would make every file different.
    mutating func setProperties(_ properties: DocumentProperties) throws(XLSXError) {
        var strings = CStrings()
        var cProperties = lxw_doc_properties()
        cProperties.title = strings.copy(properties.title)
        cProperties.subject = strings.copy(properties.subject)
        cProperties.author = strings.copy(properties.author)
        cProperties.manager = strings.copy(properties.manager)
        cProperties.company = strings.copy(properties.company)
        cProperties.category = strings.copy(properties.category)
        cProperties.keywords = strings.copy(properties.keywords)
        cProperties.comments = strings.copy(properties.comments)
        let seconds = properties.created.map { $0.timeIntervalSince1970.rounded(.down) } ?? 315_532_800
        // time_t 0 means "unset" to libxlsxwriter; 1970-01-01T00:00:00Z is written one second later.
        cProperties.created = time_t(exactly: seconds == 0 ? 1 : seconds) ?? 315_532_800
        try check(workbook_set_properties(handle, &cProperties), "workbook_set_properties", sheet: nil)
    }

    mutating func defineName(_ definedName: DefinedName) throws(XLSXError) {
        let error = workbook_define_name(handle, definedName.name, definedName.formula)
        try check(error, "workbook_define_name", sheet: nil, location: "defined name '\(definedName.name)'")
    }

    /// A hidden sheet cannot be the active one, and Excel opens on the active sheet (the first by default).
    mutating func activateFirstVisibleSheet(visibilities: [Sheet.Visibility]) {
        guard visibilities.first == .hidden,
            let index = visibilities.firstIndex(of: .visible), worksheets.indices.contains(index)
        else { return }
        worksheet_activate(worksheets[index])
        worksheet_set_first_sheet(worksheets[index])
    }

    // MARK: - Sheets

    /// Adds a sheet and writes all of it: settings first, then the cells row by row (which constant-memory
    /// mode requires), then charts.
    mutating func addSheet(
        _ sheet: Sheet, name: String, resolveSheetName: (String) -> String?
    ) throws(XLSXError) {
        // workbook_add_worksheet() only returns NULL for a bad name; this call says why.
        let nameError = workbook_validate_sheet_name(handle, name)
        guard nameError == LXW_NO_ERROR else {
            throw XLSXError(
                nameError == LXW_ERROR_SHEETNAME_ALREADY_USED ? .duplicateSheetName : .invalidSheetName,
                path: displayPath, sheetName: name, message: "invalid sheet name: \(Self.text(nameError))",
                hint: "Excel sheet names have 1 to 31 characters, none of [ ] : * ? / \\, and no leading or "
                    + "trailing apostrophe")
        }
        guard let worksheet = workbook_add_worksheet(handle, name) else {
            throw XLSXError(
                .libraryError, path: displayPath, sheetName: name,
                message: "workbook_add_worksheet failed (out of memory, or temporary directory not writable)")
        }
        worksheets.append(worksheet)
        let context = SheetContext(worksheet: worksheet, name: name, displayPath: displayPath)
        try configure(sheet, context)
        try writeCells(of: sheet, context)
        for (index, chart) in sheet.charts.enumerated() {
            try insertChart(chart, number: index + 1, context, resolveSheetName: resolveSheetName)
        }
    }

    private mutating func configure(_ sheet: Sheet, _ context: SheetContext) throws(XLSXError) {
        let worksheet = context.worksheet
        for column in sheet.columns {
            let first = try context.column(column.columns.lowerBound, "column settings")
            let last = try context.column(column.columns.upperBound, "column settings")
            var options = lxw_row_col_options()
            options.hidden = column.isHidden ? 1 : 0
            let error = worksheet_set_column_opt(
                worksheet, first, last, column.width ?? 8.43, try format(for: column.style, context), &options)
            try context.check(error, "worksheet_set_column_opt", location: "column settings")
        }
        if sheet.visibility == .hidden { worksheet_hide(worksheet) }
        if let color = sheet.tabColor { worksheet_set_tab_color(worksheet, Self.color(color)) }
        if let zoom = sheet.zoom, let scale = UInt16(exactly: zoom) { worksheet_set_zoom(worksheet, scale) }
        if !sheet.showsGridlines { worksheet_gridlines(worksheet, UInt8(LXW_HIDE_ALL_GRIDLINES.rawValue)) }
        if let freeze = sheet.freezePanes {
            worksheet_freeze_panes(
                worksheet, try context.row(freeze.row, "freeze panes"),
                try context.column(freeze.column, "freeze panes"))
        }
        if let range = sheet.autoFilter {
            let (firstRow, firstColumn, lastRow, lastColumn) = try context.corners(range, "autofilter")
            let error = worksheet_autofilter(worksheet, firstRow, firstColumn, lastRow, lastColumn)
            try context.check(error, "worksheet_autofilter", location: "autofilter \(range)")
        }
        if let protection = sheet.protection { protect(worksheet, protection) }
        try setUpPage(sheet.pageSetup, context)
        for (index, validation) in sheet.dataValidations.enumerated() {
            try addDataValidation(validation, context, location: "data validation \(index + 1) (\(validation.range))")
        }
        for (index, conditionalFormat) in sheet.conditionalFormats.enumerated() {
            try addConditionalFormat(
                conditionalFormat, context, location: "conditional format \(index + 1) (\(conditionalFormat.range))")
        }
    }

    private func protect(_ worksheet: UnsafeMutablePointer<lxw_worksheet>, _ protection: SheetProtection) {
        var options = lxw_protection()
        options.no_select_locked_cells = protection.allowsSelectingLockedCells ? 0 : 1
        options.no_select_unlocked_cells = protection.allowsSelectingUnlockedCells ? 0 : 1
        options.format_cells = protection.allowsFormattingCells ? 1 : 0
        options.format_columns = protection.allowsFormattingColumns ? 1 : 0
        options.format_rows = protection.allowsFormattingRows ? 1 : 0
        options.sort = protection.allowsSorting ? 1 : 0
        options.autofilter = protection.allowsAutoFilter ? 1 : 0
        // The password is hashed at once (lxw_hash_password); NULL means no password.
        if let password = protection.password {
            worksheet_protect(worksheet, password, &options)
        } else {
            worksheet_protect(worksheet, nil, &options)
        }
    }

    private func setUpPage(_ setup: PageSetup, _ context: SheetContext) throws(XLSXError) {
        let worksheet = context.worksheet
        if setup.orientation == .landscape { worksheet_set_landscape(worksheet) }
        if setup.paperSize.code != 0, let paper = UInt8(exactly: setup.paperSize.code) {
            worksheet_set_paper(worksheet, paper)
        }
        if let pages = setup.fitToWidth, let width = UInt16(exactly: pages) {
            // Height 0: as many pages tall as the content needs.
            worksheet_fit_to_pages(worksheet, width, 0)
        }
        if let rows = setup.repeatedRows {
            let error = worksheet_repeat_rows(
                worksheet, try context.row(rows.lowerBound, "repeated rows"),
                try context.row(rows.upperBound, "repeated rows"))
            try context.check(error, "worksheet_repeat_rows", location: "repeated rows")
        }
        if let area = setup.printArea {
            let (firstRow, firstColumn, lastRow, lastColumn) = try context.corners(area, "print area")
            let error = worksheet_print_area(worksheet, firstRow, firstColumn, lastRow, lastColumn)
            try context.check(error, "worksheet_print_area", location: "print area \(area)")
        }
        if let header = setup.header {
            try context.check(worksheet_set_header(worksheet, header), "worksheet_set_header", location: "page setup")
        }
        if let footer = setup.footer {
            try context.check(worksheet_set_footer(worksheet, footer), "worksheet_set_footer", location: "page setup")
        }
        if let margins = setup.margins {
            worksheet_set_margins(worksheet, margins.left, margins.right, margins.top, margins.bottom)
        }
        if setup.centersHorizontally { worksheet_center_horizontally(worksheet) }
        if let first = setup.firstPageNumber {
            guard let start = UInt16(exactly: first), start > 0 else {
                throw XLSXError(
                    .outOfRange, path: context.displayPath, sheetName: context.name, location: "page setup",
                    message: "the first page number \(first) is outside 1…65,535")
            }
            worksheet_set_start_page(worksheet, start)
        }
        if !setup.rowBreaks.isEmpty {
            // A zero-terminated array; libxlsxwriter copies it (and allows at most 1,023 breaks).
            var breaks: [lxw_row_t] = []
            for row in setup.rowBreaks.sorted() {
                let converted = try context.row(row, "page break")
                guard converted > 0 else {
                    throw XLSXError(
                        .outOfRange, path: context.displayPath, sheetName: context.name, location: "page break",
                        message: "a page break above row 1 is no break; give rows 2 or below")
                }
                breaks.append(converted)
            }
            breaks.append(0)
            try context.check(worksheet_set_h_pagebreaks(worksheet, &breaks), "worksheet_set_h_pagebreaks", location: "page breaks")
        }
    }

    private mutating func addDataValidation(
        _ validation: DataValidation, _ context: SheetContext, location: String
    ) throws(XLSXError) {
        var strings = CStrings()
        var cValidation = lxw_data_validation()
        cValidation.ignore_blank = Self.flag(validation.allowsBlank)
        cValidation.input_title = strings.copy(validation.inputTitle)
        cValidation.input_message = strings.copy(validation.inputMessage)
        cValidation.show_input = Self.flag(validation.inputTitle != nil || validation.inputMessage != nil)
        cValidation.error_title = strings.copy(validation.errorTitle)
        cValidation.error_message = strings.copy(validation.errorMessage)
        cValidation.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
        var list: [UnsafeMutablePointer<CChar>?] = []
        switch validation.rule {
        case .list(let items):
            cValidation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
            cValidation.criteria = UInt8(LXW_VALIDATION_CRITERIA_NONE.rawValue)
            for item in items { list.append(strings.copy(item)) }
            list.append(nil)
        case .decimal(let minimum, let maximum):
            cValidation.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
            cValidation.minimum_number = minimum
            cValidation.maximum_number = maximum
        case .wholeNumber(let minimum, let maximum):
            cValidation.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
            cValidation.minimum_number = Double(minimum)
            cValidation.maximum_number = Double(maximum)
        case .textLength(let minimum, let maximum):
            cValidation.validate = UInt8(LXW_VALIDATION_TYPE_LENGTH.rawValue)
            cValidation.minimum_number = Double(minimum)
            cValidation.maximum_number = Double(maximum)
        case .date(let earliest, let latest):
            cValidation.validate = UInt8(LXW_VALIDATION_TYPE_DATE.rawValue)
            cValidation.minimum_datetime = Self.datetime(earliest)
            cValidation.maximum_datetime = Self.datetime(latest)
        }
        let (firstRow, firstColumn, lastRow, lastColumn) = try context.corners(validation.range, location)
        // The list is turned into one quoted string at once (_validation_list_to_csv), so the array and its
        // strings only need to live for this call.
        let error = list.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { cValidation.value_list = base }
            return worksheet_data_validation_range(
                context.worksheet, firstRow, firstColumn, lastRow, lastColumn, &cValidation)
        }
        try context.check(error, "worksheet_data_validation_range", location: location)
    }

    private mutating func addConditionalFormat(
        _ conditionalFormat: ConditionalFormat, _ context: SheetContext, location: String
    ) throws(XLSXError) {
        var strings = CStrings()
        var cFormat = lxw_conditional_format()
        switch conditionalFormat.rule {
        case .twoColorScale(let minimum, let maximum):
            cFormat.type = UInt8(LXW_CONDITIONAL_2_COLOR_SCALE.rawValue)
            cFormat.min_color = Self.color(minimum)
            cFormat.max_color = Self.color(maximum)
        case .threeColorScale(let minimum, let midpoint, let maximum):
            cFormat.type = UInt8(LXW_CONDITIONAL_3_COLOR_SCALE.rawValue)
            cFormat.min_color = Self.color(minimum)
            cFormat.mid_color = Self.color(midpoint)
            cFormat.max_color = Self.color(maximum)
        case .dataBar(let color):
            cFormat.type = UInt8(LXW_CONDITIONAL_DATA_BAR.rawValue)
            cFormat.bar_color = Self.color(color)
        case .cell(let comparison, let style):
            cFormat.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            cFormat.format = try format(for: style, context)
            let criteria: lxw_conditional_criteria
            switch comparison {
            case .between(let lower, let upper):
                (criteria, cFormat.min_value, cFormat.max_value) = (LXW_CONDITIONAL_CRITERIA_BETWEEN, lower, upper)
            case .notBetween(let lower, let upper):
                (criteria, cFormat.min_value, cFormat.max_value) = (LXW_CONDITIONAL_CRITERIA_NOT_BETWEEN, lower, upper)
            case .equalTo(let value):
                (criteria, cFormat.value) = (LXW_CONDITIONAL_CRITERIA_EQUAL_TO, value)
            case .notEqualTo(let value):
                (criteria, cFormat.value) = (LXW_CONDITIONAL_CRITERIA_NOT_EQUAL_TO, value)
            case .greaterThan(let value):
                (criteria, cFormat.value) = (LXW_CONDITIONAL_CRITERIA_GREATER_THAN, value)
            case .greaterThanOrEqualTo(let value):
                (criteria, cFormat.value) = (LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO, value)
            case .lessThan(let value):
                (criteria, cFormat.value) = (LXW_CONDITIONAL_CRITERIA_LESS_THAN, value)
            case .lessThanOrEqualTo(let value):
                (criteria, cFormat.value) = (LXW_CONDITIONAL_CRITERIA_LESS_THAN_OR_EQUAL_TO, value)
            }
            cFormat.criteria = UInt8(criteria.rawValue)
        case .formula(let formula, let style):
            cFormat.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
            cFormat.format = try format(for: style, context)
            cFormat.value_string = strings.copy(formula)
        }
        let (firstRow, firstColumn, lastRow, lastColumn) = try context.corners(conditionalFormat.range, location)
        let error = worksheet_conditional_format_range(
            context.worksheet, firstRow, firstColumn, lastRow, lastColumn, &cFormat)
        try context.check(error, "worksheet_conditional_format_range", location: location)
    }

    // MARK: - Cells

    /// Writes rows top to bottom and each row left to right.
    ///
    /// This loop writes each merged range's value and styled blanks itself, in row order, because
    /// `worksheet_merge_range` also writes cells: an empty string in the first cell and blanks in the others
    /// (src/worksheet.c), ignoring the errors of those writes. When the merge is registered decides which of
    /// its writes land:
    /// - normally, all merges are registered before any cell, so this loop's writes replace theirs;
    /// - in constant-memory mode, libxlsxwriter can only write the current row (earlier rows are flushed and
    ///   rejected). A one-row merge is registered just before its row's cells, so they replace its writes; a
    ///   taller merge just after the cells of its last row, so its writes to earlier rows are rejected and
    ///   its blanks in the last row repeat the ones written here.
    private mutating func writeCells(of sheet: Sheet, _ context: SheetContext) throws(XLSXError) {
        var mergesByLastRow: [Int: [Merge]] = [:]
        var mergedCells: [Int: [Int: Cell]] = [:]
        for merge in sheet.merges {
            mergesByLastRow[merge.range.last.row, default: []].append(merge)
            let value = merge.value.isEmpty ? Cell.blank(style: .default) : merge.value
            for row in merge.range.rows {
                for column in merge.range.columns {
                    let isAnchor = row == merge.range.first.row && column == merge.range.first.column
                    mergedCells[row, default: [:]][column] = isAnchor ? value : .blank(style: value.style)
                }
            }
        }
        let lastRow = max(
            sheet.rows.count - 1, mergesByLastRow.keys.max() ?? -1, sheet.rowHeights.keys.max() ?? -1)
        guard lastRow >= 0 else { return }
        if !constantMemory {
            for merge in sheet.merges { try addMerge(merge, context) }
        }
        for rowIndex in 0...lastRow {
            let row = try context.row(rowIndex, "row \(rowIndex + 1)")
            if let height = sheet.rowHeights[rowIndex] {
                try context.check(
                    worksheet_set_row(context.worksheet, row, height, nil), "worksheet_set_row",
                    location: "row \(rowIndex + 1)")
            }
            let endingMerges = constantMemory ? mergesByLastRow[rowIndex] ?? [] : []
            for merge in endingMerges where merge.range.rows.count == 1 {
                try addMerge(merge, context)
            }
            let cells = rowIndex < sheet.rows.count ? sheet.rows[rowIndex] : []
            if let merged = mergedCells[rowIndex] {
                let width = max(cells.count, (merged.keys.max() ?? -1) + 1)
                for columnIndex in 0..<width {
                    let cell = merged[columnIndex] ?? (columnIndex < cells.count ? cells[columnIndex] : .empty)
                    try write(cell, row: row, columnIndex: columnIndex, context)
                }
            } else {
                for (columnIndex, cell) in cells.enumerated() {
                    try write(cell, row: row, columnIndex: columnIndex, context)
                }
            }
            for merge in endingMerges where merge.range.rows.count > 1 {
                try addMerge(merge, context)
            }
        }
    }

    private mutating func addMerge(_ merge: Merge, _ context: SheetContext) throws(XLSXError) {
        let location = "merged range \(merge.range)"
        let (firstRow, firstColumn, lastRow, lastColumn) = try context.corners(merge.range, location)
        let error = worksheet_merge_range(
            context.worksheet, firstRow, firstColumn, lastRow, lastColumn, "",
            try format(for: merge.value.style, context))
        try context.check(error, "worksheet_merge_range", location: location)
    }

    private mutating func write(
        _ cell: Cell, row: lxw_row_t, columnIndex: Int, _ context: SheetContext
    ) throws(XLSXError) {
        if case .empty = cell { return }
        let column = try context.column(columnIndex, "column \(columnIndex + 1)")
        let worksheet = context.worksheet
        let function: String
        let error: lxw_error
        switch cell {
        case .empty:
            return
        case .blank(let style):
            function = "worksheet_write_blank"
            error = worksheet_write_blank(worksheet, row, column, try format(for: style, context))
        case .text(let text, let style):
            // Always a string, never a formula: "=SUM(A1)", "+84…", "-x" and "@x" stay text.
            function = "worksheet_write_string"
            error = worksheet_write_string(worksheet, row, column, text, try format(for: style, context))
        case .number(let value, let style):
            function = "worksheet_write_number"
            error = worksheet_write_number(worksheet, row, column, value, try format(for: style, context))
        case .boolean(let value, let style):
            function = "worksheet_write_boolean"
            error = worksheet_write_boolean(worksheet, row, column, value ? 1 : 0, try format(for: style, context))
        case .formula(let formula, let result, let style):
            let cellFormat = try format(for: style, context)
            switch result {
            case .number(let value):
                function = "worksheet_write_formula_num"
                error = worksheet_write_formula_num(worksheet, row, column, formula, cellFormat, value)
            case .boolean(let value):
                function = "worksheet_write_formula_num"
                error = worksheet_write_formula_num(worksheet, row, column, formula, cellFormat, value ? 1 : 0)
            case .text(let value):
                function = "worksheet_write_formula_str"
                error = worksheet_write_formula_str(worksheet, row, column, formula, cellFormat, value)
            }
        case .date(let date, var style):
            if style.numberFormat == nil { style.numberFormat = "yyyy-mm-dd" }
            function = "worksheet_write_unixtime"
            let seconds = Int64(exactly: date.timeIntervalSince1970.rounded(.down)) ?? 0
            error = worksheet_write_unixtime(worksheet, row, column, seconds, try format(for: style, context))
        case .url(let url, let text, let style):
            // A NULL format makes libxlsxwriter use its default hyperlink format (blue, underlined).
            function = "worksheet_write_url_opt"
            let cellFormat = style == .default ? nil : try format(for: style, context)
            if let text {
                error = worksheet_write_url_opt(worksheet, row, column, url, cellFormat, text, nil)
            } else {
                error = worksheet_write_url_opt(worksheet, row, column, url, cellFormat, nil, nil)
            }
        }
        guard error == LXW_NO_ERROR else {
            throw context.error(
                error, function, location: "cell \(CellAddress(row: Int(row), column: columnIndex))")
        }
    }

    // MARK: - Formats

    /// The one `lxw_format` for a style; `nil` (libxlsxwriter's default format) for ``CellStyle/default``.
    private mutating func format(
        for style: CellStyle, _ context: SheetContext
    ) throws(XLSXError) -> UnsafeMutablePointer<lxw_format>? {
        if style == .default { return nil }
        if let lastFormat, lastFormat.style == style { return lastFormat.format }
        if let existing = formats[style] {
            lastFormat = (style, existing)
            return existing
        }
        guard let format = workbook_add_format(handle) else {
            throw XLSXError(
                .libraryError, path: displayPath, sheetName: context.name,
                message: "workbook_add_format failed: \(Self.text(LXW_ERROR_MEMORY_MALLOC_FAILED))")
        }
        if style.bold { format_set_bold(format) }
        if style.italic { format_set_italic(format) }
        if let size = style.fontSize { format_set_font_size(format, size) }
        if let name = style.fontName { format_set_font_name(format, name) }
        if let color = style.fontColor { format_set_font_color(format, Self.color(color)) }
        if let fill = style.fillColor {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, Self.color(fill))
        }
        if let numberFormat = style.numberFormat { format_set_num_format(format, numberFormat) }
        if let alignment = style.horizontalAlignment { format_set_align(format, Self.alignment(alignment)) }
        if let alignment = style.verticalAlignment { format_set_align(format, Self.alignment(alignment)) }
        if style.wrapsText { format_set_text_wrap(format) }
        if style.indent > 0, let indent = UInt8(exactly: style.indent) { format_set_indent(format, indent) }
        if let border = style.borders.top {
            format_set_top(format, Self.borderStyle(border.style))
            if let color = border.color { format_set_top_color(format, Self.color(color)) }
        }
        if let border = style.borders.bottom {
            format_set_bottom(format, Self.borderStyle(border.style))
            if let color = border.color { format_set_bottom_color(format, Self.color(color)) }
        }
        if let border = style.borders.left {
            format_set_left(format, Self.borderStyle(border.style))
            if let color = border.color { format_set_left_color(format, Self.color(color)) }
        }
        if let border = style.borders.right {
            format_set_right(format, Self.borderStyle(border.style))
            if let color = border.color { format_set_right_color(format, Self.color(color)) }
        }
        if !style.isLocked { format_set_unlocked(format) }
        if style.hidesFormula { format_set_hidden(format) }
        formats[style] = format
        lastFormat = (style, format)
        return format
    }

    // MARK: - Charts

    private mutating func insertChart(
        _ chart: Chart, number: Int, _ context: SheetContext, resolveSheetName: (String) -> String?
    ) throws(XLSXError) {
        let location = "chart \(number)"
        let chartType: lxw_chart_type
        switch chart.kind {
        case .bar: chartType = LXW_CHART_BAR
        case .column: chartType = LXW_CHART_COLUMN
        case .radar: chartType = LXW_CHART_RADAR
        }
        guard let cChart = workbook_add_chart(handle, UInt8(chartType.rawValue)) else {
            throw XLSXError(
                .libraryError, path: displayPath, sheetName: context.name, location: location,
                message: "workbook_add_chart failed: \(Self.text(LXW_ERROR_MEMORY_MALLOC_FAILED))")
        }
        if let title = chart.title { chart_title_set_name(cChart, title) }
        for (index, series) in chart.series.enumerated() {
            let seriesLocation = "\(location), series \(index + 1)"
            guard let cSeries = chart_add_series(cChart, nil, nil) else {
                throw XLSXError(
                    .libraryError, path: displayPath, sheetName: context.name, location: seriesLocation,
                    message: "chart_add_series failed: \(Self.text(LXW_ERROR_MEMORY_MALLOC_FAILED))")
            }
            let sheetName = series.sheet.flatMap(resolveSheetName) ?? context.name
            let categories = try context.corners(series.categories, seriesLocation)
            let values = try context.corners(series.values, seriesLocation)
            chart_series_set_categories(
                cSeries, sheetName, categories.0, categories.1, categories.2, categories.3)
            chart_series_set_values(cSeries, sheetName, values.0, values.1, values.2, values.3)
            if let name = series.name { chart_series_set_name(cSeries, name) }
            if let color = series.color {
                if chart.kind == .radar {
                    var line = lxw_chart_line()
                    line.color = Self.color(color)
                    chart_series_set_line(cSeries, &line)
                } else {
                    var fill = lxw_chart_fill()
                    fill.color = Self.color(color)
                    chart_series_set_fill(cSeries, &fill)
                }
            }
        }
        // In a bar chart the category axis is vertical, and libxlsxwriter calls it the Y axis.
        let categoryAxis = chart_axis_get(cChart, chart.kind == .bar ? LXW_CHART_AXIS_TYPE_Y : LXW_CHART_AXIS_TYPE_X)
        let valueAxis = chart_axis_get(cChart, chart.kind == .bar ? LXW_CHART_AXIS_TYPE_X : LXW_CHART_AXIS_TYPE_Y)
        if let title = chart.categoryAxisTitle, let categoryAxis { chart_axis_set_name(categoryAxis, title) }
        if let title = chart.valueAxisTitle, let valueAxis { chart_axis_set_name(valueAxis, title) }
        let legend = chart.showsLegend ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE
        chart_legend_set_position(cChart, UInt8(legend.rawValue))
        var options = lxw_chart_options()
        // libxlsxwriter's default chart is 480 × 288 pixels; the size is given as a scale of it.
        options.x_scale = Double(chart.width) / 480
        options.y_scale = Double(chart.height) / 288
        let error = worksheet_insert_chart_opt(
            context.worksheet, try context.row(chart.anchor.row, location),
            try context.column(chart.anchor.column, location), cChart, &options)
        try context.check(error, "worksheet_insert_chart_opt", location: location)
    }

    // MARK: - Conversions

    private func check(_ error: lxw_error, _ function: String, sheet: String?, location: String? = nil)
        throws(XLSXError)
    {
        guard error == LXW_NO_ERROR else {
            throw XLSXError(
                .libraryError, path: displayPath, sheetName: sheet, location: location,
                message: "\(function) failed: \(Self.text(error))")
        }
    }

    /// The `lxw_strerror` text of an error.
    ///
    /// For example, "String exceeds Excel's limit of 32,767 characters."
    static func text(_ error: lxw_error) -> String {
        guard let message = lxw_strerror(error) else { return "libxlsxwriter error \(error.rawValue)." }
        return String(cString: message)
    }

    /// libxlsxwriter reads colour 0x000000 as "unset" (LXW_COLOR_UNSET) and spells black LXW_COLOR_BLACK.
    static func color(_ color: Color) -> lxw_color_t {
        color.rgb == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : color.rgb
    }

    static func flag(_ value: Bool) -> UInt8 {
        UInt8((value ? LXW_VALIDATION_ON : LXW_VALIDATION_OFF).rawValue)
    }

    static func alignment(_ alignment: CellStyle.HorizontalAlignment) -> UInt8 {
        let value: lxw_format_alignments
        switch alignment {
        case .left: value = LXW_ALIGN_LEFT
        case .center: value = LXW_ALIGN_CENTER
        case .right: value = LXW_ALIGN_RIGHT
        case .fill: value = LXW_ALIGN_FILL
        case .justify: value = LXW_ALIGN_JUSTIFY
        case .centerAcross: value = LXW_ALIGN_CENTER_ACROSS
        case .distributed: value = LXW_ALIGN_DISTRIBUTED
        }
        return UInt8(value.rawValue)
    }

    static func alignment(_ alignment: CellStyle.VerticalAlignment) -> UInt8 {
        let value: lxw_format_alignments
        switch alignment {
        case .top: value = LXW_ALIGN_VERTICAL_TOP
        case .center: value = LXW_ALIGN_VERTICAL_CENTER
        case .bottom: value = LXW_ALIGN_VERTICAL_BOTTOM
        case .justify: value = LXW_ALIGN_VERTICAL_JUSTIFY
        case .distributed: value = LXW_ALIGN_VERTICAL_DISTRIBUTED
        }
        return UInt8(value.rawValue)
    }

    static func borderStyle(_ style: Border.Style) -> UInt8 {
        let value: lxw_format_borders
        switch style {
        case .thin: value = LXW_BORDER_THIN
        case .medium: value = LXW_BORDER_MEDIUM
        case .thick: value = LXW_BORDER_THICK
        case .dashed: value = LXW_BORDER_DASHED
        case .dotted: value = LXW_BORDER_DOTTED
        case .double: value = LXW_BORDER_DOUBLE
        case .hair: value = LXW_BORDER_HAIR
        }
        return UInt8(value.rawValue)
    }

    /// A date as UTC calendar fields, for data validation bounds.
    static func datetime(_ date: Date) -> lxw_datetime {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        var datetime = lxw_datetime()
        datetime.year = Int32(parts.year ?? 1900)
        datetime.month = Int32(parts.month ?? 1)
        datetime.day = Int32(parts.day ?? 1)
        datetime.hour = Int32(parts.hour ?? 0)
        datetime.min = Int32(parts.minute ?? 0)
        datetime.sec = Double(parts.second ?? 0)
        return datetime
    }
}

@available(*, unavailable)
extension Workbook: Sendable {}

/// One worksheet pointer with the names used in error messages, and the checked index conversions.
private struct SheetContext {
    let worksheet: UnsafeMutablePointer<lxw_worksheet>
    let name: String
    let displayPath: String

    /// A zero-based row as `lxw_row_t`, checked against Excel's 1,048,576 rows.
    func row(_ index: Int, _ location: @autoclosure () -> String) throws(XLSXError) -> lxw_row_t {
        guard index < CellAddress.maximumRowCount, let row = lxw_row_t(exactly: index) else {
            throw outOfRange(location(), "row index \(index) is outside Excel's 0…1,048,575")
        }
        return row
    }

    /// A zero-based column as `lxw_col_t`, checked against Excel's 16,384 columns.
    func column(_ index: Int, _ location: @autoclosure () -> String) throws(XLSXError) -> lxw_col_t {
        guard index < CellAddress.maximumColumnCount, let column = lxw_col_t(exactly: index) else {
            throw outOfRange(location(), "column index \(index) is outside Excel's 0…16,383")
        }
        return column
    }

    func corners(
        _ range: CellRange, _ location: String
    ) throws(XLSXError) -> (lxw_row_t, lxw_col_t, lxw_row_t, lxw_col_t) {
        (
            try row(range.first.row, location), try column(range.first.column, location),
            try row(range.last.row, location), try column(range.last.column, location)
        )
    }

    func check(_ error: lxw_error, _ function: String, location: String?) throws(XLSXError) {
        guard error == LXW_NO_ERROR else { throw self.error(error, function, location: location) }
    }

    func error(_ error: lxw_error, _ function: String, location: String?) -> XLSXError {
        let code: XLSXError.Code = error == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE ? .outOfRange : .libraryError
        return XLSXError(
            code, path: displayPath, sheetName: name, location: location,
            message: "\(function) failed: \(Workbook.text(error))")
    }

    private func outOfRange(_ location: String, _ message: String) -> XLSXError {
        XLSXError(.outOfRange, path: displayPath, sheetName: name, location: location, message: message)
    }
}

/// `strdup` copies for C structs whose string fields are `char *`; freed when the value goes out of scope,
/// after the libxlsxwriter call that copied them.
private struct CStrings: ~Copyable {
    private var pointers: [UnsafeMutablePointer<CChar>] = []

    mutating func copy(_ string: String?) -> UnsafeMutablePointer<CChar>? {
        guard let string, let pointer = strdup(string) else { return nil }
        pointers.append(pointer)
        return pointer
    }

    deinit {
        for pointer in pointers { free(pointer) }
    }
}
