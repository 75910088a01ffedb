import Foundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexStorage
import OrderedCollections
import Testing

/// Runs: recording, publishing and freezing, reproducing, and changes following lineage.
@Suite struct RunTests {
    let sample: SampleProvince

    init() throws { sample = try SampleProvince() }

    @Test("a run stores every unit's result; re-scoring a published run from stored inputs is identical")
    func publishedRunReproduces() throws {
        // Given a published 2025 run
        let database = try sample.database()
        _ = try sample.run("2024", in: database)
        let run = try sample.run("2025", in: database)
        let published = try database.publish(run: run.id, who: "lãnh đạo")
        #expect(published.status == .published && published.isCurrent)
        // When it is re-scored from what the database stored (criteria text and values)
        let inputs = try database.runInputs(run.id)
        let framework = try FrameworkLoader().load(yaml: inputs.framework.yaml, file: "stored").framework
        let again = try Engine(framework: framework).score(inputs.dataset)
        // Then every score, rank, band and node is identical, bit for bit
        let stored = try database.run(run.id)
        #expect(stored.results.count == 56)
        #expect(stored.differences(from: again).isEmpty)
        #expect(inputs.framework.sha256 == sample.source.sha256)
    }

    @Test("a published period is frozen: imports and appraisals are refused")
    func frozen() throws {
        let database = try sample.database()
        let run = try sample.run("2025", in: database)
        _ = try database.publish(run: run.id, who: "x")
        let error = try #require(throws: StorageError.self) {
            try database.importValues(
                sample.values("values-2025-self.csv", period: "2025"), period: "2025", source: .selfAssessed,
                file: "values-2025-self.csv", who: "x")
        }
        #expect(error.code == .frozen)
        #expect(
            error.description == """
                :memory:: importing self values for period 2025 from values-2025-self.csv: period 2025 is frozen: \
                run \(run.id) was published at 2025-08-01T09:00:00Z, so its values can no longer change
                  hint: published results stand as published; record corrections in the next period
                """)
        let appraisal = try #require(throws: StorageError.self) {
            try database.appraise(
                [AppraisalInput(unit: "SNV", variable: "computers", decision: .accept)], period: "2025", file: "d.csv",
                who: "x")
        }
        #expect(appraisal.code == .frozen)
    }

    @Test("a draft whose values changed cannot be published")
    func staleDraft() throws {
        let database = try sample.database()
        let run = try sample.run("2025", in: database)
        _ = try database.appraise(
            [AppraisalInput(unit: "SNV", variable: "computers", decision: .adjust(.number(1)), reason: "r")],
            period: "2025", file: "d.csv", who: "x")
        #expect(try database.runs(forPeriod: "2025").first?.isCurrent == false)
        let error = try #require(throws: StorageError.self) { try database.publish(run: run.id, who: "x") }
        #expect(error.code == .conflict)
        #expect(error.message.en.hasPrefix("the values of period 2025 changed after run \(run.id) was scored"))
    }

    @Test("changes follow lineage: own history, renames and mergers")
    func lineage() throws {
        let database = try sample.database()
        let previous = try database.run(try sample.run("2024", in: database).id)
        let run = try sample.run("2025", in: database)
        let changes = try database.changes(forRun: run.id)
        func old(_ code: UnitCode) -> (Int?, Double?) {
            let r = previous.results.first { $0.unit.code == code }
            return (r?.rank, r?.published)
        }
        // A unit that existed in 2024 is compared with itself.
        let vpub = try #require(changes["VPUB"])
        #expect(vpub.previousPeriod == "2024" && vpub.own?.unit == "VPUB" && vpub.predecessors.isEmpty)
        // A renamed unit (BDT → SDTTG) keeps its history.
        let renamed = try #require(changes["SDTTG"])
        #expect(renamed.renamedFrom == "BDT" && renamed.own?.unit == "BDT")
        #expect(renamed.own?.rank == old("BDT").0)
        // A merged commune shows each predecessor's previous rank and score.
        let merged = try #require(changes["P25-HUNGVUONG"])
        #expect(merged.own == nil)
        #expect(merged.predecessors.map(\.unit) == ["P-HUNGVUONG", "P-LELOI", "P-TRANPHU"])
        #expect(merged.predecessors.map(\.rank) == ["P-HUNGVUONG", "P-LELOI", "P-TRANPHU"].map { old($0).0 })
        #expect(merged.predecessors[0].published == old("P-HUNGVUONG").1)
        // A unit that took over another keeps its own history and lists the one it absorbed.
        let absorbed = try #require(changes["STC"])
        #expect(absorbed.own?.unit == "STC" && absorbed.predecessors.map(\.unit) == ["SKHDT"])
    }

    @Test("the results stamp changes with a new run, a publication and a lineage change, not with values")
    func resultsStamp() throws {
        let database = try sample.database()
        let empty = try database.resultsStamp()
        let first = try sample.run("2024", in: database)
        let afterRun = try database.resultsStamp()
        #expect(afterRun != empty)
        _ = try database.importValues(
            Dataset(
                period: "2025", units: sample.units,
                entries: ["SNV": ["staff": .init(value: .number(9), source: .selfAssessed)]]),
            period: "2025", source: .selfAssessed, file: "x.csv", who: "x")
        #expect(try database.resultsStamp() == afterRun)
        _ = try database.publish(run: first.id, who: "x")
        let afterPublish = try database.resultsStamp()
        #expect(afterPublish != afterRun)
        var units = sample.units
        let i = try #require(units.firstIndex { $0.code == "VPUB" })
        units[i].successor = "SNV"
        _ = try database.importUnits(units, file: "units.csv", who: "x")
        #expect(try database.resultsStamp() != afterPublish)
    }

    @Test("a run's summary, its periods, and one unit's result read without the whole run")
    func lightReads() throws {
        let database = try sample.database()
        let run = try sample.run("2024", in: database)
        #expect(try database.runSummary(run.id) == database.runs().first)
        #expect(try database.periodsWithRuns() == ["2024"])
        let stored = try database.run(run.id)
        #expect(try database.result(of: "SNV", inRun: run.id) == stored.results.first { $0.unit.code == "SNV" })
        #expect(try database.result(of: "NOPE", inRun: run.id) == nil)
    }

    @Test("without a previous period there are no changes")
    func noPreviousPeriod() throws {
        let database = try sample.database()
        let run = try sample.run("2024", in: database)
        #expect(try database.changes(forRun: run.id).isEmpty)
    }

    @Test("an unknown run is 'not found' with the recent runs listed")
    func unknownRun() throws {
        let database = try sample.database()
        _ = try sample.run("2024", in: database)
        let error = try #require(throws: StorageError.self) { try database.run(7) }
        #expect(error.code == .notFound)
        #expect(
            error.description == """
                :memory:: reading run 7: there is no run 7
                  hint: recent runs: 1 ('ictindex results --period P' shows a period's)
                """)
    }
}
