// `ICTIndexBenchmarks web DIR ICTINDEX [SECONDS]`: the web application under load, on 127.0.0.1 only.
//
// Builds DIR/web.sqlite with 3,300 units of the synthetic set (2024 and 2025 appraised and scored, and every
// unit's 2025 self-assessment, as in the weeks agencies fill their forms), 200 agency accounts (a1…a200 for
// U1…U200) and a leader, starts `ICTINDEX serve` on a free loopback port, then:
//   1. the leader opens the 2025 ranking (3,300 units) once: the first request reads, re-scores and renders;
//   2. 200 agencies save their form concurrently for SECONDS (default 60), as a browser does: each save
//      changes variable v1 to a new value (POST), then loads the page the answer redirects to (GET, with the
//      provisional score); the agency remembers the last value the server acknowledged (303). Meanwhile the
//      leader reloads the ranking in a loop;
//   3. the leader opens the 2025 ranking 40 times in a row: median and 90th percentile;
//   4. checks: every unit's stored v1 is the last acknowledged value (no save lost), the audit log has one
//      entry per acknowledged save by that agency, and SQLite's integrity check says ok.
// Bounded in time, then the server is stopped.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HummingbirdBcrypt
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexService
import ICTIndexStorage
import OrderedCollections

/// An HTTP client that does not follow redirects and sends cookies itself.
final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

struct WebClient: Sendable {
    let session: URLSession
    let base: String

    func send(_ method: String, _ path: String, cookie: String? = nil, form: [(String, String)]? = nil) async throws
        -> (status: Int, headers: [String: String], body: String)
    {
        guard let url = URL(string: base + path) else { throw BenchmarkFailure("bad URL \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpShouldHandleCookies = false
        if let cookie { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
        if let form {
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
                .joined(separator: "&").utf8)
        }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw BenchmarkFailure("no HTTP response") }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers["\(key)".lowercased()] = "\(value)" }
        return (http.statusCode, headers, String(decoding: data, as: UTF8.self))
    }

    static func csrf(_ html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Signs in; returns the session cookie and the CSRF token of `page`.
    func login(_ name: String, password: String, page: String) async throws -> (cookie: String, csrf: String) {
        let form = try await send("GET", "/login")
        let setCookie = form.headers["set-cookie"] ?? ""
        let loginCookie = setCookie.components(separatedBy: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("ictindex_login=") }.map { String($0.prefix { $0 != ";" }) } ?? ""
        let answer = try await send(
            "POST", "/login", cookie: loginCookie,
            form: [("csrf", Self.csrf(form.body) ?? ""), ("name", name), ("password", password)])
        let sessionHeader = answer.headers["set-cookie"] ?? ""
        guard answer.status == 303, let start = sessionHeader.range(of: "ictindex_session=") else {
            throw BenchmarkFailure("sign-in of \(name): HTTP \(answer.status)")
        }
        let cookie = String(sessionHeader[start.lowerBound...].prefix { $0 != ";" })
        let html = try await send("GET", page, cookie: cookie).body
        guard let csrf = Self.csrf(html) else { throw BenchmarkFailure("no CSRF token on \(page)") }
        return (cookie, csrf)
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func benchmarkWeb(dir: URL, ictindex: String, duration: Double) async throws {
    let unitCount = 3_300
    let agencies = 200
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let dbPath = dir.appendingPathComponent("web.sqlite").path
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) }
    let yamlPath = dir.appendingPathComponent("synthetic.yaml").path
    try syntheticYAML().write(toFile: yamlPath, atomically: true, encoding: .utf8)

    // The database: 3,300 units, two scored periods, 200 agencies and a leader.
    let setup = try seconds {
        let framework = try FrameworkLoader().load(path: yamlPath).framework
        let all = try DataFileReader(framework: framework).readValues(syntheticCSV(), file: "synthetic.csv", units: nil, period: nil)
        let units = Array(all.units.values.prefix(unitCount))
        let database = try IndexDatabase(path: dbPath, create: true)
        _ = try database.importUnits(units, file: "synthetic.csv", who: "bench")
        for period in ["2024", "2025"] {
            let values = Dataset(
                period: period, units: units,
                entries: Dictionary(uniqueKeysWithValues: units.map { ($0.code, all.entries(of: $0.code)) }))
            _ = try database.importValues(values, period: period, source: .appraised, file: "synthetic.csv", who: "bench")
            if period == "2025" {
                _ = try database.importValues(values, period: period, source: .selfAssessed, file: "synthetic.csv", who: "bench")
            }
            _ = try PeriodScoring.score(
                period: period, frameworkPath: yamlPath, database: database, who: "bench", engineVersion: "bench")
        }
        let hash = Bcrypt.hash("loadtest-pass", cost: 10)
        for i in 1...agencies {
            try database.addUser(name: "a\(i)", role: .agency, unit: UnitCode("U\(i)"), passwordHash: hash, who: "bench")
        }
        try database.addUser(name: "lead", role: .leader, unit: nil, passwordHash: hash, who: "bench")
    }
    print("database: \(unitCount) units × 50 variables, 2 periods scored, 2025 self-assessed too, \(agencies + 1) accounts (\(String(format: "%.1f", setup)) s)")

    // The server, on a loopback port.
    let port = 18_000 + Int.random(in: 0..<1000)
    let server = Process()
    server.executableURL = URL(fileURLWithPath: ictindex)
    server.arguments = ["serve", "--db", dbPath, "--host", "127.0.0.1", "--port", "\(port)", "--framework", yamlPath]
    server.standardOutput = FileHandle.nullDevice
    server.standardError = FileHandle(forWritingAtPath: "/dev/null")
    try server.run()
    defer { server.terminate() }
    let configuration = URLSessionConfiguration.ephemeral
    configuration.httpMaximumConnectionsPerHost = agencies + 10
    configuration.timeoutIntervalForRequest = 60
    configuration.httpCookieStorage = nil
    configuration.httpShouldSetCookies = false
    let client = WebClient(
        session: URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil),
        base: "http://127.0.0.1:\(port)")
    var up = false
    for _ in 0..<100 where !up {
        try await Task.sleep(nanoseconds: 100_000_000)
        up = (try? await client.send("GET", "/login").status) == 200
    }
    guard up else { throw BenchmarkFailure("the server did not start on port \(port)") }

