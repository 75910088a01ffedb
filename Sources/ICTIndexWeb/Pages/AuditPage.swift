import Foundation
import Hummingbird
import ICTIndexCore
import ICTIndexStorage

extension WebApp {
    /// `/admin/audit`: the latest 500 entries of the audit log that match the filters, in words (Vietnamese, or
    /// English with `?lang=en`) and in Vietnam's local time.
    func auditPage(_ request: Request, _ context: WebContext) throws -> Response {
        let w = Words(context.language)
        let sinceText = request.query("since").flatMap { $0.isEmpty ? nil : $0 }
        let unit = request.query("unit").flatMap { $0.isEmpty ? nil : UnitCode($0) }
        let who = request.query("who") ?? ""
        let action = request.query("action") ?? ""
        let period = request.query("period") ?? ""
        let filter = AuditFilter(
            since: sinceText.map { Self.utcStart(ofLocalDay: $0) }, unit: unit, who: who.isEmpty ? nil : who,
            action: action.isEmpty ? nil : action, period: period.isEmpty ? nil : period)
        let total = try database.auditCount(filter)
        let entries = Array(try database.auditEntries(filter, last: 500).reversed())
        var html: HTML = "<form method=\"get\" action=\"/admin/audit\" class=\"filters\">"
        html += """
            <label>\(w.t("Từ ngày", "Since"))<br><input type="date" name="since" value="\(sinceText ?? "")" style="max-width:11em"></label>
            """
        for (key, label) in [("who", w.t("Người", "Who")), ("unit", w.unit), ("period", w.period)] {
            html += """
                <label>\(label)<br><input type="text" name="\(key)" value="\(request.query(key) ?? "")" style="max-width:11em"></label>
                """
        }
        var kinds = Self.auditKinds.map { ($0.0, w.t($0.1, $0.2)) }
        if !action.isEmpty && !kinds.contains(where: { $0.0 == action }) { kinds.append((action, action)) }
        let options = kinds.map {
            "<option value=\"\($0.0)\"\(" selected", if: $0.0 == action)>\($0.1)</option>" as HTML
        }
        html += """
            <label>\(w.t("Hành động", "Action"))<br><select name="action"><option value="">\(w.t("Tất cả", "All"))</option>\(options)</select></label>
            <button type="submit">\(w.t("Lọc", "Filter"))</button></form>\
            <p class="muted">\(w.t("\(total) mục; hiển thị \(entries.count) mục mới nhất; giờ Việt Nam (UTC+7)", "\(total) entries; showing the latest \(entries.count); Vietnam time (UTC+7)"))</p>\
            <div class="scroll"><table><thead><tr><th>#</th><th>\(w.t("Thời điểm", "At"))</th><th>\(w.t("Người", "Who"))</th>\
            <th>\(w.t("Hành động", "Action"))</th><th>\(w.period)</th><th>\(w.unit)</th><th>\(w.t("Biến", "Variable"))</th>\
            <th>\(w.t("Cũ", "Old"))</th><th>\(w.t("Mới", "New"))</th><th>\(w.t("Chi tiết", "Detail"))</th></tr></thead><tbody>
            """
        for e in entries {
            let old = Self.auditValue(e.oldValue, action: e.action, w)
            let new = Self.auditValue(e.newValue, action: e.action, w)
            html += """
                <tr><td>\(e.id)</td><td title="\(e.at)">\(Self.localTime(e.at))</td><td>\(e.who)</td>\
                <td title="\(e.action)">\(Self.auditAction(e.action, w))</td><td>\(e.period ?? "")</td>\
                <td>\(e.unit ?? "")</td><td>\(e.variable ?? "")</td><td>\(old)</td><td>\(new)</td>\
                <td>\(e.detail ?? "")</td></tr>
                """
        }
        html += "</tbody></table></div>"
        return Page(title: w.auditLog, body: html, context: context, path: request.uri.description).response()
    }

    /// The action codes of the audit log in words, and the prefixes the filter offers.
    static let auditActions: [String: (vi: String, en: String)] = [
        "session.login": ("Đăng nhập", "Signed in"),
        "session.logout": ("Đăng xuất", "Signed out"),
        "session.refused": ("Đăng nhập bị từ chối", "Sign-in refused"),
        "session.unlock": ("Mở khóa đăng nhập", "Sign-in unlocked"),
        "value.add": ("Nhập giá trị", "Value entered"),
        "value.change": ("Sửa giá trị", "Value changed"),
        "value.remove": ("Xóa giá trị", "Value removed"),
        "values.import": ("Nhập tệp số liệu", "Data file imported"),
        "appraisal.accept": ("Thẩm định: chấp nhận", "Appraisal: accepted"),
        "appraisal.adjust": ("Thẩm định: điều chỉnh", "Appraisal: adjusted"),
        "submission.status": ("Đổi trạng thái hồ sơ", "Submission status changed"),
        "evidence.upload": ("Tải lên tài liệu kiểm chứng", "Evidence uploaded"),
        "evidence.remove": ("Xóa tài liệu kiểm chứng", "Evidence removed"),
        "run.record": ("Chấm điểm (lần chấm mới)", "Period scored (new run)"),
        "run.publish": ("Công bố kết quả", "Run published"),
        "unit.add": ("Thêm đơn vị", "Unit added"),
        "unit.change": ("Sửa đơn vị", "Unit changed"),
        "user.add": ("Thêm người dùng", "User added"),
        "user.change": ("Sửa người dùng", "User changed"),
    ]

    static let auditKinds: [(String, String, String)] = [
        ("session.", "Đăng nhập, đăng xuất", "Sign-ins and sign-outs"),
        ("value.", "Giá trị tự đánh giá", "Self-assessed values"),
        ("values.import", "Nhập tệp số liệu", "Data file imports"),
        ("appraisal.", "Thẩm định", "Appraisal"),
        ("submission.", "Trạng thái hồ sơ", "Submission status"),
        ("evidence.", "Tài liệu kiểm chứng", "Evidence"),
        ("run.", "Chấm điểm, công bố", "Runs and publication"),
        ("unit.", "Đơn vị", "Units"),
        ("user.", "Người dùng", "Users"),
    ]

    /// An action code in words (an unknown code as it is).
    static func auditAction(_ code: String, _ w: Words) -> String {
        auditActions[code].map { w.t($0.vi, $0.en) } ?? code
    }

    /// An old or new value in words where it is a code (a submission's status, a run's state).
    static func auditValue(_ value: String?, action: String, _ w: Words) -> String {
        guard let value else { return "" }
        switch (action, value) {
        case ("submission.status", _): return SubmissionStatus(rawValue: value).map { w.status($0) } ?? value
        case ("run.publish", "draft"): return w.t("bản nháp", "draft")
        case ("run.publish", "published"): return w.t("đã công bố", "published")
        default: return value
        }
    }

    /// The start of a day in Vietnam (`2025-12-31`) as the stored UTC time (`2025-12-30T17:00:00Z`); any other
    /// text as it is.
    static func utcStart(ofLocalDay day: String) -> String {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return day }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = vietnam
        guard let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) else {
            return day
        }
        return date.ISO8601Format()
    }
}
