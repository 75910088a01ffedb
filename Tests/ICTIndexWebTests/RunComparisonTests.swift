import Foundation
import Hummingbird
import HummingbirdTesting
import ICTIndexCore
import ICTIndexService
import ICTIndexStorage
import NIOCore
import Testing

/// Comparing two runs of two periods: per group, columns named by period and run, renames followed, mergers named.
@Suite struct RunComparisonTests {
    @Test("2024 against 2025: per group, columns named by period, a rename matched, a merger's predecessors named")
    func acrossPeriods() async throws {
        let fixture = try WebFixture()
        let bdt = try #require(try fixture.database.result(of: "BDT", inRun: 1))
        let sdttg = try #require(try fixture.database.result(of: "SDTTG", inRun: 2))
        try await fixture.test { client in
            let admin = try await Browser.login(client, "admin")
            let html = String(buffer: try await admin.get(client, "/admin/runs?period=2025&a=1&b=2").body)
            #expect(html.contains("<option value=\"1\" selected>2024 — lần 1</option>"))
            #expect(
                html.contains(
                    "<th class=\"num\">Điểm 2024 (lần 1)</th><th class=\"num\">Hạng 2024 (lần 1)</th><th>Xếp loại 2024 (lần 1)</th>"
                ))
            #expect(html.contains("<th class=\"num\">Điểm 2025 (lần 2)</th>"))
            let departments = try #require(
                html.components(separatedBy: "<h3>Sở, ban, ngành (").dropFirst().first?.components(separatedBy: "<h3>")
                    .first)
            let communes = try #require(
                html.components(separatedBy: "<h3>UBND cấp xã (").dropFirst().first?.components(separatedBy: "<h3>")
                    .first)
            // The renamed unit, matched with its former code's 2024 result.
            let renamed = try #require(
                departments.components(separatedBy: "<tr>").first { $0.hasPrefix("<td>SDTTG</td>") })
            let a = NumberFormatting.fixed(try #require(bdt.published), decimals: 2)
            let b = NumberFormatting.fixed(try #require(sdttg.published), decimals: 2)
            #expect(
                renamed.contains(
                    "<span class=\"muted\">(đổi tên từ BDT)</span></td><td class=\"num\">\(a)</td><td class=\"num\">\(bdt.rank ?? 0)</td>"
                ))
            #expect(renamed.contains("<td class=\"num\">\(b)</td><td class=\"num\">\(sdttg.rank ?? 0)</td>"))
            #expect(
                renamed.contains(
                    "<td class=\"num\">\(ChangeText.signed(try #require(sdttg.published) - (try #require(bdt.published)), decimals: 2))</td>"
                ))
            #expect(!departments.contains("<td>BDT</td>"))
            // The merged ward: its predecessors named; each predecessor merged into it.
            let merged = try #require(
                communes.components(separatedBy: "<tr>").first { $0.hasPrefix("<td>P25-HUNGVUONG</td>") })
            #expect(
                merged.contains("(sáp nhập từ P-HUNGVUONG, P-LELOI, P-TRANPHU)</span></td><td class=\"num\">—</td>"))
            let gone = try #require(communes.components(separatedBy: "<tr>").first { $0.hasPrefix("<td>P-LELOI</td>") })
            #expect(gone.contains("(sáp nhập vào P25-HUNGVUONG)</span>"))
            #expect(!departments.contains("P25-HUNGVUONG"))
        }
    }
}
