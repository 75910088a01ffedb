import GRDB
import ICTIndexCore

/// A row of `unit`: one unit with its dates and successor.
struct UnitRecord: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "unit"

    enum Columns {
        static let code = Column(CodingKeys.code)
        static let successor = Column(CodingKeys.successor)
    }

    var code: String
    var name: String
    var group: String
    var parent: String?
    var kind: String?
    var validFrom: String?
    var validTo: String?
    var successor: String?

    init(_ unit: Unit) {
        code = unit.code.rawValue
        name = unit.name
        group = unit.group.rawValue
        parent = unit.parent?.rawValue
        kind = unit.kind.nonEmpty
        validFrom = unit.validFrom.nonEmpty
        validTo = unit.validTo.nonEmpty
        successor = unit.successor?.rawValue.nonEmpty
    }

    var unit: Unit {
        Unit(
            code: UnitCode(code), name: name, group: GroupID(group), parent: parent.map(UnitCode.init), kind: kind,
            validFrom: validFrom, validTo: validTo, successor: successor.map(UnitCode.init))
    }

    /// `name, group, parent, kind, valid_from, valid_to, successor` as one line, for the audit log.
    var auditText: String {
        [name, group, parent ?? "", kind ?? "", validFrom ?? "", validTo ?? "", successor ?? ""]
            .joined(separator: " | ")
    }
}

/// A row of `unitLineage`: the predecessor was replaced by the successor (a merger has several rows with one
/// successor; a rename has one).
struct UnitLineageRecord: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "unitLineage"

    enum Columns {
        static let predecessor = Column(CodingKeys.predecessor)
        static let successor = Column(CodingKeys.successor)
    }

    var predecessor: String
    var successor: String
    var effective: String?
}

extension Optional where Wrapped == String {
    /// Nil for nil and for the empty string.
    var nonEmpty: String? {
        switch self {
        case .some(let text) where !text.isEmpty: text
        default: nil
        }
    }
}

extension String {
    /// Nil for the empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
