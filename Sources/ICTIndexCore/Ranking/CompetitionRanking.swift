import OrderedCollections

/// Competition ranking ("1, 2, 2, 4"): ties share the best rank and the next rank is skipped.
public enum CompetitionRanking {
    /// Ranks values in descending order; missing values get no rank.
    ///
    ///     CompetitionRanking.ranks([90, 80, 80, 70, nil]) == [1, 2, 2, 4, nil]
    ///
    /// - Parameter values: the scores to rank, compared exactly (round them first to rank on
    ///   published values).
    /// - Returns: one rank per value, in the same order.
    /// - Complexity: O(n log n).
    public static func ranks(_ values: [Double?]) -> [Int?] {
        let present = values.indices.filter { values[$0] != nil }
        let order = present.sorted { a, b in
            // Both are present: filtered above.
            (values[a] ?? 0) > (values[b] ?? 0)
        }
        var ranks = [Int?](repeating: nil, count: values.count)
        var previous: Double?
        var previousRank = 0
        for (position, index) in order.enumerated() {
            let value = values[index] ?? 0
            let rank = value == previous ? previousRank : position + 1
            ranks[index] = rank
            previous = value
            previousRank = rank
        }
        return ranks
    }
}
