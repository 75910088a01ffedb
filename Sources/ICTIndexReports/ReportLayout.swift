import Foundation
import ICTIndexCore
import OrderedCollections
import XLSXWriter

/// Builds the sheets of a ``ScoreboardReport``; one file per sheet kind (`ReportLayout+Summary.swift`, …).
struct ReportLayout {
    let report: ScoreboardReport
    let words: ReportWords
    let styles: ReportStyles
    let wording: RuleWording
    let nominal: [NodeID: Double]
    /// Copied out of the framework once: reading them through `scoreboard.framework` for every cell would copy
    /// the framework value (and retain its storage) a million times for a large run.
    let decimals: Int
    let scale: Double
    let showsPoints: Bool
    var names = SheetNames()

    init(report: ScoreboardReport) {
        self.report = report
        words = ReportWords(language: report.language)
        styles = ReportStyles(decimals: report.scoreboard.framework.decimals)
        wording = RuleWording(framework: report.scoreboard.framework, language: report.language)
        nominal = report.scoreboard.framework.nominalWeights()
        decimals = report.scoreboard.framework.decimals
        scale = report.scoreboard.framework.scale
        showsPoints = report.showsPoints
    }

    var scoreboard: Scoreboard { report.scoreboard }
    var framework: Framework { report.scoreboard.framework }
    var language: Language { report.language }

    mutating func build() -> Spreadsheet {
        let rankings = scoreboard.rankings()
        let summaryName = names.make(words.summarySheet)
        let rankingNames = rankings.filter { $0.group.ranked }.map {
            (group: $0.group, results: $0.results, name: names.make(words.rankingSheet($0.group.name.text(language))))
        }
        let pillarNames = framework.pillars.map { (pillar: $0, name: names.make($0.name.text(language))) }
        let detailName = names.make(words.detailSheet)
        let profileName = names.make(words.profileSheet)
        let methodName = names.make(words.methodSheet)

        let (summary, scoreRange) = summarySheet(name: summaryName, rankings: rankings)
        var sheets = [summary]
        sheets += rankingNames.map { rankingSheet(name: $0.name, group: $0.group, results: $0.results) }
        sheets += pillarNames.map { pillarSheet(name: $0.name, pillar: $0.pillar, rankings: rankings) }
        sheets.append(detailSheet(name: detailName, rankings: rankings))
        if !framework.pillars.isEmpty { sheets.append(profileSheet(name: profileName, rankings: rankings)) }
        sheets.append(methodSheet(name: methodName))
        // Rows tall enough for their wrapped text, so paragraphs never print over the rows below.
        for index in sheets.indices {
            sheets[index].fitRowHeights()
            if report.run.isDraft { sheets[index].pageSetup.header = words.draftHeader }
        }

        var definedNames = [DefinedName(name: "ictindex_period", formula: "=\"\(scoreboard.period ?? "")\"")]
        if let sha = report.run.frameworkSHA256 {
            definedNames.append(DefinedName(name: "ictindex_criteria_sha256", formula: "=\"\(sha)\""))
        }
        if let scoreRange {
            definedNames.append(
                DefinedName(
                    name: "ictindex_scores",
                    formula:
                        "='\(summaryName)'!\(scoreRange.first.absoluteDescription):"
                        + scoreRange.last.absoluteDescription
                ))
        }
        let title = framework.name.text(language) + (scoreboard.period.map { " — \($0)" } ?? "")
        let properties = DocumentProperties(
            title: report.run.isDraft ? "\(words.draftMark): \(title)" : title,
            subject: words.en
                ? "E-government readiness scoreboard" : "Bảng xếp hạng chỉ số sẵn sàng chính quyền điện tử",
            author: "ictindex \(report.run.engineVersion)",
            category: report.run.isDraft ? words.draftCategory : nil,
            keywords: ([framework.id, scoreboard.period] + [report.run.isDraft ? words.draftMark : nil]).compactMap {
                $0
            }
            .joined(separator: ", "),
            comments: report.run.frameworkSHA256.map { "criteria SHA-256 \($0)" },
            created: report.run.runTime)
        return Spreadsheet(sheets: sheets, properties: properties, definedNames: definedNames)
    }

