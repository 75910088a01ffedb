import ICTIndexCore
import OrderedCollections

extension FrameworkReader {
    /// Checks an indicator's rules against the indicator: points within its weight, and a `choice` rule
    /// against its choice variable's options.
    ///
    /// Rules inherited from `defaults:` are reported at the indicator, since that is where they apply.
    mutating func checkRules(
        _ rules: [ParsedRule], of id: NodeID, weight: Double, value: Expression, valueLocation: SourceLocation,
        nodeLocation: SourceLocation, inherited: Bool
    ) {
        let subject = Diagnostic.Subject.node(id)
        let origin = inherited ? Words(vi: " (lấy từ defaults)", en: " (from defaults)") : Words.verbatim("")
        let single = value.isSingleVariable.flatMap { variables[$0] }
        if let single, single.kind == .choice, let first = rules.first, first.rule.name != "choice" {
            error(
                .expressionType, at: valueLocation, subject: subject,
                Words(
                    vi:
                        "tiêu chí '\(id)' chấm biến lựa chọn '\(single.id)' "
                        + "bằng quy tắc '\(first.rule.name)'\(origin.vi)",
                    en:
                        "indicator '\(id)' scores choice variable '\(single.id)' "
                        + "with rule '\(first.rule.name)'\(origin.en)"
                ),
                hint: Words(
                    vi: "ghi điểm cho từng lựa chọn bằng `score: {rule: choice, choices: {…}}`",
                    en: "give each option its points with `score: {rule: choice, choices: {…}}`"))
        }
        for (index, parsed) in rules.enumerated() {
            let name = parsed.rule.name
            for points in parsed.points where points.value > weight + 1e-9 * max(1, weight) {
                error(
                    .pointsAboveWeight, at: inherited ? nodeLocation : points.location, subject: subject,
                    Words(
                        vi: "\(points.key) \(points.value.plain) trong quy tắc '\(name)'\(origin.vi) lớn hơn trọng số "
                            + "\(weight.plain) của tiêu chí '\(id)'",
                        en:
                            "\(points.key) \(points.value.plain) in rule '\(name)'\(origin.en) "
                            + "are more than the weight "
                            + "\(weight.plain) of indicator '\(id)'"),
                    hint: Words(
                        vi: "số điểm tính trên trọng số của tiêu chí: hạ số điểm hoặc tăng trọng số",
                        en: "points are out of the indicator's weight: lower them or raise the weight"))
            }
            guard case .choice = parsed.rule else { continue }
            let ruleLocation = inherited ? nodeLocation : parsed.location
            if index > 0 {
                error(
                    .invalidParameter, at: ruleLocation, subject: subject,
                    Words(
                        vi: "quy tắc 'choice' ở tiêu chí '\(id)'\(origin.vi) phải đứng đầu chuỗi quy tắc",
                        en: "rule 'choice' of indicator '\(id)'\(origin.en) must come first in its chain"),
                    hint: Words(
                        vi: "quy tắc choice chấm lựa chọn của đơn vị; đặt nó lên đầu",
                        en: "a choice rule scores the option a unit chose; put it first"))
                continue
            }
            guard let single, single.kind == .choice else {
                // An unknown variable is reported by the expression checks.
                if let reference = value.isSingleVariable, variables[reference] == nil { continue }
                let found =
                    single.map {
                        Words(
                            vi: "giá trị '\($0.id)' là biến số liệu kiểu \($0.kind.rawValue)",
                            en: "its value '\($0.id)' is a \($0.kind.rawValue) variable")
                    }
                    ?? Words(
                        vi: "giá trị là biểu thức '\(value.source)'",
                        en: "its value is the expression '\(value.source)'")
                error(
                    .expressionType, at: ruleLocation, subject: subject,
                    Words(
                        vi:
                            "quy tắc 'choice' ở tiêu chí '\(id)'\(origin.vi) "
                            + "cần giá trị là một biến lựa chọn; \(found.vi)",
                        en:
                            "rule 'choice' of indicator '\(id)'\(origin.en) "
                            + "needs a choice variable as its value; \(found.en)"
                    ),
                    hint: Words(
                        vi: "đặt `value:` là một biến số liệu kiểu choice, hoặc dùng quy tắc khác",
                        en: "set `value:` to a variable of type choice, or use another rule"))
                continue
            }
            checkChoices(parsed, of: id, variable: single, at: ruleLocation, inherited: inherited)
        }
    }

    /// The options of a `choice` rule must be exactly the variable's options.
    private mutating func checkChoices(
        _ parsed: ParsedRule, of id: NodeID, variable: Variable, at location: SourceLocation, inherited: Bool
    ) {
        let subject = Diagnostic.Subject.node(id)
        let options = Array(variable.options.keys)
        let written = Set(parsed.choiceKeys.map(\.option))
        for (option, keyLocation) in parsed.choiceKeys where variable.options[option] == nil {
            let list = options.joined(separator: ", ")
            error(
                .choiceMismatch, at: inherited ? location : keyLocation, subject: subject,
                Words(
                    vi:
                        "'\(option)' không phải lựa chọn của biến số liệu '\(variable.id)' "
                        + "(trong choices của tiêu chí '\(id)')",
                    en:
                        "'\(option)' is not an option of variable '\(variable.id)' "
                        + "(in the choices of indicator '\(id)')"
                ),
                hint: suggestion(for: option, among: options)
                    ?? Words(
                        vi: "các lựa chọn của '\(variable.id)' là \(list)",
                        en: "the options of '\(variable.id)' are \(list)"))
        }
        let left = options.filter { !written.contains($0) }
        guard !left.isEmpty else { return }
        let names = left.map { "'\($0)'" }.joined(separator: ", ")
        error(
            .choiceMismatch, at: location, subject: subject,
            Words(
                vi: "choices của tiêu chí '\(id)' bỏ sót lựa chọn \(names) của biến số liệu '\(variable.id)'",
                en: "the choices of indicator '\(id)' leave out \(left.count == 1 ? "option" : "options") \(names) "
                    + "of variable '\(variable.id)'"),
            hint: Words(
                vi: "ghi `points:` hoặc `score:` cho mọi lựa chọn của '\(variable.id)'",
                en: "give every option of '\(variable.id)' its `points:` or `score:`"))
    }
}
