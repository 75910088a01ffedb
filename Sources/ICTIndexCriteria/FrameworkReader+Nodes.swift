import ICTIndexCore
import OrderedCollections

/// A node read from the file, with its subtree in pre-order.
struct NodeResult {
    /// The node, when it could be read.
    var node: Node?
    /// Its weight, when valid (for the `aggregate: sum` check of its parent).
    var weight: Double?
    /// The node (if read) and every node under it, in pre-order.
    var subtree: [Node] = []
}

extension FrameworkReader {
    /// The keys the root (`index:`) may have.
    static let rootKeys = ["id", "name", "description", "aggregate", "children"]
    /// The keys any node under the root may have.
    static let nodeKeys = [
        "id", "name", "description", "weight", "aggregate", "applies_to", "children", "value", "direction",
        "missing", "score",
    ]
    /// The keys only pillars have.
    static let pillarKeys = ["aggregate", "children"]
    /// The keys only indicators have.
    static let indicatorKeys = ["value", "direction", "missing", "score"]

    /// Reads the root node (`index:`) and the whole tree under it.
    mutating func readRoot(_ value: YAMLValue, frameworkName: LocalizedText?) -> NodeID? {
        let what = Words(vi: "mục gốc (index)", en: "the root node (index)")
        let fields = self.fields(value, of: what, allowed: Self.rootKeys) { reader, key, at in
            guard Self.nodeKeys.contains(key) else { return false }
            reader.error(
                .unknownKey, at: at,
                Words(
                    vi: "khóa '\(key)' không dùng cho mục gốc (index)",
                    en: "'\(key)' does not apply to the root node (index)"),
                hint: key == "weight"
                    ? Words(
                        vi: "trọng số của mục gốc chính là thang điểm `scale` của bộ tiêu chí",
                        en: "the root's weight is the framework's `scale`")
                    : Words(
                        vi: "mục gốc là tổng điểm, chấm cho mọi khối; xóa `\(key):`",
                        en: "the root is a pillar scored for every group; remove `\(key):`"))
            return true
        }
        guard let fields else { return nil }
        var rootID = NodeID("index")
        if let idValue = fields["id"], let text = id(idValue, of: what, syntax: .node) { rootID = NodeID(text) }
        seenNodes[rootID.rawValue] = fields.keyLocation("id") ?? fields.location
        let subject = Diagnostic.Subject.node(rootID)
        var name = frameworkName ?? LocalizedText(vi: rootID.rawValue)
        if let nameValue = fields["name"], let text = text(nameValue, key: "name", of: what, subject: subject) {
            name = text
        }
        var description: LocalizedText?
        if let descriptionValue = fields["description"] {
            description = text(descriptionValue, key: "description", of: what, subject: subject)
        }
        var aggregate = Node.Aggregation.mean
        if let aggregateValue = fields["aggregate"],
            let word = word(
                aggregateValue, key: "aggregate", of: what, among: Node.Aggregation.allCases, subject: subject)
        {
            aggregate = word
        }
        guard let childrenValue = fields["children"] else {
            missing(
                "children", in: fields, of: what, subject: subject,
                hint: Words(
                    vi: "thêm `children:` với các nhóm tiêu chí (hoặc các tiêu chí) của bộ chỉ số",
                    en: "add `children:` with the pillars (or indicators) of the index"))
            return nil
        }
        let children = readChildren(childrenValue, of: rootID, what: what, level: 1, groups: nil)
        if !children.isEmpty, children.allSatisfy({ $0.weight == 0 }) {
            error(
                .allWeightsZero, at: fields.location, subject: subject,
                Words(
                    vi: "mọi mục con của '\(rootID)' đều có trọng số 0, nên không chấm được điểm cho đơn vị nào",
                    en: "every child of '\(rootID)' has weight 0, so the framework scores nobody"),
                hint: Words(
                    vi: "ghi trọng số cho các nhóm tiêu chí; trọng số 0 dành cho mục chỉ hiển thị, không tính điểm",
                    en: "give the pillars their weights; weight 0 is for a node that is shown but not scored"))
        }
        if aggregate == .sum {
            checkSum(children, of: rootID, expected: scale, at: fields.location, isRoot: true)
        }
        let root = Node(
            id: rootID, name: name, description: description, weight: scale,
            kind: .pillar(aggregate: aggregate, children: children.compactMap { $0.node?.id }),
            appliesTo: nil, parent: nil, level: 0, source: fields.location)
        nodes = [root] + children.flatMap(\.subtree)
        return rootID
    }

