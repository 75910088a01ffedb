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
        let w = context.language
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
            <p>\(w.say(vi: "Mã", en: "Code")) <strong>\(code.rawValue)</strong> — \(w.group) \(groupName) — \(w.period) \(period)</p>
            <p style="font-size:1.3em">\(w.score): <strong>\(w.number(result.published, decimals: framework.decimals))</strong> / \(NumberFormatting.plain(framework.scale))
            — \(w.rank): <strong>\(rank)</strong>\(bandHTML ?? .empty)</p>
            """
        if let board = view.board, let scored = board.result(for: code) {
            html += Self.why(UnitWhy(board: board, unit: scored), framework: framework, group: groupName, w)
        }
        html += """
            <div class="cards"><div class="card"><h2>\(w.say(vi: "Hồ sơ theo nhóm tiêu chí", en: "Pillar profile"))</h2>
            """
        let profile = framework.pillars.compactMap { p -> (label: String, value: Double?, mean: Double?)? in
            guard let i = positions[p.id] else { return nil }
            return (p.name.text(language), result.nodeValues[i], mean(i))
        }
        html += Charts.profile(profile, scale: framework.scale, words: w)
        html += "</div><div class=\"card\"><h2>\(w.say(vi: "Diễn biến qua các kỳ", en: "Trend over periods"))</h2>"
        // The unit's own results, and in periods without one its predecessors' (renamed or merged), labelled.
        let links = try database.predecessorLinks()
        var history: [(period: String, results: [StoredResult])] = []
        for p in try database.periodsWithRuns() {
            guard let run = try? database.currentRun(forPeriod: p) else { continue }
            if let own = run == id ? result : try database.result(of: code, inRun: run) {
                history.append((p, [own]))
                continue
            }
            let found = try Lineage.nearestPredecessors(of: code, links: links) {
                try database.result(of: $0, inRun: run)
            }
            history.append((p, found))
        }
        // One line for the unit (through a single predecessor when renamed), one per merged predecessor.
        var main: [(period: String, value: Double?)] = []
        var merged: [UnitCode: (name: String, points: [(period: String, value: Double?)])] = [:]
        var mergedOrder: [UnitCode] = []
        for (p, results) in history {
            if results.count == 1 {
                main.append((p, results[0].published))
            } else {
                main.append((p, nil))
                for r in results {
                    if merged[r.unit.code] == nil { mergedOrder.append(r.unit.code) }
                    merged[r.unit.code, default: (r.unit.name, [])].points.append((p, r.published))
                }
            }
        }
        let periods = history.map(\.period)
        var series: [Charts.Series] = [Charts.Series(label: result.unit.name, points: main)]
        for c in mergedOrder {
            guard let m = merged[c] else { continue }
            let points = periods.map { p in (period: p, value: m.points.first { $0.period == p }?.value) }
            series.append(Charts.Series(label: w.say(vi: "trước sáp nhập: ", en: "before the merger: ") + m.name, points: points))
        }
        html += Charts.trend(series, scale: framework.scale)
        html += Self.history(history, unit: code, decimals: framework.decimals, w) + "</div></div>"

        // Strengths and weaknesses: the indicators furthest above and below the group's mean.
        var gaps: [(node: Node, value: Double, gap: Double)] = []
        for node in framework.indicators where framework.nodeApplies(node.id, to: result.unit.group) {
            guard let i = positions[node.id], let v = result.nodeValues[i], let m = mean(i) else { continue }
            gaps.append((node, v, v - m))
        }
        gaps.sort { $0.gap > $1.gap }
        func list(_ items: ArraySlice<(node: Node, value: Double, gap: Double)>, empty: String) -> HTML {
            guard !items.isEmpty else { return "<p class=\"muted\">\(empty)</p>" }
            let rows = items.map {
                """
                <tr><td>\($0.node.name.text(language))</td><td class="num">\(w.number($0.value, decimals: framework.decimals))</td>\
                <td class="num">\($0.gap >= 0 ? "+" : "−")\(w.number(abs($0.gap), decimals: framework.decimals))</td></tr>
                """ as HTML
            }
            return """
                <table><tr><th>\(w.say(vi: "Tiêu chí", en: "Indicator"))</th><th class="num">\(w.score)</th>\
                <th class="num">\(w.say(vi: "so với TB khối", en: "vs group mean"))</th></tr>\(rows)</table>
                """
        }
        html += """
            <div class="cards"><div class="card"><h2>\(w.say(vi: "Điểm mạnh", en: "Strengths"))</h2>\(list(gaps.filter { $0.gap > 0 }.prefix(5), empty: w.say(vi: "Không có tiêu chí nào trên trung bình khối.", en: "No indicator is above the group's mean.")))</div>\
            <div class="card"><h2>\(w.say(vi: "Điểm yếu", en: "Weaknesses"))</h2>\(list(gaps.filter { $0.gap < 0 }.reversed().prefix(5), empty: w.say(vi: "Không có tiêu chí nào dưới trung bình khối.", en: "No indicator is below the group's mean.")))</div></div>\
            <h2>\(w.say(vi: "Giải thích từng điểm", en: "Explanation of every point"))</h2>
            """
        if let explanation = view.board?.explain(code, language: language) {
            html += """
                <details><summary>\(w.say(vi: "Mở để xem cách tính từng điểm", en: "Open to see how every point was computed"))</summary>\
                <pre class="explain">\(explanation.description)</pre></details>
                """
        } else {
            html += """
                <p class="muted">\(w.say(
                    vi: "Lần chấm nháp này không còn khớp dữ liệu hiện tại nên không giải thích được; hãy chấm lại.",
                    en: "This draft run no longer matches the current values, so it cannot be explained; score the period again."))</p>
                """
        }
        return Page(title: result.unit.name, body: html, context: context, path: request.uri.description).response()
    }

    /// Where the unit lost most points (indicator, points / max points, its value and the group's mean), then
    /// its strongest and weakest pillars against the group.
    static func why(_ why: UnitWhy, framework: Framework, group: String, _ w: Language) -> HTML {
        let language = w
        let decimals = framework.decimals
        var html: HTML = "<h2>\(w.say(vi: "Mất nhiều điểm nhất ở", en: "Where most points were lost"))</h2>"
        if why.losses.isEmpty {
            html +=
                "<p>\(w.say(vi: "Đơn vị đạt điểm tối đa ở mọi tiêu chí được tính.", en: "The unit has full points on every counted indicator."))</p>"
        } else {
            html += """
                <div class="scroll"><table class="why"><thead><tr><th>\(w.say(vi: "Tiêu chí", en: "Indicator"))</th>\
                <th class="num">\(w.say(vi: "Điểm / tối đa", en: "Points / max"))</th><th class="num">\(w.say(vi: "Giá trị", en: "Value"))</th>\
                <th class="num">\(w.say(vi: "TB khối", en: "Group mean"))</th></tr></thead><tbody>
                """
            for loss in why.losses {
                let unit = framework.variables[VariableID(loss.node.id.rawValue)]?.unitOfMeasure
                let pillar: HTML =
                    loss.pillar.map { "<span class=\"muted\">\($0.name.text(language)) › </span>" } ?? .empty
                html += """
                    <tr><td>\(pillar)\(loss.node.name.text(language))</td>\
                    <td class="num"><strong>\(w.number(loss.points, decimals: decimals))</strong> / \(w.number(loss.maxPoints, decimals: decimals))</td>\
                    <td class="num">\(UnitWhy.valueText(loss.value, node: loss.node, unit: unit))</td>\
                    <td class="num">\(UnitWhy.valueText(loss.groupMean, node: loss.node, unit: unit))</td></tr>
                    """
            }
            html += "</tbody></table></div>"
        }
        func line(_ label: String, _ gap: UnitWhy.PillarGap, _ css: HTML) -> HTML {
            let delta = ChangeText.signed(gap.gap, decimals: decimals)
            return """
                <li>\(label): <strong>\(gap.node.name.text(language))</strong> — \(w.number(gap.value, decimals: decimals)) \
                (\(w.say(vi: "khối", en: "group")) \(group): \(w.number(gap.groupMean, decimals: decimals)), <span class="\(css)">\(delta)</span>)</li>
                """
        }
        var pillars: [HTML] = []
        if let s = why.strongest {
            pillars.append(
                line(w.say(vi: "Mạnh nhất so với khối", en: "Strongest against the group"), s, s.gap < 0 ? "down" : "up"))
        }
        if let x = why.weakest {
            pillars.append(line(w.say(vi: "Yếu nhất so với khối", en: "Weakest against the group"), x, x.gap < 0 ? "down" : "up"))
        }
        if !pillars.isEmpty { html += "<ul class=\"plain\">\(pillars)</ul>" }
        return html
    }

    /// The unit's results period by period; where it had none, its predecessors' with how they relate.
    static func history(
        _ history: [(period: String, results: [StoredResult])], unit: UnitCode, decimals: Int, _ w: Language
    ) -> HTML {
        var rows = HTML.empty
        for (period, results) in history.reversed() {
            if results.isEmpty {
                rows +=
                    "<tr><td>\(period)</td><td colspan=\"3\" class=\"muted\">\(w.say(vi: "chưa có kết quả", en: "no result"))</td></tr>"
                continue
            }
            for r in results {
                let note: String
                if r.unit.code == unit {
                    note = ""
                } else if results.count == 1 {
                    note =
                        w.say(vi: "tên cũ / đơn vị tiền thân: ", en: "former name / predecessor: ")
                        + "\(r.unit.name) (\(r.unit.code))"
                } else {
                    note = w.say(vi: "trước sáp nhập: ", en: "before the merger: ") + "\(r.unit.name) (\(r.unit.code))"
                }
                let rank = r.rank.map { "\($0)/\(r.rankedCount)" } ?? "—"
                rows += """
                    <tr><td>\(period)</td><td class="num">\(w.number(r.published, decimals: decimals))</td>\
                    <td class="num">\(rank)</td><td>\(note)</td></tr>
                    """
            }
        }
        return """
            <div class="scroll"><table class="history"><thead><tr><th>\(w.period)</th><th class="num">\(w.score)</th>\
            <th class="num">\(w.rank)</th><th>\(w.say(vi: "Ghi chú", en: "Note"))</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }
}
