public import ICTIndexCore
import OrderedCollections
public import XLSXWriter

import struct Foundation.Date

/// A value written into a template's input cells: used to re-issue a filled workbook and in tests.
public struct TemplateEntry: Hashable, Sendable {
    public var value: Value?
    public var evidence: Evidence?
    public var note: String?

    public init(value: Value?, evidence: Evidence? = nil, note: String? = nil) {
        self.value = value
        self.evidence = evidence
        self.note = note
    }
}

/// One unit's self-assessment workbook (DESIGN §8): instructions, an input sheet that cannot be filled
/// wrongly, the provisional points as formulas that mirror the engine, and a hidden metadata sheet.
///
/// Sheets: `Hướng dẫn` (instructions), `Tự đánh giá` (one row per variable that applies to the unit's group,
/// input cell in column D, evidence in I–M, note in N), `Điểm tạm tính` (points per pillar and indicator,
/// total and band), `Tính toán` (hidden: the formulas, see ``TemplateFormulas``) and `_ictindex` (hidden:
/// ``TemplateMetadata``). Every sheet is protected without a password; only the input, evidence and note
/// cells are unlocked.
public struct SelfAssessmentTemplate: Sendable {
    public var framework: Framework
    public var metadata: TemplateMetadata
    /// Last period's values of the unit, shown in the "Kỳ trước" column.
    public var previous: [VariableID: Value]
    /// Values written into the input cells.
    public var entries: [VariableID: TemplateEntry]

    let plan: TemplatePlan

    /// Creates a template.
    ///
    /// - Parameters:
    ///   - framework: the criteria.
    ///   - metadata: the unit, period and criteria identity (see ``TemplateMetadata``).
    ///   - previous: last period's values, by variable.
    ///   - entries: values to write into the input cells.
    public init(
        framework: Framework, metadata: TemplateMetadata, previous: [VariableID: Value] = [:],
        entries: [VariableID: TemplateEntry] = [:]
    ) {
        self.framework = framework
        self.metadata = metadata
        self.previous = previous
        self.entries = entries
        self.plan = TemplatePlan(framework: framework, group: metadata.group)
    }

    /// The reported variables the template asks for, in row order.
    public var inputVariables: [Variable] { plan.inputs }

    /// The cell address ("D14") of a variable's input on the input sheet.
    public func inputCell(_ variable: VariableID) -> String? {
        plan.inputs.firstIndex { $0.id == variable }.map { "\(TemplateFormulas.inputColumn)\(plan.inputRow($0))" }
    }

    /// The indicators the workbook computes, and those it leaves to the department (peer-relative rules).
    public var computedIndicators: (computed: [NodeID], departmentScored: [NodeID]) {
        let indicators = plan.nodes.filter { $0.node.isIndicator }
        return (
            indicators.filter { !$0.departmentScored }.map(\.node.id),
            indicators.filter(\.departmentScored).map(\.node.id)
        )
    }

    /// The calculation sheet's cells of a node's points and value, and of the total: for checks.
    public func calculationCell(points node: NodeID) -> String? {
        plan.nodes.firstIndex { $0.node.id == node }.map { "D\(plan.nodeCalculationRow($0))" }
    }

    /// The calculation sheet's cell of the published score.
    public var publishedScoreCell: String { "C\(plan.totalCalculationRow)" }

    /// The calculation sheet's name.
    public static var calculationSheetName: String { TemplateFormulas.calculationSheet }
    /// The input sheet's name.
    public static var inputSheetName: String { TemplateFormulas.inputSheet }

    var words: TemplateWords { TemplateWords(language: metadata.language) }

    // MARK: - Locked cells

