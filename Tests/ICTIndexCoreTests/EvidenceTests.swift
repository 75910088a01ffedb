import ICTIndexCore
import Testing

@Suite("Evidence")
struct EvidenceTests {
    @Test("round-trips every field through its stored text, in a fixed order")
    func roundTrip() {
        let evidence = Evidence(
            number: " 12/QĐ-UBND ", title: "Quyết định ban hành\nKế hoạch", date: "2025-03-01", summary: nil,
            link: "https://stttt.example.gov.vn/qd-12", file: "ab12 qd.pdf")
        #expect(
            evidence.text
                == "number: 12/QĐ-UBND\ntitle: Quyết định ban hành Kế hoạch\ndate: 2025-03-01\n"
                + "link: https://stttt.example.gov.vn/qd-12\nfile: ab12 qd.pdf")
        #expect(Evidence(text: evidence.text) == evidence)
    }

    @Test("free text typed into a CSV column reads back as the title")
    func freeText() {
        #expect(Evidence(text: "QĐ 12/2025 của UBND") == Evidence(title: "QĐ 12/2025 của UBND"))
        #expect(Evidence(text: "note: not a key\nsecond line") == Evidence(title: "note: not a key second line"))
        #expect(Evidence(text: "number: 1\nnumber: 2") == Evidence(title: "number: 1 number: 2"))
        #expect(Evidence(text: "  ") == nil)
        #expect(Evidence(text: nil) == nil)
    }

    @Test("blank fields are not given")
    func blank() {
        let evidence = Evidence(number: "", title: "  ", link: nil)
        #expect(evidence.isEmpty)
        #expect(evidence.text == nil)
    }
}
