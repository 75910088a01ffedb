import Dispatch
import Localization
import OrderedCollections

extension ScoringRun {
    /// What scoring one indicator adds to the run besides its result columns: its diagnostics and the
    /// statistics of its peers, in the order in which it found them.
    struct IndicatorNotes {
        var diagnostics: [Diagnostic] = []
        var peerStatistics: [(key: PeerKey, statistics: PeerStatistics)] = []
    }

    /// The result columns the indicators write: indicator n writes only the slots of column n
    /// (`n * unitCount ..< (n + 1) * unitCount`), so that two indicators scored on two threads never write
    /// the same memory.
    struct IndicatorColumns: Sendable {
        let status: DisjointWrites<ResultStorage.StatusCode>
        let input: DisjointWrites<Double>
        let value: DisjointWrites<Double>
    }

    /// Evaluates each indicator's value, imputes or skips missing values, and applies its rules.
    ///
    /// Indicators are independent of one another: each reads the variables (derived ones are computed
    /// before) and writes its own result column. So on a large run (``parallelWork``) they are scored on
    /// every core, and their diagnostics and peer statistics are then added in node order: the run is the
    /// same, to the bit and to the order of its warnings, as when they are scored one after another.
    mutating func computeIndicators() {
        let indicators = nodes.indices.filter { nodes[$0].isIndicator }
        guard !indicators.isEmpty else { return }
        let parallel = runsInParallel(work: units.count * indicators.count)
        var notes = [IndicatorNotes](repeating: IndicatorNotes(), count: indicators.count)
        // Move the columns out of `self`, so that the scoring below can read `self` while they are written
        // through their buffers (and so that they are uniquely referenced: writing does not copy them).
        var status = results.status
        var input = results.input
        var value = results.value
        results.status = []
        results.input = []
        results.value = []
        status.withUnsafeMutableBufferPointer { status in
            input.withUnsafeMutableBufferPointer { input in
                value.withUnsafeMutableBufferPointer { value in
                    notes.withUnsafeMutableBufferPointer { notes in
                        let columns = IndicatorColumns(
                            status: DisjointWrites(status), input: DisjointWrites(input), value: DisjointWrites(value))
                        let notes = DisjointWrites(notes)
                        if parallel {
                            // Iteration k writes notes[k] and its indicator's columns, nothing else.
                            let run = self
                            DispatchQueue.concurrentPerform(iterations: indicators.count) { k in
                                notes[k] = run.computeIndicator(indicators[k], into: columns)
                            }
                        } else {
                            for k in indicators.indices { notes[k] = computeIndicator(indicators[k], into: columns) }
                        }
                    }
                }
            }
        }
        results.status = status
        results.input = input
        results.value = value
        for note in notes {
            diagnostics += note.diagnostics
            for (key, statistics) in note.peerStatistics { peerStatistics[key] = statistics }
        }
    }

    /// Whether a stage's work (units × nodes) is large enough to pay for a second thread, unless the
    /// run says otherwise (tests compare both ways).
    func runsInParallel(work: Int) -> Bool {
        switch concurrency {
        case .automatic: work >= Self.parallelWork
        case .sequential: false
        case .parallel: true
        }
    }

    /// The reported variables an indicator reads, directly or through derived variables' formulas.
    func inputVariables(of indicator: Indicator) -> [VariableID] {
        var found: [VariableID] = []
        var pending = indicator.value.variables
        while let id = pending.popLast() {
            guard !found.contains(id) else { continue }
            found.append(id)
            if let formula = framework.variables[id]?.formula { pending += formula.variables }
        }
        return found
    }

