public import OrderedCollections

/// The inputs of one run: units and the values they reported for one period (COINr's iData).
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
    }

    public var period: String?
    /// Units in the order they were listed.
    public var units: OrderedDictionary<UnitCode, Unit>
    /// Unit → variable → entry.
    public var entries: [UnitCode: [VariableID: Entry]]

    public init(period: String? = nil, units: [Unit], entries: [UnitCode: [VariableID: Entry]] = [:]) {
        self.period = period
        self.units = OrderedDictionary(units.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.entries = entries
    }

    /// The value a unit reported for a variable.
    public func value(_ unit: UnitCode, _ variable: VariableID) -> Value? {
        entries[unit]?[variable]?.value
    }

    /// Sets a plain value (source `imported`).
    public mutating func set(_ unit: UnitCode, _ variable: VariableID, _ value: Value) {
        entries[unit, default: [:]][variable] = Entry(value: value)
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
            guard let values = entries[unit.code], !values.isEmpty else { continue }
            var dates: [String] = []
            if let from = unit.validFrom, !from.isEmpty { dates.append("from \(from)") }
            if let to = unit.validTo, !to.isEmpty { dates.append("to \(to)") }
            let successor = unit.successor.map { ", replaced by '\($0)'" } ?? ""
            diagnostics.append(
                .error(
                    .unknownUnit, at: file.map { SourceLocation(file: $0) }, subject: .unit(unit.code),
                    "unit '\(unit.code)' has values but does not exist in period \(period) "
                        + "(valid \(dates.joined(separator: " ")))\(successor)",
                    hint: unit.successor.map { "report the values under '\($0)', or check --period" }
                        ?? "remove its row, or check --period"))
        }
        if !diagnostics.isEmpty { throw ValidationFailure(diagnostics: diagnostics) }
        var restricted = Dataset(period: period, units: kept)
        for unit in kept { restricted.entries[unit.code] = entries[unit.code] }
        return restricted
    }
}
