// Benchmarks for ictindex (not tests: speed is measured here, never asserted in `make test`).
//
//   swift run -c release ICTIndexBenchmarks write DIR   writes the synthetic set: DIR/synthetic.yaml, DIR/synthetic.csv
//   swift run -c release ICTIndexBenchmarks engine DIR  times Engine.score (score + rank) in-process
//   swift run -c release ICTIndexBenchmarks storage DIR times the database: import 1,000,000 values, run 10,000 units
//   swift run -c release ICTIndexBenchmarks xlsx DIR    times the Excel scoreboard of the set (layout + write)
//   swift run -c release ICTIndexBenchmarks xlsx-full DIR   the same with every row of `Chi tiết` (500,000)
//   swift run -c release ICTIndexBenchmarks web DIR ICTINDEX [SECONDS]   the web application under load (see
//                                                           WebLoadBenchmark.swift), on 127.0.0.1 only
//   swift run -c release ICTIndexBenchmarks baseline DIR    writes the cells of Benchmarks/xlsx-baseline/baseline.c
//                                                           through XLSXWriter, to compare the wrapper with C
//   swift run -c release ICTIndexBenchmarks templates DIR   times `ictindex template` for 3,340 units and the import
//                                                           of 100 filled workbooks (builds ictindex first)
//   swift run -c release ICTIndexBenchmarks csv DIR         reads DIR/asem.csv against DIR/asem.yaml in-process, 9
//                                                           times (written by Benchmarks/peers/generate_asem.py)
//
// The synthetic set is deterministic: 10,000 units in 3 groups × 50 indicators in a 3-level tree
// (5 pillars × 2 sub-pillars × 5 indicators), with a mix of fixed and peer-relative rules.
import Foundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexReports
import ICTIndexTestSupport
import OrderedCollections
import XLSXWriter

let unitCount = 10_000
let pillarCount = 5
let subPillars = 2
let indicatorsPerSub = 5

func syntheticYAML() -> String {
    let rules = [
        "{rule: ratio, percent: true}", "{rule: linear, from: 0, to: 50}", "{rule: fraction_of_max}",
        "{rule: minmax, over: all}", "{rule: steps, steps: [{at_least: 80, score: 1}, {at_least: 50, score: 0.5}]}",
        "{rule: rank}", "{rule: percentile}", "[{rule: zscore}, {rule: minmax, range: [0, 100]}]",
        "{rule: distance_to_target, target: 90}", "{rule: ratio, percent: true}",
    ]
    var variables = ""
    var tree = ""
    var k = 0
    for p in 1...pillarCount {
        tree += "    - id: p\(p)\n      name: Pillar \(p)\n      weight: 20\n      aggregate: sum\n      children:\n"
        for s in 1...subPillars {
            tree += "        - id: p\(p).s\(s)\n          name: Sub-pillar \(p).\(s)\n          weight: 10\n"
            tree += "          aggregate: sum\n          children:\n"
            for _ in 1...indicatorsPerSub {
                k += 1
                variables += "  - {id: v\(k), name: Variable \(k), type: number, min: 0, max: 100}\n"
                tree += "            - id: p\(p).s\(s).i\(k)\n              name: Indicator \(k)\n"
                tree += "              weight: 2\n              value: v\(k)\n"
                tree += "              score: \(rules[k % rules.count])\n"
            }
        }
    }
    return """
        schema: ictindex/v1
        id: synthetic-benchmark
        name: Synthetic benchmark (10,000 units × 50 indicators)
        scale: 100
        decimals: 2
        groups:
          - {id: g1, name: Group 1}
          - {id: g2, name: Group 2}
          - {id: g3, name: Group 3}
        bands:
          - {id: good, name: Tốt, min: 85}
          - {id: fair, name: Khá, min: 70}
          - {id: average, name: Trung bình, min: 50}
          - {id: weak, name: Yếu}
        variables:
        \(variables)index:
          aggregate: sum
          children:
        \(tree)
        """
}

