import ICTIndexCore

/// The workbook's headers and labels, in Vietnamese (default) or English.
struct ReportWords {
    let language: Language
    var en: Bool { language == .en }

    // Sheet names (shortened to 31 characters where needed).
    var summarySheet: String { en ? "Summary" : "Tổng hợp" }
    var detailSheet: String { en ? "Details" : "Chi tiết" }
    var methodSheet: String { en ? "Method" : "Phương pháp" }
    var profileSheet: String { en ? "Pillar profile" : "Biểu đồ nhóm tiêu chí" }
    func rankingSheet(_ group: String) -> String { (en ? "Ranking - " : "Xếp hạng - ") + group }

    // Columns.
    var number: String { en ? "No." : "STT" }
    var code: String { en ? "Code" : "Mã" }
    var unit: String { en ? "Unit" : "Tên đơn vị" }
    var group: String { en ? "Group" : "Khối" }
    var score: String { en ? "Score" : "Tổng điểm" }
    var rank: String { en ? "Rank" : "Xếp hạng" }
    var band: String { en ? "Band" : "Xếp loại" }
    var pillarPoints: String { en ? "Points per pillar" : "Điểm theo nhóm tiêu chí" }
    var pillarValues: String { en ? "Component values" : "Giá trị chỉ số thành phần" }
    var indicatorCode: String { en ? "Indicator" : "Mã tiêu chí" }
    var indicatorName: String { en ? "Indicator name" : "Tên tiêu chí" }
    var value: String { en ? "Value" : "Giá trị" }
    func indicatorScore(_ scale: String) -> String { en ? "Score (0–\(scale))" : "Điểm tiêu chí (thang \(scale))" }
    var points: String { en ? "Points" : "Điểm" }
    var maxPoints: String { en ? "Max points" : "Điểm tối đa" }
    var rule: String { en ? "Rule" : "Cách tính điểm" }
    var status: String { en ? "Note" : "Ghi chú" }
    var pillar: String { en ? "Pillar" : "Nhóm tiêu chí" }
    var allUnits: String { en ? "All units" : "Tất cả đơn vị" }

    // Titles.
    func period(_ p: String) -> String { en ? "Assessment period: \(p)" : "Kỳ đánh giá: năm \(p)" }
    /// The period, always stated: the run's, else the criteria's edition, labelled as such.
    func periodLine(_ period: String?, edition: String?) -> String {
        if let period { return self.period(period) }
        let e = edition ?? "—"
        return en
            ? "Period: not given (--period); criteria edition \(e)"
            : "Kỳ đánh giá: chưa chỉ định (--period); theo phiên bản bộ tiêu chí \(e)"
    }
    /// What the method sheet shows as the period.
    func periodValue(_ period: String?, edition: String?) -> String {
        if let period { return period }
        return en
            ? "not given; criteria edition \(edition ?? "—")" : "chưa chỉ định; phiên bản bộ tiêu chí \(edition ?? "—")"
    }
    var detailTitle: String { en ? "POINTS PER INDICATOR AND UNIT" : "CHI TIẾT ĐIỂM TỪNG TIÊU CHÍ THEO ĐƠN VỊ" }
    var methodTitle: String { en ? "METHOD AND REPRODUCIBILITY" : "PHƯƠNG PHÁP TÍNH ĐIỂM VÀ THÔNG TIN TÁI LẬP" }
    var profileTitle: String {
        en
            ? "Attainment per pillar (% of max points), mean per group"
            : "Mức đạt theo nhóm tiêu chí (% điểm tối đa), bình quân theo khối"
    }
    func rankingTitle(_ group: String) -> String {
        en ? "RANKING — \(group.uppercased())" : "XẾP HẠNG — \(group.uppercased())"
    }
    func chartTitle(shown: Int, of total: Int) -> String {
        if shown == total { return en ? "Score per unit" : "Điểm của các đơn vị" }
        return en ? "Score of the top \(shown) of \(total) units" : "Điểm của \(shown)/\(total) đơn vị đứng đầu"
    }
    func chartTitle(top: Int, bottom: Int, of total: Int) -> String {
        en
            ? "Score of the top \(top) and the bottom \(bottom) of \(total) units (every unit is in the table)"
            : "Điểm của \(top) đơn vị đứng đầu và \(bottom) đơn vị cuối trong \(total) đơn vị (đủ các đơn vị ở bảng trên)"
    }
    func chartGap(_ count: Int) -> String { en ? "… \(count) more units" : "… \(count) đơn vị khác" }
    func groupHeading(_ roman: String, _ name: String, count: Int, ranked: Bool) -> String {
        var text = "\(roman). \(name) (\(count) \(en ? "units" : "đơn vị")"
        if !ranked { text += en ? ", not ranked" : ", không xếp hạng" }
        return text + ")"
    }
    /// The page header of a draft: "DỰ THẢO" in bold, centred (Excel's `&"-,Bold"` keeps the font, sets bold).
    var draftHeader: String {
        "&C&\"-,Bold\"" + (en ? "DRAFT — not published" : "DỰ THẢO — chưa công bố")
    }
    /// The document properties' category of a draft.
    var draftCategory: String { en ? "Draft (not published)" : "Dự thảo (chưa công bố)" }
    var draftMark: String { en ? "DRAFT" : "DỰ THẢO" }
    var groupMaximum: String { en ? "Maximum points in this group" : "Điểm tối đa của khối này" }

