import Localization
import OrderedCollections

/// Writes the explanation of one unit, recomputing each rule step with the run's own kernels
/// and peer statistics, so the explained numbers are the scored numbers.
struct ExplanationWriter {
    let scoreboard: Scoreboard
    let unitIndex: Int
    let words: ExplanationWords
    var lines: [Explanation.Line] = []
    /// Reported and derived variable values of the unit.
    var numbers: [VariableID: Double] = [:]
    /// The labels of the options of the indicator being explained, so that choices show labels, not ids.
    var optionLabels: OrderedDictionary<String, LocalizedText> = [:]

    init(scoreboard: Scoreboard, unitIndex: Int, words: ExplanationWords) {
        self.scoreboard = scoreboard
        self.unitIndex = unitIndex
        self.words = words
    }

    var framework: Framework { scoreboard.framework }
    var result: UnitResult { scoreboard.units[unitIndex] }

    func n(_ x: Double) -> String { NumberFormatting.short(x, maxDecimals: Swift.max(4, framework.decimals + 2)) }

    mutating func line(_ depth: Int, _ text: String) { lines.append(.init(depth: depth, text: text)) }

    mutating func write() -> Explanation {
        let unit = result.unit
        computeVariables()
        let groupName = framework.groups[unit.group]?.name.text(language) ?? unit.group.rawValue
        line(0, "\(words.unit) \(unit.code) — \(unit.name) (\(words.group) \(groupName))")
        var header = "\(framework.name.text(language)) [\(framework.id)\(framework.edition.map { " \($0)" } ?? "")]"
        if let period = scoreboard.period { header += ", \(words.period) \(period)" }
        line(0, header)
        if let score = result.score, let published = result.published {
            var text = "\(words.score) \(n(score)) → \(words.published) "
                + NumberFormatting.fixed(published, decimals: framework.decimals)
                + " / \(NumberFormatting.plain(framework.scale))"
            if let rank = result.rank {
                text += ", \(words.rank) \(rank) \(words.of) \(result.rankedCount)"
            } else {
                text += ", \(words.unranked)"
            }
            if let band = result.band { text += ", \(words.band) \(band.name.text(language))" }
            line(0, text)
        } else {
            line(0, "\(words.score): \(words.noScore)")
        }
        writeNode(framework.rootID, depth: 1)
        writeDeductions()
        return Explanation(unit: unit.code, lines: lines)
    }

    var language: Language { words.points == "điểm" ? .vi : .en }

    mutating func computeVariables() {
        let code = result.unit.code
        for (id, entry) in scoreboard.dataset.entries(of: code) {
            if let x = entry.value.number { numbers[id] = x }
        }
        for id in framework.derivedVariableOrder() {
            guard let formula = framework.variables[id]?.formula else { continue }
            numbers[id] = formula.evaluate { numbers[$0] }.value
        }
    }

    func nodeResult(_ id: NodeID) -> NodeResult? {
        scoreboard.index(of: id).map { result.nodes[$0] }
    }

    mutating func writeNode(_ id: NodeID, depth: Int) {
        let node = framework.node(id)
        guard let r = nodeResult(id) else { return }
        var head = "\(node.id) \(node.name.text(language))"
        if case .pillar(let kind, _) = node.kind { head += " (\(words.aggregate): \(kind.rawValue))" }
        switch r.status {
        case .notApplicable:
            line(depth, "\(head): \(words.notApplicable)")
            return
        case .skipped where !node.isIndicator:
            line(depth, "\(head): \(words.skipped)")
            return
        default:
            break
        }
        if node.isIndicator {
            line(depth, head)
            writeDescription(node, depth: depth + 1)
            writeIndicator(node, r, depth: depth + 1)
        } else {
            line(depth, head + ": " + (sumText(node, r) ?? pointsText(r)))
            writeDescription(node, depth: depth + 1)
            for child in node.children { writeNode(child, depth: depth + 1) }
            if let best = scoreboard.bestCase(of: id, for: result), let b = nodeResult(best) {
                let winner = framework.node(best)
                line(
                    depth + 1,
                    "→ \(words.bestCase): \(winner.id) \(winner.name.text(language)), "
                        + "\(n(b.points ?? 0)) / \(n(b.effectiveWeight * framework.scale)) \(words.points)")
            }
        }
    }