    /// The fixed texts of the input and points sheets that a filled workbook must still have.
    func lockedCells() -> [LockedCell] {
        var cells: [LockedCell] = []
        let input = TemplateFormulas.inputSheet
        for (column, text) in zip(["A", "B", "C", "D", "E", "F", "G", "H"], words.inputHeader) {
            cells.append(LockedCell(sheet: input, address: "\(column)\(TemplatePlan.firstInputRow - 1)", text: text))
        }
        for (i, variable) in plan.inputs.enumerated() {
            let row = plan.inputRow(i)
            cells.append(LockedCell(sheet: input, address: "A\(row)", text: variable.id.rawValue))
            cells.append(LockedCell(sheet: input, address: "B\(row)", text: String(i + 1)))
            cells.append(LockedCell(sheet: input, address: "C\(row)", text: label(variable.name, variable.description)))
            cells.append(LockedCell(sheet: input, address: "E\(row)", text: variable.unitOfMeasure ?? ""))
            cells.append(LockedCell(sheet: input, address: "F\(row)", text: allowed(variable)))
            cells.append(LockedCell(sheet: input, address: "H\(row)", text: words.evidence(variable.evidence)))
        }
        let points = TemplateFormulas.pointsSheet
        for (i, planned) in plan.nodes.enumerated() {
            let row = plan.nodePointsRow(i)
            cells.append(LockedCell(sheet: points, address: "A\(row)", text: planned.node.id.rawValue))
            cells.append(
                LockedCell(sheet: points, address: "B\(row)", text: label(planned.node.name, planned.node.description)))
            cells.append(
                LockedCell(sheet: points, address: "C\(row)", text: TemplateFormulas.number(planned.node.weight)))
        }
        return cells
    }

    /// What a variable accepts, as shown in column F.
    func allowed(_ variable: Variable) -> String {
        let bounds = variable.effectiveBounds
        func n(_ x: Double) -> String { NumberFormatting.plain(x) }
        switch variable.kind {
        case .boolean: return "\(words.yesNo.yes) / \(words.yesNo.no)"
        case .choice: return variable.options.values.map { $0.text(metadata.language) }.joined(separator: " / ")
        case .date: return words.dateFormat
        case .text: return ""
        case .number, .integer, .percent:
            let whole = variable.kind == .integer ? words.wholeNumber + " " : ""
            switch (bounds.min, bounds.max) {
            case (let lo?, let hi?): return "\(whole)\(n(lo)) – \(n(hi))"
            case (let lo?, nil): return "\(whole)≥ \(n(lo))"
            case (nil, let hi?): return "\(whole)≤ \(n(hi))"
            case (nil, nil): return whole.isEmpty ? words.anyNumber : words.wholeNumber
            }
        }
    }

    // MARK: - The workbook

    /// The workbook, ready for ``XLSXWriter``.
    public func spreadsheet() -> Spreadsheet {
        let locked = lockedCells()
        let checksum = metadata.checksum(lockedCells: locked)
        var sheets = [
            instructionsSheet(), inputSheet(), pointsSheet(), calculationSheet(), metadataSheet(checksum: checksum),
        ]
        // Rows tall enough for their wrapped text (names with the decision's wording, option lists, paragraphs).
        for index in sheets.indices { sheets[index].fitRowHeights() }
        return Spreadsheet(
            sheets: sheets,
            properties: DocumentProperties(
                title: words.title(period: metadata.period), subject: metadata.unitName,
                author: "ictindex", keywords: metadata.frameworkID,
                created: Date(timeIntervalSince1970: 0)))
    }

    private var styles: TemplateStyles { TemplateStyles.shared }

    private func instructionsSheet() -> Sheet {
        let s = styles
        var rows: [[Cell]] = [
            [.text(words.title(period: metadata.period), style: s.title)],
            [.text("\(metadata.unitName) (\(metadata.unit))", style: s.subtitle)],
            [
                .text(
                    framework.name.text(metadata.language) + (metadata.frameworkEdition.map { " — \($0)" } ?? ""),
                    style: s.note)
            ],
            [],
        ]
        if let deadline = metadata.deadline {
            rows.append([.text(words.deadline, style: s.label), .text(Self.shownDate(deadline), style: s.bold)])
            rows.append([])
        }
        for paragraph in words.instructions(
            scale: TemplateFormulas.number(framework.scale), recipient: framework.publication.recipient)
        {
            rows.append([.text(paragraph.0, style: s.label), .text(paragraph.1, style: s.wrapped)])
        }
        rows.append([])
        rows.append([.text(words.bandsHeading, style: s.label)])
        for band in framework.bands {
            let bound: String
            switch band.bound {
            case .atLeast(let x): bound = "≥ \(NumberFormatting.plain(x))"
            case .above(let x): bound = "> \(NumberFormatting.plain(x))"
            case .any: bound = words.otherwise
            }
            rows.append([.text(band.name.text(metadata.language), style: s.bold), .text(bound, style: s.wrapped)])
        }
        var sheet = Sheet(
            name: words.instructionsSheet, rows: rows, columns: [Column(0, width: 24), Column(1, width: 100)])
        sheet.protection = SheetProtection(allowsFormattingColumns: true, allowsFormattingRows: true)
        sheet.showsGridlines = false
        sheet.pageSetup = page(.landscape, repeating: nil)
        return sheet
    }

