import Foundation
import ICTIndexTestSupport
import Testing
import XLSXWriter

/// Error texts are asserted in full; failed writes leave no file behind and an existing file untouched.
@Suite struct XLSXErrorTests {
    /// Writes and returns the thrown error's code and description.
    static func failure(
        _ spreadsheet: Spreadsheet, to url: URL, options: WriteOptions = WriteOptions()
    ) throws -> XLSXError {
        do {
            try XLSXWriter.write(spreadsheet, to: url, options: options)
        } catch {
            return error
        }
        throw ReadError(message: "the write succeeded")
    }

    @Test(
        "invalid sheet names are rejected with libxlsxwriter's reason",
        arguments: [
            ("Tổng[hợp]", "Worksheet name cannot contain invalid characters: '[ ] : * ? / \\'"),
            ("Kỳ 1: 2025", "Worksheet name cannot contain invalid characters: '[ ] : * ? / \\'"),
            ("'Phụ lục'", "Worksheet name cannot start or end with an apostrophe."),
        ])
    func invalidSheetName(name: String, reason: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let error = try Self.failure(
            Spreadsheet(sheets: [Sheet(name: "Tổng hợp"), Sheet(name: name)]), to: directory.file("x.xlsx"))
        #expect(error.code == .invalidSheetName)
        #expect(
            error.description == """
                \(directory.url.path)/x.xlsx: sheet '\(name)': invalid sheet name: \(reason)
                  hint: Excel sheet names have 1 to 31 characters, none of [ ] : * ? / \\, and no leading or \
                trailing apostrophe
                """)
        #expect(try directory.contents().isEmpty)
    }

    @Test("an empty sheet name is rejected")
    func emptySheetName() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let error = try Self.failure(Spreadsheet(sheets: [Sheet(name: "")]), to: directory.file("x.xlsx"))
        #expect(error.code == .invalidSheetName)
        #expect(
            error.description == """
                \(directory.url.path)/x.xlsx: a sheet has an empty name
                  hint: give every sheet a name of 1 to 31 characters
                """)
    }

    @Test("a duplicate sheet name (ignoring case) is rejected")
    func duplicateSheetName() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let error = try Self.failure(
            Spreadsheet(sheets: [Sheet(name: "Chi tiết"), Sheet(name: "CHI TIẾT")]), to: directory.file("x.xlsx"))
        #expect(error.code == .duplicateSheetName)
        #expect(
            error.description == """
                \(directory.url.path)/x.xlsx: sheet 'CHI TIẾT': sheet name 'CHI TIẾT' is already used by sheet \
                'Chi tiết'
                  hint: give every sheet a distinct name within its first 31 characters
                """)
    }

    @Test("a name over 31 characters is truncated with a warning")
    func truncatedSheetName() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("x.xlsx")
        let long = "Trụ cột 3 - Nhân lực công nghệ thông tin"
        let warnings = try XLSXWriter.write(Spreadsheet(sheets: [Sheet(name: long)]), to: url)
        #expect(
            warnings.map(\.description) == [
                "\(url.path): sheet '\(long)': warning: sheet name exceeds Excel's limit of 31 characters; "
                    + "written as 'Trụ cột 3 - Nhân lực công nghệ '"
            ])
        #expect(warnings.first?.code == .sheetNameTruncated)
        #expect(
            try XLSXFile(url: url).part("xl/workbook.xml").contains("<sheet name=\"Trụ cột 3 - Nhân lực công nghệ \""))
    }

    @Test("two names that are equal after truncation are an error")
    func duplicateAfterTruncation() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = "Trụ cột 3 - Nhân lực công nghệ thông tin"
        let second = "Trụ cột 3 - Nhân lực công nghệ số"
        let error = try Self.failure(
            Spreadsheet(sheets: [Sheet(name: first), Sheet(name: second)]), to: directory.file("x.xlsx"))
        #expect(error.code == .duplicateSheetName)
        #expect(
            error.description == """
                \(directory.url.path)/x.xlsx: sheet '\(second)': sheet name 'Trụ cột 3 - Nhân lực công nghệ ' \
                (truncated to 31 characters) is already used by sheet '\(first)'
                  hint: give every sheet a distinct name within its first 31 characters
                """)
    }

    @Test("a string over 32,767 characters names the sheet and the cell")
    func stringTooLong() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var sheet = Sheet(name: "Tổng hợp")
        sheet["C5"] = .text(String(repeating: "x", count: 32_768))
        let error = try Self.failure(Spreadsheet(sheets: [sheet]), to: directory.file("x.xlsx"))
        #expect(error.code == .libraryError)
        #expect(error.sheetName == "Tổng hợp" && error.location == "cell C5")
        #expect(
            error.description == "\(directory.url.path)/x.xlsx: sheet 'Tổng hợp', cell C5: worksheet_write_string "
                + "failed: String exceeds Excel's limit of 32,767 characters.")
        #expect(try directory.contents().isEmpty)
    }

    @Test("a relative path is shown as given")
    func relativePath() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(
            at: directory.url.appendingPathComponent("Reports"), withIntermediateDirectories: false)
        var sheet = Sheet(name: "Tổng hợp")
        sheet["C5"] = .text(String(repeating: "x", count: 32_768))
        let url = URL(fileURLWithPath: "Reports/x.xlsx", relativeTo: directory.url)
        let error = try Self.failure(Spreadsheet(sheets: [sheet]), to: url)
        #expect(
            error.description == "Reports/x.xlsx: sheet 'Tổng hợp', cell C5: worksheet_write_string failed: "
                + "String exceeds Excel's limit of 32,767 characters.")
    }

    @Test("a missing output directory is reported before anything is written, naming the directory")
    func missingDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let missing = directory.url.appendingPathComponent("Reports/2025")
        let error = try Self.failure(
            Spreadsheet(sheets: [Sheet(name: "A")]), to: missing.appendingPathComponent("x.xlsx"))
        #expect(error.code == .outputDirectoryMissing)
        #expect(
            error.description == """
                \(missing.path)/x.xlsx: output directory '\(missing.path)' does not exist
                  hint: create it first, for example with `mkdir -p '\(missing.path)'`
                """)
    }

    @Test(
        "a read-only directory is reported before anything is written",
        .enabled(if: getuid() != 0, "skipped: root ignores directory permissions; see the /sys/kernel test"))
    func readOnlyDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.url.path)
        let error = try Self.failure(Spreadsheet(sheets: [Sheet(name: "A")]), to: directory.file("x.xlsx"))
        #expect(error.code == .outputNotWritable)
        #expect(
            error.description == """
                \(directory.url.path)/x.xlsx: output directory '\(directory.url.path)' is not writable: \
                Permission denied
                  hint: choose another output path, or fix the directory's permissions
                """)
    }

    @Test(
        "a directory nobody may create files in (sysfs) is reported, even for root",
        .enabled(if: FileManager.default.fileExists(atPath: "/sys/kernel"), "skipped: no /sys/kernel (not Linux)"))
    func unwritableSystemDirectory() throws {
        let error = try Self.failure(
            Spreadsheet(sheets: [Sheet(name: "A")]), to: URL(fileURLWithPath: "/sys/kernel/x.xlsx"))
        #expect(error.code == .outputNotWritable)
        #expect(
            error.description == """
                /sys/kernel/x.xlsx: output directory '/sys/kernel' is not writable: Permission denied
                  hint: choose another output path, or fix the directory's permissions
                """)
    }

    @Test("a failed write keeps the old file's bytes and leaves no temporary file")
    func atomicReplace() throws {
        // Given a good workbook at the target
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("scoreboard.xlsx")
        try XLSXWriter.write(Fixtures.scoreboard(created: XLSXWriterTests.created), to: url)
        let before = try Data(contentsOf: url)
        // When a later write fails half-way (a cell in the second sheet is too long)
        var spreadsheet = Fixtures.scoreboard(created: XLSXWriterTests.created)
        spreadsheet.sheets[1]["A1"] = .text(String(repeating: "ư", count: 40_000))
        for options in [WriteOptions(), WriteOptions(constantMemory: true)] {
            let error = try Self.failure(spreadsheet, to: url, options: options)
            #expect(error.location == "cell A1")
        }
        // Then the old file is intact and nothing else is left in the directory
        #expect(try Data(contentsOf: url) == before)
        #expect(try directory.contents() == ["scoreboard.xlsx"])
    }

    @Test("a successful write replaces the old file")
    func replaceOnSuccess() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.file("x.xlsx")
        try XLSXWriter.write(Spreadsheet(sheets: [Sheet(name: "Cũ")]), to: url)
        try XLSXWriter.write(Spreadsheet(sheets: [Sheet(name: "Mới")]), to: url)
        #expect(try XLSXFile(url: url).part("xl/workbook.xml").contains("<sheet name=\"Mới\""))
        #expect(try directory.contents() == ["x.xlsx"])
    }

    @Test("checks before writing name the sheet and the place", arguments: InvalidCase.all)
    func invalidValues(_ invalid: InvalidCase) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let error = try Self.failure(Spreadsheet(sheets: [invalid.sheet]), to: directory.file("x.xlsx"))
        #expect(error.code == invalid.code)
        #expect(error.description == "\(directory.url.path)/x.xlsx: \(invalid.message)")
        #expect(try directory.contents().isEmpty)
    }

    @Test("a temporary directory that does not exist is reported")
    func missingTemporaryDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let options = WriteOptions(
            constantMemory: true, temporaryDirectory: directory.url.appendingPathComponent("nope"))
        let error = try Self.failure(
            Spreadsheet(sheets: [Sheet(name: "A")]), to: directory.file("x.xlsx"), options: options)
        #expect(error.code == .outputNotWritable)
        #expect(
            error.description == """
                \(directory.url.path)/x.xlsx: temporary directory '\(directory.url.path)/nope' does not exist or \
                is not writable
                  hint: pass an existing, writable directory in WriteOptions.temporaryDirectory, or nil
                """)
    }
}

