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
struct WebFixture {
    let database: IndexDatabase
    let configuration: WebConfiguration
    static let criteria = CommandRunner.repositoryRoot.appendingPathComponent("Criteria/vn-province-agencies.yaml").path
    static let password = "password1"

    init(
        loginAttempts: Int = 5, maxUploadBytes: Int = 64 * 1024, peerValuesMaxAge: Double = 10,
        trustedProxies: [String] = [], readTimeout: Int = 60, evidenceQuotaBytes: Int = 200 * 1024 * 1024
    ) throws {
        database = try IndexDatabase.inMemory()
        let (loaded, _) = try CriteriaSource.load(path: Self.criteria)
        let reader = DataFileReader(framework: loaded.framework)
        let sample = CommandRunner.repositoryRoot.appendingPathComponent("Examples/sample-province")
        func text(_ name: String) throws -> String {
            try String(contentsOf: sample.appendingPathComponent(name), encoding: .utf8)
        }
        let units = try reader.readUnits(text("units.csv"), file: "units.csv")
        _ = try database.importUnits(units, file: "units.csv", who: "test")
        let v2024 = try reader.readValues(text("values-2024.csv"), file: "values-2024.csv", units: units, period: "2024")
            .restricted(toPeriod: "2024")
        _ = try database.importValues(v2024, period: "2024", source: .appraised, file: "values-2024.csv", who: "test")
        let (first, _) = try PeriodScoring.score(
            period: "2024", frameworkPath: Self.criteria, database: database, who: "test", engineVersion: "test")
        _ = try database.publish(run: first.id, who: "test")
        var v2025 = try reader.readValues(text("values-2025-self.csv"), file: "values-2025-self.csv", units: units, period: "2025")
            .restricted(toPeriod: "2025")
        // SNV has not started its 2025 self-assessment.
        v2025 = Dataset(
            period: "2025", units: v2025.units.values.filter { $0.code != "SNV" },
            entries: Dictionary(uniqueKeysWithValues: v2025.units.keys.filter { $0 != "SNV" }.map { ($0, v2025.entries(of: $0)) }))
        _ = try database.importValues(v2025, period: "2025", source: .selfAssessed, file: "values-2025-self.csv", who: "test")
        _ = try PeriodScoring.score(
            period: "2025", frameworkPath: Self.criteria, database: database, who: "test", engineVersion: "test")
        let hash = Bcrypt.hash(Self.password, cost: 4)
        try database.addUser(name: "admin", role: .admin, unit: nil, passwordHash: hash, who: "test")
        try database.addUser(name: "leader", role: .leader, unit: nil, passwordHash: hash, who: "test")
        try database.addUser(name: "snv", role: .agency, unit: "SNV", passwordHash: hash, who: "test")
        try database.addUser(name: "stc", role: .agency, unit: "STC", passwordHash: hash, who: "test")
        configuration = WebConfiguration(
            host: "127.0.0.1", port: 0, bcryptCost: 4, loginAttempts: loginAttempts, maxUploadBytes: maxUploadBytes,
            frameworkPath: Self.criteria, trustedProxies: trustedProxies, engineVersion: "test",
            peerValuesMaxAge: peerValuesMaxAge, readTimeout: readTimeout, evidenceQuotaBytes: evidenceQuotaBytes,
            cleanupInterval: 0)
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
