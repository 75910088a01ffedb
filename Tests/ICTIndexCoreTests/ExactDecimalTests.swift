import Testing

@testable import ICTIndexCore

@Suite struct ExactDecimalTests {
    @Test("the fast decimal reader gives exactly the double strtod gives", arguments: [
        "0", "7", "-0", "12.5", "0.1", "0.3", "-42.125", "100.00", "9007199254740991", "123456789.012345",
        "0.0000000000000000000001", "+3.75", "3.1415926535",
    ])
    func sameAsStrtod(text: String) throws {
        let fast = try #require(CellParser.exactDecimal(text.utf8, mark: UInt8(ascii: ".")))
        #expect(fast == Double(text), "\(text)")
        #expect(fast.sign == (Double(text) ?? 0).sign)
    }

    @Test("many pseudo-random decimals agree with strtod")
    func randomDecimals() {
        var state: UInt64 = 7
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let whole = Int(state >> 40) % 100_000
            let fraction = Int(state >> 20) % 10_000
            let decimals = Int(state % 5)
            var text = String(whole)
            if decimals > 0 {
                let digits = String(fraction)
                text += "." + String((String(repeating: "0", count: 4) + digits).suffix(decimals))
            }
            #expect(CellParser.exactDecimal(text.utf8, mark: UInt8(ascii: ".")) == Double(text), "\(text)")
        }
    }

    @Test("what it cannot read exactly is left to the general route")
    func declines() {
        #expect(CellParser.exactDecimal("9007199254740993".utf8, mark: UInt8(ascii: ".")) == nil)  // ≥ 2⁵³
        #expect(CellParser.exactDecimal("1.7976931348623157".utf8, mark: UInt8(ascii: ".")) == nil)
        #expect(CellParser.exactDecimal("1e5".utf8, mark: UInt8(ascii: ".")) == nil)
        #expect(CellParser.exactDecimal("1.2.3".utf8, mark: UInt8(ascii: ".")) == nil)
        #expect(CellParser.exactDecimal("12,5".utf8, mark: UInt8(ascii: ",")) == 12.5)
    }
}
