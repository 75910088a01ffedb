// SampleDataGenerator — writes the synthetic sample data sets under Examples/.
//
//     swift run SampleDataGenerator Examples
//
// Every figure written here is SYNTHETIC SAMPLE DATA for demonstrations and tests; none of it is an
// official statistic. The output is deterministic: a seeded SplitMix64 generator, seeded per unit
// and period, so the same source always writes the same bytes, and editing one unit does not
// change the others.

import Foundation

// MARK: - Deterministic random numbers

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, well-mixed 64-bit generator.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// Seeds from a text key (FNV-1a of its UTF-8 bytes), so each unit has its own stream.
    init(key: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        state = hash
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A double in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }

    /// A double in [lo, hi).
    mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * unit() }

    /// An integer in lo...hi.
    mutating func int(_ lo: Int, _ hi: Int) -> Int { lo + Int(next() % UInt64(hi - lo + 1)) }

    /// True with probability p.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Symmetric noise in [−a, a).
    mutating func noise(_ a: Double) -> Double { uniform(-a, a) }
}

func clamp(_ x: Double, _ lo: Double = 0, _ hi: Double = 1) -> Double { min(max(x, lo), hi) }

// MARK: - Units of the sample province

let provinceCode = "TM"

enum Group: String {
    case department
    case commune
    case special
}

struct UnitSpec {
    var code: String
    var name: String
    var group: Group
    var kind: String
    var validFrom: String = ""
    var validTo: String = ""
    var successor: String = ""
    /// Staff of the unit (departments and special units); communes draw theirs.
    var staff: Int = 0
    /// Administrative-procedure dossiers a year (departments); communes draw theirs.
    var dossiers: Int = 0
    /// Whether the unit has procedures with fees.
    var hasFees: Bool = true
    /// Maturity in 2024 (0 weak … 1 strong): drives every figure.
    var maturity: Double = 0.5
    /// Predecessors (for units formed on a merger).
    var predecessors: [String] = []

    func isValid(onEndOf year: Int) -> Bool {
        let day = "\(year)-12-31"
        if !validFrom.isEmpty && validFrom > day { return false }
        if !validTo.isEmpty && validTo < day { return false }
        return true
    }
}

let departmentMergerTo = "2025-02-28"
let departmentMergerFrom = "2025-03-01"
let communeMergerTo = "2025-06-30"
let communeMergerFrom = "2025-07-01"