    /// The rule as the decision words it (`description`), verbatim, in quotes.
    mutating func writeDescription(_ node: Node, depth: Int) {
        guard let description = node.description?.text(language) else { return }
        line(depth, "“\(description)”")
    }

    /// An indicator's points in the decision's terms: "giá trị 85 → 0.85 × 4 điểm = 3.4 điểm".
    func indicatorPointsText(_ r: NodeResult) -> String {
        guard let value = r.value, r.effectiveWeight > 0, framework.scale != 0 else { return pointsText(r) }
        let maxPoints = r.effectiveWeight * framework.scale
        return "\(words.value) \(n(value)) → \(n(value / framework.scale)) × \(n(maxPoints)) \(words.points) = "
            + "\(n(value * r.effectiveWeight)) \(words.points)"
    }

    /// A `sum` pillar as a decision adds it up ("cộng điểm các tiêu chí: 3.75 + 2.51 + 2 = 8.26 / 10 điểm"), and
    /// a `best_of` node as it picks ("lấy trường hợp có điểm cao nhất: max(2, 1) = 2 / 2 điểm").
    func sumText(_ node: Node, _ r: NodeResult) -> String? {
        guard case .pillar(let aggregate, let children) = node.kind, aggregate == .sum || aggregate == .bestOf,
            let points = r.points, r.effectiveWeight > 0
        else {
            return nil
        }
        let parts = children.compactMap { child -> String? in
            guard let c = nodeResult(child), c.status != .notApplicable, c.status != .skipped, c.effectiveWeight > 0
            else { return nil }
            return n(c.points ?? 0)
        }
        guard !parts.isEmpty else { return nil }
        let sum =
            aggregate == .sum
            ? "\(words.sumOfItems): \(parts.joined(separator: " + "))"
            : "\(words.bestCase): max(\(parts.joined(separator: ", ")))"
        var text = "\(sum) = \(n(points)) / \(n(r.effectiveWeight * framework.scale)) \(words.points)"
        if let rank = r.rank { text += ", \(words.rank) \(rank)" }
        return text
    }

    func pointsText(_ r: NodeResult) -> String {
        guard let value = r.value else { return words.missing }
        var text = "\(words.value) \(n(value))"
        if r.effectiveWeight > 0 {
            text += " × \(words.effectiveWeight) \(n(r.effectiveWeight)) = \(n(value * r.effectiveWeight))"
                + " / \(n(r.effectiveWeight * framework.scale)) \(words.points)"
        }
        if let rank = r.rank { text += ", \(words.rank) \(rank)" }
        return text
    }

