import Localization
import OrderedCollections

extension ScoringRun {
    /// Subtracts deductions from the root, rounds every value, ranks the root and every pillar
    /// within each ranked group, and bands the root.
    mutating func applyDeductionsAndRank() {
        let root = nodeIndex[framework.rootID] ?? 0
        let deductionColumns = framework.deductions.map { columns(of: $0.points) }
        for u in units.indices {
            var taken = 0.0
            var applied: [DeductionResult] = []
            for (d, deduction) in framework.deductions.enumerated() {
                let computed = evaluate(deduction.points, columns: deductionColumns[d], unit: u).value
                var points = Swift.max(0, computed ?? 0)
                if let cap = deduction.cap { points = Swift.min(points, cap) }
                applied.append(DeductionResult(id: deduction.id, points: points, computed: computed))
                taken += points
            }
            deductions[u] = applied
            let value = results.value[slot(u, root)]
            if !value.isNaN {
                scores[u] = Swift.max(0, value - taken)
                published[u] = scores[u].map(framework.publish)
            }
        }

        let ranked = groupIDs.map { framework.groups[$0]?.ranked ?? true }
        let exact = framework.rankOn == .exact
        for (g, isRanked) in ranked.enumerated() where isRanked {
            let members = units.indices.filter { unitGroup[$0] == g }
            guard !members.isEmpty else { continue }
            let rootRanks =
                exact
                ? CompetitionRanking.ranks(members.map { scores[$0] })
                : CompetitionRanking.ranks(keys: members.map { published[$0].map(key) })
            let rankedCount = rootRanks.compactMap { $0 }.count
            for (i, u) in members.enumerated() {
                ranks[u] = rootRanks[i]
                rankedCounts[u] = rankedCount
                results.rank[slot(u, root)] = Int32(rootRanks[i] ?? 0)
            }
            for n in nodes.indices where n != root && !nodes[n].isIndicator {
                let values = members.map { u -> Double? in
                    let i = slot(u, n)
                    let value = results.value[i]
                    guard counts(i), !value.isNaN else { return nil }
                    return value
                }
                let nodeRanks =
                    exact
                    ? CompetitionRanking.ranks(values)
                    : CompetitionRanking.ranks(keys: values.map { $0.map { key(framework.publish($0)) } })
                for (i, rank) in nodeRanks.enumerated() {
                    results.rank[slot(members[i], n)] = Int32(rank ?? 0)
                }
            }
        }
    }

    /// A published (rounded) score as an integer key: score × 10^decimals.
    func key(_ published: Double) -> Int64 { Rounding.key(published, decimals: framework.decimals) }

    /// The immutable result.
    func scoreboard() -> Scoreboard {
        let storage = results
        let results = units.indices.map { u in
            UnitResult(
                unit: units[u], score: scores[u], published: published[u], rank: ranks[u],
                rankedCount: rankedCounts[u], band: published[u].flatMap(framework.band(for:)),
                nodes: NodeResults(storage: storage, unit: u), deductions: deductions[u])
        }
        return Scoreboard(
            framework: framework, dataset: dataset, units: results, diagnostics: diagnostics,
            peerStatistics: peerStatistics)
    }
}