    // MARK: - Shared helpers

    /// A number cell, or a styled blank when there is no number.
    func number(_ x: Double?, _ style: CellStyle) -> Cell {
        guard let x, x.isFinite else { return .blank(style: style) }
        return .number(x, style: style)
    }

    /// A score rounded as the framework publishes it.
    func published(_ x: Double?) -> Double? {
        guard let x else { return nil }
        return Rounding.round(x, decimals: decimals)
    }

    /// What a pillar column shows for a unit: points, or the pillar's value for an index.
    func shown(_ result: NodeResult) -> Double? {
        guard result.counts else { return nil }
        return published(showsPoints ? result.points : result.value)
    }

    /// The same as ``shown(_:)`` for node `index` of `nodes`, read straight from the run's arrays: the pillar
    /// sheets and the summary read it for every unit and column (850,000 cells at 10,000 units), where building a
    /// ``NodeResult`` (with its rounded value) for each cell cost about a third of the layout.
    func shown(_ nodes: NodeResults, _ index: Int) -> Double? {
        published(showsPoints ? nodes.points(at: index) : nodes.countedValue(at: index))
    }

    /// The width of a unit-code column: 1.4 characters per character of the longest code plus one, between 8 and
    /// 24 characters.
    ///
    /// Codes are capitals and digits, which in Times New Roman are about 1.4 times as wide as the digits the
    /// column width counts ("P25-DONGXUYEN" is 8.9 em, 98 points at 11 points): a narrower column cuts the code
    /// off on paper, where it runs into the unit's name.
    var codeWidth: Double {
        let longest = scoreboard.units.lazy.map(\.unit.code.rawValue.count).max() ?? 0
        return Double(min(24, max(8, Int((Double(longest) * 1.4).rounded(.up)) + 1)))
    }

    /// A number for headers and notes: "20", "0.25".
    func short(_ x: Double) -> String { NumberFormatting.short(x, maxDecimals: 4) }

    /// The header note of a node column: "(tối đa 20)" or "(trọng số 0.25)".
    func columnNote(_ node: Node) -> String {
        let weight = nominal[node.id] ?? 0
        return showsPoints ? words.maximum(short(weight * framework.scale)) : words.weight(short(weight))
    }

    /// The maximum points of each column for a group's units, when they differ from the column headers'
    /// "(tối đa …)": a pillar that does not apply to a group spreads its weight over the others, so the group's
    /// maxima are higher than the printed ones.
    ///
    /// - Parameters:
    ///   - results: The group's units.
    ///   - columns: The columns' nodes and their indices in the scoreboard.
    /// - Returns: One cell per column (the maximum; a range "a – b" when the group's units differ; grey when the
    ///   node applies to none of them), or `nil` when every column's maximum is the printed one or values are shown
    ///   rather than points.
    func groupMaxima(_ results: [UnitResult], columns: [(node: Node, index: Int)]) -> [Cell]? {
        guard showsPoints, !results.isEmpty else { return nil }
        let s = styles
        var differs = false
        // The lowest and highest maximum of each column over the group's units, in one pass over the units (reading
        // each unit's results once, not once per column).
        var lows = Array(repeating: Double.infinity, count: columns.count)
        var highs = Array(repeating: -Double.infinity, count: columns.count)
        for r in results {
            let nodes = r.nodes
            for (c, column) in columns.enumerated() where nodes.applies(at: column.index) {
                let maximum = Rounding.round(nodes.effectiveWeight(at: column.index) * scale, decimals: decimals)
                lows[c] = min(lows[c], maximum)
                highs[c] = max(highs[c], maximum)
            }
        }
        let cells = columns.enumerated().map { c, column -> Cell in
            guard lows[c].isFinite else {
                differs = true
                return .blank(style: s.notApplicable)
            }
            let (low, high) = (lows[c], highs[c])
            let printed = published((nominal[column.node.id] ?? 0) * scale)
            if low != printed || high != printed { differs = true }
            if low == high { return .number(low, style: s.maximum) }
            return .text(
                NumberFormatting.fixed(low, decimals: decimals) + " – "
                    + NumberFormatting.fixed(high, decimals: decimals), style: s.maximumText)
        }
        return differs ? cells : nil
    }

