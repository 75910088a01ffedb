import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexService
import ICTIndexStorage
import ICTIndexTestSupport
import ICTIndexWeb
import NIOCore
import OrderedCollections

/// A real database (in memory, migrated by the production migrator) with the sample province: 2024 appraised,
/// scored and published (frozen); 2025 self-assessed by every unit but SNV, scored as a draft; and users
/// `admin`, `leader`, `snv` (agency SNV) and `stc` (agency STC), password `password1`.
///
/// A hostile fixture (`hostile: true`) has ``hostileText`` in every text a page shows that the data model lets
/// a criteria file, a data file or an import set: the criteria's name, a group, a band, a pillar, an indicator, a
/// variable's name, unit of measure, description and option label, the name of unit STC, and a third period
/// "2025 " + ``hostileText`` (STC's self-assessment, scored as a draft).
struct WebFixture {
    let database: IndexDatabase
    let configuration: WebConfiguration
    static let criteria = CommandRunner.repositoryRoot.appendingPathComponent("Criteria/vn-province-agencies.yaml").path
    static let password = "password1"
    /// Markup a hostile text tries to inject, each piece as it must never appear in a page.
    static let hostilePieces = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "&amp;"]
    /// The three pieces in one text.
    static let hostileText = hostilePieces.joined(separator: " ")
    /// The hostile period.
    static let hostilePeriod = "2025 " + hostileText

    init(
        loginAttempts: Int = 5, maxUploadBytes: Int = 64 * 1024, peerValuesMaxAge: Double = 10,
        trustedProxies: [String] = [], readTimeout: Int = 60, evidenceQuotaBytes: Int = 200 * 1024 * 1024,
        hostile: Bool = false
    ) throws {
        database = try IndexDatabase.inMemory()
        let criteria = hostile ? try Self.hostileCriteria() : Self.criteria
        let (loaded, _) = try CriteriaSource.load(path: criteria)
        let reader = DataFileReader(framework: loaded.framework)
        let sample = CommandRunner.repositoryRoot.appendingPathComponent("Examples/sample-province")
        func text(_ name: String) throws -> String {
            try String(contentsOf: sample.appendingPathComponent(name), encoding: .utf8)
        }
        var units = try reader.readUnits(text("units.csv"), file: "units.csv")
        if hostile, let stc = units.firstIndex(where: { $0.code == "STC" }) {
            units[stc].name = "Sở Tài chính " + Self.hostileText
        }
        _ = try database.importUnits(units, file: "units.csv", who: "test")
        let v2024 = try reader.readValues(text("values-2024.csv"), file: "values-2024.csv", units: units, period: "2024")
            .restricted(toPeriod: "2024")
        _ = try database.importValues(v2024, period: "2024", source: .appraised, file: "values-2024.csv", who: "test")
        let (first, _) = try PeriodScoring.score(
            period: "2024", frameworkPath: criteria, database: database, who: "test", engineVersion: "test")
        _ = try database.publish(run: first.id, who: "test")
        var v2025 = try reader.readValues(text("values-2025-self.csv"), file: "values-2025-self.csv", units: units, period: "2025")
            .restricted(toPeriod: "2025")
        // SNV has not started its 2025 self-assessment.
        v2025 = Dataset(
            period: "2025", units: v2025.units.values.filter { $0.code != "SNV" },
            entries: Dictionary(uniqueKeysWithValues: v2025.units.keys.filter { $0 != "SNV" }.map { ($0, v2025.entries(of: $0)) }))
        _ = try database.importValues(v2025, period: "2025", source: .selfAssessed, file: "values-2025-self.csv", who: "test")
        _ = try PeriodScoring.score(
            period: "2025", frameworkPath: criteria, database: database, who: "test", engineVersion: "test")
        if hostile {
            // STC's 2025 values again, in a period whose name is hostile, scored as a draft.
            let stc = v2025.units.values.filter { $0.code == "STC" }
            let values = Dataset(
                period: Self.hostilePeriod, units: stc, entries: ["STC": v2025.entries(of: "STC")])
            _ = try database.importValues(
                values, period: Self.hostilePeriod, source: .selfAssessed, file: "hostile.csv", who: "test")
            _ = try PeriodScoring.score(
                period: Self.hostilePeriod, frameworkPath: criteria, database: database, who: "test",
                engineVersion: "test")
        }
        let hash = Bcrypt.hash(Self.password, cost: 4)
        try database.addUser(name: "admin", role: .admin, unit: nil, passwordHash: hash, who: "test")
        try database.addUser(name: "leader", role: .leader, unit: nil, passwordHash: hash, who: "test")
        try database.addUser(name: "snv", role: .agency, unit: "SNV", passwordHash: hash, who: "test")
        try database.addUser(name: "stc", role: .agency, unit: "STC", passwordHash: hash, who: "test")
        configuration = WebConfiguration(
            host: "127.0.0.1", port: 0, bcryptCost: 4, loginAttempts: loginAttempts, maxUploadBytes: maxUploadBytes,
            frameworkPath: criteria, trustedProxies: trustedProxies, engineVersion: "test",
            peerValuesMaxAge: peerValuesMaxAge, readTimeout: readTimeout, evidenceQuotaBytes: evidenceQuotaBytes,
            cleanupInterval: 0)
    }

    /// The sample criteria with ``hostileText`` in every text a page can show, written to a temporary file.
    static func hostileCriteria() throws -> String {
        var yaml = try String(contentsOfFile: criteria, encoding: .utf8)
        // In a double-quoted YAML string, the quote of the text is escaped.
        let text = hostileText.replacingOccurrences(of: "\"", with: "\\\"")
        let replacements = [
            // The criteria's name, a group, a band, a pillar, an indicator.
            "vi: \"Bộ tiêu chí đánh giá, xếp hạng": "vi: \"\(text) Bộ tiêu chí đánh giá, xếp hạng",
            "{vi: \"Sở, ban, ngành\", en: \"Departments and boards\"}": "{vi: \"Sở \(text)\", en: \"Departments \(text)\"}",
            "{vi: \"Tốt\", en: \"Good\"}": "{vi: \"Tốt \(text)\", en: \"Good \(text)\"}",
            "{vi: \"Hạ tầng kỹ thuật\", en: \"Technical infrastructure\"}":
                "{vi: \"Hạ tầng \(text)\", en: \"Infrastructure \(text)\"}",
            "{vi: \"Tỷ lệ CBCCVC được trang bị máy tính\", en: \"Share of staff with a computer\"}":
                "{vi: \"Tỷ lệ máy tính \(text)\", en: \"Computers \(text)\"}",
            // A variable's name, unit of measure and description, and an option's label.
            "{vi: \"Tổng số cán bộ, công chức, viên chức (CBCCVC)\", en: \"Total number of staff\"}":
                "{vi: \"Tổng số CBCCVC \(text)\", en: \"Staff \(text)\"}",
            "unit: \"người\"\n    min: 0\n    evidence: required":
                "unit: \"người \(text)\"\n    description: \"Ghi chú \(text)\"\n    min: 0\n    evidence: required",
            "chair: {vi: \"Người đứng đầu (Giám đốc / Chủ tịch UBND)\", en: \"Head of the agency\"}":
                "chair: {vi: \"Người đứng đầu \(text)\", en: \"Head \(text)\"}",
        ]
        for (original, replacement) in replacements {
            guard let range = yaml.range(of: original) else { throw TestFailure("not in the criteria: \(original)") }
            yaml.replaceSubrange(range, with: replacement)
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ictindex-hostile-\(UUID()).yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// Runs a test against a real server on 127.0.0.1 (a free port), the one `ictindex serve` runs.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await buildApplication(database: database, configuration: configuration).test(.live, body)
    }
}

