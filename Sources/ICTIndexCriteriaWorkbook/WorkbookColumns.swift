import Foundation
import ICTIndexCore
import ICTIndexCriteria

/// The layout of the criteria workbook: its sheets, and in each the columns with their headers in both
/// languages, what they hold and how they are read back.
///
/// Columns are found again by their header text (Vietnamese or English), so a department may reorder them,
/// hide the read-only ones, or type a sheet from scratch with only the columns it needs.
struct WorkbookColumn: Sendable {
    /// What a column holds.
    enum Kind: Sendable {
        /// The row's number in the tree, "1", "1.2", "1.2.3" (blank for the root): the tree's shape.
        case outline
        /// A string under `key`.
        case text
        /// A number under `key`; text that is not a number is passed on, and the checker names the cell.
        case number
        /// A string or a number, as the cell holds it.
        case scalar
        /// The Vietnamese (`vi`) or English (`en`) text of a localised `key` such as `name`.
        case localized(Language)
        /// "có" / "không" (or yes / no, true / false) under `key`.
        case yesNo
        /// A comma-separated list under `key`, such as the groups of `applies_to`.
        case list
        /// YAML in flow style under `key`, such as `chair: {points: 2}, deputy: {points: 1}`.
        case flow
        /// The `rule:` of `score:`; with `.ruleParameters`, the whole of `score:`.
        case rule
        /// The rule's other keys in flow style (`over: group`), or a list of rules (`[{rule: zscore}, …]`).
        case ruleParameters
        /// Every other key of the entry, in flow style, so nothing is lost on the way through the workbook.
        case other
        /// Written for the reader (maximum points, wording, evidence); ignored when read back.
        case info
    }

    let key: String
    let kind: Kind
    let vi: String
    let en: String
    let width: Double
    var choices: [String]? = nil

    func header(_ language: Language) -> String { language == .en ? en : vi }
}

/// One sheet of the criteria workbook.
struct WorkbookSheet: Sendable {
    let vi: String
    let en: String
    /// The YAML section the sheet holds (`index`, `variables`, …); empty for the general sheet.
    let section: String
    let columns: [WorkbookColumn]

    func name(_ language: Language) -> String { language == .en ? en : vi }

    /// The column whose header is `text`, in either language, ignoring case and surrounding spaces.
    func column(headed text: String) -> WorkbookColumn? {
        let wanted = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return columns.first { $0.vi.lowercased() == wanted || $0.en.lowercased() == wanted }
    }
}

enum WorkbookLayout {
    static let aggregates = Node.Aggregation.allCases.map(\.rawValue)
    static let missing = MissingPolicy.allCases.map(\.rawValue)
    static let variableKinds = ["number", "integer", "percent", "boolean", "choice", "date", "text"]
    static let evidence = ["required", "optional", "none"]
    static let yes = ["có", "yes", "true", "x", "1"]
    static let no = ["không", "no", "false", "0"]

    /// The criteria sheet: first the columns of the table a department publishes (printed: A–I), then the
    /// columns that make the rule precise for the engine.
    static let criteria = WorkbookSheet(
        vi: "Tiêu chí", en: "Criteria", section: "index",
        columns: [
            .init(key: "", kind: .outline, vi: "STT", en: "No.", width: 6),
            .init(key: "id", kind: .text, vi: "Mã", en: "Code", width: 18),
            .init(key: "name", kind: .localized(.vi), vi: "Tiêu chí", en: "Criterion", width: 34),
            .init(key: "", kind: .info, vi: "Điểm tối đa", en: "Max points", width: 8),
            .init(
                key: "description", kind: .localized(.vi), vi: "Cách tính điểm (theo quyết định)",
                en: "Scoring, as the decision words it", width: 42),
            .init(key: "", kind: .info, vi: "Diễn giải cách tính", en: "Rule in words", width: 28),
            .init(key: "", kind: .info, vi: "Tài liệu kiểm chứng", en: "Evidence", width: 26),
            .init(key: "", kind: .info, vi: "Nguồn số liệu", en: "Data source", width: 26),
            .init(key: "", kind: .info, vi: "Đơn vị thẩm định", en: "Appraised by", width: 14),
            .init(key: "weight", kind: .number, vi: "Trọng số", en: "Weight", width: 9),
            .init(key: "aggregate", kind: .text, vi: "Tổng hợp", en: "Aggregate", width: 11, choices: aggregates),
            .init(key: "value", kind: .text, vi: "Giá trị (công thức)", en: "Value (formula)", width: 30),
            .init(
                key: "score", kind: .rule, vi: "Quy tắc chấm", en: "Rule", width: 16,
                choices: CriteriaVocabulary.ruleNames),
            .init(key: "score", kind: .ruleParameters, vi: "Tham số quy tắc", en: "Rule parameters", width: 30),
            .init(key: "missing", kind: .text, vi: "Thiếu số liệu", en: "Missing value", width: 16, choices: missing),
            .init(key: "direction", kind: .text, vi: "Chiều", en: "Direction", width: 9, choices: ["higher", "lower"]),
            .init(key: "applies_to", kind: .list, vi: "Áp dụng cho khối", en: "Applies to groups", width: 16),
            .init(key: "name", kind: .localized(.en), vi: "Tên tiếng Anh", en: "Criterion (English)", width: 30),
            .init(
                key: "description", kind: .localized(.en), vi: "Cách tính điểm (tiếng Anh)",
                en: "Scoring (English)", width: 30),
            .init(key: "", kind: .other, vi: "Khác (YAML)", en: "Other (YAML)", width: 20),
        ])

