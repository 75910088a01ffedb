import Localization

/// "Did you mean …?" suggestions for unknown codes, column names and options.
///
/// Uses the Levenshtein edit distance on characters, ignoring case, and only suggests a
/// candidate that is close enough to be a plausible typo: at most max(1, n / 3) edits away and fewer edits than it has letters,
/// where n is the length of the unknown word.
///
/// For example:
/// ```swift
/// Suggestion.closest(to: "staf", among: ["staff", "computers"])       // "staff"
/// Suggestion.suggestion(for: "grup", among: ["group", "name"])?.en    // "did you mean 'group'?"
/// ```
public enum Suggestion {
    /// The candidate closest to a word, or nil when none is close enough.
    ///
    /// Ties go to the candidate that comes first. A candidate that differs only in case is at
    /// distance 0 and is suggested.
    ///
    /// - Parameters:
    ///   - word: the unknown word, as the user wrote it.
    ///   - candidates: the known words, in the order to prefer on ties.
    /// - Returns: the closest candidate, as written in `candidates`.
    /// - Complexity: O(k × n × m) for k candidates of length m and a word of length n.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        // Loose enough for a typo ('comune' → 'commune'), strict enough that a short code is not
        // "corrected" into an unrelated one ('X' → 'A'): at most a third of the word, at least
        // one edit, and always fewer edits than the word has letters.
        let limit = Swift.min(Swift.max(1, target.count / 3), Swift.max(0, target.count - 1))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let d = distance(target, Array(candidate.lowercased()))
            if d <= limit, d < (best?.distance ?? Int.max) {
                best = (candidate, d)
            }
        }
        return best?.candidate
    }

    /// The hint phrase "did you mean 'x'?" for the closest candidate, or nil when none is close.
    ///
    /// - Parameters:
    ///   - word: the unknown word, as the user wrote it.
    ///   - candidates: the known words.
    /// - Returns: `did you mean 'staff'?`, to start a hint with.
    @available(*, deprecated, message: "use suggestion(for:among:), which gives both languages")
    public static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String? {
        closest(to: word, among: candidates).map { "did you mean '\($0)'?" }
    }

    /// "did you mean 'x'? Otherwise …" ("có phải ý bạn là 'x'? Nếu không, …") when a candidate is close, else the advice
    /// alone.
    public static func hint(for word: String, among candidates: some Sequence<String>, otherwise advice: Words) -> Words
    {
        guard let near = suggestion(for: word, among: candidates) else { return advice }
        return Words(vi: "\(near.vi) Nếu không, \(advice.vi)", en: "\(near.en) Otherwise \(advice.en)")
    }

    /// The hint phrase for the closest candidate in both languages ("có phải ý bạn là 'staff'?", "did you mean
    /// 'staff'?"), or nil when none is close.
    public static func suggestion(for word: String, among candidates: some Sequence<String>) -> Words? {
        closest(to: word, among: candidates).map { Words(vi: "có phải ý bạn là '\($0)'?", en: "did you mean '\($0)'?") }
    }

    /// The Levenshtein distance between two words, ignoring case: the fewest insertions,
    /// deletions and substitutions of characters that turn one into the other.
    ///
    /// - Complexity: O(n × m).
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a.lowercased()), Array(b.lowercased()))
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
