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
            <table><thead><tr><th>\(w.t("Lần chấm", "Run"))</th><th>\(w.t("Bộ tiêu chí", "Criteria"))</th>\
            <th>\(w.t("Người chấm, thời điểm", "By, at"))</th><th>\(w.t("Trạng thái", "Status"))</th><th></th></tr></thead><tbody>
            """
        for r in runs {
            let state =
                r.status == .published
                ? w.t("đã công bố", "published") + " \(r.publishedAt ?? "")"
                : w.t("bản nháp", "draft")
                    + (r.isCurrent ? "" : " — " + w.t("số liệu đã thay đổi sau lần chấm", "values changed since"))
            html += """
                <tr><td>\(r.id)</td><td>\(r.frameworkID) \(r.edition ?? "") <span class="muted">\(String(r.frameworkSHA256.prefix(12)))</span></td>\
                <td>\(r.who), \(r.at)</td><td>\(state)</td><td>
                """
            if r.status == .draft && r.isCurrent && !frozen {
                html += """
                    <form method="post" action="/admin/publish" class="inline">\(csrfField(context))\
                    <input type="hidden" name="run" value="\(r.id)"><button type="submit" id="publish-\(r.id)">\(w.t("Công bố (khóa số liệu)", "Publish (freeze)"))</button></form>
                    """
            }
            html += "</td></tr>"
        }
        html += "</tbody></table>"
        // Comparing two runs: each unit's score and rank in both.
        let ids = runs.map(\.id)
        html += """
            <h2>\(w.t("So sánh hai lần chấm", "Compare two runs"))</h2><form method="get" action="/admin/runs" class="filters">\
            <input type="hidden" name="period" value="\(period)">
            """
        for key in ["a", "b"] {
            let options = ids.map {
                "<option\(" selected", if: request.query(key) == String($0))>\($0)</option>" as HTML
            }
            html +=
                "<label>\(key.uppercased())<br><select name=\"\(key)\"><option value=\"\"></option>\(options)</select></label>"
        }
        html += "<button type=\"submit\">\(w.t("So sánh", "Compare"))</button></form>"
        if let a = Int(request.query("a") ?? ""), let b = Int(request.query("b") ?? ""), a != b {
            html += try comparison(a, b, w)
        }
        return Page(title: w.runs + " — " + period, body: html, context: context, path: request.uri.description)
            .response()
    }

    /// Two runs side by side: every unit whose score, rank or band differs, with the change of its score and the
    /// pillar that moved most; units scored in only one of them; how many changed band.
    private func comparison(_ a: Int, _ b: Int, _ w: Words) throws -> HTML {
        let (va, vb) = (try runView(a), try runView(b))
        let decimals = va.framework.decimals
        let bandNames = Dictionary(
            (va.framework.bands + vb.framework.bands).map { ($0.id, $0.name.text(w.language)) },
            uniquingKeysWith: { x, _ in x })
        func band(_ r: StoredResult?) -> String { r?.band.map { bandNames[$0] ?? $0.rawValue } ?? "—" }
        // Pillars of A, with their column in B (matched by id: the criteria may differ between the runs).
        let pillars = va.framework.pillars.enumerated().map { i, p in
            (name: p.name.text(w.language), a: i, b: vb.framework.pillars.firstIndex { $0.id == p.id })
        }
        func signed(_ x: Double) -> String { ChangeText.signed(x, decimals: decimals) }
        var rows = HTML.empty
        var differing = 0
        var bandChanges = 0
        for i in va.byRank {
            let r = va.results[i]
            let other = vb.positions[r.unit.code]
            let s = other.map { vb.results[$0] }
            guard s?.published != r.published || s?.rank != r.rank || s?.band != r.band else { continue }
            differing += 1
            if let s, s.band != r.band { bandChanges += 1 }
            var delta = ""
            if let x = r.published, let y = s?.published { delta = signed(y - x) }
            var moved = ""
            if let j = other {
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
            rows += """
                <tr><td>\(r.unit.code.rawValue)</td><td>\(r.unit.name)</td>\
                <td class="num">\(w.number(r.published, decimals: decimals))</td><td class="num">\(r.rank.map(String.init) ?? "—")</td><td>\(band(r))</td>\
                <td class="num">\(w.number(s?.published, decimals: decimals))</td><td class="num">\(s?.rank.map(String.init) ?? "—")</td><td>\(band(s))</td>\
                <td class="num">\(delta)</td><td>\(moved)</td></tr>
                """
        }
        let onlyB = vb.byRank.map { vb.results[$0] }.filter { va.positions[$0.unit.code] == nil }
        for s in onlyB {
            differing += 1
            rows += """
                <tr><td>\(s.unit.code.rawValue)</td><td>\(s.unit.name)</td><td class="num">—</td><td class="num">—</td><td>—</td>\
                <td class="num">\(w.number(s.published, decimals: decimals))</td><td class="num">\(s.rank.map(String.init) ?? "—")</td><td>\(band(s))</td><td></td><td></td></tr>
                """
        }
        var html: HTML = """
            <p id="comparison">\(w.t(
                "\(differing) đơn vị khác nhau giữa lần chấm \(a) và \(b); \(bandChanges) đơn vị đổi xếp loại.",
                "\(differing) units differ between runs \(a) and \(b); \(bandChanges) changed band."))</p>
            """
        if differing > 0 {
            html += """
                <div class="scroll"><table><thead><tr><th>\(w.t("Mã", "Code"))</th><th>\(w.unit)</th>\
                <th class="num">\(w.score) \(a)</th><th class="num">\(w.rank) \(a)</th><th>\(w.band) \(a)</th>\
                <th class="num">\(w.score) \(b)</th><th class="num">\(w.rank) \(b)</th><th>\(w.band) \(b)</th>\
                <th class="num">\(w.t("Chênh lệch", "Difference"))</th><th>\(w.t("Nhóm tiêu chí thay đổi nhiều nhất", "Pillar that moved most"))</th>\
                </tr></thead><tbody>\(rows)</tbody></table></div>
                """
        }
        return html
    }
}
