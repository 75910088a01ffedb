import ICTIndexCore
import ICTIndexTestSupport
import OrderedCollections
import Testing

/// The light accessors of ``NodeResults`` that the reports read for every cell agree with the full ``NodeResult``.
@Suite struct ScoreboardTests {
    @Test("applies, effective weight, points, counted value and rank read straight from the run equal NodeResult's")
    func lightAccessors() throws {
        // Given the tiny framework with gov.apps skipped when missing, and C (commune: gov.portal does not apply)
        // without apps
        var framework = ExampleIndex.tiny
        let apps = try #require(framework.nodes["gov.apps"])
        guard case .indicator(var indicator) = apps.kind else {
            Issue.record("gov.apps is not an indicator")
            return
        }
        indicator.missing = .skip
        framework.nodes["gov.apps"]?.kind = .indicator(indicator)
        let scoreboard = try Engine(framework: framework).score(ExampleIndex.tinyData)
        var checked = (notApplicable: 0, skipped: 0)
        for unit in scoreboard.units {
            for index in unit.nodes.indices {
                let full = unit.nodes[index]
                #expect(unit.nodes.applies(at: index) == (full.status != .notApplicable))
                #expect(unit.nodes.effectiveWeight(at: index) == full.effectiveWeight)
                #expect(unit.nodes.points(at: index) == full.points)
                #expect(unit.nodes.countedValue(at: index) == (full.counts ? full.value : nil))
                #expect(unit.nodes.rank(at: index) == full.rank)
                if full.status == .notApplicable { checked.notApplicable += 1 }
                if full.status == .skipped { checked.skipped += 1 }
            }
        }
        // Then both kinds of "does not count" were among the cases compared
        #expect(checked.notApplicable == 1)
        #expect(checked.skipped == 1)
    }
}
