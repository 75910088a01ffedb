import Localization
/// Reads units files and values files (DESIGN §4 "Data files"), validated against a framework.
///
/// The reader is pure: it takes a file's text and the name to use in messages; the caller reads
/// the file. An import is all or nothing: every problem in the file is collected, sorted by row
/// and column, and thrown together as a ``ValidationFailure``; nothing partial is returned.
///
/// For example:
/// ```swift
/// let reader = DataFileReader(framework: framework, decimalStyle: .comma)
/// let units = try reader.readUnits(unitsText, file: "units.csv")
/// let dataset = try reader.readValues(valuesText, file: "data.csv", units: units, period: "2025")
/// ```
///
/// A problem reads like:
///
///     data.csv:4:2: error[D004]: unit 'STTTT', variable 'staff': '12,5' is not a number in this file's style
///       hint: this looks like a decimal comma; pass --decimal-comma if the file uses Vietnamese number style, …
public struct DataFileReader: Sendable {
    /// The framework the files are checked against: its variables and groups.
    public var framework: Framework
    /// How the files write decimal numbers.
    public var decimalStyle: DecimalStyle
    /// The units already stored (for `units import`): a units file's successors may name them, and its
    /// lineage is checked over them and the file's units together (D020).
    public var storedUnits: [Unit] = []
    /// Called with the warnings of a values file that was read without errors (a value without its required
    /// evidence under `evidence_policy: warn`), for the caller to print; errors are thrown instead.
    public var onWarnings: (@Sendable ([Diagnostic]) -> Void)?

    /// Creates a reader.
    ///
    /// - Parameters:
    ///   - framework: the framework whose variables and groups the files must use.
    ///   - decimalStyle: how numbers are written; ``DecimalStyle/comma`` for `--decimal-comma`.
    public init(framework: Framework, decimalStyle: DecimalStyle = .point) {
        self.framework = framework
        self.decimalStyle = decimalStyle
    }

    /// Reads a units file: `code, name, group` and optional `parent, kind, valid_from, valid_to, successor`.
    ///
    /// An empty group means ``GroupID/all``, allowed only when the framework defines no groups.
    /// A group cell may give the group id or its name, ignoring case.
    ///
    /// - Parameters:
    ///   - text: the CSV text.
    ///   - file: the file name used in messages.
    /// - Returns: the units, in file order.
    /// - Throws: ``ValidationFailure`` with every problem: D002 unknown column, D009 missing column
    ///   or cell, D010 unknown group, D012 duplicate code, D013 empty file, D014 bad date, D015 malformed row.
    public func readUnits(_ text: String, file: String) throws(ValidationFailure) -> [Unit] {
        let (table, problems) = CSVTable.parseCollecting(text, file: file)
        return try readUnits(table, problems: problems)
    }

    /// Reads a units table already split into cells (from a CSV or a spreadsheet).
    ///
    /// - Parameter table: the table; its `file` names it in messages.
    /// - Returns: the units, in table order.
    /// - Throws: ``ValidationFailure``, as ``readUnits(_:file:)``.
    public func readUnits(_ table: CSVTable) throws(ValidationFailure) -> [Unit] {
        try readUnits(table, problems: [])
    }

    /// Reads a values file in wide or long form.
    ///
    /// *Wide*: a `unit` (or `code`) column and one column per variable id; when `units` is nil,
    /// optional `name` and `group` columns define the units. *Long*: `unit, variable, value` and
    /// optional `evidence`, `note`. An empty cell is a missing value. Every entry has source
    /// ``Dataset/Source/imported``.
    ///
    /// - Parameters:
    ///   - text: the CSV text.
    ///   - file: the file name used in messages.
    ///   - units: the known units; every unit code must be one of them, and the data set lists them
    ///     all. Nil to take the units from the file itself.
    ///   - period: the period the values are for, kept in the data set.
    /// - Returns: the data set.
    /// - Throws: ``ValidationFailure`` with every problem: D001 unknown unit, D002 unknown variable,
    ///   D003–D007 and D014 bad cells, D008 value given twice, D009 missing column, D010 unknown group,
    ///   D011 derived variable given, D012 unit on two rows, D013 empty file, D015 malformed row.
    public func readValues(
        _ text: String, file: String, units: [Unit]?, period: String?
    ) throws(ValidationFailure) -> Dataset {
        let (table, problems) = CSVTable.parseCollecting(text, file: file)
        return try readValues(table, units: units, period: period, problems: problems)
    }

    /// Reads a values file from its bytes (UTF-8), without making a string of the whole file first.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - file: the file name used in messages.
    ///   - units: the known units, or nil to take them from the file.
    ///   - period: the period the values are for.
    /// - Returns: the data set.
    /// - Throws: ``ValidationFailure``, as ``readValues(_:file:units:period:)``.
    public func readValues(
        bytes: [UInt8], file: String, units: [Unit]?, period: String?
    ) throws(ValidationFailure) -> Dataset {
        let (table, problems) = CSVTable.parseCollecting(bytes: bytes, file: file)
        return try readValues(table, units: units, period: period, problems: problems)
    }

    /// Reads a values table already split into cells (from a CSV or a spreadsheet).
    ///
    /// - Parameters:
    ///   - table: the table; its `file` names it in messages.
    ///   - units: the known units, or nil to take them from the table.
    ///   - period: the period the values are for.
    /// - Returns: the data set.
    /// - Throws: ``ValidationFailure``, as ``readValues(_:file:units:period:)``.
    public func readValues(_ table: CSVTable, units: [Unit]?, period: String?)
        throws(ValidationFailure) -> Dataset
    {
        try readValues(table, units: units, period: period, problems: [])
    }

    // MARK: - Private

    private func readUnits(_ table: CSVTable, problems: [Diagnostic]) throws(ValidationFailure)
        -> [Unit]
    {
        if table.header.isEmpty { throw ValidationFailure(diagnostics: problems.sortedByPlace()) }
        let (units, diagnostics) = UnitsFile(framework: framework, stored: storedUnits).read(table)
        let all = problems + diagnostics
        if all.hasErrors { throw ValidationFailure(diagnostics: all.sortedByPlace()) }
        return units
    }

    private func readValues(
        _ table: CSVTable, units: [Unit]?, period: String?, problems: [Diagnostic]
    ) throws(ValidationFailure) -> Dataset {
        if table.header.isEmpty { throw ValidationFailure(diagnostics: problems.sortedByPlace()) }
        let file = ValuesFile(framework: framework, parser: CellParser(decimalStyle: decimalStyle))
        let (dataset, diagnostics, summaries) = file.read(table, units: units, period: period)
        let all = problems + diagnostics
        if all.hasErrors || summaries.hasErrors {
            throw ValidationFailure(diagnostics: all.sortedByPlace() + summaries)
        }
        if let onWarnings, !(all.isEmpty && summaries.isEmpty) { onWarnings(all.sortedByPlace() + summaries) }
        return dataset
    }
}

extension Array where Element == Diagnostic {
    /// The diagnostics in file order: by line, then column; the order found is kept on ties.
    func sortedByPlace() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let left = (a.element.location?.line ?? 0, a.element.location?.column ?? 0, a.offset)
            let right = (b.element.location?.line ?? 0, b.element.location?.column ?? 0, b.offset)
            return left < right
        }.map(\.element)
    }
}
