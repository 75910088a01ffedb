import Foundation

extension WebApp {
    /// Vietnam's time zone; UTC+7 (no daylight saving since 1975) when the system has no time zone data.
    static let vietnam = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt

    /// A stored time (ISO 8601, UTC: `2025-12-31T08:30:00Z`) as people in Vietnam read it: `31/12/2025 15:30`,
    /// in Asia/Ho_Chi_Minh. A text that is not such a time is returned as it is.
    static func localTime(_ iso: String) -> String {
        guard let date = try? Date(iso, strategy: .iso8601) else { return iso }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = vietnam
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ x: Int?) -> String {
            let s = String(x ?? 0)
            return s.count < 2 ? "0" + s : s
        }
        return "\(two(c.day))/\(two(c.month))/\(c.year ?? 0) \(two(c.hour)):\(two(c.minute))"
    }
}
