import Foundation
import Hummingbird
import ICTIndexCore
import ICTIndexService
import ICTIndexStorage
import OrderedCollections

extension WebApp {
    /// `/admin/appraise/{period}/{unit}`: each value of a unit as self-assessed, its evidence and its appraised
    /// value with the saved reason, with a decision (accept, or adjust with a reason) per value. Values whose
    /// appraised value differs from the self-assessed one are highlighted with both values; values without the
    /// evidence their variable requires are flagged; `only=diff` and `only=evidence` show just those.
    func appraisalPage(
        _ spec: FormSpec, _ context: WebContext, errors: [VariableID: [String]], message: String?,
        status: HTTPResponse.Status = .ok, only: String? = nil
    ) throws -> Response {
        let w = context.language
        let pairs = try database.valuePairs(forPeriod: spec.period, unit: spec.unit.code)
        let byVariable = Dictionary(uniqueKeysWithValues: pairs.map { ($0.variable, $0) })
        let own = try database.dataset(forPeriod: spec.period, unit: spec.unit, sources: [.selfAssessed])
        let state = try database.submissionStatus(period: spec.period, unit: spec.unit.code)
        let frozen = try database.publishedRun(forPeriod: spec.period) != nil
        let action = "/admin/appraise/\(urlEncode(spec.period))/\(urlEncode(spec.unit.code.rawValue))"
        let readOnly = frozen ? " — " + w.say(vi: "kỳ đã công bố, không sửa được", en: "period published, read-only") : ""
        var html: HTML = """
            <p>\(w.unit): <strong>\(spec.unit.name)</strong> (\(spec.unit.code.rawValue)) — \
            \(w.say(vi: "Trạng thái", en: "Status")): \(w.status(Self.shownStatus(
                state, selfAssessed: pairs.filter { $0.selfAssessed != nil }.count,
                appraised: pairs.filter { $0.appraised != nil }.count)))\(readOnly)</p>
            """
        if let message { html += "<p class=\"notice\">\(message)</p>" }
        let problems = errors.values.flatMap { $0 }
        if !problems.isEmpty {
            let items = spec.variables.flatMap { v in
                (errors[v.id] ?? []).map { "<li>\(v.name.text(w)): \($0)</li>" as HTML }
            }
            let heading = w.say(vi: "Chưa lưu: \(problems.count) lỗi", en: "Not saved: \(problems.count) problems")
            html += "<div class=\"errors\"><p><strong>\(heading)</strong></p><ul>\(items)</ul></div>"
        }
        let disabled: HTML = frozen ? " disabled" : ""
        // What each value needs the appraiser's eye for.
        var differs: Set<VariableID> = []
        var noEvidence: Set<VariableID> = []
        var evidences: [VariableID: Evidence] = [:]
        for v in spec.variables {
            let pair = byVariable[v.id]
            if let appraised = pair?.appraised, appraised != pair?.selfAssessed { differs.insert(v.id) }
            let e = Evidence(text: own[spec.unit.code, v.id]?.evidence)
            evidences[v.id] = e
            if v.evidence == .required, pair?.selfAssessed != nil, e?.isEmpty ?? true { noEvidence.insert(v.id) }
        }
        let appraisedCount = spec.variables.filter { byVariable[$0.id]?.appraised != nil }.count
        let filter = only == "diff" || only == "evidence" ? only ?? "" : ""
        let tabs: [(String, String, Int)] = [
            ("", w.say(vi: "Tất cả", en: "All"), spec.variables.count),
            ("diff", w.say(vi: "Chỉ giá trị khác tự đánh giá", en: "Only differences"), differs.count),
            ("evidence", w.say(vi: "Chỉ thiếu minh chứng bắt buộc", en: "Only missing evidence"), noEvidence.count),
        ]
        let links = tabs.map { key, label, n -> HTML in
            let href = action + (key.isEmpty ? "" : "?only=" + key)
            return "<a href=\"\(href)\"\(" class=\"on\" aria-current=\"page\"", if: key == filter)>\(label) (\(n))</a>"
        }
        html += """
            <p>\(w.say(vi: "Đã thẩm định", en: "Appraised")) \(appraisedCount)/\(spec.variables.count) · \
            \(w.say(vi: "Khác tự đánh giá", en: "Differ from the self-assessment")): <strong>\(differs.count)</strong> · \
            \(w.say(vi: "Thiếu minh chứng bắt buộc", en: "Missing required evidence")): <strong>\(noEvidence.count)</strong></p>
            <p class="tabs noprint">\(links.joined(separator: " "))</p>
            """
        let shown = spec.variables.filter {
            filter.isEmpty || (filter == "diff" && differs.contains($0.id))
                || (filter == "evidence" && noEvidence.contains($0.id))
        }
        if shown.isEmpty {
            html +=
                "<p class=\"notice\">\(filter == "diff" ? w.say(vi: "Không có giá trị thẩm định nào khác giá trị tự đánh giá.", en: "No appraised value differs from the self-assessed one.") : w.say(vi: "Không có giá trị nào thiếu tài liệu kiểm chứng bắt buộc.", en: "No value lacks required evidence."))</p>"
        }
        html += """
            <form method="post" action="\(action)">\(csrfField(context))\
            <div class="scroll"><table><thead><tr><th>\(w.say(vi: "Biến", en: "Variable"))</th><th>\(w.say(vi: "Tự đánh giá", en: "Self-assessed"))</th>\
            <th>\(w.say(vi: "Tài liệu kiểm chứng", en: "Evidence"))</th><th>\(w.say(vi: "Thẩm định", en: "Appraised"))</th>\
            <th>\(w.say(vi: "Quyết định", en: "Decision"))</th><th>\(w.say(vi: "Giá trị điều chỉnh", en: "Adjusted value"))</th>\
            <th>\(w.say(vi: "Lý do", en: "Reason"))</th></tr></thead><tbody>
            """
        for v in shown {
            let id = v.id.rawValue
            let pair = byVariable[v.id]
            var evidence = HTML.empty
            if let e = evidences[v.id] ?? nil {
                evidence = HTML(text: [e.number, e.title, e.date, e.summary].compactMap { $0 }.joined(separator: "; "))
                if let link = e.link { evidence += " <span class=\"muted\">\(link)</span>" }
                if let file = e.file {
                    let parts = file.split(separator: " ", maxSplits: 1)
                    let name = parts.count > 1 ? String(parts[1]) : "file"
                    evidence += " <a href=\"/files/\(urlEncode(String(parts[0])))\">\(name)</a>"
                }
            }
            if noEvidence.contains(v.id) {
                evidence +=
                    "<span class=\"flag\">\(w.say(vi: "thiếu minh chứng bắt buộc", en: "required evidence missing"))</span>"
            }
            let errorLines = (errors[v.id] ?? []).map { "<div class=\"error\">\($0)</div>" as HTML }
            let differ = differs.contains(v.id)
            let selfText = pair?.selfAssessed.map { Self.formText($0, v) } ?? "—"
            var appraisedCell: HTML = "\(pair?.appraised.map { Self.formText($0, v) } ?? "—")"
            if differ {
                appraisedCell +=
                    " <span class=\"flag\">\(w.say(vi: "khác", en: "differs")): \(selfText) → \(pair?.appraised.map { Self.formText($0, v) } ?? "—")</span>"
            }
            if let reason = pair?.reason {
                appraisedCell += "<div class=\"reason\">\(w.say(vi: "Lý do", en: "Reason")): \(reason)</div>"
            }
            html += """
                <tr id="a-\(id)"\(" class=\"diff\"", if: differ)><td>\(v.name.text(w)) <span class="muted">[\(id)]</span>\(errorLines)</td>\
                <td\(" class=\"changed\"", if: differ)>\(selfText)</td><td>\(evidence)</td>\
                <td\(" class=\"changed\"", if: differ)>\(appraisedCell)</td>\
                <td><select name="d.\(id)"\(disabled)><option value="">—</option><option value="accept">\(w.say(vi: "Chấp nhận", en: "Accept"))</option>\
                <option value="adjust">\(w.say(vi: "Điều chỉnh", en: "Adjust"))</option></select></td>\
                <td><input type="text" name="n.\(id)" style="max-width:9em"\(disabled)></td>\
                <td><input type="text" name="r.\(id)"\(disabled)></td></tr>
                """
        }
        html += "</tbody></table></div>"
        if !frozen {
            html += """
                <p><button type="submit" id="appraise">\(w.say(vi: "Ghi quyết định thẩm định", en: "Record decisions"))</button> \
                <button type="submit" class="secondary" name="all" value="accept">\(w.say(vi: "Chấp nhận mọi giá trị chưa quyết định", en: "Accept every value not decided"))</button></p>
                """
        }
        html += "</form>"
        return Page(
            title: w.say(vi: "Thẩm định", en: "Appraisal") + " \(spec.period)", body: html, context: context, path: action,
            status: status
        ).response()
    }
}
