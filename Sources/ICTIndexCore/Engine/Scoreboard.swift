import Localization
import OrderedCollections

/// The result of one run: every unit's score, points per node, ranks and bands (immutable).
///
/// Node results are stored per unit in framework order (`framework.nodes`), so a scoreboard of
/// 10,000 units × 60 nodes is a few flat arrays rather than half a million dictionaries.
public struct Scoreboard: Sendable {
    public let framework: Framework
    public let period: String?
    /// One result per unit, in the dataset's order.
    public let units: [UnitResult]
    /// Warnings found while scoring (division by zero, constant peers, imputation without data).
    public let diagnostics: [Diagnostic]
    /// Peer statistics used by peer-relative rules, for explanations.
    public let peerStatistics: [PeerKey: PeerStatistics]
    /// The dataset that was scored, for explanations.
    public let dataset: Dataset
    let nodeIndex: [NodeID: Int]

    init(
        framework: Framework, dataset: Dataset, units: [UnitResult], diagnostics: [Diagnostic],
        peerStatistics: [PeerKey: PeerStatistics]
    ) {
        self.framework = framework
        self.period = dataset.period
        self.dataset = dataset
        self.units = units
        self.diagnostics = diagnostics
        self.peerStatistics = peerStatistics
        var nodeIndex: [NodeID: Int] = [:]
        for (i, id) in framework.nodes.keys.enumerated() { nodeIndex[id] = i }
        self.nodeIndex = nodeIndex
        precondition(units.count == dataset.units.count, "a scoreboard has one result per unit of its dataset")
    }

    /// The position of a unit in ``units``. There is one result per unit of the dataset, in the dataset's
    /// order, so the dataset's index of unit codes serves (rather than a second dictionary of every code).
    func position(of unit: UnitCode) -> Int? {
        dataset.units.index(forKey: unit)
    }

    /// The result of one unit.
    public func result(for unit: UnitCode) -> UnitResult? {
        position(of: unit).map { units[$0] }
    }

    /// One node's result for one unit.
    public func result(for unit: UnitCode, node: NodeID) -> NodeResult? {
        guard let u = position(of: unit), let n = nodeIndex[node] else { return nil }
        return units[u].nodes[n]
    }

    /// The position of a node in `framework.nodes` and in every `UnitResult.nodes`.
    public func index(of node: NodeID) -> Int? { nodeIndex[node] }

    /// Results grouped by group (in the framework's group order), each sorted by rank, then code.
    public func rankings() -> [(group: Group, results: [UnitResult])] {
        framework.groups.values.compactMap { group in
            let members = units.filter { $0.unit.group == group.id }
            guard !members.isEmpty else { return nil }
            let sorted = members.sorted { a, b in
                switch (a.rank, b.rank) {
                case (let x?, let y?) where x != y: return x < y
                case (.some, nil): return true
                case (nil, .some): return false
                default:
                    let sa = a.published ?? -.infinity
                    let sb = b.published ?? -.infinity
                    return sa != sb ? sa > sb : a.unit.code < b.unit.code
                }
            }
            return (group, sorted)
        }
    }
}

/// One unit's result.
public struct UnitResult: Hashable, Sendable {
    public let unit: Unit
    /// The root score after deductions, full precision; nil when nothing could be scored.
    public let score: Double?
    /// The score rounded to the framework's decimals, as published.
    public let published: Double?
    /// Competition rank within the unit's group; nil when unranked or unscored.
    public let rank: Int?
    /// How many units of the group were ranked.
    public let rankedCount: Int
    public let band: Band?
    /// Node results in framework order (index with `Scoreboard.index(of:)`).
    public let nodes: NodeResults
    public let deductions: [DeductionResult]

    /// The points taken away by deductions.
    public var deductedPoints: Double { deductions.reduce(0) { $0 + $1.points } }
}

