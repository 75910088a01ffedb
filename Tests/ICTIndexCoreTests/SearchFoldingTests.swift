import ICTIndexCore
import Testing

@Suite struct SearchFoldingTests {
    @Test("Vietnamese names fold to the letters a user types without diacritics")
    func fold() {
        #expect(SearchFolding.fold("Xã Kỳ Sơn") == "xa ky son")
        #expect(SearchFolding.fold("Đồng  Hới\t") == "dong hoi")
        #expect(SearchFolding.fold("PHƯỜNG HÙNG VƯƠNG") == "phuong hung vuong")
        #expect(SearchFolding.fold("Sở Tư pháp") == "so tu phap")
        // The same name written with combining marks (NFD) folds alike.
        #expect(SearchFolding.fold("Ky\u{0300} So\u{031B}n") == "ky son")
    }

    @Test("a query matches whatever diacritics either side carries")
    func matches() {
        #expect(SearchFolding.matches("X-KYSON\u{0}Xã Kỳ Sơn", query: "ky son"))
        #expect(SearchFolding.matches("Xã Kỳ Sơn", query: "Kỳ Sơn"))
        #expect(SearchFolding.matches("Sở Dân tộc và Tôn giáo", query: "dan toc"))
        #expect(SearchFolding.matches("Xã Đông Sơn", query: "dong"))
        #expect(!SearchFolding.matches("Xã Yên Hòa", query: "ky son"))
        #expect(SearchFolding.matches("anything", query: "  "))
    }
}