    mutating func writeIndicator(_ node: Node, _ r: NodeResult, depth: Int) {
        guard let indicator = node.indicator else { return }
        let code = result.unit.code
        // The variables as reported.
        for id in indicator.value.variables {
            line(depth, variableText(id, entry: scoreboard.dataset[code, id]))
        }
        let choice = indicator.value.isSingleVariable.flatMap { framework.variables[$0]?.kind == .choice ? $0 : nil }
        if indicator.value.isSingleVariable == nil, let input = r.input, case .scored = r.status {
            let substituted = indicator.value.substituting { numbers[$0].map(n) ?? "?" }
            line(depth, "\(words.value) = \(indicator.value.source) = \(substituted) = \(n(input))")
        }
        switch r.status {
        case .skipped:
            line(depth, words.skipped)
            return
        case .missingScoredZero:
            line(depth, words.missingZero + " → " + indicatorPointsText(r))
            return
        case .imputed(let mean, let overGroup):
            line(depth, "\(overGroup ? words.imputedGroupMean : words.imputedMean): \(n(mean))")
        default:
            break
        }
        var current: Double? = r.input
        let option = choice.flatMap { scoreboard.dataset[code, $0]?.value }
        optionLabels = choice.flatMap { framework.variables[$0]?.options } ?? [:]
        for (i, rule) in indicator.rules.enumerated() {
            let first = i == 0
            let lower = first && indicator.direction == .lower
            var context = RuleKernel.Context(scale: framework.scale, weight: node.weight, lowerIsBetter: lower)
            var peerText = ""
            var statistics: PeerStatistics?
            if let over = rule.peers {
                let key = PeerKey(node: node.id, ruleIndex: i, group: over == .all ? nil : result.unit.group)
                statistics = scoreboard.peerStatistics[key]
                context.peers = statistics?.summary
                peerText = peersText(over, statistics, rule)
            }
            let outcome: RuleKernel.Outcome?
            var inputText = current.map(n) ?? words.missing
            if first, choice != nil, case .option(let o)? = option {
                outcome = RuleKernel.applyChoice(rule, option: o, context)
                inputText = "'\(o)'"
            } else if let x = current {
                let v = first ? RuleKernel.peerValue(x, rule, lowerIsBetter: indicator.direction == .lower) : x
                if v != x { inputText = "−\(n(x)) (lower is better)" }
                if rule.needsPeerOrder { context.place = statistics?.counts(of: v) }
                outcome = RuleKernel.apply(rule, to: v, context)
            } else {
                outcome = nil
            }
            guard let outcome else { break }
            line(depth, "\(words.rule) \(rule.name)\(peerText): " + ruleText(rule, input: inputText, outcome, context))
            current = outcome.output
        }
        line(depth, indicatorPointsText(r))
    }

    func variableText(_ id: VariableID, entry: Dataset.Entry?) -> String {
        let variable = framework.variables[id]
        let name = variable?.name.text(language) ?? id.rawValue
        if variable?.isDerived == true, let formula = variable?.formula {
            let substituted = formula.substituting { numbers[$0].map(n) ?? "?" }
            return "\(id) (\(name)) = \(formula.source) = \(substituted) = \(numbers[id].map(n) ?? words.missing)"
        }
        guard let entry else { return "\(id) (\(name)) = \(words.missing)" }
        func display(_ value: Value) -> String {
            if case .option(let o) = value, let label = variable?.options[o] { return label.text(language) }
            return self.display(value)
        }
        var text = "\(id) (\(name)) = \(display(entry.value))"
        if let own = entry.selfAssessed, own != entry.value {
            text += " (\(words.selfAssessed) \(display(own)), \(words.appraised) \(display(entry.value)))"
        } else if entry.source == .appraised {
            text += " (\(words.appraised))"
        }
        if let evidence = entry.evidence, !evidence.allSatisfy(\.isWhitespace) {
            text += "; \(words.evidence): \(MessageText.echo(evidence))"
        } else if variable?.evidence == .required {
            text += "; \(words.noEvidence)"
        }
        return text
    }

    func display(_ value: Value) -> String {
        if case .number(let x) = value { return n(x) }
        return value.description
    }

    func peersText(_ over: PeerSet, _ peers: PeerStatistics?, _ rule: ScoringRule) -> String {
        let whom = over == .all ? words.allUnits : "\(words.groupWord) '\(result.unit.group)'"
        guard let p = peers else { return " \(words.peers) \(whom)" }
        var stats = "n = \(p.count)"
        switch rule {
        case .fractionOfMax: stats += ", max \(n(p.max))"
        case .minmax: stats += ", min \(n(p.min)), max \(n(p.max))"
        case .zscore(_, _, _, let sdOf):
            let sd = sdOf == .sample ? p.sampleSD : p.populationSD
            stats += ", μ \(n(p.mean)), σ \(sd.isFinite ? n(sd) : "—") (\(sdOf.rawValue))"
        case .distanceToTarget: stats += ", min \(n(p.min))"
        default: break
        }
        return " \(words.peers) \(whom) (\(stats))"
    }

