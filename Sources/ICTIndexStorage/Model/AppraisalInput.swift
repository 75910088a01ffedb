public import ICTIndexCore

/// One appraisal decision to record: accept the self-assessed value, or adjust it with a reason.
public struct AppraisalInput: Hashable, Sendable {
    /// Accept the unit's own value, or replace it.
    public enum Decision: Hashable, Sendable {
        case accept
        case adjust(Value)
    }

    public var unit: UnitCode
    public var variable: VariableID
    public var decision: Decision
    /// Why; required for an adjustment.
    public var reason: String?

    /// Creates a decision.
    public init(unit: UnitCode, variable: VariableID, decision: Decision, reason: String? = nil) {
        self.unit = unit
        self.variable = variable
        self.decision = decision
        self.reason = reason
    }
}

/// A unit's self-assessed and appraised value of one variable, for `compare`.
public struct ValuePair: Hashable, Sendable {
    public var unit: UnitCode
    public var variable: VariableID
    public var selfAssessed: Value?
    public var appraised: Value?
    /// Why the department set the appraised value (the appraisal's reason), when it gave one.
    public var reason: String?
}

/// A criteria file as a run used it: its text and fingerprint.
public struct FrameworkSource: Hashable, Sendable {
    public var id: String
    public var edition: String?
    public var yaml: String
    public var sha256: String

    /// Creates a framework source.
    public init(id: String, edition: String?, yaml: String, sha256: String) {
        self.id = id
        self.edition = edition
        self.yaml = yaml
        self.sha256 = sha256
    }
}
