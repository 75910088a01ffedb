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
        let entry = Dataset.Entry(value: .option("co"), source: .appraised, selfAssessed: .option("khong"), evidence: "QĐ 12")
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
}
