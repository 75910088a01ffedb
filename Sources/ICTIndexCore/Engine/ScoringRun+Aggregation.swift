import OrderedCollections

extension ScoringRun {
    /// Combines children into pillars bottom-up, then sets effective weights top-down.
    mutating func aggregate() {
        var failures: [(unit: Int, node: Int, child: Int, harmonic: Bool)] = []
        for n in nodes.indices.reversed() {
            guard case .pillar(let kind, _) = nodes[n].kind else { continue }
            let kids = children[n]
            var values: [Double] = []
            var weights: [Double] = []
            var counted: [Int] = []
            values.reserveCapacity(kids.count)
            for u in units.indices where nodeApplies(n, unit: u) {
                values.removeAll(keepingCapacity: true)
                weights.removeAll(keepingCapacity: true)
                counted.removeAll(keepingCapacity: true)
                for c in kids {
                    let child = self[unit: u, node: c]
                    guard child.counts, let value = child.value else { continue }
                    values.append(value)
                    weights.append(nodes[c].weight)
                    counted.append(c)
                }
                var result = self[unit: u, node: n]
                if counted.isEmpty {
                    result.status = .skipped
                    result.value = nil
                    self[unit: u, node: n] = result
                    continue
                }
                result.status = .scored
                switch kind {
                case .sum, .mean:
                    result.value = Aggregation.weightedMean(values, weights: weights)
                case .geometric, .harmonic:
                    do throws(Aggregation.Failure) {
                        result.value =
                            kind == .geometric
                            ? try Aggregation.weightedGeometricMean(values, weights: weights)
                            : try Aggregation.weightedHarmonicMean(values, weights: weights)
                    } catch {
                        if case .nonPositive(let i) = error {
                            failures.append((u, n, counted[i], kind == .harmonic))
                        }
                        result.value = nil
                    }
                case .min, .max:
                    result.value = Aggregation.extremeIndex(values, weights: weights, highest: kind == .max)
                        .map { values[$0] }
                }
                if result.value == nil { result.status = .skipped }
                self[unit: u, node: n] = result
            }
        }
        for f in failures {
            let unit = units[f.unit].code
            let child = self[unit: f.unit, node: f.child].value ?? 0
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
        for u in units.indices {
            if self[unit: u, node: root].counts {
                self[unit: u, node: root].effectiveWeight = 1
            }
            for n in nodes.indices {
                self[unit: u, node: n].nominalWeight = nodeApplies(n, unit: u) ? nominal[n] : 0
                guard case .pillar(let kind, _) = nodes[n].kind else { continue }
                let parent = self[unit: u, node: n]
                let kids = children[n]
                guard parent.counts, parent.effectiveWeight > 0 else { continue }
                if kind == .min || kind == .max {
                    var chosen: Int?
                    for c in kids where self[unit: u, node: c].counts && nodes[c].weight > 0 {
                        guard let x = self[unit: u, node: c].value else { continue }
                        if let b = chosen, let y = self[unit: u, node: b].value, !(kind == .max ? x > y : x < y) {
                            continue
                        }
                        chosen = c
                    }
                    if let c = chosen { self[unit: u, node: c].effectiveWeight = parent.effectiveWeight }
                    continue
                }
                var total = 0.0
                for c in kids where self[unit: u, node: c].counts { total += nodes[c].weight }
                guard total > 0 else { continue }
                for c in kids where self[unit: u, node: c].counts {
                    self[unit: u, node: c].effectiveWeight = parent.effectiveWeight * nodes[c].weight / total
                }
            }
        }
    }
}
