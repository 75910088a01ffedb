import ICTIndexCore
public import ICTIndexStorage

extension StoredResult {
    /// The order of a ranking table: ranked units by rank, then unranked ones by published score (highest first),
    /// then by code.
    public static func rankOrder(_ a: StoredResult, _ b: StoredResult) -> Bool {
        switch (a.rank, b.rank) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default:
            let (sa, sb) = (a.published ?? -.infinity, b.published ?? -.infinity)
            return sa != sb ? sa > sb : a.unit.code < b.unit.code
        }
    }
}
