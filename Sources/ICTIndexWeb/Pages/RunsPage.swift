import Foundation
import Hummingbird
import ICTIndexCore
import ICTIndexService
import ICTIndexStorage
import OrderedCollections

extension WebApp {
    /// `/admin/runs`: the runs of a period (score, publish) and the comparison of two of them.
    func runsPage(_ request: Request, _ context: WebContext) throws -> Response {
        let view = try periodView(request, context)
        let (w, _, period) = view.unpacked
        let runs = try database.runs(forPeriod: period)
        let frozen = runs.contains { $0.status == .published }
        var html: HTML = """
            \(view.selector("/admin/runs"))\(scoreButton(period, frozen: frozen, context, w))\
            <table><thead><tr><th>\(w.say(vi: "Lần chấm", en: "Run"))</th><th>\(w.say(vi: "Bộ tiêu chí", en: "Criteria"))</th>\
            <th>\(w.say(vi: "Người chấm, thời điểm", en: "By, at"))</th><th>\(w.say(vi: "Trạng thái", en: "Status"))</th><th></th></tr></thead><tbody>
            """
        for r in runs {
            let state =
                r.status == .published
                ? w.say(vi: "đã công bố", en: "published") + " \(r.publishedAt ?? "")"
                : w.say(vi: "bản nháp", en: "draft")
                    + (r.isCurrent ? "" : " — " + w.say(vi: "số liệu đã thay đổi sau lần chấm", en: "values changed since"))
            html += """
                <tr><td>\(r.id)</td><td>\(r.frameworkID) \(r.edition ?? "") <span class="muted">\(String(r.frameworkSHA256.prefix(12)))</span></td>\
                <td>\(r.who), \(r.at)</td><td>\(state)</td><td>
                """
            if r.status == .draft && r.isCurrent && !frozen {
                html += """
                    <form method="post" action="/admin/publish" class="inline">\(csrfField(context))\
                    <input type="hidden" name="run" value="\(r.id)"><button type="submit" id="publish-\(r.id)">\(w.say(vi: "Công bố (khóa số liệu)", en: "Publish (freeze)"))</button></form>
                    """
            }
            html += "</td></tr>"
        }
        html += "</tbody></table>"
        // Comparing two runs, of this period or of two periods (year over year): each unit's score and rank in both.
        let all = try database.runs().sorted { ($0.period, $0.id) > ($1.period, $1.id) }
        html += """
            <h2>\(w.say(vi: "So sánh hai lần chấm", en: "Compare two runs"))</h2><form method="get" action="/admin/runs" class="filters">\
            <input type="hidden" name="period" value="\(period)">
            """
        for key in ["a", "b"] {
            let options = all.map {
                "<option value=\"\($0.id)\"\(" selected", if: request.query(key) == String($0.id))>\($0.period) — \(w.say(vi: "lần", en: "run")) \($0.id)</option>"
                    as HTML
            }
            html +=
                "<label>\(key.uppercased())<br><select name=\"\(key)\"><option value=\"\"></option>\(options)</select></label>"
        }
        html += "<button type=\"submit\">\(w.say(vi: "So sánh", en: "Compare"))</button></form>"
        if let a = Int(request.query("a") ?? ""), let b = Int(request.query("b") ?? ""), a != b {
            html += try comparison(a, b, w)
        }
        return Page(title: w.runs + " — " + period, body: html, context: context, path: request.uri.description)
            .response()
    }

