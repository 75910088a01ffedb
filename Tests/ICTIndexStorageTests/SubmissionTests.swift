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
        let summary = try database.importValues(
            second, period: "2025", source: .selfAssessed, file: "b.csv", who: "minh")
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

    @Test("values read back by unit and variable: multibyte ids, gaps, several sources per cell")
    func readBackMultibyteIDs() throws {
        // Given units and variables with Vietnamese ids (and ASCII ones), where units report different subsets
        // of the variables (so the reader's guess of the next variable is sometimes wrong)
        let units = ["Đ1", "SỞ-GTVT", "UBND Hà Nội", "UBND Hà Nội 2", "Z"].map { Unit(code: UnitCode($0), name: $0) }
        let variables: [VariableID] = ["máy_tính", "nhân_lực", "số_máy", "số_máy_chủ", "v1", "ứng_dụng"]
        let database = try IndexDatabase.inMemory()
        _ = try database.importUnits(units, file: "units.csv", who: "test")
        var own = Dataset(period: "2025", units: units)
        var appraised = Dataset(period: "2025", units: units)
        var expected: [String: (value: Double, source: Dataset.Source, selfAssessed: Double?)] = [:]
        for (u, unit) in units.enumerated() {
            for (v, variable) in variables.enumerated() where (u + v) % 3 != 0 || u == 0 {
                let x = Double(u * 10 + v)
                own.set(unit.code, variable, .number(x))
                var cell = (value: x, source: Dataset.Source.selfAssessed, selfAssessed: Double?.none)
                if (u + v) % 2 == 0 {
                    // appraised: the same value for some, a different one for others
                    let y = v % 4 == 0 ? x : x + 0.5
                    appraised.set(unit.code, variable, .number(y))
                    cell = (y, .appraised, y == x ? nil : x)
                }
                expected["\(unit.code.rawValue)|\(variable.rawValue)"] = cell
            }
        }
        // A value only appraised, for a unit and variable nothing else has
        appraised.set("Z", "đánh_giá", .text("tốt"))
        _ = try database.importValues(own, period: "2025", source: .selfAssessed, file: "own.csv", who: "test")
        _ = try database.importValues(appraised, period: "2025", source: .appraised, file: "a.csv", who: "test")
        // When the period is read
        let dataset = try database.dataset(forPeriod: "2025").dataset
        // Then every value is where it was put, with its source and the unit's own value beside
        #expect(Set(dataset.units.keys) == Set(units.map(\.code)))
        #expect(Set(dataset.variableIDs.keys) == Set(variables + ["đánh_giá"]))
        for unit in units {
            for variable in variables {
                let entry = dataset[unit.code, variable]
                guard let cell = expected["\(unit.code.rawValue)|\(variable.rawValue)"] else {
                    #expect(entry == nil, "\(unit.code.rawValue) \(variable.rawValue)")
                    continue
                }
                #expect(entry?.value == .number(cell.value), "\(unit.code.rawValue) \(variable.rawValue)")
                #expect(entry?.source == cell.source, "\(unit.code.rawValue) \(variable.rawValue)")
                #expect(entry?.selfAssessed == cell.selfAssessed.map { .number($0) })
            }
        }
        #expect(dataset["Z", "đánh_giá"]?.value == .text("tốt"))
        #expect(dataset["Z", "đánh_giá"]?.source == .appraised)
        // and the units' own values alone
        let ownRead = try database.dataset(forPeriod: "2025", sources: [.selfAssessed]).dataset
        #expect(ownRead.value("SỞ-GTVT", "ứng_dụng") == own.value("SỞ-GTVT", "ứng_dụng"))
        #expect(ownRead.value("Z", "đánh_giá") == nil)
        for unit in units {
            for variable in variables { #expect(ownRead.value(unit.code, variable) == own.value(unit.code, variable)) }
        }
    }

    @Test("an import of several INSERT statements' worth of rows (and a remainder) reads back value for value")
    func manyRowsReadBack() throws {
        // Given 7 units × 30 variables = 210 values (3 statements of 64 rows and 18 more), of every kind, some with
        // evidence or a note
        let units = (1...7).map { Unit(code: UnitCode("U\($0)"), name: "Đơn vị \($0)") }
        let database = try IndexDatabase.inMemory()
        _ = try database.importUnits(units, file: "units.csv", who: "test")
        var values = Dataset(period: "2025", units: units)
        for (u, unit) in units.enumerated() {
            for v in 0..<30 {
                let variable = VariableID("v\(v)")
                let value: Value =
                    switch v % 3 {
                    case 0: .number(Double(u) + Double(v) / 7)
                    case 1: .option("o\(u)")
                    default: .text("chữ \(u) \(v)")
                    }
                values[unit.code, variable] = Dataset.Entry(
                    value: value, evidence: (u + v) % 4 == 0 ? "QĐ \(u)/\(v)" : nil, note: v % 5 == 0 ? "ghi \(v)" : nil
                )
            }
        }
        // When they are imported and read back
        let summary = try database.importValues(values, period: "2025", source: .selfAssessed, file: "v.csv", who: "t")
        let read = try database.dataset(forPeriod: "2025", sources: [.selfAssessed]).dataset
        // Then every value, evidence and note is where it was put
        #expect(summary == ImportSummary(added: 210, changed: 0, unchanged: 0))
        #expect(try database.integers(sql: "SELECT COUNT(*) FROM submission") == [210])
        for unit in units {
            for v in 0..<30 {
                let variable = VariableID("v\(v)")
                var expected = try #require(values[unit.code, variable])
                expected.source = .selfAssessed
                #expect(read[unit.code, variable] == expected, "\(unit.code) \(variable)")
            }
        }
    }

    @Test("one unit's value pairs, one unit's values and the per-unit counts agree with the whole period's")
    func perUnitReads() throws {
        let database = try sample.database()
        let all = try database.valuePairs(forPeriod: "2025")
        let (dataset, _) = try database.dataset(forPeriod: "2025", sources: [.selfAssessed])
        let counts = try database.valueCounts(forPeriod: "2025")
        #expect(!all.isEmpty && !counts.isEmpty)
        for unit in sample.units where unit.exists(inPeriod: "2025") {
            let pairs = all.filter { $0.unit == unit.code }
            #expect(try database.valuePairs(forPeriod: "2025", unit: unit.code) == pairs)
            let own = try database.dataset(forPeriod: "2025", unit: unit, sources: [.selfAssessed])
            #expect(own.entries(of: unit.code) == dataset.entries(of: unit.code))
            let count = counts[unit.code]
            #expect(count?.selfAssessed ?? 0 == pairs.filter { $0.selfAssessed != nil }.count)
            #expect(count?.appraised ?? 0 == pairs.filter { $0.appraised != nil }.count)
        }
        #expect(try database.valuePairs(forPeriod: "2025", unit: "NOPE").isEmpty)
        #expect(try database.valuePairs(forPeriod: "2031", unit: "SNV").isEmpty)
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
        let batches = try database.integers(sql: "SELECT id FROM submissionBatch")
        #expect(
            try database.appraise(decisions, period: "2025", file: "d.csv", who: "x") == ImportSummary(unchanged: 2))
        // (an appraisal that changes nothing leaves no trace of who ran it in the values)
        #expect(try database.integers(sql: "SELECT id FROM submissionBatch") == batches)
        #expect(try database.integers(sql: "SELECT COUNT(*) FROM submissionByCode WHERE who = 'thẩm định'") == [1])
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
        #expect(error.message.en == "unit 'SNV', variable 'computers': an adjustment needs a reason")
        #expect(error.message.vi == "đơn vị 'SNV', biến 'computers': điều chỉnh cần có lý do")
    }
}
