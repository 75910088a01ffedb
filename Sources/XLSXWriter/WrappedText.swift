/// How many lines a wrapped text takes in a column, and how tall its row must be to show them all.
///
/// Spreadsheet files do not fit rows to their text by themselves: libxlsxwriter writes the height it is given
/// (or none), and LibreOffice and Excel print a wrapped paragraph in a default-height row on top of the rows
/// below it. The measure here is deliberately a little generous, so a row is never too short on paper:
///
/// - A column `w` characters wide is `w × 7` pixels of text (Excel's width unit is the width of a digit of the
///   default 11-point font, 7 pixels; the 5 extra pixels of a column are its padding).
/// - A character of an `f`-point font is taken as `7 × f / 11` pixels wide, the digit width scaled: wider than
///   the average letter of Times New Roman or Calibri, so a line holds `⌊w × 11 / f⌋` characters.
/// - A capital letter counts 1.4 characters (titles in capitals are that much wider than lowercase text).
/// - Words wrap greedily at spaces, as both applications do; a word longer than a line is broken across lines.
///   Each `\n` starts a new line.
/// - A line is `f × 1.25` points tall, plus 3 points of padding per row: 11-point text takes 16.75 points for one
///   line, 30.5 for two, 44.25 for three.
///
/// For example:
/// ```swift
/// let lines = WrappedText.lines("Cổng dịch vụ công trực tuyến của tỉnh", columnWidth: 20, fontSize: 11)  // 2
/// let height = WrappedText.height(lines: lines, fontSize: 11)                                          // 30.5
/// ```
public enum WrappedText {
    /// Characters of an `fontSize`-point font that fit on one line of a column `columnWidth` characters wide.
    ///
    /// - Parameters:
    ///   - columnWidth: The column's width in Excel's units (characters of the default font).
    ///   - fontSize: The font size in points.
    /// - Returns: `⌊columnWidth × 11 / fontSize⌋`, at least 1.
    public static func capacity(columnWidth: Double, fontSize: Double) -> Int {
        guard columnWidth > 0, fontSize > 0 else { return 1 }
        return max(1, Int((columnWidth * 11 / fontSize).rounded(.down)))
    }

    /// The lines a text wraps to in a column.
    ///
    /// - Parameters:
    ///   - text: The cell's text; each `\n` starts a line.
    ///   - columnWidth: The column's (or merged range's) width in Excel's units.
    ///   - fontSize: The font size in points.
    /// - Returns: The number of lines, at least 1 (an empty text takes one line).
    /// - Complexity: O(*n*) in the length of the text.
    public static func lines(_ text: String, columnWidth: Double, fontSize: Double) -> Int {
        let capacity = Double(capacity(columnWidth: columnWidth, fontSize: fontSize))
        var total = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var lines = 1
            var used = 0.0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var length = width(of: word)
                let needed = used == 0 ? length : used + 1 + length
                if needed <= capacity {
                    used = needed
                    continue
                }
                if used > 0 { lines += 1 }
                // A word longer than a line fills whole lines, then its rest starts the next one.
                while length > capacity {
                    lines += 1
                    length -= capacity
                }
                used = length
            }
            total += lines
        }
        return max(1, total)
    }

    /// The width of a word in characters: 1.4 for a capital letter (Times New Roman's capitals are about 0.7 em,
    /// its digits 0.5 em), 1 for anything else.
    static func width(of word: Substring) -> Double {
        var width = 0.0
        for character in word { width += character.isUppercase ? 1.4 : 1 }
        return width
    }

    /// The row height in points that shows `lines` lines of an `fontSize`-point font.
    ///
    /// - Parameters:
    ///   - lines: The number of lines.
    ///   - fontSize: The font size in points.
    /// - Returns: `lines × fontSize × 1.25 + 3`.
    public static func height(lines: Int, fontSize: Double) -> Double {
        Double(max(1, lines)) * fontSize * 1.25 + 3
    }
}