/// Departments (sở, ban, ngành). In 2025 (from 1 March) several were merged, as in every province.
let departments: [UnitSpec] = [
    UnitSpec(code: "VPUB", name: "Văn phòng UBND tỉnh", group: .department, kind: "van-phong",
             staff: 92, dossiers: 60, hasFees: false, maturity: 0.90),
    UnitSpec(code: "SNV", name: "Sở Nội vụ", group: .department, kind: "so",
             staff: 68, dossiers: 420, hasFees: false, maturity: 0.72),
    UnitSpec(code: "STP", name: "Sở Tư pháp", group: .department, kind: "so",
             staff: 46, dossiers: 11800, maturity: 0.82),
    UnitSpec(code: "SKHDT", name: "Sở Kế hoạch và Đầu tư", group: .department, kind: "so",
             validTo: departmentMergerTo, successor: "STC", staff: 55, dossiers: 5200, maturity: 0.86),
    UnitSpec(code: "STC", name: "Sở Tài chính", group: .department, kind: "so",
             staff: 64, dossiers: 310, hasFees: false, maturity: 0.68),
    UnitSpec(code: "SCT", name: "Sở Công Thương", group: .department, kind: "so",
             staff: 58, dossiers: 7900, maturity: 0.58),
    UnitSpec(code: "SNNPTNT", name: "Sở Nông nghiệp và Phát triển nông thôn", group: .department, kind: "so",
             validTo: departmentMergerTo, successor: "SNNMT", staff: 148, dossiers: 1450, maturity: 0.30),
    UnitSpec(code: "SGTVT", name: "Sở Giao thông vận tải", group: .department, kind: "so",
             validTo: departmentMergerTo, successor: "SXD", staff: 82, dossiers: 24600, maturity: 0.55),
    UnitSpec(code: "SXD", name: "Sở Xây dựng", group: .department, kind: "so",
             staff: 61, dossiers: 2900, maturity: 0.47),
    UnitSpec(code: "STNMT", name: "Sở Tài nguyên và Môi trường", group: .department, kind: "so",
             validTo: departmentMergerTo, successor: "SNNMT", staff: 96, dossiers: 4100, maturity: 0.42),
    UnitSpec(code: "STTTT", name: "Sở Thông tin và Truyền thông", group: .department, kind: "so",
             validTo: departmentMergerTo, successor: "SKHCN", staff: 41, dossiers: 210, maturity: 0.96),
    UnitSpec(code: "SLDTBXH", name: "Sở Lao động - Thương binh và Xã hội", group: .department, kind: "so",
             validTo: departmentMergerTo, successor: "SNV", staff: 72, dossiers: 3100, maturity: 0.36),
    UnitSpec(code: "SVHTTDL", name: "Sở Văn hóa, Thể thao và Du lịch", group: .department, kind: "so",
             staff: 76, dossiers: 640, maturity: 0.26),
    UnitSpec(code: "SKHCN", name: "Sở Khoa học và Công nghệ", group: .department, kind: "so",
             staff: 44, dossiers: 160, maturity: 0.70),
    UnitSpec(code: "SGDDT", name: "Sở Giáo dục và Đào tạo", group: .department, kind: "so",
             staff: 86, dossiers: 2450, maturity: 0.64),
    UnitSpec(code: "SYT", name: "Sở Y tế", group: .department, kind: "so",
             staff: 94, dossiers: 6100, maturity: 0.60),
    UnitSpec(code: "TTR", name: "Thanh tra tỉnh", group: .department, kind: "thanh-tra",
             staff: 42, dossiers: 25, hasFees: false, maturity: 0.20),
    UnitSpec(code: "BDT", name: "Ban Dân tộc", group: .department, kind: "ban",
             validTo: departmentMergerTo, successor: "SDTTG", staff: 28, dossiers: 12, hasFees: false,
             maturity: 0.12),
    UnitSpec(code: "BQLKCN", name: "Ban Quản lý các khu công nghiệp", group: .department, kind: "ban",
             staff: 45, dossiers: 880, maturity: 0.52),
    // Formed on 1 March 2025.
    UnitSpec(code: "SNNMT", name: "Sở Nông nghiệp và Môi trường", group: .department, kind: "so",
             validFrom: departmentMergerFrom, staff: 236, dossiers: 5600, predecessors: ["SNNPTNT", "STNMT"]),
    UnitSpec(code: "SDTTG", name: "Sở Dân tộc và Tôn giáo", group: .department, kind: "so",
             validFrom: departmentMergerFrom, staff: 38, dossiers: 35, hasFees: false, predecessors: ["BDT"]),
]

/// Units that are scored and shown but not ranked (no administrative procedures).
let specialUnits: [UnitSpec] = [
    UnitSpec(code: "TCT", name: "Trường Chính trị tỉnh", group: .special, kind: "don-vi-su-nghiep",
             staff: 54, dossiers: 0, hasFees: false, maturity: 0.50),
    UnitSpec(code: "BQLDA", name: "Ban Quản lý dự án đầu tư xây dựng tỉnh", group: .special,
             kind: "don-vi-su-nghiep", staff: 68, dossiers: 0, hasFees: false, maturity: 0.28),
]

/// After the department merger of 1 March 2025 the surviving departments took on their partners' staff
/// and procedures.
let departmentChanges2025: [String: (staff: Int, dossiers: Int, hasFees: Bool)] = [
    "SNV": (112, 3300, true),
    "STC": (118, 5450, true),
    "SXD": (139, 27100, true),
    "SKHCN": (81, 360, true),
]