/// A sheet that the writer must reject, with the expected code and message (after "PATH: ").
struct InvalidCase: Sendable, CustomTestStringConvertible {
    let name: String
    let sheet: Sheet
    let code: XLSXError.Code
    let message: String

    var testDescription: String { name }

    static let all: [InvalidCase] = [
        InvalidCase(
            name: "NaN", sheet: Sheet(name: "A", rows: [[.empty, .number(.nan)]]), code: .invalidValue,
            message: "sheet 'A', cell B1: number nan is not finite"),
        InvalidCase(
            name: "overlapping merges",
            sheet: Sheet(name: "A", merges: [Merge("A1:C1", value: .text("x")), Merge("C1:D2", value: .text("y"))]),
            code: .invalidValue, message: "sheet 'A', merged range C1:D2: the range overlaps merged range A1:C1"),
        InvalidCase(
            name: "value inside a merge",
            sheet: Sheet(name: "A", rows: [[.empty, .text("x")]], merges: [Merge("A1:C1", value: .text("t"))]),
            code: .invalidValue,
            message: """
                sheet 'A', merged range A1:C1: cell B1 lies inside the merged range but is not empty
                  hint: put the value in Merge.value and leave the range's cells .empty
                """),
        InvalidCase(
            name: "single-cell merge", sheet: Sheet(name: "A", merges: [Merge("B2", value: .text("t"))]),
            code: .invalidValue, message: "sheet 'A', merged range B2: a merged range needs at least two cells"),
        InvalidCase(
            name: "freeze beyond the grid",
            sheet: Sheet(name: "A", freezePanes: CellAddress(row: 1_048_576, column: 0)), code: .outOfRange,
            message: "sheet 'A', freeze panes: cell A1048577 is outside Excel's grid of 1,048,576 rows × 16,384 "
                + "columns (A1:XFD1048576)"),
        InvalidCase(
            name: "column beyond XFD", sheet: Sheet(name: "A", columns: [Column(16_384, width: 10)]), code: .outOfRange,
            message: "sheet 'A', column settings: columns 16384...16384 are outside Excel's zero-based columns "
                + "0…16,383"),
        InvalidCase(
            name: "zoom", sheet: Sheet(name: "A", zoom: 500), code: .invalidValue,
            message: "sheet 'A': zoom 500 % is outside Excel's 10…400 %"),
        InvalidCase(
            name: "chart on an unknown sheet",
            sheet: Sheet(
                name: "A",
                charts: [
                    Chart(
                        kind: .bar, series: [ChartSeries(categories: "A1:A2", values: "B1:B2", sheet: "B")],
                        anchor: "D1")
                ]),
            code: .invalidValue,
            message: "sheet 'A', chart 1, series 1: the series refers to sheet 'B', which is not in the spreadsheet"),
        InvalidCase(
            name: "long number format",
            sheet: Sheet(
                name: "A", rows: [[.number(1, style: CellStyle(numberFormat: String(repeating: "0", count: 128)))]]),
            code: .invalidValue, message: "sheet 'A', cell A1: number format is 128 bytes long; the limit is 127"),
        InvalidCase(
            name: "long list",
            sheet: Sheet(
                name: "A",
                dataValidations: [DataValidation("A1:A9", rule: .list((1...60).map { "Mục \($0)" }))]),
            code: .invalidValue,
            message: """
                sheet 'A', data validation 1 (A1:A9): the list is 410 characters long; Excel's limit is 255
                  hint: put the items in cells and validate against that range instead
                """),
        InvalidCase(
            name: "long footer",
            sheet: Sheet(name: "A", pageSetup: PageSetup(footer: String(repeating: "x", count: 256))),
            code: .invalidValue,
            message: "sheet 'A', page setup: the footer is 256 characters long; Excel's limit is 255"),
    ]
}