    /// A4, one page wide, the sheet's name, unit and period in the footer and pages numbered per sheet.
    private func page(_ orientation: PageSetup.Orientation, repeating rows: ClosedRange<Int>?) -> PageSetup {
        let left = "\(metadata.unit) · \(metadata.period)".replacingOccurrences(of: "&", with: "&&")
        return PageSetup(
            orientation: orientation, paperSize: .a4, fitToWidth: 1, repeatedRows: rows,
            footer: "&L&8&A · " + left + "&C&8" + words.footerPage,
            margins: PageMargins(left: 0.4, right: 0.4, top: 0.5, bottom: 0.6), centersHorizontally: true,
            firstPageNumber: 1)
    }

    private func inputSheet() -> Sheet {
        let s = styles
        let total = "'\(TemplateFormulas.calculationSheet)'!C\(plan.totalCalculationRow)"
        let band = "'\(TemplateFormulas.calculationSheet)'!D\(plan.totalCalculationRow)"
        var rows: [[Cell]] = [
            [.empty, .text(words.title(period: metadata.period), style: s.title)],
            [.empty, .text("\(words.unitLabel): \(metadata.unitName) (\(metadata.unit))", style: s.subtitle)],
            [
                .empty, .empty, .text(words.provisionalScore, style: s.scoreLabel),
                .formula(shownOnceFilled(total), cachedResult: Self.uncomputed, style: s.score),
                departmentPoints == nil
                    ? .text("/ " + NumberFormatting.plain(framework.scale), style: s.bold)
                    : .formula(selfScoredMaximum, cachedResult: Self.uncomputed, style: s.bold),
                departmentPoints == nil
                    ? .formula(shownOnceFilled(band), cachedResult: Self.uncomputed, style: s.band)
                    : .text(words.bandLater, style: s.note),
                .empty,
                .text(metadata.deadline.map { "\(words.deadline): \(Self.shownDate($0))" } ?? "", style: s.bold),
            ],
            [.empty, .text(words.inputNote, style: s.note)],
        ]
        rows.append(
            words.inputHeader.map { .text($0, style: s.header) }
                + words.evidenceHeader.map { .text($0, style: s.header) })
        var validations: [DataValidation] = []
        for (i, variable) in plan.inputs.enumerated() {
            let row = plan.inputRow(i)
            let entry = entries[variable.id]
            var cells: [Cell] = [
                .text(variable.id.rawValue, style: s.text), .text(String(i + 1), style: s.centered),
                .text(label(variable.name, variable.description), style: s.wrapped),
                inputCell(variable, entry?.value),
                .text(variable.unitOfMeasure ?? "", style: s.centered), .text(allowed(variable), style: s.wrapped),
                previousCell(variable), .text(words.evidence(variable.evidence), style: s.centered),
            ]
            let evidence = entry?.evidence
            cells += [evidence?.number, evidence?.title].map { text(input: $0) }
            cells.append(
                evidence?.date.flatMap(Self.date).map { .date($0, style: s.inputDate) }
                    ?? text(input: evidence?.date, style: s.inputDate))
            cells += [evidence?.summary, evidence?.link, entry?.note].map { text(input: $0) }
            rows.append(cells)
            if let rule = validation(variable) {
                validations.append(
                    DataValidation(
                        CellRange(CellAddress(row: row - 1, column: 3)), rule: rule, inputTitle: words.inputTitle,
                        inputMessage: String(
                            (allowed(variable).isEmpty ? words.anyText : allowed(variable)).prefix(250)),
                        errorTitle: words.errorTitle,
                        errorMessage: String(words.errorMessage(allowed(variable)).prefix(250))))
            }
        }
        if !plan.inputs.isEmpty {
            let first = plan.inputRow(0) - 1
            let last = plan.inputRow(plan.inputs.count - 1) - 1
            validations.append(
                DataValidation(
                    CellRange(rows: first...last, columns: 10...10),
                    rule: .date(earliest: Self.date("1945-09-02")!, latest: Self.date("2100-12-31")!),
                    inputTitle: words.evidenceHeader[2], inputMessage: words.dateFormat, errorTitle: words.errorTitle,
                    errorMessage: words.errorMessage(words.dateFormat)))
        }
        var sheet = Sheet(
            name: TemplateFormulas.inputSheet, rows: rows,
            columns: Self.inputWidths.enumerated().map {
                Column($0.offset, width: $0.element, isHidden: $0.offset == 0)
            },
            merges: [], freezePanes: CellAddress(row: TemplatePlan.firstInputRow - 1, column: 4))
        // A chosen option shows in full: the row is tall enough for the longest label in the input column's width
        // (a value picked from the list later cannot grow the row, whose height is fixed).
        for (i, variable) in plan.inputs.enumerated() where variable.kind == .choice {
            let longest = variable.options.values.map { $0.text(metadata.language) }.max { $0.count < $1.count } ?? ""
            sheet.fitRowHeight(plan.inputRow(i) - 1, toShow: longest, columnWidth: Self.inputWidths[3])
        }
        sheet.dataValidations = validations
        sheet.protection = SheetProtection(allowsFormattingColumns: true, allowsFormattingRows: true)
        sheet.pageSetup = page(
            .landscape, repeating: (TemplatePlan.firstInputRow - 2)...(TemplatePlan.firstInputRow - 2))
        return sheet
    }