    // 200 agencies sign in, then save concurrently for `seconds`.
    let sessions = try await withThrowingTaskGroup(of: (Int, String, String).self) { group in
        for i in 1...agencies {
            group.addTask {
                let (cookie, csrf) = try await client.login("a\(i)", password: "loadtest-pass", page: "/submissions/2025/U\(i)")
                return (i, cookie, csrf)
            }
        }
        var result: [Int: (String, String)] = [:]
        for try await (i, cookie, csrf) in group { result[i] = (cookie, csrf) }
        return result
    }
    // The first ranking request after the server started: read, re-scored and rendered.
    let leader = try await client.login("lead", password: "loadtest-pass", page: "/submissions/2025/U1")
    let coldStart = Date()
    let cold = try await client.send("GET", "/ranking?period=2025", cookie: leader.cookie)
    let coldTime = Date().timeIntervalSince(coldStart)
    guard cold.status == 200 else { throw BenchmarkFailure("ranking: HTTP \(cold.status)") }

    let deadline = Date().addingTimeInterval(duration)
    let started = Date()
    // The leader reloads the ranking while the agencies save.
    let duringLoad = Task { () -> [Double] in
        var times: [Double] = []
        while Date() < deadline {
            let start = Date()
            guard (try? await client.send("GET", "/ranking?period=2025", cookie: leader.cookie).status) == 200 else { continue }
            times.append(Date().timeIntervalSince(start))
        }
        return times
    }
    let outcomes = await withTaskGroup(of: (Int, Int, Int, Double?, [Double], [Double], [Double]).self) { group in
        for i in 1...agencies {
            guard let (cookie, csrf) = sessions[i] else { continue }
            group.addTask {
                var acknowledged = 0
                var failed = 0
                var last: Double?
                // Saves sent after the last acknowledged one whose answer never came (a client timeout): the
                // server may or may not have stored them.
                var unanswered: [Double] = []
                var latencies: [Double] = []
                var withPage: [Double] = []
                var n = 0
                while Date() < deadline {
                    n += 1
                    let value = Double(n % 97) + Double(i % 100) / 100  // consecutive saves always differ
                    let start = Date()
                    let answer = try? await client.send(
                        "POST", "/submissions/2025/U\(i)", cookie: cookie,
                        form: [("csrf", csrf), ("v.v1", String(format: "%.2f", value))])
                    let status = answer?.status ?? 0
                    latencies.append(Date().timeIntervalSince(start))
                    // The page the browser loads next: the form with the saved values and the provisional score.
                    if status == 303, let location = answer?.headers["location"],
                        (try? await client.send("GET", location, cookie: cookie))?.body.contains("id=\"provisional\"") == true
                    {
                        withPage.append(Date().timeIntervalSince(start))
                    }
                    if status == 303 {
                        acknowledged += 1
                        last = (value * 100).rounded() / 100
                        unanswered = []
                    } else {
                        failed += 1
                        unanswered.append((value * 100).rounded() / 100)
                    }
                }
                return (i, acknowledged, failed, last, unanswered, latencies, withPage)
            }
        }
        var all: [(Int, Int, Int, Double?, [Double], [Double], [Double])] = []
        for await outcome in group { all.append(outcome) }
        return all
    }
    let elapsed = Date().timeIntervalSince(started)
    let saves = outcomes.reduce(0) { $0 + $1.1 }
    let failures = outcomes.reduce(0) { $0 + $1.2 }
    let latencies = outcomes.flatMap(\.5).sorted()
    func percentile(_ xs: [Double], _ p: Double) -> Double { xs.isEmpty ? .nan : xs[min(xs.count - 1, Int(Double(xs.count) * p))] }
    let pages = outcomes.flatMap(\.6).sorted()
    let rankingUnderLoad = await duringLoad.value.sorted()
    print(String(format: "saves: %d acknowledged, %d failed, by %d agencies in %.1f s (%.0f saves/s); latency median %.0f ms, p90 %.0f ms, max %.0f ms",
                 saves, failures, outcomes.count, elapsed, Double(saves) / elapsed, percentile(latencies, 0.5) * 1000,
                 percentile(latencies, 0.9) * 1000, (latencies.last ?? 0) * 1000))
    print(String(format: "save and reload (POST, then GET of the form with its provisional score; %d): median %.0f ms, p90 %.0f ms, max %.0f ms",
                 pages.count, percentile(pages, 0.5) * 1000, percentile(pages, 0.9) * 1000, (pages.last ?? 0) * 1000))
    print(String(format: "ranking page while the agencies save (%d requests): median %.1f ms, p90 %.1f ms, max %.1f ms",
                 rankingUnderLoad.count, percentile(rankingUnderLoad, 0.5) * 1000, percentile(rankingUnderLoad, 0.9) * 1000,
                 (rankingUnderLoad.last ?? 0) * 1000))

