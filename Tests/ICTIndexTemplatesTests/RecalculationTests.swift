import Foundation
import ICTIndexCore
import ICTIndexTemplates
import ICTIndexTestSupport
import OrderedCollections
import Testing
import XLSXReader
import XLSXWriter

/// The workbook's own formulas, recalculated by a real spreadsheet application, against the engine.
@Suite("Template formulas recalculated by LibreOffice")
struct RecalculationTests {
    @Test("every computed indicator's points, max points and the total equal the engine's, for every framework")
    func formulasEqualEngine() throws {
        guard ExternalTools.isInstalled("soffice") else {
            #expect(!ExternalTools.areRequired, "LibreOffice is required here (make test installs it)")
            print("SKIPPED template recalculation: 'soffice' is not installed (make test installs it)")
            return
        }
        let folder = try TemporaryFolder()
        let written = folder.url.appendingPathComponent("written")
        let recalculated = folder.url.appendingPathComponent("recalculated")
        try FileManager.default.createDirectory(at: written, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: recalculated, withIntermediateDirectories: true)

        // Given templates filled with random values (some blank) for three units of every group of every framework
        struct Case {
            var file: String
            var template: SelfAssessmentTemplate
            var result: UnitResult
            var scoreboard: Scoreboard
        }
        var cases: [Case] = []
        var generator = SplitMix64(state: 2025)
        for (f, path) in templateFrameworks.enumerated() {
            let (framework, sha) = try loadFramework(path)
            let units = sampleUnits(framework, perGroup: 3)
            var entries: [UnitCode: [VariableID: Dataset.Entry]] = [:]
            var templates: [UnitCode: SelfAssessmentTemplate] = [:]
            for (u, unit) in units.enumerated() {
                var template = SelfAssessmentTemplate(framework: framework, metadata: metadata(framework, sha256: sha, unit: unit))
                var values: [VariableID: TemplateEntry] = [:]
                for variable in template.inputVariables {
                    // The first unit of each framework reports everything, so its total is comparable.
                    let value = randomValue(for: variable, blankOneIn: u == 0 ? 0 : 5, using: &generator)
                    let evidence = variable.evidence == .required
                        ? Evidence(number: "\(u + 1)/QĐ-UBND", title: "Quyết định \(variable.id)", date: "2025-02-14",
                                   link: "https://stttt.example.gov.vn/\(variable.id)") : nil
                    values[variable.id] = TemplateEntry(value: value, evidence: evidence, note: value == nil ? nil : "ghi chú \(u)")
                    if let value { entries[unit.code, default: [:]][variable.id] = Dataset.Entry(value: value, source: .selfAssessed) }
                }
                template.entries = values
                templates[unit.code] = template
            }
            let scoreboard = try Engine(framework: framework).score(Dataset(period: "2025", units: units, entries: entries))
            for unit in units {
                let file = "f\(f)-\(unit.code).xlsx"
                try XLSXWriter.write(templates[unit.code]!.spreadsheet(), to: written.appendingPathComponent(file))
                cases.append(
                    Case(file: file, template: templates[unit.code]!, result: scoreboard.result(for: unit.code)!, scoreboard: scoreboard))
            }
        }

        // When LibreOffice opens, recalculates and saves them
        try ExternalTools.recalculateWithLibreOffice(cases.map { written.appendingPathComponent($0.file) }, into: recalculated)

        // Then every number the workbook computes is the engine's
        var compared = 0
        var totals = 0
        var nonZero = 0
        for c in cases {
            let document = try XLSXDocument(contentsOf: recalculated.appendingPathComponent(c.file))
            let sheet = try document.sheet(named: SelfAssessmentTemplate.calculationSheetName)
            func number(_ address: String) -> Double? {
                guard let cell = sheet.cell(at: XLSXCellReference(address)!) else { return nil }
                if case .number(let x) = cell.value { return x }
                return nil
            }
            func close(_ a: Double?, _ b: Double?) -> Bool {
                guard let a, let b else { return a == nil && b == nil }
                return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
            }
            let (computed, departmentScored) = c.template.computedIndicators
            for node in computed {
                let cell = try #require(c.template.calculationCell(points: node))
                let engine = c.scoreboard.points(c.result, node) ?? 0
                let workbook = number(cell)
                #expect(close(workbook, engine), "\(c.file) \(node): workbook \(String(describing: workbook)), engine \(engine)")
                let result = try #require(c.scoreboard.result(for: c.result.unit.code, node: node))
                let maxCell = "E" + cell.dropFirst()
                #expect(close(number(maxCell), c.scoreboard.maxPoints(result)), "\(c.file) \(node): max points")
                compared += 1
                if (workbook ?? 0) != 0 { nonZero += 1 }
            }
            // The workbook LibreOffice saved still reads back as the template it is, with the same values.
            let metadata = try TemplateReader.metadata(of: document, path: c.file)
            #expect(metadata == c.template.metadata)
            let (entries, problems) = TemplateReader.read(document, path: c.file, template: c.template)
            #expect(problems.isEmpty, "\(c.file): \(problems.map(\.description))")
            let read = Dictionary(uniqueKeysWithValues: entries.compactMap { id, entry in entry.value.map { (id, $0) } })
            #expect(read == c.template.entries.compactMapValues(\.value), "\(c.file): values read back")
            #expect(
                Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0.value.evidence) })
                    == c.template.entries.filter { $0.value.value != nil }.mapValues(\.evidence), "\(c.file): evidence read back")
            #expect(
                Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0.value.note) })
                    == c.template.entries.filter { $0.value.value != nil }.mapValues(\.note), "\(c.file): notes read back")
            if departmentScored.isEmpty {
                let workbook = number(c.template.publishedScoreCell)
                #expect(close(workbook, c.result.published), "\(c.file): total \(String(describing: workbook)), engine \(String(describing: c.result.published))")
                // The score shown at the top of the input sheet is the same total.
                let shown = try document.sheet(named: SelfAssessmentTemplate.inputSheetName).cell(at: XLSXCellReference("D3")!)
                if case .number(let x)? = shown?.value { #expect(close(x, c.result.published)) } else {
                    Issue.record("\(c.file): the input sheet shows \(String(describing: shown?.value)) as its score")
                }
                totals += 1
            }
        }
        #expect(compared > 150)
        #expect(totals >= 15)
        #expect(nonZero * 2 > compared, "most points are not 0, so the formulas were recalculated")
        print("template recalculation: \(cases.count) workbooks, \(compared) indicator points and \(totals) totals equal the engine's")
    }
}