    /// The input sheet's column widths, in characters: id (hidden), STT, item, value, unit of measure, allowed
    /// values, last period, evidence required, then the evidence (number, title, date, summary, link) and a note.
    ///
    /// The visible columns add up to 179 characters, so fitting them to one landscape A4 page wide scales the
    /// 11-point text to about 79 % (8.7 points): a column is 7 × width + 5 pixels of ¾ point, the margins (2 × 0.4
    /// inch) leave 784 of the page's 842 points, and the scale is rounded down to a whole percent. The former widths
    /// (254 characters) printed at about 5 points; long texts now wrap instead.
    static let inputWidths: [Double] = [14, 4, 34, 18, 8, 18, 10, 10, 10, 16, 11, 16, 12, 12]

    /// The maximum points of the indicators the department scores (compared across units), as a formula over the
    /// calculation sheet, or `nil` when the workbook computes every indicator.
    private var departmentPoints: String? {
        let rows = plan.nodes.indices.filter { plan.nodes[$0].node.isIndicator && plan.nodes[$0].departmentScored }
        guard !rows.isEmpty else { return nil }
        let calc = "'\(TemplateFormulas.calculationSheet)'!"
        return "(" + rows.map { "\(calc)E\(plan.nodeCalculationRow($0))" }.joined(separator: "+") + ")"
    }

    /// The points the provisional score is out of: the scale less the department's part ("/ 74.57").
    private var selfScoredMaximum: String {
        "\"/ \"&FIXED(\(TemplateFormulas.number(framework.scale))-\(departmentPoints ?? "0"),2,TRUE)"
    }

    /// What the provisional score covers, when the department scores part of it: "/ 74.57 điểm tự chấm; 25.43 điểm
    /// do Sở chấm — xếp loại sau khi Sở chấm". No band is shown until the department's part is known.
    private var coverage: String {
        let department = departmentPoints ?? "0"
        let own = "FIXED(\(TemplateFormulas.number(framework.scale))-\(department),2,TRUE)"
        let theirs = "FIXED(\(department),2,TRUE)"
        let parts = words.coverage(selfScored: "\u{1}", department: "\u{2}").components(separatedBy: "\u{1}")
        let rest = parts.count == 2 ? parts[1].components(separatedBy: "\u{2}") : []
        guard parts.count == 2, rest.count == 2 else { return TemplateFormulas.quoted(words.bandLater) }
        return TemplateFormulas.quoted(parts[0]) + "&" + own + "&" + TemplateFormulas.quoted(rest[0]) + "&" + theirs
            + "&" + TemplateFormulas.quoted(rest[1])
    }

