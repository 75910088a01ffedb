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

    /// The form's groups: each fieldset's id, its legend up to the progress count, and its fields in order.
    static func groups(_ html: String) -> [(id: String, legend: String, progress: String, fields: [String])] {
        html.components(separatedBy: "<fieldset class=\"pillar\" id=\"").dropFirst().map { part in
            let id = String(part.prefix { $0 != "\"" })
            let body = part.components(separatedBy: "</fieldset>")[0]
            let legend =
                body.components(separatedBy: "<legend>").dropFirst().first?
                .components(separatedBy: " <span").first ?? ""
            let progress =
                body.components(separatedBy: "id=\"progress-\(id)\">").dropFirst().first?
                .components(separatedBy: "</span>").first ?? ""
            let fields = body.components(separatedBy: "<div class=\"field\" id=\"v-").dropFirst().map {
                String($0.prefix { $0 != "\"" })
            }
            return (id, legend, progress, fields)
        }
    }

    @Test("the fields are grouped under the pillars in tree order, each variable once, the rest under Khác")
    func groupedByPillar() async throws {
        // Given the demo criteria: staff is read by infra (computers / staff), hr (training_share) and internal
        // (email_users / staff), so it appears once, under infra; late_reports and incidents_unreported are
        // read by the deductions only, so they come under "Khác".
        let fixture = try WebFixture()
        try await fixture.test { client in
            let stc = try await Browser.login(client, "stc")
            let html = String(buffer: try await stc.get(client, "/submissions/2025/STC").body)
            let groups = Self.groups(html)
            #expect(groups.map(\.id) == ["p-infra", "p-hr", "p-internal", "p-docs", "p-services", "other"])
            #expect(
                groups.map(\.legend) == [
                    "Hạ tầng kỹ thuật — tối đa 20 điểm", "Nhân lực và lãnh đạo, chỉ đạo — tối đa 15 điểm",
                    "Ứng dụng CNTT trong hoạt động nội bộ — tối đa 20 điểm", "Văn bản điện tử — tối đa 20 điểm",
                    "Dịch vụ công trực tuyến — tối đa 25 điểm", "Khác",
                ])
            #expect(
                groups.map(\.fields) == [
                    [
                        "staff", "computers", "antivirus", "bandwidth_mbps", "wan_share", "shared_apps",
                        "security_plan",
                        "security_plan_submitted",
                    ],
                    ["steering_meetings", "steering_chair", "it_staff", "trained_staff", "digital_skills_score"],
                    [
                        "email_users", "portal_posts", "reporting_connected", "online_meetings", "data_services",
                        "tasks_tracked_share",
                    ],
                    [
                        "docs_sent", "docs_sent_electronic", "docs_signed", "docs_received", "docs_received_electronic",
                        "avg_processing_days",
                    ],
                    [
                        "dossiers_total", "dossiers_online", "dossiers_resolved", "dossiers_on_time",
                        "dossiers_overdue",
                        "digitised_results", "fee_paid_online", "fee_dossiers", "satisfaction_index",
                    ],
                    ["late_reports", "incidents_unreported"],
                ])
            // Each group counts its own filled fields; together they make the form's count.
            #expect(
                groups.map(\.progress) == [
                    "(đã nhập 7/8)", "(đã nhập 5/5)", "(đã nhập 6/6)", "(đã nhập 6/6)", "(đã nhập 9/9)",
                    "(đã nhập 2/2)",
                ])
            #expect(html.contains("<p id=\"progress\">Đã nhập <strong>35/36</strong>"))
            // Emptying one value moves its group's count and the form's.
            _ = try await stc.postMultipart(client, "/submissions/2025/STC", [("v.late_reports", "")], files: [])
            let page = String(buffer: try await stc.get(client, "/submissions/2025/STC").body)
            #expect(Self.groups(page).last?.progress == "(đã nhập 1/2)")
            #expect(page.contains("<p id=\"progress\">Đã nhập <strong>34/36</strong>"))

            // In English, the same groups.
            let en = Self.groups(String(buffer: try await stc.get(client, "/submissions/2025/STC?lang=en").body))
            #expect(en.first?.legend == "Technical infrastructure — up to 20 points")
            #expect(en.last?.legend == "Other")
            #expect(en.last?.progress == "(filled in 1/2)")
        }
    }

    @Test("a commune's form has its own indicator; a group without a pillar has none and rescaled maximum points")
    func groupsFollowTheUnitsGroup() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let admin = try await Browser.login(client, "admin")
            // A commune: the commune-only indicator's variable in its place in the tree, before satisfaction.
            let commune = Self.groups(String(buffer: try await admin.get(client, "/submissions/2025/X-KYSON").body))
            #expect(
                commune.first { $0.id == "p-services" }?.fields == [
                    "dossiers_total", "dossiers_online", "dossiers_resolved", "dossiers_on_time", "dossiers_overdue",
                    "digitised_results", "fee_paid_online", "fee_dossiers", "civil_records_share", "satisfaction_index",
                ])
            #expect(commune.first { $0.id == "p-internal" }?.fields.contains("data_services") == false)
            // A special unit: no online public services (25 points), so the other pillars share 100 points:
            // infra 20 / 75 × 100 = 26.67, hr 15 / 75 × 100 = 20.
            let special = Self.groups(String(buffer: try await admin.get(client, "/submissions/2025/BQLDA").body))
            #expect(special.map(\.id) == ["p-infra", "p-hr", "p-internal", "p-docs", "other"])
            #expect(special.first?.legend == "Hạ tầng kỹ thuật — tối đa 26.67 điểm")
            #expect(special[1].legend == "Nhân lực và lãnh đạo, chỉ đạo — tối đa 20 điểm")
        }
    }
}
