import Foundation
import ICTIndexCore
import ICTIndexReports
import ICTIndexTestSupport
import Testing
import XLSXWriter

/// The annex names its issuer from the criteria's `publication:` block and always states the period.
@Suite struct ReportPublicationTests {
    func titles(_ framework: Framework, period: String?) throws -> [String] {
        var data = ExampleIndex.tinyData
        data.period = period
        let scoreboard = try Engine(framework: framework).score(data)
        let summary = try #require(
            ScoreboardReport(scoreboard: scoreboard, run: ScoreboardReportTests.run).spreadsheet().sheets.first)
        return summary.merges.prefix(3).compactMap {
            if case .text(let text, _) = $0.value { return text }
            return nil
        }
    }

    @Test("a national index: the ministry's decision, and the edition labelled as such when no period is given")
    func national() throws {
        var framework = ExampleIndex.tiny
        framework.edition = "2022"
        framework.publication = Publication(
            issuer: LocalizedText(vi: "Bộ Thông tin và Truyền thông"), decisionNumber: "922/QĐ-BTTTT",
            recipient: "Sở Khoa học và Công nghệ", level: .national)
        let lines = try titles(framework, period: nil)
        #expect(lines.count == 3)
        #expect(lines.dropFirst().first == "Kỳ đánh giá: chưa chỉ định (--period); theo phiên bản bộ tiêu chí 2022")
        #expect(lines.last == "(Kèm theo Quyết định số 922/QĐ-BTTTT của Bộ Thông tin và Truyền thông)")
        #expect(!lines.joined().contains("Ủy ban nhân dân"))
    }
}