    /// How many columns of the criteria sheet are printed: the published table.
    static let printedCriteriaColumns = 9

    /// The variables sheet: the columns a reader of the decision needs first (printed: A–J), then the English
    /// texts and other keys.
    static let variables = WorkbookSheet(
        vi: "Số liệu", en: "Variables", section: "variables",
        columns: [
            .init(key: "id", kind: .text, vi: "Mã", en: "Code", width: 22),
            .init(key: "name", kind: .localized(.vi), vi: "Tên số liệu", en: "Name", width: 44),
            .init(key: "type", kind: .text, vi: "Kiểu", en: "Type", width: 10, choices: variableKinds),
            .init(key: "unit", kind: .text, vi: "Đơn vị tính", en: "Unit", width: 12),
            .init(key: "min", kind: .number, vi: "Nhỏ nhất", en: "Minimum", width: 9),
            .init(key: "max", kind: .number, vi: "Lớn nhất", en: "Maximum", width: 9),
            .init(key: "evidence", kind: .text, vi: "Minh chứng", en: "Evidence", width: 11, choices: evidence),
            .init(key: "options", kind: .flow, vi: "Các lựa chọn (YAML)", en: "Options (YAML)", width: 34),
            .init(key: "formula", kind: .text, vi: "Công thức (số liệu tính)", en: "Formula (derived)", width: 28),
            .init(key: "description", kind: .localized(.vi), vi: "Hướng dẫn", en: "Guidance", width: 36),
            .init(key: "name", kind: .localized(.en), vi: "Tên tiếng Anh", en: "Name (English)", width: 30),
            .init(key: "description", kind: .localized(.en), vi: "Hướng dẫn (tiếng Anh)", en: "Guidance (English)", width: 24),
            .init(key: "", kind: .other, vi: "Khác (YAML)", en: "Other (YAML)", width: 20),
        ])

    /// How many columns of the variables sheet are printed.
    static let printedVariableColumns = 10

    static let groups = WorkbookSheet(
        vi: "Khối", en: "Groups", section: "groups",
        columns: [
            .init(key: "id", kind: .text, vi: "Mã", en: "Code", width: 16),
            .init(key: "name", kind: .localized(.vi), vi: "Tên khối", en: "Name", width: 36),
            .init(key: "name", kind: .localized(.en), vi: "Tên tiếng Anh", en: "Name (English)", width: 30),
            .init(key: "ranked", kind: .yesNo, vi: "Xếp hạng", en: "Ranked", width: 10, choices: ["có", "không"]),
            .init(key: "", kind: .other, vi: "Khác (YAML)", en: "Other (YAML)", width: 20),
        ])

    static let bands = WorkbookSheet(
        vi: "Xếp loại", en: "Bands", section: "bands",
        columns: [
            .init(key: "id", kind: .text, vi: "Mã", en: "Code", width: 14),
            .init(key: "name", kind: .localized(.vi), vi: "Mức xếp loại", en: "Band", width: 20),
            .init(key: "name", kind: .localized(.en), vi: "Tên tiếng Anh", en: "Band (English)", width: 20),
            .init(key: "min", kind: .number, vi: "Từ (≥)", en: "From (≥)", width: 10),
            .init(key: "above", kind: .number, vi: "Trên (>)", en: "Above (>)", width: 10),
            .init(key: "", kind: .other, vi: "Khác (YAML)", en: "Other (YAML)", width: 20),
        ])

