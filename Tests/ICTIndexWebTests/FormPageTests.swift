import Foundation
import Hummingbird
import HummingbirdTesting
import ICTIndexCore
import ICTIndexStorage
import NIOCore
import Testing

/// The agency's form: the state its values imply, a progress count, buttons at the top and the bottom, yes/no as
/// radio buttons, labels without internal keys.
@Suite struct FormPageTests {
    @Test("a unit with imported values reads as a draft with its progress; one without reads as not started")
    func statusAndProgress() async throws {
        let fixture = try WebFixture()
        let stcValues = try fixture.database.dataset(forPeriod: "2025", sources: [.selfAssessed]).dataset
            .entries(of: "STC").count
        try await fixture.test { client in
            let stc = try await Browser.login(client, "stc")
            let html = String(buffer: try await stc.get(client, "/submissions/2025/STC").body)
            let total = try #require(
                html.components(separatedBy: "<p id=\"progress\">Đã nhập <strong>").dropFirst().first?
                    .components(separatedBy: "</strong>").first)
            #expect(total.hasPrefix("\(stcValues)/"))
            #expect(html.contains("Trạng thái: <strong id=\"status\">đang soạn</strong>"))
            #expect(html.contains("; thiếu minh chứng bắt buộc: <strong>0</strong></p>"))
            #expect(html.contains("id=\"save-top\"") && html.contains("id=\"save\""))
            #expect(html.contains("id=\"submit-top\"") && html.contains("id=\"submit\""))
            #expect(
                try #require(html.range(of: "id=\"save-top\"")).lowerBound
                    < #require(html.range(of: "id=\"v-staff\"")).lowerBound)
            // Yes / no: radio buttons, the stored answer checked; no "≥ 0, ≤ 1" and no internal key.
            #expect(
                html.contains(
                    "<label class=\"choice\"><input type=\"radio\" id=\"in-security_plan\" name=\"v.security_plan\" value=\"có\" checked> Có</label>"
                ))
            #expect(
                html.contains(
                    "<label class=\"choice\"><input type=\"radio\" id=\"in-security_plan-1\" name=\"v.security_plan\" value=\"không\"> Không</label>"
                ))
            #expect(!html.contains("[staff]") && !html.contains("[security_plan]"))
            let plan = try #require(
                html.components(separatedBy: "id=\"v-security_plan\"").dropFirst().first?.components(
                    separatedBy: "</div>"
                ).first)
            #expect(!plan.contains("≥"))
            // Saving staff without its required evidence: the count says so.
            _ = try await stc.postMultipart(client, "/submissions/2025/STC", [("v.staff", "80")], files: [])
            let after = String(buffer: try await stc.get(client, "/submissions/2025/STC").body)
            #expect(after.contains("; thiếu minh chứng bắt buộc: <strong>1</strong></p>"))

            let snv = try await Browser.login(client, "snv")
            let empty = String(buffer: try await snv.get(client, "/submissions/2025/SNV?lang=en").body)
            #expect(empty.contains("Status: <strong id=\"status\">not started</strong>"))
            #expect(empty.contains("<p id=\"progress\">Filled in <strong>0/"))
            #expect(empty.contains("value=\"\" checked> Not answered</label>"))
        }
    }
}