/// The communes of 2024 (before the merger of 1 July 2025): code, name, kind, successor.
/// An empty successor: the commune was not rearranged and continues.
let oldCommunes: [(String, String, String, String)] = [
    // three into one
    ("P-HUNGVUONG", "Phường Hùng Vương", "phuong", "P25-HUNGVUONG"),
    ("P-TRANPHU", "Phường Trần Phú", "phuong", "P25-HUNGVUONG"),
    ("P-LELOI", "Phường Lê Lợi", "phuong", "P25-HUNGVUONG"),
    ("P-BACHDANG", "Phường Bạch Đằng", "phuong", "P25-BACHDANG"),
    ("P-NGUYENTRAI", "Phường Nguyễn Trãi", "phuong", "P25-BACHDANG"),
    ("P-QUANGTRUNG", "Phường Quang Trung", "phuong", "P25-BACHDANG"),
    ("X-KIMTAN", "Xã Kim Tân", "xa", "X25-KIMSON"),
    ("X-SONHA", "Xã Sơn Hà", "xa", "X25-KIMSON"),
    ("X-KIMLUNG", "Xã Kim Lũng", "xa", "X25-KIMSON"),
    ("X-PHUOCLONG", "Xã Phước Long", "xa", "X25-PHUOCAN"),
    ("X-ANPHU", "Xã An Phú", "xa", "X25-PHUOCAN"),
    ("TT-PHUOCBINH", "Thị trấn Phước Bình", "thi-tran", "X25-PHUOCAN"),
    // two into one
    ("P-HOABINH", "Phường Hòa Bình", "phuong", "P25-HOABINH"),
    ("P-TANTHINH", "Phường Tân Thịnh", "phuong", "P25-HOABINH"),
    ("P-DONGXUYEN", "Phường Đông Xuyên", "phuong", "P25-DONGXUYEN"),
    ("P-HUNGPHUC", "Phường Hưng Phúc", "phuong", "P25-DONGXUYEN"),
    ("P-ANLAC", "Phường An Lạc", "phuong", "P25-ANLAC"),
    ("P-PHUHOA", "Phường Phú Hòa", "phuong", "P25-ANLAC"),
    ("P-THACHBAN", "Phường Thạch Bàn", "phuong", "P25-THACHBAN"),
    ("X-GIATHINH", "Xã Gia Thịnh", "xa", "P25-THACHBAN"),
    ("X-TANPHONG", "Xã Tân Phong", "xa", "X25-TANPHONG"),
    ("X-MINHDUC", "Xã Minh Đức", "xa", "X25-TANPHONG"),
    ("X-BINHMINH", "Xã Bình Minh", "xa", "X25-BINHMINH"),
    ("X-YENTHO", "Xã Yên Thọ", "xa", "X25-BINHMINH"),
    ("X-NGHIATRUNG", "Xã Nghĩa Trung", "xa", "X25-NGHIAHUNG"),
    ("X-HUNGDAO", "Xã Hưng Đạo", "xa", "X25-NGHIAHUNG"),
    ("X-THANHLAM", "Xã Thanh Lâm", "xa", "X25-THANHSON"),
    ("X-SONTHUY", "Xã Sơn Thủy", "xa", "X25-THANHSON"),
    ("X-DAIDONG", "Xã Đại Đồng", "xa", "X25-DAILAM"),
    ("X-LAMXUYEN", "Xã Lâm Xuyên", "xa", "X25-DAILAM"),
    ("TT-CAMGIANG", "Thị trấn Cẩm Giang", "thi-tran", "X25-CAMGIANG"),
    ("X-CAMPHUC", "Xã Cẩm Phúc", "xa", "X25-CAMGIANG"),
    ("X-VINHLOC", "Xã Vĩnh Lộc", "xa", "X25-VINHTHUY"),
    ("X-THUYAN", "Xã Thủy An", "xa", "X25-VINHTHUY"),
    ("X-NAMSON", "Xã Nam Sơn", "xa", "X25-NAMHONG"),
    ("X-HONGPHONG", "Xã Hồng Phong", "xa", "X25-NAMHONG"),
    // renamed: towns (thị trấn) became a commune or a ward, same territory
    ("TT-THANHBINH", "Thị trấn Thanh Bình", "thi-tran", "X25-THANHBINH"),
    ("TT-PHUMY", "Thị trấn Phú Mỹ", "thi-tran", "P25-PHUMY"),
    // not rearranged: the same unit before and after 1 July 2025
    ("X-YENHOA", "Xã Yên Hòa", "xa", ""),
    ("X-QUANGMINH", "Xã Quang Minh", "xa", ""),
    ("X-TIENPHONG", "Xã Tiên Phong", "xa", ""),
    ("X-DONGLAC", "Xã Đồng Lạc", "xa", ""),
    ("X-HOASON", "Xã Hòa Sơn", "xa", ""),
    ("X-MYTHUAN", "Xã Mỹ Thuận", "xa", ""),
    ("X-LONGHUNG", "Xã Long Hưng", "xa", ""),
    ("X-TANHIEP", "Xã Tân Hiệp", "xa", ""),
    ("X-PHULUONG", "Xã Phú Lương", "xa", ""),
    ("X-HAININH", "Xã Hải Ninh", "xa", ""),
    ("X-XUANLOC", "Xã Xuân Lộc", "xa", ""),
    ("X-TRUONGSON", "Xã Trường Sơn", "xa", ""),
    ("X-QUANGPHU", "Xã Quảng Phú", "xa", ""),
    ("X-CAOPHONG", "Xã Cao Phong", "xa", ""),
    ("X-KYSON", "Xã Kỳ Sơn", "xa", ""),
    ("X-MUONGKHOA", "Xã Mường Khoa", "xa", ""),
    ("X-NAMMON", "Xã Nậm Mòn", "xa", ""),
    ("X-BANLAU", "Xã Bản Lầu", "xa", ""),
    ("X-HUUKIEM", "Xã Hữu Kiệm", "xa", ""),
    ("X-TAMHOP", "Xã Tam Hợp", "xa", ""),
    ("X-CHAUKHE", "Xã Châu Khê", "xa", ""),
    ("X-LUONGMINH", "Xã Lương Minh", "xa", ""),
]

