import Foundation
import Hummingbird
import HummingbirdTesting
import ICTIndexCore
import ICTIndexStorage
import NIOCore
import Testing

/// The appraisal page: differences highlighted with both values, required evidence that is missing flagged,
/// the saved reason shown, and the filters "only differences" and "only missing evidence".
@Suite struct AppraisalPageTests {
    /// The `<tr>` of a variable in a page, or nil.
    static func row(_ html: String, _ variable: String) -> String? {
        guard let range = html.range(of: "<tr id=\"a-\(variable)\"") else { return nil }
        return String(html[range.lowerBound...].components(separatedBy: "</tr>")[0])
    }

    @Test(
        "an adjusted value is highlighted with both values and its reason; a value without required evidence is flagged; the filters show only those"
    )
    func differencesAndEvidence() async throws {
        let fixture = try WebFixture()
        let own = try #require(
            try fixture.database.valuePairs(forPeriod: "2025", unit: "STC").first { $0.variable == "computers" }?
                .selfAssessed)
        try await fixture.test { client in
            // Given: STC saves its staff count without the evidence the criteria require ...
            let stc = try await Browser.login(client, "stc")
            let saved = try await stc.postMultipart(client, "/submissions/2025/STC", [("v.staff", "80")], files: [])
            #expect(saved.status == .seeOther)
            // ... and the department adjusts its computers with a reason and accepts its staff count.
            let admin = try await Browser.login(client, "admin")
            let appraised = try await admin.post(
                client, "/admin/appraise/2025/STC",
                [
                    ("d.computers", "adjust"), ("n.computers", "70"), ("r.computers", "theo biên bản kiểm tra"),
                    ("d.staff", "accept"),
                ])
            #expect(appraised.status == .ok)

            // Then: the page counts and highlights them.
            let html = String(buffer: try await admin.get(client, "/admin/appraise/2025/STC").body)
            #expect(
                html.contains("Khác tự đánh giá: <strong>1</strong> · Thiếu minh chứng bắt buộc: <strong>1</strong>"))
            let computers = try #require(Self.row(html, "computers"))
            let ownText = own.description
            #expect(computers.hasPrefix("<tr id=\"a-computers\" class=\"diff\">"))
            #expect(computers.contains("<td class=\"changed\">\(ownText)</td>"))
            #expect(
                computers.contains(
                    "<td class=\"changed\">70 <span class=\"flag\">khác: \(ownText) → 70</span><div class=\"reason\">Lý do: theo biên bản kiểm tra</div></td>"
                ))
            let staff = try #require(Self.row(html, "staff"))
            #expect(staff.hasPrefix("<tr id=\"a-staff\">"))
            #expect(staff.contains("<span class=\"flag\">thiếu minh chứng bắt buộc</span>"))
            #expect(!staff.contains("class=\"changed\""))
            let plain = try #require(Self.row(html, "security_plan"))
            #expect(!plain.contains("class=\"flag\""))
            #expect(html.contains("<a href=\"/admin/appraise/2025/STC\" class=\"on\" aria-current=\"page\">Tất cả ("))
            #expect(
                html.contains("<a href=\"/admin/appraise/2025/STC?only=diff\">Chỉ giá trị khác tự đánh giá (1)</a>"))
            #expect(
                html.contains(
                    "<a href=\"/admin/appraise/2025/STC?only=evidence\">Chỉ thiếu minh chứng bắt buộc (1)</a>"))

            // The filters: links, no script.
            let diff = String(buffer: try await admin.get(client, "/admin/appraise/2025/STC?only=diff").body)
            #expect(diff.components(separatedBy: "<tr id=\"a-").count == 2)
            #expect(Self.row(diff, "computers") != nil)
            let evidence = String(buffer: try await admin.get(client, "/admin/appraise/2025/STC?only=evidence").body)
            #expect(evidence.components(separatedBy: "<tr id=\"a-").count == 2)
            #expect(Self.row(evidence, "staff") != nil)
            #expect(evidence.contains("class=\"on\" aria-current=\"page\">Chỉ thiếu minh chứng bắt buộc (1)</a>"))
            let english = String(buffer: try await admin.get(client, "/admin/appraise/2025/STC?only=diff&lang=en").body)
            #expect(
                english.contains(
                    "<span class=\"flag\">differs: \(ownText) → 70</span><div class=\"reason\">Reason: theo biên bản kiểm tra</div>"
                ))
        }
    }

    @Test("a unit with nothing to flag: the filters say so")
    func nothingToFlag() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let admin = try await Browser.login(client, "admin")
            let diff = String(buffer: try await admin.get(client, "/admin/appraise/2025/VPUB?only=diff").body)
            #expect(diff.contains("<p class=\"notice\">Không có giá trị thẩm định nào khác giá trị tự đánh giá.</p>"))
            #expect(!diff.contains("<tr id=\"a-"))
            let evidence = String(
                buffer: try await admin.get(client, "/admin/appraise/2025/VPUB?only=evidence&lang=en").body)
            #expect(evidence.contains("<p class=\"notice\">No value lacks required evidence.</p>"))
        }
    }
}
