import Localization
import OrderedCollections

extension Framework {
    /// The derived variables in an order where every formula comes after the variables it uses.
    ///
    /// Variables caught in a cycle (which the criteria loader reports as C010) are left out.
    /// - Complexity: O(V + E), iterative (no recursion on long chains).
    public func derivedVariableOrder() -> [VariableID] {
        let derived = variables.values.filter(\.isDerived).map(\.id)
        let isDerived = Set(derived)
        var state: [VariableID: Int] = [:]  // 1 = on the stack, 2 = done
        var order: [VariableID] = []
        for start in derived where state[start] == nil {
            var stack: [(id: VariableID, next: Int)] = [(start, 0)]
            state[start] = 1
            var cyclic = false
            while let top = stack.last {
                let deps = (variables[top.id]?.formula?.variables ?? []).filter { isDerived.contains($0) }
                if top.next < deps.count {
                    stack[stack.count - 1].next += 1
                    let dep = deps[top.next]
                    switch state[dep] {
                    case nil:
                        state[dep] = 1
                        stack.append((dep, 0))
                    case 1:
                        cyclic = true
                    default:
                        break
                    }
                } else {
                    stack.removeLast()
                    state[top.id] = 2
                    if !cyclic { order.append(top.id) }
                }
            }
        }
        return order
    }

    /// Whether a node applies to a group, taking its ancestors' `applies_to` into account.
    public func nodeApplies(_ id: NodeID, to group: GroupID) -> Bool {
        var current: NodeID? = id
        while let c = current, let node = nodes[c] {
            if !node.applies(to: group) { return false }
            current = node.parent
        }
        return true
    }

    /// Each node's effective weight when everything applies: weight ÷ the sum of its siblings'
    /// weights × the parent's effective weight (root = 1), in framework order. Under `aggregate: best_of`
    /// the divisor is the highest sibling weight, so each case's max points are its own.
    public func nominalWeights() -> [NodeID: Double] {
        var result: [NodeID: Double] = [rootID: 1]
        for node in nodes.values {
            let parentWeight = result[node.id] ?? 0
            let children = node.children.compactMap { nodes[$0] }
            let total =
                if case .pillar(.bestOf, _) = node.kind {
                    children.reduce(0) { Swift.max($0, $1.weight) }
                } else {
                    children.reduce(0) { $0 + $1.weight }
                }
            for child in children {
                result[child.id] = total > 0 ? parentWeight * child.weight / total : 0
            }
        }
        return result
    }
}
