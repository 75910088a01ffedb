import ICTIndexCore
import OrderedCollections

/// A scoring rule as read from the file, before the checks that need its indicator.
struct ParsedRule {
    var rule: ScoringRule
    /// Where the rule's mapping is.
    var location: SourceLocation
    /// Points written in the rule (steps, choices, `true_points`), to compare with the indicator's weight.
    var points: [(value: Double, key: String, location: SourceLocation)] = []
    /// The option ids of a `choice` rule, with where each is written.
    var choiceKeys: [(option: String, location: SourceLocation)] = []
}

extension FrameworkReader {
    /// The parameters each rule takes, written inline with `rule:` (DESIGN §3 "Rules").
    static let ruleParameters: [String: [String]] = [
        "ratio": ["percent"],
        "linear": ["from", "to"],
        "steps": ["steps"],
        "choice": ["choices"],
        "boolean": ["true_points"],
        "identity": [],
        "fraction_of_max": ["over"],
        "minmax": ["over", "range"],
        "zscore": ["over", "mean", "sd", "sd_of"],
        "rank": ["over"],
        "percentile": ["over"],
        "distance_to_target": ["target", "over"],
    ]

    /// Reads `score:`: one rule mapping, or a list of them applied in turn.
    mutating func readRules(_ value: YAMLValue, of owner: Words, subject: Diagnostic.Subject?) -> [ParsedRule]? {
        guard let items = value.sequence else {
            return readRule(value, of: owner, subject: subject).map { [$0] }
        }
        if items.isEmpty {
            error(
                .invalidValue, at: value.location, subject: subject,
                Words(
                    vi: "'score' của \(owner.vi) là danh sách quy tắc trống",
                    en: "'score' of \(owner.en) is an empty list of rules"),
                hint: Words(
                    vi: "ghi một quy tắc, `score: {rule: ratio}`, hoặc nhiều quy tắc để áp dụng nối tiếp",
                    en: "write one rule, `score: {rule: ratio}`, or several to chain them"))
            return nil
        }
        var rules: [ParsedRule] = []
        var complete = true
        for item in items {
            if let rule = readRule(item, of: owner, subject: subject) { rules.append(rule) } else { complete = false }
        }
        return complete ? rules : nil
    }

    /// Reads one rule mapping such as `{rule: linear, from: 0, to: 5}`.
    mutating func readRule(_ value: YAMLValue, of owner: Words, subject: Diagnostic.Subject?) -> ParsedRule? {
        guard let pairs = value.pairs else {
            let found = value.summary
            error(
                .invalidValue, at: value.location, subject: subject,
                Words(
                    vi: "'score' của \(owner.vi) phải là một quy tắc như {rule: ratio}, không phải \(found.vi)",
                    en: "'score' of \(owner.en) must be a rule such as {rule: ratio}, not \(found.en)"),
                hint: Words(
                    vi: "ghi `score: {rule: …}`, các tham số của quy tắc viết ngay trong cặp ngoặc đó",
                    en: "write `score: {rule: …}` with the rule's parameters inline"))
            return nil
        }
        guard let ruleValue = pairs.first(where: { $0.key.string == "rule" })?.value else {
            let names = ScoringRule.names.joined(separator: ", ")
            error(
                .missingKey, at: value.location, subject: subject,
                Words(vi: "cách chấm của \(owner.vi) thiếu khóa 'rule'", en: "the score of \(owner.en) has no 'rule'"),
                hint: Words(vi: "thêm `rule: …`, một trong \(names)", en: "add `rule: …`, one of \(names)"))
            return nil
        }
        guard let name = ruleValue.string, let parameters = Self.ruleParameters[name] else {
            let found = ruleValue.summary
            let names = ScoringRule.names.joined(separator: ", ")
            error(
                .unknownRule, at: ruleValue.location, subject: subject,
                Words(
                    vi: "không có quy tắc chấm \(found.vi) (ở \(owner.vi))",
                    en: "unknown rule \(found.en) in \(owner.en)"),
                hint: suggestion(for: ruleValue.string ?? "", among: ScoringRule.names)
                    ?? Words(vi: "dùng một trong \(names)", en: "use one of \(names)"))
            return nil
        }
        let what = Words(vi: "quy tắc '\(name)' ở \(owner.vi)", en: "rule '\(name)' of \(owner.en)")
        let list = parameters.joined(separator: ", ")
        let takes =
            parameters.isEmpty
            ? Words(vi: "quy tắc '\(name)' không có tham số", en: "rule '\(name)' takes no parameters")
            : Words(vi: "tham số của quy tắc '\(name)': \(list)", en: "rule '\(name)' takes \(list)")
        let fields = fields(value, of: what, allowed: ["rule"] + parameters, subject: subject) { reader, key, at in
            let others = ScoringRule.names.filter { Self.ruleParameters[$0]?.contains(key) == true }
            if let first = others.first {
                let owners =
                    others.count == 1
                    ? Words(vi: "quy tắc '\(first)'", en: "rule '\(first)'")
                    : Words(vi: "các quy tắc như '\(first)'", en: "rules such as '\(first)'")
                reader.error(
                    .unknownKey, at: at, subject: subject,
                    Words(
                        vi: "'\(key)' không phải tham số của quy tắc '\(name)' mà của \(owners.vi) (ở \(owner.vi))",
                        en: "'\(key)' is not a parameter of rule '\(name)' "
                            + "(it belongs to \(owners.en)) in \(owner.en)"),
                    hint: takes)
            } else {
                reader.error(
                    .unknownKey, at: at, subject: subject,
                    Words(
                        vi: "khóa '\(key)' không dùng được trong \(what.vi)", en: "unknown key '\(key)' in \(what.en)"),
                    hint: reader.suggestion(for: key, among: parameters) ?? takes)
            }
            return true
        }
        guard let fields else { return nil }
        var parsed = ParsedRule(rule: .identity, location: value.location)
        guard let rule = readParameters(name, fields, of: what, subject: subject, into: &parsed) else { return nil }
        parsed.rule = rule
        return parsed
    }

