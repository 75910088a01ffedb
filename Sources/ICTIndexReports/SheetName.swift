/// Makes valid, distinct sheet names from titles (Excel: at most 31 characters, none of `[ ] : * ? / \`,
/// no apostrophe at either end, unique ignoring case).
struct SheetNames {
    private var used: Set<String> = []

    /// A valid name for a title, shortened with "…" and numbered " (2)" when needed.
    mutating func make(_ title: String) -> String {
        var base = String(title.map { "[]:*?/\\".contains($0) ? "-" : $0 })
        base = base.trimmingCharacters(in: "' ")
        if base.isEmpty { base = "Sheet" }
        var candidate = Self.fit(base, limit: 31)
        var n = 2
        while used.contains(candidate.lowercased()) {
            let suffix = " (\(n))"
            candidate = Self.fit(base, limit: 31 - suffix.utf16.count) + suffix
            n += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }

    /// Cuts text to at most `limit` UTF-16 units (Excel counts those), ending with "…" when cut.
    static func fit(_ text: String, limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var out = ""
        for character in text {
            if out.utf16.count + character.utf16.count + 1 > limit { break }
            out.append(character)
        }
        while out.last == " " || out.last == "," || out.last == "-" { out.removeLast() }
        return out.trimmingCharacters(in: "'") + "…"
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