    /// Reads `children:` of a pillar.
    private mutating func readChildren(
        _ value: YAMLValue, of parent: NodeID, what: Words, level: Int, groups: Set<GroupID>?
    ) -> [NodeResult] {
        guard let items = list(value, key: "children", of: what) else { return [] }
        if items.isEmpty {
            error(
                .invalidTree, at: value.location, subject: .node(parent),
                Words(vi: "\(what.vi) có danh sách mục con trống", en: "\(what.en) has an empty list of children"),
                hint: Words(
                    vi: "thêm các mục con, hoặc xóa `children:` để '\(parent)' thành một tiêu chí",
                    en: "add children, or remove `children:` to make '\(parent)' an indicator"))
            return []
        }
        return items.map { readNode($0, parent: parent, level: level, parentGroups: groups) }
    }

    /// Checks that the children of an `aggregate: sum` node add up to its weight (the root's: `scale`).
    private mutating func checkSum(
        _ children: [NodeResult], of id: NodeID, expected: Double?, at location: SourceLocation, isRoot: Bool
    ) {
        let weights = children.map(\.weight)
        guard let expected, !weights.isEmpty, !weights.contains(where: { $0 == nil }) else { return }
        let total = weights.compactMap { $0 }.reduce(0, +)
        guard abs(total - expected) > 1e-9 * max(1, abs(expected)) else { return }
        error(
            .sumMismatch, at: location, subject: .node(id),
            isRoot
                ? Words(
                    vi: "các mục con của '\(id)' cộng lại được \(total.plain) điểm; thang điểm là \(expected.plain)",
                    en: "the children of '\(id)' add up to \(total.plain); the scale is \(expected.plain)")
                : Words(
                    vi:
                        "các mục con của '\(id)' cộng lại được \(total.plain) điểm; "
                        + "'\(id)' có trọng số \(expected.plain)",
                    en: "the children of '\(id)' add up to \(total.plain); '\(id)' has weight \(expected.plain)"),
            hint: isRoot
                ? Words(
                    vi: "sửa trọng số của các mục con hoặc `scale` (`aggregate: sum` ở gốc cần hai số bằng nhau)",
                    en: "fix the children's weights or `scale` (aggregate: sum at the root needs them equal)")
                : Words(
                    vi: "sửa trọng số của các mục con hoặc của chính mục này (`aggregate: sum` cần hai số bằng nhau)",
                    en: "fix the children's weights or the node's weight (aggregate: sum needs them equal)"))
    }