    func ruleText(_ rule: ScoringRule, input x: String, _ o: RuleKernel.Outcome, _ c: RuleKernel.Context) -> String {
        let f = o.fraction.map(n) ?? ""
        let toScale = o.fraction != nil && !isRange(rule) ? " → \(f) × \(n(c.scale)) = \(n(o.output))" : ""
        switch rule {
        case .ratio(let percent):
            let base = percent ? "clamp(\(x) / 100)" : "clamp(\(x))"
            return (c.lowerIsBetter ? "1 − \(base)" : base) + " = \(f)" + toScale
        case .linear(let from, let to):
            return "(\(x) − \(n(from))) / (\(n(to)) − \(n(from))) = \(f)" + toScale
        case .steps(let steps):
            guard let step = steps.first(where: { (Double(x) ?? -.infinity) >= $0.atLeast }) ?? nil else {
                return "\(x): \(words.noStep)" + toScale
            }
            return "\(x) ≥ \(n(step.atLeast)) → \(awardText(step.award, c))" + toScale
        case .choice(let choices):
            let option = x.trimmingQuotes
            let shown = optionLabels[option].map { "'\($0.text(language))'" } ?? x
            return "\(shown) → " + (choices[option].map { awardText($0, c) } ?? "0") + toScale
        case .boolean:
            return "\(x == "0" ? words.no : words.yes) → \(f)" + toScale
        case .identity:
            return "\(x)"
        case .fractionOfMax:
            if c.lowerIsBetter, let p = c.peers { return "\(n(-p.max)) / \(x.dropLowerNote) = \(f)" + toScale }
            return "\(x) / \(c.peers.map { n($0.max) } ?? "?") = \(f)" + toScale
        case .minmax(_, let range):
            guard let p = c.peers else { return n(o.output) }
            let lo = range?.lowerBound ?? 0
            let hi = range?.upperBound ?? c.scale
            return "(\(x) − \(n(p.min))) / (\(n(p.max)) − \(n(p.min))) = \(f) → [\(n(lo)), \(n(hi))]: \(n(o.output))"
        case .zscore(_, let mean, let sd, _):
            return "(\(x) − μ) / σ × \(n(sd)) + \(n(mean)) = \(n(o.output))"
        case .rank:
            guard let p = c.peers, let (below, equal) = c.place else { return "= \(f)" + toScale }
            let r = p.count - below - equal + 1
            return "\(words.rank) \(r) \(words.of) \(p.count) → (\(p.count) − \(r)) / (\(p.count) − 1) = \(f)" + toScale
        case .percentile:
            guard let p = c.peers, let (below, equal) = c.place else { return "= \(f)" + toScale }
            return "\(below) / \(p.count - 1) + ½ × \(equal - 1) / \(p.count - 1) = \(f)" + toScale
        case .distanceToTarget(let target, _):
            let t = c.lowerIsBetter ? -target : target
            if let v = Double(x), v >= t { return "\(x) ≥ \(n(t)) → 1" + toScale }
            return "1 − (\(n(t)) − \(x)) / (\(n(t)) − \(c.peers.map { n($0.min) } ?? "?")) = \(f)" + toScale
        }
    }

    func isRange(_ rule: ScoringRule) -> Bool {
        switch rule {
        case .minmax, .zscore, .identity: true
        default: false
        }
    }

    func awardText(_ award: ScoringRule.Award, _ c: RuleKernel.Context) -> String {
        switch award {
        case .points(let p): "\(n(p)) / \(n(c.weight)) \(words.points) = \(n(RuleKernel.award(award, weight: c.weight)))"
        case .score(let f): n(f)
        }
    }

    mutating func writeDeductions() {
        guard !framework.deductions.isEmpty else { return }
        let total = result.deductedPoints
        line(1, "\(words.deductions): −\(n(total))")
        for (deduction, applied) in zip(framework.deductions, result.deductions) {
            var text = "\(deduction.id) \(deduction.name.text(language)): \(deduction.points.source) = "
                + (applied.computed.map(n) ?? words.missing)
            if let cap = deduction.cap { text += " (\(words.cap) \(n(cap)))" }
            text += " → −\(n(applied.points))"
            line(2, text)
        }
    }
}

extension String {
    fileprivate var trimmingQuotes: String {
        hasPrefix("'") && hasSuffix("'") && count >= 2 ? String(dropFirst().dropLast()) : self
    }

    fileprivate var dropLowerNote: String {
        let note = " (lower is better)"
        return hasSuffix(note) ? String(dropLast(note.count)) : self
    }
}
