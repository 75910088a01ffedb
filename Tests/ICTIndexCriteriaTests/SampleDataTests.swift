import Foundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexTestSupport
import Testing

/// The shipped criteria score the bundled samples without a single problem.
@Suite struct SampleDataTests {
    let root = CommandRunner.repositoryRoot

    func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func score(_ criteria: String, units: String, values: String, period: String) throws -> Scoreboard {
        let framework = try FrameworkLoader().load(path: root.appendingPathComponent(criteria).path).framework
        let reader = DataFileReader(framework: framework)
        let listed = try reader.readUnits(try text(units), file: units)
        let dataset = try reader.readValues(try text(values), file: values, units: listed, period: period)
            .restricted(toPeriod: period)
        return try Engine(framework: framework).score(dataset)
    }

    @Test("the sample province scores in both periods, before and after the 2025 mergers", arguments: [
        ("values-2024.csv", "2024", 19, 60), ("values-2025.csv", "2025", 14, 40), ("values-2025-self.csv", "2025", 14, 40),
    ])
    func sampleProvince(file: String, period: String, departments: Int, communes: Int) throws {
        let board = try score(
            "Criteria/vn-province-agencies.yaml", units: "Examples/sample-province/units.csv",
            values: "Examples/sample-province/\(file)", period: period)
        #expect(board.diagnostics.isEmpty, "\(board.diagnostics)")
        let groups = Dictionary(grouping: board.units, by: \.unit.group)
        #expect(groups["department"]?.count == departments)
        #expect(groups["commune"]?.count == communes)
        #expect(groups["special"]?.allSatisfy { $0.rank == nil && $0.score != nil } == true)
        // Every band occurs among the communes, and every ranked unit has a score and a rank.
        #expect(Set(groups["commune"]?.compactMap { $0.band?.id.rawValue } ?? []) == ["good", "fair", "average", "weak"])
        #expect(board.units.filter { $0.unit.group != "special" }.allSatisfy { $0.rank != nil })
    }

    @Test("appraisal lowers what agencies claimed: self-assessed 2025 scores are never below appraised ones")
    func selfAssessedAboveAppraised() throws {
        let appraised = try score(
            "Criteria/vn-province-agencies.yaml", units: "Examples/sample-province/units.csv",
            values: "Examples/sample-province/values-2025.csv", period: "2025")
        let claimed = try score(
            "Criteria/vn-province-agencies.yaml", units: "Examples/sample-province/units.csv",
            values: "Examples/sample-province/values-2025-self.csv", period: "2025")
        var higher = 0
        for result in appraised.units {
            let own = try #require(claimed.result(for: result.unit.code)?.score)
            let final = try #require(result.score)
            if own > final + 1e-9 { higher += 1 }
        }
        #expect(higher > 5)
    }

    @Test("the 34 provinces score with the ICT Index framework")
    func provinces() throws {
        let board = try score(
            "Criteria/vn-ict-index.yaml", units: "Examples/sample-provinces/units.csv",
            values: "Examples/sample-provinces/values-2025.csv", period: "2025")
        #expect(board.units.count == 34)
        #expect(board.diagnostics.isEmpty)
        #expect(board.units.compactMap(\.rank).sorted().first == 1)
        #expect(board.units.allSatisfy { ($0.published ?? -1) >= 0 && ($0.published ?? 2) <= 1 })
    }

    @Test("a 2024 commune's row in the 2025 file is refused, naming its successor")
    func mergedUnitInLaterPeriod() throws {
        let framework = try FrameworkLoader().load(
            path: root.appendingPathComponent("Criteria/vn-province-agencies.yaml").path
        ).framework
        let reader = DataFileReader(framework: framework)
        let units = try reader.readUnits(try text("Examples/sample-province/units.csv"), file: "units.csv")
        let merged = try #require(units.first { $0.successor != nil && $0.group == "commune" })
        let dataset = try reader.readValues(
            "unit,staff,staff.evidence\n\(merged.code),12,bc.pdf\n", file: "late.csv", units: units, period: "2025")
        #expect(throws: ValidationFailure.self) { try dataset.restricted(toPeriod: "2025", file: "late.csv") }
        do {
            _ = try dataset.restricted(toPeriod: "2025", file: "late.csv")
        } catch {
            let successor = try #require(merged.successor)
            #expect(
                error.description == """
                    late.csv: error[D001]: unit '\(merged.code)' has values but does not exist in period 2025 \
                    (valid to \(merged.validTo ?? "")), replaced by '\(successor)'
                      hint: report the values under '\(successor)', or check --period
                    1 error
                    """)
        }
    }
}
