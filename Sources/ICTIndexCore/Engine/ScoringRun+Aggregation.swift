import Localization

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
            if kind == .sum || kind == .mean {
                aggregateWeightedMean(n, kids: kids, weights: kidWeights)
                continue
            }
            for u in units.indices where nodeApplies(n, unit: u) {
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
                case .bestOf:
                    value = Aggregation.bestOf(values, weights: weights)?.value
                }
                results.status[i] = value == nil ? .skipped : .scored
                results.value[i] = value ?? .nan
            }
        }
        for f in failures {
            let unit = units[f.unit].code
            let child = results.value[slot(f.unit, f.child)]
            let pillar = nodes[f.node].id
            let childID = nodes[f.child].id
            let shown = NumberFormatting.short(child)
            diagnostics.append(
                .error(
                    f.harmonic ? .harmonicNonPositive : .geometricNonPositive, at: nodes[f.node].source,
                    subject: .unitNode(unit, pillar),
                    Words(
                        vi: "đơn vị '\(unit)', nhóm tiêu chí '\(pillar)': "
                            + "\(f.harmonic ? "trung bình điều hòa" : "trung bình nhân") cần các giá trị lớn hơn 0, "
                            + "nhưng '\(childID)' bằng \(shown)",
                        en: "unit '\(unit)', pillar '\(pillar)': the \(f.harmonic ? "harmonic" : "geometric") mean "
                            + "needs values above 0, but '\(childID)' is \(shown)"),
                    hint: Words(
                        vi: "hãy chuẩn hóa các mục con về một khoảng bắt đầu trên 0, "
                            + "ví dụ score: {rule: minmax, range: [1, 100]}",
                        en: "normalise the children onto a range that starts above 0, "
                            + "e.g. score: {rule: minmax, range: [1, 100]}")))
        }
        assignEffectiveWeights()
    }

    /// Σ wᵢ xᵢ / Σ wᵢ over the children that count, child by child over all units (contiguous
    /// columns), then written for the units the pillar applies to.
    ///
    /// Units do not depend on one another here, so a large run splits them into one range per core: each range
    /// reads the children's columns and writes its own slots of the pillar's column.
    private mutating func aggregateWeightedMean(_ n: Int, kids: [Int], weights: [Double]) {
        let unitCount = units.count
        let appliesToGroup = groupIDs.indices.map { applies[n * groupIDs.count + $0] }
        let ranges = unitRanges(work: unitCount * kids.count)
        var status = results.status
        var value = results.value
        results.status = []
        results.value = []
        status.withUnsafeMutableBufferPointer { status in
            value.withUnsafeMutableBufferPointer { value in
                Parallel.forEach(ranges) { _, range in
                    var sum = [Double](repeating: 0, count: range.count)
                    var total = [Double](repeating: 0, count: range.count)
                    var any = [Bool](repeating: false, count: range.count)
                    for (k, c) in kids.enumerated() {
                        let w = weights[k]
                        let base = c * unitCount
                        for u in range {
                            switch status[base + u] {
                            case .skipped, .notApplicable: continue
                            default: break
                            }
                            let x = value[base + u]
                            guard !x.isNaN else { continue }
                            let r = u - range.lowerBound
                            any[r] = true
                            if w > 0 {
                                sum[r] += w * x
                                total[r] += w
                            }
                        }
                    }
                    let base = n * unitCount
                    for u in range where unitGroup[u] >= 0 && appliesToGroup[unitGroup[u]] {
                        let r = u - range.lowerBound
                        let scored = any[r] && total[r] > 0
                        status[base + u] = scored ? .scored : .skipped
                        value[base + u] = scored ? sum[r] / total[r] : .nan
                    }
                }
            }
        }
        results.status = status
        results.value = value
    }

    /// The units in one range, or in one range per core when the work (units × nodes) is large enough.
    func unitRanges(work: Int) -> [Range<Int>] {
        runsInParallel(work: work) ? Parallel.ranges(units.count, minimum: 1024) : [0..<units.count]
    }

    /// Effective weight = weight ÷ the weights of the siblings that count × the parent's (root = 1);
    /// in a min/max pillar the chosen child takes the parent's whole weight; in a best_of pillar each case
    /// gets weight ÷ the highest counting case's weight × the parent's, so that its max points are its own.
    ///
    /// A unit's weights depend only on its own results, so a large run gives each core a range of units.
    private mutating func assignEffectiveWeights() {
        var effective = results.effective
        results.effective = []
        let ranges = unitRanges(work: units.count * nodes.count)
        effective.withUnsafeMutableBufferPointer { effective in
            Parallel.forEach(ranges) { _, range in assignEffectiveWeights(range, into: effective) }
        }
        results.effective = effective
    }

    /// ``assignEffectiveWeights()`` for the units of `range`, writing only their slots of `effective`.
    private func assignEffectiveWeights(_ range: Range<Int>, into effective: UnsafeMutableBufferPointer<Double>) {
        let root = nodeIndex[framework.rootID] ?? 0
        let unitCount = units.count
        for u in range where counts(slot(u, root)) { effective[slot(u, root)] = 1 }
        var total = [Double](repeating: 0, count: range.count)
        results.status.withUnsafeBufferPointer { status in
            for n in nodes.indices {
                guard case .pillar(let kind, _) = nodes[n].kind else { continue }
                let kids = children[n]
                if kind == .min || kind == .max {
                    for u in range {
                        let p = slot(u, n)
                        let parentWeight = effective[p]
                        guard counts(p), parentWeight > 0 else { continue }
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
                        if let c = chosen { effective[slot(u, c)] = parentWeight }
                    }
                    continue
                }
                // Weighted kinds: each counting child gets weight ÷ Σ counting weights × the parent's
                // (best_of: ÷ the highest counting weight).
                for r in total.indices { total[r] = 0 }
                for c in kids {
                    let w = nodes[c].weight
                    let base = c * unitCount
                    if kind == .bestOf {
                        for u in range where counts(base + u) {
                            total[u - range.lowerBound] = Swift.max(total[u - range.lowerBound], w)
                        }
                    } else {
                        for u in range where counts(base + u) { total[u - range.lowerBound] += w }
                    }
                }
                let parentBase = n * unitCount
                for c in kids {
                    let w = nodes[c].weight
                    let base = c * unitCount
                    for u in range {
                        let parentWeight = effective[parentBase + u]
                        let sum = total[u - range.lowerBound]
                        guard parentWeight > 0, sum > 0 else { continue }
                        switch status[base + u] {
                        case .skipped, .notApplicable: continue
                        default: effective[base + u] = parentWeight * w / sum
                        }
                    }
                }
            }
        }
    }
}
