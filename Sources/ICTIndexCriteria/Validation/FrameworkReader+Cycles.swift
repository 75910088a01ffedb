import ICTIndexCore
import OrderedCollections

extension FrameworkReader {
    /// Reports every circle of derived variables whose formulas refer to each other, once each.
    ///
    /// - Complexity: O(v + e) over the derived variables and their references.
    mutating func checkFormulaCycles() {
        let order = Dictionary(uniqueKeysWithValues: variables.keys.enumerated().map { ($0.element, $0.offset) })
        var edges: [VariableID: [VariableID]] = [:]
        for variable in variables.values {
            guard let formula = variable.formula else { continue }
            edges[variable.id] = formula.variables.filter { variables[$0]?.isDerived == true }
        }
        var state: [VariableID: Bool] = [:]  // false: on the path, true: done
        var path: [VariableID] = []
        var cycles: [[VariableID]] = []
        var reported: Set<[VariableID]> = []

        func visit(_ id: VariableID) {
            state[id] = false
            path.append(id)
            for next in edges[id] ?? [] {
                switch state[next] {
                case nil:
                    visit(next)
                case false?:
                    guard let start = path.lastIndex(of: next) else { continue }
                    var cycle = Array(path[start...])
                    // Start the circle at the variable declared first, so each circle has one spelling.
                    let first = cycle.indices.min { (order[cycle[$0]] ?? 0) < (order[cycle[$1]] ?? 0) } ?? 0
                    cycle = Array(cycle[first...] + cycle[..<first])
                    if reported.insert(cycle).inserted { cycles.append(cycle) }
                case true?:
                    continue
                }
            }
            path.removeLast()
            state[id] = true
        }
        for id in variables.keys where edges[id] != nil && state[id] == nil { visit(id) }

        for cycle in cycles {
            guard let first = cycle.first else { continue }
            let site = variableSites[first]
            let circle = (cycle + [first]).map(\.rawValue).joined(separator: " → ")
            error(
                .formulaCycle, at: site?.formula?.location ?? site?.location, subject: .variable(first),
                Words(
                    vi: "các công thức tham chiếu lẫn nhau thành vòng: \(circle)",
                    en: "formulas refer to each other in a circle: \(circle)"),
                hint: Words(
                    vi: "bỏ vòng lặp: một biến số liệu tính bằng công thức không thể phụ thuộc vào chính nó, "
                        + "dù trực tiếp hay qua biến khác",
                    en: "break the circle: a derived variable cannot depend on itself, directly or through others"))
        }
    }
}
