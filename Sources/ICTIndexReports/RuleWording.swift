package import ICTIndexCore
import OrderedCollections

/// An indicator's rule in plain words ("Tỷ lệ × điểm tối đa"), and its parameters as written in criteria files.
package struct RuleWording {
    let framework: Framework
    let language: Language

    package init(framework: Framework, language: Language) {
        self.framework = framework
        self.language = language
    }
    var en: Bool { language == .en }

    /// The text in the workbook's language; each language labelled, so the two cannot be swapped unseen.
    func say(vi: String, en: String) -> String { Words(vi: vi, en: en)(language) }

    func n(_ x: Double) -> String { NumberFormatting.short(x, maxDecimals: 4) }

    /// The rule as the decision words it (the node's `description`, verbatim), else the generated wording.
    package func published(for node: Node) -> String {
        node.description?.text(language) ?? words(for: node)
    }

    /// The whole scoring of an indicator in words: value, rules, direction.
    ///
    /// A computed value is written with the variables' names and Vietnamese operators ("giá trị = «Số máy tính» ÷
    /// «Tổng số CBCCVC»"); chained rules are joined by "sau đó" ("then").
    package func words(for node: Node) -> String {
        guard let indicator = node.indicator else {
            if case .pillar(let aggregate, _) = node.kind { return words(for: aggregate) }
            return ""
        }
        var parts: [String] = []
        if indicator.value.isSingleVariable == nil {
            parts.append((say(vi: "giá trị = ", en: "value = ")) + formula(indicator.value))
        }
        let options = indicator.value.isSingleVariable.flatMap { framework.variables[$0]?.options } ?? [:]
        parts.append(
            indicator.rules.map { words(for: $0, weight: node.weight, options: options) }
                .joined(separator: say(vi: "; sau đó ", en: "; then ")))
        if indicator.direction == .lower { parts.append(say(vi: "càng thấp càng tốt", en: "lower is better")) }
        return parts.joined(separator: "; ")
    }

    /// An expression as a person reads it: variables by their names in «», `*` as ×, `/` as ÷, functions and
    /// keywords in words ("nhỏ nhất(«a», 5)").
    package func formula(_ expression: Expression) -> String {
        let text = expression.substituting { "\u{1}\($0.rawValue)\u{2}" }
        var result = ""
        var word = ""
        var inVariable = false
        var variable = ""
        func flushWord() {
            guard !word.isEmpty else { return }
            result += keyword(word)
            word = ""
        }
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            if inVariable {
                if c == "\u{2}" {
                    let id = VariableID(variable)
                    result += "«" + (framework.variables[id]?.name.text(language) ?? variable) + "»"
                    variable = ""
                    inVariable = false
                } else {
                    variable.append(c)
                }
                continue
            }
            if c == "\u{1}" {
                flushWord()
                inVariable = true
                continue
            }
            if c.isLetter || c == "_" || (c.isNumber && !word.isEmpty) {
                word.append(c)
                continue
            }
            flushWord()
            let next = characters.first
            switch c {
            case "*": result += "×"
            case "/": result += "÷"
            case "<" where next == "=":
                characters.removeFirst()
                result += "≤"
            case ">" where next == "=":
                characters.removeFirst()
                result += "≥"
            case "!" where next == "=":
                characters.removeFirst()
                result += "≠"
            case "=" where next == "=":
                characters.removeFirst()
                result += "="
            default: result.append(c)
            }
        }
        flushWord()
        return result
    }

    /// A function or keyword of the expression language in words.
    func keyword(_ word: String) -> String {
        switch word {
        case "and": say(vi: "và", en: "and")
        case "or": say(vi: "hoặc", en: "or")
        case "not": say(vi: "không", en: "not")
        case "if": say(vi: "nếu", en: "if")
        case "min": say(vi: "nhỏ nhất", en: "smaller of")
        case "max": say(vi: "lớn nhất", en: "larger of")
        case "abs": say(vi: "trị tuyệt đối", en: "absolute value")
        case "round": say(vi: "làm tròn", en: "rounded")
        case "clamp": say(vi: "giới hạn", en: "limited to")
        case "true": say(vi: "đúng", en: "true")
        case "false": say(vi: "sai", en: "false")
        default: word
        }
    }

    /// What happens when a unit has no value for an indicator, in plain words ("thiếu số liệu: tính 0 điểm").
    package func words(for missing: MissingPolicy) -> String {
        switch missing {
        case .zero: say(vi: "thiếu số liệu: tính 0 điểm", en: "missing: 0 points")
        case .skip:
            en
                ? "missing: left out, its points spread over the other items"
                : "thiếu số liệu: bỏ qua tiêu chí, điểm được quy đổi cho các tiêu chí còn lại"
        case .imputeMean:
            say(vi: "thiếu số liệu: lấy bình quân của tất cả đơn vị", en: "missing: mean of all units used")
        case .imputeGroupMean:
            say(vi: "thiếu số liệu: lấy bình quân của khối", en: "missing: mean of the unit's group used")
        case .error:
            en
                ? "required: a missing value stops the scoring"
                : "bắt buộc có số liệu: thiếu thì không tính được kết quả"
        }
    }

    func words(for aggregate: Node.Aggregation) -> String {
        switch aggregate {
        case .sum: say(vi: "cộng điểm các tiêu chí thành phần", en: "sum of the items' points")
        case .mean: say(vi: "bình quân có trọng số của các thành phần", en: "weighted mean of the components")
        case .geometric:
            en
                ? "weighted geometric mean (a weak component pulls the result down more than in a plain mean)"
                : "bình quân nhân có trọng số (thành phần yếu kéo kết quả xuống nhiều hơn bình quân thường)"
        case .harmonic:
            en
                ? "weighted harmonic mean (a weak component pulls the result down strongly)"
                : "bình quân điều hoà có trọng số (thành phần yếu kéo kết quả xuống rất mạnh)"
        case .min: say(vi: "lấy thành phần có điểm thấp nhất", en: "the lowest component")
        case .max: say(vi: "lấy thành phần có điểm cao nhất", en: "the highest component")
        case .bestOf:
            en
                ? "the highest case wins (each case scored by its own rule, out of its own points)"
                : "lấy trường hợp có điểm cao nhất (mỗi trường hợp chấm theo cách tính và điểm tối đa riêng)"
        }
    }

    func peers(_ over: PeerSet) -> String {
        switch over {
        case .group: say(vi: "các đơn vị trong khối", en: "the units of its group")
        case .all: say(vi: "tất cả đơn vị", en: "all units")
        }
    }

    func award(_ award: ScoringRule.Award) -> String {
        switch award {
        case .points(let p): say(vi: "\(n(p)) điểm", en: p == 1 ? "1 point" : "\(n(p)) points")
        case .score(let f) where f == 0: say(vi: "0 điểm", en: "0 points")
        case .score(let f) where f == 1: say(vi: "điểm tối đa", en: "max points")
        case .score(let f): say(vi: "\(n(f * 100))% điểm tối đa", en: "\(n(f * 100))% of max points")
        }
    }

    /// A position on the score range of `minmax`: "0 points" and "max points" at the ends of the default range.
    func rangeEnd(_ x: Double, isTop: Bool) -> String {
        if x == 0 { return say(vi: "0 điểm", en: "0 points") }
        if isTop && x == framework.scale { return say(vi: "điểm tối đa", en: "max points") }
        return say(
            vi: "\(n(x)) (trên thang \(n(framework.scale)))", en: "\(n(x)) (on the scale of \(n(framework.scale)))")
    }

    func words(for rule: ScoringRule, weight: Double, options: OrderedDictionary<String, LocalizedText>) -> String {
        switch rule {
        case .ratio(let percent):
            return percent
                ? (say(vi: "tỷ lệ % ÷ 100 × điểm tối đa", en: "percentage ÷ 100 × max points"))
                : (say(vi: "tỷ lệ (từ 0 đến 1) × điểm tối đa", en: "ratio (0 to 1) × max points"))
        case .linear(let from, let to):
            if from > to {
                return en
                    ? "linear: \(n(from)) or more → 0 points, \(n(to)) or less → max points, in between in proportion"
                    : "tuyến tính: từ \(n(from)) trở lên → 0 điểm, từ \(n(to)) trở xuống → điểm tối đa, "
                        + "ở giữa tính theo tỷ lệ"
            }
            return en
                ? "linear: \(n(from)) or less → 0 points, \(n(to)) or more → max points, in between in proportion"
                : "tuyến tính: từ \(n(from)) trở xuống → 0 điểm, từ \(n(to)) trở lên → điểm tối đa, "
                    + "ở giữa tính theo tỷ lệ"
        case .steps(let steps):
            let rungs = steps.map { "≥ \(n($0.atLeast)) → \(award($0.award))" }.joined(separator: "; ")
            return (say(vi: "theo mức: ", en: "by level: ")) + rungs
                + (say(vi: "; thấp hơn → 0 điểm", en: "; less → 0 points"))
        case .choice(let choices):
            let items = choices.map { key, value in
                "\(options[key]?.text(language) ?? key) → \(award(value))"
            }.joined(separator: "; ")
            return (say(vi: "theo lựa chọn: ", en: "by option: ")) + items
        case .boolean(let truePoints):
            let full =
                truePoints.map { say(vi: "\(n($0)) điểm", en: "\(n($0)) points") }
                ?? (say(vi: "điểm tối đa", en: "max points"))
            return say(vi: "có → \(full), không → 0 điểm", en: "yes → \(full), no → 0 points")
        case .identity:
            return en
                ? "the value is already on the scale of \(n(framework.scale)), taken as it is"
                : "giá trị đã theo thang \(n(framework.scale)), giữ nguyên"
        case .fractionOfMax(let over):
            return en
                ? "value ÷ the highest value among \(peers(over)) × max points"
                : "giá trị ÷ giá trị cao nhất của \(peers(over)) × điểm tối đa"
        case .minmax(let over, let range):
            let low = rangeEnd(range?.lowerBound ?? 0, isTop: false)
            let high = rangeEnd(range?.upperBound ?? framework.scale, isTop: true)
            return en
                ? "compared with \(peers(over)): the lowest value → \(low), the highest → \(high), in between in "
                    + "proportion: (value − lowest) ÷ (highest − lowest)"
                : "so với \(peers(over)): giá trị thấp nhất → \(low), cao nhất → \(high), ở giữa theo tỷ lệ: "
                    + "(giá trị − thấp nhất) ÷ (cao nhất − thấp nhất)"
        case .zscore(let over, let mean, let sd, _):
            let shift =
                mean == 0 && sd == 1 ? "" : (say(vi: ", × \(n(sd)) + \(n(mean))", en: ", × \(n(sd)) + \(n(mean))"))
            return en
                ? "standardised (z) among \(peers(over)): how many standard deviations (the usual spread between "
                    + "units) the value is above or below their mean: (value − mean) ÷ standard deviation" + shift
                : "chuẩn hoá (z) so với \(peers(over)): giá trị cao hay thấp hơn bình quân bao nhiêu lần độ lệch "
                    + "chuẩn (mức chênh lệch thường gặp giữa các đơn vị): (giá trị − bình quân) ÷ độ lệch chuẩn" + shift
        case .rank(let over):
            return en
                ? "by rank among \(peers(over)): first → max points, last → 0 points, evenly in between: "
                    + "(n − rank) ÷ (n − 1), n = number of units"
                : "theo thứ hạng so với \(peers(over)): hạng 1 → điểm tối đa, hạng cuối → 0 điểm, các hạng giữa "
                    + "chia đều: (n − hạng) ÷ (n − 1), n là số đơn vị"
        case .percentile(let over):
            return en
                ? "by position among \(peers(over)) (percentile): the share of units with a lower value, units with "
                    + "the same value counting half × max points"
                : "theo vị trí so với \(peers(over)) (bách phân vị): tỷ lệ đơn vị có giá trị thấp hơn, đơn vị bằng "
                    + "giá trị tính một nửa, × điểm tối đa"
        case .distanceToTarget(let target, let over):
            return en
                ? "target \(n(target)): reaching it → max points; below it, less in proportion to the distance, the "
                    + "lowest value among \(peers(over)) → 0 points"
                : "theo mục tiêu \(n(target)): đạt từ \(n(target)) trở lên → điểm tối đa; thấp hơn thì giảm theo "
                    + "khoảng cách tới mục tiêu, giá trị thấp nhất của \(peers(over)) → 0 điểm"
        }
    }
}
