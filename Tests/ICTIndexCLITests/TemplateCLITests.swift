import Foundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexStorage
import ICTIndexTemplates
import ICTIndexTestSupport
import OrderedCollections
import Testing
import XLSXReader

/// `ictindex template` and the import of filled workbooks, end to end: the built binary, a real database, and
/// workbooks filled and altered by openpyxl, a writer other than ours.
@Suite(.serialized) struct TemplateCLITests {
    let cli = CommandRunner()
    let root = CommandRunner.repositoryRoot.path
    let folder: TemporaryFolder

    var criteria: String { root + "/Criteria/vn-province-agencies.yaml" }
    func sample(_ file: String) -> String { root + "/Examples/sample-province/" + file }

    init() throws {
        folder = try TemporaryFolder()
    }

    func run(_ arguments: [String]) throws -> CommandRunner.Output {
        try cli.run(arguments, in: folder.url)
    }

    /// A database with the sample units and the 2024 appraised values, and templates for two units of 2025.
    func prepare(units: [String] = ["SKHCN", "P25-HUNGVUONG"]) throws {
        #expect(try run(["init"]).exitCode == 0)
        #expect(try run(["units", "import", sample("units.csv"), "--framework", criteria]).exitCode == 0)
        let v2024 = ["data", "import", sample("values-2024.csv"), "--period", "2024", "--source", "appraised", "--framework", criteria]
        #expect(try run(v2024).exitCode == 0)
        let made = try run(
            ["template", "--period", "2025", "--framework", criteria, "--deadline", "2026-01-15", "--out", "templates"]
                + units.flatMap { ["--unit", $0] })
        #expect(made.exitCode == 0, "\(made.stderr)")
    }

    /// Python that fills a workbook's cells with openpyxl: `cells` maps "D7" to a Python literal.
    func fill(_ file: String, into output: String, cells: [String: String], extra: String = "") throws {
        let assignments = cells.sorted { $0.key < $1.key }.map { "ws[\"\($0.key)\"] = \($0.value)" }.joined(separator: "\n")
        let script = """
            import datetime, openpyxl
            wb = openpyxl.load_workbook("\(file)")
            ws = wb["Tự đánh giá"]
            \(assignments)
            \(extra)
            wb.save("\(output)")
            """
        let (status, errors) = try ExternalTools.python(script, in: folder)
        try #require(status == 0, "python failed: \(errors)")
    }

    /// Values for every input of a unit's template, as Python literals by cell, and as the engine's values.
    func values(for unit: ICTIndexCore.Unit, seed: UInt64) throws -> (cells: [String: String], values: [VariableID: Value], evidence: Set<VariableID>) {
        let loaded = try FrameworkLoader().load(path: criteria)
        let template = SelfAssessmentTemplate(
            framework: loaded.framework,
            metadata: TemplateMetadata(
                unit: unit, period: "2025", frameworkID: loaded.framework.id, frameworkEdition: nil,
                frameworkSHA256: loaded.sha256, deadline: nil, language: .vi))
        var generator = SplitMix64(state: seed)
        var cells: [String: String] = [:]
        var values: [VariableID: Value] = [:]
        var evidence: Set<VariableID> = []
        for variable in template.inputVariables {
            let cell = try #require(template.inputCell(variable.id))
            let row = cell.dropFirst()
            switch variable.kind {
            case .number, .integer, .percent:
                let hi = variable.effectiveBounds.max ?? 500
                let x = variable.kind == .integer ? Double(generator.next() % UInt64(hi + 1)) : Double(generator.next() % 10_000) / 10_000 * hi
                let rounded = (x * 100).rounded() / 100
                cells[cell] = NumberFormatting.plain(rounded)
                values[variable.id] = .number(rounded)
            case .boolean:
                let yes = generator.next() % 2 == 0
                cells[cell] = yes ? "\"Có\"" : "\"Không\""
                values[variable.id] = .number(yes ? 1 : 0)
            case .choice:
                let options = Array(variable.options)
                let chosen = options[Int(generator.next() % UInt64(options.count))]
                cells[cell] = "\"\(chosen.value.vi)\""
                values[variable.id] = .option(chosen.key)
            case .date:
                cells[cell] = "datetime.date(2025, 3, 1)"
                values[variable.id] = .text("2025-03-01")
            case .text:
                cells[cell] = "\"Đã triển khai\""
                values[variable.id] = .text("Đã triển khai")
            }
            if variable.evidence == .required {
                cells["I\(row)"] = "\"12/QĐ-UBND\""
                cells["K\(row)"] = "datetime.date(2025, 2, 14)"
                cells["M\(row)"] = "\"https://stttt.example.gov.vn/qd-12\""
                evidence.insert(variable.id)
            }
        }
        return (cells, values, evidence)
    }

