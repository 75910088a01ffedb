import Localization
import OrderedCollections

/// The few words of an explanation, in Vietnamese or English.
struct ExplanationWords {
    let unit, group, period, score, published, rank, of, unranked, band, points, value, weight, notApplicable,
        skipped, missingZero, imputedMean, imputedGroupMean, rule, deductions, deduction, cap, total, selfAssessed,
        appraised, missing, peers, allUnits, groupWord, noStep, effectiveWeight, noScore, aggregate, yes, no,
        bestCase, sumOfItems, evidence, noEvidence: String

    init(_ language: Language) {
        switch language {
        case .vi:
            unit = "Đơn vị"; group = "khối"; period = "kỳ"; score = "Điểm"; published = "công bố"; rank = "hạng"
            of = "/"; unranked = "không xếp hạng"; band = "xếp loại"; points = "điểm"; value = "giá trị"
            weight = "trọng số"; notApplicable = "không áp dụng cho khối này (trọng số các tiêu chí còn lại được quy đổi)"
            skipped = "thiếu số liệu, bỏ qua (missing: skip; trọng số được quy đổi)"
            missingZero = "thiếu số liệu → 0 điểm (missing: zero)"
            imputedMean = "thiếu số liệu, thay bằng trung bình của tất cả đơn vị"
            imputedGroupMean = "thiếu số liệu, thay bằng trung bình của khối"
            rule = "quy tắc"; deductions = "Điểm trừ"; deduction = "trừ"; cap = "tối đa"; total = "Tổng"
            selfAssessed = "tự đánh giá"; appraised = "thẩm định"; missing = "thiếu"; peers = "so với"
            allUnits = "tất cả đơn vị"; groupWord = "khối"; noStep = "không đạt mức nào → 0"
            effectiveWeight = "trọng số hiệu dụng"; noScore = "không có điểm (thiếu toàn bộ số liệu)"
            aggregate = "tổng hợp"; yes = "có"; no = "không"; bestCase = "lấy trường hợp có điểm cao nhất"
            sumOfItems = "cộng điểm các tiêu chí"
            evidence = "minh chứng"; noEvidence = "chưa có minh chứng (bắt buộc)"
        case .en:
            unit = "Unit"; group = "group"; period = "period"; score = "Score"; published = "published"; rank = "rank"
            of = "of"; unranked = "not ranked"; band = "band"; points = "points"; value = "value"
            weight = "weight"; notApplicable = "does not apply to this group (the other items' weights are rescaled)"
            skipped = "missing, skipped (missing: skip; weights rescaled)"
            missingZero = "missing → 0 points (missing: zero)"
            imputedMean = "missing, replaced by the mean of all units"
            imputedGroupMean = "missing, replaced by the group's mean"
            rule = "rule"; deductions = "Deductions"; deduction = "minus"; cap = "cap"; total = "Total"
            selfAssessed = "self-assessed"; appraised = "appraised"; missing = "missing"; peers = "over"
            allUnits = "all units"; groupWord = "group"; noStep = "no step reached → 0"
            effectiveWeight = "effective weight"; noScore = "no score (every value missing)"
            aggregate = "aggregate"; yes = "yes"; no = "no"; bestCase = "the highest case wins"
            sumOfItems = "sum of the items' points"
            evidence = "evidence"; noEvidence = "no evidence (required)"
        }
    }
}