/// One unit's node results, in framework order: a view into the run's column-wise storage.
public struct NodeResults: RandomAccessCollection, Hashable, Sendable {
    let storage: ResultStorage
    let unit: Int

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.nodeCount }

    public subscript(position: Int) -> NodeResult {
        storage.result(unit: unit, node: position)
    }

    /// A node's value as published (rounded to the framework's decimals), without building the whole
    /// ``NodeResult``: what tables and exports read for every cell.
    public func published(at position: Int) -> Double? {
        let x = storage.value[position * storage.unitCount + unit]
        return x.isNaN ? nil : Rounding.round(x, decimals: storage.decimals)
    }

    /// A node's value at full precision, before rounding; nil when it has none.
    ///
    /// For output that rounds as it formats (`NumberFormatting.appendFixed` with the framework's decimals
    /// prints the same digits for this value as for ``published(at:)``), so each cell is rounded once.
    public func unrounded(at position: Int) -> Double? {
        let x = storage.value[position * storage.unitCount + unit]
        return x.isNaN ? nil : x
    }

    /// Whether a node applies to the unit's group, without building the whole ``NodeResult``.
    public func applies(at position: Int) -> Bool {
        storage.status[position * storage.unitCount + unit] != .notApplicable
    }

    /// A node's effective weight for the unit (``NodeResult/effectiveWeight``), without building the whole
    /// ``NodeResult``: what the reports' group maxima read for every unit and column.
    public func effectiveWeight(at position: Int) -> Double {
        storage.effective[position * storage.unitCount + unit]
    }

    /// A node's points at full precision (``NodeResult/points``): effective weight × value when the node counts
    /// (it applies and was not skipped) and has a value, else nil.
    public func points(at position: Int) -> Double? {
        let i = position * storage.unitCount + unit
        switch storage.status[i] {
        case .notApplicable, .skipped: return nil
        default:
            let x = storage.value[i]
            return x.isNaN ? nil : storage.effective[i] * x
        }
    }

    /// A node's value at full precision when the node counts (``NodeResult/counts``), else nil.
    public func countedValue(at position: Int) -> Double? {
        let i = position * storage.unitCount + unit
        switch storage.status[i] {
        case .notApplicable, .skipped: return nil
        default:
            let x = storage.value[i]
            return x.isNaN ? nil : x
        }
    }

    /// A node's rank within the unit's group (``NodeResult/rank``).
    public func rank(at position: Int) -> Int? {
        let r = storage.rank[position * storage.unitCount + unit]
        return r > 0 ? Int(r) : nil
    }

    public static func == (lhs: NodeResults, rhs: NodeResults) -> Bool {
        lhs.count == rhs.count && lhs.indices.allSatisfy { lhs[$0] == rhs[$0] }
    }

    public func hash(into hasher: inout Hasher) {
        for i in indices { hasher.combine(self[i]) }
    }
}

/// Every node result of a run, one array per field, indexed `[node × unitCount + unit]`.
struct ResultStorage: Sendable {
    enum StatusCode: UInt8 {
        case notApplicable, scored, imputedMean, imputedGroupMean, missingScoredZero, skipped
    }

    let nodeCount: Int
    let unitCount: Int
    let decimals: Int
    /// The framework's effective weight of each node (without renormalisation).
    let nominal: [Double]
    var status: [StatusCode]
    /// NaN stands for "no value" in the numeric columns.
    var input: [Double]
    var value: [Double]
    var effective: [Double]
    /// 0 stands for "no rank".
    var rank: [Int32]

    init(unitCount: Int, nodeCount: Int, decimals: Int, nominal: [Double]) {
        let n = unitCount * nodeCount
        self.nodeCount = nodeCount
        self.unitCount = unitCount
        self.decimals = decimals
        self.nominal = nominal
        status = Self.filled(.notApplicable, count: n)
        input = Self.filled(.nan, count: n)
        value = Self.filled(.nan, count: n)
        effective = Self.filled(0, count: n)
        rank = Self.filled(0, count: n)
    }

    /// `Array(repeating: value, count: count)`, filled by every core when it is large: the first writes to a
    /// fresh allocation are page faults (10,000 units × 60 nodes is 17 MB of columns), which the kernel
    /// serves on both cores at once.
    static func filled<Element: BitwiseCopyable>(_ value: Element, count: Int) -> [Element] {
        Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress {
                Parallel.forEach(Parallel.ranges(count, minimum: 1 << 16)) { _, range in
                    (base + range.lowerBound).initialize(repeating: value, count: range.count)
                }
            }
            initialized = count
        }
    }

    func result(unit u: Int, node n: Int) -> NodeResult {
        let i = n * unitCount + u
        let code = status[i]
        let inputValue = input[i].isNaN ? nil : input[i]
        let status: NodeResult.Status
        switch code {
        case .notApplicable: status = .notApplicable
        case .scored: status = .scored
        case .imputedMean: status = .imputed(input[i], overGroup: false)
        case .imputedGroupMean: status = .imputed(input[i], overGroup: true)
        case .missingScoredZero: status = .missingScoredZero
        case .skipped: status = .skipped
        }
        let v = value[i].isNaN ? nil : value[i]
        return NodeResult(
            status: status, input: inputValue, value: v, published: v.map { Rounding.round($0, decimals: decimals) },
            effectiveWeight: effective[i], nominalWeight: code == .notApplicable ? 0 : nominal[n],
            rank: rank[i] > 0 ? Int(rank[i]) : nil)
    }
}

