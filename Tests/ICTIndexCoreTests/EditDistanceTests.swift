import Testing

@testable import ICTIndexCore

@Suite struct EditDistanceTests {
    @Test(
        "counts insertions, deletions and substitutions, ignoring case",
        arguments: [
            ("", "", 0), ("", "abc", 3), ("staff", "staf", 1), ("kitten", "sitting", 3), ("STTTT", "stttt", 0),
            ("có", "co", 1),
        ])
    func distance(a: String, b: String, expected: Int) {
        #expect(Suggestion.distance(a, b) == expected)
        #expect(Suggestion.distance(b, a) == expected)
    }

    @Test("suggests the closest candidate within max(2, n / 3) edits")
    func closest() {
        #expect(Suggestion.closest(to: "staf", among: ["computers", "staff"]) == "staff")
        #expect(Suggestion.closest(to: "Group", among: ["code", "group"]) == "group")
        #expect(Suggestion.closest(to: "xyz", among: ["staff"]) == nil)
        #expect(
            Suggestion.closest(to: "online_servces_count", among: ["online_services_total"]) == "online_services_total")
        #expect(Suggestion.closest(to: "anything", among: [String]()) == nil)
    }

    @Test("ties go to the first candidate")
    func ties() {
        #expect(Suggestion.closest(to: "ab", among: ["ac", "ad"]) == "ac")
    }

    @Test("phrases the hint in both languages")
    func didYouMean() {
        #expect(
            Suggestion.suggestion(for: "grup", among: ["group"])
                == Words(vi: "có phải ý bạn là 'group'?", en: "did you mean 'group'?"))
        #expect(Suggestion.suggestion(for: "grup", among: ["unit"]) == nil)
        #expect(
            Suggestion.hint(
                for: "grup", among: ["group"], otherwise: Words(vi: "hãy sửa tên cột", en: "fix the column"))
                == Words(
                    vi: "có phải ý bạn là 'group'? Nếu không, hãy sửa tên cột",
                    en: "did you mean 'group'? Otherwise fix the column"))
        #expect(
            Suggestion.hint(for: "zzz", among: ["group"], otherwise: Words(vi: "hãy sửa tên cột", en: "fix the column"))
                == Words(vi: "hãy sửa tên cột", en: "fix the column"))
    }
}
