import Localization
public import OrderedCollections

/// The inputs of one run: units and the values they reported for one period (COINr's iData).
///
/// Values are stored by column (one array per variable, aligned with ``units``), so that a run over
/// 10,000 units × 100 variables reads contiguous arrays instead of a million dictionary entries.
/// Provenance (source other than `imported`, the self-assessed value, evidence, note) is kept aside,
/// only for the values that have it.
public struct Dataset: Hashable, Sendable {
    /// Where a value came from.
    public enum Source: String, Hashable, Sendable, CaseIterable {
        case selfAssessed = "self"
        case appraised
        case imported
        case automatic
    }

    /// A value with its provenance, for explanations.
    public struct Entry: Hashable, Sendable {
        public var value: Value
        public var source: Source
        /// The value the unit reported itself, when the department appraised a different one.
        public var selfAssessed: Value?
        public var evidence: String?
        public var note: String?

        public init(
            value: Value, source: Source = .imported, selfAssessed: Value? = nil, evidence: String? = nil,
            note: String? = nil
        ) {
            self.value = value
            self.source = source
            self.selfAssessed = selfAssessed
            self.evidence = evidence
            self.note = note
        }

        /// Whether the entry carries anything beyond its value.
        var hasProvenance: Bool { source != .imported || hasDetails }

        /// Whether the entry carries anything beyond its value and source.
        var hasDetails: Bool { selfAssessed != nil || evidence != nil || note != nil }
    }

    public var period: String?
    /// Units in the order they were listed. Add units with ``add(_:)``; change one with ``updateUnit(_:)``.
    public private(set) var units: OrderedDictionary<UnitCode, Unit>
    /// The variables that have a column, in the order they were first set.
    public private(set) var variableIDs: OrderedDictionary<VariableID, Int> = [:]
    /// One column per variable, aligned with `units` (shorter columns mean missing values). A column of numbers
    /// only (``setNumbers(_:column:)``) is empty here and marked in `numbersOnly`: its values are those of
    /// `numberColumns`, so a large table's half a million numbers are not kept twice.
    private var columns: [[Value?]] = []
    /// Whether a column's values are all numbers, kept only in `numberColumns` (NaN where missing).
    private var numbersOnly: [Bool] = []
    /// The numbers of each column (NaN where there is no number), kept in step with `columns` so a run
    /// reads them without converting a value per cell. Derived from `columns`: not part of equality.
    private var numberColumns: [[Double]] = []
    /// The source of each value other than `imported`, by column like `columns` (shorter columns mean
    /// `imported`): one byte a value, so a million self-assessed values need no dictionary.
    private var sources: [[Source]] = []
    /// The entries that carry more than a value and a source (self-assessed value, evidence, note):
    /// unit → variable → entry.
    private var provenance: [UnitCode: [VariableID: Entry]] = [:]

