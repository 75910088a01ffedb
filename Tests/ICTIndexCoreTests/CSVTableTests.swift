import ICTIndexTestSupport
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
        #expect(try CSVTable.parse("a,b;c\n1,2", file: "f.csv").separator == ",")
        #expect(try CSVTable.parse("x\n1", file: "f.csv").separator == ",")
    }

    @Test("reads quoted cells with escaped quotes and line breaks, and counts lines across them")
    func quotedCells() throws {
        let text =
            "unit,note\r\nSTTTT,\"Quyết định \"\"số 12\"\"\r\nngày 3/4\"\r\nSYT,  \"  kept  \"  \r\n"
        let table = try CSVTable.parse(text, file: "data.csv")
        #expect(
            table.rows == [
                CSVTable.Row(line: 2, cells: ["STTTT", "Quyết định \"số 12\"\nngày 3/4"]),
                CSVTable.Row(line: 4, cells: ["SYT", "  kept  "]),
            ])
    }

    @Test("trims unquoted cells, skips empty lines and rows of empty cells")
    func blankLinesAndTrimming() throws {
        let text = "\n unit ;\u{00A0}staff\n\n  STTTT  ; 40 \n;;\n\nSYT;\n"
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
        #expect(
            vietnamese("unit,staff\nSTTTT,12,5\nSYT,40\n") == [
                """
                data.csv:2:3: lỗi[D015]: dòng 2 có 3 ô nhưng dòng tiêu đề có 2 cột; ô 3 là '5'
                  gợi ý: hãy xóa các ô thừa, hoặc đặt ô có chứa ',' trong ngoặc kép ("12,5")
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
        #expect(
            vietnamese("unit,note\nSTTTT,\"open\nSYT,40\n") == [
                """
                data.csv:2:2: lỗi[D015]: ô trong ngoặc kép bắt đầu ở dòng 2 không được đóng lại
                  gợi ý: hãy thêm dấu '"' đóng ô; dấu ngoặc kép bên trong ô được viết hai lần ("")
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
        #expect(
            vietnamese("unit,note\nSTTTT,\"a\"b\n") == [
                """
                data.csv:2:2: lỗi[D015]: có chữ 'b' sau dấu ngoặc kép đóng ô 2
                  gợi ý: hãy đặt cả ô trong ngoặc kép và viết dấu ngoặc kép bên trong ô hai lần ("")
                """
            ])
    }

    @Test("a long text after a closing quote is echoed short, with its control characters visible")
    func longTextAfterQuote() throws {
        let junk = "\u{1B}[31m" + String(repeating: "x", count: 200)
        let rendered = try ImportFixtures.rendered {
            _ = try CSVTable.parse("unit,note\nSTTTT,\"a\"\(junk)\n", file: "data.csv")
        }
        let echoed = "\\e[31m" + String(repeating: "x", count: 75) + "…"
        #expect(
            rendered == [
                """
                data.csv:2:2: error[D015]: text '\(echoed)' follows the closing quote of cell 2
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
        #expect(
            vietnamese(text) == [
                """
                data.csv: lỗi[D013]: tệp trống
                  gợi ý: dòng đầu tiên phải ghi tên các cột, ví dụ: unit,staff
                """
            ])
    }

    @Test("a header without rows is a valid, empty table")
    func headerOnly() throws {
        let table = try CSVTable.parse("unit,staff\n", file: "data.csv")
        #expect(table.rows.isEmpty)
    }
}

@Suite struct StrictCSVTests {
    @Test("a short row is an error at its first missing cell, and the row is left out")
    func shortRow() throws {
        let rendered = try ImportFixtures.rendered {
            _ = try CSVTable.parse("unit,staff,computers\nSTTTT,12\nSYT,40,3\n", file: "data.csv")
        }
        #expect(
            rendered == [
                """
                data.csv:2:3: error[D015]: row 2 has 2 cells but the header has 3 columns; no cell for 'computers'
                  hint: write every cell of the row, an empty one as nothing between two separators (A,,5)
                """
            ])
        #expect(
            vietnamese("unit,staff,computers\nSTTTT,12\nSYT,40,3\n") == [
                """
                data.csv:2:3: lỗi[D015]: dòng 2 có 2 ô nhưng dòng tiêu đề có 3 cột; thiếu ô cho 'computers'
                  gợi ý: hãy ghi đủ các ô của dòng; ô trống là không ghi gì giữa hai dấu ngăn cách (A,,5)
                """
            ])
    }

    @Test("a row short of more than 3 cells names the first 3 and counts the rest")
    func veryShortRow() throws {
        let text = "unit;a;b;c;d;e\nSTTTT;1\n"
        let rendered = try ImportFixtures.rendered { _ = try CSVTable.parse(text, file: "data.csv") }
        #expect(
            rendered == [
                """
                data.csv:2:3: error[D015]: row 2 has 2 cells but the header has 6 columns; no cell for 'b', 'c', 'd' \
                and 1 more
                  hint: write every cell of the row, an empty one as nothing between two separators (A;;5)
                """
            ])
        #expect(
            vietnamese(text) == [
                """
                data.csv:2:3: lỗi[D015]: dòng 2 có 2 ô nhưng dòng tiêu đề có 6 cột; thiếu ô cho 'b', 'c', 'd' và 1 cột \
                khác
                  gợi ý: hãy ghi đủ các ô của dòng; ô trống là không ghi gì giữa hai dấu ngăn cách (A;;5)
                """
            ])
    }

    @Test("a ';' header over ',' rows says the separators differ")
    func separatorMismatch() throws {
        // Given a header written with ';' (as Excel does in a Vietnamese locale) over rows written with ','
        let text = "unit;staff;computers\nSTTTT,12,3\nSYT,40,5\n"
        let rendered = try ImportFixtures.rendered { _ = try CSVTable.parse(text, file: "data.csv") }
        // Then every row gets the message once, at its line, instead of being read as one unit code
        #expect(
            rendered
                == [2, 3].map { line in
                    """
                    data.csv:\(line):2: error[D015]: row \(line) has 1 cell but the header has 3 columns: the header \
                    separates its columns with ';', this row with ','
                      hint: use one separator in the whole file: save it again from the spreadsheet as CSV, or make the \
                    header and the rows use the same one
                    """
                })
        #expect(
            vietnamese(text)
                == [2, 3].map { line in
                    """
                    data.csv:\(line):2: lỗi[D015]: dòng \(line) có 1 ô nhưng dòng tiêu đề có 3 cột: dòng tiêu đề ngăn \
                    cách các cột bằng ';', dòng này bằng ','
                      gợi ý: hãy dùng một dấu ngăn cách cho cả tệp: lưu lại tệp từ bảng tính dưới dạng CSV, hoặc \
                    sửa để dòng tiêu đề và các dòng số liệu dùng cùng một dấu
                    """
                })
    }

    @Test("every problem at once, at its exact line and column: BOM, ';', quotes over several lines")
    func locations() throws {
        // Line 1: BOM and header (4 columns). Line 2: fine. Lines 3–4: one row whose quoted cell spans two lines,
        // then text after a closing quote in column 3. Line 5: an extra cell with text (column 5).
        // Line 6: empty, skipped. Line 7: short (3 cells). Line 8: fine, with "" inside quotes.
        let text =
            "\u{FEFF}unit;staff;note;x\r\nA;1;n;2\r\nB;2;\"two\r\nlines\"x;3\r\nC;3;n;4;extra\r\n\r\nD;4;n\r\n"
            + "E;5;\"say \"\"hi\"\"\";6\r\n"
        let rendered = try ImportFixtures.rendered { _ = try CSVTable.parse(text, file: "d.csv") }
        #expect(
            rendered?.map { String($0.prefix { $0 != "\n" }) } == [
                "d.csv:3:3: error[D015]: text 'x' follows the closing quote of cell 3",
                "d.csv:5:5: error[D015]: row 5 has 5 cells but the header has 4 columns; cell 5 is 'extra'",
                "d.csv:7:4: error[D015]: row 7 has 3 cells but the header has 4 columns; no cell for 'x'",
            ])
        // Without the broken rows the same file reads, with the lines of each row and the cells unescaped
        let clean =
            "\u{FEFF}unit;staff;note;x\r\nA;1;n;2\r\nB;2;\"two\r\nlines\";3\r\n\r\nE;5;\"say \"\"hi\"\"\";6\r\n"
        let table = try CSVTable.parse(clean, file: "d.csv")
        #expect(table.separator == ";")
        #expect(table.header == ["unit", "staff", "note", "x"])
        #expect(
            table.rows == [
                CSVTable.Row(line: 2, cells: ["A", "1", "n", "2"]),
                CSVTable.Row(line: 3, cells: ["B", "2", "two\nlines", "3"]),
                CSVTable.Row(line: 6, cells: ["E", "5", "say \"hi\"", "6"]),
            ])
    }

    @Test("a quoted header cell with an escaped quote keeps its text")
    func quotedHeader() throws {
        let table = try CSVTable.parse("unit,\"a \"\"b\"\"\"\nX,1\n", file: "d.csv")
        #expect(table.header == ["unit", "a \"b\""])
        #expect(table.rows == [CSVTable.Row(line: 2, cells: ["X", "1"])])
    }

    @Test("after 100 problems of one kind, one line counts the rest")
    func problemLimit() throws {
        // 150 short rows: 100 listed, then "50 more"
        let text = "unit,staff\n" + String(repeating: "A\n", count: 150)
        let rendered = try #require(
            try ImportFixtures.rendered { _ = try CSVTable.parse(text, file: "d.csv") })
        #expect(rendered.count == 101)
        #expect(rendered.first?.hasPrefix("d.csv:2:2: error[D015]: row 2 has 1 cell") == true)
        #expect(
            rendered.last == """
                d.csv: error[D015]: 50 more problems of this kind (D015) are not listed; 150 in all
                  hint: fix the cause of the problems listed above, then read the file again
                """)
        #expect(
            vietnamese(text, file: "d.csv")?.last == """
                d.csv: lỗi[D015]: còn 50 lỗi loại này (D015) không được liệt kê; tổng cộng 150 lỗi
                  gợi ý: hãy sửa nguyên nhân của các lỗi nêu trên, rồi đọc lại tệp
                """)
    }

    @Test("the word-at-a-time search finds the same byte as a byte-by-byte one")
    func wordSearch() {
        var random = SplitMix64(state: 42)
        let alphabet: [UInt8] = Array("ab,;\r\n\"1 ".utf8) + [0xC2, 0xA0, 0x80, 0xFF, 0x00]
        for _ in 0..<20_000 {
            let bytes = (0..<Int(random.next() % 40)).map { _ in
                alphabet[Int(random.next() % UInt64(alphabet.count))]
            }
            let start = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count))
            let expected =
                bytes[start...].firstIndex { $0 == UInt8(ascii: ",") || $0 == 13 || $0 == 10 }
                ?? bytes.count
            let found = bytes.withUnsafeBufferPointer {
                CSVScanner.find($0, from: start, UInt8(ascii: ","), 13, 10)
            }
            #expect(found == expected, "\(bytes) from \(start)")
        }
    }
}

/// The diagnostics of the failure that parsing a CSV text throws, rendered in Vietnamese; nil when it parses.
private func vietnamese(_ text: String, file: String = "data.csv") -> [String]? {
    do {
        _ = try CSVTable.parse(text, file: file)
        return nil
    } catch {
        return error.diagnostics.map { $0.text(.vi) }
    }
}