    /// Two runs side by side, group by group, columns named by period and run: every unit whose score, rank or
    /// band differs, with the change of its score and the pillar that moved most; a unit renamed between them is
    /// matched with its former code, a merged one names its predecessors; units in only one of them; how many
    /// changed band.
    private func comparison(_ a: Int, _ b: Int, _ w: Language) throws -> HTML {
        let (va, vb) = (try runView(a), try runView(b))
        let (sa, sb) = (try database.runSummary(a), try database.runSummary(b))
        let labelA = "\(sa.period) (\(w.say(vi: "lần", en: "run")) \(a))"
        let labelB = "\(sb.period) (\(w.say(vi: "lần", en: "run")) \(b))"
        let decimals = va.framework.decimals
        let bandsA = va.bandColours
        let bandsB = vb.bandColours
        // Pillars of A, with their column in B (matched by id: the criteria may differ between the runs).
        let pillars = va.framework.pillars.enumerated().map { i, p in
            (name: p.name.text(w), a: i, b: vb.framework.pillars.firstIndex { $0.id == p.id })
        }
        func signed(_ x: Double) -> String { ChangeText.signed(x, decimals: decimals) }
        // Each result of B with its result in A: the same code, or else its predecessors found in A (following
        // units without a result further back); one predecessor is a rename, several a merger.
        let links = try database.predecessorLinks()
        func predecessors(_ code: UnitCode) -> [Int] {
            Lineage.nearestPredecessors(of: code, links: links) { va.positions[$0] }
        }
        var usedA: Set<Int> = []
        var differing = 0
        var bandChanges = 0
        var tables = HTML.empty
        let header: HTML = """
            <thead><tr><th>\(w.say(vi: "Mã", en: "Code"))</th><th>\(w.unit)</th>\
            <th class="num">\(w.score) \(labelA)</th><th class="num">\(w.rank) \(labelA)</th><th>\(w.band) \(labelA)</th>\
            <th class="num">\(w.score) \(labelB)</th><th class="num">\(w.rank) \(labelB)</th><th>\(w.band) \(labelB)</th>\
            <th class="num">\(w.say(vi: "Chênh lệch", en: "Difference"))</th><th>\(w.say(vi: "Nhóm tiêu chí thay đổi nhiều nhất", en: "Pillar that moved most"))</th>\
            </tr></thead>
            """
        func row(_ i: Int?, _ j: Int?, note: String) -> HTML {
            let r = i.map { va.results[$0] }
            let s = j.map { vb.results[$0] }
            let unit = s?.unit ?? r?.unit
            var delta = ""
            if let x = r?.published, let y = s?.published { delta = signed(y - x) }
            var moved = ""
            if let i, let j {
                let changes = pillars.compactMap { p -> (String, Double)? in
                    guard let column = p.b, let x = va.pillarValues[i][p.a], let y = vb.pillarValues[j][column] else {
                        return nil
                    }
                    return (p.name, y - x)
                }
                if let most = changes.max(by: { abs($0.1) < abs($1.1) }), abs(most.1) > 0 {
                    moved = "\(most.0) \(signed(most.1))"
                }
            }
            let noteHTML: HTML = note.isEmpty ? .empty : " <span class=\"muted\">(\(note))</span>"
            return """
                <tr><td>\(unit?.code.rawValue ?? "")</td><td>\(unit?.name ?? "")\(noteHTML)</td>\
                <td class="num">\(w.number(r?.published, decimals: decimals))</td><td class="num">\(r?.rank.map(String.init) ?? "—")</td><td>\(bandsA.badge(r?.band, w))</td>\
                <td class="num">\(w.number(s?.published, decimals: decimals))</td><td class="num">\(s?.rank.map(String.init) ?? "—")</td><td>\(bandsB.badge(s?.band, w))</td>\
                <td class="num">\(delta)</td><td>\(moved)</td></tr>
                """
        }
        var groups = Array(vb.framework.groups.values)
        for g in va.framework.groups.values where !groups.contains(where: { $0.id == g.id }) { groups.append(g) }
        var rowsByGroup: [GroupID: HTML] = [:]
        var countByGroup: [GroupID: Int] = [:]
        for j in vb.byRank {
            let s = vb.results[j]
            var i = va.positions[s.unit.code]
            var note = ""
            if i == nil {
                let found = predecessors(s.unit.code)
                if found.count == 1 {
                    i = found[0]
                    note = w.say(vi: "đổi tên từ ", en: "renamed from ") + va.results[found[0]].unit.code.rawValue
                } else if !found.isEmpty {
                    note =
                        w.say(vi: "sáp nhập từ ", en: "merged from ")
                        + found.map { va.results[$0].unit.code.rawValue }.joined(separator: ", ")
                }
            }
            if let i { usedA.insert(i) }
            let r = i.map { va.results[$0] }
            guard r?.published != s.published || r?.rank != s.rank || r?.band != s.band || !note.isEmpty else {
                continue
            }
            differing += 1
            if let r, r.band != s.band { bandChanges += 1 }
            rowsByGroup[s.unit.group, default: .empty] += row(i, j, note: note)
            countByGroup[s.unit.group, default: 0] += 1
        }
        // Units of A with no counterpart in B: merged into another unit, or gone.
        var successors: [UnitCode: UnitCode] = [:]
        for (successor, list) in links { for p in list { successors[p] = successor } }
        for i in va.byRank where !usedA.contains(i) {
            let r = va.results[i]
            differing += 1
            let note = successors[r.unit.code].map { w.say(vi: "sáp nhập vào ", en: "merged into ") + $0.rawValue } ?? ""
            rowsByGroup[r.unit.group, default: .empty] += row(i, nil, note: note)
            countByGroup[r.unit.group, default: 0] += 1
        }
        for g in groups {
            guard let rows = rowsByGroup[g.id] else { continue }
            tables += """
                <h3>\(g.name.text(w)) (\(countByGroup[g.id] ?? 0))</h3>\
                <div class="scroll"><table>\(header)<tbody>\(rows)</tbody></table></div>
                """
        }
        var html: HTML = """
            <p id="comparison">\(w.say(
                vi: "\(differing) đơn vị khác nhau giữa lần chấm \(a) và \(b); \(bandChanges) đơn vị đổi xếp loại.",
                en: "\(differing) units differ between runs \(a) and \(b); \(bandChanges) changed band."))</p>
            """
        html += tables
        return html
    }
}