/// One node's result for one unit.
public struct NodeResult: Hashable, Sendable {
    /// Why a node has (or has no) value.
    public enum Status: Hashable, Sendable {
        /// Scored from a reported or derived value.
        case scored
        /// Scored from an imputed value (the mean of all units or of the group).
        case imputed(Double, overGroup: Bool)
        /// The value is missing and scores 0 (`missing: zero`).
        case missingScoredZero
        /// The value is missing and the node was removed (`missing: skip`, or every child missing).
        case skipped
        /// The node does not apply to the unit's group.
        case notApplicable
    }

    public var status: Status
    /// The indicator's value before rules (after imputation), or nil.
    public var input: Double?
    /// The node's value on the framework's scale (for zscore-final indicators, in z units), full precision.
    public var value: Double?
    /// `value` rounded to the framework's decimals.
    public var published: Double?
    /// Weight ÷ siblings' weights that count for this unit, times the parent's; 0 when not counted.
    public var effectiveWeight: Double
    /// The framework's effective weight, without renormalisation for this unit.
    public var nominalWeight: Double
    /// Competition rank within the group (root and pillars only).
    public var rank: Int?

    /// Whether the node counts for the unit.
    public var counts: Bool {
        switch status {
        case .skipped, .notApplicable: false
        default: true
        }
    }
}

extension Scoreboard {
    /// Points of a node for a unit: effective weight × value (0 when missing and scored zero).
    public func points(_ unit: UnitResult, _ node: NodeID) -> Double? {
        guard let i = nodeIndex[node] else { return nil }
        return unit.nodes[i].points
    }
}

extension NodeResult {
    /// Effective weight × value; nil when the node does not count.
    public var points: Double? {
        guard counts, let value else { return nil }
        return effectiveWeight * value
    }
}

extension Scoreboard {
    /// Max points of a node for a unit: effective weight × scale.
    public func maxPoints(_ result: NodeResult) -> Double { result.effectiveWeight * framework.scale }
}

/// One deduction applied to one unit.
public struct DeductionResult: Hashable, Sendable {
    public let id: DeductionID
    /// The points taken away (after the cap); 0 when the expression was missing.
    public let points: Double
    /// The expression's value before the cap, or nil when missing.
    public let computed: Double?
}

/// Which peers a statistic was computed over.
public struct PeerKey: Hashable, Sendable {
    public let node: NodeID
    /// The position of the rule in the indicator's chain.
    public let ruleIndex: Int
    /// The group, or nil for `over: all`.
    public let group: GroupID?
}

/// Statistics of the peers of a peer-relative rule.
public struct PeerStatistics: Hashable, Sendable {
    /// The summary figures, a plain value the rules take (copying it costs no reference counting).
    public struct Summary: Hashable, Sendable {
        public var count: Int
        public var min: Double
        public var max: Double
        public var mean: Double
        public var sampleSD: Double
        public var populationSD: Double
    }

    /// The peers' values (after negation for `direction: lower`), in no particular order.
    public let values: [Double]
    public let summary: Summary

    public var count: Int { summary.count }
    public var min: Double { summary.min }
    public var max: Double { summary.max }
    public var mean: Double { summary.mean }
    public var sampleSD: Double { summary.sampleSD }
    public var populationSD: Double { summary.populationSD }

    /// - Complexity: O(n).
    init(values: [Double]) {
        self.values = values
        let count = values.count
        let n = Double(values.count)
        var low = Double.infinity
        var high = -Double.infinity
        var sum = 0.0
        for x in values {
            low = Swift.min(low, x)
            high = Swift.max(high, x)
            sum += x
        }
        let mean = values.isEmpty ? .nan : sum / n
        var ss = 0.0
        for x in values { ss += (x - mean) * (x - mean) }
        summary = Summary(
            count: count, min: values.isEmpty ? .nan : low, max: values.isEmpty ? .nan : high, mean: mean,
            sampleSD: values.count > 1 ? (ss / (n - 1)).squareRoot() : .nan,
            populationSD: values.isEmpty ? .nan : (ss / n).squareRoot())
    }

    /// How many peers are strictly below and equal to a value.
    ///
    /// Used to explain one unit's rank or percentile; scoring ranks a whole bucket with one sort.
    /// - Complexity: O(n).
    public func counts(of value: Double) -> (below: Int, equal: Int) {
        var below = 0
        var equal = 0
        for x in values {
            if x < value { below += 1 } else if x == value { equal += 1 }
        }
        return (below, equal)
    }
}
