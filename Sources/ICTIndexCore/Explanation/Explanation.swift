import Localization
import OrderedCollections

/// The explanation of every number of one unit's score, as indented lines (DESIGN §3 "Explanations").
///
/// Each indicator shows its variables as reported (self-assessed and appraised), the value
/// expression, the rule with its parameters and peer statistics, imputation or skip, the
/// fraction, and points out of max points, so a person can check any number by hand:
/// `34 / 40 = 0.85 → ratio: clamp(0.85) = 0.85 → 0.85 × 100 = 85 → 85 × 0.05 = 4.25 / 5 points`.
public struct Explanation: Hashable, Sendable, CustomStringConvertible {
    /// One line of the explanation, indented by its depth in the tree.
    public struct Line: Hashable, Sendable {
        public var depth: Int
        public var text: String
    }

    public var unit: UnitCode
    public var lines: [Line]

    /// The explanation as plain text, two spaces per level.
    public var description: String {
        lines.map { String(repeating: "  ", count: $0.depth) + $0.text }.joined(separator: "\n")
    }
}

extension Scoreboard {
    /// Explains one unit's score; nil when the unit is not in the scoreboard.
    public func explain(_ code: UnitCode, language: Language = .vi) -> Explanation? {
        guard let u = position(of: code) else { return nil }
        var writer = ExplanationWriter(scoreboard: self, unitIndex: u, words: ExplanationWords(language))
        return writer.write()
    }
}