    func databaseCounts() throws -> (submissions: Int, audit: Int) {
        let database = try IndexDatabase(path: folder.file("ictindex.sqlite").path)
        let (dataset, _) = try database.dataset(forPeriod: "2025", sources: [.selfAssessed])
        let submissions = dataset.units.keys.reduce(0) { $0 + dataset.entries(of: $1).count }
        return (submissions, try database.auditEntries().count)
    }

    @Test("a workbook filled by openpyxl imports as self-assessed values with evidence, scored as the engine scores them")
    func openpyxlRoundTrip() throws {
        guard case .success = ExternalTools.openpyxl else {
            #expect(!ExternalTools.areRequired, "openpyxl is required here")
            return
        }
        // Given two templates filled by openpyxl
        try prepare()
        let database = try IndexDatabase(path: folder.file("ictindex.sqlite").path)
        let units = try database.units(inPeriod: "2025").filter { ["SKHCN", "P25-HUNGVUONG"].contains($0.code.rawValue) }
        var expected: [UnitCode: [VariableID: Dataset.Entry]] = [:]
        for (i, unit) in units.enumerated() {
            let (cells, values, evidence) = try values(for: unit, seed: UInt64(i + 7))
            try fill(folder.file("templates/\(unit.code).xlsx").path, into: folder.file("filled-\(unit.code).xlsx").path, cells: cells)
            expected[unit.code] = values.mapValues { Dataset.Entry(value: $0, source: .selfAssessed) }
            for id in evidence {
                expected[unit.code]![id]!.evidence = "number: 12/QĐ-UBND\ndate: 2025-02-14\nlink: https://stttt.example.gov.vn/qd-12"
            }
        }

        // When they are imported
        let imported = try run(["data", "import", "filled-SKHCN.xlsx", "filled-P25-HUNGVUONG.xlsx", "--source", "self"])

        // Then the values are stored, with their evidence
        #expect(imported.exitCode == 0, "\(imported.stderr)")
        let count = expected.values.reduce(0) { $0 + $1.count }
        #expect(imported.stdout.hasPrefix("2 workbooks: \(count) giá trị mới, 0 thay đổi, 0 không đổi (self, kỳ 2025)\n"))
        let (stored, _) = try database.dataset(forPeriod: "2025", sources: [.selfAssessed])
        for unit in units {
            let entries = stored.entries(of: unit.code)
            #expect(entries.mapValues(\.value) == expected[unit.code]!.mapValues(\.value))
            #expect(entries.mapValues(\.evidence) == expected[unit.code]!.mapValues(\.evidence))
        }
        // and the provisional scores printed are the engine's on the same values
        let framework = try FrameworkLoader().load(path: criteria).framework
        let scoreboard = try Engine(framework: framework).score(Dataset(period: "2025", units: units, entries: expected))
        for unit in units {
            let result = try #require(scoreboard.result(for: unit.code))
            let score = NumberFormatting.fixed(try #require(result.published), decimals: 2)
            let band = try #require(result.band).name.vi
            let group = framework.groups[unit.group]!.name.vi
            #expect(imported.stdout.contains("  \(unit.code)  \(unit.name): \(score) (\(band)), hạng 1/1 nhóm \(group)\n"))
        }
        // and importing the same workbooks again changes nothing
        let again = try run(["data", "import", "filled-SKHCN.xlsx", "filled-P25-HUNGVUONG.xlsx", "--source", "self"])
        #expect(again.stdout.hasPrefix("2 workbooks: 0 giá trị mới, 0 thay đổi, \(count) không đổi (self, kỳ 2025)\n"))
    }

    @Test("wrong values are refused with the cell of each, all at once, and nothing is stored")
    func invalidValues() throws {
        guard case .success = ExternalTools.openpyxl else {
            #expect(!ExternalTools.areRequired, "openpyxl is required here")
            return
        }
        try prepare(units: ["SKHCN"])
        let before = try databaseCounts()
        // D6 is staff (evidence required), D10 wan_share (a percent), D11 shared_apps (a whole number), D13
        // steering_meetings (evidence required, none given).
        try fill(
            folder.file("templates/SKHCN.xlsx").path, into: folder.file("bad.xlsx").path,
            cells: ["D6": "\"nhiều\"", "D10": "-3", "D11": "12.5", "D13": "3"])
        let result = try run(["data", "import", "bad.xlsx", "--source", "self"])
        #expect(result.exitCode == 64)
        #expect(
            result.stderr == """
                bad.xlsx:Tự đánh giá!D6: error[D003]: unit 'SKHCN', variable 'staff': 'nhiều' is not a number
                  hint: write a number such as 1234.5, without units or other text
                bad.xlsx:Tự đánh giá!D10: error[D005]: unit 'SKHCN', variable 'wan_share': value -3 is outside 0…100
                  hint: check the value; the framework declares the bounds of 'wan_share'
                bad.xlsx:Tự đánh giá!D11: error[D003]: unit 'SKHCN', variable 'shared_apps': '12.5' is not a whole number
                  hint: write a whole number such as 12
                bad.xlsx:Tự đánh giá!I13: error[T004]: unit 'SKHCN', variable 'steering_meetings': the value 3 needs evidence, and none is given
                  hint: fill at least one of columns I–M (document number, title, date, summary, link)
                4 errors

                """)
        #expect(try databaseCounts() == before)
    }

