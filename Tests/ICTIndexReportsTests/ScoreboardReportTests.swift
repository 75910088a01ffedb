import Foundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexReports
import ICTIndexTestSupport
import OrderedCollections
import Testing
import XLSXWriter

/// The layout of the scoreboard workbook, as a value (no files).
///
/// The tiny fixture (`ExampleIndex.tiny`, worked out by hand in `EngineTests`): A 93.00 rank 1 Tốt,
/// B 65.00 rank 2 Trung bình (departments), C 36.00 rank 1 Yếu (communes).
@Suite struct ScoreboardReportTests {
    static let runTime = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01 00:00:00 UTC
    static let run = RunInfo(
        frameworkSHA256: String(repeating: "ab", count: 32), frameworkFile: "Criteria/tiny.yaml", runTime: runTime,
        engineVersion: "0.1.0")

    static func tinyReport(language: Language = .vi, data: Dataset = ExampleIndex.tinyData) throws -> ScoreboardReport {
        let scoreboard = try Engine(framework: ExampleIndex.tiny).score(data)
        return ScoreboardReport(scoreboard: scoreboard, run: run, language: language)
    }

    @Test("the tiny scoreboard's workbook, dumped as text (Vietnamese)")
    func snapshotVietnamese() throws {
        try assertSnapshot(SpreadsheetDump.text(try Self.tinyReport().spreadsheet()), named: "tiny-vi")
    }

    @Test("the tiny scoreboard's workbook, dumped as text (English)")
    func snapshotEnglish() throws {
        try assertSnapshot(SpreadsheetDump.text(try Self.tinyReport(language: .en).spreadsheet()), named: "tiny-en")
    }
}

extension ScoreboardReportTests {
    @Test("an index (root aggregate mean, scale 1, 4 decimals) shows pillar values with 4 decimals, not points")
    func indexShowsValues() throws {
        var framework = ExampleIndex.tiny
        framework.scale = 1
        framework.decimals = 4
        framework.bands = []
        framework.nodes[framework.rootID]?.kind = .pillar(aggregate: .mean, children: ["infra", "gov"])
        let scoreboard = try Engine(framework: framework).score(ExampleIndex.tinyData)
        let report = ScoreboardReport(scoreboard: scoreboard, run: Self.run)
        #expect(!report.showsPoints)
        let summary = try #require(report.spreadsheet().sheets.first)
        #expect(summary.merges.contains { $0.value == .text("Giá trị chỉ số thành phần", style: $0.value.style) })
        // A's infra value 0.925 (92.5 % of the scale), published with 4 decimals; no band column.
        guard case .number(let infra, let style) = summary[CellAddress("G8")] else {
            Issue.record("G8 is not a number: \(summary[CellAddress("G8")])")
            return
        }
        #expect(infra == 0.925)
        #expect(style.numberFormat == "0.0000")
        #expect(summary[CellAddress("F5")] == .empty)  // rank header merged into F5:F6
    }

    @Test("an empty run still gives a valid workbook with every fixed sheet")
    func emptyRun() throws {
        let scoreboard = try Engine(framework: ExampleIndex.tiny).score(Dataset(period: "2025", units: []))
        let spreadsheet = ScoreboardReport(scoreboard: scoreboard, run: Self.run).spreadsheet()
        #expect(
            spreadsheet.sheets.map(\.name) == [
                "Tổng hợp", "infra", "gov", "Chi tiết", "Biểu đồ nhóm tiêu chí", "Phương pháp",
            ])
        #expect(spreadsheet.sheets[0].autoFilter == nil)
        #expect(!spreadsheet.definedNames.contains { $0.name == "ictindex_scores" })
    }

    @Test("the shipped province criteria: sheet names are valid, distinct and at most 31 characters")
    func shippedSheetNames() throws {
        let root = CommandRunner.repositoryRoot
        let loaded = try FrameworkLoader().load(
            path: root.appendingPathComponent("Criteria/vn-province-agencies.yaml").path)
        let scoreboard = try Engine(framework: loaded.framework).score(Dataset(period: "2025", units: []))
        for language in Language.allCases {
            let names = ScoreboardReport(scoreboard: scoreboard, run: Self.run, language: language).spreadsheet().sheets
                .map(\.name)
            #expect(names.allSatisfy { $0.utf16.count <= 31 && !$0.contains { "[]:*?/\\".contains($0) } }, "\(names)")
            #expect(Set(names.map { $0.lowercased() }).count == names.count)
            if language == .vi { #expect(names.contains("Ứng dụng CNTT trong hoạt động…")) }
        }
    }
}

extension ScoreboardReportTests {
    @Test("pillars that are indicators (as in the ICT Index) are ranked on their sheet, equal values sharing a rank")
    func indicatorPillarsAreRanked() throws {
        let framework = ExampleIndex.framework(
            scale: 1, decimals: 4, groups: [Group(id: "p", name: "Tỉnh")], variables: ExampleIndex.numbers("a", "b"),
            pillars: [
                [ExampleIndex.indicator("a", rules: [.linear(from: 0, to: 10)])],
                [ExampleIndex.indicator("b", rules: [.linear(from: 0, to: 10)])],
            ])
        // Pillar a: P 5 → 0.5, Q 8 → 0.8, R 5 → 0.5, S 2 → 0.2; ranks Q 1, P 2, R 2, S 4.
        let data = ExampleIndex.dataset(
            [
                ("P", "p", ["a": .number(5), "b": .number(1)]), ("Q", "p", ["a": .number(8), "b": .number(1)]),
                ("R", "p", ["a": .number(5), "b": .number(1)]), ("S", "p", ["a": .number(2), "b": .number(1)]),
            ], period: "2025")
        let scoreboard = try Engine(framework: framework).score(data)
        let report = ScoreboardReport(scoreboard: scoreboard, run: Self.run)
        let sheet = try #require(report.spreadsheet().sheets.first { $0.name == "a" })
        // Header on row 4, group heading on row 5, units from row 6 (index 5): code in B, value in D, rank in E.
        var rows: [String: (value: Double, rank: Double)] = [:]
        for row in 5...8 {
            guard case .text(let code, _) = sheet[CellAddress(row: row, column: 1)],
                case .number(let value, _) = sheet[CellAddress(row: row, column: 3)],
                case .number(let rank, _) = sheet[CellAddress(row: row, column: 4)]
            else {
                Issue.record("row \(row) is not a ranked unit")
                continue
            }
            rows[code] = (value, rank)
        }
        #expect(rows["Q"]?.rank == 1)
        #expect(rows["P"]?.rank == 2)
        #expect(rows["R"]?.rank == 2)
        #expect(rows["S"]?.rank == 4)
        #expect(rows["S"]?.value == 0.2)
    }
}
