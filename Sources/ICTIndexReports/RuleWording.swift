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
            parts.append((en ? "value = " : "giá trị = ") + formula(indicator.value))
        }
        let options = indicator.value.isSingleVariable.flatMap { framework.variables[$0]?.options } ?? [:]
        parts.append(
            indicator.rules.map { words(for: $0, weight: node.weight, options: options) }
                .joined(separator: en ? "; then " : "; sau đó "))
        if indicator.direction == .lower { parts.append(en ? "lower is better" : "càng thấp càng tốt") }
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
        case "and": en ? "and" : "và"
        case "or": en ? "or" : "hoặc"
        case "not": en ? "not" : "không"
        case "if": en ? "if" : "nếu"
        case "min": en ? "smaller of" : "nhỏ nhất"
        case "max": en ? "larger of" : "lớn nhất"
        case "abs": en ? "absolute value" : "trị tuyệt đối"
        case "round": en ? "rounded" : "làm tròn"
        case "clamp": en ? "limited to" : "giới hạn"
        case "true": en ? "true" : "đúng"
        case "false": en ? "false" : "sai"
        default: word
        }
    }

    /// What happens when a unit has no value for an indicator, in plain words ("thiếu số liệu: tính 0 điểm").
    package func words(for missing: MissingPolicy) -> String {
        switch missing {
        case .zero: en ? "missing: 0 points" : "thiếu số liệu: tính 0 điểm"
        case .skip:
            en
                ? "missing: left out, its points spread over the other items"
                : "thiếu số liệu: bỏ qua tiêu chí, điểm được quy đổi cho các tiêu chí còn lại"
        case .imputeMean: en ? "missing: mean of all units used" : "thiếu số liệu: lấy bình quân của tất cả đơn vị"
        case .imputeGroupMean: en ? "missing: mean of the unit's group used" : "thiếu số liệu: lấy bình quân của khối"
        case .error:
            en
                ? "required: a missing value stops the scoring"
                : "bắt buộc có số liệu: thiếu thì không tính được kết quả"
        }
    }

    func words(for aggregate: Node.Aggregation) -> String {
        switch aggregate {
        case .sum: en ? "sum of the items' points" : "cộng điểm các tiêu chí thành phần"
        case .mean: en ? "weighted mean of the components" : "bình quân có trọng số của các thành phần"
        case .geometric:
            en
                ? "weighted geometric mean (a weak component pulls the result down more than in a plain mean)"
                : "bình quân nhân có trọng số (thành phần yếu kéo kết quả xuống nhiều hơn bình quân thường)"
        case .harmonic:
            en
                ? "weighted harmonic mean (a weak component pulls the result down strongly)"
                : "bình quân điều hoà có trọng số (thành phần yếu kéo kết quả xuống rất mạnh)"
        case .min: en ? "the lowest component" : "lấy thành phần có điểm thấp nhất"
        case .max: en ? "the highest component" : "lấy thành phần có điểm cao nhất"
        case .bestOf:
            en
                ? "the highest case wins (each case scored by its own rule, out of its own points)"
                : "lấy trường hợp có điểm cao nhất (mỗi trường hợp chấm theo cách tính và điểm tối đa riêng)"
        }
    }

    func peers(_ over: PeerSet) -> String {
        switch over {
        case .group: en ? "the units of its group" : "các đơn vị trong khối"
        case .all: en ? "all units" : "tất cả đơn vị"
        }
    }

    func award(_ award: ScoringRule.Award) -> String {
        switch award {
        case .points(let p): en ? (p == 1 ? "1 point" : "\(n(p)) points") : "\(n(p)) điểm"
        case .score(let f) where f == 0: en ? "0 points" : "0 điểm"
        case .score(let f) where f == 1: en ? "max points" : "điểm tối đa"
        case .score(let f): en ? "\(n(f * 100))% of max points" : "\(n(f * 100))% điểm tối đa"
        }
    }

    /// A position on the score range of `minmax`: "0 points" and "max points" at the ends of the default range.
    func rangeEnd(_ x: Double, isTop: Bool) -> String {
        if x == 0 { return en ? "0 points" : "0 điểm" }
        if isTop && x == framework.scale { return en ? "max points" : "điểm tối đa" }
        return en ? "\(n(x)) (on the scale of \(n(framework.scale)))" : "\(n(x)) (trên thang \(n(framework.scale)))"
    }

    func words(for rule: ScoringRule, weight: Double, options: OrderedDictionary<String, LocalizedText>) -> String {
        switch rule {
        case .ratio(let percent):
            return percent
                ? (en ? "percentage ÷ 100 × max points" : "tỷ lệ % ÷ 100 × điểm tối đa")
                : (en ? "ratio (0 to 1) × max points" : "tỷ lệ (từ 0 đến 1) × điểm tối đa")
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
            return (en ? "by level: " : "theo mức: ") + rungs + (en ? "; less → 0 points" : "; thấp hơn → 0 điểm")
        case .choice(let choices):
            let items = choices.map { key, value in
                "\(options[key]?.text(language) ?? key) → \(award(value))"
            }.joined(separator: "; ")
            return (en ? "by option: " : "theo lựa chọn: ") + items
        case .boolean(let truePoints):
            let full =
                truePoints.map { en ? "\(n($0)) points" : "\(n($0)) điểm" } ?? (en ? "max points" : "điểm tối đa")
            return en ? "yes → \(full), no → 0 points" : "có → \(full), không → 0 điểm"
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
            let shift = mean == 0 && sd == 1 ? "" : (en ? ", × \(n(sd)) + \(n(mean))" : ", × \(n(sd)) + \(n(mean))")
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
