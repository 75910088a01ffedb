import ICTIndexCore
import OrderedCollections
import XLSXWriter

extension ReportLayout {
    /// `Chi tiết`: one row per unit and indicator (units in the order of `Tổng hợp`): the value as reported (or
    /// computed), the indicator's score on the scale, points, max points for this unit, the rule in words, and a
    /// note on missing or not-applicable values.
    func detailSheet(name: String, rankings: [(group: Group, results: [UnitResult])]) -> Sheet {
        let s = styles
        let indicators = framework.indicators.compactMap { node in scoreboard.index(of: node.id).map { (node, $0) } }
        let headers = [
            words.code, words.unit, words.indicatorCode, words.indicatorName, words.value,
            words.indicatorScore(short(framework.scale)),
            words.points, words.maxPoints, words.rule, words.status,
        ]
        let last = headers.count - 1
        var rows: [[Cell]] = [[], headers.map { .text($0, style: s.header) }]
        let merges = [
            Merge(CellRange(rows: 0...0, columns: 0...last), value: .text(words.detailTitle, style: s.subtitle))
        ]
        let total = scoreboard.units.count * indicators.count
        var sheet = Sheet(name: name)
        sheet.columns = [
            Column(0, width: codeWidth), Column(1, width: 28), Column(2, width: 16), Column(3, width: 40),
            Column(4, width: 11),
            Column(5, width: 10), Column(6, width: 9), Column(7, width: 9), Column(8, width: 44), Column(9, width: 22),
        ]
        sheet.showsGridlines = false
        sheet.rowHeights = [0: 24, 1: 30]
        sheet.pageSetup = landscape(repeating: 1...1)
        guard total <= report.options.detailRowLimit else {
            rows.append([.text(words.detailOmitted(rows: total, limit: report.options.detailRowLimit), style: s.note)])
            sheet.rows = rows
            sheet.merges = merges
            return sheet
        }
        // The rule in words is the same for every unit: one string per indicator, shared by its cells.
        let rules = indicators.map { Cell.text(wording.published(for: $0.0), style: s.textWrapped) }
        let names = indicators.map { Cell.text($0.0.name.text(language), style: s.textWrapped) }
        let codes = indicators.map { Cell.text($0.0.id.rawValue, style: s.text) }
        let sources = indicators.map { $0.0.indicator?.value.isSingleVariable }
        let dataset = scoreboard.dataset
        rows.reserveCapacity(total + 2)
        for (_, results) in rankings {
            for result in results {
                let code = Cell.text(result.unit.code.rawValue, style: s.text)
                let unitName = Cell.text(result.unit.name, style: s.text)
                for (k, (_, i)) in indicators.enumerated() {
                    let r = result.nodes[i]
                    let counts = r.counts
                    rows.append([
                        code, unitName, codes[k], names[k],
                        value(of: result.unit.code, variable: sources[k], result: r, in: dataset),
                        counts ? number(published(r.value), s.score) : .blank(style: s.score),
                        counts ? number(published(r.points), s.scoreBold) : .blank(style: s.score),
                        counts ? number(published(r.effectiveWeight * scale), s.score) : .blank(style: s.score),
                        rules[k],
                        r.status == .scored ? .blank(style: s.text) : .text(words.status(r.status), style: s.text),
                    ])
                }
            }
        }
        sheet.rows = rows
        sheet.merges = merges
        sheet.freezePanes = "C3"
        if rows.count > 2 { sheet.autoFilter = CellRange(rows: 1...(rows.count - 1), columns: 0...last) }
        return sheet
    }

    /// The value shown for an indicator: the reported value of its variable (an option's label, a number), or
    /// the computed input of an expression; numbers rounded to the framework's decimals, as a person reads them.
    func value(of unit: UnitCode, variable: VariableID?, result: NodeResult, in dataset: Dataset) -> Cell {
        let s = styles
        if let variable, let reported = dataset.value(unit, variable) {
            switch reported {
            case .number(let x):
                if case .imputed = result.status { break }
                return number(published(x), s.valueNumber)
            case .option(let option):
                let label = framework.variables[variable]?.options[option]?.text(language) ?? option
                return .text(label, style: s.text)
            case .text(let text):
                return .text(text, style: s.text)
            }
        }
        return number(published(result.input), s.valueNumber)
    }
}
