import ICTIndexCore
import OrderedCollections

extension FrameworkReader {
    /// Reads an expression (`value`, `formula`, `points`) and keeps it for ``checkExpressions()``.
    ///
    /// A syntax error is reported at its column inside the file: the scalar's column, plus one for an
    /// opening quote, plus the column inside the expression, minus one.
    mutating func expression(
        _ value: YAMLValue, key: String, of what: Words, role: ExpressionSite.Role
    ) -> Expression? {
        let subject = ExpressionSite(expression: .variable("_"), role: role, textStart: nil, location: value.location)
            .subject
        guard let text = value.string, !text.trimmed.isEmpty else {
            let found = value.summary
            error(
                .invalidValue, at: value.location, subject: subject,
                Words(
                    vi: "'\(key)' của \(what.vi) phải là một biểu thức, không phải \(found.vi)",
                    en: "'\(key)' of \(what.en) must be an expression, not \(found.en)"),
                hint: Words(
                    vi: "ghi một biểu thức tính từ các biến số liệu, ví dụ `\(key): \"computers / staff\"`",
                    en: "write an expression over variables, such as `\(key): \"computers / staff\"`"))
            return nil
        }
        let textStart = value.mapsColumns ? value.textStart : nil
        do {
            let expression = try Expression.parse(text)
            expressionSites.append(
                ExpressionSite(expression: expression, role: role, textStart: textStart, location: value.location))
            return expression
        } catch let failure {
            let site = ExpressionSite(
                expression: .variable("_"), role: role, textStart: textStart, location: value.location)
            // The parser's own message and hint (ICTIndexCore) are quoted as they are.
            let what = site.description
            error(
                .expressionSyntax, at: site.location(ofColumn: failure.column), subject: subject,
                Words(
                    vi: "\(what.vi) không hợp lệ: \(failure.message.vi)",
                    en: "\(what.en) is not a valid expression: \(failure.message.en)"),
                hint: failure.hint
                    ?? Words(
                        vi: "biểu thức gồm số, mã biến số liệu, + - * /, dấu ngoặc, phép so sánh, and, or, not, "
                            + "if(c, a, b), min, max, abs, round và clamp(x, lo, hi)",
                        en: "expressions use numbers, variable ids, + - * /, parentheses, comparisons, and, or, not, "
                            + "if(c, a, b), min, max, abs, round and clamp(x, lo, hi)"))
            return nil
        }
    }

    /// Checks every variable an expression names: it exists, and its type can be computed with.
    mutating func checkExpressions() {
        let ids = variables.keys.map(\.rawValue)
        for site in expressionSites {
            for reference in site.expression.variableReferences {
                let location = site.location(ofColumn: reference.column)
                guard let variable = variables[reference.id] else {
                    error(
                        .unknownVariable, at: location, subject: site.subject,
                        Words(
                            vi: "không có biến số liệu '\(reference.id)' trong \(site.description.vi)",
                            en: "unknown variable '\(reference.id)' in \(site.description.en)"),
                        hint: suggestion(for: reference.id.rawValue, among: ids)
                            ?? Words(
                                vi: "khai báo '\(reference.id)' trong `variables:`",
                                en: "declare '\(reference.id)' under `variables:`"))
                    continue
                }
                switch variable.kind {
                case .text, .date:
                    error(
                        .expressionType, at: location, subject: site.subject,
                        Words(
                            vi: "biến số liệu '\(variable.id)' có kiểu \(variable.kind.rawValue), "
                                + "không dùng được trong \(site.description.vi)",
                            en: "variable '\(variable.id)' is a \(variable.kind.rawValue) "
                                + "and cannot be used in \(site.description.en)"),
                        hint: Words(
                            vi: "ngày tháng và văn bản chỉ để lưu và hiển thị, không dùng để tính",
                            en: "dates and texts are stored and shown, not computed with"))
                case .choice:
                    if case .value = site.role, site.expression.isSingleVariable == variable.id { continue }
                    error(
                        .expressionType, at: location, subject: site.subject,
                        Words(
                            vi: "biến lựa chọn '\(variable.id)' không dùng được trong phép tính "
                                + "(ở \(site.description.vi))",
                            en:
                                "choice variable '\(variable.id)' cannot be used in arithmetic "
                                + "(in \(site.description.en))"
                        ),
                        hint: Words(
                            vi: "chấm riêng biến lựa chọn: `value: \(variable.id)` "
                                + "với `score: {rule: choice, choices: {…}}`",
                            en: "score a choice on its own: `value: \(variable.id)` "
                                + "with `score: {rule: choice, choices: {…}}`"))
                default:
                    continue
                }
            }
        }
    }
}
