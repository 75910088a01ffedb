// Benchmarks for ictindex (not tests: speed is measured here, never asserted in `make test`).
//
//   swift run -c release ICTIndexBenchmarks write DIR   writes the synthetic set: DIR/synthetic.yaml, DIR/synthetic.csv
//   swift run -c release ICTIndexBenchmarks engine DIR  times Engine.score (score + rank) in-process
//
// The synthetic set is deterministic: 10,000 units in 3 groups × 50 indicators in a 3-level tree
// (5 pillars × 2 sub-pillars × 5 indicators), with a mix of fixed and peer-relative rules.
import Foundation
import ICTIndexCore
import ICTIndexCriteria
import OrderedCollections

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

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
guard arguments.count == 3, ["write", "engine"].contains(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: ICTIndexBenchmarks write|engine DIR\n".utf8))
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
    default:
        let framework = try FrameworkLoader().load(path: yamlPath).framework
        let text = try String(contentsOfFile: csvPath, encoding: .utf8)
        var dataset: Dataset?
        let read = try seconds { dataset = try DataFileReader(framework: framework).readValues(text, file: csvPath, units: nil, period: nil) }
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
} catch let failure as ValidationFailure {
    FileHandle.standardError.write(Data((failure.description + "\n").utf8))
    exit(64)
}
