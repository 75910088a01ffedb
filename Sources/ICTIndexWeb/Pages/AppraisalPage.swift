import Foundation
import Hummingbird
import ICTIndexCore
import ICTIndexService
import ICTIndexStorage
import OrderedCollections

extension WebApp {
    /// `/admin/appraise/{period}/{unit}`: each value of a unit as self-assessed, its evidence and its appraised
    /// value, with a decision (accept, or adjust with a reason) per value.
    func appraisalPage(
        _ spec: FormSpec, _ context: WebContext, errors: [VariableID: [String]], message: String?,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let w = Words(context.language)
        let lang = context.language
        let pairs = try database.valuePairs(forPeriod: spec.period, unit: spec.unit.code)
        let byVariable = Dictionary(uniqueKeysWithValues: pairs.map { ($0.variable, $0) })
        let own = try database.dataset(forPeriod: spec.period, unit: spec.unit, sources: [.selfAssessed])
        let state = try database.submissionStatus(period: spec.period, unit: spec.unit.code)
        let frozen = try database.publishedRun(forPeriod: spec.period) != nil
        let action = "/admin/appraise/\(urlEncode(spec.period))/\(urlEncode(spec.unit.code.rawValue))"
        let readOnly = frozen ? " — " + w.t("kỳ đã công bố, không sửa được", "period published, read-only") : ""
        var html: HTML = """
            <p>\(w.unit): <strong>\(spec.unit.name)</strong> (\(spec.unit.code.rawValue)) — \
            \(w.t("Trạng thái", "Status")): \(w.status(state))\(readOnly)</p>
            """
        if let message { html += "<p class=\"notice\">\(message)</p>" }
        let problems = errors.values.flatMap { $0 }
        if !problems.isEmpty {
            let items = spec.variables.flatMap { v in
                (errors[v.id] ?? []).map { "<li>\(v.name.text(lang)): \($0)</li>" as HTML }
            }
            let heading = w.t("Chưa lưu: \(problems.count) lỗi", "Not saved: \(problems.count) problems")
            html += "<div class=\"errors\"><p><strong>\(heading)</strong></p><ul>\(items)</ul></div>"
        }
        let disabled: HTML = frozen ? " disabled" : ""
        html += """
            <form method="post" action="\(action)">\(csrfField(context))\
            <div class="scroll"><table><thead><tr><th>\(w.t("Biến", "Variable"))</th><th>\(w.t("Tự đánh giá", "Self-assessed"))</th>\
            <th>\(w.t("Tài liệu kiểm chứng", "Evidence"))</th><th>\(w.t("Thẩm định", "Appraised"))</th>\
            <th>\(w.t("Quyết định", "Decision"))</th><th>\(w.t("Giá trị điều chỉnh", "Adjusted value"))</th>\
            <th>\(w.t("Lý do", "Reason"))</th></tr></thead><tbody>
            """
        for v in spec.variables {
            let id = v.id.rawValue
            let pair = byVariable[v.id]
            var evidence = HTML.empty
            if let e = Evidence(text: own[spec.unit.code, v.id]?.evidence) {
                evidence = HTML(text: [e.number, e.title, e.date, e.summary].compactMap { $0 }.joined(separator: "; "))
                if let link = e.link { evidence += " <span class=\"muted\">\(link)</span>" }
                if let file = e.file {
                    let parts = file.split(separator: " ", maxSplits: 1)
                    let name = parts.count > 1 ? String(parts[1]) : "file"
                    evidence += " <a href=\"/files/\(urlEncode(String(parts[0])))\">\(name)</a>"
                }
            }
            let errorLines = (errors[v.id] ?? []).map { "<div class=\"error\">\($0)</div>" as HTML }
            html += """
                <tr id="a-\(id)"><td>\(v.name.text(lang)) <span class="muted">[\(id)]</span>\(errorLines)</td>\
                <td>\(pair?.selfAssessed.map { Self.formText($0, v) } ?? "—")</td><td>\(evidence)</td>\
                <td>\(pair?.appraised.map { Self.formText($0, v) } ?? "—")</td>\
                <td><select name="d.\(id)"\(disabled)><option value="">—</option><option value="accept">\(w.t("Chấp nhận", "Accept"))</option>\
                <option value="adjust">\(w.t("Điều chỉnh", "Adjust"))</option></select></td>\
                <td><input type="text" name="n.\(id)" style="max-width:9em"\(disabled)></td>\
                <td><input type="text" name="r.\(id)"\(disabled)></td></tr>
                """
        }
        html += "</tbody></table></div>"
        if !frozen {
            html += """
                <p><button type="submit" id="appraise">\(w.t("Ghi quyết định thẩm định", "Record decisions"))</button> \
                <button type="submit" class="secondary" name="all" value="accept">\(w.t("Chấp nhận mọi giá trị chưa quyết định", "Accept every value not decided"))</button></p>
                """
        }
        html += "</form>"
        return Page(
            title: w.t("Thẩm định", "Appraisal") + " \(spec.period)", body: html, context: context, path: action,
            status: status
        ).response()
    }
}
