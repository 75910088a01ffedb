import ICTIndexCore

extension FrameworkReader {
    /// Reads `defaults:`, which every indicator that does not set them inherits.
    mutating func readDefaults(_ value: YAMLValue) {
        let what = Words(vi: "phần mặc định (defaults)", en: "defaults")
        guard let fields = fields(value, of: what, allowed: ["missing", "score", "direction"]) else { return }
        if let missingValue = fields["missing"] {
            defaults.missing = word(missingValue, key: "missing", of: what, among: MissingPolicy.allCases)
        }
        if let directionValue = fields["direction"] {
            defaults.direction = word(directionValue, key: "direction", of: what, among: [Direction.higher, .lower])
        }
        if let scoreValue = fields["score"] {
            defaults.score = readRules(scoreValue, of: what, subject: nil)
            defaults.scoreLocation = scoreValue.location
        }
    }

    /// Reads `deductions:`, points subtracted from the root.
    mutating func readDeductions(_ value: YAMLValue) {
        guard let items = list(value, key: "deductions", of: Words(vi: "bộ tiêu chí", en: "the framework")) else {
            return
        }
        var seen: [String: SourceLocation] = [:]
        for item in items {
            let what =
                item.peek("id").map { Words(vi: "điểm trừ '\($0)'", en: "deduction '\($0)'") }
                ?? Words(vi: "một điểm trừ", en: "a deduction")
            guard let fields = fields(item, of: what, allowed: ["id", "name", "points", "cap"]) else { continue }
            var deductionID: DeductionID?
            if let idValue = fields["id"] {
                if let text = id(idValue, of: what, syntax: .deduction) {
                    deductionID = DeductionID(text)
                    unique(text, kind: IDSyntax.deduction.kind, at: idValue.location, in: &seen)
                }
            } else {
                missing("id", in: fields, of: what)
            }
            var name: LocalizedText?
            if let nameValue = fields["name"] {
                name = text(nameValue, key: "name", of: what)
            } else {
                missing("name", in: fields, of: what)
            }
            var points: Expression?
            if let pointsValue = fields["points"] {
                if let deductionID {
                    points = expression(pointsValue, key: "points", of: what, role: .points(deductionID))
                }
            } else {
                missing(
                    "points", in: fields, of: what,
                    hint: Words(
                        vi: "thêm `points: \"…\"`, một biểu thức tính từ các biến số liệu",
                        en: "add `points: \"…\"`, an expression over variables"))
            }
            var cap: Double?
            if let capValue = fields["cap"], let x = number(capValue, key: "cap", of: what) {
                if x >= 0 {
                    cap = x
                } else {
                    error(
                        .invalidValue, at: capValue.location,
                        Words(
                            vi: "'cap' của \(what.vi) phải từ 0 trở lên, không phải \(x.plain)",
                            en: "'cap' of \(what.en) must be 0 or more, not \(x.plain)"),
                        hint: Words(
                            vi: "`cap` là số điểm trừ tối đa", en: "the cap is the most the deduction can take away"
                        ))
                }
            }
            if let deductionID, let name, let points {
                deductions.append(
                    Deduction(id: deductionID, name: name, points: points, cap: cap, source: item.location))
            }
        }
    }
}
