import Dispatch
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
        var byGroup = [[Int]](repeating: [], count: groupIDs.count)
        for u in units.indices where unitGroup[u] >= 0 && ranked[unitGroup[u]] { byGroup[unitGroup[u]].append(u) }
        let members = byGroup  // the units of each ranked group, in unit order; empty for the others
        let rankedGroups = groupIDs.indices.filter { !members[$0].isEmpty }
        guard !rankedGroups.isEmpty else { return }
        for g in rankedGroups {
            let rootRanks =
                exact
                ? CompetitionRanking.ranks(members[g].map { scores[$0] })
                : CompetitionRanking.ranks(keys: members[g].map { published[$0].map(key) })
            let rankedCount = rootRanks.compactMap { $0 }.count
            for (i, u) in members[g].enumerated() {
                ranks[u] = rootRanks[i]
                rankedCounts[u] = rankedCount
                results.rank[slot(u, root)] = Int32(rootRanks[i] ?? 0)
            }
        }

        // Every pillar, in every ranked group. Pillar n writes only its own column of ranks, so on a large
        // run the pillars are ranked on every core; the ranks do not depend on the order they are computed in.
        let pillars = nodes.indices.filter { $0 != root && !nodes[$0].isIndicator }
        var rank = results.rank
        results.rank = []
        rank.withUnsafeMutableBufferPointer { rank in
            let rank = DisjointWrites(rank)
            if runsInParallel(work: units.count * pillars.count) {
                let run = self
                DispatchQueue.concurrentPerform(iterations: pillars.count) { k in
                    run.rankPillar(pillars[k], members: members, exact: exact, into: rank)
                }
            } else {
                for n in pillars { rankPillar(n, members: members, exact: exact, into: rank) }
            }
        }
        results.rank = rank
    }

    /// Ranks pillar n within each group of `members` (the units of each ranked group), writing only the
    /// pillar's column of `rank`.
    private func rankPillar(_ n: Int, members: [[Int]], exact: Bool, into rank: DisjointWrites<Int32>) {
        for units in members where !units.isEmpty {
            let values = units.map { u -> Double? in
                let i = slot(u, n)
                let value = results.value[i]
                guard counts(i), !value.isNaN else { return nil }
                return value
            }
            let nodeRanks =
                exact
                ? CompetitionRanking.ranks(values)
                : CompetitionRanking.ranks(keys: values.map { $0.map { key(framework.publish($0)) } })
            for (i, r) in nodeRanks.enumerated() { rank[slot(units[i], n)] = Int32(r ?? 0) }
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
