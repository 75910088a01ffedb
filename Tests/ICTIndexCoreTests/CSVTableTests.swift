import Testing
@testable import ICTIndexCore

@Suite struct CSVTableTests {
    @Test("reads a plain comma-separated table with its line numbers")
    func plainTable() throws {
        let table = try CSVTable.parse("unit,staff\nSTTTT,40\nSYT,55\n", file: "data.csv")
        #expect(table.separator == ",")
        #expect(table.header == ["unit", "staff"])
        #expect(table.headerLine == 1)
        #expect(
            table.rows == [
                CSVTable.Row(line: 2, cells: ["STTTT", "40"]), CSVTable.Row(line: 3, cells: ["SYT", "55"]),
            ])
    }

    @Test("strips a UTF-8 byte order mark before the header")
    func byteOrderMark() throws {
        let table = try CSVTable.parse("\u{FEFF}unit,staff\nSTTTT,40", file: "data.csv")
        #expect(table.header == ["unit", "staff"])
        #expect(table.rows.first?.cells == ["STTTT", "40"])
    }

    @Test("detects ';' when it gives the header more columns")
    func semicolonSeparator() throws {
        let table = try CSVTable.parse("unit;staff;note\nSTTTT;12,5;\"a, b\"\n", file: "data.csv")
        #expect(table.separator == ";")
        #expect(table.rows.first?.cells == ["STTTT", "12,5", "a, b"])
    }

    @Test("detects the separator outside quotes only, and ',' wins a tie")
    func separatorDetection() throws {
        #expect(try CSVTable.parse("\"a;b;c\",d\n1,2", file: "f.csv").separator == ",")
        #expect(try CSVTable.parse("a,b;c\n1", file: "f.csv").separator == ",")
        #expect(try CSVTable.parse("x\n1", file: "f.csv").separator == ",")
    }

    @Test("reads quoted cells with escaped quotes and line breaks, and counts lines across them")
    func quotedCells() throws {
        let text = "unit,note\r\nSTTTT,\"Quyết định \"\"số 12\"\"\r\nngày 3/4\"\r\nSYT,  \"  kept  \"  \r\n"
        let table = try CSVTable.parse(text, file: "data.csv")
        #expect(
            table.rows == [
                CSVTable.Row(line: 2, cells: ["STTTT", "Quyết định \"số 12\"\nngày 3/4"]),
                CSVTable.Row(line: 4, cells: ["SYT", "  kept  "]),
            ])
    }

    @Test("trims unquoted cells, skips empty lines and rows of empty cells, pads short rows")
    func blankLinesAndTrimming() throws {
        let text = "\n unit ;\u{00A0}staff\n\n  STTTT  ; 40 \n;;\n\nSYT\n"
        let table = try CSVTable.parse(text, file: "data.csv")
        #expect(table.header == ["unit", "staff"])
        #expect(table.headerLine == 2)
        #expect(table.rows.map(\.line) == [4, 7])
        #expect(table.rows[0].cells == ["STTTT", "40"])
        #expect(table.rows[1][1] == "")
    }

    @Test("reads old Mac CR line ends")
    func carriageReturns() throws {
        let table = try CSVTable.parse("unit,staff\rSTTTT,40\rSYT,55", file: "data.csv")
        #expect(table.rows.map(\.line) == [2, 3])
    }

    @Test("ignores extra cells that are empty")
    func trailingEmptyCells() throws {
        let table = try CSVTable.parse("unit,staff\nSTTTT,40,,\n", file: "data.csv")
        #expect(table.rows.first?.cells == ["STTTT", "40"])
    }

    @Test("a row with more cells than the header is an error naming row and column")
    func tooManyCells() throws {
        let rendered = try ImportFixtures.rendered {
            _ = try CSVTable.parse("unit,staff\nSTTTT,12,5\nSYT,40\n", file: "data.csv")
        }
        #expect(
            rendered == [
                """
                data.csv:2:3: error[D015]: row 2 has 3 cells but the header has 2 columns; cell 3 is '5'
                  hint: remove the extra cells, or put a cell that contains ',' in double quotes ("12,5")
                """
            ])
    }

    @Test("an unterminated quote is an error at the cell where it opens")
    func unterminatedQuote() throws {
        let rendered = try ImportFixtures.rendered {
            _ = try CSVTable.parse("unit,note\nSTTTT,\"open\nSYT,40\n", file: "data.csv")
        }
        #expect(
            rendered == [
                """
                data.csv:2:2: error[D015]: the quoted cell that starts in row 2 is never closed
                  hint: add the closing '"'; a quote inside a quoted cell is written twice ("")
                """
            ])
    }

    @Test("text after a closing quote is an error")
    func textAfterQuote() throws {
        let rendered = try ImportFixtures.rendered {
            _ = try CSVTable.parse("unit,note\nSTTTT,\"a\"b\n", file: "data.csv")
        }
        #expect(
            rendered == [
                """
                data.csv:2:2: error[D015]: text 'b' follows the closing quote of cell 2
                  hint: put the whole cell in double quotes and write a quote inside it twice ("")
                """
            ])
    }

    @Test("an empty file is an error", arguments: ["", "\u{FEFF}", "\n\r\n", " ; \n"])
    func emptyFile(text: String) throws {
        let rendered = try ImportFixtures.rendered {
            _ = try CSVTable.parse(text, file: "data.csv")
        }
        #expect(
            rendered == [
                """
                data.csv: error[D013]: the file is empty
                  hint: the first line must name the columns, such as: unit,staff
                """
            ])
    }

    @Test("a header without rows is a valid, empty table")
    func headerOnly() throws {
        let table = try CSVTable.parse("unit,staff\n", file: "data.csv")
        #expect(table.rows.isEmpty)
    }
}
