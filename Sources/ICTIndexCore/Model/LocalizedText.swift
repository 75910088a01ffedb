@_exported public import Localization
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

// `Language` and `Words` (the program's own text in both languages) come from `Localization`, the project's one
// localisation helper, which every module that imports ICTIndexCore sees too.