/// The communes formed on 1 July 2025: code, name, kind.
let newCommunes: [(String, String, String)] = [
    ("P25-HUNGVUONG", "Phường Hùng Vương", "phuong"),
    ("P25-BACHDANG", "Phường Bạch Đằng", "phuong"),
    ("X25-KIMSON", "Xã Kim Sơn", "xa"),
    ("X25-PHUOCAN", "Xã Phước An", "xa"),
    ("P25-HOABINH", "Phường Hòa Bình", "phuong"),
    ("P25-DONGXUYEN", "Phường Đông Xuyên", "phuong"),
    ("P25-ANLAC", "Phường An Lạc", "phuong"),
    ("P25-THACHBAN", "Phường Thạch Bàn", "phuong"),
    ("X25-TANPHONG", "Xã Tân Phong", "xa"),
    ("X25-BINHMINH", "Xã Bình Minh", "xa"),
    ("X25-NGHIAHUNG", "Xã Nghĩa Hưng", "xa"),
    ("X25-THANHSON", "Xã Thanh Sơn", "xa"),
    ("X25-DAILAM", "Xã Đại Lâm", "xa"),
    ("X25-CAMGIANG", "Xã Cẩm Giang", "xa"),
    ("X25-VINHTHUY", "Xã Vĩnh Thủy", "xa"),
    ("X25-NAMHONG", "Xã Nam Hồng", "xa"),
    ("X25-THANHBINH", "Xã Thanh Bình", "xa"),
    ("P25-PHUMY", "Phường Phú Mỹ", "phuong"),
]

/// Builds the full unit list in file order: departments, special units, old communes, new communes.
func buildUnits() -> [UnitSpec] {
    var units = departments + specialUnits
    for (code, name, kind, successor) in oldCommunes {
        var rng = SplitMix64(key: "commune|\(code)")
        var unit = UnitSpec(code: code, name: name, group: .commune, kind: kind)
        if !successor.isEmpty {
            unit.validTo = communeMergerTo
            unit.successor = successor
        }
        // Wards and towns are better equipped than rural and mountain communes.
        let base: Double = kind == "phuong" ? 0.64 : kind == "thi-tran" ? 0.54 : 0.44
        let remote = ["X-MUONGKHOA", "X-NAMMON", "X-BANLAU", "X-KYSON", "X-TRUONGSON"].contains(code)
        unit.maturity = clamp(base + rng.noise(0.33) - (remote ? 0.22 : 0), 0.02, 0.97)
        unit.staff = kind == "phuong" ? rng.int(21, 30) : rng.int(18, 26)
        unit.dossiers = kind == "phuong" ? rng.int(2200, 5200) : rng.int(700, 2600)
        unit.hasFees = true
        units.append(unit)
    }
    for (code, name, kind) in newCommunes {
        let predecessors = oldCommunes.filter { $0.3 == code }.map(\.0)
        let previous = units.filter { predecessors.contains($0.code) }
        var unit = UnitSpec(code: code, name: name, group: .commune, kind: kind, validFrom: communeMergerFrom)
        unit.predecessors = predecessors
        // A merged commune keeps the staff of its predecessors, a little trimmed.
        let staff = previous.map(\.staff).reduce(0, +)
        unit.staff = previous.count > 1 ? Int((Double(staff) * 0.85).rounded()) : staff
        unit.dossiers = previous.map(\.dossiers).reduce(0, +)
        unit.hasFees = true
        units.append(unit)
    }
    return units
}

// MARK: - Variables (in the order of Criteria/vn-province-agencies.yaml, reported ones only)

