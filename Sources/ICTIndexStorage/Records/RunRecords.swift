import Foundation
import GRDB
import ICTIndexCore

/// A row of `period`.
struct PeriodRecord: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "period"
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let revision = Column(CodingKeys.revision)
    }

    var id: String
    var revision: Int
    var createdAt: String
    /// The period's number in `submission` (since v3-integer-keys; ``IndexDatabase/ensurePeriod(_:_:at:)`` gives it).
    var key: Int?
}

/// A row of `framework`: a criteria file as used by a run.
struct FrameworkRecord: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "framework"

    var sha256: String
    var frameworkID: String
    var edition: String?
    var yaml: String
    var firstUsed: String
}

/// A row of `run`.
struct RunRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "run"
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let period = Column(CodingKeys.period)
        static let status = Column(CodingKeys.status)
    }

    var id: Int64?
    var period: String
    var frameworkSHA256: String
    var parameters: String
    var engineVersion: String
    var periodRevision: Int
    var status: String
    var who: String
    var at: String
    var publishedAt: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `runResult`: one unit's result, with a snapshot of the unit as scored.
///
/// `nodes` holds, for every node in framework order, its full-precision value (8 bytes, little-endian
/// IEEE 754, NaN for none) followed by its rank (4 bytes, little-endian, 0 for none): 12 bytes a node,
/// which keeps a 10,000-unit run at 10,000 rows instead of 600,000.
struct RunResultRecord: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "runResult"
    enum Columns {
        static let run = Column(CodingKeys.run)
        static let position = Column(CodingKeys.position)
        static let unit = Column(CodingKeys.unit)
    }

    var run: Int64
    var position: Int
    var unit: String
    var name: String
    var group: String
    var parent: String?
    var kind: String?
    var score: Double?
    var published: Double?
    var rank: Int?
    var rankedCount: Int
    var band: String?
    var nodes: Data

    /// Writes a unit's node results as `nodes` stores them into `bytes` (replacing its contents), reading each
    /// node's full-precision value and rank without building a `NodeResult`.
    static func encodeNodes(_ nodes: NodeResults, into bytes: inout [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        bytes.reserveCapacity(nodes.count * 12)
        for i in nodes.indices {
            withUnsafeBytes(of: (nodes.unrounded(at: i) ?? .nan).bitPattern.littleEndian) {
                bytes.append(contentsOf: $0)
            }
            withUnsafeBytes(of: Int32(clamping: nodes.rank(at: i) ?? 0).littleEndian) { bytes.append(contentsOf: $0) }
        }
    }

    static func decodeNodes(_ data: Data) -> (values: [Double?], ranks: [Int?]) {
        let bytes = [UInt8](data)
        var values: [Double?] = []
        var ranks: [Int?] = []
        var i = 0
        while i + 12 <= bytes.count {
            var bits: UInt64 = 0
            for k in 0..<8 { bits |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
            var rank: UInt32 = 0
            for k in 0..<4 { rank |= UInt32(bytes[i + 8 + k]) << (8 * UInt32(k)) }
            let value = Double(bitPattern: bits)
            values.append(value.isNaN ? nil : value)
            ranks.append(rank == 0 ? nil : Int(Int32(bitPattern: rank)))
            i += 12
        }
        return (values, ranks)
    }
}

/// A row of `appraisalDecision`.
struct AppraisalDecisionRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "appraisalDecision"

    var id: Int64?
    var period: String
    var unit: String
    var variable: String
    var decision: String
    var oldValue: String?
    var newValue: String
    var reason: String?
    var who: String
    var at: String
}

/// A row of `auditEntry` (append-only: triggers refuse UPDATE and DELETE).
struct AuditEntryRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "auditEntry"
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let at = Column(CodingKeys.at)
        static let unit = Column(CodingKeys.unit)
    }

    var id: Int64?
    var at: String
    var who: String
    var action: String
    var period: String?
    var unit: String?
    var variable: String?
    var oldValue: String?
    var newValue: String?
    var detail: String?
}