    /// Reads a rule's parameters; nil when one is missing or invalid.
    private mutating func readParameters(
        _ name: String, _ fields: Fields, of what: Words, subject: Diagnostic.Subject?, into parsed: inout ParsedRule
    ) -> ScoringRule? {
        switch name {
        case "ratio":
            guard let percentValue = fields["percent"] else { return .ratio(percent: false) }
            return bool(percentValue, key: "percent", of: what, subject: subject, code: .invalidParameter)
                .map { ScoringRule.ratio(percent: $0) }
        case "linear":
            let hint = Words(
                vi: "thêm `from:` và `to:`: giá trị được 0 điểm và giá trị được điểm tối đa",
                en: "add `from:` and `to:`, the values that score 0 and full")
            let from = required("from", fields, of: what, subject: subject, hint: hint)
            let to = required("to", fields, of: what, subject: subject, hint: hint)
            guard let from, let to else { return nil }
            guard from != to else {
                error(
                    .invalidParameter, at: fields["to"]?.location, subject: subject,
                    Words(
                        vi: "'from' và 'to' của \(what.vi) cùng bằng \(from.plain)",
                        en: "'from' and 'to' of \(what.en) are both \(from.plain)"),
                    hint: Words(
                        vi: "dùng hai giá trị khác nhau: `from` được 0 điểm, `to` được điểm tối đa "
                            + "(from > to khi càng thấp càng tốt)",
                        en:
                            "use two different values: `from` scores 0, `to` scores full "
                            + "(from > to when lower is better)"
                    ))
                return nil
            }
            return .linear(from: from, to: to)
        case "steps":
            return readSteps(fields, of: what, subject: subject, into: &parsed)
        case "choice":
            return readChoices(fields, of: what, subject: subject, into: &parsed)
        case "boolean":
            guard let pointsValue = fields["true_points"] else { return .boolean(truePoints: nil) }
            guard let points = nonNegative(pointsValue, key: "true_points", of: what, subject: subject) else {
                return nil
            }
            parsed.points.append((points, "true_points", pointsValue.location))
            return .boolean(truePoints: points)
        case "identity":
            return .identity
        case "fraction_of_max":
            return over(fields, of: what, subject: subject).map { .fractionOfMax(over: $0) }
        case "rank":
            return over(fields, of: what, subject: subject).map { .rank(over: $0) }
        case "percentile":
            return over(fields, of: what, subject: subject).map { .percentile(over: $0) }
        case "minmax":
            let peers = over(fields, of: what, subject: subject)
            var range: ClosedRange<Double>?
            var rangeValid = true
            if let rangeValue = fields["range"] {
                range = readRange(rangeValue, of: what, subject: subject)
                rangeValid = range != nil
            }
            guard let peers, rangeValid else { return nil }
            return .minmax(over: peers, range: range)
        case "zscore":
            return readZScore(fields, of: what, subject: subject)
        case "distance_to_target":
            let peers = over(fields, of: what, subject: subject)
            let target = required(
                "target", fields, of: what, subject: subject,
                hint: Words(
                    vi: "thêm `target: …`, giá trị mục tiêu được điểm tối đa",
                    en: "add `target: …`, the value that scores full"))
            guard let peers, let target else { return nil }
            return .distanceToTarget(target: target, over: peers)
        default:
            return nil
        }
    }

