import ICTIndexCore
import OrderedCollections
import Yams

/// Reads one composed criteria file into a ``Framework``, collecting every problem on the way.
///
/// The reader never stops at the first problem: each part of the file is read as far as it can be,
/// and the checks that need several parts (expressions, weights, rules) run on what was read.
struct FrameworkReader {
    /// The file as the user named it.
    let file: String
    /// Every problem found so far, in the order found.
    var diagnostics: [Diagnostic] = []

    // What has been read, for the checks that span several parts.
    var groups: [Group] = []
    var bands: [Band] = []
    var variables: OrderedDictionary<VariableID, Variable> = [:]
    var variableSites: [VariableID: VariableSite] = [:]
    var nodes: [ICTIndexCore.Node] = []
    var deductions: [Deduction] = []
    var defaults = Defaults()
    var scale: Double = 100
    /// The node ids read so far, with where each is first defined.
    var seenNodes: [String: SourceLocation] = [:]
    /// Every expression read, with where it is, for the reference and type checks.
    var expressionSites: [ExpressionSite] = []

    init(file: String) {
        self.file = file
    }

    // MARK: - Reporting

    mutating func error(
        _ code: DiagnosticCode, at location: SourceLocation?, subject: Diagnostic.Subject? = nil,
        _ message: Words, hint: Words? = nil
    ) {
        diagnostics.append(.error(code, at: location, subject: subject, message, hint: hint))
    }

    mutating func warning(
        _ code: DiagnosticCode, at location: SourceLocation?, subject: Diagnostic.Subject? = nil,
        _ message: Words, hint: Words? = nil
    ) {
        diagnostics.append(.warning(code, at: location, subject: subject, message, hint: hint))
    }

    // MARK: - Mappings

    /// The keys of a mapping; reports a value that is not a mapping and every key not in `allowed`.
    ///
    /// - Parameters:
    ///   - value: The value that should be a mapping.
    ///   - what: How messages name the mapping: "tiêu chí 'infra'" / "node 'infra'", "tệp tiêu chí" / "the file".
    ///   - allowed: The keys the mapping may have.
    ///   - subject: The subject of the diagnostics.
    ///   - unknownKey: Reports a key that is not allowed; returns false to use the standard report.
    mutating func fields(
        _ value: YAMLValue, of what: Words, allowed: [String], subject: Diagnostic.Subject? = nil,
        unknownKey: ((inout FrameworkReader, String, SourceLocation) -> Bool)? = nil
    ) -> Fields? {
        guard let pairs = value.pairs else {
            let found = value.summary
            error(
                .invalidValue, at: value.location, subject: subject,
                Words(
                    vi: "\(what.vi) phải gồm các cặp khóa: giá trị, không phải \(found.vi)",
                    en: "\(what.en) must be a mapping of keys, not \(found.en)"),
                hint: Words(
                    vi: "viết mỗi dòng một cặp `khóa: giá trị`, hoặc `{khóa: giá trị, …}`",
                    en: "write it as `key: value` lines or `{key: value, …}`"))
            return nil
        }
        var keys: [String] = []
        var keyLocations: [SourceLocation] = []
        var values: [YAMLValue] = []
        keys.reserveCapacity(pairs.count)
        keyLocations.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (key, item) in pairs {
            guard let name = key.string else {
                let found = key.summary
                error(
                    .invalidValue, at: key.location, subject: subject,
                    Words(
                        vi: "\(what.vi) có một khóa là \(found.vi), không phải một tên",
                        en: "\(what.en) has a key that is \(found.en), not a name"),
                    hint: Words(vi: "khóa là một tên viết liền, như `id`", en: "keys are plain names such as `id`"))
                continue
            }
            if allowed.contains(name) {
                keys.append(name)
                keyLocations.append(key.location)
                values.append(item)
            } else if unknownKey?(&self, name, key.location) != true {
                let list = allowed.joined(separator: ", ")
                error(
                    .unknownKey, at: key.location, subject: subject,
                    Words(
                        vi: "khóa '\(MessageText.echo(name))' không dùng được trong \(what.vi)",
                        en: "unknown key '\(MessageText.echo(name))' in \(what.en)"),
                    hint: suggestion(for: name, among: allowed)
                        ?? Words(vi: "các khóa của \(what.vi) là \(list)", en: "the keys of \(what.en) are \(list)"))
            }
        }
        return Fields(value: value, keys: keys, keyLocations: keyLocations, values: values)
    }

