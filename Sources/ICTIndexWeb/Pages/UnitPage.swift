import Foundation
import Hummingbird
import ICTIndexCore
import ICTIndexService
import ICTIndexStorage
import OrderedCollections

extension WebApp {
    /// `/units/{code}`: a unit's result in the current run of a period, its pillar profile against its group,
    /// its trend, strengths and weaknesses, and the explanation of every point. An agency sees its own unit only.
    func unitPage(_ request: Request, _ context: WebContext) throws -> Response {
        let user = try self.user(context)
        let w = Words(context.language)
        let language = context.language
        let code = UnitCode(try parameter(context, "code"))
        if user.role == .agency && user.unit != code {
            let own = user.unit?.rawValue ?? ""
            throw WebError(
                .forbidden, vi: "Tài khoản của đơn vị \(own) chỉ xem được kết quả của đơn vị mình.",
                en: "An account of unit \(own) may only see its own unit's results.")
        }
        guard let period = try self.period(request.query("period")) else { throw Self.noPeriod() }
        let id = try database.currentRun(forPeriod: period)
        let view = try runView(id)
        guard let result = view.result(code) else {
            throw WebError(
                .notFound, vi: "Đơn vị '\(code)' không có trong lần chấm \(id) (kỳ \(period)).",
                en: "Unit '\(code)' is not in run \(id) (period \(period)).")
        }
        let framework = view.framework
        let positions = Dictionary(uniqueKeysWithValues: framework.nodes.keys.enumerated().map { ($1, $0) })
        func mean(_ position: Int) -> Double? { view.groupMean(result.unit.group, node: position) }
        let band = result.band.flatMap { id in framework.bands.first { $0.id == id } }
        let groupName = framework.groups[result.unit.group]?.name.text(language) ?? result.unit.group.rawValue
        let rank = result.rank.map { "\($0)/\(result.rankedCount)" } ?? "—"
        let bandHTML = band.map { " — \(w.band): \(view.bandColours.badge($0.id, language))" as HTML }
        var html = Self.draftBanner(try database.runSummary(id), w)
        html += """
            <p>\(w.t("Mã", "Code")) <strong>\(code.rawValue)</strong> — \(w.group) \(groupName) — \(w.period) \(period)</p>
            <p style="font-size:1.3em">\(w.score): <strong>\(w.number(result.published, decimals: framework.decimals))</strong> / \(NumberFormatting.plain(framework.scale))
            — \(w.rank): <strong>\(rank)</strong>\(bandHTML ?? .empty)</p>
            <div class="cards"><div class="card"><h2>\(w.t("Hồ sơ theo nhóm tiêu chí", "Pillar profile"))</h2>
            """
        let profile = framework.pillars.compactMap { p -> (label: String, value: Double?, mean: Double?)? in
            guard let i = positions[p.id] else { return nil }
            return (p.name.text(language), result.nodeValues[i], mean(i))
        }
        html += Charts.profile(profile, scale: framework.scale, words: w)
        html += "</div><div class=\"card\"><h2>\(w.t("Diễn biến qua các kỳ", "Trend over periods"))</h2>"
        var trend: [(period: String, value: Double?)] = []
        for p in try database.periodsWithRuns() {
            guard let run = try? database.currentRun(forPeriod: p) else { continue }
            let published = run == id ? result.published : try database.result(of: code, inRun: run)?.published
            trend.append((p, published))
        }
        html += Charts.trend(trend, scale: framework.scale) + "</div></div>"

        // Strengths and weaknesses: the indicators furthest above and below the group's mean.
        var gaps: [(node: Node, value: Double, gap: Double)] = []
        for node in framework.indicators where framework.nodeApplies(node.id, to: result.unit.group) {
            guard let i = positions[node.id], let v = result.nodeValues[i], let m = mean(i) else { continue }
            gaps.append((node, v, v - m))
        }
        gaps.sort { $0.gap > $1.gap }
        func list(_ items: ArraySlice<(node: Node, value: Double, gap: Double)>) -> HTML {
            let rows = items.map {
                """
                <tr><td>\($0.node.name.text(language))</td><td class="num">\(w.number($0.value, decimals: framework.decimals))</td>\
                <td class="num">\($0.gap >= 0 ? "+" : "−")\(w.number(abs($0.gap), decimals: framework.decimals))</td></tr>
                """ as HTML
            }
            return """
                <table><tr><th>\(w.t("Tiêu chí", "Indicator"))</th><th class="num">\(w.score)</th>\
                <th class="num">\(w.t("so với TB khối", "vs group mean"))</th></tr>\(rows)</table>
                """
        }
        html += """
            <div class="cards"><div class="card"><h2>\(w.t("Điểm mạnh", "Strengths"))</h2>\(list(gaps.filter { $0.gap > 0 }.prefix(5)))</div>\
            <div class="card"><h2>\(w.t("Điểm yếu", "Weaknesses"))</h2>\(list(gaps.filter { $0.gap < 0 }.reversed().prefix(5)))</div></div>\
            <h2>\(w.t("Giải thích từng điểm", "Explanation of every point"))</h2>
            """
        if let explanation = view.board?.explain(code, language: language) {
            html += "<pre class=\"explain\">\(explanation.description)</pre>"
        } else {
            html += """
                <p class="muted">\(w.t(
                    "Lần chấm nháp này không còn khớp dữ liệu hiện tại nên không giải thích được; hãy chấm lại.",
                    "This draft run no longer matches the current values, so it cannot be explained; score the period again."))</p>
                """
        }
        return Page(title: result.unit.name, body: html, context: context, path: request.uri.description).response()
    }
}
