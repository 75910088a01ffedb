import OrderedCollections
import ICTIndexCore

/// What a unit's template holds, and where: the variables it asks for, the derived variables and the nodes it
/// computes, each with its row. The workbook is written from the plan and read back against it, so both agree
/// on every address.
struct TemplatePlan: Sendable {
    /// A node of the unit's tree, in pre-order (root first), with its depth.
    struct PlannedNode: Sendable {
        var node: Node
        var depth: Int
        /// The applicable children, by index into ``TemplatePlan/nodes``.
        var children: [Int]
        /// Why the workbook does not compute the node, or nil when it does (pillars always compute).
        var departmentScored: Bool
    }

    let framework: Framework
    let group: GroupID
    /// Reported variables that apply to the unit's group, in the framework's order: one input row each.
    let inputs: [Variable]
    /// Derived variables the workbook computes, in dependency order.
    let derived: [Variable]
    let nodes: [PlannedNode]

    /// First data row (1-based) of the input sheet; the rows above are the title, the unit, the provisional
    /// score, a note and the header.
    static let firstInputRow = 6
    /// First data row (1-based) of the points sheet.
    static let firstPointsRow = 5
    /// First data row (1-based) of the calculation sheet.
    static let firstCalculationRow = 2

    init(framework: Framework, group: GroupID) {
        self.framework = framework
        self.group = group
        var planned: [PlannedNode] = []
        func visit(_ id: NodeID, depth: Int) -> Int {
            let node = framework.node(id)
            let index = planned.count
            planned.append(PlannedNode(node: node, depth: depth, children: [], departmentScored: false))
            var kids: [Int] = []
            for child in node.children where framework.nodeApplies(child, to: group) {
                kids.append(visit(child, depth: depth + 1))
            }
            planned[index].children = kids
            if let indicator = node.indicator {
                planned[index].departmentScored = !Self.isComputable(indicator, framework: framework)
            }
            return index
        }
        _ = visit(framework.rootID, depth: 0)
        nodes = planned

        // Variables: those the applicable indicators and the deductions use, through derived variables; and
        // variables no node uses at all (collected for information).
        var used = Set<VariableID>()
        var pending: [VariableID] = []
        for planned in planned { if let indicator = planned.node.indicator { pending += indicator.value.variables } }
        for deduction in framework.deductions { pending += deduction.points.variables }
        while let id = pending.popLast() {
            guard used.insert(id).inserted, let formula = framework.variables[id]?.formula else { continue }
            pending += formula.variables
        }
        var referencedAnywhere = Set<VariableID>()
        for node in framework.nodes.values { if let i = node.indicator { referencedAnywhere.formUnion(i.value.variables) } }
        for deduction in framework.deductions { referencedAnywhere.formUnion(deduction.points.variables) }
        for variable in framework.variables.values { if let f = variable.formula { referencedAnywhere.formUnion(f.variables) } }
        inputs = framework.variables.values.filter {
            !$0.isDerived && (used.contains($0.id) || !referencedAnywhere.contains($0.id))
        }
        derived = framework.derivedVariableOrder().compactMap { used.contains($0) ? framework.variables[$0] : nil }
    }

    /// Whether the workbook can compute an indicator as the engine does: no rule needs other units, the
    /// value's formula fits Excel's limits, and `choice` comes first when the value is a choice variable.
    static func isComputable(_ indicator: Indicator, framework: Framework) -> Bool {
        if indicator.rules.contains(where: \.isPeerRelative) { return false }
        let isChoice = indicator.value.isSingleVariable.flatMap { framework.variables[$0] }?.kind == .choice
        for (r, rule) in indicator.rules.enumerated() {
            if case .choice = rule, !(isChoice && r == 0) { return false }
        }
        if isChoice { return indicator.rules.first.map { if case .choice = $0 { true } else { false } } ?? false }
        return indicator.value.spreadsheetFormula(reference: { _ in "A1" }) != nil
    }

    // MARK: - Rows

    /// The 1-based row of an input variable on the input sheet.
    func inputRow(_ index: Int) -> Int { Self.firstInputRow + index }

    /// The 1-based row of a variable (input, then derived) on the calculation sheet.
    func variableCalculationRow(_ index: Int) -> Int { Self.firstCalculationRow + index }

    /// The 1-based row of a node on the calculation sheet (after the variables).
    func nodeCalculationRow(_ index: Int) -> Int { Self.firstCalculationRow + inputs.count + derived.count + index }

    /// The 1-based row of a deduction on the calculation sheet (after the nodes).
    func deductionCalculationRow(_ index: Int) -> Int { nodeCalculationRow(nodes.count) + index }

    /// The 1-based row of the total on the calculation sheet (after the deductions).
    var totalCalculationRow: Int { deductionCalculationRow(framework.deductions.count) }

    /// The 1-based row of a node on the points sheet.
    func nodePointsRow(_ index: Int) -> Int { Self.firstPointsRow + index }

    /// The 1-based row of a deduction on the points sheet (after the nodes).
    func deductionPointsRow(_ index: Int) -> Int { Self.firstPointsRow + nodes.count + index }
}