    /// A total shown once any value is typed (a blank form shows no score and no band), and blank on an error.
    private func shownOnceFilled(_ cell: String) -> String {
        guard !plan.inputs.isEmpty else { return "IFERROR(\(cell),\"\")" }
        let column = TemplateFormulas.inputColumn
        let range =
            "'\(TemplateFormulas.inputSheet)'!\(column)\(plan.inputRow(0)):\(column)\(plan.inputRow(plan.inputs.count - 1))"
        return "IF(COUNTA(\(range))=0,\"\",IFERROR(\(cell),\"\"))"
    }

    private func text(input: String?, style: CellStyle? = nil) -> Cell {
        let style = style ?? styles.inputText
        return input.map { .text($0, style: style) } ?? .blank(style: style)
    }

    /// The input cell: the entry's value if any, styled and unlocked.
    private func inputCell(_ variable: Variable, _ value: Value?) -> Cell {
        let s = styles
        guard let value else { return .blank(style: variable.kind == .date ? s.inputDate : s.input) }
        switch (variable.kind, value) {
        case (.boolean, .number(let x)): return .text(x != 0 ? words.yesNo.yes : words.yesNo.no, style: s.input)
        case (.choice, .option(let id)):
            return .text(variable.options[id]?.text(metadata.language) ?? id, style: s.input)
        case (.date, .text(let t)):
            return Self.date(t).map { .date($0, style: s.inputDate) } ?? .text(t, style: s.input)
        case (_, .number(let x)): return .number(x, style: s.input)
        case (_, .option(let t)), (_, .text(let t)): return .text(t, style: s.input)
        }
    }

    private func previousCell(_ variable: Variable) -> Cell {
        let s = styles
        guard let value = previous[variable.id] else { return .blank(style: s.centered) }
        switch (variable.kind, value) {
        case (.boolean, .number(let x)): return .text(x != 0 ? words.yesNo.yes : words.yesNo.no, style: s.centered)
        case (.choice, .option(let id)):
            return .text(variable.options[id]?.text(metadata.language) ?? id, style: s.centered)
        case (_, .number(let x)): return .number(x, style: s.previousNumber)
        case (_, .option(let t)), (_, .text(let t)): return .text(t, style: s.centered)
        }
    }

    private func validation(_ variable: Variable) -> DataValidation.Rule? {
        let bounds = variable.effectiveBounds
        switch variable.kind {
        case .number, .percent:
            return .decimal(minimum: bounds.min ?? -1e15, maximum: bounds.max ?? 1e15)
        case .integer:
            func int(_ x: Double?, _ fallback: Int) -> Int {
                guard let x, x.isFinite else { return fallback }
                return Int(Swift.max(-2_147_483_647, Swift.min(2_147_483_647, x.rounded(x < 0 ? .down : .up))))
            }
            return .wholeNumber(minimum: int(bounds.min, -2_147_483_647), maximum: int(bounds.max, 2_147_483_647))
        case .boolean:
            return .list([words.yesNo.yes, words.yesNo.no])
        case .choice:
            let labels = variable.options.values.map { $0.text(metadata.language) }
            // Excel limits a literal list to 255 characters; a longer one is checked on import only.
            guard labels.joined(separator: ",").count <= 255, !labels.contains(where: { $0.contains(",") }) else {
                return nil
            }
            return .list(labels)
        case .date:
            return .date(earliest: Self.date("1945-09-02")!, latest: Self.date("2100-12-31")!)
        case .text:
            return nil
        }
    }

