import Localization
import OrderedCollections

/// A band (xếp loại) such as Tốt ≥ 85, given to the published root score.
public struct Band: Hashable, Sendable {
    /// The bound a score must meet.
    public enum Bound: Hashable, Sendable {
        /// score ≥ value (`min:`).
        case atLeast(Double)
        /// score > value (`above:`).
        case above(Double)
        /// Any score: a band written without a bound, such as Yếu.
        case any

        /// Whether a score meets the bound.
        public func isMet(by score: Double) -> Bool {
            switch self {
            case .atLeast(let x): score >= x
            case .above(let x): score > x
            case .any: true
            }
        }

        /// The bound's threshold, or −∞ for ``any``.
        public var threshold: Double {
            switch self {
            case .atLeast(let x), .above(let x): x
            case .any: -.infinity
            }
        }
    }

    public var id: BandID
    public var name: LocalizedText
    public var bound: Bound
    public var source: SourceLocation?

    public init(id: BandID, name: LocalizedText, bound: Bound, source: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.bound = bound
        self.source = source
    }
}