    /// The group's display name.
    func groupName(_ id: GroupID) -> String { framework.groups[id]?.name.text(language) ?? id.rawValue }

    /// "I", "II", … for group headings.
    static func roman(_ n: Int) -> String {
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = n
        var text = ""
        for (value, letters) in table {
            while rest >= value {
                text += letters
                rest -= value
            }
        }
        return text
    }

    /// The page footer, in 8 points so the three parts never meet on a portrait page: the sheet's name (`&A`) and
    /// the period on the left, page numbers in the centre, criteria id and version on the right.
    var footer: String {
        let period = scoreboard.period.map { " · " + Self.escapeHeader($0) } ?? ""
        // "&8 " with a space: a criteria id that starts with a digit would otherwise extend the font size code.
        return "&L&8&A" + period + "&C&8" + words.footerPage + "&R&8 "
            + Self.escapeHeader("\(framework.id) · ictindex \(report.run.engineVersion)")
    }

    /// Doubles `&`, which starts a code in Excel headers and footers.
    static func escapeHeader(_ text: String) -> String { text.replacingOccurrences(of: "&", with: "&&") }

    /// Landscape A4, one page wide, centred, narrow margins.
    func landscape(repeating rows: ClosedRange<Int>?) -> PageSetup {
        PageSetup(
            orientation: .landscape, paperSize: .a4, fitToWidth: 1, repeatedRows: rows, footer: footer,
            margins: PageMargins(left: 0.4, right: 0.4, top: 0.5, bottom: 0.6), centersHorizontally: true,
            firstPageNumber: 1)
    }

    /// Conditional formats that colour a band column by the published score beside it, highest band first.
    func bandFormats(bandColumn: Int, scoreColumn: Int, rows: ClosedRange<Int>) -> [ConditionalFormat] {
        let bands = framework.bands
        guard !bands.isEmpty else { return [] }
        let range = CellRange(rows: rows, columns: bandColumn...bandColumn)
        let score = CellAddress.columnName(scoreColumn) + "\(rows.lowerBound + 1)"
        return bands.enumerated().map { index, band in
            let colour = Self.bandColours(count: bands.count)[index]
            let test: String
            switch band.bound {
            case .atLeast(let x): test = "$\(score)>=\(NumberFormatting.plain(x))"
            case .above(let x): test = "$\(score)>\(NumberFormatting.plain(x))"
            case .any: test = "TRUE"
            }
            let style = CellStyle(bold: true, fontColor: colour.font, fillColor: colour.fill)
            return ConditionalFormat(range, rule: .formula("AND(ISNUMBER($\(score)),\(test))", style: style))
        }
    }

    /// Fill and font colours from green (best band) to red (worst): ``BandPalette``, shared with the web pages.
    static func bandColours(count: Int) -> [(fill: Color, font: Color)] {
        BandPalette.colours(count: count)
    }

    /// The last component of a path: "vn-province-agencies.yaml" for "/home/a/Criteria/vn-province-agencies.yaml".
    static func fileName(_ path: String) -> String {
        String(path.split(separator: "/", omittingEmptySubsequences: true).last ?? Substring(path))
    }

    /// The run time in Vietnam (UTC+7, no daylight saving), as "31/12/2025 15:30".
    ///
    /// A fixed offset rather than the machine's time zone, so the same run prints the same text everywhere.
    var runTimeText: String {
        let seconds = Int64(report.run.runTime.timeIntervalSince1970.rounded(.down)) + 7 * 3600
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        // Civil date from days since 1970-01-01 (H. Hinnant's algorithm), so no time zone or locale is involved.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ x: Int64) -> String { x < 10 ? "0\(x)" : "\(x)" }
        return "\(two(day))/\(two(month))/\(year) \(two(rest / 3600)):\(two(rest % 3600 / 60))"
    }
}
