import ICTIndexCore
import OrderedCollections
import XLSXWriter

extension ReportLayout {
    /// `Phương pháp`: how the run scored, in the decision's words, for a reader who is not a statistician; then the
    /// technical details that reproduce it (criteria id, file name, SHA-256, run time, version).
    ///
    /// Each criterion shows its maximum points and its share of the total score (never a raw weight such as
    /// 0.33333333333), the decision's description followed by the rule in words, the groups it applies to and what a
    /// missing value gets. No criteria-file keyword (`aggregate:`, `impute_group_mean`, `fraction_of_max`) appears.
    func methodSheet(name: String) -> Sheet {
        let s = styles
        let f = framework
        var headers = [words.outlineNumber, words.criterion]
        if showsPoints { headers.append(words.maxPoints) }
        headers += [words.share, words.howScored, words.appliesTo, words.missing, words.codeInFile]
        let last = headers.count - 1
        var rows: [[Cell]] = [[], []]
        var merges = [
            Merge(CellRange(rows: 0...0, columns: 0...last), value: .text(words.methodTitle, style: s.subtitle))
        ]
        let labelColumns = 0...1
        let valueColumns = 2...last
        func pair(_ label: String, _ value: String) {
            let row = rows.count
            merges.append(Merge(CellRange(rows: row...row, columns: labelColumns), value: .text(label, style: s.label)))
            merges.append(Merge(CellRange(rows: row...row, columns: valueColumns), value: .text(value, style: s.value)))
            rows.append([])
        }
        func heading(_ text: String) {
            let row = rows.count
            merges.append(
                Merge(CellRange(rows: row...row, columns: 0...last), value: .text(text, style: s.sectionHeading)))
            rows.append([])
        }
        pair(words.frameworkName, f.name.text(language))
        pair(words.edition, f.edition ?? "—")
        pair(words.periodLabel, words.periodValue(scoreboard.period, edition: f.edition))
        pair(words.scale, words.scaleText(short(f.scale), points: showsPoints))
        pair(words.rounding, words.roundingText(f.decimals))
        pair(words.ranking, words.rankingText(f.rankOn))
        pair(words.bandsLabel, bandsText)
        pair(words.groupsLabel, groupsText)
        pair(words.unitCount, String(scoreboard.units.count))
        pair(words.howToRead, words.howToReadText(points: showsPoints))
        rows.append([])

        heading(words.nodesTitle)
        let headerRow = rows.count
        rows.append(headers.map { .text($0, style: s.header) })
        let numbers = outlineNumbers
        for node in f.nodes.values {
            let effective = nominal[node.id] ?? 0
            let isPillar = !node.isIndicator
            let textStyle = isPillar ? s.label : s.textWrapped
            let applies =
                node.appliesTo.map { ids in
                    ids.sorted { $0.rawValue < $1.rawValue }.map(groupName).joined(separator: "; ")
                }
                ?? words.everyGroup
            var row: [Cell] = [
                .text(numbers[node.id] ?? "", style: isPillar ? s.labelCentered : s.centered),
                .text(
                    String(repeating: "   ", count: max(0, node.level - 1)) + node.name.text(language), style: textStyle
                ),
            ]
            if showsPoints { row.append(number(published(effective * f.scale), isPillar ? s.scoreBold : s.score)) }
            row += [
                .text(words.percent(NumberFormatting.short(effective * 100, maxDecimals: 2)), style: s.rightAligned),
                .text(howScored(node), style: s.textWrapped),
                .text(applies, style: s.textWrapped),
                .text(node.indicator.map { wording.words(for: $0.missing) } ?? "", style: s.textWrapped),
                .text(node.id.rawValue, style: s.small),
            ]
            rows.append(row)
        }
        if !f.deductions.isEmpty {
            rows.append([])
            heading(words.deductionsTitle)
            for d in f.deductions {
                let cap = d.cap.map { words.deductionCap(short($0)) } ?? ""
                let row = rows.count
                merges.append(
                    Merge(
                        CellRange(rows: row...row, columns: 0...1), value: .text(d.name.text(language), style: s.label))
                )
                merges.append(
                    Merge(
                        CellRange(rows: row...row, columns: 2...last),
                        value: .text(words.deductionText(wording.formula(d.points)) + cap, style: s.value)))
                rows.append([])
            }
        }
        rows.append([])
        heading(words.technicalTitle)
        pair(words.frameworkID, f.id)
        // The file's name only: a path names folders of the machine that made the run.
        pair(words.file, (report.run.frameworkFile ?? f.sourceFile).map(Self.fileName) ?? "—")
        pair(words.sha256, report.run.frameworkSHA256 ?? "—")
        pair(words.runTime, runTimeText)
        pair(words.version, report.run.engineVersion)

        var sheet = Sheet(name: name, rows: rows, merges: merges)
        var widths: [Double] = [6, 38]
        if showsPoints { widths.append(8) }
        widths += [8, 58, 16, 22, 14]
        sheet.columns = widths.enumerated().map { Column($0.offset, width: $0.element) }
        sheet.rowHeights = [0: 24, headerRow: 30]
        sheet.freezePanes = CellAddress(row: headerRow + 1, column: 0)
        sheet.showsGridlines = false
        sheet.pageSetup = landscape(repeating: headerRow...headerRow)
        return sheet
    }

    /// A criterion's rule as the decision words it, then the formula in words: "Tỷ lệ CBCCVC có máy tính.\nCách
    /// tính: giá trị = «Số máy tính» ÷ «Tổng số CBCCVC»; tỷ lệ (từ 0 đến 1) × điểm tối đa".
    func howScored(_ node: Node) -> String {
        let rule = wording.words(for: node)
        guard let description = node.description?.text(language), !description.isEmpty else {
            return words.capitalised(rule)
        }
        return description + "\n" + words.formulaLabel + rule
    }

    /// "1", "1.2", "1.2.3" for the nodes under the root, in tree order; the root has none.
    var outlineNumbers: [NodeID: String] {
        var numbers: [NodeID: String] = [:]
        var stack: [(NodeID, String)] = framework.root.children.enumerated().reversed().map {
            ($0.element, "\($0.offset + 1)")
        }
        while let (id, number) = stack.popLast() {
            numbers[id] = number
            guard let node = framework.nodes[id] else { continue }
            stack += node.children.enumerated().reversed().map { ($0.element, "\(number).\($0.offset + 1)") }
        }
        return numbers
    }

    /// "Tốt: từ 85 điểm; Khá: từ 70 đến dưới 85; …; Yếu: dưới 50".
    var bandsText: String {
        let bands = framework.bands
        guard !bands.isEmpty else { return "—" }
        var upper: (x: Double, inclusive: Bool)?
        var parts: [String] = []
        for band in bands {
            let name = band.name.text(language)
            switch band.bound {
            case .atLeast(let x):
                parts.append(
                    name + ": "
                        + words.bandRange(
                            from: short(x), inclusive: true, below: upper.map { (short($0.x), $0.inclusive) }))
                upper = (x, true)
            case .above(let x):
                parts.append(
                    name + ": "
                        + words.bandRange(
                            from: short(x), inclusive: false, below: upper.map { (short($0.x), $0.inclusive) }))
                upper = (x, false)
            case .any:
                parts.append(name + ": " + words.bandRest(below: upper.map { (short($0.x), $0.inclusive) }))
            }
        }
        return parts.joined(separator: "; ")
    }

    /// The groups by name, those not ranked said so.
    var groupsText: String {
        framework.groups.values.map { $0.name.text(language) + ($0.ranked ? "" : " (\(words.notRanked))") }
            .joined(separator: "; ")
    }
}