func syntheticCSV() -> String {
    var rng = SplitMix64(state: 2025)
    let k = pillarCount * subPillars * indicatorsPerSub
    var lines = ["unit,name,group," + (1...k).map { "v\($0)" }.joined(separator: ",")]
    lines.reserveCapacity(unitCount + 1)
    for u in 1...unitCount {
        var row = "U\(u),Đơn vị \(u),g\(u % 3 + 1)"
        for _ in 1...k {
            let x = rng.unit()
            row += x < 0.01 ? "," : "," + String(format: "%.2f", 100 * x)
        }
        lines.append(row)
    }
    return lines.joined(separator: "\n") + "\n"
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // ru_maxrss is in KiB on Linux
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let arguments = CommandLine.arguments
if arguments.count >= 4, arguments[1] == "web" {
    do {
        try await benchmarkWeb(
            dir: URL(fileURLWithPath: arguments[2]), ictindex: arguments[3],
            duration: arguments.count > 4 ? Double(arguments[4]) ?? 60 : 60)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(1)
    }
}
guard arguments.count == 3,
    ["write", "engine", "xlsx", "xlsx-full", "baseline", "storage", "templates", "csv"].contains(arguments[1])
else {
    FileHandle.standardError.write(
        Data("usage: ICTIndexBenchmarks write|engine|xlsx|xlsx-full|baseline|storage|templates|csv DIR\n".utf8))
    exit(64)
}
let dir = URL(fileURLWithPath: arguments[2])
let yamlPath = dir.appendingPathComponent("synthetic.yaml").path
let csvPath = dir.appendingPathComponent("synthetic.csv").path

do {
    switch arguments[1] {
    case "write":
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try syntheticYAML().write(toFile: yamlPath, atomically: true, encoding: .utf8)
        try syntheticCSV().write(toFile: csvPath, atomically: true, encoding: .utf8)
        print("wrote \(yamlPath) and \(csvPath)")
    case "xlsx", "xlsx-full":
        try benchmarkScoreboard(full: arguments[1] == "xlsx-full")
    case "storage":
        try benchmarkStorage()
    case "templates":
        try benchmarkTemplates()
    case "baseline":
        try benchmarkBaseline()
    case "csv":
        try benchmarkCSVReading()
    default:
        let framework = try FrameworkLoader().load(path: yamlPath).framework
        let text = try String(contentsOfFile: csvPath, encoding: .utf8)
        var dataset: Dataset?
        let read = try seconds {
            dataset = try DataFileReader(framework: framework).readValues(text, file: csvPath, units: nil, period: nil)
        }
        guard let dataset else { exit(1) }
        let engine = Engine(framework: framework)
        var times: [Double] = []
        var ranked = 0
        for _ in 0..<7 {
            times.append(try seconds { ranked = try engine.score(dataset).units.filter { $0.rank != nil }.count })
        }
        times.sort()
        print("units: \(dataset.units.count), indicators: \(framework.indicators.count), ranked: \(ranked)")
        print(String(format: "read CSV: %.1f ms", read * 1000))
        print(String(format: "score + rank: median %.1f ms, min %.1f ms (7 runs)", times[3] * 1000, times[0] * 1000))
        print(String(format: "peak memory: %.0f MB", peakMemoryMB()))
    }
} catch let failure as XLSXError {
    FileHandle.standardError.write(Data((failure.description + "\n").utf8))
    exit(1)
} catch let failure as ValidationFailure {
    FileHandle.standardError.write(Data((failure.description + "\n").utf8))
    exit(64)
} catch let failure as RuntimeError {
    FileHandle.standardError.write(Data((failure.description + "\n").utf8))
    exit(1)
}

/// The synthetic set's scoreboard workbook: scored once, then laid out and written 3 times.
func benchmarkScoreboard(full: Bool) throws {
    let loaded = try FrameworkLoader().load(path: yamlPath)
    let text = try String(contentsOfFile: csvPath, encoding: .utf8)
    let dataset = try DataFileReader(framework: loaded.framework).readValues(
        text, file: csvPath, units: nil, period: "2025")
    let scoreboard = try Engine(framework: loaded.framework).score(dataset)
    let scored = peakMemoryMB()
    let total = try seconds {
        try ScoreboardReport(
            scoreboard: scoreboard,
            run: RunInfo(
                frameworkSHA256: loaded.sha256,
                runTime: Date(timeIntervalSince1970: 1_767_225_600), engineVersion: "bench"),
            options: full ? ScoreboardReport.Options(detailRowLimit: .max) : ScoreboardReport.Options()
        )
        .write(to: dir.appendingPathComponent("scoreboard-auto.xlsx"))
    }
    let afterFirst = peakMemoryMB()
    let run = RunInfo(
        frameworkSHA256: loaded.sha256, runTime: Date(timeIntervalSince1970: 1_767_225_600), engineVersion: "bench")
    var options = ScoreboardReport.Options()
    if full { options.detailRowLimit = .max }
    let report = ScoreboardReport(scoreboard: scoreboard, run: run, options: options)
    let url = dir.appendingPathComponent(full ? "scoreboard-full.xlsx" : "scoreboard.xlsx")
    var layoutTimes: [Double] = []
    var writeTimes: [Double] = []
    var constantTimes: [Double] = []
    var cells = 0
    for _ in 0..<3 {
        var spreadsheet: Spreadsheet?
        layoutTimes.append(seconds { spreadsheet = report.spreadsheet() })
        guard let spreadsheet else { exit(1) }
        cells = spreadsheet.sheets.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.count } }
        writeTimes.append(try seconds { try XLSXWriter.write(spreadsheet, to: url) })
        constantTimes.append(
            try seconds {
                try XLSXWriter.write(spreadsheet, to: url, options: WriteOptions(constantMemory: true))
            })
    }
    constantTimes.sort()
    let totals = zip(layoutTimes, writeTimes).map { $0 + $1 }.sorted()
    layoutTimes.sort()
    writeTimes.sort()
    let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    print(
        "scoreboard workbook\(full ? " with every Chi tiết row" : ""): \(dataset.units.count) units, \(cells) cells, "
            + "\(size / 1024) KiB")
    print(
        String(
            format: "layout (Spreadsheet value): median %.0f ms, min %.0f ms", layoutTimes[1] * 1000,
            layoutTimes[0] * 1000))
    print(
        String(format: "write (libxlsxwriter): median %.0f ms, min %.0f ms", writeTimes[1] * 1000, writeTimes[0] * 1000)
    )
    print(
        String(
            format: "write, constant memory: median %.0f ms, min %.0f ms", constantTimes[1] * 1000,
            constantTimes[0] * 1000))
    print(String(format: "layout + write: median %.0f ms, min %.0f ms (3 runs)", totals[1] * 1000, totals[0] * 1000))
    print(String(format: "ScoreboardReport.write (layout + write, automatic mode), first run: %.0f ms", total * 1000))
    // The measurement the target is set on (ScoreboardReport.write, automatic mode), 3 more times, wall and CPU.
    var autoWall: [Double] = []
    var autoCPU: [Double] = []
    for _ in 0..<3 {
        let start = cpuSeconds()
        autoWall.append(try seconds { _ = try report.write(to: dir.appendingPathComponent("scoreboard-auto.xlsx")) })
        autoCPU.append(cpuSeconds() - start)
    }
    autoWall.sort()
    autoCPU.sort()
    print(
        String(
            format:
                "ScoreboardReport.write, 3 more runs: wall median %.0f ms, min %.0f ms; CPU median %.0f ms, min %.0f ms",
            autoWall[1] * 1000, autoWall[0] * 1000, autoCPU[1] * 1000, autoCPU[0] * 1000))
    print(
        String(
            format: "peak memory: %.0f MB after reading and scoring, %.0f MB after the first write, %.0f MB at the end",
            scored, afterFirst, peakMemoryMB()))
}

