public import ICTIndexCore
public import XLSXReader
public import OrderedCollections

/// Reads a filled self-assessment workbook back: its metadata, then its values and evidence, after checking
/// that nothing the template fixes was changed.
///
/// Problems are diagnostics located at the cell, as `filled.xlsx:Tự đánh giá!D14`, all at once.
public enum TemplateReader {
    /// Whether a workbook is an ictindex template (it has the metadata sheet, or the input sheet).
    public static func isTemplate(_ document: XLSXDocument) -> Bool {
        document.sheetNames.contains(TemplateMetadata.sheetName) || document.sheetNames.contains(TemplateFormulas.inputSheet)
    }

    /// The metadata a template says it has.
    ///
    /// - Throws: T001 when the workbook is not a template, T002 when the metadata sheet was deleted or its fields
    ///   edited out, T003 when the template is of another format version.
    public static func metadata(of document: XLSXDocument, path: String) throws(ValidationFailure) -> TemplateMetadata {
        let location = SourceLocation(file: path)
        guard document.sheetNames.contains(TemplateMetadata.sheetName) else {
            if document.sheetNames.contains(TemplateFormulas.inputSheet) {
                throw failure(
                    .templateTampered, at: location,
                    "the hidden sheet '\(TemplateMetadata.sheetName)' that identifies the template was deleted",
                    hint: freshTemplateHint(nil))
            }
            throw failure(
                .notATemplate, at: location,
                "this workbook is not an ictindex self-assessment template (it has no '\(TemplateMetadata.sheetName)' "
                    + "sheet; its sheets are \(document.sheetNames.map { "'\($0)'" }.joined(separator: ", ")))",
                hint: "import a template made by 'ictindex template', or a values file with --period and --framework")
        }
        let sheet: XLSXSheet
        do { sheet = try document.sheet(named: TemplateMetadata.sheetName) } catch {
            throw failure(.notATemplate, at: location, "the metadata sheet cannot be read: \(error.message)", hint: nil)
        }
        var fields: [String: String] = [:]
        for row in sheet.rows {
            let texts = row.texts
            guard texts.count >= 2, !texts[0].isEmpty else { continue }
            fields[texts[0]] = texts[1]
        }
        if let version = fields["template"], version != TemplateMetadata.currentVersion {
            throw failure(
                .templateMismatch, at: location,
                "the template is of format '\(version)'; this ictindex reads '\(TemplateMetadata.currentVersion)'",
                hint: freshTemplateHint(fields["unit"]))
        }
        guard let metadata = TemplateMetadata(fields: fields), fields["checksum"] != nil else {
            let missing = (TemplateMetadata.keys + ["checksum"]).filter { fields[$0] == nil }
            throw failure(
                .templateTampered, at: SourceLocation(file: "\(path):\(TemplateMetadata.sheetName)"),
                "the metadata sheet was edited: \(missing.map { "'\($0)'" }.joined(separator: ", ")) "
                    + "\(missing.count == 1 ? "is" : "are") missing",
                hint: freshTemplateHint(fields["unit"]))
        }
        return metadata
    }

