import ICTIndexCore

/// The workbook's headers and labels, in Vietnamese (default) or English.
struct ReportWords {
    let language: Language
    var en: Bool { language == .en }

    /// The text in the workbook's language; each language labelled, so the two cannot be swapped unseen.
    func say(vi: String, en: String) -> String { Words(vi: vi, en: en)(language) }

    // Sheet names (shortened to 31 characters where needed).
    var summarySheet: String { say(vi: "Tổng hợp", en: "Summary") }
    var detailSheet: String { say(vi: "Chi tiết", en: "Details") }
    var methodSheet: String { say(vi: "Phương pháp", en: "Method") }
    var profileSheet: String { say(vi: "Biểu đồ nhóm tiêu chí", en: "Pillar profile") }
    func rankingSheet(_ group: String) -> String { (say(vi: "Xếp hạng - ", en: "Ranking - ")) + group }

    // Columns.
    var number: String { say(vi: "STT", en: "No.") }
    var code: String { say(vi: "Mã", en: "Code") }
    var unit: String { say(vi: "Tên đơn vị", en: "Unit") }
    var group: String { say(vi: "Khối", en: "Group") }
    var score: String { say(vi: "Tổng điểm", en: "Score") }
    var rank: String { say(vi: "Xếp hạng", en: "Rank") }
    var band: String { say(vi: "Xếp loại", en: "Band") }
    var pillarPoints: String { say(vi: "Điểm theo nhóm tiêu chí", en: "Points per pillar") }
    var pillarValues: String { say(vi: "Giá trị chỉ số thành phần", en: "Component values") }
    var indicatorCode: String { say(vi: "Mã tiêu chí", en: "Indicator") }
    var indicatorName: String { say(vi: "Tên tiêu chí", en: "Indicator name") }
    var value: String { say(vi: "Giá trị", en: "Value") }
    func indicatorScore(_ scale: String) -> String {
        say(vi: "Điểm tiêu chí (thang \(scale))", en: "Score (0–\(scale))")
    }
    var points: String { say(vi: "Điểm", en: "Points") }
    var maxPoints: String { say(vi: "Điểm tối đa", en: "Max points") }
    var rule: String { say(vi: "Cách tính điểm", en: "Rule") }
    var status: String { say(vi: "Ghi chú", en: "Note") }
    var pillar: String { say(vi: "Nhóm tiêu chí", en: "Pillar") }
    var allUnits: String { say(vi: "Tất cả đơn vị", en: "All units") }

    // Titles.
    func period(_ p: String) -> String { say(vi: "Kỳ đánh giá: năm \(p)", en: "Assessment period: \(p)") }
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
    var detailTitle: String { say(vi: "CHI TIẾT ĐIỂM TỪNG TIÊU CHÍ THEO ĐƠN VỊ", en: "POINTS PER INDICATOR AND UNIT") }
    var methodTitle: String { say(vi: "PHƯƠNG PHÁP TÍNH ĐIỂM VÀ THÔNG TIN TÁI LẬP", en: "METHOD AND REPRODUCIBILITY") }
    var profileTitle: String {
        en
            ? "Attainment per pillar (% of max points), mean per group"
            : "Mức đạt theo nhóm tiêu chí (% điểm tối đa), bình quân theo khối"
    }
    func rankingTitle(_ group: String) -> String {
        say(vi: "XẾP HẠNG — \(group.uppercased())", en: "RANKING — \(group.uppercased())")
    }
    func chartTitle(shown: Int, of total: Int) -> String {
        if shown == total { return say(vi: "Điểm của các đơn vị", en: "Score per unit") }
        return say(vi: "Điểm của \(shown)/\(total) đơn vị đứng đầu", en: "Score of the top \(shown) of \(total) units")
    }
    func chartTitle(top: Int, bottom: Int, of total: Int) -> String {
        en
            ? "Score of the top \(top) and the bottom \(bottom) of \(total) units (every unit is in the table)"
            : "Điểm của \(top) đơn vị đứng đầu và \(bottom) đơn vị cuối trong \(total) đơn vị (đủ các đơn vị ở bảng trên)"
    }
    func chartGap(_ count: Int) -> String { say(vi: "… \(count) đơn vị khác", en: "… \(count) more units") }
    func groupHeading(_ roman: String, _ name: String, count: Int, ranked: Bool) -> String {
        var text = "\(roman). \(name) (\(count) \(say(vi: "đơn vị", en: "units"))"
        if !ranked { text += say(vi: ", không xếp hạng", en: ", not ranked") }
        return text + ")"
    }
    /// The page header of a draft: "DỰ THẢO" in bold, centred (Excel's `&"-,Bold"` keeps the font, sets bold).
    var draftHeader: String {
        "&C&\"-,Bold\"" + (say(vi: "DỰ THẢO — chưa công bố", en: "DRAFT — not published"))
    }
    /// The document properties' category of a draft.
    var draftCategory: String { say(vi: "Dự thảo (chưa công bố)", en: "Draft (not published)") }
    var draftMark: String { say(vi: "DỰ THẢO", en: "DRAFT") }
    var groupMaximum: String { say(vi: "Điểm tối đa của khối này", en: "Maximum points in this group") }

