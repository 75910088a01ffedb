public import struct Foundation.URL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes ``Spreadsheet`` values to .xlsx files with libxlsxwriter.
public enum XLSXWriter {
    /// Writes a spreadsheet to an .xlsx file, replacing the file only when the whole workbook was written.
    ///
    /// The writer first checks the whole spreadsheet and that the target's directory exists and is writable.
    /// It then writes a hidden temporary file in that directory (`.NAME.tmp-PID-RANDOM`), flushes it to disk
    /// and renames it over the target. If anything fails, the temporary file is removed and an existing target
    /// keeps its old bytes. The same spreadsheet always gives the same bytes: the creation date comes from
    /// ``DocumentProperties/created``, never from the clock.
    ///
    /// For example:
    /// ```swift
    /// let sheet = Sheet(name: "Tổng hợp", rows: [[.text("Đơn vị"), .text("Điểm")], [.text("Sở Y tế"), .number(88.5)]])
    /// let warnings = try XLSXWriter.write(Spreadsheet(sheets: [sheet]), to: URL(fileURLWithPath: "Reports/x.xlsx"))
    /// ```
    ///
    /// - Parameters:
    ///   - spreadsheet: The workbook to write.
    ///   - url: The file URL of the .xlsx file to create or replace.
    ///   - options: Memory and temporary-file options.
    /// - Returns: Changes made to fit Excel's limits, such as sheet names cut to 31 characters.
    /// - Throws: ``XLSXError`` with code ``XLSXError/Code/outputDirectoryMissing`` or
    ///   ``XLSXError/Code/outputNotWritable`` before anything is written; ``XLSXError/Code/invalidSheetName``,
    ///   ``XLSXError/Code/duplicateSheetName``, ``XLSXError/Code/outOfRange`` or ``XLSXError/Code/invalidValue``
    ///   for a spreadsheet Excel cannot hold; ``XLSXError/Code/libraryError`` when libxlsxwriter rejects a call;
    ///   ``XLSXError/Code/replaceFailed`` when the finished file cannot be renamed over the target.
    @discardableResult
    public static func write(
        _ spreadsheet: Spreadsheet,
        to url: URL,
        options: WriteOptions = WriteOptions()
    ) throws(XLSXError) -> [XLSXWarning] {
        let displayPath = url.isFileURL ? url.relativePath : url.absoluteString
        guard url.isFileURL else {
            throw XLSXError(.invalidValue, path: displayPath, message: "only file URLs can be written")
        }
        let plan = try WritePlan(spreadsheet: spreadsheet, displayPath: displayPath)
        let target = OutputTarget(url: url, displayPath: displayPath)
        try target.checkDirectory()
        if let temporaryDirectory = options.temporaryDirectory {
            try target.checkTemporaryDirectory(temporaryDirectory)
        }
        let temporaryPath = try target.createTemporaryFile()
        do {
            try writeWorkbook(spreadsheet, plan: plan, to: temporaryPath, displayPath: displayPath, options: options)
            try target.replace(with: temporaryPath)
        } catch {
            // The workbook is closed (deinit) by now, so libxlsxwriter cannot re-create the file after this.
            _ = unlink(temporaryPath)
            throw error
        }
        return plan.warnings
    }

    /// Writes every part of the workbook to `path`.
    ///
    /// The workbook is closed (by `close()` or by its `deinit`) when this returns or throws.
    private static func writeWorkbook(
        _ spreadsheet: Spreadsheet,
        plan: WritePlan,
        to path: String,
        displayPath: String,
        options: WriteOptions
    ) throws(XLSXError) {
        var workbook = try Workbook(
            path: path, displayPath: displayPath, constantMemory: options.constantMemory,
            temporaryDirectory: options.temporaryDirectory?.path)
        try workbook.setProperties(spreadsheet.properties)
        for (sheet, name) in zip(spreadsheet.sheets, plan.sheetNames) {
            try workbook.addSheet(sheet, name: name, resolveSheetName: plan.resolveSheetName)
        }
        workbook.activateFirstVisibleSheet(visibilities: spreadsheet.sheets.map(\.visibility))
        for definedName in spreadsheet.definedNames {
            try workbook.defineName(definedName)
        }
        try workbook.close()
    }
}
