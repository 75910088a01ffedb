import Localization
import OrderedCollections

/// The mutable state of one scoring run; turned into an immutable ``Scoreboard`` at the end.
///
/// Values are kept column-wise in flat arrays (NaN for "no value"), so that scoring 10,000 units
/// allocates a handful of arrays, not one dictionary or struct per unit and node.
struct ScoringRun: Sendable {
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
    /// Numeric values, one column per framework variable (NaN = missing).
    var numbers: [[Double]]
    /// Option ids of choice variables, one column per framework variable (empty for other kinds).
    var options: [[String?]]
    var results: ResultStorage
    var deductions: [[DeductionResult]]
    var scores: [Double?]
    var published: [Double?]
    var ranks: [Int?]
    var rankedCounts: [Int]
    var peerStatistics: [PeerKey: PeerStatistics] = [:]
    var diagnostics: [Diagnostic] = []
    /// Under `evidence_policy: zero`, the units whose value of each required variable came without evidence
    /// (`lacksEvidence[variable][unit]`); empty under the other policies.
    var lacksEvidence: [VariableID: [Bool]] = [:]
    /// Whether the indicators and the ranks are computed on several threads.
    var concurrency: Concurrency = .automatic

    /// How a run uses the cores: ``automatic`` uses them all when a stage has at least ``parallelWork``
    /// units × nodes to compute; tests force ``sequential`` or ``parallel`` to compare the two.
    enum Concurrency: Sendable {
        case automatic, sequential, parallel
    }

    /// Units × nodes from which a stage is split over the cores. Below it, starting the second thread
    /// costs about as much as it saves (a few milliseconds of work).
    static let parallelWork = 50_000

    init(framework: Framework, dataset: Dataset) {
        self.framework = framework
        self.dataset = dataset
        nodes = Array(framework.nodes.values)
        var nodeIndex: [NodeID: Int] = [:]
        for (i, n) in nodes.enumerated() { nodeIndex[n.id] = i }
        self.nodeIndex = nodeIndex
        children = nodes.map { $0.children.compactMap { nodeIndex[$0] } }
        units = dataset.units.values.elements  // the dataset's array, shared rather than copied unit by unit
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
        let unitCount = units.count
        var numbers = [[Double]](repeating: [], count: variableIDs.count)
        var options = [[String?]](repeating: [], count: variableIDs.count)
        for (i, id) in variableIDs.enumerated() {
            if framework.variables[id]?.kind == .choice {
                var chosen = [String?](repeating: nil, count: unitCount)
                for (u, value) in dataset.values(of: id).enumerated() where u < unitCount {
                    if case .option(let o)? = value { chosen[u] = o }
                }
                options[i] = chosen
            }
            var values = dataset.numbers(of: id)
            if values.count < unitCount {
                values.append(contentsOf: repeatElement(.nan, count: unitCount - values.count))
            } else if values.count > unitCount {
                values.removeLast(values.count - unitCount)
            }
            numbers[i] = values
        }
        self.numbers = numbers
        self.options = options
        if framework.evidencePolicy == .zero {
            for variable in framework.variables.values where variable.evidence == .required {
                var lacking = [Bool](repeating: false, count: unitCount)
                var any = false
                for (u, value) in dataset.values(of: variable.id).enumerated() where u < unitCount && value != nil {
                    let evidence = dataset[units[u].code, variable.id]?.evidence ?? ""
                    if evidence.allSatisfy(\.isWhitespace) {
                        lacking[u] = true
                        any = true
                    }
                }
                if any { lacksEvidence[variable.id] = lacking }
            }
        }
        let nominalByID = framework.nominalWeights()
        results = ResultStorage(
            unitCount: unitCount, nodeCount: nodes.count, decimals: framework.decimals,
            nominal: nodes.map { nominalByID[$0.id] ?? 0 })
        deductions = Array(repeating: [], count: unitCount)
        scores = Array(repeating: nil, count: unitCount)
        published = Array(repeating: nil, count: unitCount)
        ranks = Array(repeating: nil, count: unitCount)
        rankedCounts = Array(repeating: 0, count: unitCount)
    }

    func nodeApplies(_ n: Int, unit u: Int) -> Bool {
        let g = unitGroup[u]
        return g >= 0 && applies[n * groupIDs.count + g]
    }

    /// The position of node n of unit u in the result columns: node-major, so that the stages,
    /// which go node by node over every unit, read and write contiguous memory.
    @inline(__always)
    func slot(_ u: Int, _ n: Int) -> Int { n * units.count + u }

