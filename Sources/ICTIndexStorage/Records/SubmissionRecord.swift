import GRDB
import ICTIndexCore

/// A row of `submission`: one value a unit reported (or was appraised at) for one variable and period.
///
/// The value is stored as its kind (`number`, `option`, `text`), its text as written in files, and, for
/// numbers, the exact double, so reading it back gives the same bits.
struct SubmissionRecord: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "submission"

    enum Columns {
        static let period = Column(CodingKeys.period)
        static let unit = Column(CodingKeys.unit)
        static let variable = Column(CodingKeys.variable)
        static let source = Column(CodingKeys.source)
    }

    var period: String
    var unit: String
    var variable: String
    var source: String
    var kind: String
    var text: String
    var number: Double?
    var evidence: String?
    var note: String?
    var who: String
    var at: String

    var value: Value { StoredValue(kind: kind, text: text, number: number).value }
}

/// A value as stored: kind, text and exact number.
struct StoredValue: Hashable {
    var kind: String
    var text: String
    var number: Double?

    init(kind: String, text: String, number: Double?) {
        self.kind = kind
        self.text = text
        self.number = number
    }

    init(_ value: Value) {
        switch value {
        case .number(let x): (kind, text, number) = ("number", value.description, x)
        case .option(let o): (kind, text, number) = ("option", o, nil)
        case .text(let t): (kind, text, number) = ("text", t, nil)
        }
    }

    var value: Value {
        switch kind {
        case "number": .number(number ?? Double(text) ?? .nan)
        case "option": .option(text)
        default: .text(text)
        }
    }

    /// Same kind, same text and the same bits (so 0.1 + 0.2 is not 0.3).
    func isSame(as other: StoredValue) -> Bool {
        kind == other.kind && text == other.text && number?.bitPattern == other.number?.bitPattern
    }
}
