import OrderedCollections

extension ScoringRun {
    /// Subtracts deductions from the root, rounds every value, ranks the root and every pillar
    /// within each ranked group, and bands the root.
    mutating func applyDeductionsAndRank() {
        let root = nodeIndex[framework.rootID] ?? 0
        for u in units.indices {
            var taken = 0.0
            var applied: [DeductionResult] = []
            for deduction in framework.deductions {
                let computed = evaluate(deduction.points, unit: u).value
                var points = Swift.max(0, computed ?? 0)
                if let cap = deduction.cap { points = Swift.min(points, cap) }
                applied.append(DeductionResult(id: deduction.id, points: points, computed: computed))
                taken += points
            }
            deductions[u] = applied
            if let value = self[unit: u, node: root].value {
                scores[u] = Swift.max(0, value - taken)
                published[u] = scores[u].map(framework.publish)
            }
            for n in nodes.indices {
                let value = self[unit: u, node: n].value
                self[unit: u, node: n].published = value.map(framework.publish)
            }
        }

        let ranked = groupIDs.map { framework.groups[$0]?.ranked ?? true }
        let exact = framework.rankOn == .exact
        for (g, isRanked) in ranked.enumerated() where isRanked {
            let members = units.indices.filter { unitGroup[$0] == g }
            guard !members.isEmpty else { continue }
            let rootRanks = CompetitionRanking.ranks(members.map { exact ? scores[$0] : published[$0] })
            let rankedCount = rootRanks.compactMap { $0 }.count
            for (i, u) in members.enumerated() {
                ranks[u] = rootRanks[i]
                rankedCounts[u] = rankedCount
                self[unit: u, node: root].rank = rootRanks[i]
            }
            for n in nodes.indices where n != root && !nodes[n].isIndicator {
                let values = members.map { u -> Double? in
                    let r = self[unit: u, node: n]
                    guard r.counts else { return nil }
                    return exact ? r.value : r.published
                }
                for (i, rank) in CompetitionRanking.ranks(values).enumerated() {
                    self[unit: members[i], node: n].rank = rank
                }
            }
        }
    }

    /// The immutable result.
    func scoreboard() -> Scoreboard {
        let count = nodes.count
        let results = units.indices.map { u in
            UnitResult(
                unit: units[u], score: scores[u], published: published[u], rank: ranks[u],
                rankedCount: rankedCounts[u], band: published[u].flatMap(framework.band(for:)),
                nodes: Array(self.results[(u * count)..<((u + 1) * count)]), deductions: deductions[u])
        }
        return Scoreboard(
            framework: framework, dataset: dataset, units: results, diagnostics: diagnostics,
            peerStatistics: peerStatistics)
    }
}
