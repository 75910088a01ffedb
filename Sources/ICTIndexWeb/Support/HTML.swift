/// A piece of HTML markup whose interpolated values are escaped.
///
/// The literal parts of an `HTML` value are markup written in the code (they are `StaticString`s, so no value
/// computed at run time can become one). Anything else interpolated into it is text: a `String`, a number or any
/// other `CustomStringConvertible` is escaped for element content and for quoted attribute values (`& < > " '`);
/// only another `HTML` value is inserted as it is. So an unescaped value cannot be written by accident: markup
/// from a value needs ``init(unsafeRaw:)``, which is used for constant style sheets only.
///
/// For example:
/// ```swift
/// let name = "<script>alert(1)</script>"
/// let cell: HTML = "<td title=\"\(name)\">\(name)</td>"
/// // <td title="&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</td>
/// let row: HTML = "<tr>\(cell)</tr>"  // the cell is inserted as it is
/// ```
struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation {
    typealias StringLiteralType = StaticString

    /// The markup.
    private(set) var markup: String

    /// Markup written in the code.
    init(stringLiteral literal: StaticString) {
        markup = literal.description
    }

    init(stringInterpolation: StringInterpolation) {
        markup = stringInterpolation.markup
    }

    /// Markup taken as it is, without escaping: for constant style sheets and the like, never for a value a user,
    /// a criteria file or a data file can set.
    init(unsafeRaw markup: String) {
        self.markup = markup
    }

    /// Text, escaped.
    init(text: some CustomStringConvertible) {
        markup = ""
        Self.append(escaping: text.description, to: &markup)
    }

    /// No markup.
    static let empty = HTML(unsafeRaw: "")

    var isEmpty: Bool { markup.isEmpty }

    struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var markup: String

        init(literalCapacity: Int, interpolationCount: Int) {
            markup = ""
            markup.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: StaticString) {
            literal.withUTF8Buffer { markup += String(decoding: $0, as: UTF8.self) }
        }

        /// Another piece of markup, as it is.
        mutating func appendInterpolation(_ html: HTML) {
            markup += html.markup
        }

        /// Pieces of markup, one after the other.
        mutating func appendInterpolation(_ pieces: [HTML]) {
            for piece in pieces { markup += piece.markup }
        }

        /// Text, escaped.
        mutating func appendInterpolation(_ text: some CustomStringConvertible) {
            HTML.append(escaping: text.description, to: &markup)
        }

        /// Markup when `condition` holds, or nothing (`\(" selected", if: x == y)`).
        mutating func appendInterpolation(_ html: HTML, if condition: Bool) {
            if condition { markup += html.markup }
        }
    }

    static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(unsafeRaw: lhs.markup + rhs.markup) }

    static func += (lhs: inout HTML, rhs: HTML) { lhs.markup += rhs.markup }

    /// Appends text escaped for element content and quoted attribute values: `& < > " '`.
    private static func append(escaping text: String, to markup: inout String) {
        // Most text has nothing to escape: append it whole.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            markup += text
            return
        }
        for c in text.unicodeScalars {
            switch c {
            case "&": markup += "&amp;"
            case "<": markup += "&lt;"
            case ">": markup += "&gt;"
            case "\"": markup += "&quot;"
            case "'": markup += "&#39;"
            default: markup.unicodeScalars.append(c)
            }
        }
    }
}

extension Sequence<HTML> {
    /// The pieces one after the other, with `separator` between them.
    func joined(separator: HTML = .empty) -> HTML {
        var result = HTML.empty
        var first = true
        for piece in self {
            if !first { result += separator }
            result += piece
            first = false
        }
        return result
    }
}
