import ICTIndexCore
import OrderedCollections
import XLSXWriter

extension ReportLayout {
    /// `Phương pháp`: what the run used and how it scored, enough to reproduce every number.
    func methodSheet(name: String) -> Sheet {
        let s = styles
        let f = framework
        let headers = [
            words.indicatorCode, words.indicatorName, words.level, words.nodeWeight, words.effectiveWeight,
            words.maxPoints, words.aggregation, words.parameters, words.appliesTo, words.missing,
        ]
        let last = headers.count - 1
        var rows: [[Cell]] = [[], []]
        var merges = [
            Merge(CellRange(rows: 0...0, columns: 0...last), value: .text(words.methodTitle, style: s.subtitle))
        ]
        func pair(_ label: String, _ value: Cell) {
            let row = rows.count
            merges.append(Merge(CellRange(rows: row...row, columns: 0...1), value: .text(label, style: s.label)))
            merges.append(Merge(CellRange(rows: row...row, columns: 2...last), value: value))
            rows.append([])
        }
        func text(_ value: String) -> Cell { .text(value, style: s.value) }
        let bands = f.bands.map { band -> String in
            switch band.bound {
            case .atLeast(let x): "\(band.name.text(language)) ≥ \(short(x))"
            case .above(let x): "\(band.name.text(language)) > \(short(x))"
            case .any: band.name.text(language)
            }
        }
        let groups = f.groups.values.map {
            "\($0.id) — \($0.name.text(language))" + ($0.ranked ? "" : " (\(words.notRanked))")
        }
        pair(words.frameworkID, text(f.id))
        pair(words.frameworkName, text(f.name.text(language)))
        pair(words.edition, text(f.edition ?? "—"))
        // The file's name only: a path names folders of the machine that made the run.
        pair(words.file, text((report.run.frameworkFile ?? f.sourceFile).map(Self.fileName) ?? "—"))
        pair(words.sha256, text(report.run.frameworkSHA256 ?? "—"))
        pair(words.periodLabel, text(words.periodValue(scoreboard.period, edition: f.edition)))
        pair(words.scale, text(NumberFormatting.plain(f.scale)))
        pair(words.rounding, text(words.roundingText(f.decimals)))
        pair(words.ranking, text(words.rankingText(f.rankOn)))
        pair(words.bandsLabel, text(bands.isEmpty ? "—" : bands.joined(separator: "; ")))
        pair(words.groupsLabel, text(groups.joined(separator: "; ")))
        pair(words.unitCount, text(String(scoreboard.units.count)))
        pair(words.runTime, text(runTimeText))
        pair(words.version, text(report.run.engineVersion))
        let rankingRow = 9
        rows.append([])
        let tableTitle = rows.count
        merges.append(
            Merge(
                CellRange(rows: tableTitle...tableTitle, columns: 0...last),
                value: .text(words.nodesTitle, style: s.subtitle)))
        rows.append([])
        let headerRow = rows.count
        rows.append(headers.map { .text($0, style: s.header) })
        for node in f.nodes.values {
            let effective = nominal[node.id] ?? 0
            var missing = ""
            if let indicator = node.indicator { missing = indicator.missing.rawValue }
            let applies = node.appliesTo.map { $0.map(\.rawValue).sorted().joined(separator: ", ") } ?? words.everyGroup
            let nameStyle = node.isIndicator ? s.textWrapped : s.label
            rows.append([
                .text(node.id.rawValue, style: node.isIndicator ? s.text : s.label),
                .text(String(repeating: "   ", count: node.level) + node.name.text(language), style: nameStyle),
                .number(Double(node.level), style: s.integer), .number(node.weight, style: s.valueNumber),
                .number(effective, style: s.valueNumber), .number(effective * f.scale, style: s.valueNumber),
                .text(wording.published(for: node), style: s.textWrapped),
                .text(
                    (node.description == nil ? "" : wording.words(for: node) + "; ") + wording.parameters(for: node),
                    style: s.textWrapped),
                .text(applies, style: s.text), .text(missing, style: s.text),
            ])
        }
        if !f.deductions.isEmpty {
            rows.append([])
            rows.append([.text(words.deductionsTitle, style: s.label)])
            for d in f.deductions {
                let cap = d.cap.map { ", \(words.cap) \(short($0))" } ?? ""
                rows.append([
                    .text(d.id.rawValue, style: s.text), .text(d.name.text(language), style: s.textWrapped),
                    .blank(style: s.text), .blank(style: s.text), .blank(style: s.text), .blank(style: s.text),
                    .text(d.points.source + cap, style: s.textWrapped),
                ])
            }
        }
        var sheet = Sheet(name: name, rows: rows, merges: merges)
        sheet.columns = [
            Column(0, width: 18), Column(1, width: 44), Column(2, width: 5), Column(3, width: 9), Column(4, width: 11),
            Column(5, width: 9), Column(6, width: 40), Column(7, width: 36), Column(8, width: 14), Column(9, width: 12),
        ]
        sheet.rowHeights = [0: 24, rankingRow: 45, headerRow: 30]
        sheet.freezePanes = CellAddress(row: headerRow + 1, column: 0)
        sheet.showsGridlines = false
        sheet.pageSetup = landscape(repeating: headerRow...headerRow)
        return sheet
    }
}