    private func pointsSheet() -> Sheet {
        let s = styles
        let calc = "'\(TemplateFormulas.calculationSheet)'!"
        let totalRow = plan.totalCalculationRow
        var rows: [[Cell]] = [
            [.empty, .text(words.pointsTitle(period: metadata.period), style: s.title)],
            [.empty, .text("\(words.unitLabel): \(metadata.unitName) (\(metadata.unit))", style: s.subtitle)],
            [
                .empty, .text(words.provisionalScore, style: s.scoreLabel), .empty, .empty,
                .formula(shownOnceFilled("\(calc)C\(totalRow)"), cachedResult: Self.uncomputed, style: s.score),
                departmentPoints == nil
                    ? .formula(shownOnceFilled("\(calc)D\(totalRow)"), cachedResult: Self.uncomputed, style: s.band)
                    : .formula(coverage, cachedResult: Self.uncomputed, style: s.coverage),
            ],
            words.pointsHeader.map { .text($0, style: s.header) },
        ]
        // The longest text each row's status formula can show: the row must be tall enough for it.
        var statusTexts: [String] = []
        for (i, planned) in plan.nodes.enumerated() {
            let c = plan.nodeCalculationRow(i)
            let isPillar = !planned.node.isIndicator
            var name = CellStyle(
                bold: isPillar, fontName: TemplateStyles.font, verticalAlignment: .center, wrapsText: true,
                indent: planned.depth, borders: .all(TemplateStyles.grid))
            if isPillar { name.fillColor = TemplateStyles.pillarFill }
            let number = isPillar ? s.pillarNumber : s.number
            var row: [Cell] = [
                .text(planned.node.id.rawValue, style: s.text),
                .text(label(planned.node.name, planned.node.description), style: name),
                .text(TemplateFormulas.number(planned.node.weight), style: s.centered),
                .formula("\(calc)E\(c)", cachedResult: Self.uncomputed, style: number),
            ]
            if planned.departmentScored {
                row.append(.text(words.departmentScored, style: s.centered))
            } else {
                row.append(.formula("\(calc)D\(c)", cachedResult: Self.uncomputed, style: number))
            }
            row.append(
                .formula(statusFormula(planned, calculationRow: c), cachedResult: Self.uncomputed, style: s.wrapped))
            rows.append(row)
            statusTexts.append(statusText(planned))
        }
        for (d, deduction) in framework.deductions.enumerated() {
            let c = plan.deductionCalculationRow(d)
            rows.append([
                .text(deduction.id.rawValue, style: s.text),
                .text(deduction.name.text(metadata.language), style: s.wrapped),
                .text(deduction.cap.map { words.deductionCap(NumberFormatting.plain($0)) } ?? "", style: s.centered),
                .blank(style: s.number),
                .formula("-\(calc)B\(c)", cachedResult: Self.uncomputed, style: s.number),
                .text(words.deduction, style: s.wrapped),
            ])
        }
        // The weight beside the maximum points, explained: they differ when an item does not apply to the group.
        rows.append([])
        rows.append([])
        let weightNoteRow = rows.count - 1
        var sheet = Sheet(
            name: TemplateFormulas.pointsSheet, rows: rows,
            columns: [
                Column(0, width: 14, isHidden: true), Column(1, width: 56), Column(2, width: 10), Column(3, width: 12),
                Column(4, width: 14), Column(5, width: 40),
            ],
            freezePanes: CellAddress(row: TemplatePlan.firstPointsRow - 1, column: 0))
        sheet.merges = [
            Merge(
                CellRange(rows: weightNoteRow...weightNoteRow, columns: 1...5),
                value: .text(words.weightNote, style: s.noteWrapped))
        ]
        if departmentPoints != nil {
            sheet.fitRowHeight(2, toShow: words.coverage(selfScored: "00.00", department: "00.00"), columnWidth: 40)
        }
        for (i, text) in statusTexts.enumerated() {
            sheet.fitRowHeight(plan.nodePointsRow(i) - 1, toShow: text, columnWidth: 40)
        }
        sheet.protection = SheetProtection(allowsFormattingColumns: true, allowsFormattingRows: true)
        sheet.pageSetup = page(
            .portrait, repeating: (TemplatePlan.firstPointsRow - 2)...(TemplatePlan.firstPointsRow - 2))
        return sheet
    }

    /// What a row's status formula shows when it shows anything (see ``statusFormula(_:calculationRow:)``).
    private func statusText(_ planned: TemplatePlan.PlannedNode) -> String {
        guard let indicator = planned.node.indicator else { return words.pillarSkipped }
        if planned.departmentScored { return words.departmentScoredNote }
        return words.missing(indicator.missing)
    }

    private func statusFormula(_ planned: TemplatePlan.PlannedNode, calculationRow c: Int) -> String {
        let calc = "'\(TemplateFormulas.calculationSheet)'!"
        guard let indicator = planned.node.indicator else {
            return "IF(ISNUMBER(\(calc)B\(c)),\"\",\(TemplateFormulas.quoted(words.pillarSkipped)))"
        }
        if planned.departmentScored { return TemplateFormulas.quoted(words.departmentScoredNote) }
        let formulas = TemplateFormulas(plan: plan, language: metadata.language)
        let present = formulas.isPresent(indicator, valueCell: "\(calc)G\(c)")
        return "IF(\(present),\"\",\(TemplateFormulas.quoted(words.missing(indicator.missing))))"
    }