/// A signed-in browser: its session cookie and the CSRF token of its pages.
struct Browser: Sendable {
    var cookie: String
    var csrf: String

    /// Signs in through the login form, as a browser would.
    static func login(_ client: any TestClientProtocol, _ name: String, password: String = WebFixture.password)
        async throws -> Browser
    {
        let response = try await attempt(client, name, password: password)
        guard response.status == .seeOther, let cookie = sessionCookie(response) else {
            throw TestFailure("sign-in of \(name) failed: \(response.status)")
        }
        let page = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { $0 }
        _ = page
        let start = try await client.execute(uri: "/ranking", method: .get, headers: [.cookie: cookie]) { $0 }
        var csrf = token(in: String(buffer: start.body))
        if csrf == nil {
            let other = try await client.execute(uri: "/self", method: .get, headers: [.cookie: cookie]) { $0 }
            if let location = other.headers[.location] {
                let form = try await client.execute(uri: location, method: .get, headers: [.cookie: cookie]) { $0 }
                csrf = token(in: String(buffer: form.body))
            }
        }
        guard let csrf else { throw TestFailure("no CSRF token on the pages of \(name)") }
        return Browser(cookie: cookie, csrf: csrf)
    }

    /// One sign-in attempt through the form (GET for the form's token, then POST).
    static func attempt(
        _ client: any TestClientProtocol, _ name: String, password: String, forwardedFor: String? = nil
    ) async throws -> TestResponse {
        let form = try await client.execute(uri: "/login", method: .get) { $0 }
        let setCookie = form.headers[values: .setCookie].first { $0.hasPrefix("ictindex_login=") } ?? ""
        let loginCookie = String(setCookie.prefix { $0 != ";" })
        let csrf = token(in: String(buffer: form.body)) ?? ""
        var headers: HTTPFields = [.cookie: loginCookie, .contentType: "application/x-www-form-urlencoded"]
        if let forwardedFor, let name = HTTPField.Name("X-Forwarded-For") { headers[name] = forwardedFor }
        return try await client.execute(
            uri: "/login", method: .post, headers: headers,
            body: ByteBuffer(string: "csrf=\(csrf)&name=\(name)&password=\(password)")) { $0 }
    }

    static func sessionCookie(_ response: TestResponse) -> String? {
        response.headers[values: .setCookie].first { $0.hasPrefix("ictindex_session=") }.map { String($0.prefix { $0 != ";" }) }
    }

    static func token(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        let token = html[range.upperBound...].prefix { $0 != "\"" }
        return token.isEmpty ? nil : String(token)
    }

    func get(_ client: any TestClientProtocol, _ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { $0 }
    }

    /// Posts a URL-encoded form; the CSRF token is added unless `csrf` says otherwise.
    func post(
        _ client: any TestClientProtocol, _ uri: String, _ fields: [(String, String)], csrf: String? = nil
    ) async throws -> TestResponse {
        let all = (csrf == "" ? [] : [("csrf", csrf ?? self.csrf)]) + fields
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await client.execute(
            uri: uri, method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body)) { $0 }
    }

    /// Posts a multipart form with files.
    func postMultipart(
        _ client: any TestClientProtocol, _ uri: String, _ fields: [(String, String)],
        files: [(field: String, name: String, bytes: [UInt8])]
    ) async throws -> TestResponse {
        let boundary = "----ictindex-test-boundary"
        var body: [UInt8] = []
        for (name, value) in [("csrf", csrf)] + fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return try await client.execute(
            uri: uri, method: .post,
            headers: [.cookie: cookie, .contentType: "multipart/form-data; boundary=\(boundary)"],
            body: ByteBuffer(bytes: body)) { $0 }
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
