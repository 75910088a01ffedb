import Localization
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
        var order: [(value: Double, index: Int)] = []
        order.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            if let value { order.append((value, index)) }
        }
        // Ties keep their input order (stable sort), which does not change their shared rank.
        order.sort { $0.value > $1.value }
        var ranks = [Int?](repeating: nil, count: values.count)
        var previous = Double.nan
        var previousRank = 0
        for (position, entry) in order.enumerated() {
            let rank = entry.value == previous ? previousRank : position + 1
            ranks[entry.index] = rank
            previous = entry.value
            previousRank = rank
        }
        return ranks
    }

    /// Ranks integer keys in descending order (published scores × 10^decimals); missing keys get no rank.
    ///
    /// Published scores have few distinct values (10,001 for 0–100 with 2 decimals), so when the keys
    /// span at most a few times as many values as there are units, they are counted instead of sorted:
    /// rank = 1 + the number of units with a greater key. Wider keys (4 decimals, large scales) are
    /// radix-sorted by their offset from the lowest key.
    ///
    /// - Complexity: O(n + k) for keys spanning k values, else O(n).
    public static func ranks(keys: [Int64?]) -> [Int?] {
        var low = Int64.max
        var high = Int64.min
        for case let key? in keys {
            low = Swift.min(low, key)
            high = Swift.max(high, key)
        }
        guard low <= high else { return [Int?](repeating: nil, count: keys.count) }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        guard !overflow else { return ranks(keys.map { $0.map(Double.init) }) }
        guard span < Int64(4 * keys.count + 4096) else { return sortedRanks(keys: keys, low: low) }
        var above = [Int](repeating: 0, count: Int(span) + 2)  // above[k] = units with key offset > k
        for case let key? in keys { above[Int(key - low)] += 1 }
        var greater = 0
        for k in stride(from: Int(span), through: 0, by: -1) {
            let count = above[k]
            above[k] = greater
            greater += count
        }
        return keys.map { key in key.map { above[Int($0 - low)] + 1 } }
    }

    /// Ranks keys whose offsets from `low` do not overflow by one radix sort of those offsets: going down
    /// from the greatest, a key's rank is its position, shared with the keys equal to it.
    private static func sortedRanks(keys: [Int64?], low: Int64) -> [Int?] {
        var offsets: [UInt64] = []
        var owners: [Int] = []
        offsets.reserveCapacity(keys.count)
        owners.reserveCapacity(keys.count)
        for (index, key) in keys.enumerated() {
            guard let key else { continue }
            offsets.append(UInt64(key - low))
            owners.append(index)
        }
        let order = RadixSort.ascendingOrder(ofBits: offsets)
        var ranks = [Int?](repeating: nil, count: keys.count)
        var previous = UInt64.max
        var previousRank = 0
        for (position, k) in order.reversed().enumerated() {
            let rank = offsets[k] == previous ? previousRank : position + 1
            ranks[owners[k]] = rank
            previous = offsets[k]
            previousRank = rank
        }
        return ranks
    }
}