    private func calculationSheet() -> Sheet {
        let formulas = TemplateFormulas(plan: plan, language: metadata.language)
        func f(_ text: String) -> Cell { .formula(text, cachedResult: Self.uncomputed) }
        var rows: [[Cell]] = [
            ["id", "value", "effective weight", "points", "max points", "counted weight", "indicator value", "rules…"]
                .map { .text($0) }
        ]
        for (i, variable) in plan.inputs.enumerated() {
            rows.append([.text(variable.id.rawValue), f(formulas.inputValue(variable, row: plan.inputRow(i)))])
        }
        for variable in plan.derived {
            rows.append([.text(variable.id.rawValue), f(formulas.derivedValue(variable))])
        }
        for (i, planned) in plan.nodes.enumerated() {
            let row = plan.nodeCalculationRow(i)
            let value = planned.node.isIndicator ? formulas.indicatorScore(planned, row: row) : formulas.pillarScore(i)
            var cells: [Cell] = [
                .text(planned.node.id.rawValue), f(value), f(formulas.effectiveWeight(i)),
                f("IF(ISNUMBER(B\(row)),C\(row)*B\(row),0)"), f("C\(row)*\(TemplateFormulas.number(framework.scale))"),
                planned.node.isIndicator ? .empty : f(formulas.countedWeight(i)),
            ]
            if let indicator = planned.node.indicator, !planned.departmentScored {
                cells.append(f(formulas.indicatorValue(indicator)))
                cells += formulas.ruleCells(planned, row: row).map(f)
            }
            rows.append(cells)
        }
        for deduction in framework.deductions {
            rows.append([.text(deduction.id.rawValue), f(formulas.deductionPoints(deduction))])
        }
        let total = formulas.total()
        rows.append([
            .text("total"), f(total.score), f(total.published), .formula(total.band, cachedResult: Self.uncomputed),
        ])
        var sheet = Sheet(name: TemplateFormulas.calculationSheet, rows: rows, columns: [Column(0, width: 16)])
        sheet.visibility = .hidden
        sheet.protection = SheetProtection()
        return sheet
    }

    private func metadataSheet(checksum: String) -> Sheet {
        var rows: [[Cell]] = metadata.fields.map { [.text($0.key), .text($0.value)] }
        rows.append([.text("checksum"), .text(checksum)])
        var sheet = Sheet(
            name: TemplateMetadata.sheetName, rows: rows, columns: [Column(0, width: 18), Column(1, width: 70)])
        sheet.visibility = .hidden
        sheet.protection = SheetProtection()
        return sheet
    }

    /// A row's label: the name, and under it the decision's wording (`description`), verbatim.
    func label(_ name: LocalizedText, _ description: LocalizedText?) -> String {
        let text = name.text(metadata.language)
        guard let description else { return text }
        return text + "\n" + description.text(metadata.language)
    }

    /// The cached result of every formula: none (an empty string).
    ///
    /// A formula cell with no cached value is calculated by LibreOffice when it opens the file, even with its
    /// default setting of never recalculating .xlsx files ("One place where `worksheet_write_formula_str()` may be
    /// required is to specify an empty result which will force a recalculation of the formula when loaded in
    /// LibreOffice", libxlsxwriter's worksheet.h); Excel recalculates every formula on load because libxlsxwriter
    /// sets `fullCalcOnLoad`. A cached 0 would show 0.00 for every maximum until a forced recalculation.
    static let uncomputed = FormulaResult.text("")

    /// A stored "YYYY-MM-DD" date as people in Vietnam write it, "15/01/2027"; any other text unchanged.
    static func shownDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return iso }
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }

    /// A UTC date from "YYYY-MM-DD".
    static func date(_ iso: String) -> Date? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        // Days from 1970-01-01 by the civil-from-days algorithm (Howard Hinnant).
        let (y0, m, d) = (parts[0], parts[1], parts[2])
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Date(timeIntervalSince1970: Double(days) * 86_400)
    }
}
