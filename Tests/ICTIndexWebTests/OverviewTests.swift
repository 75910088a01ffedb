import Foundation
import Hummingbird
import HummingbirdTesting
import ICTIndexCore
import ICTIndexStorage
import NIOCore
import Testing

/// The leaders' overview (`/overview`, the landing page) and the ranking's band filter, order by change and print
/// heading, on the sample province: 2024 published, 2025 a draft.
@Suite struct OverviewTests {
    /// The band colours of the Excel annex (green, blue, yellow, red for four bands; `ReportLayout` conditional
    /// formats), written out by hand.
    static let bandStyles: [BandID: String] = [
        "good": "background:#C6EFCE;color:#006100", "fair": "background:#DDEBF7;color:#1F4E79",
        "average": "background:#FFEB9C;color:#9C5700", "weak": "background:#FFC7CE;color:#9C0006",
    ]
    static let bandNames: [BandID: String] = ["good": "Tốt", "fair": "Khá", "average": "Trung bình", "weak": "Yếu"]

    /// The part of a page between a heading's text and the next `</div>`.
    static func section(_ html: String, after heading: String, from start: String.Index? = nil) -> String {
        guard let range = html.range(of: heading, range: (start ?? html.startIndex)..<html.endIndex) else { return "" }
        return String(html[range.upperBound...]).components(separatedBy: "</div>")[0]
    }

    static func link(_ code: UnitCode, _ name: String, period: String = "2025") -> String {
        "<a href=\"/units/\(code)?period=\(period)\">\(name)</a>"
    }

