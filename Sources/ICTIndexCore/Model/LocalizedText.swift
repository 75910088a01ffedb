import OrderedCollections

/// A text written in Vietnamese, optionally with an English version.
public struct LocalizedText: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The Vietnamese text (or the only text given).
    public var vi: String
    /// The English text, if the file gives one.
    public var en: String?

    public init(vi: String, en: String? = nil) {
        self.vi = vi
        self.en = en
    }

    public init(stringLiteral value: String) { self.init(vi: value) }

    /// The text in a language, falling back to Vietnamese.
    public func text(_ language: Language) -> String {
        switch language {
        case .vi: vi
        case .en: en ?? vi
        }
    }

    public var description: String { vi }
}

/// A language of user-facing text.
public enum Language: String, Sendable, CaseIterable {
    case vi
    case en
}
