import Localization
/// Values from the user's files, made safe and short enough to be echoed in a message.
///
/// A message quotes what it refuses (`'35,466' is not a number`), but a refused value may be a megabyte of
/// YAML, or carry a newline or an escape sequence that would forge another line or recolour the terminal.
/// Every diagnostic that quotes a value quotes it through ``echo(_:limit:)``.
public enum MessageText {
    /// The longest echoed value, in characters, before it is cut with "…".
    public static let echoLimit = 80

    /// The value with control characters escaped (``escapingControlCharacters(_:)``) and cut after `limit`
    /// characters with "…".
    ///
    /// For example, `echo("a\u{1B}[31mb")` is `a\u{1B}[31mb` as the visible text `a\e[31mb`, and a value of
    /// 1,000,000 `x` is 80 `x` followed by `…`.
    ///
    /// - Complexity: O(`limit`): only the start of a long value is read.
    public static func echo(_ value: String, limit: Int = echoLimit) -> String {
        var clipped = ""
        var count = 0
        for character in value {
            if count == limit {
                clipped.append("…")
                break
            }
            clipped.append(character)
            count += 1
        }
        return escapingControlCharacters(clipped)
    }

    /// The text with every control character written visibly: `\n`, `\r`, `\t`, `\0`, `\e` (ESC), `\a`
    /// (BEL), and `\u{…}` for the others (C0, DEL, C1, and the bidirectional overrides).
    ///
    /// A terminal then shows what the text holds instead of obeying it, and a single-line field stays on one
    /// line, so a name or a `--who` cannot forge a line of a table or of the audit log.
    public static func escapingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var escaped = ""
        escaped.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                escaped.unicodeScalars.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x0A: escaped += "\\n"
            case 0x0D: escaped += "\\r"
            case 0x09: escaped += "\\t"
            case 0x00: escaped += "\\0"
            case 0x1B: escaped += "\\e"
            case 0x07: escaped += "\\a"
            default: escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return escaped
    }

    /// C0 controls, DEL, C1 controls, and the Unicode bidirectional embeddings, overrides and isolates
    /// (U+202A…U+202E, U+2066…U+2069), which reorder what a terminal shows.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

extension MessageText {
    /// The text as a double-quoted string literal of JSON, which is also a double-quoted scalar of YAML:
    /// `"…"` with `"`, `\` and control characters escaped (`\n`, `\r`, `\t`, `\u001b`).
    ///
    /// - Parameter escapingAlso: other characters to write as `\uXXXX`; YAML wants DEL, the C1 controls,
    ///   the line and paragraph separators and the byte-order mark escaped too (``yamlNonPrintable(_:)``).
    public static func doubleQuoted(_ text: String, escapingAlso: (Unicode.Scalar) -> Bool = { _ in false }) -> String
    {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || escapingAlso(scalar):
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The characters YAML does not allow unescaped in a double-quoted scalar, besides C0 controls.
    public static func yamlNonPrintable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar.value == 0x2028
            || scalar.value == 0x2029 || scalar.value == 0xFEFF
    }
}
