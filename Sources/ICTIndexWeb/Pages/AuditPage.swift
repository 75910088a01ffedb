import Foundation
import Hummingbird
import ICTIndexCore
import ICTIndexStorage

extension WebApp {
    /// `/admin/audit`: the latest 500 entries of the audit log that match the filters, in words (Vietnamese, or
    /// English with `?lang=en`) and in Vietnam's local time.
    func auditPage(_ request: Request, _ context: WebContext) throws -> Response {
        let w = context.language
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
            <label>\(w.say(vi: "Từ ngày", en: "Since"))<br><input type="date" name="since" value="\(sinceText ?? "")" style="max-width:11em"></label>
            """
        for (key, label) in [("who", w.say(vi: "Người", en: "Who")), ("unit", w.unit), ("period", w.period)] {
            html += """
                <label>\(label)<br><input type="text" name="\(key)" value="\(request.query(key) ?? "")" style="max-width:11em"></label>
                """
        }
        var kinds = Self.auditKinds.map { ($0.0, $0.1(w)) }
        if !action.isEmpty && !kinds.contains(where: { $0.0 == action }) { kinds.append((action, action)) }
        let options = kinds.map {
            "<option value=\"\($0.0)\"\(" selected", if: $0.0 == action)>\($0.1)</option>" as HTML
        }
        html += """
            <label>\(w.say(vi: "Hành động", en: "Action"))<br><select name="action"><option value="">\(w.say(vi: "Tất cả", en: "All"))</option>\(options)</select></label>
            <button type="submit">\(w.say(vi: "Lọc", en: "Filter"))</button></form>\
            <p class="muted">\(w.say(vi: "\(total) mục; hiển thị \(entries.count) mục mới nhất; giờ Việt Nam (UTC+7)", en: "\(total) entries; showing the latest \(entries.count); Vietnam time (UTC+7)"))</p>\
            <div class="scroll"><table><thead><tr><th>#</th><th>\(w.say(vi: "Thời điểm", en: "At"))</th><th>\(w.say(vi: "Người", en: "Who"))</th>\
            <th>\(w.say(vi: "Hành động", en: "Action"))</th><th>\(w.period)</th><th>\(w.unit)</th><th>\(w.say(vi: "Biến", en: "Variable"))</th>\
            <th>\(w.say(vi: "Cũ", en: "Old"))</th><th>\(w.say(vi: "Mới", en: "New"))</th><th>\(w.say(vi: "Chi tiết", en: "Detail"))</th></tr></thead><tbody>
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
    static let auditActions: [String: Words] = [
        "session.login": Words(vi: "Đăng nhập", en: "Signed in"),
        "session.logout": Words(vi: "Đăng xuất", en: "Signed out"),
        "session.refused": Words(vi: "Đăng nhập bị từ chối", en: "Sign-in refused"),
        "session.unlock": Words(vi: "Mở khóa đăng nhập", en: "Sign-in unlocked"),
        "value.add": Words(vi: "Nhập giá trị", en: "Value entered"),
        "value.change": Words(vi: "Sửa giá trị", en: "Value changed"),
        "value.remove": Words(vi: "Xóa giá trị", en: "Value removed"),
        "values.import": Words(vi: "Nhập tệp số liệu", en: "Data file imported"),
        "appraisal.accept": Words(vi: "Thẩm định: chấp nhận", en: "Appraisal: accepted"),
        "appraisal.adjust": Words(vi: "Thẩm định: điều chỉnh", en: "Appraisal: adjusted"),
        "submission.status": Words(vi: "Đổi trạng thái hồ sơ", en: "Submission status changed"),
        "evidence.upload": Words(vi: "Tải lên tài liệu kiểm chứng", en: "Evidence uploaded"),
        "evidence.remove": Words(vi: "Xóa tài liệu kiểm chứng", en: "Evidence removed"),
        "run.record": Words(vi: "Chấm điểm (lần chấm mới)", en: "Period scored (new run)"),
        "run.publish": Words(vi: "Công bố kết quả", en: "Run published"),
        "unit.add": Words(vi: "Thêm đơn vị", en: "Unit added"),
        "unit.change": Words(vi: "Sửa đơn vị", en: "Unit changed"),
        "user.add": Words(vi: "Thêm người dùng", en: "User added"),
        "user.change": Words(vi: "Sửa người dùng", en: "User changed"),
    ]

    static let auditKinds: [(String, Words)] = [
        ("session.", Words(vi: "Đăng nhập, đăng xuất", en: "Sign-ins and sign-outs")),
        ("value.", Words(vi: "Giá trị tự đánh giá", en: "Self-assessed values")),
        ("values.import", Words(vi: "Nhập tệp số liệu", en: "Data file imports")),
        ("appraisal.", Words(vi: "Thẩm định", en: "Appraisal")),
        ("submission.", Words(vi: "Trạng thái hồ sơ", en: "Submission status")),
        ("evidence.", Words(vi: "Tài liệu kiểm chứng", en: "Evidence")),
        ("run.", Words(vi: "Chấm điểm, công bố", en: "Runs and publication")),
        ("unit.", Words(vi: "Đơn vị", en: "Units")),
        ("user.", Words(vi: "Người dùng", en: "Users")),
    ]

    /// An action code in words (an unknown code as it is).
    static func auditAction(_ code: String, _ w: Language) -> String {
        auditActions[code].map { $0(w) } ?? code
    }

    /// An old or new value in words where it is a code (a submission's status, a run's state).
    static func auditValue(_ value: String?, action: String, _ w: Language) -> String {
        guard let value else { return "" }
        switch (action, value) {
        case ("submission.status", _): return SubmissionStatus(rawValue: value).map { w.status($0) } ?? value
        case ("run.publish", "draft"): return w.say(vi: "bản nháp", en: "draft")
        case ("run.publish", "published"): return w.say(vi: "đã công bố", en: "published")
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
