import Localization
import OrderedCollections

/// A ranking group (khối, nhóm xếp hạng): units are ranked only against units of the same group.
public struct Group: Hashable, Sendable {
    public var id: GroupID
    public var name: LocalizedText
    /// Units of an unranked group are scored and shown, but get no rank.
    public var ranked: Bool
    public var source: SourceLocation?

    public init(id: GroupID, name: LocalizedText, ranked: Bool = true, source: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.ranked = ranked
        self.source = source
    }
}