    @Test("leaders and admins land on the overview; agencies on their form")
    func landing() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let signIn = try await Browser.attempt(client, "leader", password: WebFixture.password)
            #expect(signIn.headers[.location] == "/overview")
            for name in ["leader", "admin"] {
                let browser = try await Browser.login(client, name)
                #expect(try await browser.get(client, "/").headers[.location] == "/overview")
                let page = String(buffer: try await browser.get(client, "/overview").body)
                #expect(page.contains("<a href=\"/overview\">Tổng quan</a>"))
            }
            let snv = try await Browser.login(client, "snv")
            #expect(try await snv.get(client, "/").headers[.location] == "/self")
            #expect(try await snv.get(client, "/overview").status == .forbidden)
        }
    }

    @Test(
        "per group: units per band in the annex's colours, the mean against 2024, top and bottom five, movers, band changes"
    )
    func overview2025() async throws {
        let fixture = try WebFixture()
        let now = try fixture.database.run(try fixture.database.currentRun(forPeriod: "2025")).results
        let before = try fixture.database.run(try fixture.database.currentRun(forPeriod: "2024")).results
        let changes = try fixture.database.changes(forRun: try fixture.database.currentRun(forPeriod: "2025"))
        try await fixture.test { client in
            let leader = try await Browser.login(client, "leader")
            let html = String(buffer: try await leader.get(client, "/overview?period=2025").body)
            // A draft is marked by a banner, not only grey text.
            #expect(
                html.contains(
                    "<div class=\"draft\" role=\"note\"><strong>BẢN NHÁP</strong> — lần chấm 2 của kỳ 2025 chưa được công bố; kết quả còn có thể thay đổi.</div>"
                ))
            for (group, name) in [("department", "Sở, ban, ngành"), ("commune", "UBND cấp xã")] {
                let members = now.filter { $0.unit.group == GroupID(group) }
                #expect(!members.isEmpty)
                let start = try #require(html.range(of: "<h2>\(name) — \(members.count) đơn vị</h2>")).upperBound
                let part = String(html[start...].components(separatedBy: "</section>")[0])
                // Every band: its count in the legend, a link to the ranking filtered by it, in its colour.
                for (band, bandName) in Self.bandNames {
                    let n = members.filter { $0.band == band }.count
                    let href = "/ranking?period=2025&amp;group=\(group)&amp;band=\(band)"
                    #expect(
                        part.contains(
                            "<a href=\"\(href)\" class=\"band\" style=\"\(Self.bandStyles[band] ?? "")\">\(bandName): \(n)</a>"
                        ), "\(group) \(band)")
                    if n > 0 {
                        #expect(
                            part.contains(
                                "<a href=\"\(href)\" style=\"flex:\(n) 1 0;\(Self.bandStyles[band] ?? "")\" title=\"\(bandName): \(n)\">\(n)</a>"
                            ))
                    }
                }
                // The mean, against 2024's mean of the group as it was then.
                let scores = members.compactMap(\.published)
                let old = before.filter { $0.unit.group == GroupID(group) }.compactMap(\.published)
                let mean = scores.reduce(0, +) / Double(scores.count)
                let oldMean = old.reduce(0, +) / Double(old.count)
                let delta = ChangeTextFormat.signed(mean - oldMean)
                #expect(
                    part.contains(
                        "Điểm trung bình của khối: <strong>\(NumberFormatting.fixed(mean, decimals: 2))</strong> — kỳ 2024: \(NumberFormatting.fixed(oldMean, decimals: 2)) (\(old.count) đơn vị), <strong class=\"\(delta.hasPrefix("−") ? "down" : "up")\">\(delta)</strong>"
                    ))
                // Top five: rank 1 first; bottom five: the last-ranked unit first (one click to the weakest).
                let ranked = members.filter { $0.rank != nil }.sorted {
                    ($0.rank ?? 0, $0.unit.code) < ($1.rank ?? 0, $1.unit.code)
                }
                let top = Self.section(part, after: "Năm đơn vị dẫn đầu")
                let best = try #require(ranked.first)
                #expect(top.hasPrefix("</h3><ul class=\"plain\"><li>1. \(Self.link(best.unit.code, best.unit.name))"))
                #expect(top.components(separatedBy: "<li>").count == 6)
                let bottom = Self.section(part, after: "Năm đơn vị thấp nhất")
                let worst = try #require(ranked.last)
                #expect(
                    bottom.hasPrefix(
                        "</h3><ul class=\"plain\"><li>\(worst.rank ?? 0). \(Self.link(worst.unit.code, worst.unit.name))"
                    ))
                // Movers: by the score's change against the unit's own 2024 result.
                let moves = members.compactMap { r -> (StoredResult, Double)? in
                    guard let a = changes[r.unit.code]?.own?.published, let b = r.published else { return nil }
                    return (r, b - a)
                }
                if let riser = moves.filter({ $0.1 > 0 }).max(by: { $0.1 < $1.1 }) {
                    let risers = Self.section(part, after: "Tăng điểm nhiều nhất")
                    #expect(
                        risers.hasPrefix(
                            "</h3><ul class=\"plain\"><li>\(Self.link(riser.0.unit.code, riser.0.unit.name)) <strong class=\"up\">\(ChangeTextFormat.signed(riser.1))</strong>"
                        ))
                }
                if let faller = moves.filter({ $0.1 < 0 }).min(by: { $0.1 < $1.1 }) {
                    let fallers = Self.section(part, after: "Giảm điểm nhiều nhất")
                    #expect(
                        fallers.hasPrefix(
                            "</h3><ul class=\"plain\"><li>\(Self.link(faller.0.unit.code, faller.0.unit.name)) <strong class=\"down\">\(ChangeTextFormat.signed(faller.1))</strong>"
                        ))
                }
                // Band changes: each unit whose band differs from its own 2024 band, with both bands.
                let previousBands = Dictionary(before.map { ($0.unit.code, $0.band) }, uniquingKeysWith: { a, _ in a })
                var fell = 0
                var rose = 0
                for r in members {
                    guard let own = changes[r.unit.code]?.own, let from = previousBands[own.unit] ?? nil,
                        let to = r.band,
                        from != to
                    else { continue }
                    let order: [BandID] = ["good", "fair", "average", "weak"]
                    let down = (order.firstIndex(of: to) ?? 0) > (order.firstIndex(of: from) ?? 0)
                    if down { fell += 1 } else { rose += 1 }
                    let arrow = down ? "<span class=\"down\">↓</span>" : "<span class=\"up\">↑</span>"
                    let badge = { (b: BandID) in
                        "<span class=\"band\" style=\"\(Self.bandStyles[b] ?? "")\">\(Self.bandNames[b] ?? "")</span>"
                    }
                    #expect(
                        part.contains(
                            "<li>\(arrow) \(Self.link(r.unit.code, r.unit.name)): \(badge(from)) → \(badge(to))</li>"))
                }
                #expect(part.contains("<h3>Đổi xếp loại (\(fell) tụt, \(rose) lên)</h3>"))
                #expect(fell + rose > 0, "the sample province has band changes in \(group)")
            }
            // In English.
            let english = String(buffer: try await leader.get(client, "/overview?period=2025&lang=en").body)
            #expect(
                english.contains(
                    "<strong>DRAFT</strong> — run 2 of period 2025 is not published; its results may still change."))
            #expect(english.contains("Group mean score"))
            #expect(english.contains("Bottom five"))
        }
    }

    @Test("a published first period: no draft banner and no comparison")
    func firstPeriod() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let leader = try await Browser.login(client, "leader")
            let html = String(buffer: try await leader.get(client, "/overview?period=2024").body)
            #expect(!html.contains("class=\"draft\""))
            #expect(html.contains("lần chấm 1, đã công bố</p>"))
            #expect(!html.contains("Tăng điểm nhiều nhất"))
            #expect(!html.contains("— kỳ 2023"))
            #expect(html.contains("Năm đơn vị thấp nhất"))
        }
    }

    @Test("the ranking filters by band, sorts by the score's change, and prints its title, period, draft mark and date")
    func rankingFilters() async throws {
        let fixture = try WebFixture()
        let now = try fixture.database.run(try fixture.database.currentRun(forPeriod: "2025")).results
        let changes = try fixture.database.changes(forRun: try fixture.database.currentRun(forPeriod: "2025"))
        try await fixture.test { client in
            let leader = try await Browser.login(client, "leader")
            let weak = String(buffer: try await leader.get(client, "/ranking?period=2025&band=weak").body)
            let weakUnits = now.filter { $0.band == "weak" }
            #expect(!weakUnits.isEmpty)
            for r in now {
                let row = "<td>\(r.unit.code)</td>"
                #expect(weak.contains(row) == (r.band == "weak"), "\(r.unit.code)")
            }
            #expect(weak.contains("<option value=\"weak\" selected>Yếu</option>"))
            let none = String(buffer: try await leader.get(client, "/ranking?period=2025&band=good&group=commune").body)
            if !now.contains(where: { $0.band == "good" && $0.unit.group == "commune" }) {
                #expect(none.contains("Không có đơn vị nào xếp loại Tốt trong khối UBND cấp xã."))
            }
            // By change: the department whose score rose most first; "fall": the one that fell most.
            let moves = now.filter { $0.unit.group == "department" }.compactMap { r -> (UnitCode, Double)? in
                guard let a = changes[r.unit.code]?.own?.published, let b = r.published else { return nil }
                return (r.unit.code, b - a)
            }
            for (sort, expected) in [
                ("change", moves.max { $0.1 < $1.1 }), ("fall", moves.min { $0.1 < $1.1 }),
            ] {
                let page = String(
                    buffer: try await leader.get(client, "/ranking?period=2025&group=department&sort=\(sort)").body)
                let first = page.components(separatedBy: "<tbody>")[1].components(separatedBy: "</tr>")[0]
                #expect(first.contains("<td>\(try #require(expected).0)</td>"), "\(sort)")
            }
            // The print heading (hidden on screen).
            let page = String(buffer: try await leader.get(client, "/ranking?period=2025&group=commune").body)
            let head = try #require(page.components(separatedBy: "<p class=\"printhead\">").dropFirst().first)
            #expect(head.contains("<strong>Bộ tiêu chí đánh giá, xếp hạng"))
            #expect(head.contains("Xếp hạng — Kỳ đánh giá 2025 — UBND cấp xã<br>lần chấm 2, bản nháp; in lúc "))
            let stamp = try #require(head.components(separatedBy: "in lúc ").last?.prefix(16))
            #expect(stamp.range(of: #"^\d\d/\d\d/20\d\d \d\d:\d\d$"#, options: .regularExpression) != nil, "\(stamp)")
            #expect(page.contains("<div class=\"draft\" role=\"note\">"))
            #expect(page.contains(".printhead{display:block"))
        }
    }
}

/// A signed difference as the pages print it (two decimals, a real minus sign, `+0.00` never `−0.00`).
enum ChangeTextFormat {
    static func signed(_ delta: Double) -> String {
        let shown = NumberFormatting.fixed(abs(delta), decimals: 2)
        return (delta < 0 && shown != "0.00" ? "−" : "+") + shown
    }
}
