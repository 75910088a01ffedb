public import ICTIndexCore

/// One unit's stored result in a run: the unit as scored, its score, rank, band and every node.
public struct StoredResult: Hashable, Sendable {
    /// The unit as it was when scored (name and group are kept even if the unit changes later).
    public var unit: Unit
    public var score: Double?
    public var published: Double?
    public var rank: Int?
    public var rankedCount: Int
    public var band: BandID?
    /// Every node's full-precision value, in framework order (nil: no value).
    public var nodeValues: [Double?]
    /// Every node's rank, in framework order (nil: not ranked).
    public var nodeRanks: [Int?]

    /// The result as the engine gives it, for storing and comparing.
    public init(_ result: UnitResult) {
        unit = result.unit
        score = result.score
        published = result.published
        rank = result.rank
        rankedCount = result.rankedCount
        band = result.band?.id
        nodeValues = result.nodes.map(\.value)
        nodeRanks = result.nodes.map(\.rank)
    }

    init(
        unit: Unit, score: Double?, published: Double?, rank: Int?, rankedCount: Int, band: BandID?,
        nodeValues: [Double?], nodeRanks: [Int?]
    ) {
        self.unit = unit
        self.score = score
        self.published = published
        self.rank = rank
        self.rankedCount = rankedCount
        self.band = band
        self.nodeValues = nodeValues
        self.nodeRanks = nodeRanks
    }

    /// What differs from another result of the same unit, bit for bit (empty when identical).
    public func differences(from other: StoredResult) -> [String] {
        var found: [String] = []
        func same(_ a: Double?, _ b: Double?) -> Bool { a?.bitPattern == b?.bitPattern }
        if unit.code != other.unit.code { found.append("unit \(unit.code) vs \(other.unit.code)") }
        if !same(score, other.score) { found.append("score \(text(score)) vs \(text(other.score))") }
        if !same(published, other.published) { found.append("published \(text(published)) vs \(text(other.published))") }
        if rank != other.rank { found.append("rank \(text(rank)) vs \(text(other.rank))") }
        if band != other.band { found.append("band \(band?.rawValue ?? "—") vs \(other.band?.rawValue ?? "—")") }
        if nodeValues.count != other.nodeValues.count {
            found.append("\(nodeValues.count) nodes vs \(other.nodeValues.count)")
        } else {
            for i in nodeValues.indices where !same(nodeValues[i], other.nodeValues[i]) || nodeRanks[i] != other.nodeRanks[i] {
                found.append("node #\(i + 1) \(text(nodeValues[i])) vs \(text(other.nodeValues[i]))")
            }
        }
        return found
    }

    private func text(_ x: Double?) -> String { x.map { "\($0)" } ?? "—" }
    private func text(_ x: Int?) -> String { x.map { "\($0)" } ?? "—" }
}

/// A stored run and its results, in the order scored.
public struct StoredRun: Hashable, Sendable {
    public var summary: RunSummary
    public var results: [StoredResult]

    /// The differences between the stored results and a fresh scoring (empty when identical bit for bit),
    /// as lines `unit 'X': score 71.2 vs 71.3`.
    public func differences(from scoreboard: Scoreboard) -> [String] {
        let fresh = scoreboard.units.map(StoredResult.init)
        var lines: [String] = []
        if fresh.count != results.count { lines.append("\(results.count) units stored, \(fresh.count) scored") }
        for (stored, new) in zip(results, fresh) {
            for difference in stored.differences(from: new) { lines.append("unit '\(stored.unit.code)': \(difference)") }
        }
        return lines
    }
}
