import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexStorage
import ICTIndexWebForms
import NIOCore
import Testing

@testable import ICTIndexWeb

/// Each attack of the security review, performed against a real server on 127.0.0.1, with the safe outcome.
@Suite struct HardeningTests {
  /// A multipart head with a 60,000-character boundary announcing a 2 MB body.
  static func hostileHead(path: String, cookie: String = "", boundary length: Int = 60_000)
    -> String
  {
    let boundary = String(repeating: "a", count: length)
    return
      "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=\(boundary)\r\n"
      + "Content-Length: 2000000\r\n" + (cookie.isEmpty ? "" : "Cookie: \(cookie)\r\n")
      + "Connection: close\r\n\r\n"
  }

  @Test(
    "F1: a hostile multipart post is refused before its body is read, and /login answers while two are sent"
  )
  func hostileMultipart() async throws {
    let fixture = try WebFixture()
    try await fixture.test { client in
      let port = try #require(client.port)
      // A 60,000-character boundary does not fit in the head's limits (8 KB a field): 400 from the head alone.
      let huge = try await RawHTTP.onThread(
        port: port, head: Self.hostileHead(path: "/logout"), until: "\r\n\r\n")
      #expect(RawHTTP.status(huge.answer) == 400)
      // Without a session: the answer comes with only the head sent (the 2 MB body never is).
      let anonymous = try await RawHTTP.onThread(
        port: port, head: Self.hostileHead(path: "/logout", boundary: 7_000), until: "\r\n\r\n")
      #expect(RawHTTP.status(anonymous.answer) == 401)
      // Signed in: a 7,000-character boundary is refused from the head too (RFC 2046 allows 70).
      let snv = try await Browser.login(client, "snv")
      let signedIn = try await RawHTTP.onThread(
        port: port,
        head: Self.hostileHead(path: "/submissions/2025/SNV", cookie: snv.cookie, boundary: 7_000),
        until: "\r\n\r\n")
      #expect(RawHTTP.status(signedIn.answer) == 400)
      #expect(signedIn.answer.contains("multipart boundary must have 1 to 70 characters"))
      // Two hostile posts with their whole bodies at once, and a sign-in page meanwhile.
      let body = [UInt8](repeating: UInt8(ascii: "a"), count: 2_000_000)
      async let first = RawHTTP.onThread(
        port: port, head: Self.hostileHead(path: "/logout", boundary: 7_000), body: body,
        until: "\r\n\r\n")
      async let second = RawHTTP.onThread(
        port: port, head: Self.hostileHead(path: "/login", boundary: 7_000), body: body,
        until: "\r\n\r\n")
      let login = try await client.execute(uri: "/login", method: .get) { $0 }
      #expect(login.status == .ok)
      // Each is refused (or, when the server closed the connection while the body was still being sent,
      // reset): never parsed.
      let (a, b) = (try await first, try await second)
      #expect(RawHTTP.status(a.answer) == 401 || a.closed, "\(a.answer.prefix(200))")
      #expect(RawHTTP.status(b.answer) == 403 || b.closed)
    }
  }