/// Each reported variable and the number of decimals it is written with.
let variableColumns: [(id: String, decimals: Int)] = [
    ("staff", 0), ("computers", 0), ("antivirus", 0), ("bandwidth_mbps", 0), ("wan_share", 1),
    ("shared_apps", 0), ("security_plan", 0), ("steering_meetings", 0), ("steering_chair", 0),
    ("it_staff", 0), ("trained_staff", 0), ("digital_skills_score", 1), ("email_users", 0),
    ("portal_posts", 0), ("reporting_connected", 0), ("online_meetings", 0), ("data_services", 0),
    ("tasks_tracked_share", 1), ("docs_sent", 0), ("docs_sent_electronic", 0), ("docs_signed", 0),
    ("docs_received", 0), ("docs_received_electronic", 0), ("avg_processing_days", 1),
    ("dossiers_total", 0), ("dossiers_online", 0), ("dossiers_resolved", 0), ("dossiers_on_time", 0),
    ("dossiers_overdue", 0), ("digitised_results", 0), ("fee_dossiers", 0), ("fee_paid_online", 0),
    ("civil_records_share", 1), ("satisfaction_index", 1), ("late_reports", 0), ("incidents_unreported", 0),
]

/// One unit's reported values for one period: numbers by variable id (absent = missing) and the chair.
struct Row {
    var unit: String
    var numbers: [String: Double] = [:]
    var chair: String?
}

/// The maturity of every unit in a year: 2024 as specified; 2025 improved, merged units from their
/// predecessors (weighted by staff).
func maturity(of unit: UnitSpec, year: Int, units: [String: UnitSpec]) -> Double {
    var rng = SplitMix64(key: "progress|\(unit.code)|\(year)")
    if year <= 2024 { return unit.maturity }
    let gain = rng.uniform(0.02, 0.12)
    if unit.predecessors.isEmpty {
        return clamp(unit.maturity + gain, 0, 0.99)
    }
    let previous = unit.predecessors.compactMap { units[$0] }
    let weight = previous.map { Double($0.staff) }.reduce(0, +)
    let mean = previous.map { $0.maturity * Double($0.staff) }.reduce(0, +) / max(weight, 1)
    return clamp(mean + gain, 0, 0.99)
}

func round1(_ x: Double) -> Double { (x * 10).rounded() / 10 }

