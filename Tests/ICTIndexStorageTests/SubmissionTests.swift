import Foundation
import ICTIndexCore
import ICTIndexStorage
import OrderedCollections
import Testing

/// Imports of units and values, and appraisal.
@Suite struct SubmissionTests {
    let sample: SampleProvince

    init() throws { sample = try SampleProvince() }

    @Test("units are added once; lineage links mergers and renames")
    func unitsIdempotent() throws {
        let database = try IndexDatabase.inMemory()
        let first = try database.importUnits(sample.units, file: "units.csv", who: "test")
        let second = try database.importUnits(sample.units, file: "units.csv", who: "test")
        #expect(first == ImportSummary(added: 101, changed: 0, unchanged: 0))
        #expect(second == ImportSummary(added: 0, changed: 0, unchanged: 101))
        #expect(try database.units(inPeriod: "2025").contains { $0.code == "SDTTG" })
        #expect(try !database.units(inPeriod: "2025").contains { $0.code == "BDT" })
    }

    @Test("importing the same values twice changes nothing the second time")
    func valuesIdempotent() throws {
        // Given a database with the sample's units and 2024 values
        let database = try sample.database(with2025: false)
        let audit = try database.auditEntries().count
        // When the same file is imported again
        let again = try database.importValues(
            sample.values("values-2024.csv", period: "2024"), period: "2024", source: .appraised,
            file: "values-2024.csv", who: "test")
        // Then nothing is added, changed or logged
        #expect(again.added == 0 && again.changed == 0 && again.unchanged == 2790)
        #expect(try database.auditEntries().count == audit)
    }

    @Test("a changed value is updated and logged old → new; absent values are kept")
    func changeLogged() throws {
        let database = try IndexDatabase.inMemory(clock: { "2025-08-01T09:00:00Z" })
        _ = try database.importUnits([Unit(code: "A", name: "Sở A")], file: "units.csv", who: "test")
        var first = Dataset(period: "2025", units: [Unit(code: "A", name: "Sở A")])
        first.set("A", "staff", .number(40))
        first.set("A", "computers", .number(34))
        _ = try database.importValues(first, period: "2025", source: .selfAssessed, file: "a.csv", who: "lan")
        var second = Dataset(period: "2025", units: [Unit(code: "A", name: "Sở A")])
        second["A", "staff"] = Dataset.Entry(value: .number(42), evidence: "QĐ 12/2025")
        let summary = try database.importValues(second, period: "2025", source: .selfAssessed, file: "b.csv", who: "minh")
        #expect(summary == ImportSummary(added: 0, changed: 1, unchanged: 0))
        let change = try #require(try database.auditEntries().first { $0.action == "value.change" })
        #expect(change.who == "minh" && change.unit == "A" && change.variable == "staff")
        #expect(change.oldValue == "40" && change.newValue == "42 [evidence: QĐ 12/2025]")
        let (dataset, _) = try database.dataset(forPeriod: "2025")
        #expect(dataset.value("A", "computers") == .number(34))
        #expect(dataset["A", "staff"]?.evidence == "QĐ 12/2025")
    }

    @Test("appraised values win over self-assessed ones; the unit's own value is kept beside")
    func appraisalPrecedence() throws {
        let database = try sample.database()
        let (dataset, _) = try database.dataset(forPeriod: "2025")
        // SNV reported 111 computers; the department appraised 105.
        let entry = try #require(dataset["SNV", "computers"])
        #expect(entry.value == .number(105))
        #expect(entry.source == .appraised)
        #expect(entry.selfAssessed == .number(111))
        let own = try database.dataset(forPeriod: "2025", sources: [.selfAssessed]).dataset
        #expect(own.value("SNV", "computers") == .number(111))
        #expect(dataset.units.count == own.units.count)
    }

    @Test("accept and adjust decisions: recorded, logged with the reason, idempotent")
    func appraise() throws {
        let database = try sample.database()
        let decisions = [
            AppraisalInput(unit: "SNV", variable: "computers", decision: .adjust(.number(100)), reason: "kiểm tra"),
            AppraisalInput(unit: "VPUB", variable: "antivirus", decision: .accept),
        ]
        let first = try database.appraise(decisions, period: "2025", file: "d.csv", who: "thẩm định")
        #expect(first == ImportSummary(added: 0, changed: 1, unchanged: 1))
        #expect(try database.appraise(decisions, period: "2025", file: "d.csv", who: "x") == ImportSummary(unchanged: 2))
        #expect(try database.dataset(forPeriod: "2025").dataset.value("SNV", "computers") == .number(100))
        let entry = try #require(try database.auditEntries(unit: "SNV").last)
        #expect(entry.action == "appraisal.adjust")
        #expect(entry.oldValue == "105" && entry.newValue == "100" && entry.detail == "kiểm tra — d.csv")
    }

    @Test("an adjustment without a reason is refused")
    func adjustNeedsReason() throws {
        let database = try sample.database()
        let error = try #require(throws: StorageError.self) {
            try database.appraise(
                [AppraisalInput(unit: "SNV", variable: "computers", decision: .adjust(.number(1)))], period: "2025",
                file: "d.csv", who: "x")
        }
        #expect(error.code == .conflict)
        #expect(error.message == "unit 'SNV', variable 'computers': an adjustment needs a reason")
    }
}