    /// A required number parameter.
    private mutating func required(
        _ key: String, _ fields: Fields, of what: Words, subject: Diagnostic.Subject?, hint: Words
    ) -> Double? {
        guard let value = fields[key] else {
            error(
                .missingParameter, at: fields.location, subject: subject,
                Words(vi: "\(what.vi) thiếu tham số '\(key)'", en: "\(what.en) has no '\(key)'"), hint: hint)
            return nil
        }
        return number(value, key: key, of: what, subject: subject, code: .invalidParameter)
    }

    /// A number parameter that must be 0 or more.
    private mutating func nonNegative(
        _ value: YAMLValue, key: String, of what: Words, subject: Diagnostic.Subject?
    ) -> Double? {
        guard let x = number(value, key: key, of: what, subject: subject, code: .invalidParameter) else { return nil }
        guard x >= 0 else {
            error(
                .invalidParameter, at: value.location, subject: subject,
                Words(
                    vi: "'\(key)' của \(what.vi) phải từ 0 trở lên, không phải \(x.plain)",
                    en: "'\(key)' of \(what.en) must be 0 or more, not \(x.plain)"),
                hint: Words(
                    vi: "số điểm tính trên trọng số của tiêu chí", en: "points are out of the indicator's weight"))
            return nil
        }
        return x
    }

    /// `over: group | all`, default group.
    private mutating func over(_ fields: Fields, of what: Words, subject: Diagnostic.Subject?) -> PeerSet? {
        guard let value = fields["over"] else { return .group }
        return word(
            value, key: "over", of: what, among: [PeerSet.group, .all], subject: subject, code: .invalidParameter)
    }

    /// `range: [lo, hi]` with lo < hi.
    private mutating func readRange(
        _ value: YAMLValue, of what: Words, subject: Diagnostic.Subject?
    ) -> ClosedRange<Double>? {
        guard let items = value.sequence, items.count == 2 else {
            let found = value.summary
            error(
                .invalidParameter, at: value.location, subject: subject,
                Words(
                    vi: "'range' của \(what.vi) phải là danh sách hai số, không phải \(found.vi)",
                    en: "'range' of \(what.en) must be a list of two numbers, not \(found.en)"),
                hint: Words(vi: "ghi `range: [0, 100]`", en: "write `range: [0, 100]`"))
            return nil
        }
        let lo = number(items[0], key: "range", of: what, subject: subject, code: .invalidParameter)
        let hi = number(items[1], key: "range", of: what, subject: subject, code: .invalidParameter)
        guard let lo, let hi else { return nil }
        guard lo < hi else {
            error(
                .invalidParameter, at: value.location, subject: subject,
                Words(
                    vi: "'range' của \(what.vi) phải đi từ thấp lên cao, không phải [\(lo.plain), \(hi.plain)]",
                    en: "'range' of \(what.en) must go from low to high, not [\(lo.plain), \(hi.plain)]"),
                hint: Words(
                    vi: "ghi đầu thấp trước, ví dụ `range: [0, 100]`",
                    en: "write the lower end first, such as `range: [0, 100]`"))
            return nil
        }
        return lo...hi
    }

    /// `zscore`: `over`, `mean` (default 0), `sd` (default 1, above 0), `sd_of` (default sample).
    private mutating func readZScore(_ fields: Fields, of what: Words, subject: Diagnostic.Subject?) -> ScoringRule? {
        let peers = over(fields, of: what, subject: subject)
        var valid = true
        var mean = 0.0
        if let meanValue = fields["mean"] {
            if let x = number(meanValue, key: "mean", of: what, subject: subject, code: .invalidParameter) {
                mean = x
            } else {
                valid = false
            }
        }
        var sd = 1.0
        if let sdValue = fields["sd"] {
            if let x = number(sdValue, key: "sd", of: what, subject: subject, code: .invalidParameter) {
                if x > 0 {
                    sd = x
                } else {
                    valid = false
                    error(
                        .invalidParameter, at: sdValue.location, subject: subject,
                        Words(
                            vi: "'sd' của \(what.vi) phải lớn hơn 0, không phải \(x.plain)",
                            en: "'sd' of \(what.en) must be above 0, not \(x.plain)"),
                        hint: Words(
                            vi: "`sd` là độ phân tán của kết quả, ví dụ 1 hoặc 10",
                            en: "`sd` is the spread of the result, such as 1 or 10"))
                }
            } else {
                valid = false
            }
        }
        var sdOf = ScoringRule.StandardDeviation.sample
        if let sdOfValue = fields["sd_of"] {
            if let word = word(
                sdOfValue, key: "sd_of", of: what, among: [ScoringRule.StandardDeviation.sample, .population],
                subject: subject, code: .invalidParameter)
            {
                sdOf = word
            } else {
                valid = false
            }
        }
        guard let peers, valid else { return nil }
        return .zscore(over: peers, mean: mean, sd: sd, sdOf: sdOf)
    }

