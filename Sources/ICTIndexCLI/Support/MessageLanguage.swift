import Foundation
import ICTIndexCore

/// The language of the messages a command prints to stderr: Vietnamese unless the user asks for English.
///
/// The user asks with the command's own `--lang en` (on the commands that have it) or, for every command, with
/// the environment variable `ICTINDEX_LANG=en`. Both are read from the process itself, so a message can be put
/// in the user's language even while the arguments are still being parsed (an invalid `--period`).
enum MessageLanguage {
    /// The language of this process's messages.
    static let current: Language = resolve(
        arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)

    /// `--lang X` or `--lang=X` among the arguments wins, then `ICTINDEX_LANG`; Vietnamese by default.
    static func resolve(arguments: [String], environment: [String: String]) -> Language {
        var requested: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.count {
                requested = arguments[index + 1]
            } else if argument.hasPrefix("--lang=") {
                requested = String(argument.dropFirst("--lang=".count))
            }
        }
        let word = (requested ?? environment["ICTINDEX_LANG"] ?? "vi").lowercased()
        return word.hasPrefix("en") ? .en : .vi
    }

    /// The Vietnamese or the English text, for the user's language.
    static func pick(vi: String, en: String) -> String {
        Words(vi: vi, en: en)(current)
    }
}