    /// The line under a group: "Tốt: 2 · Khá: 8 · Trung bình: 1 · Yếu: 3; điểm bình quân của khối: 70.12".
    func groupSummary(bands: [(name: String, count: Int)], average: String?) -> String {
        var parts: [String] = []
        if !bands.isEmpty { parts.append(bands.map { "\($0.name): \($0.count)" }.joined(separator: " · ")) }
        if let average { parts.append((en ? "group average: " : "điểm bình quân của khối: ") + average) }
        return parts.joined(separator: "; ")
    }

    /// The first line of the signature block: "TM. ỦY BAN NHÂN DÂN TỈNH" ("For the Provincial People's Committee").
    func onBehalfOf(_ issuer: String) -> String {
        en ? "For \(issuer)" : "TM. \(issuer.uppercased())"
    }

    var signHere: String { en ? "(signature, full name and seal)" : "(Ký, ghi rõ họ tên, đóng dấu)" }
    func maximum(_ x: String) -> String { en ? "(max \(x))" : "(tối đa \(x))" }
    func weight(_ x: String) -> String { en ? "(weight \(x))" : "(trọng số \(x))" }
    func pillarTitle(_ name: String, max: String) -> String {
        en ? "\(name.uppercased()) — \(max) POINTS" : "\(name.uppercased()) — TỐI ĐA \(max) ĐIỂM"
    }
    func pillarIndexTitle(_ name: String) -> String { name.uppercased() }
    func pillarScore(_ name: String) -> String { en ? "Pillar points" : "Điểm nhóm" }
    var pillarRank: String { en ? "Pillar rank" : "Hạng nhóm" }
    var pillarValue: String { en ? "Pillar value" : "Giá trị nhóm" }

    // Notes.
    var bandsNote: String { en ? "Bands: " : "Xếp loại: " }
    var notApplicableNote: String {
        en
            ? "Grey cells: the item does not apply to the unit's group; its weight is spread over the others."
            : "Ô màu xám: tiêu chí không áp dụng cho khối của đơn vị; trọng số được quy đổi cho các tiêu chí còn lại."
    }
    func detailOmitted(rows: Int, limit: Int) -> String {
        en
            ? "The details have \(rows) rows, more than the limit of \(limit) for one sheet of this workbook. "
                + "Use `ictindex score … --format json` or `--explain UNIT` for every indicator of a unit."
            : "Bảng chi tiết có \(rows) dòng, vượt giới hạn \(limit) dòng của bảng tính này. "
                + "Dùng `ictindex score … --format json` hoặc `--explain MÃ_ĐƠN_VỊ` để xem từng tiêu chí."
    }
    /// Page numbers that restart on each sheet: LibreOffice's `&N` counts the whole workbook's pages, so a total
    /// ("Trang 1 / 43") would be wrong for a sheet; the sheet's name beside it says which part the page is.
    var footerPage: String { en ? "Page &P" : "Trang &P" }

