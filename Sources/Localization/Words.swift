/// A language of the text a person reads.
public enum Language: String, Sendable, CaseIterable {
    case vi
    case en
}

extension Language {
    /// The Vietnamese or the English text, for this language: `language.say(vi: "Thay đổi", en: "Change")`.
    public func say(vi: String, en: String) -> String { Words(vi: vi, en: en).text(self) }
}

/// A text the program writes, in Vietnamese and in English: a message, a hint, a label.
///
/// Both languages are given at the place the text is written, each labelled, so a translation cannot be
/// forgotten or the two swapped without it showing:
///
/// ```swift
/// let message = Words(vi: "tệp '\(name)' không tồn tại", en: "the file '\(name)' does not exist")
/// message.text(.vi)  // tệp 'x.csv' không tồn tại
/// ```
///
/// This is the one localisation helper of the project: diagnostics, hints, errors of the storage and of the
/// spreadsheet reader, and the words of the reports all use it. Text that comes from the user's own files (a
/// criterion's name, with an optional English name) is a `LocalizedText` of `ICTIndexCore` instead.
public struct Words: Hashable, Sendable {
    /// The Vietnamese text.
    public var vi: String
    /// The English text.
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    /// The text in a language.
    public func text(_ language: Language) -> String {
        switch language {
        case .vi: vi
        case .en: en
        }
    }

    /// The text in a language: `words(.vi)`.
    public func callAsFunction(_ language: Language) -> String { text(language) }

    /// Both texts with the same addition: `message + Words(vi: "; ", en: "; ") + hint`.
    public static func + (lhs: Words, rhs: Words) -> Words {
        Words(vi: lhs.vi + rhs.vi, en: lhs.en + rhs.en)
    }

    /// The same text in both languages: a number, a code, a file name.
    public static func verbatim(_ text: String) -> Words { Words(vi: text, en: text) }

    /// The texts joined with a separator, in each language.
    public static func joined(_ parts: [Words], separator: String) -> Words {
        Words(
            vi: parts.map(\.vi).joined(separator: separator), en: parts.map(\.en).joined(separator: separator))
    }
}

extension DefaultStringInterpolation {
    /// Flags `"\(words)"`, which would otherwise print both languages as a struct: choose one with
    /// `words(language)`. (Deprecated rather than unavailable: the compiler passes over an unavailable overload
    /// for the generic one, so only a warning can catch it.) It writes the Vietnamese text.
    @available(*, deprecated, message: "choose a language: words(language) or words.text(language)")
    public mutating func appendInterpolation(_ words: Words) {
        appendLiteral(words.vi)
    }
}
