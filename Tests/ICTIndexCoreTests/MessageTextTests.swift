import Testing

@testable import ICTIndexCore

@Suite struct MessageTextTests {
    @Test("control characters are written visibly; other text is unchanged")
    func escaping() {
        #expect(MessageText.escapingControlCharacters("Sở A") == "Sở A")
        #expect(
            MessageText.escapingControlCharacters("a\u{1B}[31mb\u{07}c\u{00}d\ne\rf\tg\u{7F}h\u{202E}i")
                == "a\\e[31mb\\ac\\0d\\ne\\rf\\tg\\u{7F}h\\u{202E}i")
    }

    @Test("an echoed value is cut after 80 characters with '…'; a short one is kept whole")
    func echo() {
        #expect(MessageText.echo(String(repeating: "ă", count: 80)) == String(repeating: "ă", count: 80))
        #expect(MessageText.echo(String(repeating: "ă", count: 81)) == String(repeating: "ă", count: 80) + "…")
        #expect(MessageText.echo("x\ny") == "x\\ny")
        #expect(MessageText.echo("") == "")
    }

    @Test("a report shows 100 diagnostics of a kind, then one line with the count of the rest")
    func reportLimit() {
        // 20,000 unknown columns (D002) and 3 bad numbers (D003): 100 + 3 shown, 19,900 counted
        let columns = (1...20_000).map {
            Diagnostic.error(
                .unknownColumn, at: SourceLocation(file: "v.csv", line: 1, column: $0),
                Words(vi: "không biết cột 'c\($0)'", en: "unknown column 'c\($0)'"))
        }
        let numbers = (2...4).map {
            Diagnostic.error(
                .invalidNumber, at: SourceLocation(file: "v.csv", line: $0, column: 2),
                Words(vi: "'x' không phải là số", en: "'x' is not a number"))
        }
        let lines = (columns + numbers).report.split(separator: "\n").map(String.init)
        #expect(lines.count == 100 + 3 + 1 + 1)
        #expect(lines[99] == "v.csv:1:100: error[D002]: unknown column 'c100'")
        #expect(lines[100] == "v.csv:2:2: error[D003]: 'x' is not a number")
        #expect(lines[103] == "… and 19900 more errors [D002] like the ones above")
        #expect(lines[104] == "20003 errors")
        #expect(ValidationFailure(diagnostics: columns + numbers).description == (columns + numbers).report)
        // The same report in Vietnamese: the same places and codes
        let vietnamese = (columns + numbers).report(.vi).split(separator: "\n").map(String.init)
        #expect(vietnamese[99] == "v.csv:1:100: lỗi[D002]: không biết cột 'c100'")
        #expect(vietnamese[100] == "v.csv:2:2: lỗi[D003]: 'x' không phải là số")
        #expect(vietnamese[103] == "… và 19900 lỗi [D002] khác giống như trên")
        #expect(vietnamese[104] == "20003 lỗi")
        #expect([Diagnostic]().summaryLine(.vi) == "0 lỗi")
        let mixed = [numbers[0], Diagnostic.warning(.unknownColumn, Words(vi: "cảnh báo thử", en: "a test warning"))]
        #expect(mixed.summaryLine(.vi) == "1 lỗi, 1 cảnh báo")
        #expect(mixed.summaryLine(.en) == "1 error, 1 warning")
    }

    @Test("a diagnostic whose message quotes a newline and ESC stays on its lines")
    func diagnosticEscapes() {
        let diagnostic = Diagnostic.error(
            .invalidNumber, at: SourceLocation(file: "v.csv", line: 2),
            Words(vi: "'a\nerror: b\u{1B}' không phải là số", en: "'a\nerror: b\u{1B}' is not a number"),
            hint: Words(vi: "x\ny", en: "x\ny"))
        #expect(diagnostic.description == "v.csv:2: error[D003]: 'a\\nerror: b\\e' is not a number\n  hint: x\\ny")
        #expect(diagnostic.text(.vi) == "v.csv:2: lỗi[D003]: 'a\\nerror: b\\e' không phải là số\n  gợi ý: x\\ny")
    }
}