    @Test("altered workbooks are refused, saying what was changed and what to do", arguments: [
        ("locked", #"ws["C7"] = "Tên đã sửa""#,
         "altered.xlsx:Tự đánh giá!C7: error[T002]: the locked cell was changed: the template has "
            + "'Số CBCCVC được trang bị máy tính phục vụ công việc', the file has 'Tên đã sửa'"),
        ("metadata", #"wb["_ictindex"]["B5"] = "2026""#,
         "altered.xlsx:_ictindex: error[T002]: the metadata sheet was edited: its checksum does not match the unit, "
            + "period and criteria it names"),
        ("sheet", #"del wb["Điểm tạm tính"]"#, "altered.xlsx: error[T002]: the sheet 'Điểm tạm tính' was deleted"),
        ("row", "ws.insert_rows(8)",
         "altered.xlsx:Tự đánh giá!A8: error[T002]: the locked cell was changed: the template has 'antivirus', "
            + "the file has '' (rows were inserted, deleted or moved)"),
    ])
    func tampered(kind: String, change: String, expected: String) throws {
        guard case .success = ExternalTools.openpyxl else {
            #expect(!ExternalTools.areRequired, "openpyxl is required here")
            return
        }
        try prepare(units: ["SKHCN"])
        let before = try databaseCounts()
        try fill(folder.file("templates/SKHCN.xlsx").path, into: folder.file("altered.xlsx").path, cells: ["D6": "40"], extra: change)
        let result = try run(["data", "import", "altered.xlsx", "--source", "self"])
        #expect(result.exitCode == 64, "\(kind)")
        #expect(result.stderr.hasPrefix(expected + "\n"), "\(kind): \(result.stderr)")
        #expect(
            result.stderr.contains(
                "  hint: ask the department for a fresh template (ictindex template --period \(kind == "metadata" ? "2026" : "2025") "
                    + "--unit SKHCN --out DIR) and copy the values into it\n"), "\(kind)")
        #expect(try databaseCounts() == before, "\(kind)")
    }

