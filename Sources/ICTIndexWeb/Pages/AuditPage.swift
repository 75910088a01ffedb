import Hummingbird
import ICTIndexCore
import ICTIndexStorage

extension WebApp {
    /// `/admin/audit`: the latest 500 entries of the audit log that match the filters.
    func auditPage(_ request: Request, _ context: WebContext) throws -> Response {
        let w = Words(context.language)
        let since = request.query("since").flatMap { $0.isEmpty ? nil : $0 }
        let unit = request.query("unit").flatMap { $0.isEmpty ? nil : UnitCode($0) }
        let who = request.query("who") ?? ""
        let action = request.query("action") ?? ""
        let period = request.query("period") ?? ""
        let filter = AuditFilter(
            since: since, unit: unit, who: who.isEmpty ? nil : who, action: action.isEmpty ? nil : action,
            period: period.isEmpty ? nil : period)
        let total = try database.auditCount(filter)
        let entries = Array(try database.auditEntries(filter, last: 500).reversed())
        var html: HTML = "<form method=\"get\" action=\"/admin/audit\" class=\"filters\">"
        for (key, label) in [
            ("since", w.t("Từ ngày", "Since")), ("who", w.t("Người", "Who")), ("action", w.t("Hành động", "Action")),
            ("unit", w.unit), ("period", w.period),
        ] {
            html += """
                <label>\(label)<br><input type="\(key == "since" ? "date" : "text")" name="\(key)" value="\(request.query(key) ?? "")" style="max-width:11em"></label>
                """
        }
        html += """
            <button type="submit">\(w.t("Lọc", "Filter"))</button></form>\
            <p class="muted">\(w.t("\(total) mục; hiển thị \(entries.count) mục mới nhất", "\(total) entries; showing the latest \(entries.count)"))</p>\
            <div class="scroll"><table><thead><tr><th>#</th><th>\(w.t("Thời điểm", "At"))</th><th>\(w.t("Người", "Who"))</th>\
            <th>\(w.t("Hành động", "Action"))</th><th>\(w.period)</th><th>\(w.unit)</th><th>\(w.t("Biến", "Variable"))</th>\
            <th>\(w.t("Cũ", "Old"))</th><th>\(w.t("Mới", "New"))</th><th>\(w.t("Chi tiết", "Detail"))</th></tr></thead><tbody>
            """
        for e in entries {
            html += """
                <tr><td>\(e.id)</td><td>\(e.at)</td><td>\(e.who)</td><td>\(e.action)</td><td>\(e.period ?? "")</td>\
                <td>\(e.unit ?? "")</td><td>\(e.variable ?? "")</td><td>\(e.oldValue ?? "")</td><td>\(e.newValue ?? "")</td>\
                <td>\(e.detail ?? "")</td></tr>
                """
        }
        html += "</tbody></table></div>"
        return Page(title: w.auditLog, body: html, context: context, path: request.uri.description).response()
    }
}
