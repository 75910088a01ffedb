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
        let origin = inherited ? " (from defaults)" : ""
        let single = value.isSingleVariable.flatMap { variables[$0] }
        if let single, single.kind == .choice, let first = rules.first, first.rule.name != "choice" {
            error(
                .expressionType, at: valueLocation, subject: subject,
                "indicator '\(id)' scores choice variable '\(single.id)' with rule '\(first.rule.name)'\(origin)",
                hint: "give each option its points with `score: {rule: choice, choices: {…}}`")
        }
        for (index, parsed) in rules.enumerated() {
            let name = parsed.rule.name
            for points in parsed.points where points.value > weight + 1e-9 * max(1, weight) {
                error(
                    .pointsAboveWeight, at: inherited ? nodeLocation : points.location, subject: subject,
                    "\(points.key) \(points.value.plain) in rule '\(name)'\(origin) are more than the weight "
                        + "\(weight.plain) of indicator '\(id)'",
                    hint: "points are out of the indicator's weight: lower them or raise the weight")
            }
            guard case .choice = parsed.rule else { continue }
            let ruleLocation = inherited ? nodeLocation : parsed.location
            if index > 0 {
                error(
                    .invalidParameter, at: ruleLocation, subject: subject,
                    "rule 'choice' of indicator '\(id)'\(origin) must come first in its chain",
                    hint: "a choice rule scores the option a unit chose; put it first")
                continue
            }
            guard let single, single.kind == .choice else {
                // An unknown variable is reported by the expression checks.
                if let reference = value.isSingleVariable, variables[reference] == nil { continue }
                let found =
                    single.map { "its value '\($0.id)' is a \($0.kind.rawValue) variable" }
                    ?? "its value is the expression '\(value.source)'"
                error(
                    .expressionType, at: ruleLocation, subject: subject,
                    "rule 'choice' of indicator '\(id)'\(origin) needs a choice variable as its value; \(found)",
                    hint: "set `value:` to a variable of type choice, or use another rule")
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
            error(
                .choiceMismatch, at: inherited ? location : keyLocation, subject: subject,
                "'\(option)' is not an option of variable '\(variable.id)' (in the choices of indicator '\(id)')",
                hint: suggestion(for: option, among: options)
                    ?? "the options of '\(variable.id)' are \(options.joined(separator: ", "))")
        }
        let left = options.filter { !written.contains($0) }
        guard !left.isEmpty else { return }
        let names = left.map { "'\($0)'" }.joined(separator: ", ")
        error(
            .choiceMismatch, at: location, subject: subject,
            "the choices of indicator '\(id)' leave out \(left.count == 1 ? "option" : "options") \(names) "
                + "of variable '\(variable.id)'",
            hint: "give every option of '\(variable.id)' its `points:` or `score:`")
    }
}