    /// Reports a required key that is missing.
    mutating func missing(
        _ key: String, in fields: Fields, of what: Words, subject: Diagnostic.Subject? = nil, hint: Words? = nil
    ) {
        error(
            .missingKey, at: fields.location, subject: subject,
            Words(vi: "\(what.vi) thiếu khóa '\(key)'", en: "\(what.en) has no '\(key)'"),
            hint: hint ?? Words(vi: "thêm `\(key): …`", en: "add `\(key): …`"))
    }

    // MARK: - Scalars

    /// A number (plain or quoted).
    mutating func number(
        _ value: YAMLValue, key: String, of what: Words, subject: Diagnostic.Subject? = nil,
        code: DiagnosticCode = .invalidValue
    ) -> Double? {
        if let text = value.string, let x = Self.parseNumber(text) { return x }
        let found = value.summary
        error(
            code, at: value.location, subject: subject,
            Words(
                vi: "'\(key)' của \(what.vi) phải là một số, không phải \(found.vi)",
                en: "'\(key)' of \(what.en) must be a number, not \(found.en)"),
            hint: Words(
                vi: "ghi một số như 10 hay 0.5 (dấu chấm thập phân)", en: "write a number such as 10 or 0.5"))
        return nil
    }

    /// Reads YAML number syntax: `12`, `-0.5`, `1e3`, `1_000`.
    static func parseNumber(_ text: String) -> Double? {
        let cleaned = text.replacing("_", with: "").trimmed
        guard !cleaned.isEmpty, let x = Double(cleaned), x.isFinite else { return nil }
        return x
    }

    /// A whole number.
    mutating func integer(
        _ value: YAMLValue, key: String, of what: Words, subject: Diagnostic.Subject? = nil
    ) -> Int? {
        if let text = value.string, let x = Self.parseNumber(text), x == x.rounded(), x.magnitude < 1e9 {
            return Int(x)
        }
        let found = value.summary
        error(
            .invalidValue, at: value.location, subject: subject,
            Words(
                vi: "'\(key)' của \(what.vi) phải là một số nguyên, không phải \(found.vi)",
                en: "'\(key)' of \(what.en) must be a whole number, not \(found.en)"),
            hint: Words(vi: "ghi một số nguyên như 2", en: "write a number such as 2"))
        return nil
    }

