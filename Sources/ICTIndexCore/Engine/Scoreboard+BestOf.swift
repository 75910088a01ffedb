import Localization
import OrderedCollections

extension Scoreboard {
    /// The case that won a `best_of` node for a unit: the counting child with the most points (ties: the
    /// first in tree order), as ``Aggregation/bestOf(_:weights:)`` chose it.
    ///
    /// - Returns: The winning child's id, or nil when the node is not `best_of` or no case counts.
    public func bestCase(of node: NodeID, for unit: UnitResult) -> NodeID? {
        guard let pillar = framework.nodes[node], case .pillar(.bestOf, let children) = pillar.kind
        else { return nil }
        var ids: [NodeID] = []
        var values: [Double] = []
        var weights: [Double] = []
        for id in children {
            guard let i = index(of: id), let child = framework.nodes[id] else { continue }
            let result = unit.nodes[i]
            guard result.counts, let value = result.value else { continue }
            ids.append(id)
            values.append(value)
            weights.append(child.weight)
        }
        return Aggregation.bestOf(values, weights: weights).map { ids[$0.index] }
    }
}
