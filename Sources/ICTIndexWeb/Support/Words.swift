import ICTIndexCore
import ICTIndexStorage

/// The words of the web pages, Vietnamese first, English on request.
struct Words {
    let language: Language

    init(_ language: Language) { self.language = language }

    var en: Bool { language == .en }

    /// The text in the page's language.
    func t(_ vi: String, _ en: String) -> String { self.en ? en : vi }

    var ranking: String { t("Xếp hạng", "Ranking") }
    var overview: String { t("Tổng quan", "Overview") }
    var map: String { t("Bản đồ", "Map") }
    var submissions: String { t("Hồ sơ tự đánh giá", "Submissions") }
    var runs: String { t("Lần chấm", "Runs") }
    var auditLog: String { t("Nhật ký", "Audit log") }
    var users: String { t("Người dùng", "Users") }
    var selfAssessment: String { t("Tự đánh giá", "Self-assessment") }
    var logout: String { t("Đăng xuất", "Sign out") }
    var period: String { t("Kỳ đánh giá", "Period") }
    var group: String { t("Khối", "Group") }
    var unit: String { t("Đơn vị", "Unit") }
    var score: String { t("Điểm", "Score") }
    var rank: String { t("Hạng", "Rank") }
    var band: String { t("Xếp loại", "Band") }
    var change: String { t("Thay đổi", "Change") }
    var save: String { t("Lưu", "Save") }

    func role(_ role: WebUser.Role) -> String {
        switch role {
        case .admin: t("quản trị, thẩm định", "admin")
        case .leader: t("lãnh đạo", "leader")
        case .agency: t("cơ quan, đơn vị", "agency")
        }
    }

    func status(_ status: SubmissionStatus?) -> String {
        switch status {
        case nil: t("chưa bắt đầu", "not started")
        case .draft: t("đang soạn", "draft")
        case .submitted: t("đã nộp, chờ thẩm định", "submitted")
        case .appraised: t("đã thẩm định", "appraised")
        }
    }

    /// A number with the framework's decimals, or a dash.
    func number(_ x: Double?, decimals: Int) -> String {
        x.map { NumberFormatting.fixed($0, decimals: decimals) } ?? "—"
    }
}
