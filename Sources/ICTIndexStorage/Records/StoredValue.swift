import ICTIndexCore

/// A value as stored in a `submission` row: its kind, its text as written in files and, for numbers, the exact
/// double, so reading it back gives the same bits.
struct StoredValue: Hashable {
    /// How a value is stored; `code` is the number in `submission.kind` (see ``SubmissionCodes``).
    enum Kind: String, CaseIterable {
        case number, option, text

        /// The number stored in `submission.kind`. Part of the file format: never renumber.
        var code: Int {
            switch self {
            case .number: 0
            case .option: 1
            case .text: 2
            }
        }

        /// The kind stored as `code`, if any.
        init?(code: Int) {
            // A switch, not a search of allCases: this runs for every row a run reads.
            switch code {
            case 0: self = .number
            case 1: self = .option
            case 2: self = .text
            default: return nil
            }
        }
    }

    var kind: Kind
    var text: String
    var number: Double?

    init(kind: Kind, text: String, number: Double?) {
        self.kind = kind
        self.text = text
        self.number = number
    }

    init(_ value: Value) {
        switch value {
        case .number(let x): (kind, text, number) = (.number, value.description, x)
        case .option(let o): (kind, text, number) = (.option, o, nil)
        case .text(let t): (kind, text, number) = (.text, t, nil)
        }
    }

    var value: Value {
        switch kind {
        case .number: .number(number ?? Double(text) ?? .nan)
        case .option: .option(text)
        case .text: .text(text)
        }
    }

    /// Same kind, same text and the same bits (so 0.1 + 0.2 is not 0.3).
    func isSame(as other: StoredValue) -> Bool {
        kind == other.kind && text == other.text && number?.bitPattern == other.number?.bitPattern
    }
}
