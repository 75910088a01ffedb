import Foundation
import Hummingbird
import HummingbirdTesting
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexService
import ICTIndexStorage
import NIOCore
import Testing

@Suite struct LoginTests {
    @Test("signing in sets an HttpOnly, SameSite=Strict session cookie and logs the sign-in")
    func signIn() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let response = try await Browser.attempt(client, "leader", password: WebFixture.password)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/overview")
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("ictindex_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(!cookie.contains("Secure"))
        }
        #expect(try fixture.database.auditEntries().contains { $0.action == "session.login" && $0.who == "leader" })
    }

    @Test("a wrong password is refused, and nothing else is reachable without a session")
    func wrongPassword() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let response = try await Browser.attempt(client, "leader", password: "wrong-password")
            #expect(response.status == .unauthorized)
            #expect(Browser.sessionCookie(response) == nil)
            #expect(String(buffer: response.body).contains("Tên đăng nhập hoặc mật khẩu không đúng."))
            let ranking = try await client.execute(uri: "/ranking", method: .get) { $0 }
            #expect(ranking.status == .unauthorized)
            let root = try await client.execute(uri: "/", method: .get) { $0 }
            #expect(root.headers[.location] == "/login")
        }
        #expect(try fixture.database.auditEntries().contains { $0.action == "session.refused" && $0.who == "leader" })
    }

    @Test("after 3 failures the right password is refused too (429)")
    func rateLimit() async throws {
        let fixture = try WebFixture(loginAttempts: 3)
        try await fixture.test { client in
            for _ in 0..<3 {
                #expect(try await Browser.attempt(client, "snv", password: "nope-nope").status == .unauthorized)
            }
            let blocked = try await Browser.attempt(client, "snv", password: WebFixture.password)
            #expect(blocked.status == .tooManyRequests)
            #expect(Browser.sessionCookie(blocked) == nil)
        }
    }

    @Test("failed sign-ins still count after the server restarts; a successful one clears the user's")
    func rateLimitAfterRestart() async throws {
        let fixture = try WebFixture(loginAttempts: 3)
        try await fixture.test { client in
            for _ in 0..<2 {
                #expect(try await Browser.attempt(client, "stc", password: "nope-nope").status == .unauthorized)
            }
            _ = try await Browser.login(client, "stc")
            for _ in 0..<3 {
                #expect(try await Browser.attempt(client, "snv", password: "nope-nope").status == .unauthorized)
            }
        }
        // A new application on the same database, as after a restart.
        try await fixture.test { client in
            let blocked = try await Browser.attempt(client, "snv", password: WebFixture.password)
            #expect(blocked.status == .tooManyRequests)
            // stc's two failures were cleared by its sign-in: one more is an ordinary refusal, not the limit.
            let refused = try await Browser.attempt(client, "stc", password: "nope-nope")
            #expect(refused.status == .unauthorized)
        }
    }

    @Test("behind a trusted proxy the client is the last X-Forwarded-For address; otherwise the header is ignored")
    func trustedProxy() async throws {
        for (trusted, logged) in [([] as [String], "from 127.0.0.1"), (["127.0.0.1"], "from 10.0.0.7")] {
            let fixture = try WebFixture(trustedProxies: trusted)
            try await fixture.test { client in
                let refused = try await Browser.attempt(
                    client, "snv", password: "nope-nope", forwardedFor: "203.0.113.9, 10.0.0.7")
                #expect(refused.status == .unauthorized)
            }
            let entry = try fixture.database.auditEntries().last { $0.action == "session.refused" }
            #expect(entry?.detail == "wrong name or password, \(logged)")
        }
    }

    @Test("a sign-in without the form's CSRF token is refused")
    func loginCSRF() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let response = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "name=leader&password=\(WebFixture.password)")) { $0 }
            #expect(response.status == .forbidden)
        }
    }

    @Test("signing out ends the session")
    func logout() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let leader = try await Browser.login(client, "leader")
            #expect(try await leader.post(client, "/logout", []).status == .seeOther)
            #expect(try await leader.get(client, "/ranking").status == .unauthorized)
        }
    }
}

