// `ICTIndexBenchmarks storage DIR`: the evaluation database at scale (issue 4's targets).
//
// Writes DIR/storage.yaml (the synthetic criteria, declaring 100 variables), DIR/storage-units.csv (10,000 units)
// and DIR/storage-values.csv (10,000 units × 100 variables = 1,000,000 values), then, 3 times on a fresh
// database file: imports the values (read + validate + one transaction), and runs the period (read the values
// from the database + score + rank + store every result).
import Foundation
import CoreFoundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexStorage
import ICTIndexTestSupport

func storageYAML() -> String {
    let extra = (51...100).map { "  - {id: v\($0), name: Variable \($0), type: number, min: 0, max: 100}\n" }.joined()
    return syntheticYAML().replacingOccurrences(of: "variables:\n", with: "variables:\n" + extra)
}

func storageCSVs() -> (units: String, values: String) {
    var rng = SplitMix64(state: 2026)
    var units = ["code,name,group"]
    var values = ["unit," + (1...100).map { "v\($0)" }.joined(separator: ",")]
    units.reserveCapacity(unitCount + 1)
    values.reserveCapacity(unitCount + 1)
    for u in 1...unitCount {
        units.append("U\(u),Đơn vị \(u),g\(u % 3 + 1)")
        var row = "U\(u)"
        for _ in 1...100 { row += "," + String(format: "%.2f", 100 * rng.unit()) }
        values.append(row)
    }
    return (units.joined(separator: "\n") + "\n", values.joined(separator: "\n") + "\n")
}

/// The CPU time of the process so far (every thread), in seconds: steadier than the wall clock on a shared machine,
/// though it leaves out the time spent waiting for the disk.
func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func benchmarkStorage() throws {
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let yaml = dir.appendingPathComponent("storage.yaml").path
    let unitsPath = dir.appendingPathComponent("storage-units.csv").path
    let valuesPath = dir.appendingPathComponent("storage-values.csv").path
    try storageYAML().write(toFile: yaml, atomically: true, encoding: .utf8)
    let (unitsText, valuesText) = storageCSVs()
    try unitsText.write(toFile: unitsPath, atomically: true, encoding: .utf8)
    try valuesText.write(toFile: valuesPath, atomically: true, encoding: .utf8)
    let loaded = try FrameworkLoader().load(path: yaml)
    let framework = loaded.framework
    let source = FrameworkSource(id: framework.id, edition: nil, yaml: framework.sourceText ?? "", sha256: loaded.sha256)
    var importTimes: [Double] = []
    var runTimes: [Double] = []
    var runPhases: [[Double]] = []
    var importPhases: [[Double]] = []
    var importCPU: [Double] = []
    var runCPU: [Double] = []
    var imported = 0
    var scored = 0
    let attempts = Int(ProcessInfo.processInfo.environment["BENCH_ATTEMPTS"] ?? "") ?? 3
    for attempt in 1...attempts {
        let path = dir.appendingPathComponent("storage-\(attempt).sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let database = try IndexDatabase(path: path, create: true)
        let reader = DataFileReader(framework: framework)
        let units = try reader.readUnits(try String(contentsOfFile: unitsPath, encoding: .utf8), file: unitsPath)
        _ = try database.importUnits(units, file: unitsPath, who: "bench")
        var importPhase = [0.0, 0.0]
        var cpu = cpuSeconds()
        importTimes.append(
            try seconds {
                var read: Dataset?
                importPhase[0] = try seconds {
                    let text = try String(contentsOfFile: valuesPath, encoding: .utf8)
                    read = try reader.readValues(text, file: valuesPath, units: units, period: "2025")
                }
                guard let dataset = read else { return }
                importPhase[1] = try seconds {
                    imported = try database.importValues(
                        dataset, period: "2025", source: .selfAssessed, file: "v", who: "b"
                    ).added
                }
            })
        importPhases.append(importPhase)
        importCPU.append(cpuSeconds() - cpu)
        cpu = cpuSeconds()
        var phases = [0.0, 0.0, 0.0]
        runTimes.append(
            try seconds {
                var read: (dataset: Dataset, revision: Int)?
                phases[0] = try seconds { read = try database.dataset(forPeriod: "2025") }
                guard let (dataset, revision) = read else { return }
                var scoreboard: Scoreboard?
                phases[1] = try seconds { scoreboard = try Engine(framework: framework).score(dataset) }
                guard let scoreboard else { return }
                phases[2] = try seconds {
                    _ = try database.recordRun(
                        scoreboard, framework: source, revision: revision, parameters: "{}", engineVersion: "bench",
                        who: "bench")
                }
                scored = scoreboard.units.count
            })
        runPhases.append(phases)
        runCPU.append(cpuSeconds() - cpu)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    let fastestImport = importPhases[importTimes.firstIndex(of: importTimes.min() ?? 0) ?? 0]
    let fastestRun = runPhases[runTimes.firstIndex(of: runTimes.min() ?? 0) ?? 0]
    importTimes.sort()
    runTimes.sort()
    print("values imported: \(imported) (\(unitCount) units × 100 variables); units scored: \(scored)")
    print(String(format: "import CSV → database: min %.2f s, median %.2f s (%d runs)", importTimes[0], importTimes[importTimes.count / 2], importTimes.count))
    print(String(format: "  of which (fastest import): read and check the CSV %.2f s, store %.2f s", fastestImport[0], fastestImport[1]))
    print(String(format: "run from database (read + score + store): min %.2f s, median %.2f s (%d runs)", runTimes[0], runTimes[runTimes.count / 2], runTimes.count))
    let fastest = fastestRun
    print(String(format: "  of which (fastest run): read %.2f s, score %.2f s, store %.2f s", fastest[0], fastest[1], fastest[2]))
    importCPU.sort()
    runCPU.sort()
    print(String(format: "CPU time (all threads): import min %.2f s, median %.2f s; run min %.2f s, median %.2f s", importCPU[0], importCPU[importCPU.count / 2], runCPU[0], runCPU[runCPU.count / 2]))
    print(String(format: "peak memory: %.0f MB", peakMemoryMB()))
}