    @Test("a workbook made from other criteria than the period's is refused")
    func otherCriteria() throws {
        try prepare(units: ["SKHCN"])
        // The period is then scored with an edited copy of the criteria (another SHA-256).
        let edited = try String(contentsOfFile: criteria, encoding: .utf8).replacingOccurrences(of: "edition: \"2025\"", with: "edition: \"2025b\"")
        try edited.write(to: folder.file("edited.yaml"), atomically: true, encoding: .utf8)
        #expect(try run(["data", "import", sample("values-2025.csv"), "--period", "2025", "--source", "appraised", "--framework", "edited.yaml"]).exitCode == 0)
        #expect(try run(["run", "--period", "2025", "--framework", "edited.yaml"]).exitCode == 0)
        let result = try run(["data", "import", "templates/SKHCN.xlsx", "--source", "self"])
        #expect(result.exitCode == 64)
        let sha = try FrameworkLoader().load(path: criteria).sha256.prefix(12)
        let editedSHA = try FrameworkLoader().load(path: folder.file("edited.yaml").path).sha256.prefix(12)
        #expect(
            result.stderr == """
                templates/SKHCN.xlsx: error[T003]: the workbook was made for vn-province-agencies 2025 (sha256 \(sha)), \
                but period 2025 is scored with vn-province-agencies 2025b (sha256 \(editedSHA))
                  hint: make new workbooks with the period's criteria: ictindex template --period 2025 --unit SKHCN --out DIR
                1 error

                """)
    }

    @Test("templates: one per unit of a group, last period's values, a renamed unit's history, English texts")
    func templates() throws {
        try prepare(units: ["SDTTG"])
        let group = try run(["template", "--period", "2025", "--group", "commune", "--framework", criteria, "--out", "communes", "--lang", "en"])
        #expect(group.exitCode == 0, "\(group.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.file("communes").path).sorted()
        let database = try IndexDatabase(path: folder.file("ictindex.sqlite").path)
        let communes = try database.units(inPeriod: "2025").filter { $0.group.rawValue == "commune" }
        #expect(files == communes.map { "\($0.code).xlsx" }.sorted())
        #expect(group.stdout.hasPrefix("wrote \(communes.count) workbooks to communes (period 2025, vn-province-agencies 2025, sha256 "))

        // SDTTG was BDT in 2024: its "last period" column holds BDT's values.
        let document = try XLSXDocument(contentsOf: folder.file("templates/SDTTG.xlsx"))
        let sheet = try document.sheet(named: "Tự đánh giá")
        let (dataset, _) = try database.dataset(forPeriod: "2024")
        let staff = try #require(dataset.value(UnitCode("BDT"), VariableID("staff")))
        #expect(sheet.cell(at: XLSXCellReference("A6")!)?.text == "staff")
        #expect(sheet.cell(at: XLSXCellReference("G6")!)?.text == staff.description)
        #expect(sheet.cell(at: XLSXCellReference("D6")!)?.isLocked == false)
        #expect(sheet.cell(at: XLSXCellReference("C6")!)?.isLocked == true)
        #expect(document.sheets.map(\.name) == ["Hướng dẫn", "Tự đánh giá", "Điểm tạm tính", "Tính toán", "_ictindex"])
        #expect(document.sheets.map(\.visibility) == [.visible, .visible, .visible, .hidden, .hidden])

        let english = try XLSXDocument(contentsOf: folder.file("communes/\(communes[0].code).xlsx"))
        #expect(try english.sheet(named: "Tự đánh giá").cell(at: XLSXCellReference("D5")!)?.text == "Self-assessed value")

        // A workbook returned blank stores nothing and says so.
        let blank = try run(["data", "import", "templates/SDTTG.xlsx", "--source", "self"])
        #expect(blank.exitCode == 0, "\(blank.stderr)")
        #expect(
            blank.stdout == "templates/SDTTG.xlsx: 0 giá trị mới, 0 thay đổi, 0 không đổi (self, kỳ 2025)\n"
                + "chưa nhập giá trị nào: chưa có điểm tạm tính\n")

        let unknown = try run(["template", "--period", "2025", "--unit", "SKHCM", "--framework", criteria, "--out", "x"])
        #expect(unknown.exitCode == 64)
        #expect(unknown.stderr == "error[D001]: unit 'SKHCM' does not exist in period 2025\n  hint: did you mean 'SKHCN'?\n1 error\n")
    }
}