    /// The line under a group: "Tốt: 2 · Khá: 8 · Trung bình: 1 · Yếu: 3; điểm bình quân của khối: 70.12".
    func groupSummary(bands: [(name: String, count: Int)], average: String?) -> String {
        var parts: [String] = []
        if !bands.isEmpty { parts.append(bands.map { "\($0.name): \($0.count)" }.joined(separator: " · ")) }
        if let average { parts.append((say(vi: "điểm bình quân của khối: ", en: "group average: ")) + average) }
        return parts.joined(separator: "; ")
    }

    /// The first line of the signature block: "TM. ỦY BAN NHÂN DÂN TỈNH" ("For the Provincial People's Committee").
    func onBehalfOf(_ issuer: String) -> String {
        say(vi: "TM. \(issuer.uppercased())", en: "For \(issuer)")
    }

    var signHere: String { say(vi: "(Ký, ghi rõ họ tên, đóng dấu)", en: "(signature, full name and seal)") }
    func maximum(_ x: String) -> String { say(vi: "(tối đa \(x))", en: "(max \(x))") }
    func weight(_ x: String) -> String { say(vi: "(trọng số \(x))", en: "(weight \(x))") }
    func pillarTitle(_ name: String, max: String) -> String {
        say(vi: "\(name.uppercased()) — TỐI ĐA \(max) ĐIỂM", en: "\(name.uppercased()) — \(max) POINTS")
    }
    func pillarIndexTitle(_ name: String) -> String { name.uppercased() }
    func pillarScore(_ name: String) -> String { say(vi: "Điểm nhóm", en: "Pillar points") }
    var pillarRank: String { say(vi: "Hạng nhóm", en: "Pillar rank") }
    var pillarValue: String { say(vi: "Giá trị nhóm", en: "Pillar value") }

    // Notes.
    var bandsNote: String { say(vi: "Xếp loại: ", en: "Bands: ") }
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
    var footerPage: String { say(vi: "Trang &P", en: "Page &P") }

    // Statuses.
    func status(_ status: NodeResult.Status) -> String {
        switch status {
        case .scored: ""
        case .imputed(_, let overGroup):
            overGroup
                ? (say(vi: "thiếu số liệu, lấy trung bình khối", en: "missing, group mean used"))
                : (say(vi: "thiếu số liệu, lấy trung bình tất cả đơn vị", en: "missing, mean of all units used"))
        case .missingScoredZero: say(vi: "thiếu số liệu → 0 điểm", en: "missing → 0 points")
        case .skipped: say(vi: "thiếu số liệu, bỏ qua (quy đổi trọng số)", en: "missing, skipped (weights rescaled)")
        case .notApplicable: say(vi: "không áp dụng", en: "does not apply")
        }
    }

