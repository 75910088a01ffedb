import Foundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexService
import ICTIndexStorage
import ICTIndexTemplates

/// The database part of `ictindex demo`: a fresh `Reports/demo.sqlite` from Examples/sample-province, with
/// 2024 (appraised, published) and 2025 (self-assessed and appraised), both scored; returns the 2025
/// ranking with each unit's change since 2024, following mergers and renames.
enum DemoDatabase {
    static let relativePath = "Reports/demo.sqlite"

    static func build(root: String, language: Language) throws -> String {
        let base = URL(fileURLWithPath: root)
        func path(_ relative: String) -> String { base.appendingPathComponent(relative).path }
        let file = path(relativePath)
        try? FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
        let database = try IndexDatabase(path: file, create: true)
        let criteria = path("Criteria/vn-province-agencies.yaml")
        let (loaded, _) = try CriteriaSource.load(path: criteria)
        let reader = DataFileReader(framework: loaded.framework)
        let sample = path("Examples/sample-province")
        let units = try reader.readUnits(
            try InputFile.read(sample + "/units.csv", what: InputKind.units), file: "units.csv")
        _ = try database.importUnits(units, file: "units.csv", who: "demo")
        let imports: [(String, String, Dataset.Source)] = [
            ("values-2024.csv", "2024", .appraised), ("values-2025-self.csv", "2025", .selfAssessed),
            ("values-2025.csv", "2025", .appraised),
        ]
        for (name, period, source) in imports {
            let text = try InputFile.read(sample + "/" + name, what: InputKind.data)
            let dataset = try reader.readValues(text, file: name, units: units, period: period)
                .restricted(toPeriod: period, file: name)
            _ = try database.importValues(dataset, period: period, source: source, file: name, who: "demo")
        }
        let (first, _) = try DatabaseScoring.score(
            period: "2024", frameworkPath: criteria, database: database, who: "demo")
        _ = try database.publish(run: first.id, who: "demo")
        let (second, _) = try DatabaseScoring.score(
            period: "2025", frameworkPath: criteria, database: database, who: "demo")
        let table = ChangeTable(
            framework: loaded.framework, run: try database.run(second.id),
            changes: try database.changes(forRun: second.id),
            language: language
        ).render()
        // Next year's self-assessment workbook for one department, with 2025's values as "last period".
        let (_, source) = try CriteriaSource.load(path: criteria)
        try database.saveFramework(source)
        let unit = try database.units(inPeriod: "2026").first { $0.code.rawValue == "SKHCN" }
        var templateLine = ""
        if let unit {
            let template = SelfAssessmentTemplate(
                framework: loaded.framework,
                metadata: TemplateMetadata(
                    unit: unit, period: "2026", frameworkID: source.id, frameworkEdition: source.edition,
                    frameworkSHA256: source.sha256, deadline: "2027-01-15", language: language),
                previous: try TemplateCommand.previousValues(database, period: "2026", units: [unit])[unit.code] ?? [:])
            let folder = URL(fileURLWithPath: path("Reports/templates"))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try TemplateCommand.write([template], into: folder)
            templateLine =
                (language == .en ? "\nSelf-assessment workbook for 2026: " : "\nPhiếu tự đánh giá kỳ 2026: ")
                + (root == "." ? "" : root + "/") + "Reports/templates/" + template.fileName
        }
        let intro =
            language == .en
            ? "Database \(relativePath): 2024 (appraised, published run \(first.id)) and 2025 (self-assessed and "
                + "appraised, run \(second.id)); appraised values win"
            : "Cơ sở dữ liệu \(relativePath): kỳ 2024 (thẩm định, đã công bố, lần chấm \(first.id)) và kỳ 2025 "
                + "(tự đánh giá và thẩm định, lần chấm \(second.id)); giá trị thẩm định được dùng"
        return intro + "\n\n" + table + templateLine
    }
}
