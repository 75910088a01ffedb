import Foundation
import Hummingbird
import HummingbirdTesting
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexService
import ICTIndexStorage
import NIOCore
import Testing

@testable import ICTIndexWeb

/// The unit page explains in plain words first: where the unit lost most points, its strongest and weakest
/// pillars against its group; the full explanation is folded.
@Suite struct UnitWhyTests {
    @Test("the unit page lists the indicators where the unit lost most points, with its value and the group's mean")
    func lostPoints() async throws {
        let fixture = try WebFixture()
        let framework = try CriteriaSource.load(path: WebFixture.criteria).0.framework
        let board = try Engine(framework: framework).score(try fixture.database.dataset(forPeriod: "2025").dataset)
        let code: UnitCode = "X-KYSON"
        let unit = try #require(board.result(for: code))
        // Worked out here from a fresh scoring: max points − points per counted indicator, largest first.
        var losses: [(node: Node, lost: Double, points: Double, max: Double)] = []
        for node in framework.indicators {
            let i = try #require(board.index(of: node.id))
            guard let points = unit.nodes[i].points else { continue }
            let most: Double = unit.nodes[i].effectiveWeight * framework.scale
            let lost: Double = most - points
            if lost > 1e-9 { losses.append((node, lost, points, most)) }
        }
        losses.sort { $0.lost != $1.lost ? $0.lost > $1.lost : $0.node.id < $1.node.id }
        #expect(losses.count >= 5)
        let expected = Array(losses.prefix(5))
        try await fixture.test { client in
            let leader = try await Browser.login(client, "leader")
            let html = String(buffer: try await leader.get(client, "/units/\(code)?period=2025").body)
            let why = try #require(html.components(separatedBy: "<h2>Mất nhiều điểm nhất ở</h2>").dropFirst().first)
            let table = why.components(separatedBy: "</table>")[0]
            let rows = table.components(separatedBy: "<tr><td>").dropFirst()
            #expect(rows.count == 5)
            for (row, loss) in zip(rows, expected) {
                #expect(row.contains("\(loss.node.name.vi)</td>"), "\(loss.node.id)")
                #expect(
                    row.contains(
                        "<td class=\"num\"><strong>\(NumberFormatting.fixed(loss.points, decimals: 2))</strong> / \(NumberFormatting.fixed(loss.max, decimals: 2))</td>"
                    ))
            }
            // The strongest and weakest pillars against the commune group, then the explanation folded.
            #expect(why.contains("<li>Mạnh nhất so với khối: <strong>"))
            #expect(why.contains("<li>Yếu nhất so với khối: <strong>"))
            #expect(why.contains("(khối UBND cấp xã: "))
            #expect(html.contains("<details><summary>Mở để xem cách tính từng điểm</summary><pre class=\"explain\">"))
            #expect(
                try #require(html.range(of: "Mất nhiều điểm nhất ở")).lowerBound
                    < #require(html.range(of: "<details>")).lowerBound)
            let english = String(buffer: try await leader.get(client, "/units/\(code)?period=2025&lang=en").body)
            #expect(english.contains("<h2>Where most points were lost</h2>"))
            #expect(english.contains("<summary>Open to see how every point was computed</summary>"))
        }
    }

    @Test("values read as the criteria mean them: a ratio as a percentage, a count with its unit")
    func values() throws {
        let ratio = Node(
            id: "a", name: "A", kind: .indicator(Indicator(value: .variable("a"), rules: [.ratio(percent: false)])))
        let percent = Node(
            id: "b", name: "B", kind: .indicator(Indicator(value: .variable("b"), rules: [.ratio(percent: true)])))
        let count = Node(
            id: "c", name: "C", kind: .indicator(Indicator(value: .variable("c"), rules: [.linear(from: 0, to: 5)])))
        #expect(UnitWhy.valueText(0.1234, node: ratio, unit: nil) == "12.3 %")
        #expect(UnitWhy.valueText(48, node: percent, unit: "%") == "48 %")
        #expect(UnitWhy.valueText(3, node: count, unit: "cuộc") == "3 cuộc")
        #expect(UnitWhy.valueText(2.456, node: count, unit: nil) == "2.46")
        #expect(UnitWhy.valueText(nil, node: count, unit: "cuộc") == "—")
    }
}
