import Testing
import XLSXWriter

/// Line counts and row heights of wrapped text, worked out by hand from the rules in `WrappedText`:
/// a line holds ⌊width × 11 / size⌋ characters (a capital counts 1.4), words wrap at spaces, a line is size × 1.25
/// points plus 3.
@Suite struct WrappedTextTests {
    @Test(
        "a line holds ⌊width × 11 / size⌋ characters",
        arguments: [
            (100.0, 11.0, 100),  // 100 × 11 / 11
            (40.0, 10.0, 44),  // 40 × 11 / 10 = 44
            (20.0, 14.0, 15),  // 20 × 11 / 14 = 15.71…
            (0.5, 11.0, 1),  // never less than one character
            (0.0, 11.0, 1),  // a hidden column
        ])
    func capacity(width: Double, size: Double, expected: Int) {
        #expect(WrappedText.capacity(columnWidth: width, fontSize: size) == expected)
    }

    @Test(
        "words wrap greedily at spaces, each \\n starts a line, a long word is broken",
        arguments: [
            // capacity 20: "Cổng dịch vụ công" is 17 characters, "+ trực" would be 22; "trực tuyến của tỉnh" is 19.
            ("Cổng dịch vụ công trực tuyến của tỉnh", 20.0, 11.0, 2),
            // capacity 20: exactly 20 characters fit on one line.
            ("abcde fghij klmno pq", 20.0, 11.0, 1),
            // capacity 20: 21 characters do not.
            ("abcde fghij klmno pqr", 20.0, 11.0, 2),
            // capacity 10: "ab" (line 1), then a 25-character word: 10 + 10 + 5 (lines 2–4), then " cd" fits after it.
            ("ab abcdefghijabcdefghijabcde cd", 10.0, 11.0, 4),
            // Three paragraphs, the middle one empty: one line each.
            ("Tên\n\nMô tả", 30.0, 11.0, 3),
            // capacity ⌊10 × 11 / 22⌋ = 5: "abc" | "defgh" | "ij".
            ("abc defgh ij", 10.0, 22.0, 3),
            // Capitals count 1.4: "ABCDEF" is 8.4 characters wide, more than a line of 8; "abcdef" is 6.
            ("ABCDEF", 8.0, 11.0, 2),
            ("abcdef", 8.0, 11.0, 1),
            // "BỘ TIÊU" is 2.8 + 1 + 5.6 = 9.4 wide: more than 9, so two lines.
            ("BỘ TIÊU", 9.0, 11.0, 2),
            ("", 10.0, 11.0, 1),
            ("   ", 10.0, 11.0, 1),
        ])
    func lines(text: String, width: Double, size: Double, expected: Int) {
        #expect(WrappedText.lines(text, columnWidth: width, fontSize: size) == expected)
    }

    @Test(
        "a row is lines × size × 1.25 + 3 points tall",
        arguments: [(1, 11.0, 16.75), (2, 11.0, 30.5), (3, 11.0, 44.25), (4, 8.0, 43.0), (0, 11.0, 16.75)])
    func height(lines: Int, size: Double, expected: Double) {
        #expect(WrappedText.height(lines: lines, fontSize: size) == expected)
    }

    @Test("fitting a sheet raises rows with wrapped text, keeps taller heights, measures merged columns")
    func fitSheet() {
        // Given: column A 10 wide, B 20, C hidden; 11-point text (capacity 10 in A, 20 in B).
        let wrap = CellStyle(wrapsText: true)
        var sheet = Sheet(
            name: "S",
            rows: [
                // Row 0: 25 characters in A wrap to 3 lines (10 + 10 + 5): 44.25 pt.
                [.text("abcdefghij abcdefghij abc", style: wrap), .text("short", style: wrap)],
                // Row 1: the same text without wrapping: untouched.
                [.text("abcdefghij abcdefghij abc")],
                // Row 2: two lines in B (30.5 pt), but the row is already 60 pt: kept.
                [.empty, .text("abcdefghij abcdefghij", style: wrap)],
                // Row 3: a hidden column is not measured.
                [.empty, .empty, .text("abcdefghij abcdefghij abcdefghij", style: wrap)],
                // Row 4: merged A:B (30 wide): 31 characters take two lines.
                [],
                // Row 5: 14-point text in B: capacity ⌊20 × 11 / 14⌋ = 15; "abcdefghij" | "abcdefghij": 2 lines,
                // 2 × 14 × 1.25 + 3 = 38 pt.
                [.empty, .text("abcdefghij abcdefghij", style: CellStyle(fontSize: 14, wrapsText: true))],
            ],
            columns: [Column(0, width: 10), Column(1, width: 20), Column(2, width: 50, isHidden: true)],
            rowHeights: [2: 60],
            merges: [Merge("A5:B5", value: .text("abcdefghij abcdefghij abcdefghi", style: wrap))])

        // When
        sheet.fitRowHeights()

        // Then
        #expect(sheet.rowHeights == [0: 44.25, 2: 60, 4: 30.5, 5: 38])
    }

    @Test("an indented cell loses two characters of width per level")
    func indent() {
        // Column 12 wide, indent 1: capacity 10, so 11 characters take two lines.
        var sheet = Sheet(
            name: "S", rows: [[.text("abcde fghij", style: CellStyle(wrapsText: true, indent: 1))]],
            columns: [Column(0, width: 12)])
        sheet.fitRowHeights()
        #expect(sheet.rowHeights == [0: 30.5])
    }
}
