extension ScoringRun {
    /// Whether a result slot counts for its unit (scored, imputed or missing-scored-zero).
    @inline(__always)
    func counts(_ i: Int) -> Bool {
        switch results.status[i] {
        case .skipped, .notApplicable: false
        default: true
        }
    }

    /// Combines children into pillars bottom-up, then sets effective weights top-down.
    mutating func aggregate() {
        var failures: [(unit: Int, node: Int, child: Int, harmonic: Bool)] = []
        var values: [Double] = []
        var weights: [Double] = []
        var counted: [Int] = []
        for n in nodes.indices.reversed() {
            guard case .pillar(let kind, _) = nodes[n].kind else { continue }
            let kids = children[n]
            let kidWeights = kids.map { nodes[$0].weight }
            for u in units.indices where nodeApplies(n, unit: u) {
                if kind == .sum || kind == .mean {
                    // The common case, without collecting: Σ wᵢ xᵢ / Σ wᵢ over children that count.
                    var sum = 0.0
                    var total = 0.0
                    var any = false
                    for (k, c) in kids.enumerated() {
                        let i = slot(u, c)
                        let x = results.value[i]
                        guard counts(i), !x.isNaN else { continue }
                        any = true
                        let w = kidWeights[k]
                        if w > 0 {
                            sum += w * x
                            total += w
                        }
                    }
                    let i = slot(u, n)
                    results.status[i] = any && total > 0 ? .scored : .skipped
                    results.value[i] = any && total > 0 ? sum / total : .nan
                    continue
                }
                values.removeAll(keepingCapacity: true)
                weights.removeAll(keepingCapacity: true)
                counted.removeAll(keepingCapacity: true)
                for (k, c) in kids.enumerated() {
                    let i = slot(u, c)
                    guard counts(i), !results.value[i].isNaN else { continue }
                    values.append(results.value[i])
                    weights.append(kidWeights[k])
                    counted.append(c)
                }
                let i = slot(u, n)
                guard !counted.isEmpty else {
                    results.status[i] = .skipped
                    continue
                }
                var value: Double?
                switch kind {
                case .sum, .mean:
                    value = Aggregation.weightedMean(values, weights: weights)
                case .geometric, .harmonic:
                    do throws(Aggregation.Failure) {
                        value =
                            kind == .geometric
                            ? try Aggregation.weightedGeometricMean(values, weights: weights)
                            : try Aggregation.weightedHarmonicMean(values, weights: weights)
                    } catch {
                        if case .nonPositive(let k) = error { failures.append((u, n, counted[k], kind == .harmonic)) }
                    }
                case .min, .max:
                    value = Aggregation.extremeIndex(values, weights: weights, highest: kind == .max).map { values[$0] }
                }
                results.status[i] = value == nil ? .skipped : .scored
                results.value[i] = value ?? .nan
            }
        }
        for f in failures {
            let unit = units[f.unit].code
            let child = results.value[slot(f.unit, f.child)]
            diagnostics.append(
                .error(
                    f.harmonic ? .harmonicNonPositive : .geometricNonPositive, at: nodes[f.node].source,
                    subject: .unitNode(unit, nodes[f.node].id),
                    "unit '\(unit)', pillar '\(nodes[f.node].id)': the \(f.harmonic ? "harmonic" : "geometric") mean "
                        + "needs values above 0, but '\(nodes[f.child].id)' is \(NumberFormatting.short(child))",
                    hint: "normalise the children onto a range that starts above 0, "
                        + "e.g. score: {rule: minmax, range: [1, 100]}"))
        }
        assignEffectiveWeights()
    }

    /// Effective weight = weight ÷ the weights of the siblings that count × the parent's (root = 1);
    /// in a min/max pillar the chosen child takes the parent's whole weight.
    private mutating func assignEffectiveWeights() {
        let root = nodeIndex[framework.rootID] ?? 0
        let pillars = nodes.indices.filter { !nodes[$0].isIndicator }
        for u in units.indices {
            if counts(slot(u, root)) { results.effective[slot(u, root)] = 1 }
            for n in pillars {
                guard case .pillar(let kind, _) = nodes[n].kind else { continue }
                let p = slot(u, n)
                let parentWeight = results.effective[p]
                guard counts(p), parentWeight > 0 else { continue }
                let kids = children[n]
                if kind == .min || kind == .max {
                    var chosen: Int?
                    for c in kids where counts(slot(u, c)) && nodes[c].weight > 0 {
                        let x = results.value[slot(u, c)]
                        guard !x.isNaN else { continue }
                        if let b = chosen {
                            let y = results.value[slot(u, b)]
                            if !(kind == .max ? x > y : x < y) { continue }
                        }
                        chosen = c
                    }
                    if let c = chosen { results.effective[slot(u, c)] = parentWeight }
                    continue
                }
                var total = 0.0
                for c in kids where counts(slot(u, c)) { total += nodes[c].weight }
                guard total > 0 else { continue }
                for c in kids where counts(slot(u, c)) {
                    results.effective[slot(u, c)] = parentWeight * nodes[c].weight / total
                }
            }
        }
    }
}
