// `ICTIndexBenchmarks templates DIR`: self-assessment workbooks at scale (issue 5's targets), end to end through
// the `ictindex` binary built beside this one.
//
// Builds DIR/templates.sqlite with 3,300 units (every commune of the country, plus departments) and times
// `ictindex template --period 2025 --all` over the sample criteria; then writes 100 filled workbooks and times
// `ictindex data import` of all 100 at once (open, check against the template, validate, store, score).
// Each is run 3 times on a fresh database or folder.
import Foundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexStorage
import ICTIndexTestSupport
import ICTIndexTemplates
import OrderedCollections
import XLSXWriter

func benchmarkTemplates() throws {
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let criteria = repositoryFile("Criteria/vn-province-agencies.yaml")
    let ictindex = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ictindex").path
    guard FileManager.default.isExecutableFile(atPath: ictindex) else {
        throw RuntimeError("build ictindex first: swift build -c release --product ictindex (looked for \(ictindex))")
    }
    let loaded = try FrameworkLoader().load(path: criteria)
    let framework = loaded.framework
    var units: [ICTIndexCore.Unit] = (1...3_300).map {
        Unit(code: UnitCode(String(format: "X%04d", $0)), name: "Xã số \($0)", group: "commune")
    }
    units += (1...40).map { Unit(code: UnitCode(String(format: "S%02d", $0)), name: "Sở số \($0)", group: "department") }

    func freshDatabase() throws -> String {
        let path = dir.appendingPathComponent("templates.sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let database = try IndexDatabase(path: path, create: true)
        _ = try database.importUnits(units, file: "benchmark", who: "benchmark")
        return path
    }

    // 1. Templates for the 3,300 communes (and 40 departments).
    var times: [Double] = []
    var files = 0
    for _ in 0..<3 {
        let database = try freshDatabase()
        let out = dir.appendingPathComponent("templates")
        try? FileManager.default.removeItem(at: out)
        times.append(try seconds {
            try runTool(ictindex, ["template", "--period", "2025", "--all", "--framework", criteria, "--out", out.path, "--db", database])
        })
        files = try FileManager.default.contentsOfDirectory(atPath: out.path).count
    }
    times.sort()
    print(String(format: "template --all: %d workbooks, min %.2f s, median %.2f s (3 runs)", files, times[0], times[1]))

    // 2. Importing 100 filled workbooks at once.
    let filledFolder = dir.appendingPathComponent("filled")
    try? FileManager.default.removeItem(at: filledFolder)
    try FileManager.default.createDirectory(at: filledFolder, withIntermediateDirectories: true)
    var rng = SplitMix64(state: 5)
    let filled = units.prefix(100).map { unit in
        var template = SelfAssessmentTemplate(
            framework: framework,
            metadata: TemplateMetadata(
                unit: unit, period: "2025", frameworkID: framework.id, frameworkEdition: framework.edition,
                frameworkSHA256: loaded.sha256, deadline: nil, language: .vi))
        for variable in template.inputVariables {
            template.entries[variable.id] = TemplateEntry(
                value: filledValue(variable, &rng),
                evidence: variable.evidence == .required ? Evidence(number: "12/QĐ-UBND", date: "2025-02-14") : nil)
        }
        return template
    }
    let paths = try SelfAssessmentTemplate.write(filled, into: filledFolder).map(\.path)
    var imports: [Double] = []
    for _ in 0..<3 {
        let database = try freshDatabase()
        // The criteria are kept by `template`; here one unit's template does it.
        try runTool(ictindex, ["template", "--period", "2025", "--unit", "X0001", "--framework", criteria,
                               "--out", dir.appendingPathComponent("one").path, "--db", database])
        imports.append(try seconds { try runTool(ictindex, ["data", "import"] + paths + ["--source", "self", "--db", database]) })
    }
    imports.sort()
    print(String(format: "data import of 100 filled workbooks: min %.2f s, median %.2f s (3 runs)", imports[0], imports[1]))
}

/// A value in range for a variable.
func filledValue(_ variable: Variable, _ rng: inout SplitMix64) -> Value {
    let hi = variable.effectiveBounds.max ?? 500
    switch variable.kind {
    case .integer: return .number((rng.unit() * hi).rounded(.down))
    case .number, .percent: return .number((rng.unit() * hi * 100).rounded() / 100)
    case .boolean: return .number(rng.unit() < 0.5 ? 0 : 1)
    case .choice: return .option(variable.options.keys[Int(rng.unit() * Double(variable.options.count))])
    case .date: return .text("2025-03-01")
    case .text: return .text("Đã triển khai")
    }
}

/// A file of the repository, from the current folder (the benchmark runs from the repository root).
func repositoryFile(_ path: String) -> String {
    FileManager.default.currentDirectoryPath + "/" + path
}

/// Runs a program to its end; fails with its error output when it fails.
func runTool(_ executable: String, _ arguments: [String]) throws {
    let (status, errors) = try ExternalTools.run(executable, arguments)
    guard status == 0 else {
        throw RuntimeError("\(executable) \(arguments.prefix(3).joined(separator: " ")) failed: \(errors.suffix(600))")
    }
}

struct RuntimeError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
