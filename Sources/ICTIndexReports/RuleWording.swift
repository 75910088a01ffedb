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
    package func words(for node: Node) -> String {
        guard let indicator = node.indicator else {
            if case .pillar(let aggregate, _) = node.kind { return words(for: aggregate) }
            return ""
        }
        var parts: [String] = []
        if indicator.value.isSingleVariable == nil {
            parts.append((en ? "value = " : "giá trị = ") + indicator.value.source)
        }
        let options = indicator.value.isSingleVariable.flatMap { framework.variables[$0]?.options } ?? [:]
        parts.append(
            indicator.rules.map { words(for: $0, weight: node.weight, options: options) }.joined(separator: " → "))
        if indicator.direction == .lower { parts.append(en ? "lower is better" : "càng thấp càng tốt") }
        return parts.joined(separator: "; ")
    }

    func words(for aggregate: Node.Aggregation) -> String {
        switch aggregate {
        case .sum: en ? "sum of the items' points" : "cộng điểm các tiêu chí thành phần"
        case .mean: en ? "weighted mean of the components" : "bình quân gia quyền các thành phần"
        case .geometric: en ? "weighted geometric mean" : "bình quân nhân gia quyền"
        case .harmonic: en ? "weighted harmonic mean" : "bình quân điều hoà gia quyền"
        case .min: en ? "lowest component" : "thành phần thấp nhất"
        case .max: en ? "highest component" : "thành phần cao nhất"
        case .bestOf:
            en
                ? "the highest case wins (each case scored by its own rule, out of its own points)"
                : "lấy trường hợp có điểm cao nhất (mỗi trường hợp chấm theo cách tính và điểm tối đa riêng)"
        }
    }

    func peers(_ over: PeerSet) -> String {
        switch over {
        case .group: en ? "in the unit's group" : "trong khối"
        case .all: en ? "over all units" : "trong tất cả đơn vị"
        }
    }

    func award(_ award: ScoringRule.Award) -> String {
        switch award {
        case .points(let p): en ? "\(n(p)) points" : "\(n(p)) điểm"
        case .score(let f): en ? "\(n(f * 100))% of max" : "\(n(f * 100))% điểm tối đa"
        }
    }

    func words(for rule: ScoringRule, weight: Double, options: OrderedDictionary<String, LocalizedText>) -> String {
        switch rule {
        case .ratio(let percent):
            return percent
                ? (en ? "percentage ÷ 100 × max points" : "tỷ lệ % ÷ 100 × điểm tối đa")
                : (en ? "ratio (0–1) × max points" : "tỷ lệ (0–1) × điểm tối đa")
        case .linear(let from, let to):
            return en
                ? "linear: \(n(from)) → 0, \(n(to)) or beyond → max points"
                : "tuyến tính: \(n(from)) → 0 điểm, từ \(n(to)) trở lên → điểm tối đa"
        case .steps(let steps):
            let rungs = steps.map { "≥ \(n($0.atLeast)) → \(award($0.award))" }.joined(separator: "; ")
            return (en ? "steps: " : "theo mức: ") + rungs + (en ? "; otherwise 0" : "; thấp hơn → 0")
        case .choice(let choices):
            let items = choices.map { key, value in
                "\(options[key]?.text(language) ?? key) → \(award(value))"
            }.joined(separator: "; ")
            return (en ? "by option: " : "theo lựa chọn: ") + items
        case .boolean(let truePoints):
            let full =
                truePoints.map { en ? "\(n($0)) points" : "\(n($0)) điểm" } ?? (en ? "max points" : "điểm tối đa")
            return en ? "yes → \(full), no → 0" : "có → \(full), không → 0"
        case .identity:
            return en ? "value already on the scale" : "giá trị đã theo thang điểm"
        case .fractionOfMax(let over):
            return en
                ? "value ÷ highest value \(peers(over)) × max points"
                : "giá trị ÷ giá trị lớn nhất \(peers(over)) × điểm tối đa"
        case .minmax(let over, let range):
            let target = range.map { "[\(n($0.lowerBound)), \(n($0.upperBound))]" } ?? "[0, \(n(framework.scale))]"
            return en
                ? "(value − min) ÷ (max − min) \(peers(over)), mapped to \(target)"
                : "(giá trị − nhỏ nhất) ÷ (lớn nhất − nhỏ nhất) \(peers(over)), quy về \(target)"
        case .zscore(let over, let mean, let sd, _):
            return en
                ? "z-score \(peers(over)): (value − mean) ÷ sd × \(n(sd)) + \(n(mean))"
                : "điểm chuẩn hoá z \(peers(over)): (giá trị − trung bình) ÷ độ lệch chuẩn × \(n(sd)) + \(n(mean))"
        case .rank(let over):
            return en
                ? "by rank \(peers(over)): (n − rank) ÷ (n − 1)" : "theo thứ hạng \(peers(over)): (n − hạng) ÷ (n − 1)"
        case .percentile(let over):
            return en ? "percentile \(peers(over))" : "bách phân vị \(peers(over))"
        case .distanceToTarget(let target, let over):
            return en
                ? "distance to the target \(n(target)) (lowest \(peers(over)) → 0)"
                : "khoảng cách tới mục tiêu \(n(target)) (thấp nhất \(peers(over)) → 0)"
        }
    }

    /// The rule and its parameters as written in criteria files (`linear 0→5`).
    func parameters(for node: Node) -> String {
        switch node.kind {
        case .pillar(let aggregate, _): return "aggregate: " + aggregate.rawValue
        case .indicator(let indicator):
            var text = indicator.rules.map(summary).joined(separator: " → ")
            if indicator.value.isSingleVariable == nil { text = "value: \(indicator.value.source); " + text }
            if indicator.direction == .lower { text += "; direction: lower" }
            return text
        }
    }

    func summary(_ rule: ScoringRule) -> String {
        func a(_ award: ScoringRule.Award) -> String {
            switch award {
            case .points(let x): "points \(n(x))"
            case .score(let f): "score \(n(f))"
            }
        }
        switch rule {
        case .ratio(let percent): return percent ? "ratio, percent: true" : "ratio"
        case .linear(let from, let to): return "linear, from: \(n(from)), to: \(n(to))"
        case .steps(let steps):
            return "steps: " + steps.map { "at_least \(n($0.atLeast)): \(a($0.award))" }.joined(separator: ", ")
        case .choice(let choices):
            return "choice: " + choices.map { "\($0.key): \(a($0.value))" }.joined(separator: ", ")
        case .boolean(let truePoints): return "boolean" + (truePoints.map { ", true_points: \(n($0))" } ?? "")
        case .identity: return "identity"
        case .fractionOfMax(let over): return "fraction_of_max, over: \(over.rawValue)"
        case .minmax(let over, let range):
            return "minmax, over: \(over.rawValue)"
                + (range.map { ", range: [\(n($0.lowerBound)), \(n($0.upperBound))]" } ?? "")
        case .zscore(let over, let mean, let sd, let sdOf):
            return "zscore, over: \(over.rawValue), mean: \(n(mean)), sd: \(n(sd)), sd_of: \(sdOf.rawValue)"
        case .rank(let over): return "rank, over: \(over.rawValue)"
        case .percentile(let over): return "percentile, over: \(over.rawValue)"
        case .distanceToTarget(let target, let over):
            return "distance_to_target, target: \(n(target)), over: \(over.rawValue)"
        }
    }
}
