import Testing
import XLSXWriter

@Suite struct CellAddressTests {
    @Test(
        "column letters follow bijective base 26",
        arguments: [
            (0, "A"), (25, "Z"), (26, "AA"), (27, "AB"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA"),
            (16_383, "XFD"),
        ])
    func columnNames(index: Int, name: String) {
        #expect(CellAddress.columnName(index) == name)
        #expect(CellAddress.columnIndex(name) == index)
        #expect(CellAddress.columnIndex(name.lowercased()) == index)
    }

    @Test("column letters beyond XFD or not letters are rejected", arguments: ["", "XFE", "AAAA", "A1", "Ă", "-"])
    func invalidColumnNames(name: String) {
        #expect(CellAddress.columnIndex(name) == nil)
    }

    @Test("an address round-trips through A1 notation")
    func addressRoundTrip() throws {
        let address = CellAddress(row: 4, column: 2)
        #expect(address.description == "C5")
        #expect(address.absoluteDescription == "$C$5")
        #expect(CellAddress("C5") == address)
        #expect(CellAddress("$C$5") == address)
        #expect(CellAddress("c5") == address)
        let text = "XFD1048576"
        let last = try #require(CellAddress(text))
        #expect(last.row == 1_048_575 && last.column == 16_383)
        #expect(last.isOnExcelGrid)
    }

    @Test(
        "text that is not one cell of Excel's grid is rejected",
        arguments: ["", "A", "5", "A0", "A01", "XFE1", "A1048577", "B2:C3", "A 1", "1A", "$$A1", "Ô1"])
    func invalidAddresses(text: String) {
        #expect(CellAddress(text) == nil)
    }

    @Test("a string literal is parsed at compile time into a non-optional address")
    func literals() {
        let address: CellAddress = "AA10"
        #expect(address == CellAddress(row: 9, column: 26))
        #expect(CellAddress("B2").row == 1)
        let range: CellRange = "B2:D4"
        #expect(range == CellRange(from: "B2", to: "D4"))
    }

    @Test("an address off the grid describes itself with raw indexes")
    func offGridDescription() {
        #expect(CellAddress(row: -1, column: 4).description == "R-1C4")
        #expect(!CellAddress(row: 1_048_576, column: 0).isOnExcelGrid)
    }

    @Test("a range round-trips through A1 notation")
    func rangeRoundTrip() throws {
        let text = "A1:C9"
        let range = try #require(CellRange(text))
        #expect(range.rows == 0...8 && range.columns == 0...2)
        #expect(range.description == "A1:C9")
        #expect(range.absoluteDescription == "$A$1:$C$9")
        #expect(CellRange("$A$1:$C$9") == range)
        #expect(CellRange(rows: 0...8, columns: 0...2) == range)
        #expect(CellRange("B2").description == "B2")
    }

    @Test("ranges with reversed corners or bad parts are rejected", arguments: ["C9:A1", "A1:", ":B2", "A1:B2:C3"])
    func invalidRanges(text: String) {
        #expect(CellRange(text) == nil)
    }

    @Test("ranges know containment and overlap")
    func containmentAndOverlap() {
        let range: CellRange = "B2:D4"
        #expect(range.contains("C3"))
        #expect(!range.contains("E3"))
        #expect(range.overlaps("D4:E5"))
        #expect(!range.overlaps("E5:F6"))
    }

    @Test("addresses order row-major")
    func ordering() {
        #expect(CellAddress("Z1") < CellAddress("A2"))
    }
}
