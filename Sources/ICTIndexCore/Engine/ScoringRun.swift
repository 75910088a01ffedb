import OrderedCollections

/// The mutable state of one scoring run; turned into an immutable ``Scoreboard`` at the end.
///
/// Values are kept in flat arrays indexed `[unit * count + item]`, so that scoring 10,000 units
/// allocates a handful of arrays, not one dictionary per unit.
struct ScoringRun {
    let framework: Framework
    let dataset: Dataset
    let nodes: [Node]
    let nodeIndex: [NodeID: Int]
    let children: [[Int]]
    let units: [Unit]
    let groupIDs: [GroupID]
    /// The group index of each unit (−1 when unknown).
    var unitGroup: [Int]
    /// Whether node n applies to group g: `applies[n * groupCount + g]`.
    let applies: [Bool]
    let variableIDs: [VariableID]
    let variableIndex: [VariableID: Int]
    /// Numeric variable values, `[unit * variableCount + variable]`.
    var numbers: [Double?]
    /// Option ids of choice variables, `[unit * variableCount + variable]`.
    var options: [String?]
    /// Node results, `[unit * nodeCount + node]`.
    var results: [NodeResult]
    var deductions: [[DeductionResult]]
    var scores: [Double?]
    var published: [Double?]
    var ranks: [Int?]
    var rankedCounts: [Int]
    var peerStatistics: [PeerKey: PeerStatistics] = [:]
    var diagnostics: [Diagnostic] = []
    let nominal: [Double]

    init(framework: Framework, dataset: Dataset) {
        self.framework = framework
        self.dataset = dataset
        nodes = Array(framework.nodes.values)
        var nodeIndex: [NodeID: Int] = [:]
        for (i, n) in nodes.enumerated() { nodeIndex[n.id] = i }
        self.nodeIndex = nodeIndex
        children = nodes.map { $0.children.compactMap { nodeIndex[$0] } }
        units = Array(dataset.units.values)
        groupIDs = Array(framework.groups.keys)
        var groupIndex: [GroupID: Int] = [:]
        for (i, g) in groupIDs.enumerated() { groupIndex[g] = i }
        unitGroup = units.map { groupIndex[$0.group] ?? -1 }
        var applies: [Bool] = []
        applies.reserveCapacity(nodes.count * groupIDs.count)
        for node in nodes {
            for g in groupIDs { applies.append(framework.nodeApplies(node.id, to: g)) }
        }
        self.applies = applies
        variableIDs = Array(framework.variables.keys)
        var variableIndex: [VariableID: Int] = [:]
        for (i, v) in variableIDs.enumerated() { variableIndex[v] = i }
        self.variableIndex = variableIndex
        let v = variableIDs.count
        numbers = [Double?](repeating: nil, count: units.count * v)
        options = [String?](repeating: nil, count: units.count * v)
        for (u, unit) in units.enumerated() {
            for (id, entry) in dataset.entries[unit.code] ?? [:] {
                guard let i = variableIndex[id] else { continue }
                switch entry.value {
                case .number(let x): numbers[u * v + i] = x
                case .option(let o): options[u * v + i] = o
                case .text: break
                }
            }
        }
        let empty = NodeResult(
            status: .notApplicable, input: nil, value: nil, published: nil, effectiveWeight: 0, nominalWeight: 0,
            rank: nil)
        results = [NodeResult](repeating: empty, count: units.count * nodes.count)
        deductions = Array(repeating: [], count: units.count)
        scores = Array(repeating: nil, count: units.count)
        published = Array(repeating: nil, count: units.count)
        ranks = Array(repeating: nil, count: units.count)
        rankedCounts = Array(repeating: 0, count: units.count)
        let nominalByID = framework.nominalWeights()
        nominal = nodes.map { nominalByID[$0.id] ?? 0 }
    }

    func nodeApplies(_ n: Int, unit u: Int) -> Bool {
        let g = unitGroup[u]
        return g >= 0 && applies[n * groupIDs.count + g]
    }

    subscript(unit u: Int, node n: Int) -> NodeResult {
        get { results[u * nodes.count + n] }
        set { results[u * nodes.count + n] = newValue }
    }

    /// Evaluates an expression for one unit over numeric variable values.
    func evaluate(_ expression: Expression, unit u: Int) -> ExpressionResult {
        let base = u * variableIDs.count
        if let single = expression.isSingleVariable {
            guard let i = variableIndex[single], let x = numbers[base + i] else { return .missing }
            return .value(x)
        }
        return expression.evaluate { id in
            guard let i = variableIndex[id] else { return nil }
            return numbers[base + i]
        }
    }

    // MARK: - Stages

    mutating func checkGroups() {
        for (u, unit) in units.enumerated() where unitGroup[u] < 0 {
            let known = groupIDs.map(\.rawValue)
            let suggestion = Suggestion.closest(to: unit.group.rawValue, among: known)
            diagnostics.append(
                .error(
                    .unknownUnitGroup, subject: .unit(unit.code),
                    "unit '\(unit.code)' is in group '\(unit.group)', which framework '\(framework.id)' does not define",
                    hint: (suggestion.map { "did you mean '\($0)'? " } ?? "")
                        + "the groups are: \(known.joined(separator: ", "))"))
        }
    }

    mutating func computeDerivedVariables() {
        let v = variableIDs.count
        for id in framework.derivedVariableOrder() {
            guard let i = variableIndex[id], let formula = framework.variables[id]?.formula else { continue }
            var dividedByZero: [UnitCode] = []
            for u in units.indices {
                switch evaluate(formula, unit: u) {
                case .value(let x): numbers[u * v + i] = x
                case .missing: numbers[u * v + i] = nil
                case .divisionByZero:
                    numbers[u * v + i] = nil
                    dividedByZero.append(units[u].code)
                }
            }
            if !dividedByZero.isEmpty {
                diagnostics.append(
                    .warning(
                        .divisionByZero, at: framework.variables[id]?.source, subject: .variable(id),
                        "variable '\(id)' (\(formula.source)) divides by zero for \(Self.list(dividedByZero)); "
                            + "its value is missing there",
                        hint: "check those units' inputs, or guard the formula, e.g. if(b > 0, a / b, 0)"))
            }
        }
    }

    static func list(_ codes: [UnitCode], limit: Int = 5) -> String {
        let shown = codes.prefix(limit).map { "'\($0)'" }.joined(separator: ", ")
        let rest = codes.count > limit ? " and \(codes.count - limit) more" : ""
        return "\(codes.count == 1 ? "unit" : "\(codes.count) units:") \(shown)\(rest)"
    }
}