    /// Reads one node under the root, and its subtree.
    private mutating func readNode(
        _ value: YAMLValue, parent: NodeID, level: Int, parentGroups: Set<GroupID>?
    ) -> NodeResult {
        let peeked = value.peek("id")
        let generic =
            peeked.map { Words(vi: "mục '\($0)'", en: "node '\($0)'") } ?? Words(vi: "một mục", en: "a node")
        let subject = peeked.map { Diagnostic.Subject.node(NodeID($0)) }
        guard let fields = self.fields(value, of: generic, allowed: Self.nodeKeys, subject: subject) else {
            return NodeResult()
        }
        var nodeID: NodeID?
        if let idValue = fields["id"] {
            if let text = id(idValue, of: generic, syntax: .node, subject: subject) {
                nodeID = NodeID(text)
                // Take the table out of `self` while `unique` (a mutating method) adds to it: a copy that still
                // shared its storage with `seenNodes` was copied whole on every insert, which made checking
                // quadratic in the number of nodes (50,000 indicators: 39 s).
                var seen = seenNodes
                seenNodes = [:]
                unique(text, kind: IDSyntax.node.kind, at: idValue.location, in: &seen, subject: subject)
                seenNodes = seen
            }
        } else {
            missing("id", in: fields, of: generic, subject: subject)
        }
        let isPillar = fields.has("children")
        let label =
            peeked.map {
                isPillar
                    ? Words(vi: "nhóm tiêu chí '\($0)'", en: "pillar '\($0)'")
                    : Words(vi: "tiêu chí '\($0)'", en: "indicator '\($0)'")
            } ?? generic
        var name: LocalizedText?
        if let nameValue = fields["name"] {
            name = text(nameValue, key: "name", of: label, subject: subject)
        } else {
            missing("name", in: fields, of: label, subject: subject)
        }
        var description: LocalizedText?
        if let descriptionValue = fields["description"] {
            description = text(descriptionValue, key: "description", of: label, subject: subject)
        }
        var weight: Double? = 1
        if let weightValue = fields["weight"] {
            weight = number(weightValue, key: "weight", of: label, subject: subject)
            if let w = weight, w < 0 {
                error(
                    .negativeWeight, at: weightValue.location, subject: subject,
                    Words(
                        vi: "\(label.vi) có trọng số âm \(w.plain)",
                        en: "\(label.en) has a negative weight \(w.plain)"),
                    hint: Words(
                        vi: "ghi trọng số từ 0 trở lên (0: hiển thị mục mà không tính điểm)",
                        en: "use a weight of 0 or more (0 shows the node without scoring it)"))
                weight = nil
            }
        }
        let (appliesTo, groups) = readAppliesTo(
            fields, of: label, subject: subject, parent: parent, parentGroups: parentGroups)

        var result = NodeResult(weight: weight)
        var kind: Node.Kind?
        if isPillar {
            for key in Self.indicatorKeys {
                guard let at = fields.keyLocation(key) else { continue }
                error(
                    .unknownKey, at: at, subject: subject,
                    Words(
                        vi: "khóa '\(key)' không dùng cho \(label.vi), vì mục này có mục con",
                        en: "'\(key)' does not apply to \(label.en), which has children"),
                    hint: Words(
                        vi: "chỉ tiêu chí (mục không có mục con) mới có value, direction, missing và score",
                        en: "only indicators (nodes without children) have value, direction, missing and score"))
            }
            var aggregate = Node.Aggregation.mean
            if let aggregateValue = fields["aggregate"],
                let word = word(
                    aggregateValue, key: "aggregate", of: label, among: Node.Aggregation.allCases, subject: subject)
            {
                aggregate = word
            }
            let children =
                fields["children"].map {
                    readChildren($0, of: nodeID ?? NodeID(peeked ?? "?"), what: label, level: level + 1, groups: groups)
                } ?? []
            if aggregate == .sum, let nodeID {
                checkSum(children, of: nodeID, expected: weight, at: fields.location, isRoot: false)
            }
            if aggregate == .bestOf, let nodeID {
                weight = checkBestOf(
                    children, of: nodeID, weight: weight, weightGiven: fields.has("weight"), at: fields.location)
                result.weight = weight
            }
            if !children.isEmpty { kind = .pillar(aggregate: aggregate, children: children.compactMap { $0.node?.id }) }
            result.subtree = children.flatMap(\.subtree)
        } else {
            if let at = fields.keyLocation("aggregate") {
                let it = peeked.map { "'\($0)'" }
                error(
                    .unknownKey, at: at, subject: subject,
                    Words(
                        vi: "khóa 'aggregate' không dùng cho \(label.vi), vì mục này không có mục con",
                        en: "'aggregate' does not apply to \(label.en), which has no children"),
                    hint: Words(
                        vi: "xóa `aggregate:`, hoặc thêm `children:` để \(it ?? "mục này") thành nhóm tiêu chí",
                        en: "remove `aggregate:`, or add `children:` to make \(it ?? "it") a pillar"))
            }
            if let indicator = readIndicator(fields, id: nodeID, label: label, weight: weight, subject: subject) {
                kind = .indicator(indicator)
            }
        }
        if let nodeID, let name, let kind {
            let node = Node(
                id: nodeID, name: name, description: description, weight: weight ?? 0, kind: kind,
                appliesTo: appliesTo, parent: parent, level: level, source: fields.location)
            result.node = node
            result.subtree.insert(node, at: 0)
        }
        return result
    }

    /// Reads `applies_to`; returns the set as written and the groups the node's children inherit.
    private mutating func readAppliesTo(
        _ fields: Fields, of label: Words, subject: Diagnostic.Subject?, parent: NodeID, parentGroups: Set<GroupID>?
    ) -> (Set<GroupID>?, Set<GroupID>?) {
        guard let value = fields["applies_to"], let items = list(value, key: "applies_to", of: label) else {
            return (nil, parentGroups)
        }
        if items.isEmpty {
            error(
                .invalidValue, at: value.location, subject: subject,
                Words(
                    vi: "'applies_to' của \(label.vi) là danh sách trống",
                    en: "'applies_to' of \(label.en) is an empty list"),
                hint: Words(
                    vi: "liệt kê các khối được chấm mục này, hoặc xóa `applies_to:` để chấm cho mọi khối",
                    en: "list the groups the node is scored for, or remove `applies_to:` to score it for every group"))
            return (nil, parentGroups)
        }
        let known = groups.isEmpty ? [GroupID.all.rawValue] : groups.map(\.id.rawValue)
        var set: Set<GroupID> = []
        for item in items {
            guard let text = item.string else {
                let found = item.summary
                error(
                    .invalidValue, at: item.location, subject: subject,
                    Words(
                        vi: "'applies_to' của \(label.vi) phải liệt kê mã khối, không phải \(found.vi)",
                        en: "'applies_to' of \(label.en) must list group ids, not \(found.en)"),
                    hint: Words(vi: "ghi `applies_to: [department]`", en: "write `applies_to: [department]`"))
                continue
            }
            guard known.contains(text) else {
                let list = known.joined(separator: ", ")
                error(
                    .unknownGroup, at: item.location, subject: subject,
                    Words(
                        vi: "không có khối '\(text)' (trong 'applies_to' của \(label.vi))",
                        en: "unknown group '\(text)' in 'applies_to' of \(label.en)"),
                    hint: suggestion(for: text, among: known)
                        ?? (groups.isEmpty
                            ? Words(
                                vi: "bộ tiêu chí chưa khai báo khối nào; khai báo các khối trong `groups:`",
                                en: "the framework defines no groups; declare them under `groups:`")
                            : Words(vi: "các khối là \(list)", en: "the groups are \(list)")))
                continue
            }
            let group = GroupID(text)
            if let parentGroups, !parentGroups.contains(group) {
                warning(
                    .unknownGroup, at: item.location, subject: subject,
                    Words(
                        vi: "\(label.vi) áp dụng cho khối '\(text)', nhưng mục cha '\(parent)' thì không",
                        en: "\(label.en) applies to group '\(text)', but its parent '\(parent)' does not"),
                    hint: Words(
                        vi: "mục này sẽ không bao giờ được chấm cho '\(text)'; xóa '\(text)' ở đây "
                            + "hoặc thêm vào applies_to của mục cha",
                        en:
                            "the node is never scored for '\(text)'; "
                            + "remove it here or add it to the parent's applies_to"
                    ))
            }
            set.insert(group)
        }
        return (set, set)
    }

