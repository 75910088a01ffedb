import ICTIndexCore
import OrderedCollections

/// The fields of a self-assessment form under one heading: a pillar of the criteria tree (its name and maximum
/// points for the unit's group), or "Khác" / "Other" for the variables no indicator uses (deductions).
struct FormSection {
    /// The pillar, or nil for the fields no indicator of the unit's group uses.
    var pillar: Node?
    /// The pillar's maximum points for the unit's group: its weight ÷ the weights of the pillars that apply to
    /// the group × the scale (the unit is scored out of what applies).
    var maxPoints: Double?
    /// The fields, in the order the pillar's indicators use them (tree order; a derived variable's inputs where
    /// it is used).
    var variables: [Variable]

    /// The form's fields grouped by pillar, in tree order: a variable used by several pillars appears once,
    /// under the first; the variables no indicator uses come last, under "Khác"; empty groups are left out.
    ///
    /// - Parameters:
    ///   - framework: the criteria.
    ///   - group: the unit's group (pillars and indicators that do not apply to it give no field).
    ///   - variables: the form's fields (see `WebApp.variables(of:for:)`); every one appears exactly once.
    static func sections(of framework: Framework, for group: GroupID, variables: [Variable]) -> [FormSection] {
        let fields = Set(variables.map(\.id))
        var placed = Set<VariableID>()
        let pillars = framework.pillars.filter { framework.nodeApplies($0.id, to: group) }
        let total = pillars.reduce(0) { $0 + $1.weight }
        var sections: [FormSection] = []
        for pillar in pillars {
            var ids: [VariableID] = []
            // The reported variables an expression reads, through derived variables' formulas, in order.
            func collect(_ expression: Expression, seen: inout Set<VariableID>) {
                for id in expression.variables where seen.insert(id).inserted {
                    if let formula = framework.variables[id]?.formula {
                        collect(formula, seen: &seen)
                    } else if fields.contains(id), placed.insert(id).inserted {
                        ids.append(id)
                    }
                }
            }
            for node in framework.indicators
            where framework.nodeApplies(node.id, to: group) && framework.path(to: node.id).contains(pillar.id) {
                var seen = Set<VariableID>()
                if let value = node.indicator?.value { collect(value, seen: &seen) }
            }
            guard !ids.isEmpty else { continue }
            let maxPoints = total > 0 ? pillar.weight / total * framework.scale : nil
            sections.append(
                FormSection(pillar: pillar, maxPoints: maxPoints, variables: ids.compactMap { framework.variables[$0] })
            )
        }
        let other = variables.filter { !placed.contains($0.id) }
        if !other.isEmpty { sections.append(FormSection(pillar: nil, maxPoints: nil, variables: other)) }
        return sections
    }
}