    /// An award: `{points: p}` (0 or more) or `{score: f}` (in [0, 1]).
    private mutating func readAward(
        _ fields: Fields, of what: Words, subject: Diagnostic.Subject?, into parsed: inout ParsedRule
    ) -> ScoringRule.Award? {
        switch (fields["points"], fields["score"]) {
        case (let pointsValue?, nil):
            guard let points = nonNegative(pointsValue, key: "points", of: what, subject: subject) else { return nil }
            parsed.points.append((points, "points", pointsValue.location))
            return .points(points)
        case (nil, let scoreValue?):
            guard let f = number(scoreValue, key: "score", of: what, subject: subject, code: .invalidParameter) else {
                return nil
            }
            guard (0...1).contains(f) else {
                error(
                    .invalidParameter, at: scoreValue.location, subject: subject,
                    Words(
                        vi: "'score' của \(what.vi) phải từ 0 đến 1, không phải \(f.plain)",
                        en: "'score' of \(what.en) must be between 0 and 1, not \(f.plain)"),
                    hint: Words(
                        vi: "`score` là tỷ lệ của điểm tối đa; muốn ghi số điểm thì dùng `points:`",
                        en: "`score` is a fraction of the full score; use `points:` for points"))
                return nil
            }
            return .score(f)
        case (_?, let scoreValue?):
            error(
                .invalidParameter, at: scoreValue.location, subject: subject,
                Words(vi: "\(what.vi) có cả 'points' lẫn 'score'", en: "\(what.en) has both 'points' and 'score'"),
                hint: Words(
                    vi: "giữ một: `points` là số điểm trên trọng số của tiêu chí, `score` là tỷ lệ trong [0, 1]",
                    en: "keep one: `points` out of the indicator's weight, or `score` as a fraction in [0, 1]"))
            return nil
        case (nil, nil):
            error(
                .missingParameter, at: fields.location, subject: subject,
                Words(
                    vi: "\(what.vi) không có 'points' cũng không có 'score'",
                    en: "\(what.en) has neither 'points' nor 'score'"),
                hint: Words(
                    vi: "thêm `points: …` (số điểm trên trọng số của tiêu chí) hoặc `score: …` (tỷ lệ trong [0, 1])",
                    en: "add `points: …` (out of the indicator's weight) or `score: …` (a fraction in [0, 1])"))
            return nil
        }
    }

