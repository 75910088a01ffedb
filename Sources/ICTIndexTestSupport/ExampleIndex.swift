public import ICTIndexCore
import OrderedCollections

/// Small frameworks and datasets for tests, with their expected scores worked out by hand.
///
/// `ExampleIndex.tiny` plays the role of COINr's `build_example_coin`: 3 units, 6 indicators,
/// two groups, every kind of award, one not-applicable indicator and one missing value.
public enum ExampleIndex {
    /// A variable reference, as an expression.
    public static func v(_ id: String) -> Expression { .variable(VariableID(id)) }

    /// Parses an expression that is known to be valid.
    ///
    /// - Precondition: the text parses.
    public static func expr(_ text: String) -> Expression {
        do {
            return try Expression.parse(text)
        } catch {
            preconditionFailure("test expression \(text) does not parse: \(error)")
        }
    }

    /// An indicator node.
    public static func indicator(
        _ id: String, weight: Double = 1, value: Expression? = nil, direction: Direction = .higher,
        missing: MissingPolicy = .zero, rules: [ScoringRule], appliesTo: Set<GroupID>? = nil
    ) -> Node {
        Node(
            id: NodeID(id), name: LocalizedText(vi: id), weight: weight,
            kind: .indicator(
                Indicator(
                    value: value ?? .variable(VariableID(id)), direction: direction, missing: missing, rules: rules)),
            appliesTo: appliesTo)
    }

    /// A pillar node.
    public static func pillar(
        _ id: String, weight: Double = 1, aggregate: Node.Aggregation = .mean, children: [Node],
        appliesTo: Set<GroupID>? = nil
    ) -> [Node] {
        let head = Node(
            id: NodeID(id), name: LocalizedText(vi: id), weight: weight,
            kind: .pillar(aggregate: aggregate, children: children.map(\.id)), appliesTo: appliesTo)
        return [head] + children
    }

    /// Builds a framework from a flat pre-order list of nodes whose pillars name their children,
    /// setting parents and levels.
    public static func framework(
        id: String = "test", scale: Double = 100, decimals: Int = 2, rankOn: Framework.RankOn = .rounded,
        groups: [Group] = [], bands: [Band] = [], variables: [Variable], root: Node.Aggregation = .mean,
        pillars children: [[Node]], deductions: [Deduction] = []
    ) -> Framework {
        let pillars = children.map { $0[0] }
        var nodes = [
            Node(id: "index", name: "Index", weight: scale, kind: .pillar(aggregate: root, children: pillars.map(\.id)))
        ]
        for subtree in children { nodes += subtree }
        var parent: [NodeID: NodeID] = [:]
        for node in nodes { for child in node.children { parent[child] = node.id } }
        var level: [NodeID: Int] = ["index": 0]
        for i in nodes.indices {
            nodes[i].parent = parent[nodes[i].id]
            nodes[i].level = nodes[i].parent.flatMap { level[$0].map { $0 + 1 } } ?? 0
            level[nodes[i].id] = nodes[i].level
        }
        return Framework(
            id: id, name: LocalizedText(vi: id), scale: scale, decimals: decimals, rankOn: rankOn, groups: groups,
            bands: bands, variables: variables, nodes: nodes, rootID: "index", deductions: deductions)
    }

    /// Numeric variables with these ids.
    public static func numbers(_ ids: String...) -> [Variable] {
        ids.map { Variable(id: VariableID($0), name: LocalizedText(vi: $0)) }
    }

    /// A dataset from rows of `(code, group, [variable: value])`.
    public static func dataset(_ rows: [(String, String, [String: Value])], period: String? = nil) -> Dataset {
        var dataset = Dataset(
            period: period, units: rows.map { Unit(code: UnitCode($0.0), name: $0.0, group: GroupID($0.1)) })
        for (code, _, values) in rows {
            for (variable, value) in values { dataset.set(UnitCode(code), VariableID(variable), value) }
        }
        return dataset
    }

    /// The provincial bands Tốt ≥ 85, Khá ≥ 70, Trung bình ≥ 50, Yếu.
    public static let provincialBands = [
        Band(id: "good", name: "Tốt", bound: .atLeast(85)),
        Band(id: "fair", name: "Khá", bound: .atLeast(70)),
        Band(id: "average", name: "Trung bình", bound: .atLeast(50)),
        Band(id: "weak", name: "Yếu", bound: .any),
    ]

    /// The tiny framework: infra (40: computers ratio 20, bandwidth fraction_of_max 20) and
    /// gov (60: meetings steps 20, chair choice 20, portal boolean 10 for departments only,
    /// apps linear 0→5 10). Root `sum`; groups dept and commune.
    public static var tiny: Framework {
        var chair = Variable(id: "chair", name: "Chủ trì", kind: .choice)
        chair.options = ["chair": "Chủ tịch", "deputy": "Phó Chủ tịch", "none": "Không"]
        return framework(
            id: "tiny",
            groups: [Group(id: "dept", name: "Sở"), Group(id: "commune", name: "Xã")],
            bands: provincialBands,
            variables: numbers("staff", "computers", "bandwidth", "meetings", "apps")
                + [chair, Variable(id: "portal", name: "Cổng", kind: .boolean)],
            root: .sum,
            pillars: [
                pillar(
                    "infra", weight: 40, aggregate: .sum,
                    children: [
                        indicator("infra.computers", weight: 20, value: expr("computers / staff"), rules: [.ratio(percent: false)]),
                        indicator("infra.bandwidth", weight: 20, value: v("bandwidth"), rules: [.fractionOfMax(over: .group)]),
                    ]),
                pillar(
                    "gov", weight: 60, aggregate: .sum,
                    children: [
                        indicator(
                            "gov.meetings", weight: 20, value: v("meetings"),
                            rules: [
                                .steps([
                                    .init(atLeast: 4, award: .points(20)), .init(atLeast: 3, award: .points(15)),
                                    .init(atLeast: 2, award: .points(10)), .init(atLeast: 1, award: .points(5)),
                                ])
                            ]),
                        indicator(
                            "gov.chair", weight: 20, value: v("chair"),
                            rules: [.choice(["chair": .points(20), "deputy": .points(10), "none": .score(0)])]),
                        indicator(
                            "gov.portal", weight: 10, value: v("portal"), rules: [.boolean(truePoints: nil)],
                            appliesTo: ["dept"]),
                        indicator("gov.apps", weight: 10, value: v("apps"), rules: [.linear(from: 0, to: 5)]),
                    ]),
            ])
    }

    /// Three units for ``tiny``. Expected (worked out in `EngineTests`): A 93.00 (rank 1, Tốt),
    /// B 65.00 (rank 2, Trung bình), C 36.00 (commune, rank 1, Yếu).
    public static var tinyData: Dataset {
        dataset([
            ("A", "dept", ["staff": .number(40), "computers": .number(34), "bandwidth": .number(100),
                           "meetings": .number(4), "chair": .option("chair"), "portal": .number(1), "apps": .number(3)]),
            ("B", "dept", ["staff": .number(50), "computers": .number(50), "bandwidth": .number(50),
                           "meetings": .number(3), "chair": .option("deputy"), "portal": .number(0), "apps": .number(7)]),
            ("C", "commune", ["staff": .number(20), "computers": .number(10), "bandwidth": .number(20),
                              "meetings": .number(1), "chair": .option("none")]),
        ], period: "2025")
    }
}