    static let deductions = WorkbookSheet(
        vi: "Điểm trừ", en: "Deductions", section: "deductions",
        columns: [
            .init(key: "id", kind: .text, vi: "Mã", en: "Code", width: 20),
            .init(key: "name", kind: .localized(.vi), vi: "Nội dung trừ điểm", en: "Deduction", width: 44),
            .init(key: "name", kind: .localized(.en), vi: "Tên tiếng Anh", en: "Deduction (English)", width: 30),
            .init(key: "points", kind: .scalar, vi: "Số điểm trừ (công thức)", en: "Points (formula)", width: 24),
            .init(key: "cap", kind: .number, vi: "Trừ tối đa", en: "Cap", width: 10),
            .init(key: "", kind: .other, vi: "Khác (YAML)", en: "Other (YAML)", width: 20),
        ])

    /// The general sheet: one row per setting, `key` (dotted for nested keys) and its value.
    static let general = WorkbookSheet(
        vi: "Thông tin chung", en: "General", section: "",
        columns: [
            .init(key: "key", kind: .text, vi: "Khóa", en: "Key", width: 30),
            .init(key: "value", kind: .scalar, vi: "Giá trị", en: "Value", width: 70),
            .init(key: "", kind: .info, vi: "Ý nghĩa", en: "Meaning", width: 60),
        ])

    /// The list sheets, in the order their sections are written to YAML.
    static let lists = [groups, bands, variables, criteria, deductions]

    /// The settings shown on the general sheet even when the file leaves them out, with what each means.
    static let settings: [(key: String, vi: String, en: String)] = [
        ("schema", "Phiên bản định dạng tệp tiêu chí (giữ nguyên)", "Format of the criteria file (keep as is)"),
        ("id", "Mã bộ tiêu chí", "Code of the criteria set"),
        ("name.vi", "Tên bộ tiêu chí", "Name of the criteria set (Vietnamese)"),
        ("name.en", "Tên bộ tiêu chí (tiếng Anh)", "Name of the criteria set (English)"),
        ("edition", "Năm / lần ban hành", "Edition"),
        (
            "scale", "Thang điểm tổng (ví dụ 100, hoặc 1 cho chỉ số 0–1)",
            "Scale of the total (100, or 1 for a 0–1 index)"
        ),
        ("decimals", "Số chữ số thập phân khi công bố", "Decimals when published"),
        (
            "rank_on", "Xếp hạng theo điểm đã làm tròn (rounded) hay điểm chính xác (exact)",
            "Rank on rounded or exact scores"
        ),
        ("publication.level", "Cấp ban hành: province / ministry / national", "Level: province / ministry / national"),
        ("publication.issuer.vi", "Cơ quan ban hành", "Issuing body (Vietnamese)"),
        ("publication.issuer.en", "Cơ quan ban hành (tiếng Anh)", "Issuing body (English)"),
        ("publication.short_name.vi", "Tên viết tắt của cơ quan ban hành", "Issuer's short name (Vietnamese)"),
        ("publication.short_name.en", "Tên viết tắt (tiếng Anh)", "Issuer's short name (English)"),
        (
            "publication.decision_number", "Số quyết định (để ……/QĐ-UBND khi chưa ký)",
            "Decision number (a placeholder until signed)"
        ),
        ("publication.decision_date", "Ngày quyết định", "Decision date"),
        ("publication.signer.vi", "Chức danh người ký", "Signer's title (Vietnamese)"),
        ("publication.signer.en", "Chức danh người ký (tiếng Anh)", "Signer's title (English)"),
        ("publication.recipient.vi", "Nơi các đơn vị gửi phiếu", "Where agencies send their forms (Vietnamese)"),
        ("publication.recipient.en", "Nơi gửi phiếu (tiếng Anh)", "Where agencies send their forms (English)"),
        (
            "evidence_policy",
            "Số liệu bắt buộc có minh chứng mà thiếu: refuse (từ chối), zero (tính 0 điểm), warn (cảnh báo)",
            "A required value without evidence: refuse, zero or warn"
        ),
        ("defaults.missing", "Xử lý thiếu số liệu mặc định (zero, skip, …)", "Default missing-value policy"),
        ("defaults.score", "Quy tắc chấm mặc định (YAML)", "Default scoring rule (YAML)"),
    ]
}