/// Draws a unit's values for a year from its maturity `m`.
func makeRow(_ unit: UnitSpec, year: Int, m: Double) -> Row {
    var rng = SplitMix64(key: "values|\(unit.code)|\(year)")
    var row = Row(unit: unit.code)
    let isCommune = unit.group == .commune
    let isSpecial = unit.group == .special
    let change = year >= 2025 ? departmentChanges2025[unit.code] : nil
    let staff = Double(change?.staff ?? unit.staff) + Double(rng.int(-2, 2))
    let dossiersBase = Double(change?.dossiers ?? unit.dossiers)
    let hasFees = change?.hasFees ?? unit.hasFees

    // Hạ tầng kỹ thuật
    row.numbers["staff"] = staff
    let computers = (staff * clamp(0.72 + 0.28 * m + rng.noise(0.05), 0.55, 1)).rounded()
    row.numbers["computers"] = computers
    row.numbers["antivirus"] = (computers * clamp(0.25 + 0.8 * m + rng.noise(0.12))).rounded()
    let bandwidthSteps: [Double] = isCommune ? [20, 30, 50, 80, 100, 150] : [50, 100, 150, 200, 300, 500]
    let step = Int(clamp(m + rng.noise(0.2), 0, 0.999) * Double(bandwidthSteps.count))
    row.numbers["bandwidth_mbps"] = bandwidthSteps[step] * (year >= 2025 && !isCommune ? 1.5 : 1)
    row.numbers["wan_share"] = round1(clamp(35 + 70 * m + rng.noise(10), 0, 100))
    row.numbers["shared_apps"] = clamp((1 + 5.5 * m + rng.noise(1.2)).rounded(), 0, 8)
    row.numbers["security_plan"] = m + rng.noise(0.2) > 0.45 ? 1 : 0

    // Nhân lực
    let chairDraw = m + rng.noise(0.25)
    row.chair = chairDraw > 0.5 ? "chair" : chairDraw > 0.15 ? "deputy" : "none"
    row.numbers["steering_meetings"] = row.chair == "none" ? 0 : clamp((0.5 + 4.2 * m + rng.noise(1.2)).rounded(), 0, 6)
    let itStaff = isCommune
        ? (m + rng.noise(0.3) > 0.35 ? 1 : 0)
        : clamp((0.5 + 2.5 * m + rng.noise(0.8)).rounded(), 0, 4)
    row.numbers["it_staff"] = itStaff
    row.numbers["trained_staff"] = (staff * clamp(0.15 + 0.8 * m + rng.noise(0.12))).rounded()
    if !rng.chance(0.08) {
        row.numbers["digital_skills_score"] = round1(clamp(42 + 48 * m + rng.noise(8), 0, 100))
    }

    // Ứng dụng CNTT trong hoạt động nội bộ
    row.numbers["email_users"] = (staff * clamp(0.55 + 0.45 * m + rng.noise(0.08))).rounded()
    let postsScale = isCommune ? 90.0 : 220.0
    if !rng.chance(0.03) {
        row.numbers["portal_posts"] = (postsScale * (0.1 + m * m) * rng.uniform(0.7, 1.3)).rounded()
    }
    row.numbers["reporting_connected"] = m + rng.noise(0.2) > 0.3 ? 1 : 0
    row.numbers["online_meetings"] = ((isCommune ? 18.0 : 40.0) * (0.15 + m) * rng.uniform(0.7, 1.3)).rounded()
    if unit.group == .department {
        row.numbers["data_services"] = clamp((4.5 * m + rng.noise(1.2)).rounded(), 0, 6)
    }
    row.numbers["tasks_tracked_share"] = round1(clamp(20 + 85 * m + rng.noise(10), 0, 100))

    // Văn bản điện tử
    let docsSent = (isCommune ? rng.uniform(350, 1400) : rng.uniform(900, 4200)).rounded()
    let sentElectronic = (docsSent * clamp(0.7 + 0.32 * m + rng.noise(0.04), 0, 1)).rounded()
    row.numbers["docs_sent"] = docsSent
    row.numbers["docs_sent_electronic"] = sentElectronic
    row.numbers["docs_signed"] = (sentElectronic * clamp(0.55 + 0.48 * m + rng.noise(0.05), 0, 1)).rounded()
    let docsReceived = (isCommune ? rng.uniform(1500, 5200) : rng.uniform(3000, 12500)).rounded()
    row.numbers["docs_received"] = docsReceived
    let receivedShare = clamp(0.68 + 0.34 * m + rng.noise(0.04), 0, 1)
    row.numbers["docs_received_electronic"] = (docsReceived * receivedShare).rounded()
    if !rng.chance(0.04) {
        row.numbers["avg_processing_days"] = round1(max(0.5, 1.0 + 4.5 * (1 - m) + rng.noise(0.8)))
    }

    // Dịch vụ công trực tuyến (not for the special units, which have no administrative procedures)
    if !isSpecial {
        let total = (dossiersBase * rng.uniform(0.85, 1.15) * (year >= 2025 ? 1.05 : 1)).rounded()
        let online = (total * clamp(0.25 + 0.72 * m + rng.noise(0.1))).rounded()
        let resolved = (total * rng.uniform(0.92, 0.995)).rounded()
        let onTime = (resolved * clamp(0.78 + 0.23 * m + rng.noise(0.04), 0.5, 1)).rounded()
        row.numbers["dossiers_total"] = total
        row.numbers["dossiers_online"] = online
        row.numbers["dossiers_resolved"] = resolved
        row.numbers["dossiers_on_time"] = onTime
        row.numbers["dossiers_overdue"] = resolved - onTime
        row.numbers["digitised_results"] = (resolved * clamp(0.1 + 0.9 * m + rng.noise(0.1))).rounded()
        if hasFees && total > 0 {
            let fees = (total * rng.uniform(0.2, 0.6)).rounded()
            row.numbers["fee_dossiers"] = fees
            row.numbers["fee_paid_online"] = (fees * clamp(0.05 + 0.75 * m + rng.noise(0.12))).rounded()
        }
        if isCommune {
            row.numbers["civil_records_share"] = round1(clamp(25 + 80 * m + rng.noise(12), 0, 100))
        }
        row.numbers["satisfaction_index"] = round1(clamp(68 + 30 * m + rng.noise(5), 0, 100))
    }

    // Điểm trừ
    row.numbers["late_reports"] = m < 0.3 ? Double(rng.int(1, 4)) : (rng.chance(0.12) ? 1 : 0)
    row.numbers["incidents_unreported"] = m < 0.25 && rng.chance(0.3) ? 1 : 0
    return row
}

