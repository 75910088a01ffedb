import Localization
import OrderedCollections

/// One problem found in a criteria file, a data file or a run.
///
/// Diagnostics are collected, not thrown one by one: validation reports every problem at once
/// through ``ValidationFailure``. Rendered compiler-style, so editors can jump to the place:
///
///     Criteria/x.yaml:42:7: lỗi[C012]: các tiêu chí của nhóm 'infra' cộng lại được 18 điểm; …
///       gợi ý: sửa điểm của các tiêu chí hoặc của nhóm (aggregate: sum cần hai con số bằng nhau)
///
/// Every message and hint is written in Vietnamese and English (``Words``); ``text(_:)`` renders one
/// language, with the same code and place in both.
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
    /// What is wrong, in Vietnamese and English.
    public var message: Words
    /// What to do about it, in Vietnamese and English.
    public var hint: Words?

    public init(
        _ severity: Severity,
        _ code: DiagnosticCode,
        at location: SourceLocation? = nil,
        subject: Subject? = nil,
        _ message: Words,
        hint: Words? = nil
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
        _ message: Words, hint: Words? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code, at: location, subject: subject, message, hint: hint)
    }

    /// Shorthand for a warning.
    public static func warning(
        _ code: DiagnosticCode, at location: SourceLocation? = nil, subject: Subject? = nil,
        _ message: Words, hint: Words? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code, at: location, subject: subject, message, hint: hint)
    }

    /// `file:line:col: lỗi[C012]: message` and, on the next line, `  gợi ý: …` (in English `error[C012]` and
    /// `hint:`). The code and the place are the same in both languages.
    ///
    /// Control characters in the message and hint (from a value the message quotes) are written visibly, so a
    /// diagnostic is always these one or two lines.
    public func text(_ language: Language) -> String {
        var text = ""
        if let location { text += "\(MessageText.escapingControlCharacters(location.description)): " }
        text +=
            "\(severity.word(language))[\(code.rawValue)]: \(MessageText.escapingControlCharacters(message(language)))"
        if let hint {
            let label = language == .vi ? "gợi ý" : "hint"
            text += "\n  \(label): \(MessageText.escapingControlCharacters(hint(language)))"
        }
        return text
    }

    /// The diagnostic in English (``text(_:)``), for logs and debugging; a person reads ``text(_:)`` in their
    /// language.
    public var description: String { text(.en) }
}

extension Diagnostic.Severity {
    /// "lỗi" or "error", "cảnh báo" or "warning".
    public func word(_ language: Language) -> String {
        switch (self, language) {
        case (.error, .vi): "lỗi"
        case (.error, .en): "error"
        case (.warning, .vi): "cảnh báo"
        case (.warning, .en): "warning"
        }
    }
}

extension Array where Element == Diagnostic {
    /// How many diagnostics of one code and severity a report prints before it says how many more there are.
    public static var reportLimitPerKind: Int { 100 }

    /// The diagnostics as the CLI prints them, in a language: each one (``Diagnostic/text(_:)``), but after
    /// ``reportLimitPerKind`` of one code and severity, one line that counts the rest of that kind; then the
    /// count line over all of them ("3 lỗi, 1 cảnh báo" or "3 errors, 1 warning").
    ///
    /// So 20,000 unknown columns give 100 messages and `… and 19900 more errors [D002] like the ones above`,
    /// not megabytes of text, whichever reader found them.
    ///
    /// - Complexity: O(n) for n diagnostics.
    public func report(_ language: Language) -> String {
        var shown: [String: Int] = [:]
        var lines: [String] = []
        var hidden: [(severity: Diagnostic.Severity, code: DiagnosticCode, count: Int)] = []
        var hiddenIndex: [String: Int] = [:]
        for diagnostic in self {
            let key = diagnostic.severity.rawValue + diagnostic.code.rawValue
            let count = shown[key, default: 0]
            if count < Self.reportLimitPerKind {
                shown[key] = count + 1
                lines.append(diagnostic.text(language))
            } else if let index = hiddenIndex[key] {
                hidden[index].count += 1
            } else {
                hiddenIndex[key] = hidden.count
                hidden.append((diagnostic.severity, diagnostic.code, 1))
            }
        }
        for kind in hidden {
            switch language {
            case .vi:
                lines.append("… và \(kind.count) \(kind.severity.word(.vi)) [\(kind.code)] khác giống như trên")
            case .en:
                let noun = kind.count == 1 ? kind.severity.word(.en) : kind.severity.word(.en) + "s"
                lines.append("… and \(kind.count) more \(noun) [\(kind.code)] like the ones above")
            }
        }
        return (lines + [summaryLine(language)]).joined(separator: "\n")
    }

    /// The report in English (``report(_:)``), for logs and tests.
    public var report: String { report(.en) }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// "3 lỗi, 1 cảnh báo" ("3 errors, 1 warning"), the line the CLI ends a list of diagnostics with.
    public func summaryLine(_ language: Language) -> String {
        let errors = filter { $0.severity == .error }.count
        let warnings = count - errors
        func counted(_ n: Int, _ severity: Diagnostic.Severity) -> String {
            let word = severity.word(language)
            return "\(n) \(word)\(language == .en && n != 1 ? "s" : "")"
        }
        return [
            errors > 0 || warnings == 0 ? counted(errors, .error) : nil,
            warnings > 0 ? counted(warnings, .warning) : nil,
        ]
        .compactMap { $0 }.joined(separator: ", ")
    }

    /// ``summaryLine(_:)`` in English.
    public var summaryLine: String { summaryLine(.en) }
}

/// Every problem found while validating input; nothing was computed or written.
public struct ValidationFailure: Error, Sendable, CustomStringConvertible {
    /// All the problems, errors and warnings, in the order found.
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// The report in English; the CLI prints ``report(_:)`` in the user's language.
    public var description: String { diagnostics.report(.en) }

    /// Every problem, then the count line, in a language.
    public func report(_ language: Language) -> String { diagnostics.report(language) }
}
