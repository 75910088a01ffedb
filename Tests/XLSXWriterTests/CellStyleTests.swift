import Testing
import XLSXWriter

@Suite struct CellStyleTests {
    @Test("styles built separately with the same properties are equal and hash alike")
    func equality() {
        let first = CellStyle(bold: true, numberFormat: "0.00", borders: .all(Border(.thin, color: 0xBFBFBF)))
        var second = CellStyle(numberFormat: "0.00")
        second.bold = true
        second.borders = .all(Border(.thin, color: 0xBFBFBF))
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(Set([first, second]).count == 1)
    }

    @Test("changing a property of a copy leaves the original alone")
    func valueSemantics() {
        let original = CellStyle(bold: true)
        var copy = original
        copy.italic = true
        #expect(original.italic == false && copy.italic && copy.bold)
        #expect(original != copy)
    }

    @Test("the default style is Excel's default")
    func defaultStyle() {
        #expect(CellStyle() == .default)
        #expect(CellStyle.default.isLocked && !CellStyle.default.bold && CellStyle.default.numberFormat == nil)
        #expect(Cell.empty.style == .default)
    }

    @Test("colours keep 24 bits and describe themselves as #RRGGBB")
    func colors() {
        #expect(Color(rgb: 0xFF_1F4E79).rgb == 0x1F4E79)
        #expect(Color.black.description == "#000000")
        #expect(Color(rgb: 0x638EC6).description == "#638EC6")
    }
}
