import Foundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexStorage
import ICTIndexTestSupport

/// The sample province (Examples/sample-province) read with its criteria, for storage tests.
struct SampleProvince {
    let framework: Framework
    let source: FrameworkSource
    let units: [ICTIndexCore.Unit]

    static func path(_ relative: String) -> String {
        CommandRunner.repositoryRoot.appendingPathComponent(relative).path
    }

    init() throws {
        let loaded = try FrameworkLoader().load(path: Self.path("Criteria/vn-province-agencies.yaml"))
        framework = loaded.framework
        source = FrameworkSource(
            id: framework.id, edition: framework.edition, yaml: framework.sourceText ?? "", sha256: loaded.sha256)
        let text = try String(contentsOfFile: Self.path("Examples/sample-province/units.csv"), encoding: .utf8)
        units = try DataFileReader(framework: framework).readUnits(text, file: "units.csv")
    }

    /// A values file of the sample, read for a period.
    func values(_ file: String, period: String) throws -> Dataset {
        let text = try String(contentsOfFile: Self.path("Examples/sample-province/" + file), encoding: .utf8)
        return try DataFileReader(framework: framework).readValues(text, file: file, units: units, period: period)
            .restricted(toPeriod: period, file: file)
    }

    /// A database with the units, 2024 appraised values and, when asked, 2025 self-assessed and appraised values.
    func database(with2025: Bool = true) throws -> IndexDatabase {
        let database = try IndexDatabase.inMemory(clock: { "2025-08-01T09:00:00Z" })
        _ = try database.importUnits(units, file: "units.csv", who: "test")
        _ = try database.importValues(
            values("values-2024.csv", period: "2024"), period: "2024", source: .appraised, file: "values-2024.csv",
            who: "test")
        if with2025 {
            _ = try database.importValues(
                values("values-2025-self.csv", period: "2025"), period: "2025", source: .selfAssessed,
                file: "values-2025-self.csv", who: "test")
            _ = try database.importValues(
                values("values-2025.csv", period: "2025"), period: "2025", source: .appraised, file: "values-2025.csv",
                who: "test")
        }
        return database
    }

    /// Scores a period from the database and records the run.
    func run(_ period: String, in database: IndexDatabase) throws -> RunSummary {
        let (dataset, revision) = try database.dataset(forPeriod: period)
        let scoreboard = try Engine(framework: framework).score(dataset)
        return try database.recordRun(
            scoreboard, framework: source, revision: revision, parameters: "{}", engineVersion: "test", who: "test")
    }
}
