import ICTIndexCore

extension FrameworkReader {
    /// The keys of `publication:`.
    static let publicationKeys = [
        "issuer", "short_name", "decision_number", "decision_date", "signer", "recipient", "level",
    ]

    /// Reads `publication:`; each key left out keeps its default (``Publication/provinceDefault``), except
    /// that a ministry or national framework without `decision_number` is not published by a decision.
    mutating func readPublication(_ value: YAMLValue) -> Publication? {
        let what = Words(vi: "phần ban hành (publication)", en: "the publication block")
        guard let fields = fields(value, of: what, allowed: Self.publicationKeys) else { return nil }
        var publication = Publication.provinceDefault
        var valid = true
        if let levelValue = fields["level"] {
            if let level = word(levelValue, key: "level", of: what, among: Publication.Level.allCases) {
                publication.level = level
            } else {
                valid = false
            }
        }
        if publication.level != .province {
            // A national index of provinces is not a province's decision: no placeholder decision, no
            // People's Committee.
            publication.decisionNumber = nil
            publication.decisionDate = nil
            publication.shortName = nil
        }
        func readText(_ key: String, into target: inout LocalizedText?) {
            guard let v = fields[key] else { return }
            if let t = text(v, key: key, of: what) { target = t } else { valid = false }
        }
        func readString(_ key: String, into target: inout String?) {
            guard let v = fields[key] else { return }
            if let t = string(v, key: key, of: what) { target = t } else { valid = false }
        }
        var issuer: LocalizedText? = publication.issuer
        readText("issuer", into: &issuer)
        if publication.level != .province, fields["issuer"] == nil {
            let level = publication.level.rawValue
            error(
                .missingKey, at: fields.location,
                Words(vi: "\(what.vi) thiếu 'issuer'", en: "\(what.en) has no 'issuer'"),
                hint: Words(
                    vi: "bộ tiêu chí cấp `\(level)` phải ghi cơ quan ban hành, ví dụ "
                        + "`issuer: \"Bộ Khoa học và Công nghệ\"`",
                    en: "a \(level) framework names who issues it, such as "
                        + "`issuer: \"Bộ Khoa học và Công nghệ\"`"))
            valid = false
        }
        readText("short_name", into: &publication.shortName)
        readString("decision_number", into: &publication.decisionNumber)
        readString("decision_date", into: &publication.decisionDate)
        readText("signer", into: &publication.signer)
        var recipient: LocalizedText? = publication.recipient
        readText("recipient", into: &recipient)
        guard valid, let issuer, let recipient else { return nil }
        publication.issuer = issuer
        publication.recipient = recipient
        return publication
    }
}