    /// `steps: [{at_least: x, points: p}, …]`, thresholds strictly descending.
    private mutating func readSteps(
        _ fields: Fields, of what: Words, subject: Diagnostic.Subject?, into parsed: inout ParsedRule
    ) -> ScoringRule? {
        guard let stepsValue = fields["steps"] else {
            error(
                .missingParameter, at: fields.location, subject: subject,
                Words(vi: "\(what.vi) thiếu tham số 'steps'", en: "\(what.en) has no 'steps'"),
                hint: Words(
                    vi: "thêm `steps: [{at_least: 4, points: 20}, {at_least: 1, points: 5}]`",
                    en: "add `steps: [{at_least: 4, points: 20}, {at_least: 1, points: 5}]`"))
            return nil
        }
        guard let items = stepsValue.sequence, !items.isEmpty else {
            let found = stepsValue.summary
            error(
                .invalidParameter, at: stepsValue.location, subject: subject,
                Words(
                    vi: "'steps' của \(what.vi) phải là một danh sách bậc (không trống), không phải \(found.vi)",
                    en: "'steps' of \(what.en) must be a non-empty list of steps, not \(found.en)"),
                hint: Words(
                    vi: "ghi `steps: [{at_least: 4, points: 20}, {at_least: 1, points: 5}]`",
                    en: "write `steps: [{at_least: 4, points: 20}, {at_least: 1, points: 5}]`"))
            return nil
        }
        var steps: [ScoringRule.Step] = []
        var complete = true
        var previous: Double?
        for item in items {
            let stepWhat = Words(vi: "một bậc của \(what.vi)", en: "a step of \(what.en)")
            guard
                let stepFields = self.fields(
                    item, of: stepWhat, allowed: ["at_least", "points", "score"], subject: subject)
            else {
                complete = false
                continue
            }
            var atLeast: Double?
            if let atLeastValue = stepFields["at_least"] {
                atLeast = number(atLeastValue, key: "at_least", of: stepWhat, subject: subject, code: .invalidParameter)
                if let atLeast, let previous, atLeast >= previous {
                    error(
                        .stepsOrder, at: atLeastValue.location, subject: subject,
                        Words(
                            vi: "các bậc của \(what.vi) sai thứ tự: at_least \(atLeast.plain) "
                                + "đứng sau at_least \(previous.plain)",
                            en: "\(what.en) has steps out of order: at_least \(atLeast.plain) "
                                + "comes after at_least \(previous.plain)"),
                        hint: Words(
                            vi: "liệt kê các bậc từ at_least cao nhất xuống (bậc đầu tiên đạt được sẽ được tính)",
                            en: "list the steps from the highest at_least down (the first step met wins)"))
                    complete = false
                }
                if let atLeast { previous = atLeast }
            } else {
                error(
                    .missingParameter, at: stepFields.location, subject: subject,
                    Words(vi: "\(stepWhat.vi) thiếu 'at_least'", en: "\(stepWhat.en) has no 'at_least'"),
                    hint: Words(
                        vi: "thêm `at_least: …`, giá trị thấp nhất để đạt bậc này",
                        en: "add `at_least: …`, the lowest value that earns the step"))
            }
            let award = readAward(stepFields, of: stepWhat, subject: subject, into: &parsed)
            if let atLeast, let award {
                steps.append(ScoringRule.Step(atLeast: atLeast, award: award))
            } else {
                complete = false
            }
        }
        return complete ? .steps(steps) : nil
    }

    /// `choices: {option: {points: p} | {score: f}, …}`.
    private mutating func readChoices(
        _ fields: Fields, of what: Words, subject: Diagnostic.Subject?, into parsed: inout ParsedRule
    ) -> ScoringRule? {
        guard let choicesValue = fields["choices"] else {
            error(
                .missingParameter, at: fields.location, subject: subject,
                Words(vi: "\(what.vi) thiếu tham số 'choices'", en: "\(what.en) has no 'choices'"),
                hint: Words(
                    vi: "thêm `choices: {option: {points: …}, …}` cho mọi lựa chọn (option) của biến số liệu",
                    en: "add `choices: {option: {points: …}, …}` with every option of the variable"))
            return nil
        }
        guard let pairs = choicesValue.pairs, !pairs.isEmpty else {
            let found = choicesValue.summary
            error(
                .invalidParameter, at: choicesValue.location, subject: subject,
                Words(
                    vi: "'choices' của \(what.vi) phải ghi điểm cho từng lựa chọn, không phải \(found.vi)",
                    en: "'choices' of \(what.en) must be a mapping of options to awards, not \(found.en)"),
                hint: Words(
                    vi: "ghi `choices: {chair: {points: 10}, none: {score: 0}}`",
                    en: "write `choices: {chair: {points: 10}, none: {score: 0}}`"))
            return nil
        }
        var awards: OrderedDictionary<String, ScoringRule.Award> = [:]
        var complete = true
        for (key, awardValue) in pairs {
            guard let option = key.string else {
                let found = key.summary
                error(
                    .invalidParameter, at: key.location, subject: subject,
                    Words(
                        vi: "một lựa chọn trong 'choices' của \(what.vi) là \(found.vi), không phải mã lựa chọn",
                        en: "an option in 'choices' of \(what.en) is \(found.en), not an option id"),
                    hint: Words(vi: "ghi `option_id: {points: …}`", en: "write `option_id: {points: …}`"))
                complete = false
                continue
            }
            parsed.choiceKeys.append((option, key.location))
            let optionWhat = Words(vi: "lựa chọn '\(option)' của \(what.vi)", en: "option '\(option)' of \(what.en)")
            guard
                let awardFields = self.fields(
                    awardValue, of: optionWhat, allowed: ["points", "score"], subject: subject),
                let award = readAward(awardFields, of: optionWhat, subject: subject, into: &parsed)
            else {
                complete = false
                continue
            }
            awards[option] = award
        }
        return complete ? .choice(awards) : nil
    }
}

/// The words a criteria file may use, for tools that offer them as choices (the criteria workbook's drop-downs).
package enum CriteriaVocabulary {
    /// Every `rule:` name, sorted.
    package static var ruleNames: [String] { FrameworkReader.ruleParameters.keys.sorted() }
}
