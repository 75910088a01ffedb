import OrderedCollections

/// One problem found in a criteria file, a data file or a run.
///
/// Diagnostics are collected, not thrown one by one: validation reports every problem at once
/// through ``ValidationFailure``. Rendered compiler-style, so editors can jump to the place:
///
///     Criteria/x.yaml:42:7: error[C012]: the items of pillar 'infra' add up to 18 points; …
///       hint: fix the items' weights or the pillar's weight (aggregate: sum needs them equal)
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How bad a problem is.
    public enum Severity: String, Hashable, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    /// What a diagnostic is about.
    public enum Subject: Hashable, Sendable {
        case unit(UnitCode)
        case node(NodeID)
        case variable(VariableID)
        case unitNode(UnitCode, NodeID)
        case unitVariable(UnitCode, VariableID)
        case table(name: String, row: Int)
    }

    public var severity: Severity
    public var code: DiagnosticCode
    public var location: SourceLocation?
    public var subject: Subject?
    public var message: String
    public var hint: String?

    public init(
        _ severity: Severity,
        _ code: DiagnosticCode,
        at location: SourceLocation? = nil,
        subject: Subject? = nil,
        _ message: String,
        hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.location = location
        self.subject = subject
        self.message = message
        self.hint = hint
    }

    /// Shorthand for an error.
    public static func error(
        _ code: DiagnosticCode, at location: SourceLocation? = nil, subject: Subject? = nil,
        _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code, at: location, subject: subject, message, hint: hint)
    }

    /// Shorthand for a warning.
    public static func warning(
        _ code: DiagnosticCode, at location: SourceLocation? = nil, subject: Subject? = nil,
        _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code, at: location, subject: subject, message, hint: hint)
    }

    /// `file:line:col: error[C012]: message` and, on the next line, `  hint: …`.
    ///
    /// Control characters in the message and hint (from a value the message quotes) are written visibly, so a
    /// diagnostic is always these one or two lines.
    public var description: String {
        var text = ""
        if let location { text += "\(MessageText.escapingControlCharacters(location.description)): " }
        text += "\(severity.rawValue)[\(code.rawValue)]: \(MessageText.escapingControlCharacters(message))"
        if let hint { text += "\n  hint: \(MessageText.escapingControlCharacters(hint))" }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// How many diagnostics of one code and severity a report prints before it says how many more there are.
    public static var reportLimitPerKind: Int { 100 }

    /// The diagnostics as the CLI prints them: each one (``Diagnostic/description``), but after
    /// ``reportLimitPerKind`` of one code and severity, one line that counts the rest of that kind; then the
    /// count line over all of them ("20000 errors").
    ///
    /// So 20,000 unknown columns give 100 messages and `… and 19900 more errors [D002] like the ones above`,
    /// not megabytes of text, whichever reader found them.
    ///
    /// - Complexity: O(n) for n diagnostics.
    public var report: String {
        var shown: [String: Int] = [:]
        var lines: [String] = []
        var hidden: [(severity: Diagnostic.Severity, code: DiagnosticCode, count: Int)] = []
        var hiddenIndex: [String: Int] = [:]
        for diagnostic in self {
            let key = diagnostic.severity.rawValue + diagnostic.code.rawValue
            let count = shown[key, default: 0]
            if count < Self.reportLimitPerKind {
                shown[key] = count + 1
                lines.append(diagnostic.description)
            } else if let index = hiddenIndex[key] {
                hidden[index].count += 1
            } else {
                hiddenIndex[key] = hidden.count
                hidden.append((diagnostic.severity, diagnostic.code, 1))
            }
        }
        for kind in hidden {
            let noun = kind.severity == .error ? (kind.count == 1 ? "error" : "errors")
                : (kind.count == 1 ? "warning" : "warnings")
            lines.append("… and \(kind.count) more \(noun) [\(kind.code)] like the ones above")
        }
        return (lines + [summaryLine]).joined(separator: "\n")
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// "3 errors, 1 warning", the line the CLI ends a list of diagnostics with.
    public var summaryLine: String {
        let errors = filter { $0.severity == .error }.count
        let warnings = count - errors
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return [errors > 0 || warnings == 0 ? plural(errors, "error") : nil, warnings > 0 ? plural(warnings, "warning") : nil]
            .compactMap { $0 }.joined(separator: ", ")
    }
}

/// Every problem found while validating input; nothing was computed or written.
public struct ValidationFailure: Error, Sendable, CustomStringConvertible {
    /// All the problems, errors and warnings, in the order found.
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.report }
}
