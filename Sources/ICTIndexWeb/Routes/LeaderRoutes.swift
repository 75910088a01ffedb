import Foundation
import Hummingbird
import ICTIndexCore
import ICTIndexCriteria
import OrderedCollections
import ICTIndexService
import ICTIndexStorage
import NIOCore
import XLSXWriter

extension WebApp {
    /// `/ranking` and `/export`, for leaders and admins (the unit pages are in ``addSignedInRoutes(to:)``).
    func addLeaderRoutes(to group: RouterGroup<WebContext>) {
        group.get("/ranking") { request, context in try self.ranking(request, context) }
        group.get("/export") { request, context in try self.export(request, context) }
    }

    private func ranking(_ request: Request, _ context: WebContext) throws -> Response {
        let w = Words(context.language)
        let periods = try database.periodsWithRuns()
        guard let period = try self.period(request.query("period")), periods.contains(period) else {
            return Page(title: w.ranking, body: "<p>\(w.t("Chưa có lần chấm nào.", "No run has been recorded yet."))</p>",
                        context: context, path: "/ranking").response()
        }
        let id = try database.currentRun(forPeriod: period)
        let summary = try database.runSummary(id)
        let view = try runView(id)
        let framework = view.framework
        let pillars = framework.pillars
        let groupFilter = request.query("group") ?? ""
        let search = (request.query("q") ?? "").lowercased()
        let sort = request.query("sort") ?? "rank"

        var html = """
            <form method="get" action="/ranking" class="filters">
            <label>\(w.period)<br><select name="period">\(periods.reversed().map { "<option\($0 == period ? " selected" : "")>\(esc($0))</option>" }.joined())</select></label>
            <label>\(w.group)<br><select name="group"><option value="">\(w.t("Tất cả", "All"))</option>\(framework.groups.values.map { "<option value=\"\(esc($0.id.rawValue))\"\($0.id.rawValue == groupFilter ? " selected" : "")>\(esc($0.name.text(context.language)))</option>" }.joined())</select></label>
            <label>\(w.t("Tìm", "Search"))<br><input type="search" name="q" value="\(esc(request.query("q") ?? ""))"></label>
            <label>\(w.t("Sắp xếp", "Sort"))<br><select name="sort">\(([("rank", w.rank), ("score", w.score), ("name", w.t("Tên", "Name")), ("code", w.t("Mã", "Code"))] + pillars.map { ($0.id.rawValue, $0.name.text(context.language)) }).map { "<option value=\"\(esc($0.0))\"\($0.0 == sort ? " selected" : "")>\(esc($0.1))</option>" }.joined())</select></label>
            <button type="submit">\(w.t("Xem", "Show"))</button>
            <a class="button" href="/export?period=\(urlEncode(period))">\(w.t("Tải bảng Excel", "Download Excel"))</a>
            </form>
            <p class="muted">\(esc(framework.name.text(context.language))) — \(w.period) \(esc(period)); \(w.t("lần chấm", "run")) \(id), \(summary.status == .published ? w.t("đã công bố", "published") : w.t("bản nháp", "draft"))\(view.changes.values.first.map { "; " + w.t("so với kỳ", "change vs") + " " + esc($0.previousPeriod) } ?? "")</p>
            """
        // The order asked for, as positions in the run's results; a pillar sorts by its points, highest first.
        let order: [Int]
        switch sort {
        case "name": order = view.byName
        case "code": order = view.byCode
        case "score", "rank": order = view.byRank
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
        let rows = view.rows(context.language, period: period)
        var header = "<tr><th class=\"num\">\(w.rank)</th><th>\(w.t("Mã", "Code"))</th><th>\(w.unit)</th><th class=\"num\">\(w.score)</th>"
        if !framework.bands.isEmpty { header += "<th>\(w.band)</th>" }
        for p in pillars { header += "<th class=\"num p\" title=\"\(esc(p.name.text(context.language)))\">\(esc(short(p.name.text(context.language))))</th>" }
        header += "<th>\(w.change)</th></tr>"
        for group in framework.groups.values where groupFilter.isEmpty || group.id.rawValue == groupFilter {
            let members = order.filter {
                view.results[$0].unit.group == group.id && (search.isEmpty || view.searchText[$0].contains(search))
            }
            guard !members.isEmpty else { continue }
            html += "<h2>\(esc(group.name.text(context.language))) (\(members.count))\(group.ranked ? "" : " — " + w.t("không xếp hạng", "not ranked"))</h2>"
            html += "<div class=\"scroll\"><table class=\"ranking\"><thead>\(header)</thead><tbody>"
            html += members.map { rows[$0] }.joined()
            html += "</tbody></table></div>"
        }
        if view.board == nil {
            html += "<p class=\"muted\">\(w.t("Lần chấm nháp này không còn khớp dữ liệu hiện tại: các cột nhóm tiêu chí hiển thị điểm (thang \(NumberFormatting.plain(framework.scale))), không phải điểm quy đổi.", "This draft run no longer matches the current values: pillar columns show scores (scale \(NumberFormatting.plain(framework.scale))), not points."))</p>"
        }
        return Page(title: w.ranking, body: html, context: context, path: request.uri.description).response()
    }

    private func short(_ text: String) -> String { text.count > 18 ? String(text.prefix(17)) + "…" : text }

    func unitPage(_ request: Request, _ context: WebContext) throws -> Response {
        let user = try self.user(context)
        let w = Words(context.language)
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
        let groupName = framework.groups[result.unit.group]?.name.text(context.language) ?? result.unit.group.rawValue
        var html = """
            <p>\(w.t("Mã", "Code")) <strong>\(esc(code.rawValue))</strong> — \(w.group) \(esc(groupName)) — \(w.period) \(esc(period))</p>
            <p style="font-size:1.3em">\(w.score): <strong>\(w.number(result.published, decimals: framework.decimals))</strong> / \(NumberFormatting.plain(framework.scale))
            — \(w.rank): <strong>\(result.rank.map { "\($0)/\(result.rankedCount)" } ?? "—")</strong>\(band.map { " — \(w.band): <span class=\"band\">\(esc($0.name.text(context.language)))</span>" } ?? "")</p>
            <div class="cards"><div class="card"><h2>\(w.t("Hồ sơ theo nhóm tiêu chí", "Pillar profile"))</h2>
            """
        let profile = framework.pillars.compactMap { p -> (String, Double?, Double?)? in
            guard let i = positions[p.id] else { return nil }
            return (p.name.text(context.language), result.nodeValues[i], mean(i))
        }
        html += Charts.profile(profile.map { (label: $0.0, value: $0.1, mean: $0.2) }, scale: framework.scale, words: w)
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
        func list(_ items: ArraySlice<(node: Node, value: Double, gap: Double)>) -> String {
            "<table><tr><th>\(w.t("Tiêu chí", "Indicator"))</th><th class=\"num\">\(w.score)</th><th class=\"num\">\(w.t("so với TB khối", "vs group mean"))</th></tr>"
                + items.map { "<tr><td>\(esc($0.node.name.text(context.language)))</td><td class=\"num\">\(w.number($0.value, decimals: framework.decimals))</td><td class=\"num\">\($0.gap >= 0 ? "+" : "−")\(w.number(abs($0.gap), decimals: framework.decimals))</td></tr>" }.joined()
                + "</table>"
        }
        html += "<div class=\"cards\"><div class=\"card\"><h2>\(w.t("Điểm mạnh", "Strengths"))</h2>\(list(gaps.filter { $0.gap > 0 }.prefix(5)))</div>"
        html += "<div class=\"card\"><h2>\(w.t("Điểm yếu", "Weaknesses"))</h2>\(list(gaps.filter { $0.gap < 0 }.reversed().prefix(5)))</div></div>"
        html += "<h2>\(w.t("Giải thích từng điểm", "Explanation of every point"))</h2>"
        if let explanation = view.board?.explain(code, language: context.language) {
            html += "<pre class=\"explain\">\(esc(explanation.description))</pre>"
        } else {
            html += "<p class=\"muted\">\(w.t("Lần chấm nháp này không còn khớp dữ liệu hiện tại nên không giải thích được; hãy chấm lại.", "This draft run no longer matches the current values, so it cannot be explained; score the period again."))</p>"
        }
        return Page(title: result.unit.name, body: html, context: context, path: request.uri.description).response()
    }

    private func export(_ request: Request, _ context: WebContext) throws -> Response {
        guard let period = try self.period(request.query("period")) else { throw Self.noPeriod() }
        // A draft run made before the values changed cannot be exported as it was scored: 409, not a failure.
        let id = try database.currentRun(forPeriod: period)
        let summary = try database.runSummary(id)
        if summary.status == .draft && !summary.isCurrent {
            throw WebError(
                .conflict,
                vi: "Lần chấm nháp \(id) không còn khớp số liệu hiện tại của kỳ \(period): hãy chấm lại kỳ này rồi tải bảng Excel.",
                en: "Draft run \(id) no longer matches the current values of period \(period): score the period again, then download.")
        }
        let workbook = try ScoreboardExport(period: period, language: context.language, engineVersion: configuration.engineVersion)
            .spreadsheet(from: database)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ictindex-web-\(Tokens.random().prefix(16))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("scoreboard.xlsx")
        try XLSXWriter.write(workbook, to: file)
        let data = try Data(contentsOf: file)
        var headers = HTTPFields()
        headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        headers[.contentDisposition] = "attachment; filename=\"ictindex-\(period.filter { $0.isLetter || $0.isNumber || $0 == "-" }).xlsx\""
        headers[.cacheControl] = "no-store, private"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func noPeriod() -> WebError {
        WebError(.notFound, vi: "Chưa có kỳ đánh giá nào.", en: "There is no period yet.")
    }
}
