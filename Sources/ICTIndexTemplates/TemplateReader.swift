public import ICTIndexCore
public import OrderedCollections
public import XLSXReader

/// Reads a filled self-assessment workbook back: its metadata, then its values and evidence, after checking
/// that nothing the template fixes was changed.
///
/// Problems are diagnostics located at the cell, as `filled.xlsx:Tự đánh giá!D14`, all at once.
public enum TemplateReader {
    /// Whether a workbook is an ictindex template (it has the metadata sheet, or the input sheet).
    public static func isTemplate(_ document: XLSXDocument) -> Bool {
        document.sheetNames.contains(TemplateMetadata.sheetName)
            || document.sheetNames.contains(TemplateFormulas.inputSheet)
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
                    Words(
                        vi: "trang tính ẩn '\(TemplateMetadata.sheetName)' dùng để nhận biết phiếu đã bị xóa",
                        en: "the hidden sheet '\(TemplateMetadata.sheetName)' that identifies the template was deleted"),
                    hint: freshTemplateHint(nil))
            }
            let sheets = document.sheetNames.map { "'\($0)'" }.joined(separator: ", ")
            throw failure(
                .notATemplate, at: location,
                Words(
                    vi: "bảng tính này không phải phiếu tự đánh giá của ictindex (không có trang tính "
                        + "'\(TemplateMetadata.sheetName)'; các trang tính của nó là \(sheets))",
                    en: "this workbook is not an ictindex self-assessment template (it has no "
                        + "'\(TemplateMetadata.sheetName)' sheet; its sheets are \(sheets))"),
                hint: Words(
                    vi:
                        "hãy nhập phiếu do 'ictindex template' tạo ra, hoặc một tệp số liệu kèm --period và --framework",
                    en: "import a template made by 'ictindex template', or a values file with --period and --framework")
            )
        }
        let sheet: XLSXSheet
        do { sheet = try document.sheet(named: TemplateMetadata.sheetName) } catch {
            throw failure(
                .notATemplate, at: location,
                Words(vi: "không đọc được trang tính thông tin của phiếu: ", en: "the metadata sheet cannot be read: ")
                    + error.messageWords, hint: nil)
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
                Words(
                    vi: "phiếu theo định dạng '\(version)'; phiên bản ictindex này đọc định dạng "
                        + "'\(TemplateMetadata.currentVersion)'",
                    en:
                        "the template is of format '\(version)'; this ictindex reads '\(TemplateMetadata.currentVersion)'"
                ),
                hint: freshTemplateHint(fields["unit"]))
        }
        guard let metadata = TemplateMetadata(fields: fields), fields["checksum"] != nil else {
            let missing = (TemplateMetadata.keys + ["checksum"]).filter { fields[$0] == nil }
            let names = missing.map { "'\($0)'" }.joined(separator: ", ")
            throw failure(
                .templateTampered, at: SourceLocation(file: "\(path):\(TemplateMetadata.sheetName)"),
                Words(
                    vi: "trang tính thông tin của phiếu đã bị sửa: thiếu \(names)",
                    en: "the metadata sheet was edited: \(names) \(missing.count == 1 ? "is" : "are") missing"),
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
                    .error(
                        .templateTampered, at: SourceLocation(file: path),
                        Words(vi: "trang tính '\(name)' đã bị xóa", en: "the sheet '\(name)' was deleted"), hint: hint))
                continue
            }
            do { sheets[name] = try document.sheet(named: name) } catch {
                diagnostics.append(
                    .error(
                        .notATemplate, at: SourceLocation(file: path),
                        Words(vi: "không đọc được trang tính '\(name)': ", en: "the sheet '\(name)' cannot be read: ")
                            + error.messageWords))
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
                    Words(
                        vi: "ô bị khóa đã bị sửa: phiếu gốc ghi '\(cell.text)', tệp ghi '\(actual)'"
                            + (reference.column == 1 ? " (có dòng bị chèn, xóa hoặc di chuyển)" : ""),
                        en: "the locked cell was changed: the template has '\(cell.text)', the file has '\(actual)'"
                            + (reference.column == 1 ? " (rows were inserted, deleted or moved)" : "")),
                    hint: hint))
        }
        // Rows after the last variable must be empty: a row added at the end is not in the template.
        let end = template.plan.inputRow(template.plan.inputs.count)
        for row in input.rows where row.number >= end && !row.isBlank {
            let first = row.cells.first { !$0.text.isEmpty }
            changed.append(
                .error(
                    .templateTampered,
                    at: SourceLocation(
                        file:
                            "\(path):\(TemplateFormulas.inputSheet)!\(first?.reference.description ?? "A\(row.number)")"
                    ),
                    Words(
                        vi: "dòng \(row.number) không thuộc phiếu (phiếu chỉ có \(template.plan.inputs.count) dòng số "
                            + "liệu, \(TemplatePlan.firstInputRow)–\(end - 1))",
                        en: "row \(row.number) is not part of the template (it has only \(template.plan.inputs.count) "
                            + "rows of values, \(TemplatePlan.firstInputRow)–\(end - 1))"),
                    hint: hint))
        }
        if changed.count > 20 {
            let more = changed.count - 20
            changed = Array(changed.prefix(20))
            changed.append(
                .error(
                    .templateTampered, at: SourceLocation(file: path),
                    Words(
                        vi: "và \(more) ô bị khóa khác cũng đã bị sửa", en: "and \(more) more locked cells were changed"
                    ),
                    hint: hint))
        }
        diagnostics += changed
        if changed.isEmpty, let stored = storedChecksum(document), stored != metadata.checksum(lockedCells: locked) {
            diagnostics.append(
                .error(
                    .templateTampered, at: SourceLocation(file: "\(path):\(TemplateMetadata.sheetName)"),
                    Words(
                        vi: "trang tính thông tin của phiếu đã bị sửa: mã kiểm tra không khớp với đơn vị, kỳ đánh giá "
                            + "và bộ tiêu chí ghi trong đó",
                        en: "the metadata sheet was edited: its checksum does not match the unit, period and criteria "
                            + "it names"),
                    hint: hint))
        }
        guard diagnostics.isEmpty else { return ([:], diagnostics) }

        // Values.
        var entries: OrderedDictionary<VariableID, TemplateEntry> = [:]
        let parser = CellParser(decimalStyle: .point)
        for (i, variable) in template.plan.inputs.enumerated() {
            let row = template.plan.inputRow(i)
            func cell(_ column: String) -> XLSXCell? {
                input.cell(at: XLSXCellReference(row: row, column: columnIndex(column)))
            }
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
                        Words(
                            vi: "đơn vị '\(metadata.unit)', biến '\(variable.id)': ô hiện lỗi \(e)",
                            en: "unit '\(metadata.unit)', variable '\(variable.id)': the cell shows the error \(e)"),
                        hint: Words(
                            vi: "hãy gõ giá trị thay cho công thức bị lỗi",
                            en: "type a value instead of a formula that fails")))
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
                            Words(
                                vi: "đơn vị '\(metadata.unit)', biến '\(variable.id)': giá trị \(text) cần minh chứng, "
                                    + "nhưng chưa có",
                                en: "unit '\(metadata.unit)', variable '\(variable.id)': the value \(text) needs "
                                    + "evidence, and none is given"),
                            hint: Words(
                                vi: "hãy điền ít nhất một trong các cột I–M (số văn bản, tên văn bản, ngày, trích yếu, "
                                    + "đường dẫn)",
                                en: "fill at least one of columns I–M (document number, title, date, summary, link)")))
                }
                entries[variable.id] = TemplateEntry(
                    value: value, evidence: evidence.isEmpty ? nil : evidence,
                    note: note.flatMap { $0.isEmpty ? nil : $0 })
            } catch {
                diagnostics.append(
                    .error(
                        error.code, at: at("D"), subject: .unitVariable(metadata.unit, variable.id),
                        error.message(unit: metadata.unit, variable: variable.id), hint: error.hint))
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

    static func freshTemplateHint(_ unit: String?, period: String? = nil) -> Words {
        let command = "ictindex template --period \(period ?? "P") --unit \(unit ?? "CODE") --out DIR"
        return Words(
            vi: "hãy xin Sở một phiếu mới (\(command)) rồi chép các giá trị sang",
            en: "ask the department for a fresh template (\(command)) and copy the values into it")
    }

    private static func failure(
        _ code: DiagnosticCode, at location: SourceLocation, _ message: Words, hint: Words?
    ) -> ValidationFailure {
        ValidationFailure(diagnostics: [.error(code, at: location, message, hint: hint)])
    }
}