    // Statuses.
    func status(_ status: NodeResult.Status) -> String {
        switch status {
        case .scored: ""
        case .imputed(_, let overGroup):
            overGroup
                ? (en ? "missing, group mean used" : "thiếu số liệu, lấy trung bình khối")
                : (en ? "missing, mean of all units used" : "thiếu số liệu, lấy trung bình tất cả đơn vị")
        case .missingScoredZero: en ? "missing → 0 points" : "thiếu số liệu → 0 điểm"
        case .skipped: en ? "missing, skipped (weights rescaled)" : "thiếu số liệu, bỏ qua (quy đổi trọng số)"
        case .notApplicable: en ? "does not apply" : "không áp dụng"
        }
    }

    // Method sheet.
    var frameworkID: String { en ? "Criteria id" : "Mã bộ tiêu chí" }
    var frameworkName: String { en ? "Criteria name" : "Tên bộ tiêu chí" }
    var edition: String { en ? "Edition" : "Phiên bản bộ tiêu chí" }
    var file: String { en ? "Criteria file" : "Tệp tiêu chí" }
    var sha256: String { en ? "SHA-256 of the criteria file" : "SHA-256 của tệp tiêu chí" }
    var periodLabel: String { en ? "Period" : "Kỳ đánh giá" }
    var scale: String { en ? "Scale" : "Thang điểm" }
    var rounding: String { en ? "Rounding" : "Làm tròn" }
    func roundingText(_ d: Int) -> String {
        en
            ? "Every published score is rounded to \(d) decimals, half away from zero."
            : "Mọi điểm công bố được làm tròn đến \(d) chữ số thập phân (làm tròn nửa lên)."
    }
    var ranking: String { en ? "Ranking rule" : "Quy tắc xếp hạng" }
    func rankingText(_ on: Framework.RankOn) -> String {
        let value =
            on == .rounded
            ? (en ? "the published (rounded) score" : "điểm công bố (đã làm tròn)")
            : (en ? "the exact score" : "điểm chính xác (chưa làm tròn)")
        return en
            ? "Competition ranking within each group on \(value), highest first: ties share a rank and the next "
                + "rank is skipped (1, 2, 2, 4). Units without a score or in an unranked group get no rank."
            : "Xếp hạng trong từng khối theo \(value), từ cao xuống thấp; các đơn vị bằng điểm cùng hạng và hạng "
                + "kế tiếp bị bỏ qua (1, 2, 2, 4). Đơn vị không có điểm hoặc thuộc khối không xếp hạng "
                + "thì không xếp hạng."
    }
    var bandsLabel: String { en ? "Bands" : "Xếp loại" }
    var groupsLabel: String { en ? "Groups" : "Khối" }
    var notRanked: String { en ? "not ranked" : "không xếp hạng" }
    var runTime: String { en ? "Run time (Vietnam, UTC+7)" : "Thời điểm chạy (giờ Việt Nam)" }
    var version: String { en ? "ictindex version" : "Phiên bản ictindex" }
    var unitCount: String { en ? "Units scored" : "Số đơn vị được chấm" }
    var nodesTitle: String { en ? "Criteria and how each is scored" : "Các tiêu chí và cách tính điểm" }
    var outlineNumber: String { en ? "No." : "STT" }
    var criterion: String { en ? "Criterion" : "Tiêu chí" }
    var share: String { en ? "Share (%)" : "Tỷ trọng (%)" }
    var howScored: String { en ? "How it is scored" : "Cách tính điểm" }
    var codeInFile: String { en ? "Code (criteria file)" : "Mã (trong tệp tiêu chí)" }
    var appliesTo: String { en ? "Applies to" : "Áp dụng cho" }
    var missing: String { en ? "If a value is missing" : "Khi thiếu số liệu" }
    var everyGroup: String { en ? "every group" : "mọi khối" }
    var deductionsTitle: String {
        en ? "Deductions (subtracted from the total, never below 0)" : "Điểm trừ (trừ vào tổng điểm, không thấp hơn 0)"
    }
    var technicalTitle: String {
        en ? "Technical details (to reproduce the results)" : "Thông tin kỹ thuật (để tái lập kết quả)"
    }
    /// What precedes the rule in words, after the decision's own description.
    var formulaLabel: String { en ? "Formula: " : "Cách tính: " }
    var howToRead: String { en ? "How to read the table" : "Cách đọc bảng" }
    func howToReadText(points: Bool) -> String {
        if points {
            return en
                ? "Each group of criteria scores the sum of its criteria's points. A criterion's maximum points are "
                    + "those of the decision; a criterion that does not apply to a group gives its points to the "
                    + "group's other criteria, in proportion to theirs, so every unit is scored out of the full scale."
                : "Điểm của mỗi nhóm tiêu chí là tổng điểm các tiêu chí trong nhóm. Điểm tối đa của từng tiêu chí "
                    + "theo quyết định; tiêu chí không áp dụng cho một khối thì điểm của nó được chia cho các tiêu "
                    + "chí còn lại của khối theo tỷ lệ điểm tối đa (quy đổi), nên mọi đơn vị đều được chấm trên đủ "
                    + "thang điểm."
        }
        return en
            ? "Each component is the weighted mean of its parts; the share is how much a part counts in the overall "
                + "index. A part that does not apply to a group gives its share to the others, in proportion."
            : "Mỗi chỉ số thành phần là bình quân có trọng số của các phần bên dưới; tỷ trọng là mức đóng góp của "
                + "từng phần vào chỉ số chung. Phần không áp dụng cho một khối thì tỷ trọng của nó được chia cho "
                + "các phần còn lại theo tỷ lệ."
    }
    func scaleText(_ scale: String, points: Bool) -> String {
        if points { return en ? "\(scale) points in total" : "Tổng điểm tối đa \(scale) điểm" }
        return en ? "Scores from 0 to \(scale)" : "Điểm từ 0 đến \(scale)"
    }
    /// "20 %", with the decimals the number has.
    func percent(_ x: String) -> String { x + " %" }
    func deductionText(_ formula: String) -> String {
        en ? "points subtracted = \(formula)" : "số điểm trừ = \(formula)"
    }
    func deductionCap(_ x: String) -> String { en ? ", at most \(x) points" : ", trừ tối đa \(x) điểm" }
    /// The first letter in capitals, for a rule shown on its own.
    func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
    /// A band's range under the band above it: "từ 70 đến dưới 85", "trên 0.5 đến 0.75"; the top band "từ 85 điểm".
    func bandRange(from x: String, inclusive: Bool, below upper: (x: String, inclusive: Bool)?) -> String {
        let lower = inclusive ? (en ? "from \(x)" : "từ \(x)") : (en ? "above \(x)" : "trên \(x)")
        guard let upper else { return lower + (en ? " points" : " điểm") }
        let top =
            upper.inclusive
            ? (en ? "below \(upper.x)" : "dưới \(upper.x)") : (en ? "up to \(upper.x)" : "đến \(upper.x)")
        return lower + (en ? " to " : " đến ") + top
    }
    /// The catch-all band: "dưới 50".
    func bandRest(below upper: (x: String, inclusive: Bool)?) -> String {
        guard let upper else { return en ? "every score" : "mọi mức điểm" }
        return upper.inclusive
            ? (en ? "below \(upper.x)" : "dưới \(upper.x)") : (en ? "\(upper.x) or less" : "từ \(upper.x) trở xuống")
    }
}
