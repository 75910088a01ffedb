import Foundation
import ICTIndexCriteria
import ICTIndexStorage

/// Random tokens and their hashes, for sessions and CSRF.
enum Tokens {
    /// 32 random bytes from the system's generator, as 64 hex digits.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let b = UInt8.random(in: 0...255, using: &generator)
            return (b < 16 ? "0" : "") + String(b, radix: 16)
        }.joined()
    }

    /// The SHA-256 of a token, as stored in the database.
    static func hash(_ token: String) -> String { SHA256.hexDigest(of: Array(token.utf8)) }

    /// Compares two secrets in time independent of where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}

/// Counts failed sign-ins per user name and per address, and refuses more than `limit` for a name (ten times as
/// many for an address, which may be a whole office behind NAT) within `window` seconds.
actor LoginLimiter {
    private let limit: Int
    private let window: Double
    private var failures: [String: [Double]] = [:]
    private let now: @Sendable () -> Double

    init(limit: Int, window: Int, now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
        self.limit = limit
        self.window = Double(window)
        self.now = now
    }

    /// A limiter that remembers the sign-ins of the audit log within the window (the server was restarted):
    /// refusals for a wrong name or password count, and a user's successful sign-in clears that user's.
    init(limit: Int, window: Int, history entries: [AuditEntry]) {
        self.limit = limit
        self.window = Double(window)
        self.now = { Date().timeIntervalSince1970 }
        let refused = Self.wrongPassword + ", from "
        var failures: [String: [Double]] = [:]
        for entry in entries {
            guard let time = try? Date(entry.at, strategy: .iso8601).timeIntervalSince1970 else { continue }
            if entry.action == "session.refused", let detail = entry.detail, detail.hasPrefix(refused) {
                Self.add(time, name: entry.who, address: String(detail.dropFirst(refused.count)), to: &failures)
            } else if entry.action == "session.login" {
                failures[Self.key(name: entry.who)] = nil
            }
        }
        self.failures = failures
    }

    /// The reason a refused sign-in is logged with when the name or password is wrong (the failures that count).
    static let wrongPassword = "wrong name or password"

    private static func key(name: String) -> String { "user:" + name.lowercased() }
    private static func key(address: String) -> String { "ip:" + address }

    private static func add(_ time: Double, name: String, address: String, to failures: inout [String: [Double]]) {
        failures[key(name: name), default: []].append(time)
        failures[key(address: address), default: []].append(time)
    }

    /// Whether a sign-in for this name from this address may be tried now.
    func allows(name: String, address: String) -> Bool {
        let t = now()
        for (key, most) in [(Self.key(name: name), limit), (Self.key(address: address), limit * 10)] {
            let recent = (failures[key] ?? []).filter { t - $0 < window }
            failures[key] = recent
            if recent.count >= most { return false }
        }
        return true
    }

    func recordFailure(name: String, address: String) {
        Self.add(now(), name: name, address: address, to: &failures)
    }

    /// A successful sign-in clears the name's failures (not the address's).
    func recordSuccess(name: String) {
        failures[Self.key(name: name)] = nil
    }
}
