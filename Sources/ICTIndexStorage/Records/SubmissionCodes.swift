import ICTIndexCore

/// The small integers that `submission` stores for sources and kinds (since migration `v3-integer-keys`).
///
/// They are part of the file format: a number, once given, never changes meaning. `submissionByCode` spells
/// them out again for people reading the file with other tools.
enum SubmissionCodes {
    /// Every source with its number in `submission.source`.
    static let sources: [(source: Dataset.Source, code: Int)] = Dataset.Source.allCases.map { ($0, code(of: $0)) }

    /// Every kind of value (its number in `submission.kind` is ``StoredValue/Kind/code``).
    static let kinds = StoredValue.Kind.allCases

    /// The number of a source in `submission.source`.
    static func code(of source: Dataset.Source) -> Int {
        switch source {
        case .selfAssessed: 0
        case .appraised: 1
        case .imported: 2
        case .automatic: 3
        }
    }
}
