import ICTIndexCore
import ICTIndexTestSupport
import Testing

/// Expressions as spreadsheet formulas: the text LibreOffice and Excel compute (the recalculation test in
/// ICTIndexTemplatesTests checks the numbers they give).
@Suite struct SpreadsheetFormulaTests {
    func formula(_ text: String) -> String? {
        ExampleIndex.expr(text).spreadsheetFormula { id in
            ["a": "B2", "b": "B3", "c": "B4"][id.rawValue] ?? "?"
        }
    }

    @Test("operators keep the engine's precedence, with parentheses only where needed")
    func arithmetic() {
        #expect(formula("a") == "B2")
        #expect(formula("a + b * c") == "B2+B3*B4")
        #expect(formula("(a + b) * c") == "(B2+B3)*B4")
        #expect(formula("a - b - c") == "B2-B3-B4")
        #expect(formula("a - (b - c)") == "B2-(B3-B4)")
        #expect(formula("a / (b * c)") == "B2/(B3*B4)")
        #expect(formula("-a / 2") == "-B2/2")
        #expect(formula("-(a + b)") == "-(B2+B3)")
        #expect(formula("a - -3") == "B2-(-3)")
        #expect(formula("a * 0.001") == "B2*0.001")
        #expect(formula("a * 1e-7") == "B2*1E-07")
    }

    @Test("comparisons, and, or, not give 1 or 0; if uses only the branch it chooses")
    func logic() {
        #expect(formula("a > b") == "IF(B2>B3,1,0)")
        #expect(formula("a >= 1 and b != 0") == "IF(AND(IF(B2>=1,1,0)<>0,IF(B3<>0,1,0)<>0),1,0)")
        #expect(formula("not(a == 0) or b < 2") == "IF(OR(IF(IF(B2=0,1,0)=0,1,0)<>0,IF(B3<2,1,0)<>0),1,0)")
        #expect(formula("if(b > 0, a / b, 0)") == "IF(IF(B3>0,1,0)<>0,B2/B3,0)")
    }

    @Test("functions map to their spreadsheet names")
    func functions() {
        #expect(formula("min(a, b, 3)") == "MIN(B2,B3,3)")
        #expect(formula("max(a, b)") == "MAX(B2,B3)")
        #expect(formula("abs(a - b)") == "ABS(B2-B3)")
        #expect(formula("round(a / 3, 2)") == "ROUND(B2/3,2)")
        #expect(formula("round(a)") == "ROUND(B2,0)")
        #expect(formula("clamp(a, 0, 100)") == "MIN(MAX(B2,0),100)")
    }

    @Test("a formula past Excel's limits is refused rather than written broken")
    func limits() {
        let deep = String(repeating: "min(a, ", count: 70) + "b" + String(repeating: ")", count: 70)
        #expect(formula(deep) == nil)
        let long = (1...3_000).map { _ in "a" }.joined(separator: " + ")
        #expect(formula(long) == nil)
        #expect(formula((1...100).map { _ in "a" }.joined(separator: " + ")) != nil)
    }
}
