import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ICTIndexStorage
import NIOCore
import Testing

/// Hostile texts in every name, label, period, user name and file name a page shows, on a real server on
/// 127.0.0.1: every page each role reaches shows them as text, never as markup.
@Suite struct EscapingTests {
    /// The pieces of ``WebFixture/hostileText`` as markup (never in a page) and as escaped text (in each page).
    static let raw = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]
    static let escaped = [
        "&lt;script&gt;alert(1)&lt;/script&gt;", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", "&amp;amp;",
    ]

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    /// Checks a page in both languages: its status, no hostile markup, and the hostile text escaped in full.
    static func check(
        _ client: any TestClientProtocol, _ browser: Browser?, _ uri: String, _ status: HTTPResponse.Status = .ok,
        escapedPieces: [String] = escaped
    ) async throws {
        for language in ["vi", "en"] {
            let page = uri + (uri.contains("?") ? "&" : "?") + "lang=" + language
            let response =
                if let browser { try await browser.get(client, page) } else {
                    try await client.execute(uri: page, method: .get) { $0 }
                }
            let html = String(buffer: response.body)
            #expect(response.status == status, "\(page)")
            for piece in raw { #expect(!html.contains(piece), "\(page) shows \(piece) as markup") }
            for piece in escapedPieces { #expect(html.contains(piece), "\(page) does not show \(piece)") }
        }
    }

    /// Checks the page a form post answers with (an error page or the form again).
    static func check(_ response: TestResponse, _ status: HTTPResponse.Status, escapedPieces: [String] = escaped) {
        let html = String(buffer: response.body)
        #expect(response.status == status)
        for piece in raw { #expect(!html.contains(piece), "the answer shows \(piece) as markup") }
        for piece in escapedPieces { #expect(html.contains(piece), "the answer does not show \(piece)") }
    }

    @Test("every page each role reaches shows hostile names, labels, periods, user names and file names as text")
    func hostileData() async throws {
        let fixture = try WebFixture(hostile: true)
        let hostile = WebFixture.hostileText
        let period = Self.encode(WebFixture.hostilePeriod)
        let pdf = Array("%PDF-1.4\n%%EOF\n".utf8)
        try await fixture.test { client in
            // Given: a refused sign-in under a hostile name (the audit log shows it) ...
            let refused = try await Browser.attempt(client, Self.encode(hostile), password: "wrong-password")
            #expect(refused.status == .unauthorized)
            let stc = try await Browser.login(client, "stc")
            let leader = try await Browser.login(client, "leader")
            let admin = try await Browser.login(client, "admin")
            // ... STC's evidence with a hostile title and a hostile file name (a name has no folder part: no '/') ...
            let saved = try await stc.postMultipart(
                client, "/submissions/2025/STC", [("v.staff", "80"), ("e.staff.title", hostile)],
                files: [(field: "f.staff", name: "qd \"><img src=x onerror=alert(1)>.pdf", bytes: pdf)])
            #expect(saved.status == .seeOther)
            // ... and an adjustment with a hostile reason.
            let appraised = try await admin.post(
                client, "/admin/appraise/2025/STC",
                [("d.computers", "adjust"), ("n.computers", "70"), ("r.computers", hostile)])
            #expect(appraised.status == .ok)

            // Then: every page each role reaches.
            let everyPiece = Self.escaped
            let fileOnly = ["&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.pdf"]
            for browser in [leader, admin] {
                try await Self.check(client, browser, "/ranking")
                try await Self.check(client, browser, "/overview")
                try await Self.check(client, browser, "/map?period=2025&node=infra")
                try await Self.check(client, browser, "/map?period=\(period)&node=\(Self.encode(hostile))")
                try await Self.check(client, browser, "/overview?period=2025")
                try await Self.check(client, browser, "/overview?period=\(period)")
                try await Self.check(client, browser, "/ranking?period=2025&band=good&sort=change")
                try await Self.check(client, browser, "/ranking?period=2025&band=\(Self.encode(hostile))&sort=fall")
                try await Self.check(client, browser, "/ranking?period=2025&sort=infra&q=\(Self.encode("<s"))")
                try await Self.check(client, browser, "/ranking?period=2025&group=department")
                try await Self.check(client, browser, "/ranking?period=\(period)&q=\(Self.encode(hostile))")
                try await Self.check(client, browser, "/units/STC?period=2025")
                try await Self.check(client, browser, "/units/STC?period=\(period)")
                try await Self.check(client, browser, "/units/\(Self.encode(hostile))?period=2025", .notFound)
            }
            try await Self.check(client, stc, "/submissions/2025/STC")
            try await Self.check(client, stc, "/submissions/2025/STC", escapedPieces: fileOnly)
            try await Self.check(client, stc, "/submissions/\(period)/STC")
            try await Self.check(client, stc, "/units/STC?period=2025")
            try await Self.check(client, stc, "/units/STC?period=\(period)")
            try await Self.check(client, stc, "/submissions/2025/\(Self.encode(hostile))", .forbidden)
            try await Self.check(client, admin, "/admin/submissions?period=\(period)")
            try await Self.check(client, admin, "/admin/appraise/2025/STC")
            try await Self.check(client, admin, "/admin/appraise/2025/STC?only=diff")
            try await Self.check(client, admin, "/admin/appraise/2025/STC?only=evidence")
            try await Self.check(client, admin, "/admin/appraise/2025/STC?only=\(Self.encode(hostile))")
            try await Self.check(client, admin, "/admin/submissions?period=2025")
            try await Self.check(client, admin, "/admin/appraise/2025/STC", escapedPieces: fileOnly)
            try await Self.check(client, admin, "/admin/appraise/\(period)/STC")
            try await Self.check(client, admin, "/admin/runs?period=\(period)&a=2&b=3")
            try await Self.check(client, admin, "/admin/audit")
            try await Self.check(
                client, admin, "/admin/audit?who=\(Self.encode(hostile))&action=\(Self.encode(hostile))")
            try await Self.check(client, admin, "/admin/submissions?period=\(Self.encode(hostile))", .notFound)
            try await Self.check(client, nil, "/login?x=\(Self.encode(hostile))", escapedPieces: [])

            // And the pages a refused form shows: the typed text and the problems.
            Self.check(
                try await stc.postMultipart(client, "/submissions/2025/STC", [("v.staff", hostile)], files: []),
                .unprocessableContent)
            Self.check(
                try await admin.post(client, "/admin/appraise/2025/STC", [("d.staff", hostile)]),
                .unprocessableContent)
            Self.check(
                try await admin.post(
                    client, "/admin/users", [("name", hostile), ("role", "agency"), ("password", "password1")]),
                .conflict, escapedPieces: Array(everyPiece.prefix(2)))
            try await Self.check(client, admin, "/admin/users", escapedPieces: [])
        }
    }
}