@Suite struct RoleTests {
    @Test("a leader reads the ranking, unit pages and the Excel file, and cannot change anything")
    func leaderReadOnly() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let leader = try await Browser.login(client, "leader")
            let ranking = try await leader.get(client, "/ranking?period=2025")
            #expect(ranking.status == .ok)
            let html = String(buffer: ranking.body)
            #expect(html.contains("Sở, ban, ngành"))
            #expect(html.contains("so với kỳ 2024"))
            let filtered = String(buffer: try await leader.get(client, "/ranking?period=2025&group=department&q=n%E1%BB%99i").body)
            #expect(filtered.contains("Sở Nội vụ"))
            #expect(!filtered.contains("<h2>UBND cấp xã"))
            // Search without diacritics: "ky son" finds Xã Kỳ Sơn, "dan toc" the Sở Dân tộc và Tôn giáo.
            let folded = String(buffer: try await leader.get(client, "/ranking?period=2025&q=ky+son").body)
            #expect(folded.contains("Xã Kỳ Sơn"))
            #expect(!folded.contains("Xã Yên Hòa"))
            let plain = String(buffer: try await leader.get(client, "/ranking?period=2025&q=DAN%20TOC").body)
            #expect(plain.contains("Sở Dân tộc và Tôn giáo"))
            let none = String(buffer: try await leader.get(client, "/ranking?period=2025&q=zzz").body)
            #expect(none.contains("Không có đơn vị nào có mã hoặc tên khớp với “zzz”."))
            let unit = try await leader.get(client, "/units/SNV?period=2025")
            #expect(unit.status == .ok)
            let page = String(buffer: unit.body)
            #expect(page.contains("<svg"))
            #expect(page.contains("Điểm mạnh"))
            #expect(page.contains("Đơn vị SNV — Sở Nội vụ"))
            let english = String(buffer: try await leader.get(client, "/units/SNV?period=2025&lang=en").body)
            #expect(english.contains("Strengths"))
            let excel = try await leader.get(client, "/export?period=2025")
            #expect(excel.status == .ok)
            #expect(Array(excel.body.readableBytesView.prefix(2)) == Array("PK".utf8))
            // Every write is refused.
            #expect(try await leader.post(client, "/submissions/2025/SNV", [("v.staff", "10")]).status == .forbidden)
            #expect(try await leader.post(client, "/admin/run", [("period", "2025")]).status == .forbidden)
            #expect(try await leader.post(client, "/admin/publish", [("run", "2")]).status == .forbidden)
            #expect(try await leader.post(client, "/admin/appraise/2025/STC", [("d.staff", "accept")]).status == .forbidden)
            #expect(try await leader.post(client, "/admin/users", [("name", "x"), ("role", "admin"), ("password", "password9")]).status == .forbidden)
            #expect(try await leader.get(client, "/admin/audit").status == .forbidden)
        }
        #expect(try fixture.database.runs(forPeriod: "2025").count == 1)
        #expect(try fixture.database.users().count == 4)
    }

    @Test("the ranking shows each unit's rank, score, band and pillar points as the engine gives them, in the order asked, and a new run at once")
    func rankingNumbers() async throws {
        let fixture = try WebFixture()
        let framework = try CriteriaSource.load(path: WebFixture.criteria).0.framework
        @Sendable func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
                .replacingOccurrences(of: "'", with: "&#39;")
        }
        /// The start of a unit's row, worked out from a fresh scoring of the period's values.
        @Sendable func rows() throws -> (board: Scoreboard, rows: [UnitCode: String]) {
            let board = try Engine(framework: framework).score(try fixture.database.dataset(forPeriod: "2025").dataset)
            var rows: [UnitCode: String] = [:]
            for r in board.units {
                let unit = r.unit
                let rank = r.rank.map(String.init) ?? "—"
                let score = r.published.map { NumberFormatting.fixed($0, decimals: 2) } ?? "—"
                let band =
                    r.band.map { "<span class=\"band\" style=\"\(OverviewTests.bandStyles[$0.id] ?? "")\">\(escaped($0.name.vi))</span>" }
                    ?? "—"
                var row = "<tr><td class=\"num\">\(rank)</td><td>\(unit.code)</td>"
                row += "<td><a href=\"/units/\(unit.code)?period=2025\">\(escaped(unit.name))</a></td>"
                row += "<td class=\"num\">\(score)</td><td>\(band)</td>"
                for pillar in framework.pillars {
                    let points = board.index(of: pillar.id).flatMap { r.nodes[$0].points }
                    row += "<td class=\"num p\">\(points.map { NumberFormatting.fixed($0, decimals: 2) } ?? "—")</td>"
                }
                rows[unit.code] = row
            }
            return (board, rows)
        }
        try await fixture.test { client in
            let leader = try await Browser.login(client, "leader")
            let html = String(buffer: try await leader.get(client, "/ranking?period=2025").body)
            let (board, expected) = try rows()
            #expect(expected.count == board.units.count && expected.count > 50)
            for (code, row) in expected { #expect(html.contains(row), "row of \(code)") }
            // Within a group, by rank.
            let departments = board.units.filter { $0.unit.group == "department" && $0.rank != nil }.sorted { ($0.rank ?? 0, $0.unit.code) < ($1.rank ?? 0, $1.unit.code) }
            let places = departments.compactMap { html.range(of: expected[$0.unit.code] ?? "")?.lowerBound }
            #expect(places.count == departments.count && places == places.sorted())
            // Sorted by a pillar: the group's first row has its highest points.
            let byHR = String(buffer: try await leader.get(client, "/ranking?period=2025&group=department&sort=hr").body)
            let hr = try #require(board.index(of: "hr"))
            let best = try #require(departments.max { ($0.nodes[hr].points ?? -1) < ($1.nodes[hr].points ?? -1) })
            let firstRow = byHR.components(separatedBy: "<tbody>")[1].components(separatedBy: "</tr>")[0] + ""
            #expect(firstRow.contains("<td>\(best.unit.code)</td>"))
            // A new run shows at once: STC adjusted, scored again.
            let admin = try await Browser.login(client, "admin")
            _ = try await admin.post(
                client, "/admin/appraise/2025/STC", [("d.staff", "adjust"), ("n.staff", "100"), ("r.staff", "theo hồ sơ")])
            #expect(try await admin.post(client, "/admin/run", [("period", "2025")]).status == .seeOther)
            let after = String(buffer: try await leader.get(client, "/ranking?period=2025").body)
            #expect(after.contains("lần chấm 3, bản nháp"))
            let (_, now) = try rows()
            #expect(try after.contains(#require(now["STC"])))
            #expect(try #require(now["STC"]) != expected["STC"])
        }
    }

    @Test("an agency reaches its own unit only, whatever id is put in the URL or the form")
    func agencyIsolation() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let snv = try await Browser.login(client, "snv")
            #expect(try await snv.get(client, "/submissions/2025/SNV").status == .ok)
            #expect(try await snv.get(client, "/submissions/2025/STC").status == .forbidden)
            #expect(try await snv.post(client, "/submissions/2025/STC", [("v.staff", "1")]).status == .forbidden)
            #expect(try await snv.post(client, "/submissions/2025/STC/submit", []).status == .forbidden)
            #expect(try await snv.get(client, "/units/STC?period=2025").status == .forbidden)
            #expect(try await snv.get(client, "/units/SNV?period=2025").status == .ok)
            #expect(try await snv.get(client, "/ranking").status == .forbidden)
            #expect(try await snv.get(client, "/export?period=2025").status == .forbidden)
            #expect(try await snv.get(client, "/admin/submissions").status == .forbidden)
            // A field naming a variable outside the form is refused, so no other key can be written.
            #expect(try await snv.post(client, "/submissions/2025/SNV", [("v.unit", "STC")]).status == .unprocessableContent)
        }
        #expect(try fixture.database.valuePairs(forPeriod: "2025").filter { $0.unit == "STC" && $0.variable == "staff" && $0.selfAssessed == .number(1) }.isEmpty)
    }

    @Test("without a valid CSRF token a form is refused (403) and nothing is saved")
    func csrf() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let snv = try await Browser.login(client, "snv")
            let stc = try await Browser.login(client, "stc")
            #expect(try await snv.post(client, "/submissions/2025/SNV", [("v.staff", "50")], csrf: "").status == .forbidden)
            #expect(try await snv.post(client, "/submissions/2025/SNV", [("v.staff", "50")], csrf: String(repeating: "0", count: 64)).status == .forbidden)
            // Another session's token does not work either.
            #expect(try await snv.post(client, "/submissions/2025/SNV", [("v.staff", "50")], csrf: stc.csrf).status == .forbidden)
            let admin = try await Browser.login(client, "admin")
            #expect(try await admin.post(client, "/admin/run", [("period", "2025")], csrf: "").status == .forbidden)
        }
        #expect(try fixture.database.valuePairs(forPeriod: "2025").filter { $0.unit == "SNV" }.isEmpty)
        #expect(try fixture.database.runs(forPeriod: "2025").count == 1)
    }
}

