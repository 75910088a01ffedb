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

/// Counts failed sign-ins and refuses more than `limit` within `window` seconds for one user name from one
/// address; ten times as many from one address (an office behind one NAT address is many people), and ten
/// times as many for one name from all addresses together (guessing from many machines).
///
/// A name is locked per address first, so wrong guesses from one machine do not lock the user out everywhere;
/// an admin lifts a lock with `ictindex user unlock NAME` (an audit entry the server reads when a name is
/// locked).
actor LoginLimiter {
    private let limit: Int
    private let window: Double
    /// Failure times by key: name and address, address, name.
    private var failures: [String: [Double]] = [:]
    /// Keys whose block has been logged once (later refusals of the same block are not).
    private var logged: Set<String> = []
    private let now: @Sendable () -> Double

    init(
        limit: Int, window: Int,
        now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.limit = limit
        self.window = Double(window)
        self.now = now
    }

    /// A limiter that remembers the sign-ins of the audit log within the window (the server was restarted):
    /// refusals for a wrong name or password count, a user's successful sign-in clears that user's failures
    /// from its address, and an unlock clears the user's failures.
    init(limit: Int, window: Int, history entries: [AuditEntry]) {
        self.limit = limit
        self.window = Double(window)
        self.now = { Date().timeIntervalSince1970 }
        let refused = Self.wrongPassword + ", from "
        let signedIn = "from "
        var failures: [String: [Double]] = [:]
        for entry in entries {
            guard let time = try? Date(entry.at, strategy: .iso8601).timeIntervalSince1970 else {
                continue
            }
            if entry.action == "session.refused", let detail = entry.detail, detail.hasPrefix(refused) {
                Self.add(
                    time, name: entry.who, address: String(detail.dropFirst(refused.count)), to: &failures)
            } else if entry.action == "session.login", let detail = entry.detail,
                detail.hasPrefix(signedIn)
            {
                Self.clear(
                    name: entry.who, address: String(detail.dropFirst(signedIn.count)), in: &failures)
            } else if entry.action == "session.unlock", let name = entry.newValue {
                Self.unlock(name: name, before: time, in: &failures)
            }
        }
        self.failures = failures
    }

    /// The reason a refused sign-in is logged with when the name or password is wrong (the failures that count).
    static let wrongPassword = "wrong name or password"

    /// Whether a sign-in may be tried.
    enum Verdict: Equatable {
        case allowed
        /// Refused; `firstRefusal` is true for the first refusal of this block (the one worth logging).
        case blocked(firstRefusal: Bool)
    }

    private static func keys(name: String, address: String) -> (
        pair: String, address: String, name: String
    ) {
        let name = name.lowercased()
        return ("pair:\(name)\u{0}\(address)", "ip:" + address, "user:" + name)
    }

    private static func add(
        _ time: Double, name: String, address: String, to failures: inout [String: [Double]]
    ) {
        let keys = keys(name: name, address: address)
        for key in [keys.pair, keys.address, keys.name] { failures[key, default: []].append(time) }
    }

    private static func clear(name: String, address: String, in failures: inout [String: [Double]]) {
        let keys = keys(name: name, address: address)
        failures[keys.pair] = nil
    }

    private static func unlock(
        name: String, before time: Double, in failures: inout [String: [Double]]
    ) {
        let lowered = name.lowercased()
        for key in failures.keys where key == "user:" + lowered || key.hasPrefix("pair:\(lowered)\u{0}") {
            failures[key] = failures[key]?.filter { $0 > time }
        }
    }

    /// Whether a sign-in for this name from this address may be tried now.
    func check(name: String, address: String) -> Verdict {
        let t = now()
        let keys = Self.keys(name: name, address: address)
        for (key, most) in [(keys.pair, limit), (keys.address, limit * 10), (keys.name, limit * 10)] {
            let recent = (failures[key] ?? []).filter { t - $0 < window }
            failures[key] = recent.isEmpty ? nil : recent
            if recent.count >= most {
                return .blocked(firstRefusal: logged.insert(key).inserted)
            }
            logged.remove(key)
        }
        return .allowed
    }

    func recordFailure(name: String, address: String) {
        Self.add(now(), name: name, address: address, to: &failures)
    }

    /// A successful sign-in clears the failures of the name from this address (not the address's, nor the
    /// name's from elsewhere).
    func recordSuccess(name: String, address: String) {
        Self.clear(name: name, address: address, in: &failures)
    }

    /// Lifts the locks of a name from failures up to a time (an admin's `ictindex user unlock` then).
    func unlock(name: String, before time: Double) {
        Self.unlock(name: name, before: time, in: &failures)
    }
}
