import ICTIndexCore
import ICTIndexStorage
import OrderedCollections

/// "Why is this unit where it is", in plain words: where it lost most points, and its strongest and weakest
/// pillars against its group.
struct UnitWhy {
    /// An indicator where the unit lost points.
    struct Loss {
        var node: Node
        var pillar: Node?
        var points: Double
        var maxPoints: Double
        var value: Double?
        var groupMean: Double?
    }

    /// A pillar against the group's mean.
    struct PillarGap {
        var node: Node
        var value: Double
        var groupMean: Double
        var gap: Double { value - groupMean }
    }

    var losses: [Loss]
    var strongest: PillarGap?
    var weakest: PillarGap?

    /// The indicators where the unit lost most points (max points − points, at most `limit`, largest first),
    /// each with its value and the mean value in its group, and its pillars furthest above and below the
    /// group's mean.
    ///
    /// - Complexity: O(indicators × units).
    init(board: Scoreboard, unit: UnitResult, limit: Int = 5) {
        let framework = board.framework
        let peers = board.units.filter { $0.unit.group == unit.unit.group }
        func mean(_ position: Int, _ pick: (NodeResult) -> Double?) -> Double? {
            var sum = 0.0
            var count = 0
            for peer in peers {
                let n = peer.nodes[position]
                if n.counts, let x = pick(n) {
                    sum += x
                    count += 1
                }
            }
            return count == 0 ? nil : sum / Double(count)
        }
        var losses: [Loss] = []
        for node in framework.indicators {
            guard let i = board.index(of: node.id) else { continue }
            let n = unit.nodes[i]
            guard n.counts, let points = n.points else { continue }
            let maxPoints = board.maxPoints(n)
            guard maxPoints - points > 1e-9 else { continue }
            var pillar = node.parent.flatMap { framework.nodes[$0] }
            while let p = pillar, let parent = p.parent, parent != framework.root.id {
                pillar = framework.nodes[parent]
            }
            losses.append(
                Loss(
                    node: node, pillar: pillar, points: points, maxPoints: maxPoints, value: n.input,
                    groupMean: mean(i) { $0.input }))
        }
        losses.sort { a, b in
            let (x, y) = (a.maxPoints - a.points, b.maxPoints - b.points)
            return x != y ? x > y : a.node.id < b.node.id
        }
        self.losses = Array(losses.prefix(limit))
        var gaps: [PillarGap] = []
        for p in framework.pillars {
            guard let i = board.index(of: p.id), unit.nodes[i].counts, let v = unit.nodes[i].value,
                let m = mean(i, { $0.value })
            else { continue }
            gaps.append(PillarGap(node: p, value: v, groupMean: m))
        }
        strongest = gaps.max { $0.gap < $1.gap }
        weakest = gaps.min { $0.gap < $1.gap }
        if gaps.count < 2 { weakest = nil }
    }

    /// A value as the criteria mean it: a ratio rule's share as a percentage, anything else as a number.
    static func valueText(_ x: Double?, node: Node, unit: String?) -> String {
        guard let x else { return "—" }
        if case .indicator(let indicator) = node.kind, case .ratio(let percent) = indicator.rules.first {
            return NumberFormatting.plain(((percent ? x : x * 100) * 10).rounded() / 10) + " %"
        }
        let shown = NumberFormatting.plain((x * 100).rounded() / 100)
        return unit.map { shown + " " + $0 } ?? shown
    }
}
