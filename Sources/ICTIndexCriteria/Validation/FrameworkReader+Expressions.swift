import ICTIndexCore
import OrderedCollections

extension FrameworkReader {
    /// Reads an expression (`value`, `formula`, `points`) and keeps it for ``checkExpressions()``.
    ///
    /// A syntax error is reported at its column inside the file: the scalar's column, plus one for an
    /// opening quote, plus the column inside the expression, minus one.
    mutating func expression(
        _ value: YAMLValue, key: String, of what: String, role: ExpressionSite.Role
    ) -> Expression? {
        let subject = ExpressionSite(expression: .variable("_"), role: role, textStart: nil, location: value.location)
            .subject
        guard let text = value.string, !text.trimmed.isEmpty else {
            error(
                .invalidValue, at: value.location, subject: subject,
                "'\(key)' of \(what) must be an expression, not \(value.summary)",
                hint: "write an expression over variables, such as `\(key): \"computers / staff\"`")
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
            error(
                .expressionSyntax, at: site.location(ofColumn: failure.column), subject: subject,
                "\(site.description) is not a valid expression: \(failure.message)",
                hint: failure.hint
                    ?? "expressions use numbers, variable ids, + - * /, parentheses, comparisons, and, or, not, "
                    + "if(c, a, b), min, max, abs, round and clamp(x, lo, hi)")
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
                        "unknown variable '\(reference.id)' in \(site.description)",
                        hint: suggestion(for: reference.id.rawValue, among: ids)
                            ?? "declare '\(reference.id)' under `variables:`")
                    continue
                }
                switch variable.kind {
                case .text, .date:
                    error(
                        .expressionType, at: location, subject: site.subject,
                        "variable '\(variable.id)' is a \(variable.kind.rawValue) "
                            + "and cannot be used in \(site.description)",
                        hint: "dates and texts are stored and shown, not computed with")
                case .choice:
                    if case .value = site.role, site.expression.isSingleVariable == variable.id { continue }
                    error(
                        .expressionType, at: location, subject: site.subject,
                        "choice variable '\(variable.id)' cannot be used in arithmetic (in \(site.description))",
                        hint: "score a choice on its own: `value: \(variable.id)` "
                            + "with `score: {rule: choice, choices: {…}}`")
                default:
                    continue
                }
            }
        }
    }
}
