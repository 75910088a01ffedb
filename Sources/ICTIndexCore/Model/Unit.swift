import Localization
import OrderedCollections

/// A unit (đơn vị) that is scored: an agency, a commune People's Committee, a province or a country.
public struct Unit: Hashable, Sendable {
    public var code: UnitCode
    public var name: String
    public var group: GroupID
    /// The code of the unit above it (the province of an agency), if given.
    public var parent: UnitCode?
    /// Free classification (`so`, `xa`, `phuong`, …).
    public var kind: String?
    /// ISO dates between which the unit exists, if known.
    public var validFrom: String?
    public var validTo: String?
    /// The unit that replaced this one after a merger or a rename.
    public var successor: UnitCode?

    public init(
        code: UnitCode, name: String, group: GroupID = .all, parent: UnitCode? = nil, kind: String? = nil,
        validFrom: String? = nil, validTo: String? = nil, successor: UnitCode? = nil
    ) {
        self.code = code
        self.name = name
        self.group = group
        self.parent = parent
        self.kind = kind
        self.validFrom = validFrom
        self.validTo = validTo
        self.successor = successor
    }
}

extension Unit {
    /// Whether the unit exists on the last day of a period (`2025` → 2025-12-31), from its
    /// `valid_from`/`valid_to` ISO dates; a unit without dates always exists.
    ///
    /// A commune merged on 1 July 2025 (valid_to 2025-06-30) is scored in 2024, not in 2025;
    /// its successor (valid_from 2025-07-01) in 2025, not in 2024.
    public func exists(inPeriod period: String) -> Bool {
        let year = String(period.prefix(while: \.isNumber).prefix(4))
        guard year.count == 4 else { return true }
        let end = year + "-12-31"
        if let from = validFrom, !from.isEmpty, from > end { return false }
        if let to = validTo, !to.isEmpty, to < end { return false }
        return true
    }
}
