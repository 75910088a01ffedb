import Localization
public import OrderedCollections

/// A raw input a unit reports (số liệu đầu vào): a column of data files and a row of self-assessment forms.
public struct Variable: Hashable, Sendable {
    /// The kind of value a variable holds.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case number
        case integer
        /// A percentage on 0–100.
        case percent
        case boolean
        case choice
        /// An ISO date (`2025-03-31`); shown and stored, not computed with.
        case date
        /// Free text; shown and stored, not computed with.
        case text
    }

    /// Whether a value must come with evidence (tài liệu kiểm chứng).
    public enum EvidenceRequirement: String, Hashable, Sendable, CaseIterable {
        case none
        case optional
        case required
    }

    /// What happens to a value of a variable with `evidence: required` that comes without evidence, on every
    /// route data takes (CSV and workbook imports, `score`, the web form): the criteria file's
    /// `evidence_policy`.
    public enum EvidencePolicy: String, Hashable, Sendable, CaseIterable {
        /// The file or form is refused: an error names the unit, the variable and the row (the default).
        case refuse
        /// The value is accepted, and every indicator computed from it scores 0 for that unit, with a warning
        /// naming the units.
        case zero
        /// The value is accepted and scored, with a warning naming the unit, the variable and the row.
        case warn
    }

    public var id: VariableID
    public var name: LocalizedText
    /// What to report, as the published decision words it, verbatim (`description:` in the file).
    public var description: LocalizedText?
    public var kind: Kind
    /// The unit of measure shown on forms ("người", "Mbps", "%").
    public var unitOfMeasure: String?
    /// Inclusive lower bound checked on import.
    public var min: Double?
    /// Inclusive upper bound checked on import.
    public var max: Double?
    /// The options of a `choice` variable, in the file's order: option id → label.
    public var options: OrderedDictionary<String, LocalizedText>
    public var evidence: EvidenceRequirement
    /// The formula of a derived variable, computed and never imported.
    public var formula: Expression?
    /// Where the variable is declared.
    public var source: SourceLocation?

    public init(
        id: VariableID, name: LocalizedText, description: LocalizedText? = nil, kind: Kind = .number, unitOfMeasure: String? = nil,
        min: Double? = nil, max: Double? = nil, options: OrderedDictionary<String, LocalizedText> = [:],
        evidence: EvidenceRequirement = .none, formula: Expression? = nil, source: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.kind = kind
        self.unitOfMeasure = unitOfMeasure
        self.min = min
        self.max = max
        self.options = options
        self.evidence = evidence
        self.formula = formula
        self.source = source
    }

    /// Whether the variable is derived by a formula rather than reported.
    public var isDerived: Bool { formula != nil }

    /// The bounds implied by the kind and the declared bounds.
    public var effectiveBounds: (min: Double?, max: Double?) {
        switch kind {
        case .percent: (min ?? 0, max ?? 100)
        case .boolean: (0, 1)
        default: (min, max)
        }
    }
}
