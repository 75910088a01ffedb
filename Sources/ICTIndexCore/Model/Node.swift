import Localization
import OrderedCollections

/// A node of a framework tree: a pillar (with children) or an indicator (a leaf).
public struct Node: Hashable, Sendable {
    /// How a pillar combines its children.
    public enum Aggregation: String, Hashable, Sendable, CaseIterable {
        /// Weighted mean; the children's weights must add up to the node's weight.
        case sum
        /// Weighted arithmetic mean.
        case mean
        /// Weighted geometric mean.
        case geometric
        /// Weighted harmonic mean.
        case harmonic
        /// The lowest child.
        case min
        /// The highest child's value, whatever its weight.
        case max
        /// The highest case wins (*lấy trường hợp có điểm cao nhất*): each child is a case whose weight is
        /// its own maximum points; the node gets the highest case's points, and its maximum is the
        /// highest case's maximum.
        case bestOf = "best_of"
    }

    /// What the node is.
    public enum Kind: Hashable, Sendable {
        case pillar(aggregate: Aggregation, children: [NodeID])
        case indicator(Indicator)
    }

    public var id: NodeID
    public var name: LocalizedText
    /// The rule as the published decision words it, verbatim (`description:` in the file).
    public var description: LocalizedText?
    /// Relative to siblings; 0 means shown, not scored.
    public var weight: Double
    public var kind: Kind
    /// The groups the node is scored for; nil means every group.
    public var appliesTo: Set<GroupID>?
    public var parent: NodeID?
    /// 0 for the root, 1 for pillars under it, …
    public var level: Int
    public var source: SourceLocation?

    public init(
        id: NodeID, name: LocalizedText, description: LocalizedText? = nil, weight: Double = 1, kind: Kind,
        appliesTo: Set<GroupID>? = nil, parent: NodeID? = nil, level: Int = 0, source: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.weight = weight
        self.kind = kind
        self.appliesTo = appliesTo
        self.parent = parent
        self.level = level
        self.source = source
    }

    /// The children of a pillar; empty for an indicator.
    public var children: [NodeID] {
        if case .pillar(_, let children) = kind { return children }
        return []
    }

    /// The indicator specification, for an indicator.
    public var indicator: Indicator? {
        if case .indicator(let indicator) = kind { return indicator }
        return nil
    }

    /// Whether the node is a leaf.
    public var isIndicator: Bool { indicator != nil }

    /// Whether the node is scored for a group.
    public func applies(to group: GroupID) -> Bool {
        appliesTo.map { $0.contains(group) } ?? true
    }
}

/// What a unit gets when a value is missing (DESIGN §3 "Missing and not applicable").
public enum MissingPolicy: String, Hashable, Sendable, CaseIterable {
    /// Score 0 and keep the weight.
    case zero
    /// Remove the node like not-applicable and renormalise its siblings.
    case skip
    /// Replace by the mean over all units, before scoring.
    case imputeMean = "impute_mean"
    /// Replace by the mean over the unit's group, before scoring.
    case imputeGroupMean = "impute_group_mean"
    /// Refuse the run.
    case error
}

/// Whether higher or lower values are better.
public enum Direction: String, Hashable, Sendable {
    case higher
    case lower
}

/// A leaf node's scoring: where its value comes from and which rules turn it into a score.
public struct Indicator: Hashable, Sendable {
    /// The value expression; by default the variable with the node's id.
    public var value: Expression
    public var direction: Direction
    public var missing: MissingPolicy
    /// One rule, or several chained (the output of one is the input of the next).
    public var rules: [ScoringRule]

    public init(value: Expression, direction: Direction = .higher, missing: MissingPolicy = .zero, rules: [ScoringRule]) {
        self.value = value
        self.direction = direction
        self.missing = missing
        self.rules = rules
    }
}
