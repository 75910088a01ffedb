import ArgumentParser
import ICTIndexCore

/// `--period`: a year of four ASCII digits (`2025`), the only period the documentation gives.
///
/// Checked while the arguments are parsed, so a command refuses `2025-13`, `2025abc`, the full-width
/// `２０２５`, `năm 2025`, `0`, `1` or `-1` with exit code 64 before it opens a database: nothing is created
/// for a refused period. (Before, such a value silently acted as 2025, or turned the period filter off.)
enum PeriodArgument {
    /// The period, unchanged, when it is a year from 1000 to 9999 written with ASCII digits.
    ///
    /// - Throws: `ValidationError` with a message in the user's language (``MessageLanguage``).
    static func parse(_ text: String) throws -> String {
        let digits = text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        if text.utf8.count == 4, digits, text.utf8.first != UInt8(ascii: "0") { return text }
        // ArgumentParser prefixes "The value '…' is invalid for '--period <period>': ".
        throw ValidationError(
            MessageLanguage.pick(
                vi: "kỳ đánh giá là một năm gồm bốn chữ số, ví dụ --period 2025",
                en: "a period is a year of four digits, for example --period 2025"))
    }
}