  @Test("F1: the multipart parser keeps boundaries of 1 to 70 characters and refuses the rest")
  func boundaryLength() throws {
    let limits = FormLimits(maxBytes: 10_000, maxFields: 10)
    for (length, accepted) in [(1, true), (70, true), (71, false), (60_000, false)] {
      let boundary = String(repeating: "b", count: length)
      let body = Array(
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--\(boundary)--\r\n"
          .utf8)
      let parsed = try? MultipartBody.parse(
        bytes: body, contentType: "multipart/form-data; boundary=\(boundary)", limits: limits)
      #expect((parsed?.fields["a"] == "1") == accepted, "boundary of \(length)")
    }
    #expect(throws: FormBodyError(.badBoundary, limit: 70)) {
      try MultipartBody.parse(bytes: [], contentType: "multipart/form-data", limits: limits)
    }
  }

  @Test(
    "F1: parts are split at the delimiter only, with empty contents, a preamble and near-matches")
  func multipartParts() throws {
    let limits = FormLimits(maxBytes: 10_000, maxFields: 10)
    let text =
      "preamble\r\n--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\r\n--xy\r\n--xyz\r\n"
      + "Content-Disposition: form-data; name=\"b\"\r\n\r\n\r\n--xyz\r\n"
      + "Content-Disposition: form-data; name=\"f\"; filename=\"q.pdf\"\r\n\r\n%PDF\r\n--xyz--\r\n"
    let body = try MultipartBody.parse(
      bytes: Array(text.utf8), contentType: "multipart/form-data; boundary=\"xyz\"", limits: limits)
    // a: "\r\n--xy" is content (a near-match of the delimiter); b: empty; f: a file of 4 bytes.
    #expect(body.fields["a"] == "\r\n--xy")
    #expect(body.fields["b"] == "")
    #expect(body.files.map(\.filename) == ["q.pdf"])
    #expect(body.files.first?.bytes == Array("%PDF".utf8))
    #expect(throws: FormBodyError(.malformed)) {
      try MultipartBody.parse(
        bytes: Array("--xyz\r\nno end".utf8), contentType: "multipart/form-data; boundary=xyz",
        limits: limits)
    }
  }

  @Test("F2: a form with more fields than the limit is refused (413), URL-encoded or multipart")
  func tooManyFields() async throws {
    let fixture = try WebFixture()
    try await fixture.test { client in
      let snv = try await Browser.login(client, "snv")
      let fields = (0..<6_000).map { ("x\($0)", "") }
      let response = try await snv.post(client, "/submissions/2025/SNV", fields)
      #expect(response.status == .contentTooLarge)
      #expect(String(buffer: response.body).contains("Biểu mẫu có hơn 5000 trường."))
    }
    let limits = FormLimits(maxBytes: 1_000_000, maxFields: 3)
    #expect(throws: FormBodyError(.tooManyFields, limit: 3)) {
      try MultipartBody.parse(bytes: Array("a=1&b=2&c=3&d=4".utf8), contentType: "", limits: limits)
    }
    #expect(
      try MultipartBody.parse(bytes: Array("a=1&&&b=2&c=3".utf8), contentType: "", limits: limits)
        .fields["c"] == "3")
  }

  @Test("F3: an agency cannot create a period; a percent-encoded period is decoded once")
  func unknownPeriod() async throws {
    let fixture = try WebFixture()
    try await fixture.test { client in
      let snv = try await Browser.login(client, "snv")
      let response = try await snv.post(client, "/submissions/zzz/SNV", [("v.staff", "1")])
      #expect(response.status == .notFound)
      let encoded = try await snv.get(client, "/submissions/%32%30%32%35/SNV")
      #expect(encoded.status == .ok)
      #expect(String(buffer: encoded.body).contains("action=\"/submissions/2025/SNV\""))
    }
    #expect(try fixture.database.periods() == ["2024", "2025"])
  }

  @Test("F4: a period's name is escaped on the admin pages")
  func periodEscaped() async throws {
    let fixture = try WebFixture()
    let period = "<meta http-equiv=\"refresh\" content=\"0;url=//evil\">"
    try fixture.database.setSubmissionStatus(.draft, period: period, unit: "SNV", who: "test")
    try await fixture.test { client in
      let admin = try await Browser.login(client, "admin")
      let query = period.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
      for page in ["/admin/submissions", "/admin/runs"] {
        let html = String(buffer: try await admin.get(client, "\(page)?period=\(query)").body)
        #expect(!html.contains("<meta http-equiv"), "\(page)")
        #expect(html.contains("&lt;meta http-equiv"), "\(page)")
      }
    }
  }

  @Test("F5: two units uploading the same bytes each keep their own file")
  func sameBytesTwoUnits() async throws {
    let fixture = try WebFixture()
    let pdf = Array("%PDF-1.4\n%%EOF\n".utf8)
    try await fixture.test { client in
      let snv = try await Browser.login(client, "snv")
      let stc = try await Browser.login(client, "stc")
      for unit in [(snv, "SNV"), (stc, "STC")] {
        let saved = try await unit.0.postMultipart(
          client, "/submissions/2025/\(unit.1)", [("v.staff", "5")],
          files: [(field: "f.staff", name: "a.pdf", bytes: pdf)])
        #expect(saved.status == .seeOther)
      }
      let digest = SHA256.hexDigest(of: pdf)
      #expect(try await snv.get(client, "/files/\(digest)").status == .ok)
      #expect(try await stc.get(client, "/files/\(digest)").status == .ok)
      // A later save naming the file keeps working for the second unit.
      let again = try await stc.post(
        client, "/submissions/2025/STC", [("v.staff", "6"), ("e.staff.file", "\(digest) a.pdf")])
      #expect(again.status == .seeOther)
    }
  }

  @Test("F6: an unknown name is checked against a hash of the configured cost")
  func dummyCost() throws {
    let fixture = try WebFixture()
    let app = WebApp(database: fixture.database, configuration: fixture.configuration)
    // bcrypt hashes start with $2b$ and the two-digit cost: the fixture's cost is 4.
    #expect(app.dummyHash.hasPrefix("$2b$04$"))
  }

  @Test("F7: refused sign-ins log a bounded name, and one line per lock")
  func refusedSignInLog() async throws {
    let fixture = try WebFixture(loginAttempts: 1)
    let before = try fixture.database.auditEntries().count
    try await fixture.test { client in
      let name = String(repeating: "n", count: 3_000)
      for _ in 0..<3 { _ = try await Browser.attempt(client, name, password: "wrong-wrong") }
    }
    let added = Array(try fixture.database.auditEntries().dropFirst(before))
    // The first attempt is a wrong password, the second the first refusal of the lock, the third is not logged.
    #expect(
      added.map(\.detail) == [
        "wrong name or password, from 127.0.0.1", "too many attempts, from 127.0.0.1",
      ])
    #expect(added.allSatisfy { $0.who == String(repeating: "n", count: 64) + "…" })
  }

  @Test(
    "F8: evidence no value refers to is removed by the clean-up (logged); a unit's quota is kept")
  func evidenceCleanupAndQuota() async throws {
    let fixture = try WebFixture(evidenceQuotaBytes: 40)
    let first = Array("%PDF-1.4 first\n".utf8)  // 15 bytes
    let second = Array("%PDF-1.4 second\n".utf8)  // 16 bytes
    let third = Array("%PDF-1.4 third!!\n".utf8)  // 17 bytes
    try await fixture.test { client in
      let snv = try await Browser.login(client, "snv")
      for file in [first, second] {
        let saved = try await snv.postMultipart(
          client, "/submissions/2025/SNV", [("v.staff", "5")],
          files: [(field: "f.staff", name: "a.pdf", bytes: file)])
        #expect(saved.status == .seeOther)
      }
      // 15 + 16 stored; 17 more would be 48 > 40.
      let over = try await snv.postMultipart(
        client, "/submissions/2025/SNV", [("v.staff", "5")],
        files: [(field: "f.staff", name: "a.pdf", bytes: third)])
      #expect(over.status == .contentTooLarge)
      #expect(
        String(buffer: over.body).contains(
          "Đơn vị đã lưu 31 byte tài liệu kiểm chứng; thêm 17 byte sẽ vượt hạn mức"))
    }
    let removed = try fixture.database.removeUnreferencedEvidence(
      before: "9999", who: "ictindex serve")
    #expect(removed.files == 1 && removed.bytes == 15)
    #expect(
      try fixture.database.evidenceFile(sha256: SHA256.hexDigest(of: first), unit: "SNV") == nil)
    #expect(
      try fixture.database.evidenceFile(sha256: SHA256.hexDigest(of: second), unit: "SNV") != nil)
    #expect(
      try fixture.database.auditEntries().contains {
        $0.action == "evidence.remove" && $0.unit == "SNV"
      })
  }

  @Test("F9: saving an older copy of the form is refused (409) and keeps the newer value")
  func lostUpdate() async throws {
    let fixture = try WebFixture()
    try await fixture.test { client in
      let snv = try await Browser.login(client, "snv")
      let page = String(buffer: try await snv.get(client, "/submissions/2025/SNV").body)
      let revision = try #require(
        page.components(separatedBy: "name=\"revision\" value=\"").dropFirst().first?
          .prefix { $0 != "\"" })
      #expect(
        try await snv.post(
          client, "/submissions/2025/SNV", [("revision", String(revision)), ("v.staff", "10")]
        ).status == .seeOther)
      let stale = try await snv.post(
        client, "/submissions/2025/SNV", [("revision", String(revision)), ("v.staff", "3")])
      #expect(stale.status == .conflict)
      #expect(
        String(buffer: stale.body).contains("Biểu mẫu đã được lưu bởi người khác sau khi bạn mở nó")
      )
    }
    #expect(
      try fixture.database.dataset(forPeriod: "2025", sources: [.selfAssessed]).dataset.value(
        "SNV", "staff") == .number(10))
  }

  @Test("F10: the only admin cannot demote or disable itself")
  func lastAdmin() async throws {
    let fixture = try WebFixture()
    let id = try #require(try fixture.database.user(named: "admin")?.id)
    try await fixture.test { client in
      let admin = try await Browser.login(client, "admin")
      let response = try await admin.post(client, "/admin/users/\(id)", [("role", "leader")])
      #expect(response.status == .conflict)
    }
    #expect(try fixture.database.user(named: "admin")?.role == .admin)
    #expect(try fixture.database.user(named: "admin")?.active == true)
  }

  @Test(
    "F11: look-alike user names are refused",
    arguments: ["ѕnv", "SNV", "sn\u{202E}v", "snv\u{0}", "s\u{301}nv"])
  func lookAlikeNames(name: String) throws {
    let fixture = try WebFixture()
    #expect(throws: StorageError.self) {
      try fixture.database.addUser(
        name: name, role: .leader, unit: nil, passwordHash: "x", who: "test")
    }
    #expect(try fixture.database.users().count == 4)
  }

  @Test("F12: every response carries Referrer-Policy; files and exports are not cached")
  func headers() async throws {
    let fixture = try WebFixture()
    try await fixture.test { client in
      let leader = try await Browser.login(client, "leader")
      let login = try await client.execute(uri: "/login", method: .get) { $0 }
      let export = try await leader.get(client, "/export?period=2024")
      #expect(export.status == .ok)
      for response in [login, export] {
        #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
        #expect(response.headers[.xContentTypeOptions] == "nosniff")
      }
      #expect(export.headers[.cacheControl] == "no-store, private")
      #expect(export.headers[.contentSecurityPolicy] != nil)
    }
  }

  @Test("F13: the language link is a path on this server, whatever the request's path")
  func languageLink() async throws {
    let fixture = try WebFixture()
    try await fixture.test { client in
      let leader = try await Browser.login(client, "leader")
      let html = String(buffer: try await leader.get(client, "//ranking?period=2025&lang=vi").body)
      #expect(html.contains("<a class=\"lang\" href=\"/ranking?period=2025&amp;lang=en\">"))
    }
    #expect(Page.languageLink("///x?a=1", language: "en") == "/x?a=1&lang=en")
  }

  @Test(
    "F14: an agency's error page shows no database path or internal hint; an admin's shows the detail"
  )
  func errorDetails() async throws {
    let fixture = try WebFixture()
    try await fixture.test { client in
      let snv = try await Browser.login(client, "snv")
      let frozen = try await snv.post(client, "/submissions/2024/SNV", [("v.staff", "1")])
      #expect(frozen.status == .conflict)
      let html = String(buffer: frozen.body)
      #expect(html.contains("<p class=\"errors\">Kỳ đánh giá đã công bố nên không thể sửa.</p>"))
      #expect(!html.contains(":memory:") && !html.contains("hint"))
      let admin = try await Browser.login(client, "admin")
      let appraise = try await admin.post(
        client, "/admin/appraise/2024/SNV",
        [("d.staff", "adjust"), ("n.staff", "5"), ("r.staff", "x")])
      #expect(String(buffer: appraise.body).contains(":memory:"))
    }
  }

  @Test("F15: exporting a period whose draft run is out of date answers 409")
  func staleExport() async throws {
    let fixture = try WebFixture()
    try await fixture.test { client in
      let stc = try await Browser.login(client, "stc")
      #expect(
        try await stc.post(client, "/submissions/2025/STC", [("v.staff", "1234")]).status
          == .seeOther)
      let leader = try await Browser.login(client, "leader")
      let export = try await leader.get(client, "/export?period=2025")
      #expect(export.status == .conflict)
      #expect(
        String(buffer: export.body).contains(
          "Lần chấm nháp 2 không còn khớp số liệu hiện tại của kỳ 2025"))
    }
  }

  @Test("a lock applies to the name from the failing address; an admin's unlock lifts it")
  func lockPerAddress() async throws {
    let fixture = try WebFixture(loginAttempts: 2, trustedProxies: ["127.0.0.1"])
    try await fixture.test { client in
      for _ in 0..<2 {
        _ = try await Browser.attempt(
          client, "admin", password: "wrong-wrong", forwardedFor: "203.0.113.9")
      }
      let locked = try await Browser.attempt(
        client, "admin", password: WebFixture.password, forwardedFor: "203.0.113.9")
      #expect(locked.status == .tooManyRequests)
      let elsewhere = try await Browser.attempt(
        client, "admin", password: WebFixture.password, forwardedFor: "10.0.0.5")
      #expect(elsewhere.status == .seeOther)
      try fixture.database.recordUnlock(name: "admin", who: "root")
      let unlocked = try await Browser.attempt(
        client, "admin", password: WebFixture.password, forwardedFor: "203.0.113.9")
      #expect(unlocked.status == .seeOther)
    }
  }

  @Test("HEAD is answered like GET without a body; an overlong URL gets 414")
  func headAndLongURL() async throws {
    let fixture = try WebFixture()
    try await fixture.test { client in
      let head = try await client.execute(uri: "/login", method: .head) { $0 }
      #expect(head.status == .ok)
      #expect(head.body.readableBytes == 0)
      let long = try await client.execute(
        uri: "/login?x=" + String(repeating: "a", count: 5_000), method: .get
      ) { $0 }
      #expect(long.status == .uriTooLong)
    }
  }

  @Test("a client that sends its body too slowly is disconnected")
  func slowClient() async throws {
    let fixture = try WebFixture(readTimeout: 1)
    try await fixture.test { client in
      let port = try #require(client.port)
      // The head announces 100 bytes; none follows. The server closes the connection after the read timeout
      // (1 s), long before this client's own wait of 15 s.
      let head =
        "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        + "Cookie: ictindex_login=\(String(repeating: "0", count: 64))\r\nContent-Length: 100\r\n\r\n"
      let result = try await RawHTTP.onThread(port: port, head: head, timeout: 15)
      #expect(result.closed)
    }
  }
}