    /// `true` or `false`.
    mutating func bool(
        _ value: YAMLValue, key: String, of what: Words, subject: Diagnostic.Subject? = nil,
        code: DiagnosticCode = .invalidValue
    ) -> Bool? {
        if value.isPlainScalar, let text = value.string {
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        let found = value.summary
        error(
            code, at: value.location, subject: subject,
            Words(
                vi: "'\(key)' của \(what.vi) phải là true hoặc false, không phải \(found.vi)",
                en: "'\(key)' of \(what.en) must be true or false, not \(found.en)"),
            hint: Words(
                vi: "ghi `\(key): true` (có) hoặc `\(key): false` (không)",
                en: "write `\(key): true` or `\(key): false`"))
        return nil
    }

    /// A non-empty text scalar.
    mutating func string(_ value: YAMLValue, key: String, of what: Words, subject: Diagnostic.Subject? = nil)
        -> String?
    {
        if let text = value.string, !text.trimmed.isEmpty { return text }
        let found = value.summary
        error(
            .invalidValue, at: value.location, subject: subject,
            Words(
                vi: "'\(key)' của \(what.vi) phải là một đoạn chữ, không phải \(found.vi)",
                en: "'\(key)' of \(what.en) must be a text, not \(found.en)"),
            hint: Words(vi: "ghi `\(key): …` với một đoạn chữ", en: "write `\(key): …` with a text"))
        return nil
    }

    /// A text: a string, or `{vi: …, en: …}` with `vi` required.
    mutating func text(
        _ value: YAMLValue, key: String, of what: Words, subject: Diagnostic.Subject? = nil
    ) -> LocalizedText? {
        if value.isMapping {
            let owner = Words(vi: "'\(key)' của \(what.vi)", en: "'\(key)' of \(what.en)")
            guard let fields = fields(value, of: owner, allowed: ["vi", "en"], subject: subject) else { return nil }
            var english: String?
            if let en = fields["en"] { english = string(en, key: "en", of: what, subject: subject) }
            guard let vi = fields["vi"] else {
                missing(
                    "vi", in: fields, of: owner, subject: subject,
                    hint: Words(
                        vi: "thêm `vi: …`: bắt buộc có bản tiếng Việt, bản tiếng Anh `en` thì không",
                        en: "add `vi: …`: the Vietnamese text is required, `en` is optional"))
                return nil
            }
            guard let viText = string(vi, key: "vi", of: what, subject: subject) else { return nil }
            return LocalizedText(vi: viText, en: english)
        }
        if let text = value.string, !text.trimmed.isEmpty { return LocalizedText(vi: text) }
        let found = value.summary
        error(
            .invalidValue, at: value.location, subject: subject,
            Words(
                vi: "'\(key)' của \(what.vi) phải là một đoạn chữ hoặc {vi: …, en: …}, không phải \(found.vi)",
                en: "'\(key)' of \(what.en) must be a text or {vi: …, en: …}, not \(found.en)"),
            hint: Words(
                vi: "ghi `\(key): \"…\"` hoặc `\(key): {vi: \"…\", en: \"…\"}`",
                en: "write `\(key): \"…\"` or `\(key): {vi: \"…\", en: \"…\"}`"))
        return nil
    }

    /// One of a fixed set of words, such as `mean` or `higher`.
    mutating func word<Word: RawRepresentable>(
        _ value: YAMLValue, key: String, of what: Words, among words: [Word], subject: Diagnostic.Subject? = nil,
        code: DiagnosticCode = .invalidValue
    ) -> Word? where Word.RawValue == String {
        let names = words.map(\.rawValue)
        if let text = value.string, let word = Word(rawValue: text), names.contains(text) { return word }
        let found = value.string ?? ""
        let summary = value.summary
        let list = names.joined(separator: ", ")
        error(
            code, at: value.location, subject: subject,
            Words(
                vi: "'\(key)' của \(what.vi) phải là một trong \(list), không phải \(summary.vi)",
                en: "'\(key)' of \(what.en) must be one of \(list), not \(summary.en)"),
            hint: suggestion(for: found, among: names)
                ?? Words(vi: "ghi một trong các giá trị đã nêu", en: "write one of the values listed"))
        return nil
    }

    /// An id that must follow a syntax.
    mutating func id(
        _ value: YAMLValue, of what: Words, syntax: IDSyntax, subject: Diagnostic.Subject? = nil
    ) -> String? {
        guard let text = value.string else {
            let found = value.summary
            error(
                .invalidValue, at: value.location, subject: subject,
                Words(
                    vi: "mã (id) của \(what.vi) phải là một đoạn chữ, không phải \(found.vi)",
                    en: "the id of \(what.en) must be a text, not \(found.en)"),
                hint: Words(vi: "ghi `id: \(syntax.example)`", en: "write `id: \(syntax.example)`"))
            return nil
        }
        guard syntax.matches(text) else {
            error(
                .invalidID, at: value.location, subject: subject,
                Words(
                    vi: "'\(MessageText.echo(text))' không phải mã \(syntax.kind.vi) hợp lệ",
                    en: "'\(MessageText.echo(text))' is not a valid \(syntax.kind.en) id"),
                hint: Words(
                    vi: "\(syntax.rule.vi), ví dụ `\(syntax.example)`",
                    en: "\(syntax.rule.en), such as `\(syntax.example)`"))
            return nil
        }
        return text
    }

    /// Records an id and reports it when an earlier thing of the same kind already has it.
    mutating func unique(
        _ id: String, kind: Words, at location: SourceLocation, in seen: inout [String: SourceLocation],
        subject: Diagnostic.Subject? = nil
    ) {
        if let first = seen[id] {
            error(
                .duplicateID, at: location, subject: subject,
                Words(
                    vi: "mã \(kind.vi) '\(id)' bị trùng (đã khai báo ở dòng \(first.line))",
                    en: "duplicate \(kind.en) id '\(id)' (first defined at line \(first.line))"),
                hint: Words(vi: "đặt cho mỗi \(kind.vi) một mã riêng", en: "give each \(kind.en) its own id"))
        } else {
            seen[id] = location
        }
    }

    // MARK: - Suggestions

    /// "did you mean 'x'?" for the closest candidate, if one is close enough.
    func suggestion(for name: String, among candidates: [String]) -> Words? {
        closest(to: name, among: candidates).map { Words(vi: "có phải ý bạn là '\($0)'?", en: "did you mean '\($0)'?") }
    }

    func closest(to name: String, among candidates: [String]) -> String? {
        guard !name.isEmpty else { return nil }
        return Suggestion.closest(to: name, among: candidates)
    }
}

/// How the ids of one kind of thing are written.
struct IDSyntax: Sendable {
    /// The thing the id names, in messages: "tiêu chí" / "node".
    let kind: Words
    /// How the id is written, in a hint.
    let rule: Words
    let example: String
    let first: @Sendable (Character) -> Bool
    let rest: @Sendable (Character) -> Bool

    func matches(_ text: String) -> Bool {
        guard let head = text.first, first(head) else { return false }
        return text.dropFirst().allSatisfy(rest)
    }

    private static func lower(_ c: Character) -> Bool { c >= "a" && c <= "z" }
    private static func digit(_ c: Character) -> Bool { c >= "0" && c <= "9" }

