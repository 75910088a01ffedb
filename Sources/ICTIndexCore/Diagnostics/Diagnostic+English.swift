import Localization

// TRANSITION: removed once every diagnostic carries both languages.
extension Diagnostic {
    @available(*, deprecated, message: "write the message in Vietnamese and English: Words(vi:en:)")
    public init(
        _ severity: Severity, _ code: DiagnosticCode, at location: SourceLocation? = nil, subject: Subject? = nil,
        _ message: String, hint: String? = nil
    ) {
        self.init(
            severity, code, at: location, subject: subject, Words(vi: message, en: message),
            hint: hint.map { Words(vi: $0, en: $0) })
    }

    @available(*, deprecated, message: "write the message in Vietnamese and English: Words(vi:en:)")
    public static func error(
        _ code: DiagnosticCode, at location: SourceLocation? = nil, subject: Subject? = nil,
        _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(
            .error, code, at: location, subject: subject, Words(vi: message, en: message),
            hint: hint.map { Words(vi: $0, en: $0) })
    }

    @available(*, deprecated, message: "write the message in Vietnamese and English: Words(vi:en:)")
    public static func warning(
        _ code: DiagnosticCode, at location: SourceLocation? = nil, subject: Subject? = nil,
        _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(
            .warning, code, at: location, subject: subject, Words(vi: message, en: message),
            hint: hint.map { Words(vi: $0, en: $0) })
    }
}
