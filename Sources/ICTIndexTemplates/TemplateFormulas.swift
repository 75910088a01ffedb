import OrderedCollections
import ICTIndexCore
import XLSXWriter
import Foundation

/// The formulas of the calculation sheet: the engine's steps for one unit, written so that Excel and
/// LibreOffice give the engine's numbers.
///
/// A missing value is a spreadsheet error (`NA()`, or `#DIV/0!` from a division by zero), which every
/// operation passes on, as the engine passes on a missing value. Columns of the calculation sheet:
///
/// | column | variables | nodes | deductions | total |
/// |---|---|---|---|---|
/// | A | id | id | id | "total" |
/// | B | value | value (error when not counted) | points | score |
/// | C | | effective weight | | published (rounded) score |
/// | D | | points | | band |
/// | E | | max points | | |
/// | F | | Σ weights of the counted children | | |
/// | G | | the indicator's value, before the rules | | |
/// | H… | | each rule's output, in order | | |
struct TemplateFormulas {
    static let calculationSheet = "Tính toán"
    static let inputSheet = "Tự đánh giá"
    static let pointsSheet = "Điểm tạm tính"
    /// The input column on the input sheet (D).
    static let inputColumn = "D"
    static let firstRuleColumn = 7  // H

    let plan: TemplatePlan
    let language: Language

    var framework: Framework { plan.framework }

    /// The calculation sheet's cell of a variable's value.
    func variableCell(_ id: VariableID) -> String? {
        if let i = plan.inputs.firstIndex(where: { $0.id == id }) { return "B\(plan.variableCalculationRow(i))" }
        if let i = plan.derived.firstIndex(where: { $0.id == id }) {
            return "B\(plan.variableCalculationRow(plan.inputs.count + i))"
        }
        return nil
    }


    /// An input variable's value from its input cell: a number, an option's text, or `#N/A` when blank.
    func inputValue(_ variable: Variable, row: Int) -> String {
        let cell = "'\(Self.inputSheet)'!\(Self.inputColumn)\(row)"
        switch variable.kind {
        case .number, .integer, .percent:
            return "IF(ISNUMBER(\(cell)),\(cell),NA())"
        case .boolean:
            let words = TemplateWords(language: language).yesNo
            return "IF(ISNUMBER(\(cell)),\(cell),IF(\(cell)=\(Self.quoted(words.yes)),1,"
                + "IF(\(cell)=\(Self.quoted(words.no)),0,NA())))"
        case .choice, .date, .text:
            return "IF(ISBLANK(\(cell)),NA(),\(cell))"
        }
    }

    /// A derived variable's formula over the calculation sheet's cells.
    func derivedValue(_ variable: Variable) -> String {
        guard let formula = variable.formula else { return "NA()" }
        return formula.spreadsheetFormula(reference: { variableCell($0) ?? "NA()" }) ?? "NA()"
    }

    /// Whether an indicator's value is a choice variable (scored by the `choice` rule on the option).
    func choiceVariable(_ indicator: Indicator) -> Variable? {
        indicator.value.isSingleVariable.flatMap { framework.variables[$0] }.flatMap { $0.kind == .choice ? $0 : nil }
    }

    /// Column G of an indicator: its value before the rules.
    func indicatorValue(_ indicator: Indicator) -> String {
        if let single = indicator.value.isSingleVariable, let cell = variableCell(single) { return cell }
        return indicator.value.spreadsheetFormula(reference: { variableCell($0) ?? "NA()" }) ?? "NA()"
    }

    /// The test that an indicator's value is present, given its value cell.
    func isPresent(_ indicator: Indicator, valueCell: String) -> String {
        choiceVariable(indicator) != nil ? "NOT(ISERROR(\(valueCell)))" : "ISNUMBER(\(valueCell))"
    }