    /// Scores indicator n into its column of `out` and returns what it adds to the diagnostics and
    /// peer statistics; reads `self` only, so two indicators can be scored at once.
    private func computeIndicator(_ n: Int, into out: IndicatorColumns) -> IndicatorNotes {
        let node = nodes[n]
        guard let indicator = node.indicator else { return IndicatorNotes() }
        var notes = IndicatorNotes()
        let choiceVariable: Int? = indicator.value.isSingleVariable.flatMap { id in
            framework.variables[id]?.kind == .choice ? variableIndex[id] : nil
        }
        let unitCount = units.count
        let appliesToGroup = groupIDs.indices.map { applies[n * groupIDs.count + $0] }
        let applicable = units.indices.filter { unitGroup[$0] >= 0 && appliesToGroup[unitGroup[$0]] }
        var inputs = [Double](repeating: .nan, count: unitCount)
        var chosen: [String?] = choiceVariable.map { options[$0] } ?? []
        var dividedByZero: [UnitCode] = []
        if choiceVariable == nil {
            let columns = columns(of: indicator.value)
            if let single = indicator.value.isSingleVariable, let c = variableIndex[single] {
                let column = numbers[c]
                for u in applicable where column[u].isFinite { inputs[u] = column[u] }
            } else {
                // The expression's columns side by side in one array of this indicator's own (NaN where a column
                // is missing), read without reference counting: shared arrays, retained and released per unit
                // by two threads at once, would make the cores fight over their counters.
                var gathered = [Double](repeating: .nan, count: columns.count * unitCount)
                for (i, c) in columns.enumerated() where c >= 0 {
                    let column = numbers[c]
                    for u in applicable { gathered[i * unitCount + u] = column[u] }
                }
                let expression = indicator.value
                gathered.withUnsafeBufferPointer { gathered in
                    for u in applicable {
                        let result = expression.evaluateSlots { i in
                            let x = gathered[i * unitCount + u]
                            return x.isNaN ? nil : x
                        }
                        switch result {
                        case .value(let x): inputs[u] = x
                        case .missing: break
                        case .divisionByZero: dividedByZero.append(units[u].code)
                        }
                    }
                }
            }
        }
        if !dividedByZero.isEmpty {
            notes.diagnostics.append(
                .warning(
                    .divisionByZero, at: node.source, subject: .node(node.id),
                    Words(
                        vi: "tiêu chí '\(node.id)' (\(indicator.value.source)) chia cho 0 ở "
                            + "\(Self.list(dividedByZero).vi); giá trị ở đó bị thiếu",
                        en: "indicator '\(node.id)' (\(indicator.value.source)) divides by zero for "
                            + "\(Self.list(dividedByZero).en); its value is missing there"),
                    hint: Words(
                        vi: "hãy kiểm tra số liệu của các đơn vị đó, hoặc chặn phép chia cho 0 trong công thức, ví dụ "
                            + "if(b > 0, a / b, 0)",
                        en: "check those units' inputs, or guard the expression, e.g. if(b > 0, a / b, 0)")))
        }

        // Missing values: record the status, impute before scoring.
        typealias Code = ResultStorage.StatusCode
        var status = [Code](repeating: .notApplicable, count: unitCount)
        var groupMeans: [Int: Double] = [:]
        var overallMean: Double?
        if choiceVariable == nil && (indicator.missing == .imputeMean || indicator.missing == .imputeGroupMean) {
            var sums: [Int: (Double, Int)] = [:]
            var total = (0.0, 0)
            for u in applicable where !inputs[u].isNaN {
                sums[unitGroup[u], default: (0, 0)].0 += inputs[u]
                sums[unitGroup[u], default: (0, 0)].1 += 1
                total.0 += inputs[u]
                total.1 += 1
            }
            for (g, s) in sums where s.1 > 0 { groupMeans[g] = s.0 / Double(s.1) }
            overallMean = total.1 > 0 ? total.0 / Double(total.1) : nil
        }
        // `evidence_policy: zero`: a unit whose input came without its required evidence scores 0 here.
        var withoutEvidence = [Bool](repeating: false, count: lacksEvidence.isEmpty ? 0 : unitCount)
        if !lacksEvidence.isEmpty {
            var zeroed: [UnitCode] = []
            var lackingVariables: [VariableID] = []
            for variable in inputVariables(of: indicator) {
                guard let lacking = lacksEvidence[variable] else { continue }
                lackingVariables.append(variable)
                for u in applicable where lacking[u] && !withoutEvidence[u] {
                    withoutEvidence[u] = true
                    zeroed.append(units[u].code)
                }
            }
            if !zeroed.isEmpty {
                let lacking = lackingVariables.map { "'\($0)'" }.joined(separator: ", ")
                notes.diagnostics.append(
                    .warning(
                        .missingEvidence, at: node.source, subject: .node(node.id),
                        Words(
                            vi: "tiêu chí '\(node.id)' được 0 điểm ở \(Self.list(zeroed).vi): \(lacking) không kèm "
                                + "minh chứng mà bộ tiêu chí yêu cầu (evidence_policy: zero)",
                            en: "indicator '\(node.id)' scores 0 for \(Self.list(zeroed).en): \(lacking) came without "
                                + "the evidence the criteria require (evidence_policy: zero)"),
                        hint: Words(
                            vi: "hãy bổ sung minh chứng cho các giá trị đó rồi nhập lại",
                            en: "attach the evidence of those values and import them again")))
            }
        }
        var nothingToImpute: [UnitCode] = []
        var refused: [UnitCode] = []
        // The units that are scored by the rules: reported or imputed values, in unit order.
        var scored: [Int] = []
        scored.reserveCapacity(applicable.count)
        for u in applicable {
            if !withoutEvidence.isEmpty && withoutEvidence[u] {
                status[u] = .missingScoredZero
                if choiceVariable == nil { inputs[u] = .nan } else { chosen[u] = nil }
                continue
            }
            if choiceVariable != nil ? chosen[u] != nil : !inputs[u].isNaN {
                status[u] = .scored
                scored.append(u)
                continue
            }
            switch indicator.missing {
            case .zero:
                status[u] = .missingScoredZero
            case .skip:
                status[u] = .skipped
            case .imputeMean, .imputeGroupMean:
                let overGroup = indicator.missing == .imputeGroupMean
                if choiceVariable == nil, let mean = overGroup ? groupMeans[unitGroup[u]] : overallMean {
                    inputs[u] = mean
                    status[u] = overGroup ? .imputedGroupMean : .imputedMean
                    scored.append(u)
                } else {
                    status[u] = .missingScoredZero
                    nothingToImpute.append(units[u].code)
                }
            case .error:
                status[u] = .missingScoredZero
                refused.append(units[u].code)
            }
        }
        if !nothingToImpute.isEmpty {
            notes.diagnostics.append(
                .warning(
                    .nothingToImpute, at: node.source, subject: .node(node.id),
                    Words(
                        vi: "tiêu chí '\(node.id)': không đơn vị nào có giá trị để ước tính thay cho "
                            + "\(Self.list(nothingToImpute).vi); giá trị được tính 0 điểm",
                        en: "indicator '\(node.id)': no unit reported a value to impute from for "
                            + "\(Self.list(nothingToImpute).en); the value scores 0"),
                    hint: Words(
                        vi: "hãy thu thập giá trị từ ít nhất một đơn vị của khối, hoặc dùng missing: zero hay skip",
                        en: "collect the value from at least one unit of the group, or use missing: zero or skip")))
        }
        for code in refused {
            let variables = indicator.value.variables.map { "'\($0)'" }.joined(separator: ", ")
            notes.diagnostics.append(
                .error(
                    .missingValue, at: node.source, subject: .unitNode(code, node.id),
                    Words(
                        vi: "đơn vị '\(code)', tiêu chí '\(node.id)': thiếu giá trị, mà tiêu chí quy định "
                            + "missing: error",
                        en: "unit '\(code)', indicator '\(node.id)': the value is missing and the indicator says "
                            + "missing: error"),
                    hint: Words(
                        vi: "hãy báo cáo \(variables.isEmpty ? "giá trị" : variables) cho đơn vị '\(code)', hoặc đổi "
                            + "cách xử lý giá trị thiếu (missing) của tiêu chí",
                        en: "report \(variables.isEmpty ? "the value" : variables) for unit '\(code)', "
                            + "or change the indicator's missing policy")))
        }

        // Rules, chained: each one's output is the next one's input.
        var current = inputs
        let lower = indicator.direction == .lower
        for (r, rule) in indicator.rules.enumerated() {
            let firstRule = r == 0
            // Peer statistics by bucket: bucket 0 is "all", bucket g + 1 is group g.
            var statistics = [PeerStatistics?](repeating: nil, count: groupIDs.count + 1)
            if let over = rule.peers {
                var buckets = [[Double]](repeating: [], count: groupIDs.count + 1)
                for u in scored where !current[u].isNaN {
                    let x = current[u]
                    let value = firstRule ? RuleKernel.peerValue(x, rule, lowerIsBetter: lower) : x
                    buckets[over == .all ? 0 : unitGroup[u] + 1].append(value)
                }
                for (bucket, values) in buckets.enumerated() where !values.isEmpty {
                    let g = bucket - 1
                    let stats = PeerStatistics(values: values)
                    statistics[bucket] = stats
                    let key = PeerKey(node: node.id, ruleIndex: r, group: g < 0 ? nil : groupIDs[g])
                    notes.peerStatistics.append((key, stats))
                    if RuleKernel.isDegenerate(rule, stats.summary, lowerIsBetter: firstRule && lower) {
                        notes.diagnostics.append(
                            constantPeersWarning(
                                node, rule, group: g < 0 ? nil : groupIDs[g], stats,
                                negated: firstRule && lower))
                    }
                }
            }
            var context = RuleKernel.Context(
                scale: framework.scale, weight: node.weight, lowerIsBetter: firstRule && lower, peers: nil)
            // Units are visited bucket by bucket, so the peers' statistics are set once per bucket.
            var visits: [(bucket: Int, units: [Int])] = [(0, scored)]
            if let over = rule.peers, over == .group {
                var byGroup = [[Int]](repeating: [], count: groupIDs.count)
                for u in scored { byGroup[unitGroup[u]].append(u) }
                visits = byGroup.enumerated().map { ($0.offset + 1, $0.element) }
            }
            for (bucket, members) in visits {
                context.peers = rule.peers == nil ? nil : statistics[bucket]?.summary
                if rule.needsPeerOrder {
                    // Rank and percentile: one sort of the bucket gives every unit's place at once.
                    var keys: [Double] = []
                    var owners: [Int] = []
                    keys.reserveCapacity(members.count)
                    owners.reserveCapacity(members.count)
                    for u in members where !current[u].isNaN {
                        let x = current[u]
                        keys.append(firstRule ? RuleKernel.peerValue(x, rule, lowerIsBetter: lower) : x)
                        owners.append(u)
                    }
                    let order = RadixSort.ascendingOrder(of: keys).map { (value: keys[$0], unit: owners[$0]) }
                    var start = 0
                    while start < order.count {
                        var end = start + 1
                        while end < order.count && order[end].value == order[start].value { end += 1 }
                        let f = RuleKernel.orderFraction(rule, below: start, equal: end - start, count: order.count)
                        for k in start..<end { current[order[k].unit] = (f ?? 0) * framework.scale }
                        start = end
                    }
                    continue
                }
                for u in members {
                    let outcome: RuleKernel.Outcome?
                    if firstRule, choiceVariable != nil {
                        outcome = chosen[u].flatMap { RuleKernel.applyChoice(rule, option: $0, context) }
                    } else if !current[u].isNaN {
                        let x = current[u]
                        let value = firstRule ? RuleKernel.peerValue(x, rule, lowerIsBetter: lower) : x
                        outcome = RuleKernel.apply(rule, to: value, context)
                    } else {
                        outcome = nil
                    }
                    current[u] = outcome?.output ?? .nan
                }
            }
        }
        chosen.removeAll()

        // Write the node's column of results (its own slots only, see ``IndicatorColumns``).
        let base = n * units.count
        for u in applicable { out.status[base + u] = status[u] }
        if choiceVariable == nil {
            for u in applicable { out.input[base + u] = inputs[u] }
        }
        for u in applicable {
            switch status[u] {
            case .scored, .imputedMean, .imputedGroupMean:
                out.value[base + u] = current[u].isNaN ? 0 : current[u]
            case .missingScoredZero:
                out.value[base + u] = 0
            case .skipped, .notApplicable:
                out.value[base + u] = .nan
            }
        }
        return notes
    }