/// Self-assessment: about a quarter of the units claim a few figures a little higher than the
/// department later appraises.
func selfAssessed(_ row: Row) -> Row {
    var rng = SplitMix64(key: "self|\(row.unit)")
    guard rng.chance(0.25) else { return row }
    var claimed = row
    var n = claimed.numbers
    let candidates = ["computers", "antivirus", "shared_apps", "security_plan", "steering_meetings", "trained_staff",
                      "docs_signed", "dossiers_online", "digitised_results", "fee_paid_online", "tasks_tracked_share"]
    var picked: [String] = []
    let count = rng.int(2, 4)
    while picked.count < count {
        let candidate = candidates[rng.int(0, candidates.count - 1)]
        if !picked.contains(candidate) { picked.append(candidate) }
    }
    for id in picked {
        guard let value = n[id] else { continue }
        switch id {
        case "computers": n[id] = min(n["staff"] ?? value, value + max(1, (value * 0.06).rounded()))
        case "antivirus": n[id] = min(n["computers"] ?? value, value + max(1, (value * 0.1).rounded()))
        case "shared_apps": n[id] = value + 1
        case "security_plan": n[id] = 1
        case "steering_meetings": n[id] = claimed.chair == "none" ? value : value + 1
        case "trained_staff": n[id] = min(n["staff"] ?? value, (value * 1.15).rounded())
        case "docs_signed": n[id] = min(n["docs_sent_electronic"] ?? value, (value * 1.05).rounded())
        case "dossiers_online": n[id] = min(n["dossiers_total"] ?? value, (value * 1.12).rounded())
        case "digitised_results": n[id] = min(n["dossiers_resolved"] ?? value, (value * 1.2).rounded())
        case "fee_paid_online": n[id] = min(n["fee_dossiers"] ?? value, (value * 1.2).rounded())
        case "tasks_tracked_share": n[id] = min(100, round1(value + 8))
        default: break
        }
    }
    claimed.numbers = n
    return claimed
}

// MARK: - CSV

/// Quotes a field when it holds a separator, a quote, a line break or edge spaces.
func csvField(_ text: String) -> String {
    let needsQuotes = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
        || text.hasPrefix(" ") || text.hasSuffix(" ")
    guard needsQuotes else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

func csvLine(_ fields: [String]) -> String { fields.map(csvField).joined(separator: ",") + "\n" }

/// A number with `decimals` decimals and a `.` point, trailing zeros kept off for integers.
func format(_ value: Double, decimals: Int) -> String {
    if decimals == 0 { return String(Int(value.rounded())) }
    var scaled = (value * pow(10, Double(decimals))).rounded()
    let negative = scaled < 0
    scaled = abs(scaled)
    let divisor = Int(pow(10, Double(decimals)))
    let whole = Int(scaled) / divisor
    let fraction = Int(scaled) % divisor
    let fractionText = String(fraction)
    let padded = String(repeating: "0", count: decimals - fractionText.count) + fractionText
    return (negative ? "-" : "") + "\(whole).\(padded)"
}

func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url, options: .atomic)
    print("wrote \(url.path)")
}

/// The variables the criteria mark `evidence: required`: each value comes with the file that proves it, in a
/// `VAR.evidence` column after the last variable.
let evidenceRequired = ["staff", "security_plan", "steering_meetings", "steering_chair", "dossiers_total", "dossiers_online"]

func valuesCSV(_ rows: [Row], year: Int) -> String {
    var text = csvLine(["unit"] + variableColumns.map(\.id) + evidenceRequired.map { "\($0).evidence" })
    for row in rows {
        var fields = [row.unit]
        for (id, decimals) in variableColumns {
            if id == "steering_chair" {
                fields.append(row.chair ?? "")
            } else if let value = row.numbers[id] {
                fields.append(format(value, decimals: decimals))
            } else {
                fields.append("")
            }
        }
        for id in evidenceRequired {
            let present = id == "steering_chair" ? row.chair != nil : row.numbers[id] != nil
            fields.append(present ? "\(row.unit)-\(year)-\(id.replacingOccurrences(of: "_", with: "-")).pdf" : "")
        }
        text += csvLine(fields)
    }
    return text
}

// MARK: - The 34 provinces and centrally-run cities (from 1 July 2025)