    /// The numeric columns an expression's variables refer to, by position in `expression.variables`.
    func columns(of expression: Expression) -> [Int] {
        expression.variables.map { variableIndex[$0] ?? -1 }
    }

    /// Evaluates an expression for one unit, its variables resolved to columns by ``columns(of:)``.
    func evaluate(_ expression: Expression, columns: [Int], unit u: Int) -> ExpressionResult {
        // The closure takes the one array it reads, not `self`: capturing `self` copied the whole run (two dozen
        // references retained and released) for every unit.
        let numbers = numbers
        return expression.evaluateSlots { i in
            let c = columns[i]
            guard c >= 0 else { return nil }
            let x = numbers[c][u]
            return x.isNaN ? nil : x
        }
    }

    // MARK: - Stages

    mutating func checkGroups() {
        for (u, unit) in units.enumerated() where unitGroup[u] < 0 {
            let known = groupIDs.map(\.rawValue)
            let list = known.joined(separator: ", ")
            let hint: Words
            if let near = Suggestion.suggestion(for: unit.group.rawValue, among: known) {
                hint = Words(vi: "\(near.vi) Các khối là: \(list)", en: "\(near.en) the groups are: \(list)")
            } else {
                hint = Words(vi: "các khối là: \(list)", en: "the groups are: \(list)")
            }
            diagnostics.append(
                .error(
                    .unknownUnitGroup, subject: .unit(unit.code),
                    Words(
                        vi: "đơn vị '\(unit.code)' thuộc khối '\(unit.group)', mà bộ tiêu chí '\(framework.id)' "
                            + "không có khối này",
                        en: "unit '\(unit.code)' is in group '\(unit.group)', which framework '\(framework.id)' does "
                            + "not define"),
                    hint: hint))
        }
    }

    mutating func computeDerivedVariables() {
        for id in framework.derivedVariableOrder() {
            guard let i = variableIndex[id], let formula = framework.variables[id]?.formula else { continue }
            let columns = columns(of: formula)
            var dividedByZero: [UnitCode] = []
            var computed = [Double](repeating: .nan, count: units.count)
            for u in units.indices {
                switch evaluate(formula, columns: columns, unit: u) {
                case .value(let x): computed[u] = x
                case .missing: break
                case .divisionByZero: dividedByZero.append(units[u].code)
                }
            }
            numbers[i] = computed
            if !dividedByZero.isEmpty {
                diagnostics.append(
                    .warning(
                        .divisionByZero, at: framework.variables[id]?.source, subject: .variable(id),
                        Words(
                            vi: "biến '\(id)' (\(formula.source)) chia cho 0 ở \(Self.list(dividedByZero).vi); "
                                + "giá trị ở đó bị thiếu",
                            en: "variable '\(id)' (\(formula.source)) divides by zero for "
                                + "\(Self.list(dividedByZero).en); its value is missing there"),
                        hint: Words(
                            vi: "hãy kiểm tra số liệu của các đơn vị đó, hoặc chặn phép chia cho 0 trong công thức, "
                                + "ví dụ if(b > 0, a / b, 0)",
                            en: "check those units' inputs, or guard the formula, e.g. if(b > 0, a / b, 0)")))
            }
        }
    }

    /// "unit 'A'" or "7 units: 'A', 'B', 'C', 'D', 'E' and 2 more" ("đơn vị 'A'", "7 đơn vị: … và 2 đơn vị khác").
    static func list(_ codes: [UnitCode], limit: Int = 5) -> Words {
        let shown = codes.prefix(limit).map { "'\($0)'" }.joined(separator: ", ")
        let rest = codes.count - limit
        return Words(
            vi: "\(codes.count == 1 ? "đơn vị" : "\(codes.count) đơn vị:") \(shown)"
                + (rest > 0 ? " và \(rest) đơn vị khác" : ""),
            en: "\(codes.count == 1 ? "unit" : "\(codes.count) units:") \(shown)"
                + (rest > 0 ? " and \(rest) more" : ""))
    }
}

/// A buffer that the iterations of `DispatchQueue.concurrentPerform` write, each at its own positions.
///
/// `@unchecked Sendable` without a lock: it is safe because the iterations write disjoint positions (each
/// user says which) and nobody reads the buffer before `concurrentPerform` returns, which waits for every
/// iteration. The buffer's owner keeps it alive (`withUnsafeMutableBufferPointer`) for that time.
struct DisjointWrites<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>

    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        self.buffer = buffer
    }

    subscript(i: Int) -> Element {
        get { buffer[i] }
        nonmutating set { buffer[i] = newValue }
    }
}