    /// One rule's output over its input, or nil for a rule the workbook cannot compute.
    func rule(_ rule: ScoringRule, input s: String, node: Node, first: Bool, indicator: Indicator) -> String? {
        let scale = Self.number(framework.scale)
        func award(_ award: ScoringRule.Award) -> String {
            switch award {
            case .points(let p): Self.number(node.weight > 0 ? p / node.weight : 0)
            case .score(let f): Self.number(f)
            }
        }
        switch rule {
        case .ratio(let percent):
            let f = "MIN(1,MAX(0,\(percent ? "\(s)/100" : s)))"
            let lower = first && indicator.direction == .lower
            return "(\(lower ? "1-" + f : f))*\(scale)"
        case .linear(let from, let to):
            return "MIN(1,MAX(0,(\(s)-\(Self.operand(from)))/\(Self.operand(to - from))))*\(scale)"
        case .steps(let steps):
            var text = "0"
            for step in steps.reversed() {
                text = "IF(\(s)>=\(Self.operand(step.atLeast)),\(award(step.award)),\(text))"
            }
            return "(\(text))*\(scale)"
        case .choice(let choices):
            guard first, let variable = choiceVariable(indicator) else { return nil }
            var text = "0"
            for (id, label) in variable.options.reversed() {
                guard let a = choices[id] else { continue }
                var spellings = [id, label.vi]
                if let en = label.en { spellings.append(en) }
                let test = "OR(" + Self.unique(spellings).map { "\(s)=\(Self.quoted($0))" }.joined(separator: ",") + ")"
                text = "IF(\(test),\(award(a)),\(text))"
            }
            return "(\(text))*\(scale)"
        case .boolean(let truePoints):
            let f = truePoints.map { Self.number(node.weight > 0 ? $0 / node.weight : 0) } ?? "1"
            return "IF(\(s)<>0,\(f),0)*\(scale)"
        case .identity:
            return s
        case .fractionOfMax, .minmax, .zscore, .rank, .percentile, .distanceToTarget:
            return nil
        }
    }

    /// Column B of an indicator: its value on the scale, or an error when it does not count.
    func indicatorScore(_ planned: TemplatePlan.PlannedNode, row: Int) -> String {
        guard let indicator = planned.node.indicator else { return "NA()" }
        if planned.departmentScored { return "0" }
        let missing = indicator.missing == .skip ? "NA()" : "0"
        let last =
            indicator.rules.isEmpty
            ? "G\(row)" : "\(CellAddress.columnName(Self.firstRuleColumn + indicator.rules.count - 1))\(row)"
        return "IF(\(isPresent(indicator, valueCell: "G\(row)")),IFERROR(\(last),0),\(missing))"
    }

    /// Columns H… of an indicator: each rule's output.
    func ruleCells(_ planned: TemplatePlan.PlannedNode, row: Int) -> [String] {
        guard let indicator = planned.node.indicator, !planned.departmentScored else { return [] }
        var input = "G\(row)"
        var cells: [String] = []
        for (r, scoringRule) in indicator.rules.enumerated() {
            let formula = rule(scoringRule, input: input, node: planned.node, first: r == 0, indicator: indicator) ?? "NA()"
            cells.append(formula)
            input = "\(CellAddress.columnName(Self.firstRuleColumn + r))\(row)"
        }
        return cells
    }

    /// Column F of a pillar: the total weight of the children that count (best_of: the highest of them).
    func countedWeight(_ index: Int) -> String {
        let terms = plan.nodes[index].children.map { c in
            "IF(ISNUMBER(B\(plan.nodeCalculationRow(c))),\(Self.number(plan.nodes[c].node.weight)),0)"
        }
        if case .pillar(.bestOf, _) = plan.nodes[index].node.kind, !terms.isEmpty {
            return "MAX(" + terms.joined(separator: ",") + ")"
        }
        return terms.isEmpty ? "0" : terms.joined(separator: "+")
    }

