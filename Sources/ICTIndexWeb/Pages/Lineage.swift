import ICTIndexCore

/// Following a unit's lineage back in time, for the pages that compare periods (a unit's trend, two runs).
enum Lineage {
    /// The nearest predecessors of a unit for which `find` has something, breadth first through the lineage links
    /// (predecessor codes by successor): a predecessor without it is passed through to its own predecessors. One
    /// found is a rename (or a chain of them), several a merger.
    ///
    /// - Parameters:
    ///   - code: the unit.
    ///   - links: each unit's direct predecessors (`IndexDatabase.predecessorLinks()`).
    ///   - find: what a predecessor has (its result in a run, its position in a run's results), or nil.
    /// - Returns: what `find` gave, in the order the predecessors were reached; each code is visited once.
    static func nearestPredecessors<T>(
        of code: UnitCode, links: [UnitCode: [UnitCode]], _ find: (UnitCode) throws -> T?
    ) rethrows -> [T] {
        var found: [T] = []
        var queue = links[code] ?? []
        var seen: Set<UnitCode> = [code]
        while !queue.isEmpty {
            let c = queue.removeFirst()
            guard seen.insert(c).inserted else { continue }
            if let x = try find(c) { found.append(x) } else { queue += links[c] ?? [] }
        }
        return found
    }
}