@Suite struct AgencyFormTests {
    @Test("saving validates like the importers, lists every problem in Vietnamese, and saves nothing until all are fixed")
    func validation() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let snv = try await Browser.login(client, "snv")
            let bad = try await snv.post(
                client, "/submissions/2025/SNV", [("v.staff", "12,5"), ("v.computers", "abc"), ("v.steering_chair", "king")])
            #expect(bad.status == .unprocessableContent)
            let html = String(buffer: bad.body)
            #expect(html.contains("Chưa lưu: có 3 lỗi cần sửa"))
            #expect(html.contains("&#39;abc&#39; không phải là số (hãy viết một con số, như 1234.5, không kèm đơn vị hay chữ) [D003]"))
            #expect(html.contains("[D004]"))
            #expect(html.contains("&#39;king&#39; không phải một trong các lựa chọn (hãy viết một trong:"))
        }
        #expect(try fixture.database.valuePairs(forPeriod: "2025").filter { $0.unit == "SNV" }.isEmpty)
    }

    @Test("saving stores self-assessed values with evidence, logs them, and shows the provisional score; submitting makes it read-only")
    func saveAndSubmit() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let snv = try await Browser.login(client, "snv")
            let saved = try await snv.post(
                client, "/submissions/2025/SNV",
                [("v.staff", "112"), ("v.computers", "111"), ("v.steering_chair", "chair"),
                 ("e.staff.number", "12/QĐ-SNV"), ("e.staff.title", "Quyết định giao biên chế"), ("e.staff.date", "2025-03-01")])
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers[.location])
            #expect(location == "/submissions/2025/SNV?saved=3-0-0")
            let html = String(buffer: try await snv.get(client, location).body)
            #expect(html.contains("Đã lưu: 3 giá trị mới, 0 thay đổi, 0 bị xóa."))
            #expect(html.contains("Điểm tạm tính"))
            #expect(html.contains("đang soạn"))
            // Submitting needs the evidence the criteria require for every value given.
            let missing = try await snv.post(client, "/submissions/2025/SNV/submit", [("v.staff", "113"), ("v.computers", "111")])
            #expect(missing.status == .unprocessableContent)
            #expect(String(buffer: missing.body).contains("cần tài liệu kiểm chứng trước khi nộp"))
            let submitted = try await snv.post(
                client, "/submissions/2025/SNV/submit",
                [("v.staff", "113"), ("e.staff.number", "12/QĐ-SNV"), ("v.computers", "111"), ("v.steering_chair", "chair"),
                 ("e.steering_chair.title", "Quyết định thành lập Ban chỉ đạo")])
            #expect(submitted.status == .seeOther)
            let after = String(buffer: try await snv.get(client, try #require(submitted.headers[.location])).body)
            #expect(after.contains("Đã nộp để thẩm định."))
            #expect(after.contains("đã nộp, chờ thẩm định"))
            #expect(!after.contains("id=\"save\""))
            let again = try await snv.post(client, "/submissions/2025/SNV", [("v.staff", "1")])
            #expect(again.status == .conflict)
            #expect(String(buffer: again.body).contains("Hồ sơ đã nộp (đã nộp, chờ thẩm định) nên không sửa được nữa."))
        }
        let pairs = try fixture.database.valuePairs(forPeriod: "2025").filter { $0.unit == "SNV" }
        #expect(pairs.first { $0.variable == "staff" }?.selfAssessed == .number(113))
        #expect(try fixture.database.submissionStatuses(forPeriod: "2025")["SNV"] == .submitted)
        let (own, _) = try fixture.database.dataset(forPeriod: "2025", sources: [.selfAssessed])
        #expect(Evidence(text: own["SNV", "staff"]?.evidence) == Evidence(number: "12/QĐ-SNV"))
        let audit = try fixture.database.auditEntries(unit: "SNV")
        #expect(audit.contains { $0.action == "value.add" && $0.who == "snv" })
        #expect(audit.contains { $0.action == "value.change" && $0.variable == "staff" && $0.oldValue?.hasPrefix("112") == true })
        #expect(audit.contains { $0.action == "submission.status" && $0.newValue == "submitted" })
    }

    @Test("emptying a field removes the stored value (logged); a field the form did not send keeps its value")
    func emptiedField() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let snv = try await Browser.login(client, "snv")
            let saved = try await snv.post(
                client, "/submissions/2025/SNV", [("v.staff", "112"), ("v.computers", "111"), ("v.steering_chair", "chair")])
            #expect(saved.headers[.location] == "/submissions/2025/SNV?saved=3-0-0")
            let emptied = try await snv.post(client, "/submissions/2025/SNV", [("v.staff", "112"), ("v.computers", "")])
            let location = try #require(emptied.headers[.location])
            #expect(location == "/submissions/2025/SNV?saved=0-0-1")
            let html = String(buffer: try await snv.get(client, location).body)
            #expect(html.contains("Đã lưu: 0 giá trị mới, 0 thay đổi, 1 bị xóa."))
            #expect(html.contains("name=\"v.computers\" value=\"\""))
        }
        let (own, _) = try fixture.database.dataset(forPeriod: "2025", sources: [.selfAssessed])
        #expect(own.value("SNV", "computers") == nil)
        #expect(own.value("SNV", "staff") == .number(112))
        #expect(own.value("SNV", "steering_chair") == .option("chair"))
        let removal = try #require(try fixture.database.auditEntries(unit: "SNV").first { $0.action == "value.remove" })
        #expect(removal.variable == "computers" && removal.oldValue == "111" && removal.who == "snv")
    }

    /// The provisional score on a form page (`id="provisional"`), as shown.
    static func provisional(_ html: String) -> String? {
        guard let start = html.range(of: "id=\"provisional\"") else { return nil }
        let rest = html[start.upperBound...]
        guard let open = rest.range(of: "<strong>"), let close = rest.range(of: "</strong>") else { return nil }
        return String(rest[open.upperBound..<close.lowerBound])
    }

    /// The score of a unit when every unit's self-assessed values in `dataset` are scored, as a page shows it.
    static func expectedScore(_ unit: UnitCode, _ dataset: Dataset) throws -> String? {
        let framework = try CriteriaSource.load(path: WebFixture.criteria).0.framework
        let result = try Engine(framework: framework).score(dataset).result(for: unit)
        return result?.published.map { NumberFormatting.fixed($0, decimals: framework.decimals) }
    }

    @Test("the provisional score is the engine's over every unit's self-assessed values, the unit's own read fresh after each save")
    func provisionalScore() async throws {
        // Peers read on every page: the score equals a full scoring of the database's self-assessed values.
        let exact = try WebFixture(peerValuesMaxAge: 0)
        try await exact.test { client in
            let snv = try await Browser.login(client, "snv")
            let stc = try await Browser.login(client, "stc")
            _ = try await stc.post(client, "/submissions/2025/STC", [("v.staff", "7")])
            let saved = try await snv.post(client, "/submissions/2025/SNV", [("v.staff", "112"), ("v.computers", "111")])
            let html = String(buffer: try await snv.get(client, try #require(saved.headers[.location])).body)
            let all = try exact.database.dataset(forPeriod: "2025", sources: [.selfAssessed]).dataset
            #expect(Self.provisional(html) == (try Self.expectedScore("SNV", all)))
            #expect(Self.provisional(html) != nil)
        }
        // Peers kept for 10 s: another unit's later save is not seen yet, the unit's own save always is.
        let cached = try WebFixture()
        try await cached.test { client in
            let snv = try await Browser.login(client, "snv")
            let stc = try await Browser.login(client, "stc")
            _ = try await snv.post(client, "/submissions/2025/SNV", [("v.staff", "112"), ("v.portal_posts", "40")])
            _ = try await snv.get(client, "/submissions/2025/SNV")  // reads every unit's values
            var peers = try cached.database.dataset(forPeriod: "2025", sources: [.selfAssessed]).dataset
            _ = try await stc.post(client, "/submissions/2025/STC", [("v.portal_posts", "5000")])
            let saved = try await snv.post(client, "/submissions/2025/SNV", [("v.staff", "112"), ("v.portal_posts", "40"), ("v.computers", "5")])
            let html = String(buffer: try await snv.get(client, try #require(saved.headers[.location])).body)
            peers["SNV", "computers"] = .init(value: .number(5), source: .selfAssessed)
            #expect(Self.provisional(html) == (try Self.expectedScore("SNV", peers)))
            // STC's save does move SNV's score (portal posts are z-scored over all units), so the test tells the two apart.
            let now = try cached.database.dataset(forPeriod: "2025", sources: [.selfAssessed]).dataset
            #expect(try Self.expectedScore("SNV", now) != Self.expectedScore("SNV", peers))
        }
    }

    @Test("a published period cannot be edited by an agency or appraised by an admin")
    func frozen() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let snv = try await Browser.login(client, "snv")
            let response = try await snv.post(client, "/submissions/2024/SNV", [("v.staff", "1")])
            #expect(response.status == .conflict)
            #expect(String(buffer: response.body).contains("Kỳ đánh giá đã công bố nên không thể sửa."))
            let admin = try await Browser.login(client, "admin")
            #expect(try await admin.post(client, "/admin/appraise/2024/SNV", [("d.staff", "adjust"), ("n.staff", "5"), ("r.staff", "x")]).status == .conflict)
            #expect(try await admin.post(client, "/admin/run", [("period", "2024")]).status == .conflict)
        }
        #expect(try fixture.database.runs(forPeriod: "2024").count == 1)
    }

    @Test("uploads: a PDF is stored by its SHA-256 under a cleaned name; other content, oversized files and other units' files are refused")
    func uploads() async throws {
        let fixture = try WebFixture(maxUploadBytes: 1000)
        let pdf = Array("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n".utf8)
        try await fixture.test { client in
            let snv = try await Browser.login(client, "snv")
            let ok = try await snv.postMultipart(
                client, "/submissions/2025/SNV", [("v.staff", "112")],
                files: [(field: "f.staff", name: "../../etc/qd-12.pdf", bytes: pdf)])
            #expect(ok.status == .seeOther)
            let fake = try await snv.postMultipart(
                client, "/submissions/2025/SNV", [("v.staff", "112")],
                files: [(field: "f.staff", name: "virus.pdf", bytes: Array("#!/bin/sh\nrm -rf /\n".utf8))])
            #expect(fake.status == .unprocessableContent)
            #expect(String(buffer: fake.body).contains("không phải PDF, PNG hay JPEG"))
            let big = try await snv.postMultipart(
                client, "/submissions/2025/SNV", [("v.staff", "112")],
                files: [(field: "f.staff", name: "big.pdf", bytes: pdf + [UInt8](repeating: 32, count: 2000))])
            #expect(big.status == .unprocessableContent)
            #expect(String(buffer: big.body).contains("vượt giới hạn 1000 byte"))
            let (own, _) = try fixture.database.dataset(forPeriod: "2025", sources: [.selfAssessed])
            let file = try #require(Evidence(text: own["SNV", "staff"]?.evidence)?.file)
            let digest = String(file.prefix(64))
            #expect(file.hasSuffix(" qd-12.pdf"))
            let download = try await snv.get(client, "/files/\(digest)")
            #expect(download.status == .ok)
            #expect(download.headers[.contentType] == "application/pdf")
            #expect(Array(download.body.readableBytesView) == pdf)
            let stc = try await Browser.login(client, "stc")
            #expect(try await stc.get(client, "/files/\(digest)").status == .notFound)
            // Naming another unit's file in the form does not attach it.
            let steal = try await stc.post(client, "/submissions/2025/STC", [("v.staff", "5"), ("e.staff.file", "\(digest) qd-12.pdf")])
            #expect(steal.status == .unprocessableContent)
            #expect(try fixture.database.evidenceFile(sha256: digest)?.unit == "SNV")
        }
    }
}

@Suite struct AdminTests {
    @Test("an admin accepts or adjusts values with a reason, scores, compares and publishes, and the audit log shows it")
    func appraiseRunPublish() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let admin = try await Browser.login(client, "admin")
            let list = String(buffer: try await admin.get(client, "/admin/submissions?period=2025").body)
            #expect(list.contains("chưa bắt đầu"))
            let noReason = try await admin.post(client, "/admin/appraise/2025/STC", [("d.staff", "adjust"), ("n.staff", "100")])
            #expect(noReason.status == .unprocessableContent)
            #expect(String(buffer: noReason.body).contains("điều chỉnh cần có lý do"))
            let adjusted = try await admin.post(
                client, "/admin/appraise/2025/STC",
                [("d.staff", "adjust"), ("n.staff", "100"), ("r.staff", "theo Quyết định 12/QĐ-UBND"), ("d.computers", "accept")])
            #expect(adjusted.status == .ok)
            #expect(String(buffer: adjusted.body).contains("Đã ghi: 2 mới"))
            let run = try await admin.post(client, "/admin/run", [("period", "2025")])
            #expect(run.status == .seeOther)
            let runs = String(buffer: try await admin.get(client, "/admin/runs?period=2025&a=2&b=3").body)
            // Worked out from the stored runs: the units whose score, rank or band differ, and STC's difference.
            let (two, three) = (try fixture.database.run(2).results, try fixture.database.run(3).results)
            let differing = two.filter { r in
                let s = three.first { $0.unit.code == r.unit.code }
                return s?.published != r.published || s?.rank != r.rank || s?.band != r.band
            }
            let bands = differing.filter { r in three.first { $0.unit.code == r.unit.code }?.band != r.band }.count
            #expect(runs.contains("\(differing.count) đơn vị khác nhau giữa lần chấm 2 và 3; \(bands) đơn vị đổi xếp loại."))
            let before = try #require(two.first { $0.unit.code == "STC" }?.published)
            let after = try #require(three.first { $0.unit.code == "STC" }?.published)
            #expect(before != after)
            let row = try #require(runs.components(separatedBy: "<tr>").first { $0.hasPrefix("<td>STC</td>") })
            #expect(row.contains("<td class=\"num\">\(ChangeText.signed(after - before, decimals: 2))</td>"))
            // The last cell names the pillar that moved most, with its signed change.
            let moved = row.components(separatedBy: "<td>").last ?? ""
            #expect(moved.range(of: #"^\S.* [+−][0-9]+\.[0-9]{2}</td></tr>"#, options: .regularExpression) != nil)
            #expect(try await admin.post(client, "/admin/publish", [("run", "3")]).status == .seeOther)
            let audit = String(buffer: try await admin.get(client, "/admin/audit?action=appraisal&unit=STC").body)
            #expect(audit.contains("theo Quyết định 12/QĐ-UBND"))
            let added = try await admin.post(client, "/admin/users", [("name", "hn"), ("role", "agency"), ("unit", "SNV"), ("password", "password9")])
            #expect(added.status == .ok)
            let weak = try await admin.post(client, "/admin/users", [("name", "weak"), ("role", "leader"), ("password", "short")])
            #expect(weak.status == .unprocessableContent)
        }
        let stc = try fixture.database.valuePairs(forPeriod: "2025").filter { $0.unit == "STC" }
        #expect(stc.first { $0.variable == "staff" }?.appraised == .number(100))
        #expect(try fixture.database.publishedRun(forPeriod: "2025") == 3)
        #expect(try fixture.database.submissionStatuses(forPeriod: "2025")["STC"] == .appraised)
        let log = try fixture.database.auditEntries()
        #expect(log.contains { $0.action == "appraisal.adjust" && $0.who == "admin" && $0.unit == "STC" })
        #expect(log.contains { $0.action == "run.publish" && $0.who == "admin" })
        #expect(log.contains { $0.action == "user.add" && $0.newValue == "hn (agency)" })
        #expect(try fixture.database.user(named: "weak") == nil)
    }
}