    /// The rule of group, band and deduction ids.
    private static let wordRule = Words(
        vi: "bắt đầu bằng chữ thường không dấu; sau đó là chữ, chữ số, '_' hoặc '-'",
        en: "start with a lower-case letter; then letters, digits, '_' or '-'")

    /// Framework ids: `[a-z0-9-]+`.
    static let framework = IDSyntax(
        kind: Words(vi: "bộ tiêu chí", en: "framework"),
        rule: Words(vi: "chỉ dùng chữ thường không dấu, chữ số và '-'", en: "use lower-case letters, digits and '-'"),
        example: "vn-province-agencies",
        first: { lower($0) || digit($0) || $0 == "-" }, rest: { lower($0) || digit($0) || $0 == "-" })
    /// Node ids: `[a-z0-9][a-z0-9_.-]*`.
    static let node = IDSyntax(
        kind: Words(vi: "tiêu chí", en: "node"),
        rule: Words(
            vi: "bắt đầu bằng chữ thường không dấu hoặc chữ số; sau đó là chữ, chữ số, '_', '.' hoặc '-'",
            en: "start with a lower-case letter or digit; then letters, digits, '_', '.' or '-'"),
        example: "infra.computers",
        first: { lower($0) || digit($0) }, rest: { lower($0) || digit($0) || "_.-".contains($0) })
    /// Variable ids: `[a-z][a-z0-9_]*`.
    static let variable = IDSyntax(
        kind: Words(vi: "biến số liệu", en: "variable"),
        rule: Words(
            vi: "bắt đầu bằng chữ thường không dấu; sau đó là chữ, chữ số hoặc '_'",
            en: "start with a lower-case letter; then letters, digits or '_'"),
        example: "staff_total",
        first: { lower($0) }, rest: { lower($0) || digit($0) || $0 == "_" })
    /// Group ids: `[a-z][a-z0-9_-]*`.
    static let group = IDSyntax(
        kind: Words(vi: "khối", en: "group"), rule: Self.wordRule, example: "department",
        first: { lower($0) }, rest: { lower($0) || digit($0) || "_-".contains($0) })
    /// Band ids: `[a-z][a-z0-9_-]*`.
    static let band = IDSyntax(
        kind: Words(vi: "xếp loại", en: "band"), rule: Self.wordRule, example: "good",
        first: { lower($0) }, rest: { lower($0) || digit($0) || "_-".contains($0) })
    /// Deduction ids: `[a-z][a-z0-9_-]*`.
    static let deduction = IDSyntax(
        kind: Words(vi: "điểm trừ", en: "deduction"), rule: Self.wordRule, example: "late_report",
        first: { lower($0) }, rest: { lower($0) || digit($0) || "_-".contains($0) })
}

/// The `defaults:` an indicator inherits.
struct Defaults {
    var missing: MissingPolicy?
    var direction: Direction?
    var score: [ParsedRule]?
    var scoreLocation: SourceLocation?
}

/// Where a variable is declared.
struct VariableSite {
    var location: SourceLocation
    var formula: YAMLValue?
}

/// An expression read from the file, kept for the checks that need every variable.
struct ExpressionSite {
    /// What the expression is.
    enum Role {
        /// The `value` of an indicator.
        case value(NodeID)
        /// The `formula` of a variable.
        case formula(VariableID)
        /// The `points` of a deduction.
        case points(DeductionID)
    }

    var expression: Expression
    var role: Role
    /// Where the expression's text starts, when its columns map to the file's.
    var textStart: SourceLocation?
    /// Where the expression's value is (or the node, for a default value).
    var location: SourceLocation

    /// The place of a column of the expression (1-based).
    func location(ofColumn column: Int) -> SourceLocation {
        textStart.map { $0.advanced(byColumns: column - 1) } ?? location
    }

    /// "the value of indicator 'x'", for messages.
    var description: Words {
        switch role {
        case .value(let id): Words(vi: "biểu thức value của tiêu chí '\(id)'", en: "the value of indicator '\(id)'")
        case .formula(let id):
            Words(vi: "công thức của biến số liệu '\(id)'", en: "the formula of variable '\(id)'")
        case .points(let id): Words(vi: "biểu thức points của điểm trừ '\(id)'", en: "the points of deduction '\(id)'")
        }
    }

    var subject: Diagnostic.Subject? {
        switch role {
        case .value(let id): .node(id)
        case .formula(let id): .variable(id)
        case .points: nil
        }
    }
}

extension String {
    /// The text without leading and trailing spaces.
    var trimmed: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}

extension Double {
    /// The number as a person would write it: `20`, `0.75`.
    var plain: String { NumberFormatting.plain(self) }
}
