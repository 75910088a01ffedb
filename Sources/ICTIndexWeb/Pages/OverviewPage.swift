import Foundation
import Hummingbird
import ICTIndexCore
import ICTIndexService
import ICTIndexStorage
import OrderedCollections

extension WebApp {
    /// `/overview`, the leaders' landing page: per group, the units per band as a coloured bar, the group's mean
    /// score against the previous period, the top and bottom five, the biggest risers and fallers by score, and
    /// who changed band; every unit a link to its page, every band a link to the ranking filtered by it.
    func overviewPage(_ request: Request, _ context: WebContext) throws -> Response {
        let w = context.language
        let language = context.language
        guard let current = try currentRun(request) else {
            return noRunPage(title: w.overview, context, path: "/overview")
        }
        let (periods, period, id, summary, view) = (
            current.periods, current.period, current.id, current.summary, current.view
        )
        let framework = view.framework
        let bands = BandColours(framework)
        let previousPeriod = periods.last { $0 < period }
        let previous = try previousPeriod.map { try runView(database.currentRun(forPeriod: $0)) }
        let decimals = framework.decimals
        let p = urlEncode(period)
        func number(_ x: Double?) -> String { w.number(x, decimals: decimals) }
        func unitLink(_ r: StoredResult) -> HTML {
            "<a href=\"/units/\(urlEncode(r.unit.code.rawValue))?period=\(p)\">\(r.unit.name)</a>"
        }

        let periodOptions = periods.reversed().map { "<option\(" selected", if: $0 == period)>\($0)</option>" as HTML }
        let state = summary.status == .published ? w.say(vi: "đã công bố", en: "published") : w.say(vi: "bản nháp", en: "draft")
        let versus = previousPeriod.map { "; " + w.say(vi: "so với kỳ \($0)", en: "compared with period \($0)") } ?? ""
        var html = Self.draftBanner(summary, w)
        html += """
            <form method="get" action="/overview" class="filters">
            <label>\(w.period)<br><select name="period">\(periodOptions)</select></label>
            <button type="submit">\(w.say(vi: "Xem", en: "Show"))</button>
            <a class="button" href="/ranking?period=\(p)">\(w.say(vi: "Bảng xếp hạng đầy đủ", en: "Full ranking"))</a>
            <a class="button" href="/map?period=\(p)">\(w.map)</a></form>
            <p class="muted">\(framework.name.text(language)) — \(w.period) \(period); \(w.say(vi: "lần chấm", en: "run")) \(id), \(state)\(versus)</p>
            """
        for group in framework.groups.values {
            let members = view.byRank.filter { view.results[$0].unit.group == group.id }
            guard !members.isEmpty else { continue }
            let g = urlEncode(group.id.rawValue)
            let scored = members.compactMap { view.results[$0].published }
            html +=
                "<section class=\"overview\"><h2>\(group.name.text(language)) — \(w.say(vi: "\(members.count) đơn vị", en: "\(members.count) units"))"
            html += group.ranked ? "</h2>" : " (\(w.say(vi: "không xếp hạng", en: "not ranked")))</h2>"

            // Units per band: one coloured segment per band, as wide as its count, each a link to those units.
            if !bands.bands.isEmpty {
                var counts: [BandID: Int] = [:]
                for i in members { if let band = view.results[i].band { counts[band, default: 0] += 1 } }
                var bar = HTML.empty
                var legend: [HTML] = []
                for band in bands.bands {
                    let n = counts[band.id] ?? 0
                    let name = band.name.text(language)
                    let href: HTML = "/ranking?period=\(p)&amp;group=\(g)&amp;band=\(urlEncode(band.id.rawValue))"
                    legend.append(
                        "<a href=\"\(href)\" class=\"band\" style=\"\(bands.style(band.id))\">\(name): \(n)</a>")
                    guard n > 0 else { continue }
                    bar += """
                        <a href="\(href)" style="flex:\(n) 1 0;\(bands.style(band.id))" title="\(name): \(n)">\(n)</a>
                        """
                }
                let noBand = members.count - counts.values.reduce(0, +)
                if noBand > 0 {
                    bar +=
                        "<span style=\"flex:\(noBand) 1 0\" class=\"noband\" title=\"\(w.say(vi: "chưa có điểm", en: "no score")): \(noBand)\">\(noBand)</span>"
                    legend.append("<span class=\"band noband\">\(w.say(vi: "chưa có điểm", en: "no score")): \(noBand)</span>")
                }
                html += """
                    <div class="bandbar" role="img" aria-label="\(w.band)">\(bar)</div>
                    <p class="legend">\(legend.joined(separator: " "))</p>
                    """
            }

            // The group's mean against the previous period's (the units of the group then).
            let mean = scored.isEmpty ? nil : scored.reduce(0, +) / Double(scored.count)
            var meanText: HTML =
                "\(w.say(vi: "Điểm trung bình của khối", en: "Group mean score")): <strong>\(number(mean))</strong>"
            if let previous, let previousPeriod {
                let before = previous.results.filter { $0.unit.group == group.id }.compactMap(\.published)
                if !before.isEmpty {
                    let old = before.reduce(0, +) / Double(before.count)
                    meanText += " — \(w.say(vi: "kỳ \(previousPeriod)", en: "period \(previousPeriod)")): \(number(old))"
                    meanText += " (\(w.say(vi: "\(before.count) đơn vị", en: "\(before.count) units")))"
                    if let mean {
                        let delta = ChangeText.signed(mean - old, decimals: decimals)
                        let css: HTML =
                            delta.hasPrefix("−")
                            ? "down" : delta == ChangeText.signed(0, decimals: decimals) ? "" : "up"
                        meanText += ", <strong class=\"\(css)\">\(delta)</strong>"
                    }
                }
            }
            html += "<p>\(meanText)</p><div class=\"cards\">"

            // Top and bottom five by rank.
            if group.ranked {
                let ranked = members.filter { view.results[$0].rank != nil }
                func item(_ i: Int) -> HTML {
                    let r = view.results[i]
                    return
                        "<li>\(r.rank.map(String.init) ?? "—"). \(unitLink(r)) — \(number(r.published)) \(bands.badge(r.band, language))</li>"
                }
                html += """
                    <div class="card"><h3>\(w.say(vi: "Năm đơn vị dẫn đầu", en: "Top five"))</h3><ul class="plain">\(ranked.prefix(5).map(item))</ul></div>\
                    <div class="card"><h3>\(w.say(vi: "Năm đơn vị thấp nhất", en: "Bottom five"))</h3><ul class="plain">\(ranked.suffix(5).reversed().map(item))</ul></div>
                    """
            }

            // Movers by score, the unit's own previous result (after a rename, its old code's).
            var moves: [(i: Int, before: Double, delta: Double)] = []
            var bandMoves: [(i: Int, from: BandID, rose: Bool)] = []
            for i in members {
                let r = view.results[i]
                guard let own = view.changes[r.unit.code]?.own else { continue }
                if let before = own.published, let now = r.published { moves.append((i, before, now - before)) }
                if let from = previous?.result(own.unit)?.band, let to = r.band, from != to {
                    let (a, b) = (bands.position(from) ?? Int.max, bands.position(to) ?? Int.max)
                    bandMoves.append((i, from, b < a))
                }
            }
            func move(_ m: (i: Int, before: Double, delta: Double)) -> HTML {
                let r = view.results[m.i]
                let delta = ChangeText.signed(m.delta, decimals: decimals)
                let css: HTML = m.delta < 0 ? "down" : "up"
                return
                    "<li>\(unitLink(r)) <strong class=\"\(css)\">\(delta)</strong> <span class=\"muted\">(\(number(m.before)) → \(number(r.published)))</span></li>"
            }
            let none: HTML = "<li class=\"muted\">\(w.say(vi: "không có", en: "none"))</li>"
            if previous != nil {
                let risers = moves.filter { $0.delta > 0 }.sorted { $0.delta > $1.delta }.prefix(5)
                let fallers = moves.filter { $0.delta < 0 }.sorted { $0.delta < $1.delta }.prefix(5)
                html += """
                    <div class="card"><h3>\(w.say(vi: "Tăng điểm nhiều nhất", en: "Biggest risers"))</h3><ul class="plain">\(risers.isEmpty ? none : risers.map(move).joined())</ul></div>\
                    <div class="card"><h3>\(w.say(vi: "Giảm điểm nhiều nhất", en: "Biggest fallers"))</h3><ul class="plain">\(fallers.isEmpty ? none : fallers.map(move).joined())</ul></div>
                    """
                // Who changed band: those who fell first.
                bandMoves.sort { a, b in
                    a.rose != b.rose ? !a.rose : view.rankPlace[a.i] < view.rankPlace[b.i]
                }
                let items = bandMoves.map { m -> HTML in
                    let r = view.results[m.i]
                    let arrow: HTML = m.rose ? "<span class=\"up\">↑</span>" : "<span class=\"down\">↓</span>"
                    return
                        "<li>\(arrow) \(unitLink(r)): \(bands.badge(m.from, language)) → \(bands.badge(r.band, language))</li>"
                }
                let fell = bandMoves.filter { !$0.rose }.count
                html += """
                    <div class="card"><h3>\(w.say(vi: "Đổi xếp loại", en: "Changed band")) (\(w.say(vi: "\(fell) tụt, \(bandMoves.count - fell) lên", en: "\(fell) down, \(bandMoves.count - fell) up")))</h3>\
                    <ul class="plain">\(items.isEmpty ? none : items.joined())</ul></div>
                    """
            }
            html += "</div></section>"
        }
        return Page(title: w.overview, body: html, context: context, path: request.uri.description).response()
    }

    /// The banner of a draft run: its results are not published and may still change (shown on screen and on
    /// paper).
    static func draftBanner(_ summary: RunSummary, _ w: Language) -> HTML {
        guard summary.status == .draft else { return .empty }
        return """
            <div class="draft" role="note"><strong>\(w.say(vi: "BẢN NHÁP", en: "DRAFT"))</strong> — \(w.say(
                vi: "lần chấm \(summary.id) của kỳ \(summary.period) chưa được công bố; kết quả còn có thể thay đổi.",
                en: "run \(summary.id) of period \(summary.period) is not published; its results may still change."))</div>
            """
    }
}