let provinces: [(code: String, name: String, kind: String, level: Double)] = [
    ("HN", "Hà Nội", "thanh-pho", 0.92),
    ("HCM", "Thành phố Hồ Chí Minh", "thanh-pho", 0.90),
    ("HP", "Hải Phòng", "thanh-pho", 0.80),
    ("DNG", "Đà Nẵng", "thanh-pho", 0.88),
    ("HUE", "Huế", "thanh-pho", 0.74),
    ("CT", "Cần Thơ", "thanh-pho", 0.70),
    ("TQ", "Tuyên Quang", "tinh", 0.45),
    ("LCI", "Lào Cai", "tinh", 0.52),
    ("TNG", "Thái Nguyên", "tinh", 0.66),
    ("PT", "Phú Thọ", "tinh", 0.62),
    ("BN", "Bắc Ninh", "tinh", 0.78),
    ("HY", "Hưng Yên", "tinh", 0.60),
    ("NB", "Ninh Bình", "tinh", 0.61),
    ("QT", "Quảng Trị", "tinh", 0.50),
    ("QNG", "Quảng Ngãi", "tinh", 0.53),
    ("GL", "Gia Lai", "tinh", 0.50),
    ("KH", "Khánh Hòa", "tinh", 0.66),
    ("LDG", "Lâm Đồng", "tinh", 0.58),
    ("DLK", "Đắk Lắk", "tinh", 0.51),
    ("DNI", "Đồng Nai", "tinh", 0.68),
    ("TNH", "Tây Ninh", "tinh", 0.59),
    ("VL", "Vĩnh Long", "tinh", 0.55),
    ("DTP", "Đồng Tháp", "tinh", 0.57),
    ("CM", "Cà Mau", "tinh", 0.48),
    ("AG", "An Giang", "tinh", 0.54),
    ("CB", "Cao Bằng", "tinh", 0.38),
    ("DB", "Điện Biên", "tinh", 0.36),
    ("HT", "Hà Tĩnh", "tinh", 0.56),
    ("LCH", "Lai Châu", "tinh", 0.37),
    ("LS", "Lạng Sơn", "tinh", 0.47),
    ("NA", "Nghệ An", "tinh", 0.55),
    ("QNI", "Quảng Ninh", "tinh", 0.84),
    ("TH", "Thanh Hóa", "tinh", 0.58),
    ("SL", "Sơn La", "tinh", 0.40),
]

// MARK: - Main

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    let usage = "usage: SampleDataGenerator EXAMPLES-FOLDER   (e.g. swift run SampleDataGenerator Examples)\n"
    FileHandle.standardError.write(Data(usage.utf8))
    exit(64)
}
let root = URL(fileURLWithPath: arguments[1], isDirectory: true)
let provinceFolder = root.appendingPathComponent("sample-province", isDirectory: true)
let provincesFolder = root.appendingPathComponent("sample-provinces", isDirectory: true)

precondition(provinces.count == 34, "expected 34 provinces, found \(provinces.count)")
precondition(Set(provinces.map(\.code)).count == provinces.count, "duplicate province code")

let units = buildUnits()
precondition(Set(units.map(\.code)).count == units.count, "duplicate unit code")
let unitsByCode = Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0) })
for unit in units where !unit.successor.isEmpty {
    precondition(unitsByCode[unit.successor] != nil, "unknown successor \(unit.successor) of \(unit.code)")
}

do {
    var unitsText = csvLine(["code", "name", "group", "parent", "kind", "valid_from", "valid_to", "successor"])
    for unit in units {
        unitsText += csvLine([unit.code, unit.name, unit.group.rawValue, provinceCode, unit.kind,
                              unit.validFrom, unit.validTo, unit.successor])
    }
    try write(unitsText, to: provinceFolder.appendingPathComponent("units.csv"))

    var rows2025: [Row] = []
    for year in [2024, 2025] {
        let rows = units.filter { $0.isValid(onEndOf: year) }.map { unit in
            makeRow(unit, year: year, m: maturity(of: unit, year: year, units: unitsByCode))
        }
        try write(valuesCSV(rows, year: year), to: provinceFolder.appendingPathComponent("values-\(year).csv"))
        if year == 2025 { rows2025 = rows }
    }
    try write(
        valuesCSV(rows2025.map(selfAssessed), year: 2025),
        to: provinceFolder.appendingPathComponent("values-2025-self.csv"))

    var provinceUnits = csvLine(["code", "name", "group", "parent", "kind", "valid_from", "valid_to", "successor"])
    var provinceValues = csvLine(["unit", "infra_index", "hr_index", "app_index"])
    for province in provinces {
        provinceUnits += csvLine([province.code, province.name, "", "", province.kind, "", "", ""])
        var rng = SplitMix64(key: "province|\(province.code)|2025")
        let infra = clamp(province.level * 0.9 + rng.noise(0.08), 0.05, 0.99)
        let hr = clamp(province.level * 0.85 + 0.08 + rng.noise(0.08), 0.05, 0.99)
        let app = clamp(province.level * 0.95 + 0.1 + rng.noise(0.07), 0.05, 0.99)
        provinceValues += csvLine([province.code] + [infra, hr, app].map { format($0, decimals: 4) })
    }
    try write(provinceUnits, to: provincesFolder.appendingPathComponent("units.csv"))
    try write(provinceValues, to: provincesFolder.appendingPathComponent("values-2025.csv"))
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
