import Localization
import OrderedCollections

/// A code that names something in a framework or a data set.
///
/// Every code is its own type, so a node id can never be passed where a unit code is expected.
public protocol Code: Hashable, Sendable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The code as written in files.
    var rawValue: String { get }
    /// Wraps a code as written in files.
    init(_ rawValue: String)
}

extension Code {
    public init(stringLiteral value: String) { self.init(value) }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The id of a node (pillar or indicator) of a framework, such as `infra.computers`.
public struct NodeID: Code {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// The id of a variable (a raw input a unit reports), such as `staff`.
public struct VariableID: Code {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// The id of a ranking group (khối), such as `department`.
public struct GroupID: Code {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// The default group of a framework that defines none.
    public static let all: GroupID = "all"
}

/// The code of a unit (đơn vị): an agency, a commune, a province or a country.
public struct UnitCode: Code {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// The id of a band (xếp loại), such as `good`.
public struct BandID: Code {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// The id of a deduction (điểm trừ).
public struct DeductionID: Code {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