    // The ranking page of 3,300 units, as a leader.
    var times: [Double] = []
    var size = 0
    for _ in 0..<40 {
        let start = Date()
        let page = try await client.send("GET", "/ranking?period=2025", cookie: leader.cookie)
        times.append(Date().timeIntervalSince(start))
        guard page.status == 200 else { throw BenchmarkFailure("ranking: HTTP \(page.status)") }
        size = page.body.utf8.count
    }
    times.sort()
    print(String(format: "ranking page (2025, %d units, %d KB): first request %.0f ms; then median %.1f ms, p90 %.1f ms, max %.1f ms",
                 unitCount, size / 1024, coldTime * 1000, percentile(times, 0.5) * 1000, percentile(times, 0.9) * 1000,
                 (times.last ?? 0) * 1000))
    // Close the client's keep-alive connections first, so the server's graceful shutdown has nothing to wait for.
    client.session.invalidateAndCancel()
    server.terminate()
    server.waitUntilExit()

    // Nothing lost, nothing corrupted.
    let database = try IndexDatabase(path: dbPath)
    let own = try database.dataset(forPeriod: "2025", sources: [.selfAssessed]).dataset
    var lost = 0
    for (i, acknowledged, _, last, unanswered, _, _) in outcomes where acknowledged > 0 {
        let stored = own.value(UnitCode("U\(i)"), "v1")?.number
        if stored != last && !unanswered.contains(where: { $0 == stored }) { lost += 1 }
    }
    let audit = try database.auditEntries()
    var logged: [String: Int] = [:]
    for entry in audit where entry.action == "value.change" || entry.action == "value.add" { logged[entry.who, default: 0] += 1 }
    // One audit entry per acknowledged save, plus at most one per save whose answer never came.
    let unlogged = outcomes.filter { outcome in
        let count = logged["a\(outcome.0)", default: 0]
        return count < outcome.1 || count > outcome.1 + outcome.2
    }.count
    let integrity = try database.integrityCheck()
    print("check: \(lost) units whose stored value is not the last acknowledged save (or a later unanswered one); "
          + "\(unlogged) agencies whose audit entries do not match their saves; integrity_check: \(integrity.joined(separator: ", "))")
    if lost > 0 || unlogged > 0 || integrity != ["ok"] { throw BenchmarkFailure("the load test lost or corrupted data") }
}