    public init(period: String? = nil, units: [Unit]) {
        self.period = period
        let codes = OrderedSet(units.lazy.map(\.code))
        if codes.count == units.count {
            // The usual case: no code twice, and the units array is shared rather than copied unit by unit.
            self.units = OrderedDictionary(uncheckedUniqueKeys: codes, values: units)
        } else {
            self.units = OrderedDictionary(units.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// A dataset from entries keyed by unit and variable (entries of unknown units are ignored).
    public init(period: String? = nil, units: [Unit], entries: [UnitCode: [VariableID: Entry]]) {
        self.init(period: period, units: units)
        for (unit, values) in entries {
            for (variable, entry) in values.sorted(by: { $0.key < $1.key }) { self[unit, variable] = entry }
        }
    }

    /// Adds a unit at the end (a unit already present is left as it is).
    public mutating func add(_ unit: Unit) {
        if units[unit.code] == nil { units[unit.code] = unit }
    }

    /// Replaces a unit's details (name, group, dates…) keeping its values.
    ///
    /// - Precondition: a unit with this code is in the dataset.
    public mutating func updateUnit(_ unit: Unit) {
        precondition(units[unit.code] != nil, "unit \(unit.code) is not in the dataset")
        units[unit.code] = unit
    }

    /// The value a unit reported for a variable.
    public func value(_ unit: UnitCode, _ variable: VariableID) -> Value? {
        guard let u = units.index(forKey: unit), let v = variableIDs[variable] else { return nil }
        return value(unitAt: u, column: v)
    }

    /// A value by positions: the unit's index in ``units`` and the variable's column in ``variableIDs``.
    public func value(unitAt unit: Int, column: Int) -> Value? {
        if numbersOnly[column] {
            let numbers = numberColumns[column]
            return unit < numbers.count && !numbers[unit].isNaN ? .number(numbers[unit]) : nil
        }
        let values = columns[column]
        return unit < values.count ? values[unit] : nil
    }

    /// A column's values, aligned with ``units`` (shorter when the last ones are missing).
    private func values(ofColumn column: Int) -> [Value?] {
        guard numbersOnly[column] else { return columns[column] }
        return numberColumns[column].map { $0.isNaN ? nil : .number($0) }
    }

    /// The value of a unit and variable with its provenance; setting nil removes it.
    ///
    /// Setting a value for a unit that is not in the dataset does nothing.
    public subscript(unit: UnitCode, variable: VariableID) -> Entry? {
        get {
            if let entry = provenance[unit]?[variable] { return entry }
            guard let u = units.index(forKey: unit), let v = variableIDs[variable],
                let value = value(unitAt: u, column: v)
            else { return nil }
            return Entry(value: value, source: source(unitAt: u, column: v))
        }
        set {
            guard let u = units.index(forKey: unit) else { return }
            let v = column(for: variable)
            setValue(newValue?.value, unitAt: u, column: v)
            setSource(newValue?.source ?? .imported, unitAt: u, column: v)
            if let newValue, newValue.hasDetails {
                provenance[unit, default: [:]][variable] = newValue
            } else if provenance[unit]?[variable] != nil {
                provenance[unit]?[variable] = nil
                if provenance[unit]?.isEmpty == true { provenance[unit] = nil }
            }
        }
    }

    /// Every entry of one unit.
    public func entries(of unit: UnitCode) -> [VariableID: Entry] {
        guard let u = units.index(forKey: unit) else { return [:] }
        var result: [VariableID: Entry] = [:]
        for (variable, v) in variableIDs {
            guard let value = value(unitAt: u, column: v) else { continue }
            result[variable] = provenance[unit]?[variable] ?? Entry(value: value, source: source(unitAt: u, column: v))
        }
        return result
    }

    /// Whether no unit has any value.
    public var isEmpty: Bool {
        columns.indices.allSatisfy { !numbersOnly[$0] && columns[$0].allSatisfy { $0 == nil } }
    }

    /// Sets a plain value (source `imported`).
    public mutating func set(_ unit: UnitCode, _ variable: VariableID, _ value: Value) {
        self[unit, variable] = Entry(value: value)
    }

    // MARK: - Column access for readers and the engine

    /// The column of a variable, created empty when it has none yet.
    public mutating func column(for variable: VariableID) -> Int {
        if let v = variableIDs[variable] { return v }
        variableIDs[variable] = columns.count
        columns.append([])
        numbersOnly.append(false)
        numberColumns.append([])
        sources.append([])
        return columns.count - 1
    }

    /// Sets a value by positions, without provenance (fast path for readers).
    public mutating func setValue(_ value: Value?, unitAt unit: Int, column: Int) {
        if numbersOnly[column] {
            columns[column] = values(ofColumn: column)
            numbersOnly[column] = false
        }
        if columns[column].count <= unit {
            guard value != nil else { return }
            columns[column].append(contentsOf: repeatElement(nil, count: units.count - columns[column].count))
            numberColumns[column].append(
                contentsOf: repeatElement(.nan, count: units.count - numberColumns[column].count))
        }
        columns[column][unit] = value
        if case .number(let x)? = value {
            numberColumns[column][unit] = x
        } else {
            numberColumns[column][unit] = .nan
        }
    }

    /// Sets a new column's numbers at once, aligned with ``units`` (NaN where a unit has no value): what
    /// ``setValue(_:unitAt:column:)`` gives for each of them, in one pass (fast path for readers of large tables).
    ///
    /// - Precondition: the column has no values yet, and `numbers` has one element per unit.
    public mutating func setNumbers(_ numbers: [Double], column: Int) {
        precondition(
            columns[column].isEmpty && !numbersOnly[column] && numbers.count == units.count,
            "setNumbers: not a new, full column")
        guard numbers.contains(where: { !$0.isNaN }) else { return }
        numberColumns[column] = numbers
        numbersOnly[column] = true
    }

    /// Sets an entry by positions, keeping its provenance when it has any.
    public mutating func setEntry(_ entry: Entry, unitAt unit: Int, column: Int) {
        setValue(entry.value, unitAt: unit, column: column)
        setSource(entry.source, unitAt: unit, column: column)
        if entry.hasDetails {
            provenance[units.keys[unit], default: [:]][variableIDs.keys[column]] = entry
        }
    }

    /// Sets a value and its source by positions, for a value without details (self-assessed value, evidence,
    /// note): what ``setEntry(_:unitAt:column:)`` does with such an entry, without building one per value (fast
    /// path for readers of stored values).
    public mutating func setValue(_ value: Value, source: Source, unitAt unit: Int, column: Int) {
        setValue(value, unitAt: unit, column: column)
        setSource(source, unitAt: unit, column: column)
    }

    /// The provenance of a value by positions (its entry when it has a source other than `imported`, a
    /// self-assessed value, evidence or a note), without hashing when the dataset has none.
    public func provenance(unitAt unit: Int, column: Int) -> Entry? {
        if !provenance.isEmpty, let entry = provenance[units.keys[unit]]?[variableIDs.keys[column]] { return entry }
        let source = source(unitAt: unit, column: column)
        guard source != .imported, let value = value(unitAt: unit, column: column) else { return nil }
        return Entry(value: value, source: source)
    }

    /// The source of a value by positions (`imported` when none was set).
    public func source(unitAt unit: Int, column: Int) -> Source {
        let column = sources[column]
        return unit < column.count ? column[unit] : .imported
    }

    private mutating func setSource(_ source: Source, unitAt unit: Int, column: Int) {
        if sources[column].count <= unit {
            guard source != .imported else { return }
            sources[column].append(contentsOf: repeatElement(.imported, count: units.count - sources[column].count))
        }
        sources[column][unit] = source
    }

    /// The values of one variable, aligned with ``units`` (missing at the end when shorter).
    public func values(of variable: VariableID) -> [Value?] {
        variableIDs[variable].map { values(ofColumn: $0) } ?? []
    }

    /// The numbers of one variable, aligned with ``units``: NaN where a unit has no number (missing
    /// at the end when shorter).
    public func numbers(of variable: VariableID) -> [Double] {
        variableIDs[variable].map { numberColumns[$0] } ?? []
    }

    public static func == (lhs: Dataset, rhs: Dataset) -> Bool {
        lhs.period == rhs.period && lhs.units == rhs.units && lhs.variableIDs == rhs.variableIDs
            && lhs.columns.indices.allSatisfy({ lhs.values(ofColumn: $0) == rhs.values(ofColumn: $0) })
            && lhs.provenance == rhs.provenance
            && lhs.normalizedSources == rhs.normalizedSources
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(period)
        hasher.combine(units)
        hasher.combine(variableIDs)
        hasher.combine(columns.indices.map(values(ofColumn:)))
        hasher.combine(provenance)
        hasher.combine(normalizedSources)
    }

    /// `sources` without trailing `imported` and only where there is a value, for equality.
    private var normalizedSources: [[Source]] {
        sources.enumerated().map { column, sources in
            let values = values(ofColumn: column)
            var result = sources.prefix(values.count).enumerated().map { unit, source in
                values[unit] == nil ? Source.imported : source
            }
            while result.last == .imported { result.removeLast() }
            return result
        }
    }
}

extension Dataset {
    /// The dataset restricted to the units that exist on the last day of a period.
    ///
    /// Units that no longer (or not yet) exist are dropped when they have no values; values for
    /// them are an error that names the unit, its dates and its successor, since a row for a
    /// commune merged on 1 July 2025 in a 2025 data file is almost always a mistake.
    ///
    /// - Throws: ``ValidationFailure`` with one D001 diagnostic per such unit.
    public func restricted(toPeriod period: String, file: String? = nil) throws(ValidationFailure) -> Dataset {
        var diagnostics: [Diagnostic] = []
        var kept: [Unit] = []
        for unit in units.values {
            if unit.exists(inPeriod: period) {
                kept.append(unit)
                continue
            }
            guard !entries(of: unit.code).isEmpty else { continue }
            var dates: [Words] = []
            if let from = unit.validFrom, !from.isEmpty { dates.append(Words(vi: "từ \(from)", en: "from \(from)")) }
            if let to = unit.validTo, !to.isEmpty { dates.append(Words(vi: "đến \(to)", en: "to \(to)")) }
            let valid = Words.joined(dates, separator: " ")
            let successor =
                unit.successor.map { Words(vi: ", đã được thay bằng '\($0)'", en: ", replaced by '\($0)'") }
                ?? .verbatim("")
            let message =
                Words(
                    vi: "đơn vị '\(unit.code)' có số liệu nhưng không tồn tại trong kỳ đánh giá \(period) (hiệu lực ",
                    en: "unit '\(unit.code)' has values but does not exist in period \(period) (valid ")
                + valid + .verbatim(")") + successor
            diagnostics.append(
                .error(
                    .unknownUnit, at: file.map { SourceLocation(file: $0) }, subject: .unit(unit.code), message,
                    hint: unit.successor.map {
                        Words(
                            vi: "hãy ghi số liệu cho '\($0)', hoặc kiểm tra --period",
                            en: "report the values under '\($0)', or check --period")
                    }
                        ?? Words(
                            vi: "hãy xóa dòng của đơn vị này, hoặc kiểm tra --period",
                            en: "remove its row, or check --period")))
        }
        if !diagnostics.isEmpty { throw ValidationFailure(diagnostics: diagnostics) }
        var restricted = Dataset(period: period, units: kept)
        let positions = kept.compactMap { units.index(forKey: $0.code) }
        for (variable, v) in variableIDs {
            let column = restricted.column(for: variable)
            for (newIndex, oldIndex) in positions.enumerated() {
                restricted.setValue(value(unitAt: oldIndex, column: v), unitAt: newIndex, column: column)
                restricted.setSource(source(unitAt: oldIndex, column: v), unitAt: newIndex, column: column)
            }
        }
        let keptCodes = Set(kept.map(\.code))
        restricted.provenance = provenance.filter { keptCodes.contains($0.key) }
        return restricted
    }
}