    /// Reads an indicator's value, direction, missing policy and rules, and checks the rules against it.
    private mutating func readIndicator(
        _ fields: Fields, id nodeID: NodeID?, label: Words, weight: Double?, subject: Diagnostic.Subject?
    ) -> Indicator? {
        var direction = defaults.direction ?? .higher
        if let directionValue = fields["direction"] {
            let among = [Direction.higher, .lower]
            if let word = word(directionValue, key: "direction", of: label, among: among, subject: subject) {
                direction = word
            }
        }
        var missingPolicy = defaults.missing ?? .zero
        if let missingValue = fields["missing"] {
            let among = MissingPolicy.allCases
            if let word = word(missingValue, key: "missing", of: label, among: among, subject: subject) {
                missingPolicy = word
            }
        }
        guard let nodeID else { return nil }

        var value: Expression?
        var valueLocation = fields.location
        if let valueValue = fields["value"] {
            valueLocation = valueValue.location
            value = expression(valueValue, key: "value", of: label, role: .value(nodeID))
        } else if variables[VariableID(nodeID.rawValue)] != nil {
            let expression = Expression.variable(VariableID(nodeID.rawValue))
            expressionSites.append(
                ExpressionSite(expression: expression, role: .value(nodeID), textStart: nil, location: fields.location))
            value = expression
        } else {
            let lastPart = nodeID.rawValue.split(separator: ".").last.map(String.init) ?? nodeID.rawValue
            let ids = variables.keys.map(\.rawValue)
            let hint: Words
            if ids.contains(lastPart) {
                hint = Words(vi: "thêm `value: \(lastPart)`", en: "add `value: \(lastPart)`")
            } else if let close = closest(to: nodeID.rawValue, among: ids) ?? closest(to: lastPart, among: ids) {
                hint = Words(vi: "có phải ý bạn là `value: \(close)`?", en: "did you mean `value: \(close)`?")
            } else {
                hint = Words(
                    vi:
                        "thêm `value:` với một biểu thức tính từ các biến số liệu, "
                        + "hoặc khai báo biến số liệu '\(nodeID)'",
                    en: "add `value:` with an expression over variables, or declare a variable '\(nodeID)'")
            }
            error(
                .unknownVariable, at: fields.location, subject: subject,
                Words(
                    vi: "tiêu chí '\(nodeID)' không có giá trị: không có biến số liệu '\(nodeID)'",
                    en: "indicator '\(nodeID)' has no value: there is no variable '\(nodeID)'"),
                hint: hint)
        }

        var rules: [ParsedRule]?
        var inherited = false
        if let scoreValue = fields["score"] {
            rules = readRules(scoreValue, of: label, subject: subject)
        } else if let defaultRules = defaults.score {
            rules = defaultRules
            inherited = true
        } else if defaults.scoreLocation == nil {
            error(
                .missingKey, at: fields.location, subject: subject,
                Words(vi: "\(label.vi) chưa có cách chấm điểm 'score'", en: "\(label.en) has no 'score'"),
                hint: Words(
                    vi: "thêm `score: {rule: …}` cho tiêu chí, hoặc một `score:` mặc định trong `defaults:`",
                    en: "add `score: {rule: …}` to the indicator, or a default `score:` under `defaults:`"))
        }
        guard let value, let rules else { return nil }
        if let weight {
            checkRules(
                rules, of: nodeID, weight: weight, value: value, valueLocation: valueLocation,
                nodeLocation: fields.location, inherited: inherited)
        }
        return Indicator(value: value, direction: direction, missing: missingPolicy, rules: rules.map(\.rule))
    }
}
