public import ICTIndexCore

/// A unit's change since the previous period, following its lineage (mergers and renames).
///
/// - `own`: the unit's own result in the previous period (a renamed unit's is its old code's).
/// - `predecessors`: the units merged into it since, with their previous ranks and scores.
/// - Neither: a new unit.
public struct UnitChange: Hashable, Sendable {
    /// A previous result: the unit's code and name then, its rank and published score.
    public struct PreviousResult: Hashable, Sendable {
        public var unit: UnitCode
        public var name: String
        public var rank: Int?
        public var published: Double?
        /// How many units were ranked in its group then (the `N` of "hạng 59/60").
        public var rankedCount: Int = 0
    }

    /// The previous period compared with.
    public var previousPeriod: String
    /// The run of the previous period compared with.
    public var previousRun: Int
    /// The unit's own previous result (or, after a rename, its old code's).
    public var own: PreviousResult?
    /// The old code, when the unit was renamed (one predecessor and no result of its own).
    public var renamedFrom: UnitCode?
    /// Units merged into this one, with their previous results.
    public var predecessors: [PreviousResult]
}