    /// Column B of a pillar: its children aggregated, or an error when none counts.
    func pillarScore(_ index: Int) -> String {
        let planned = plan.nodes[index]
        guard case .pillar(let kind, _) = planned.node.kind else { return "NA()" }
        let row = plan.nodeCalculationRow(index)
        let kids = planned.children.map { (row: plan.nodeCalculationRow($0), weight: plan.nodes[$0].node.weight) }
            .filter { $0.weight > 0 }
        guard !kids.isEmpty else { return "NA()" }
        func sum(_ term: (Int, String) -> String) -> String {
            kids.map { "IF(ISNUMBER(B\($0.row)),\(term($0.row, Self.number($0.weight))),0)" }.joined(separator: "+")
        }
        switch kind {
        case .sum, .mean:
            return "(\(sum { r, w in "\(w)*B\(r)" }))/F\(row)"
        case .geometric:
            return "EXP((\(sum { r, w in "IF(B\(r)>0,\(w)*LN(B\(r)),NA())" }))/F\(row))"
        case .harmonic:
            return "F\(row)/(\(sum { r, w in "IF(B\(r)>0,\(w)/B\(r),NA())" }))"
        case .min, .max:
            let sentinel = kind == .max ? "-1E+307" : "1E+307"
            let values = kids.map { "IF(ISNUMBER(B\($0.row)),B\($0.row),\(sentinel))" }.joined(separator: ",")
            return "IF(F\(row)>0,\(kind == .max ? "MAX" : "MIN")(\(values)),NA())"
        case .bestOf:
            // max (xᵢ × wᵢ) ÷ W, W = the highest counting weight (column F).
            let points = kids.map { "IF(ISNUMBER(B\($0.row)),B\($0.row)*\(Self.number($0.weight)),-1E+307)" }
            return "IF(F\(row)>0,MAX(\(points.joined(separator: ",")))/F\(row),NA())"
        }
    }

    /// Column C of a node: its effective weight (0 when it does not count).
    func effectiveWeight(_ index: Int) -> String {
        let row = plan.nodeCalculationRow(index)
        guard let parentIndex = plan.nodes.firstIndex(where: { $0.children.contains(index) }) else {
            return "IF(ISNUMBER(B\(row)),1,0)"
        }
        let parent = plan.nodes[parentIndex]
        let p = plan.nodeCalculationRow(parentIndex)
        let weight = plan.nodes[index].node.weight
        if case .pillar(let kind, _) = parent.node.kind, kind == .min || kind == .max {
            guard weight > 0 else { return "0" }
            func isChosen(_ r: Int) -> String { "IF(ISNUMBER(B\(r)),B\(r)=B\(p),FALSE)" }
            var tests = [isChosen(row)]
            for sibling in parent.children {
                if sibling == index { break }
                guard plan.nodes[sibling].node.weight > 0 else { continue }
                tests.append("NOT(\(isChosen(plan.nodeCalculationRow(sibling))))")
            }
            return "IF(C\(p)>0,IF(AND(\(tests.joined(separator: ","))),C\(p),0),0)"
        }
        return "IF(AND(ISNUMBER(B\(row)),C\(p)>0,F\(p)>0),C\(p)*\(Self.number(weight))/F\(p),0)"
    }

    /// Column B of a deduction: its points, capped, never below 0.
    func deductionPoints(_ deduction: Deduction) -> String {
        let computed = deduction.points.spreadsheetFormula(reference: { variableCell($0) ?? "NA()" }) ?? "0"
        let points = "MAX(0,IFERROR(\(computed),0))"
        return deduction.cap.map { "MIN(\(Self.number($0)),\(points))" } ?? points
    }

    /// The total row: the score, the published score and the band.
    func total() -> (score: String, published: String, band: String) {
        let root = "B\(plan.nodeCalculationRow(0))"
        let deductions = framework.deductions.indices.map { "B\(plan.deductionCalculationRow($0))" }
        let taken = deductions.isEmpty ? "" : "-(" + deductions.joined(separator: "+") + ")"
        let row = plan.totalCalculationRow
        let score = "IF(ISNUMBER(\(root)),MAX(0,\(root)\(taken)),NA())"
        let published = "ROUND(B\(row),\(framework.decimals))"
        var band = "\"\""
        for b in framework.bands.reversed() {
            let name = Self.quoted(b.name.text(language))
            switch b.bound {
            case .atLeast(let x): band = "IF(C\(row)>=\(Self.operand(x)),\(name),\(band))"
            case .above(let x): band = "IF(C\(row)>\(Self.operand(x)),\(name),\(band))"
            case .any: band = name
            }
        }
        return (score, published, "IF(ISNUMBER(C\(row)),\(band),\"\")")
    }

    // MARK: - Text

    static func number(_ x: Double) -> String { Expression.spreadsheetNumber(x) }

    /// A number as an operand: negative numbers in parentheses.
    static func operand(_ x: Double) -> String { x < 0 ? "(\(number(x)))" : number(x) }

    /// A string literal in a formula.
    static func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static func unique(_ texts: [String]) -> [String] {
        var seen = Set<String>()
        return texts.filter { seen.insert($0.lowercased()).inserted }
    }
}
