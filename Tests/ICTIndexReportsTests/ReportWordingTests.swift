import Foundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexReports
import ICTIndexTestSupport
import OrderedCollections
import Testing
import XLSXWriter

/// The annex speaks the decision's own words: every node's `description` appears verbatim.
@Suite struct ReportWordingTests {
    @Test("the annex's method and detail sheets show every indicator's description, verbatim")
    func descriptions() throws {
        // Given the sample provincial criteria and one unit of each group (no values: every item scores 0)
        let path = CommandRunner.repositoryRoot.appendingPathComponent("Criteria/vn-province-agencies.yaml").path
        let framework = try FrameworkLoader().load(path: path).framework
        let units = framework.groups.keys.map { ($0.rawValue.uppercased(), $0.rawValue, [String: Value]()) }
        let scoreboard = try Engine(framework: framework).score(ExampleIndex.dataset(units, period: "2025"))
        // When the annex is laid out
        let sheets = ScoreboardReport(scoreboard: scoreboard, run: ScoreboardReportTests.run).spreadsheet().sheets
        func texts(_ name: String) throws -> Set<String> {
            let sheet = try #require(sheets.first { $0.name == name })
            return Set(
                sheet.rows.flatMap { $0 }.compactMap {
                    if case .text(let text, _) = $0 { return text }
                    return nil
                })
        }
        let method = try texts("Phương pháp")
        let details = try texts("Chi tiết")
        // Then every node's description is a cell of the method sheet, and every indicator's of the detail sheet
        let described = framework.nodes.values.filter { $0.description != nil }
        #expect(described.count >= 10)
        for node in described {
            let text = try #require(node.description).vi
            // The method sheet puts the rule in words under the description: "description\nCách tính: …".
            #expect(
                method.contains { $0 == text || $0.hasPrefix(text + "\nCách tính: ") },
                "method sheet lacks the description of \(node.id)")
            if node.isIndicator { #expect(details.contains(text), "detail sheet lacks the description of \(node.id)") }
        }
    }
}
