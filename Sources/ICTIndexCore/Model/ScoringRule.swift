import Localization
public import OrderedCollections

/// A rule that turns an indicator's value into its score (DESIGN §3 "Rules").
///
/// The fraction rules give f in [0, 1] and the score f × scale; `minmax` maps onto its range;
/// `zscore` keeps its own units. Peer-relative rules compare a unit with its ``PeerSet``.
public enum ScoringRule: Hashable, Sendable {
    /// What a ladder step or a choice option gives.
    public enum Award: Hashable, Sendable {
        /// Points, out of the indicator's weight: f = points ÷ weight.
        case points(Double)
        /// A fraction of the full score.
        case score(Double)
    }

    /// One rung of a `steps` ladder.
    public struct Step: Hashable, Sendable {
        public var atLeast: Double
        public var award: Award
        public init(atLeast: Double, award: Award) {
            self.atLeast = atLeast
            self.award = award
        }
    }

    /// Which standard deviation `zscore` uses.
    public enum StandardDeviation: String, Hashable, Sendable {
        /// n − 1 in the denominator (the default).
        case sample
        /// n in the denominator.
        case population
    }

    /// clamp(value, 0, 1), or value ÷ 100 clamped when `percent`.
    case ratio(percent: Bool)
    /// clamp((v − from) / (to − from)).
    case linear(from: Double, to: Double)
    /// First step whose `atLeast` the value meets, else 0.
    case steps([Step])
    /// Option → award.
    case choice(OrderedDictionary<String, Award>)
    /// 1 (or `truePoints` ÷ weight) for true, 0 for false.
    case boolean(truePoints: Double?)
    /// value ÷ scale: the value is already on the scale.
    case identity
    /// v ÷ max over peers.
    case fractionOfMax(over: PeerSet)
    /// (v − min) / (max − min) mapped onto `range`.
    case minmax(over: PeerSet, range: ClosedRange<Double>?)
    /// (v − μ) / σ × sd + mean.
    case zscore(over: PeerSet, mean: Double, sd: Double, sdOf: StandardDeviation)
    /// (n − r) / (n − 1), r the competition rank among n peers.
    case rank(over: PeerSet)
    /// Share of peers strictly below v, plus half the share of the others equal to v.
    case percentile(over: PeerSet)
    /// 1 if v ≥ target, else clamp(1 − (target − v) / (target − min over peers)).
    case distanceToTarget(target: Double, over: PeerSet)

    /// The rule's name as written in criteria files.
    public var name: String {
        switch self {
        case .ratio: "ratio"
        case .linear: "linear"
        case .steps: "steps"
        case .choice: "choice"
        case .boolean: "boolean"
        case .identity: "identity"
        case .fractionOfMax: "fraction_of_max"
        case .minmax: "minmax"
        case .zscore: "zscore"
        case .rank: "rank"
        case .percentile: "percentile"
        case .distanceToTarget: "distance_to_target"
        }
    }

    /// Every rule name, for "did you mean".
    public static let names = [
        "ratio", "linear", "steps", "choice", "boolean", "identity", "fraction_of_max", "minmax", "zscore",
        "rank", "percentile", "distance_to_target",
    ]

    /// The peers the rule compares with, for peer-relative rules.
    public var peers: PeerSet? {
        switch self {
        case .fractionOfMax(let over), .minmax(let over, _), .zscore(let over, _, _, _), .rank(let over),
            .percentile(let over), .distanceToTarget(_, let over):
            over
        default: nil
        }
    }

    /// Whether the rule needs its peers in order (competition rank, share below), not only their
    /// minimum, maximum, mean and standard deviation.
    public var needsPeerOrder: Bool {
        switch self {
        case .rank, .percentile: true
        default: false
        }
    }

    /// Whether the score depends on other units.
    public var isPeerRelative: Bool { peers != nil }
}

/// The units a peer-relative rule compares with, within one run.
public enum PeerSet: String, Hashable, Sendable {
    /// The units of the same group (the default).
    case group
    /// Every unit the node applies to.
    case all
}
