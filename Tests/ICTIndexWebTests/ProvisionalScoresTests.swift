@testable import ICTIndexWeb
import ICTIndexCore
import ICTIndexCriteria
import OrderedCollections
import ICTIndexService
import ICTIndexStorage
import Synchronization
import Testing

@Suite struct ProvisionalScoresTests {
    @Test("requests answered together get exactly the engine's result over every unit's self-assessed values")
    func concurrent() async throws {
        let fixture = try WebFixture()
        let database = fixture.database
        let framework = try CriteriaSource.load(path: WebFixture.criteria).0.framework
        let all = try database.dataset(forPeriod: "2025", sources: [.selfAssessed]).dataset
        let expected = try Engine(framework: framework).score(all)
        let scores = ProvisionalScores(database: database, peerValuesMaxAge: 10)
        let units = Array(all.units.values.filter { !all.entries(of: $0.code).isEmpty }.prefix(24))
        #expect(units.count == 24)
        let results = try await withThrowingTaskGroup(of: (UnitCode, UnitResult?).self) { group in
            for unit in units {
                let own = try database.dataset(forPeriod: "2025", unit: unit, sources: [.selfAssessed]).entries(of: unit.code)
                group.addTask {
                    (unit.code, try await scores.result(of: unit, own: own, period: "2025", framework: framework))
                }
            }
            var results: [UnitCode: UnitResult?] = [:]
            for try await (code, result) in group { results[code] = result }
            return results
        }
        for unit in units {
            let result = try #require(results[unit.code] ?? nil)
            #expect(result.published == expected.result(for: unit.code)?.published)
            #expect(result.rank == expected.result(for: unit.code)?.rank)
        }
        let (scorings, answered) = scores.counts.withLock { ($0.scorings, $0.answered) }
        #expect(answered == 24 && scorings >= 1 && scorings <= 24)
    }
}
