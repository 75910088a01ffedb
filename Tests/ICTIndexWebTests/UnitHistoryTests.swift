import Foundation
import Hummingbird
import HummingbirdTesting
import ICTIndexCore
import ICTIndexStorage
import NIOCore
import Testing

/// A unit's trend and history follow its lineage: a renamed unit shows its former code's results, a merged one
/// its predecessors', labelled.
@Suite struct UnitHistoryTests {
    @Test("a merged commune shows each predecessor's 2024 result, labelled, in the table and the chart")
    func merger() async throws {
        let fixture = try WebFixture()
        let run2024 = try fixture.database.currentRun(forPeriod: "2024")
        let now = try #require(
            try fixture.database.result(of: "P25-HUNGVUONG", inRun: try fixture.database.currentRun(forPeriod: "2025")))
        var rows: [(UnitCode, String, String, String)] = []
        for code: UnitCode in ["P-HUNGVUONG", "P-LELOI", "P-TRANPHU"] {
            let r = try #require(try fixture.database.result(of: code, inRun: run2024))
            rows.append(
                (
                    code, r.unit.name, NumberFormatting.fixed(try #require(r.published), decimals: 2),
                    "\(r.rank ?? 0)/\(r.rankedCount)"
                ))
        }
        let expected = rows
        try await fixture.test { client in
            let leader = try await Browser.login(client, "leader")
            let html = String(buffer: try await leader.get(client, "/units/P25-HUNGVUONG?period=2025").body)
            let table = try #require(
                html.components(separatedBy: "<table class=\"history\">").dropFirst().first?.components(
                    separatedBy: "</table>"
                ).first)
            #expect(
                table.contains(
                    "<tr><td>2025</td><td class=\"num\">\(NumberFormatting.fixed(try #require(now.published), decimals: 2))</td><td class=\"num\">\(now.rank ?? 0)/\(now.rankedCount)</td><td></td></tr>"
                ))
            for (code, name, score, rank) in expected {
                #expect(
                    table.contains(
                        "<tr><td>2024</td><td class=\"num\">\(score)</td><td class=\"num\">\(rank)</td><td>trước sáp nhập: \(name) (\(code))</td></tr>"
                    ))
                #expect(html.contains(">trước sáp nhập: \(name)</text>"), "the chart's legend names \(code)")
            }
        }
    }

    @Test("a renamed unit's line runs through its former code's result")
    func rename() async throws {
        let fixture = try WebFixture()
        let old = try #require(
            try fixture.database.result(of: "BDT", inRun: try fixture.database.currentRun(forPeriod: "2024")))
        try await fixture.test { client in
            let leader = try await Browser.login(client, "leader")
            let html = String(buffer: try await leader.get(client, "/units/SDTTG?period=2025").body)
            let score = NumberFormatting.fixed(try #require(old.published), decimals: 2)
            #expect(
                html.contains(
                    "<tr><td>2024</td><td class=\"num\">\(score)</td><td class=\"num\">\(old.rank ?? 0)/\(old.rankedCount)</td><td>tên cũ / đơn vị tiền thân: Ban Dân tộc (BDT)</td></tr>"
                ))
            // One line with both periods: the 2024 point is the former code's score.
            let chart = try #require(
                html.components(separatedBy: "Diễn biến qua các kỳ").dropFirst().first?.components(
                    separatedBy: "</svg>"
                ).first)
            #expect(chart.contains(">\(score)</text>"))
            #expect(chart.contains("<polyline fill=\"none\" stroke=\"#0b4f8a\" stroke-width=\"2\" points=\""))
            let english = String(buffer: try await leader.get(client, "/units/SDTTG?period=2025&lang=en").body)
            #expect(english.contains("<td>former name / predecessor: Ban Dân tộc (BDT)</td>"))
        }
    }
}