    /// The values, evidence and notes of a filled template, checked against the template it must be.
    ///
    /// - Parameters:
    ///   - document: the filled workbook.
    ///   - path: the file, as the user named it.
    ///   - template: the template regenerated from the workbook's metadata (same framework, unit and period).
    /// - Returns: the entries by variable (blank inputs are left out), and every problem found.
    public static func read(
        _ document: XLSXDocument, path: String, template: SelfAssessmentTemplate
    ) -> (entries: OrderedDictionary<VariableID, TemplateEntry>, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let metadata = template.metadata
        let hint = freshTemplateHint(metadata.unit.rawValue, period: metadata.period)
        var sheets: [String: XLSXSheet] = [:]
        for name in [TemplateFormulas.inputSheet, TemplateFormulas.pointsSheet, TemplateFormulas.calculationSheet] {
            guard document.sheetNames.contains(name) else {
                diagnostics.append(
                    .error(.templateTampered, at: SourceLocation(file: path), "the sheet '\(name)' was deleted", hint: hint))
                continue
            }
            do { sheets[name] = try document.sheet(named: name) } catch {
                diagnostics.append(
                    .error(.notATemplate, at: SourceLocation(file: path), "the sheet '\(name)' cannot be read: \(error.message)"))
            }
        }
        guard let input = sheets[TemplateFormulas.inputSheet], sheets.count == 3 else { return ([:], diagnostics) }

        // Locked cells: every fixed text must be as generated.
        let locked = template.lockedCells()
        var changed: [Diagnostic] = []
        for cell in locked {
            guard let sheet = sheets[cell.sheet], let reference = XLSXCellReference(cell.address) else { continue }
            let actual = sheet.cell(at: reference)?.text ?? ""
            guard actual != cell.text else { continue }
            changed.append(
                .error(
                    .templateTampered, at: SourceLocation(file: "\(path):\(cell.sheet)!\(cell.address)"),
                    "the locked cell was changed: the template has '\(cell.text)', the file has '\(actual)'"
                        + (reference.column == 1 ? " (rows were inserted, deleted or moved)" : ""),
                    hint: hint))
        }
        // Rows after the last variable must be empty: a row added at the end is not in the template.
        let end = template.plan.inputRow(template.plan.inputs.count)
        for row in input.rows where row.number >= end && !row.isBlank {
            let first = row.cells.first { !$0.text.isEmpty }
            changed.append(
                .error(
                    .templateTampered, at: SourceLocation(file: "\(path):\(TemplateFormulas.inputSheet)!\(first?.reference.description ?? "A\(row.number)")"),
                    "row \(row.number) is not part of the template (it has only \(template.plan.inputs.count) rows of values, "
                        + "\(TemplatePlan.firstInputRow)–\(end - 1))",
                    hint: hint))
        }
        if changed.count > 20 {
            let more = changed.count - 20
            changed = Array(changed.prefix(20))
            changed.append(
                .error(.templateTampered, at: SourceLocation(file: path), "and \(more) more locked cells were changed", hint: hint))
        }
        diagnostics += changed
        if changed.isEmpty, let stored = storedChecksum(document), stored != metadata.checksum(lockedCells: locked) {
            diagnostics.append(
                .error(
                    .templateTampered, at: SourceLocation(file: "\(path):\(TemplateMetadata.sheetName)"),
                    "the metadata sheet was edited: its checksum does not match the unit, period and criteria it names",
                    hint: hint))
        }
        guard diagnostics.isEmpty else { return ([:], diagnostics) }

        // Values.
        var entries: OrderedDictionary<VariableID, TemplateEntry> = [:]
        let parser = CellParser(decimalStyle: .point)
        for (i, variable) in template.plan.inputs.enumerated() {
            let row = template.plan.inputRow(i)
            func cell(_ column: String) -> XLSXCell? { input.cell(at: XLSXCellReference(row: row, column: columnIndex(column))) }
            func at(_ column: String) -> SourceLocation {
                SourceLocation(file: "\(path):\(TemplateFormulas.inputSheet)!\(column)\(row)")
            }
            let evidence = Evidence(
                number: cell("I")?.text, title: cell("J")?.text, date: cell("K").map(dateText),
                summary: cell("L")?.text, link: cell("M")?.text)
            let note = cell("N")?.text
            guard let valueCell = cell(TemplateFormulas.inputColumn) else { continue }
            var text = valueCell.text
            switch valueCell.value {
            case .error(let e):
                diagnostics.append(
                    .error(
                        .invalidNumber, at: at("D"), subject: .unitVariable(metadata.unit, variable.id),
                        "unit '\(metadata.unit)', variable '\(variable.id)': the cell shows the error \(e)",
                        hint: "type a value instead of a formula that fails"))
                continue
            case .number(let x) where variable.kind == .percent && (valueCell.numberFormatCode ?? "").contains("%"):
                // "85%" typed into Excel is stored as 0.85 in a percent format.
                text = XLSXCell(reference: valueCell.reference, value: .number(x * 100)).text
            case .boolean(let flag):
                text = flag ? "1" : "0"
            case .number where variable.kind == .date:
                text = valueCell.isoDate ?? text
            default:
                break
            }
            do {
                guard let value = try parser.value(of: text, for: variable) else { continue }
                if variable.evidence == .required && evidence.isEmpty {
                    diagnostics.append(
                        .error(
                            .evidenceRequired, at: at("I"), subject: .unitVariable(metadata.unit, variable.id),
                            "unit '\(metadata.unit)', variable '\(variable.id)': the value \(text) needs evidence, and none is given",
                            hint: "fill at least one of columns I–M (document number, title, date, summary, link)"))
                }
                entries[variable.id] = TemplateEntry(
                    value: value, evidence: evidence.isEmpty ? nil : evidence, note: note.flatMap { $0.isEmpty ? nil : $0 })
            } catch {
                diagnostics.append(
                    .error(
                        error.code, at: at("D"), subject: .unitVariable(metadata.unit, variable.id),
                        "unit '\(metadata.unit)', variable '\(variable.id)': \(error.message)", hint: error.hint))
            }
        }
        return (entries, diagnostics)
    }

    private static func storedChecksum(_ document: XLSXDocument) -> String? {
        guard let sheet = try? document.sheet(named: TemplateMetadata.sheetName) else { return nil }
        return sheet.rows.first { $0.texts.first == "checksum" }.flatMap { $0.texts.count > 1 ? $0.texts[1] : nil }
    }

    private static func dateText(_ cell: XLSXCell) -> String { cell.isoDate ?? cell.text }

    private static func columnIndex(_ name: String) -> Int {
        Int(name.unicodeScalars.first!.value) - 64
    }

    static func freshTemplateHint(_ unit: String?, period: String? = nil) -> String {
        "ask the department for a fresh template (ictindex template --period \(period ?? "P") "
            + "--unit \(unit ?? "CODE") --out DIR) and copy the values into it"
    }

    private static func failure(
        _ code: DiagnosticCode, at location: SourceLocation, _ message: String, hint: String?
    ) -> ValidationFailure {
        ValidationFailure(diagnostics: [.error(code, at: location, message, hint: hint)])
    }
}
