import Localization
import OrderedCollections

/// The stable code of a diagnostic, such as `C012`.
///
/// `C…` codes are problems in criteria files, `D…` in data files, `E…` found while scoring.
/// The codes are listed in `Criteria/README.md` and never reused for another meaning.
public struct DiagnosticCode: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    // MARK: - Criteria files

    /// The file is not valid YAML.
    public static let yamlSyntax = DiagnosticCode("C001")
    /// A key that the format does not have.
    public static let unknownKey = DiagnosticCode("C002")
    /// A required key is missing.
    public static let missingKey = DiagnosticCode("C003")
    /// A value of the wrong kind (a list where a number is expected, …).
    public static let invalidValue = DiagnosticCode("C004")
    /// `schema:` is not `ictindex/v1`.
    public static let unsupportedSchema = DiagnosticCode("C005")
    /// An id that does not follow the id syntax.
    public static let invalidID = DiagnosticCode("C006")
    /// Two things share one id.
    public static let duplicateID = DiagnosticCode("C007")
    /// An expression or node names a variable that does not exist.
    public static let unknownVariable = DiagnosticCode("C008")
    /// `applies_to` (or a group reference) names a group that does not exist.
    public static let unknownGroup = DiagnosticCode("C009")
    /// Derived variables refer to each other in a circle.
    public static let formulaCycle = DiagnosticCode("C010")
    /// An expression does not parse.
    public static let expressionSyntax = DiagnosticCode("C011")
    /// `aggregate: sum` children do not add up to the node's weight.
    public static let sumMismatch = DiagnosticCode("C012")
    /// Bands are not in descending order.
    public static let bandsOrder = DiagnosticCode("C013")
    /// `steps` thresholds are not descending.
    public static let stepsOrder = DiagnosticCode("C014")
    /// Points in a rule exceed the indicator's weight.
    public static let pointsAboveWeight = DiagnosticCode("C015")
    /// A choice map does not match the variable's options.
    public static let choiceMismatch = DiagnosticCode("C016")
    /// A rule lacks a parameter it needs.
    public static let missingParameter = DiagnosticCode("C017")
    /// A rule parameter has an invalid value.
    public static let invalidParameter = DiagnosticCode("C018")
    /// A weight below zero.
    public static let negativeWeight = DiagnosticCode("C019")
    /// A rule name that does not exist.
    public static let unknownRule = DiagnosticCode("C020")
    /// A pillar without children, or a tree that cannot be built.
    public static let invalidTree = DiagnosticCode("C021")
    /// A variable's declaration is inconsistent (choice without options, min above max, …).
    public static let invalidVariable = DiagnosticCode("C022")
    /// An expression is used where its type does not fit (a choice variable in arithmetic, …).
    public static let expressionType = DiagnosticCode("C023")
    /// An `aggregate: best_of` node whose weight is not its highest case's weight.
    public static let bestOfWeight = DiagnosticCode("C030")
    /// A node's name or description states its maximum points ("tối đa 5 điểm"), and the node's max points differ.
    public static let statedMaximum = DiagnosticCode("C031")
    /// A pillar's text says the highest case wins, but the pillar does not use `aggregate: best_of`.
    public static let bestOfWording = DiagnosticCode("C032")
    /// Every weight under the root is 0, so the framework scores nobody.
    public static let allWeightsZero = DiagnosticCode("C033")

    // MARK: - Data files

    /// A unit code that is not in the units list.
    public static let unknownUnit = DiagnosticCode("D001")
    /// A column or variable id that the framework does not have.
    public static let unknownColumn = DiagnosticCode("D002")
    /// A cell that is not a number.
    public static let invalidNumber = DiagnosticCode("D003")
    /// A number that could be read two ways.
    public static let ambiguousNumber = DiagnosticCode("D004")
    /// A number outside the variable's bounds.
    public static let outOfRange = DiagnosticCode("D005")
    /// A cell that is not a yes/no value.
    public static let invalidBoolean = DiagnosticCode("D006")
    /// A cell that is not one of the variable's options.
    public static let invalidChoice = DiagnosticCode("D007")
    /// The same unit and variable given twice.
    public static let duplicateValue = DiagnosticCode("D008")
    /// A required column is missing.
    public static let missingColumn = DiagnosticCode("D009")
    /// A unit's group is not one of the framework's groups.
    public static let unknownUnitGroup = DiagnosticCode("D010")
    /// A value given for a derived (formula) variable.
    public static let derivedVariableGiven = DiagnosticCode("D011")
    /// A unit listed twice.
    public static let duplicateUnit = DiagnosticCode("D012")
    /// A file without a header or any rows.
    public static let emptyFile = DiagnosticCode("D013")
    /// A cell that is not a date.
    public static let invalidDate = DiagnosticCode("D014")
    /// A row with more or fewer cells than the header, or broken quoting.
    public static let malformedRow = DiagnosticCode("D015")
    /// Unit lineage that is not a forest of dated successions: a unit that succeeds itself, an unknown
    /// successor, an end before the start, a successor that ended earlier, or a cycle of successors.
    public static let invalidLineage = DiagnosticCode("D020")
    /// A value of a variable with `evidence: required` comes without evidence (refused, zeroed or warned as the
    /// criteria's `evidence_policy` says).
    public static let missingEvidence = DiagnosticCode("D021")

    // MARK: - Self-assessment workbooks

    /// A workbook that is not an ictindex self-assessment template, or one with a sheet deleted.
    public static let notATemplate = DiagnosticCode("T001")
    /// A locked cell, the metadata sheet or the rows of a template were changed.
    public static let templateTampered = DiagnosticCode("T002")
    /// A template made for another framework version, period or unit than the database expects.
    public static let templateMismatch = DiagnosticCode("T003")
    /// A value whose variable requires evidence was given without any.
    public static let evidenceRequired = DiagnosticCode("T004")

    // MARK: - Scoring

    /// An expression divided by zero; the value is missing.
    public static let divisionByZero = DiagnosticCode("E001")
    /// A value is missing and the indicator says `missing: error`.
    public static let missingValue = DiagnosticCode("E002")
    /// A geometric mean over a zero or negative value.
    public static let geometricNonPositive = DiagnosticCode("E003")
    /// Every peer has the same value; a peer-relative rule falls back.
    public static let constantPeers = DiagnosticCode("E004")
    /// Imputation found no value to impute from.
    public static let nothingToImpute = DiagnosticCode("E005")
    /// A value is not finite (overflow).
    public static let nonFinite = DiagnosticCode("E006")
    /// A harmonic mean over a zero or negative value.
    public static let harmonicNonPositive = DiagnosticCode("E007")
}
