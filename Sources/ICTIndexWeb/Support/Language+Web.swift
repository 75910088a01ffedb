import ICTIndexCore
import ICTIndexStorage

/// The words the web pages share, Vietnamese first, English on request: `language.ranking`, and every other
/// text written where it is used as `language.say(vi: "…", en: "…")` (the `Words` of module Localization).
extension Language {
    var ranking: String { say(vi: "Xếp hạng", en: "Ranking") }
    var overview: String { say(vi: "Tổng quan", en: "Overview") }
    var map: String { say(vi: "Bản đồ", en: "Map") }
    var submissions: String { say(vi: "Hồ sơ tự đánh giá", en: "Submissions") }
    var runs: String { say(vi: "Lần chấm", en: "Runs") }
    var auditLog: String { say(vi: "Nhật ký", en: "Audit log") }
    var users: String { say(vi: "Người dùng", en: "Users") }
    var selfAssessment: String { say(vi: "Tự đánh giá", en: "Self-assessment") }
    var logout: String { say(vi: "Đăng xuất", en: "Sign out") }
    var period: String { say(vi: "Kỳ đánh giá", en: "Period") }
    var group: String { say(vi: "Khối", en: "Group") }
    var unit: String { say(vi: "Đơn vị", en: "Unit") }
    var score: String { say(vi: "Điểm", en: "Score") }
    var rank: String { say(vi: "Hạng", en: "Rank") }
    var band: String { say(vi: "Xếp loại", en: "Band") }
    var change: String { say(vi: "Thay đổi", en: "Change") }
    var save: String { say(vi: "Lưu", en: "Save") }

    func role(_ role: WebUser.Role) -> String {
        switch role {
        case .admin: say(vi: "quản trị, thẩm định", en: "admin")
        case .leader: say(vi: "lãnh đạo", en: "leader")
        case .agency: say(vi: "cơ quan, đơn vị", en: "agency")
        }
    }

    func status(_ status: SubmissionStatus?) -> String {
        switch status {
        case nil: say(vi: "chưa bắt đầu", en: "not started")
        case .draft: say(vi: "đang soạn", en: "draft")
        case .submitted: say(vi: "đã nộp, chờ thẩm định", en: "submitted")
        case .appraised: say(vi: "đã thẩm định", en: "appraised")
        }
    }

    /// A number with the framework's decimals, or a dash.
    func number(_ x: Double?, decimals: Int) -> String {
        x.map { NumberFormatting.fixed($0, decimals: decimals) } ?? "—"
    }
}