    private func constantPeersWarning(
        _ node: Node, _ rule: ScoringRule, group: GroupID?, _ stats: PeerStatistics, negated: Bool
    ) -> Diagnostic {
        // Peers of a lower-is-better indicator hold negated values; show them as reported.
        let shown = NumberFormatting.short(negated ? -stats.min : stats.min)
        let whom = group.map { "the units of group '\($0)'" } ?? "all units"
        // "các đơn vị của khối 'x'" or "mọi đơn vị"; "của khối 'x'" after "một đơn vị", or nothing.
        let whomVI = group.map { "các đơn vị của khối '\($0)'" } ?? "mọi đơn vị"
        let ofGroupVI = group.map { " của khối '\($0)'" } ?? ""
        let fallback: Words
        switch rule {
        case .minmax:
            fallback = Words(vi: "mọi đơn vị nhận điểm giữa khoảng", en: "every unit gets the middle of the range")
        case .zscore(_, let mean, _, _):
            let mean = NumberFormatting.plain(mean)
            fallback = Words(vi: "mọi đơn vị nhận giá trị trung bình, \(mean)", en: "every unit gets the mean, \(mean)")
        default: fallback = Words(vi: "mọi đơn vị được 0 điểm", en: "every unit scores 0")
        }
        let what: Words =
            if case .fractionOfMax = rule, stats.min == stats.max {
                Words(
                    vi: "giá trị tốt nhất của các đơn vị\(ofGroupVI) là \(NumberFormatting.short(stats.max))",
                    en: "the best value of \(whom) is \(NumberFormatting.short(stats.max))")
            } else if case .fractionOfMax = rule {
                Words(
                    vi: "giá trị tốt nhất của các đơn vị\(ofGroupVI) không lớn hơn 0",
                    en: "the best value of \(whom) is not above 0")
            } else if stats.count == 1 {
                Words(
                    vi: "chỉ một đơn vị\(ofGroupVI) có giá trị, \(shown)",
                    en: "only one of \(whom) has a value, \(shown)")
            } else {
                Words(vi: "\(whomVI) có cùng giá trị, \(shown)", en: "\(whom) have the same value, \(shown)")
            }
        return .warning(
            .constantPeers, at: node.source, subject: .node(node.id),
            Words(
                vi: "tiêu chí '\(node.id)', quy tắc \(rule.name): ", en: "indicator '\(node.id)', rule \(rule.name): ")
                + what + .verbatim("; ") + fallback,
            hint: Words(
                vi: "hãy kiểm tra số liệu của tiêu chí '\(node.id)'; quy tắc so sánh giữa các đơn vị cần các giá trị "
                    + "khác nhau",
                en: "check the data of indicator '\(node.id)'; a peer-relative rule needs values that differ"))
    }
}