/// The cells of `Benchmarks/xlsx-baseline/baseline.c` written through XLSXWriter, 5 times.
func benchmarkBaseline() throws {
    let rows = 10_000
    let numbers = 50
    let bold = CellStyle(bold: true)
    let format = CellStyle(numberFormat: "0.00")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent("baseline-swift.xlsx")
    var totals: [Double] = []
    var writes: [Double] = []
    for _ in 0..<5 {
        var spreadsheet: Spreadsheet?
        let layout = seconds {
            var cells: [[Cell]] = [
                [.text("code", style: bold), .text("name", style: bold)]
                    + (1...numbers).map { .text("v\($0)", style: bold) }
            ]
            cells.reserveCapacity(rows + 1)
            for i in 0..<rows {
                var row: [Cell] = [.text("U\(i + 1)"), .text("Đơn vị \(i + 1)")]
                row.reserveCapacity(numbers + 2)
                for j in 0..<numbers { row.append(.number(Double((i * 31 + j * 17) % 10_000) / 100, style: format)) }
                cells.append(row)
            }
            spreadsheet = Spreadsheet(sheets: [Sheet(name: "Data", rows: cells)])
        }
        guard let spreadsheet else { exit(1) }
        let write = try seconds { try XLSXWriter.write(spreadsheet, to: url) }
        totals.append(layout + write)
        writes.append(write)
    }
    totals.sort()
    writes.sort()
    print(
        String(
            format:
                "Swift XLSXWriter, %d rows x %d cells: median %.1f ms, min %.1f ms (5 runs; write only %.1f ms)",
            rows, numbers + 2, totals[2] * 1000, totals[0] * 1000, writes[2] * 1000))
}

/// Reading the ASEM-shaped file in-process: the bytes already in memory, then splitting, number parsing and
/// validation of every cell into a data set; 9 runs, median and best, in MB/s of the file.
func benchmarkCSVReading() throws {
    let path = dir.appendingPathComponent("asem.csv").path
    let framework = try FrameworkLoader().load(path: dir.appendingPathComponent("asem.yaml").path).framework
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let reader = DataFileReader(framework: framework)
    var times: [Double] = []
    var values = 0
    for _ in 0..<9 {
        times.append(
            try seconds {
                let dataset = try reader.readValues(bytes: bytes, file: path, units: nil, period: nil)
                values = dataset.variableIDs.count * dataset.units.count
            })
    }
    times.sort()
    let megabytes = Double(bytes.count) / 1e6
    print(String(format: "%.1f MB, %d unit × variable slots", megabytes, values))
    print(
        String(
            format: "read + split + parse + validate: median %.1f ms (%.0f MB/s), best %.1f ms (%.0f MB/s), 9 runs",
            times[4] * 1000, megabytes / times[4], times[0] * 1000, megabytes / times[0]))
    print(String(format: "peak memory: %.0f MB", peakMemoryMB()))
}
