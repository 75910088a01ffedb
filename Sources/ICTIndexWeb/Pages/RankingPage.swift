import Foundation
import Hummingbird
import ICTIndexCore
import ICTIndexService
import ICTIndexStorage
import OrderedCollections

extension WebApp {
    /// `/ranking`: the current run of a period, by group, with filters, a search box and an order.
    func rankingPage(_ request: Request, _ context: WebContext) throws -> Response {
        let w = context.language
        let language = context.language
        guard let current = try currentRun(request) else {
            return noRunPage(title: w.ranking, context, path: "/ranking")
        }
        let (periods, period, id, summary, view) = (
            current.periods, current.period, current.id, current.summary, current.view
        )
        let framework = view.framework
        let pillars = framework.pillars
        let groupFilter = request.query("group") ?? ""
        let search = request.query("q") ?? ""
        let sort = request.query("sort") ?? "rank"
        let bandFilter = request.query("band") ?? ""

        let periodOptions = periods.reversed().map { "<option\(" selected", if: $0 == period)>\($0)</option>" as HTML }
        let groupOptions = framework.groups.values.map {
            "<option value=\"\($0.id.rawValue)\"\(" selected", if: $0.id.rawValue == groupFilter)>\($0.name.text(language))</option>"
                as HTML
        }
        let bandOptions = framework.bands.map {
            "<option value=\"\($0.id.rawValue)\"\(" selected", if: $0.id.rawValue == bandFilter)>\($0.name.text(language))</option>"
                as HTML
        }
        let orders =
            [
                ("rank", w.rank), ("score", w.score),
                ("change", w.say(vi: "Thay đổi điểm (tăng trước)", en: "Score change (rises first)")),
                ("fall", w.say(vi: "Thay đổi điểm (giảm trước)", en: "Score change (falls first)")), ("name", w.say(vi: "Tên", en: "Name")),
                ("code", w.say(vi: "Mã", en: "Code")),
            ]
            + pillars.map { ($0.id.rawValue, $0.name.text(language)) }
        let sortOptions = orders.map {
            "<option value=\"\($0.0)\"\(" selected", if: $0.0 == sort)>\($0.1)</option>" as HTML
        }
        let state = summary.status == .published ? w.say(vi: "đã công bố", en: "published") : w.say(vi: "bản nháp", en: "draft")
        let versus = view.changes.values.first.map { "; " + w.say(vi: "so với kỳ", en: "change vs") + " " + $0.previousPeriod }
        let groupName = framework.groups.values.first { $0.id.rawValue == groupFilter }?.name.text(language)
        let bandName = framework.bands.first { $0.id.rawValue == bandFilter }?.name.text(language)
        let printed = Self.localTime(Date().ISO8601Format())
        var html = Self.draftBanner(summary, w)
        html += """
            <p class="printhead"><strong>\(framework.name.text(language))</strong><br>\(w.ranking) — \(w.period) \(period)\
            \(groupName.map { " — " + $0 } ?? "")\(bandName.map { " — " + w.band + " " + $0 } ?? "")<br>\
            \(w.say(vi: "lần chấm", en: "run")) \(id), \(state); \(w.say(vi: "in lúc", en: "printed")) \(printed)</p>
            <form method="get" action="/ranking" class="filters">
            <label>\(w.period)<br><select name="period">\(periodOptions)</select></label>
            <label>\(w.group)<br><select name="group"><option value="">\(w.say(vi: "Tất cả", en: "All"))</option>\(groupOptions)</select></label>
            \(framework.bands.isEmpty ? HTML.empty : "<label>\(w.band)<br><select name=\"band\"><option value=\"\">\(w.say(vi: "Tất cả", en: "All"))</option>\(bandOptions)</select></label>")
            <label>\(w.say(vi: "Tìm", en: "Search"))<br><input type="search" name="q" value="\(request.query("q") ?? "")"></label>
            <label>\(w.say(vi: "Sắp xếp", en: "Sort"))<br><select name="sort">\(sortOptions)</select></label>
            <button type="submit">\(w.say(vi: "Xem", en: "Show"))</button>
            <a class="button" href="/export?period=\(urlEncode(period))">\(w.say(vi: "Tải bảng Excel", en: "Download Excel"))</a>
            </form>
            <p class="muted">\(framework.name.text(language)) — \(w.period) \(period); \(w.say(vi: "lần chấm", en: "run")) \(id), \(state)\(versus ?? "")</p>
            """
        // The order asked for, as positions in the run's results; a pillar sorts by its points, highest first.
        let order: [Int]
        switch sort {
        case "name": order = view.byName
        case "code": order = view.byCode
        case "score", "rank": order = view.byRank
        case "change", "fall":
            // By the score's change; units without one (new, merged) last, in rank order.
            let sign = sort == "change" ? -1.0 : 1.0
            order = view.byRank.sorted { a, b in
                switch (view.scoreChange[a], view.scoreChange[b]) {
                case (let x?, let y?) where x != y: return sign * x < sign * y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return view.rankPlace[a] < view.rankPlace[b]
                }
            }
        default:
            if let p = pillars.firstIndex(where: { $0.id.rawValue == sort }) {
                order = view.byRank.sorted { a, b in
                    let (x, y) = (view.pillarValues[a][p] ?? -.infinity, view.pillarValues[b][p] ?? -.infinity)
                    return x != y ? x > y : view.rankPlace[a] < view.rankPlace[b]
                }
            } else {
                order = view.byRank
            }
        }
        let rows = view.rows(language, period: period)
        var header: HTML =
            "<tr><th class=\"num\">\(w.rank)</th><th>\(w.say(vi: "Mã", en: "Code"))</th><th>\(w.unit)</th><th class=\"num\">\(w.score)</th>"
        if !framework.bands.isEmpty { header += "<th>\(w.band)</th>" }
        // Full pillar names: they wrap in their column (the table scrolls sideways on a phone), none is cut.
        for p in pillars { header += "<th class=\"num p\">\(p.name.text(language))</th>" }
        header += "<th>\(w.change)</th></tr>"
        // Folded once here and once per unit in the run's view: "ky son" finds "Kỳ Sơn", "d" finds "đ".
        let folded = SearchFolding.fold(search)
        var shown = 0
        for group in framework.groups.values where groupFilter.isEmpty || group.id.rawValue == groupFilter {
            let members = order.filter {
                view.results[$0].unit.group == group.id && (folded.isEmpty || view.searchText[$0].contains(folded))
                    && (bandFilter.isEmpty || view.results[$0].band?.rawValue == bandFilter)
            }
            guard !members.isEmpty else { continue }
            shown += members.count
            let ranked = group.ranked ? "" : " — " + w.say(vi: "không xếp hạng", en: "not ranked")
            html += "<h2>\(group.name.text(language)) (\(members.count))\(ranked)</h2>"
            html += "<div class=\"scroll\"><table class=\"ranking\"><thead>\(header)</thead><tbody>"
            html += members.map { rows[$0] }.joined()
            html += "</tbody></table></div>"
        }
        if shown == 0 && folded.isEmpty && !bandFilter.isEmpty {
            html += """
                <p class="empty">\(w.say(vi: "Không có đơn vị nào xếp loại \(bandName ?? bandFilter)\(groupName.map { " trong khối " + $0 } ?? "").",
                    en: "No unit is in band \(bandName ?? bandFilter)\(groupName.map { " in group " + $0 } ?? "")."))</p>
                """
        }
        if shown == 0 && !folded.isEmpty {
            html += """
                <p class="empty">\(w.say(vi: "Không có đơn vị nào có mã hoặc tên khớp với “\(search)”.",
                    en: "No unit's code or name matches “\(search)”.")) \(w.say(vi: "Tìm không cần dấu: “ky son” tìm được “Kỳ Sơn”.",
                    en: "Diacritics are optional: “ky son” finds “Kỳ Sơn”."))</p>
                """
        }
        if view.board == nil {
            let scale = NumberFormatting.plain(framework.scale)
            html += """
                <p class="muted">\(w.say(
                    vi: "Lần chấm nháp này không còn khớp dữ liệu hiện tại: các cột nhóm tiêu chí hiển thị điểm (thang \(scale)), không phải điểm quy đổi.",
                    en: "This draft run no longer matches the current values: pillar columns show scores (scale \(scale)), not points."))</p>
                """
        }
        return Page(title: w.ranking, body: html, context: context, path: request.uri.description).response()
    }
}

extension RunView {
    /// The `<tr>` of a result in the ranking table.
    static func row(
        _ r: StoredResult, pillarValues: [Double?], change: String, bands: BandColours?, period: String,
        decimals: Int, words w: Language
    ) -> HTML {
        let css: HTML = change.hasPrefix("↑") ? " class=\"up\"" : change.hasPrefix("↓") ? " class=\"down\"" : ""
        var row: HTML = "<tr><td class=\"num\">\(r.rank.map(String.init) ?? "—")</td><td>\(r.unit.code.rawValue)</td>"
        row +=
            "<td><a href=\"/units/\(urlEncode(r.unit.code.rawValue))?period=\(urlEncode(period))\">\(r.unit.name)</a></td>"
        row += "<td class=\"num\">\(w.number(r.published, decimals: decimals))</td>"
        if let bands {
            row += "<td>\(bands.badge(r.band, w))</td>"
        }
        for value in pillarValues { row += "<td class=\"num p\">\(w.number(value, decimals: decimals))</td>" }
        row += "<td\(css)>\(change)</td></tr>"
        return row
    }
}
