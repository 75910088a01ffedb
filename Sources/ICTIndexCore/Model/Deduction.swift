import Localization
import OrderedCollections

/// Points subtracted from the root score (điểm trừ), such as late reports; the score never goes below 0.
public struct Deduction: Hashable, Sendable {
    public var id: DeductionID
    public var name: LocalizedText
    /// The points to subtract, an expression over variables.
    public var points: Expression
    /// The most this deduction can take away.
    public var cap: Double?
    public var source: SourceLocation?

    public init(id: DeductionID, name: LocalizedText, points: Expression, cap: Double? = nil, source: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.points = points
        self.cap = cap
        self.source = source
    }
}
