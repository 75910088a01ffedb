import Testing

@testable import ICTIndexWeb

@Suite struct HTMLTests {
    @Test("interpolated text is escaped for content and for quoted attributes: & < > \" '")
    func textIsEscaped() {
        let text = "<b title='x'>\"Sở TT&TT\"</b>"
        let html: HTML = "<td title=\"\(text)\">\(text)</td>"
        let escaped = "&lt;b title=&#39;x&#39;&gt;&quot;Sở TT&amp;TT&quot;&lt;/b&gt;"
        #expect(html.markup == "<td title=\"\(escaped)\">\(escaped)</td>")
    }

    @Test("numbers and other values are escaped through their description; HTML is inserted as it is")
    func markupIsInserted() {
        let cell: HTML = "<td>\(42)</td>"
        let cells: [HTML] = [cell, "<td>\(1.5)</td>"]
        let row: HTML = "<tr>\(cells)\(cell)\(" class=\"on\"", if: false)</tr>"
        #expect(row.markup == "<tr><td>42</td><td>1.5</td><td>42</td></tr>")
        #expect(["<i>a</i>" as HTML, "<i>b</i>"].joined(separator: "<br>").markup == "<i>a</i><br><i>b</i>")
    }

    @Test("text that needs no escaping is kept whole, Vietnamese included")
    func plainText() {
        let html: HTML = "\("Trưởng Ban chỉ đạo — 100 %")"
        #expect(html.markup == "Trưởng Ban chỉ đạo — 100 %")
        #expect(HTML(text: "a<b").markup == "a&lt;b")
        #expect(HTML.empty.isEmpty)
    }
}
