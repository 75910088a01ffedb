import OrderedCollections
import Testing

@testable import ICTIndexCore

/// Sources kept by column (one byte a value) instead of one dictionary entry per value.
@Suite struct DatasetSourceTests {
    let units = [Unit(code: "A", name: "Sở A"), Unit(code: "B", name: "Sở B"), Unit(code: "C", name: "Sở C")]

    @Test("a value with only a source reads back with its source, by key and by position")
    func sourceOnly() {
        var dataset = Dataset(period: "2025", units: units)
        let v = dataset.column(for: "v1")
        dataset.setEntry(Dataset.Entry(value: .number(1), source: .selfAssessed), unitAt: 1, column: v)
        dataset.setValue(.number(2), unitAt: 2, column: v)
        #expect(dataset["B", "v1"] == Dataset.Entry(value: .number(1), source: .selfAssessed))
        #expect(dataset["C", "v1"] == Dataset.Entry(value: .number(2)))
        #expect(dataset["A", "v1"] == nil)
        #expect(dataset.source(unitAt: 1, column: v) == .selfAssessed)
        #expect(dataset.source(unitAt: 2, column: v) == .imported)
        #expect(dataset.provenance(unitAt: 1, column: v) == Dataset.Entry(value: .number(1), source: .selfAssessed))
        #expect(dataset.provenance(unitAt: 2, column: v) == nil)
        #expect(dataset.entries(of: "B") == ["v1": Dataset.Entry(value: .number(1), source: .selfAssessed)])
    }

    @Test("a value set with its source by position equals the same entry set by setEntry")
    func valueWithSource() {
        var fast = Dataset(period: "2025", units: units)
        var entries = Dataset(period: "2025", units: units)
        let v = fast.column(for: "v1")
        _ = entries.column(for: "v1")
        for (unit, source) in [(0, Dataset.Source.appraised), (2, .imported), (1, .selfAssessed)] {
            fast.setValue(.number(Double(unit)), source: source, unitAt: unit, column: v)
            entries.setEntry(Dataset.Entry(value: .number(Double(unit)), source: source), unitAt: unit, column: v)
        }
        #expect(fast == entries)
        #expect(fast["A", "v1"] == Dataset.Entry(value: .number(0), source: .appraised))
        #expect(fast["B", "v1"] == Dataset.Entry(value: .number(1), source: .selfAssessed))
        #expect(fast["C", "v1"] == Dataset.Entry(value: .number(2)))
        #expect(fast.numbers(of: "v1") == [0, 1, 2])
    }

    @Test("evidence and notes are kept beside the source; setting an imported value clears both")
    func details() {
        var dataset = Dataset(period: "2025", units: units)
        let entry = Dataset.Entry(
            value: .option("co"), source: .appraised, selfAssessed: .option("khong"), evidence: "QĐ 12")
        dataset["A", "v1"] = entry
        #expect(dataset["A", "v1"] == entry)
        #expect(dataset.provenance(unitAt: 0, column: 0) == entry)
        dataset["A", "v1"] = Dataset.Entry(value: .option("co"))
        #expect(dataset["A", "v1"] == Dataset.Entry(value: .option("co")))
        #expect(dataset.source(unitAt: 0, column: 0) == .imported)
        dataset["A", "v1"] = nil
        #expect(dataset["A", "v1"] == nil)
    }

    @Test("equality compares sources; the same entries set in any way are equal")
    func equality() {
        var byKey = Dataset(period: "2025", units: units)
        byKey["C", "v1"] = Dataset.Entry(value: .number(3), source: .automatic)
        byKey["A", "v1"] = Dataset.Entry(value: .number(1))
        var byPosition = Dataset(period: "2025", units: units)
        let v = byPosition.column(for: "v1")
        byPosition.setEntry(Dataset.Entry(value: .number(1)), unitAt: 0, column: v)
        byPosition.setEntry(Dataset.Entry(value: .number(3), source: .automatic), unitAt: 2, column: v)
        #expect(byKey == byPosition)
        #expect(byKey.hashValue == byPosition.hashValue)
        var other = byPosition
        other.setEntry(Dataset.Entry(value: .number(3), source: .appraised), unitAt: 2, column: v)
        #expect(other != byPosition)
        // A source left behind by a removed value does not count.
        var removed = byKey
        removed["C", "v1"] = nil
        var imported = byKey
        imported["C", "v1"] = Dataset.Entry(value: .number(3))
        imported["C", "v1"] = nil
        #expect(removed == imported)
    }

    @Test("restricting to a period keeps each value's source")
    func restricted() throws {
        var dataset = Dataset(
            period: "2025",
            units: [Unit(code: "A", name: "Sở A", validTo: "2024-12-31"), Unit(code: "B", name: "Sở B")])
        dataset["B", "v1"] = Dataset.Entry(value: .number(2), source: .appraised)
        let restricted = try dataset.restricted(toPeriod: "2025")
        #expect(restricted.units.keys.elements == ["B"])
        #expect(restricted["B", "v1"] == Dataset.Entry(value: .number(2), source: .appraised))
    }

    @Test("values of a unit that does not exist in the period are refused, naming its dates and successor")
    func valuesOutsideThePeriod() throws {
        // Given a commune merged on 1 July 2025 into X, with values for 2026, and one that starts in 2027
        var dataset = Dataset(
            period: "2026",
            units: [
                Unit(code: "A", name: "Xã A", validFrom: "2020-01-01", validTo: "2025-06-30", successor: "X"),
                Unit(code: "N", name: "Xã N", validFrom: "2027-01-01"), Unit(code: "X", name: "Xã X"),
            ])
        dataset["A", "v1"] = Dataset.Entry(value: .number(1))
        dataset["N", "v1"] = Dataset.Entry(value: .number(2))
        // When it is restricted to 2026, Then both are refused in English and in Vietnamese
        let failure = #expect(throws: ValidationFailure.self) {
            try dataset.restricted(toPeriod: "2026", file: "v.csv")
        }
        #expect(
            failure?.report(.en) == """
                v.csv: error[D001]: unit 'A' has values but does not exist in period 2026 (valid from 2020-01-01 to \
                2025-06-30), replaced by 'X'
                  hint: report the values under 'X', or check --period
                v.csv: error[D001]: unit 'N' has values but does not exist in period 2026 (valid from 2027-01-01)
                  hint: remove its row, or check --period
                2 errors
                """)
        #expect(
            failure?.report(.vi) == """
                v.csv: lỗi[D001]: đơn vị 'A' có số liệu nhưng không tồn tại trong kỳ đánh giá 2026 (hiệu lực từ \
                2020-01-01 đến 2025-06-30), đã được thay bằng 'X'
                  gợi ý: hãy ghi số liệu cho 'X', hoặc kiểm tra --period
                v.csv: lỗi[D001]: đơn vị 'N' có số liệu nhưng không tồn tại trong kỳ đánh giá 2026 (hiệu lực từ \
                2027-01-01)
                  gợi ý: hãy xóa dòng của đơn vị này, hoặc kiểm tra --period
                2 lỗi
                """)
    }
}
