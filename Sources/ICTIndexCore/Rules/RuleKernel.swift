import Localization
import OrderedCollections

/// The arithmetic of each scoring rule, shared by scoring and explanations.
///
/// A rule takes an input value and gives an output: for the fraction rules f × scale, for
/// `minmax` a point of its range, for `zscore` a value in its own units.
enum RuleKernel {
    /// What a rule needs besides its input.
    struct Context {
        var scale: Double
        /// The indicator's weight as written (steps and choice points are out of it).
        var weight: Double
        /// Whether lower values are better; applies to the first rule of a chain only.
        var lowerIsBetter: Bool
        /// The peers' summary figures, for peer-relative rules.
        var peers: PeerStatistics.Summary?
        /// For `rank` and `percentile`: how many peers are strictly below the value, and how many
        /// (itself included) are equal to it.
        var place: (below: Int, equal: Int)?
    }

    /// A rule's result for one unit.
    struct Outcome: Equatable {
        /// The rule's output (the next rule's input, or the indicator's value).
        var output: Double
        /// The fraction f in [0, 1], for the fraction rules and minmax.
        var fraction: Double?
    }

    static func clamp01(_ x: Double) -> Double { Swift.min(1, Swift.max(0, x)) }

    /// The value a peer-relative rule compares: negated when lower is better.
    static func peerValue(_ value: Double, _ rule: ScoringRule, lowerIsBetter: Bool) -> Double {
        lowerIsBetter && rule.isPeerRelative ? -value : value
    }

    /// Applies a numeric rule. Returns nil for `choice` (see ``applyChoice``).
    static func apply(_ rule: ScoringRule, to value: Double, _ c: Context) -> Outcome? {
        func fraction(_ f: Double) -> Outcome { Outcome(output: f * c.scale, fraction: f) }
        switch rule {
        case .ratio(let percent):
            let f = clamp01(percent ? value / 100 : value)
            return fraction(c.lowerIsBetter ? 1 - f : f)
        case .linear(let from, let to):
            return fraction(clamp01((value - from) / (to - from)))
        case .steps(let steps):
            guard let step = steps.first(where: { value >= $0.atLeast }) else { return fraction(0) }
            return fraction(award(step.award, weight: c.weight))
        case .choice:
            return nil
        case .boolean(let truePoints):
            guard value != 0 else { return fraction(0) }
            return fraction(truePoints.map { c.weight > 0 ? $0 / c.weight : 0 } ?? 1)
        case .identity:
            return Outcome(output: value, fraction: c.scale != 0 ? value / c.scale : nil)
        case .fractionOfMax:
            guard let peers = c.peers else { return nil }
            if c.lowerIsBetter {
                // Best peer ÷ value: peers hold negated values, so the best (lowest) is −max.
                let best = -peers.max
                let v = -value
                if v <= 0 { return fraction(1) }
                return fraction(clamp01(best / v))
            }
            guard peers.max > 0 else { return fraction(0) }
            return fraction(clamp01(value / peers.max))
        case .minmax(_, let range):
            guard let peers = c.peers else { return nil }
            let lo = range?.lowerBound ?? 0
            let hi = range?.upperBound ?? c.scale
            let t = peers.max > peers.min ? (value - peers.min) / (peers.max - peers.min) : 0.5
            return Outcome(output: lo + t * (hi - lo), fraction: t)
        case .zscore(_, let mean, let sd, let sdOf):
            guard let peers = c.peers else { return nil }
            let sigma = sdOf == .sample ? peers.sampleSD : peers.populationSD
            guard sigma.isFinite, sigma > 0 else { return Outcome(output: mean, fraction: nil) }
            return Outcome(output: (value - peers.mean) / sigma * sd + mean, fraction: nil)
        case .rank, .percentile:
            guard let peers = c.peers, let place = c.place else { return nil }
            return orderFraction(rule, below: place.below, equal: place.equal, count: peers.count).map { fraction($0) }
        case .distanceToTarget(let target, _):
            guard let peers = c.peers else { return nil }
            let t = c.lowerIsBetter ? -target : target
            if value >= t { return fraction(1) }
            let span = t - peers.min
            guard span > 0 else { return fraction(0) }
            return fraction(clamp01(1 - (t - value) / span))
        }
    }

    /// The fraction of `rank` and `percentile` from a value's place among n peers: how many are
    /// strictly below it and how many (itself included) are equal to it.
    ///
    /// rank: (n − r)/(n − 1) with r = n − below − equal + 1; percentile: below/(n − 1) + ½ (equal − 1)/(n − 1);
    /// a single peer gets 1.
    static func orderFraction(_ rule: ScoringRule, below: Int, equal: Int, count n: Int) -> Double? {
        guard n > 1 else { return 1 }
        switch rule {
        case .rank:
            let rank = n - below - equal + 1
            return Double(n - rank) / Double(n - 1)
        case .percentile:
            let others = Double(n - 1)
            return Double(below) / others + 0.5 * Double(Swift.max(0, equal - 1)) / others
        default:
            return nil
        }
    }

    /// Applies a `choice` rule to an option id.
    static func applyChoice(_ rule: ScoringRule, option: String, _ c: Context) -> Outcome? {
        guard case .choice(let choices) = rule, let award = choices[option] else { return nil }
        let f = self.award(award, weight: c.weight)
        return Outcome(output: f * c.scale, fraction: f)
    }

    static func award(_ award: ScoringRule.Award, weight: Double) -> Double {
        switch award {
        case .points(let p): weight > 0 ? p / weight : 0
        case .score(let f): f
        }
    }

    /// Whether every peer has the same value, so the rule falls back (minmax, zscore) or gives 0.
    static func isDegenerate(_ rule: ScoringRule, _ peers: PeerStatistics.Summary, lowerIsBetter: Bool) -> Bool {
        switch rule {
        case .minmax, .zscore: peers.count > 0 && peers.min == peers.max
        case .fractionOfMax: peers.count > 0 && !lowerIsBetter && peers.max <= 0
        default: false
        }
    }
}
