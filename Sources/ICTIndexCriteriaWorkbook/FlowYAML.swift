import Foundation
import ICTIndexCore
import Yams

/// YAML values as one line of flow style, and strings as YAML double-quoted scalars.
enum FlowYAML {
    /// The node on one line: `{rule: minmax, over: group, range: [0, 100]}`. Plain scalars stay plain (so a
    /// number stays a number), unless they would not read back the same in flow context; then they are quoted.
    static func text(_ node: Yams.Node) -> String {
        switch node {
        case .scalar(let scalar):
            return scalarText(scalar)
        case .mapping(let mapping):
            return "{" + entries(mapping) + "}"
        case .sequence(let sequence):
            return "[" + sequence.map(text).joined(separator: ", ") + "]"
        case .alias:
            return "null"
        }
    }

    /// The entries of a mapping without the braces: `over: group, range: [0, 100]`.
    static func entries(_ mapping: Yams.Node.Mapping) -> String {
        mapping.map { key, value in text(key) + ": " + text(value) }.joined(separator: ", ")
    }

    static func scalarText(_ scalar: Yams.Node.Scalar) -> String {
        if scalar.style == .plain || scalar.style == .any, isSafePlain(scalar.string) { return scalar.string }
        return quoted(scalar.string)
    }

    /// Whether `text` can be written unquoted in flow context and read back as the same plain scalar.
    static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if " \t".unicodeScalars.contains(last) || " \t".unicodeScalars.contains(first) { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) {
            // A sign or a minus before a digit is a number, which plain style keeps.
            guard first == "-", text.count > 1, text.dropFirst().first?.isNumber == true else { return false }
        }
        for scalar in text.unicodeScalars {
            if ",[]{}#".unicodeScalars.contains(scalar) || scalar.properties.generalCategory == .control {
                return false
            }
        }
        return !text.contains(": ") && !text.hasSuffix(":")
    }

    /// A string as YAML reads it back as the same string: plain when that is safe (`staff`, `Sở Nội vụ`), else
    /// double-quoted (`"2025"`, `"yes"`, `"a: b"`).
    static func string(_ text: String) -> String {
        let lower = text.lowercased()
        let special = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".inf", "-.inf", ".nan"]
        if isSafePlain(text), !special.contains(lower), !text.contains("\""), !text.contains("'"),
            text.range(of: #"^[-+]?(\d|\.\d)"#, options: .regularExpression) == nil
        {
            return text
        }
        return quoted(text)
    }

    /// A YAML double-quoted scalar: `"…"` with `\`, `"` and control characters escaped.
    static func quoted(_ text: String) -> String {
        MessageText.doubleQuoted(text, escapingAlso: MessageText.yamlNonPrintable)
    }

    /// A number as the shortest text that reads back as the same double: `4`, `0.25`, `1e-06`.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Whether a plain scalar reads as a number under YAML's core schema (so it can be shown as a number cell).
    static func numericValue(_ scalar: Yams.Node.Scalar) -> Double? {
        guard scalar.style == .plain || scalar.style == .any else { return nil }
        let text = scalar.string
        guard text.range(of: #"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$"#, options: .regularExpression) != nil
        else { return nil }
        guard let value = Double(text), value.isFinite, number(value) == text || Double(number(value)) == value
        else { return nil }
        return value
    }
}
