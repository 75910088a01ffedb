import Foundation
import Hummingbird
import HummingbirdTesting
import ICTIndexCore
import ICTIndexStorage
import NIOCore
import Testing

@testable import ICTIndexWeb

/// The audit log and the submissions page in words: action codes as Vietnamese phrases (English with
/// `?lang=en`), times in Asia/Ho_Chi_Minh as dd/mm/yyyy HH:mm, group names from the criteria, status counts that
/// match the rows.
@Suite struct AuditPageTests {
    @Test(
        "stored UTC times read in Vietnam's time (UTC+7)",
        arguments: [
            ("2025-12-31T20:30:00Z", "01/01/2026 03:30"), ("2026-03-05T00:00:00Z", "05/03/2026 07:00"),
            ("2024-02-28T16:59:59Z", "28/02/2024 23:59"), ("2024-02-28T17:00:00Z", "29/02/2024 00:00"),
            ("not a time", "not a time"),
        ])
    func localTime(stored: String, shown: String) {
        #expect(WebApp.localTime(stored) == shown)
    }

    @Test("a day chosen in the filter starts at Vietnam's midnight")
    func localDay() {
        #expect(WebApp.utcStart(ofLocalDay: "2025-12-31") == "2025-12-30T17:00:00Z")
        #expect(WebApp.utcStart(ofLocalDay: "2026-01-01") == "2025-12-31T17:00:00Z")
        #expect(WebApp.utcStart(ofLocalDay: "2026-1") == "2026-1")
    }

    @Test("the audit log shows actions in words and local times, in Vietnamese and in English")
    func auditWords() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let admin = try await Browser.login(client, "admin")
            _ = try await admin.post(
                client, "/admin/appraise/2025/STC",
                [("d.computers", "adjust"), ("n.computers", "70"), ("r.computers", "kiểm tra")])
            let html = String(buffer: try await admin.get(client, "/admin/audit").body)
            let entries = try fixture.database.auditEntries()
            let login = try #require(entries.last { $0.action == "session.login" && $0.who == "admin" })
            #expect(
                html.contains(
                    "<tr><td>\(login.id)</td><td title=\"\(login.at)\">\(WebApp.localTime(login.at))</td><td>admin</td><td title=\"session.login\">Đăng nhập</td>"
                ))
            // The shown time is the stored one plus 7 hours, worked out here without a time zone.
            let date = try Date(login.at, strategy: .iso8601).addingTimeInterval(7 * 3600)
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = .gmt
            let c = utc.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            let expected = String(
                format: "%02d/%02d/%04d %02d:%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0, c.minute ?? 0)
            #expect(WebApp.localTime(login.at) == expected)
            #expect(html.contains("<td title=\"appraisal.adjust\">Thẩm định: điều chỉnh</td>"))
            #expect(html.contains("<td title=\"run.record\">Chấm điểm (lần chấm mới)</td>"))
            #expect(html.contains("<td title=\"run.publish\">Công bố kết quả</td>"))
            #expect(html.contains("<td>bản nháp</td><td>đã công bố</td>"))
            #expect(!html.contains("<td>session.login</td>"))
            #expect(html.contains("giờ Việt Nam (UTC+7)"))
            let english = String(buffer: try await admin.get(client, "/admin/audit?lang=en").body)
            #expect(english.contains("<td title=\"session.login\">Signed in</td>"))
            #expect(english.contains("<td title=\"appraisal.adjust\">Appraisal: adjusted</td>"))
            // The filter by kind of action.
            let sessions = String(buffer: try await admin.get(client, "/admin/audit?action=session.").body)
            #expect(sessions.contains("<option value=\"session.\" selected>Đăng nhập, đăng xuất</option>"))
            #expect(!sessions.contains("title=\"appraisal.adjust\""))
            #expect(sessions.contains("title=\"session.login\""))
        }
    }

    @Test("the submissions page names groups as the criteria do and counts the states its rows show")
    func submissions() async throws {
        let fixture = try WebFixture()
        let units2025 = try fixture.database.units(inPeriod: "2025")
        let units2024 = try fixture.database.units(inPeriod: "2024")
        try await fixture.test { client in
            let admin = try await Browser.login(client, "admin")
            let html = String(buffer: try await admin.get(client, "/admin/submissions?period=2025").body)
            // SNV has no value: not started; every other unit has imported self-assessed values: a draft.
            #expect(
                html.contains(
                    "<p>chưa bắt đầu: <strong>1</strong> · đang soạn: <strong>\(units2025.count - 1)</strong> · đã nộp, chờ thẩm định: <strong>0</strong> · đã thẩm định: <strong>0</strong></p>"
                ))
            #expect(html.contains("<tr><td>SNV</td><td>Sở Nội vụ</td><td>Sở, ban, ngành</td><td>chưa bắt đầu</td>"))
            #expect(html.contains("<tr><td>STC</td><td>Sở Tài chính</td><td>Sở, ban, ngành</td><td>đang soạn</td>"))
            #expect(html.contains("<td>UBND cấp xã</td>"))
            #expect(!html.contains("<td>department</td>") && !html.contains("<td>commune</td>"))
            // 2024 was imported as appraised values.
            let old = String(buffer: try await admin.get(client, "/admin/submissions?period=2024").body)
            #expect(
                old.contains(
                    "<p>chưa bắt đầu: <strong>0</strong> · đang soạn: <strong>0</strong> · đã nộp, chờ thẩm định: <strong>0</strong> · đã thẩm định: <strong>\(units2024.count)</strong></p>"
                ))
            let english = String(buffer: try await admin.get(client, "/admin/submissions?period=2025&lang=en").body)
            #expect(english.contains("<td>Departments and boards</td>"))
        }
    }
}