    // Method sheet.
    var frameworkID: String { say(vi: "Mã bộ tiêu chí", en: "Criteria id") }
    var frameworkName: String { say(vi: "Tên bộ tiêu chí", en: "Criteria name") }
    var edition: String { say(vi: "Phiên bản bộ tiêu chí", en: "Edition") }
    var file: String { say(vi: "Tệp tiêu chí", en: "Criteria file") }
    var sha256: String { say(vi: "SHA-256 của tệp tiêu chí", en: "SHA-256 of the criteria file") }
    var periodLabel: String { say(vi: "Kỳ đánh giá", en: "Period") }
    var scale: String { say(vi: "Thang điểm", en: "Scale") }
    var rounding: String { say(vi: "Làm tròn", en: "Rounding") }
    func roundingText(_ d: Int) -> String {
        en
            ? "Every published score is rounded to \(d) decimals, half away from zero."
            : "Mọi điểm công bố được làm tròn đến \(d) chữ số thập phân (làm tròn nửa lên)."
    }
    var ranking: String { say(vi: "Quy tắc xếp hạng", en: "Ranking rule") }
    func rankingText(_ on: Framework.RankOn) -> String {
        let value =
            on == .rounded
            ? (say(vi: "điểm công bố (đã làm tròn)", en: "the published (rounded) score"))
            : (say(vi: "điểm chính xác (chưa làm tròn)", en: "the exact score"))
        return en
            ? "Competition ranking within each group on \(value), highest first: ties share a rank and the next "
                + "rank is skipped (1, 2, 2, 4). Units without a score or in an unranked group get no rank."
            : "Xếp hạng trong từng khối theo \(value), từ cao xuống thấp; các đơn vị bằng điểm cùng hạng và hạng "
                + "kế tiếp bị bỏ qua (1, 2, 2, 4). Đơn vị không có điểm hoặc thuộc khối không xếp hạng "
                + "thì không xếp hạng."
    }
    var bandsLabel: String { say(vi: "Xếp loại", en: "Bands") }
    var groupsLabel: String { say(vi: "Khối", en: "Groups") }
    var notRanked: String { say(vi: "không xếp hạng", en: "not ranked") }
    var runTime: String { say(vi: "Thời điểm chạy (giờ Việt Nam)", en: "Run time (Vietnam, UTC+7)") }
    var version: String { say(vi: "Phiên bản ictindex", en: "ictindex version") }
    var unitCount: String { say(vi: "Số đơn vị được chấm", en: "Units scored") }
    var nodesTitle: String { say(vi: "Các tiêu chí và cách tính điểm", en: "Criteria and how each is scored") }
    var outlineNumber: String { say(vi: "STT", en: "No.") }
    var criterion: String { say(vi: "Tiêu chí", en: "Criterion") }
    var share: String { say(vi: "Tỷ trọng (%)", en: "Share (%)") }
    var howScored: String { say(vi: "Cách tính điểm", en: "How it is scored") }
    var codeInFile: String { say(vi: "Mã (trong tệp tiêu chí)", en: "Code (criteria file)") }
    var appliesTo: String { say(vi: "Áp dụng cho", en: "Applies to") }
    var missing: String { say(vi: "Khi thiếu số liệu", en: "If a value is missing") }
    var everyGroup: String { say(vi: "mọi khối", en: "every group") }
    var deductionsTitle: String {
        say(
            vi: "Điểm trừ (trừ vào tổng điểm, không thấp hơn 0)",
            en: "Deductions (subtracted from the total, never below 0)")
    }
    var technicalTitle: String {
        say(vi: "Thông tin kỹ thuật (để tái lập kết quả)", en: "Technical details (to reproduce the results)")
    }
    /// What precedes the rule in words, after the decision's own description.
    var formulaLabel: String { say(vi: "Cách tính: ", en: "Formula: ") }
    var howToRead: String { say(vi: "Cách đọc bảng", en: "How to read the table") }
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
        if points { return say(vi: "Tổng điểm tối đa \(scale) điểm", en: "\(scale) points in total") }
        return say(vi: "Điểm từ 0 đến \(scale)", en: "Scores from 0 to \(scale)")
    }
    /// "20 %", with the decimals the number has.
    func percent(_ x: String) -> String { x + " %" }
    func deductionText(_ formula: String) -> String {
        say(vi: "số điểm trừ = \(formula)", en: "points subtracted = \(formula)")
    }
    func deductionCap(_ x: String) -> String { say(vi: ", trừ tối đa \(x) điểm", en: ", at most \(x) points") }
    /// The first letter in capitals, for a rule shown on its own.
    func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
    /// A band's range under the band above it: "từ 70 đến dưới 85", "trên 0.5 đến 0.75"; the top band "từ 85 điểm".
    func bandRange(from x: String, inclusive: Bool, below upper: (x: String, inclusive: Bool)?) -> String {
        let lower = inclusive ? (say(vi: "từ \(x)", en: "from \(x)")) : (say(vi: "trên \(x)", en: "above \(x)"))
        guard let upper else { return lower + (say(vi: " điểm", en: " points")) }
        let top =
            upper.inclusive
            ? (say(vi: "dưới \(upper.x)", en: "below \(upper.x)")) : (say(vi: "đến \(upper.x)", en: "up to \(upper.x)"))
        return lower + (say(vi: " đến ", en: " to ")) + top
    }
    /// The catch-all band: "dưới 50".
    func bandRest(below upper: (x: String, inclusive: Bool)?) -> String {
        guard let upper else { return say(vi: "mọi mức điểm", en: "every score") }
        return upper.inclusive
            ? (say(vi: "dưới \(upper.x)", en: "below \(upper.x)"))
            : (say(vi: "từ \(upper.x) trở xuống", en: "\(upper.x) or less"))
    }
}
