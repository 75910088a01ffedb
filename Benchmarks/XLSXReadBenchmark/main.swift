// Times reading a values workbook of 10,000 rows × 49 cells (a unit code and 48 numbers) with XLSXReader:
// open the package, read the shared strings and styles, parse the sheet, and turn every row into text.
//
//   swift run -c release XLSXReadBenchmark DIR [RUNS]
//
// Prints each run and the median; figures go in Benchmarks/README.md.
import Foundation
import XLSXReader
import XLSXWriter

let arguments = CommandLine.arguments
let folder = URL(fileURLWithPath: arguments.count > 1 ? arguments[1] : ".build/bench", isDirectory: true)
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 7 : 7
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
let url = folder.appendingPathComponent("read-10000x49.xlsx")

// The workbook is written once; later runs read the same file (delete it to write it again).
if !FileManager.default.fileExists(atPath: url.path) {
    let header: [Cell] = [.text("unit")] + (1...48).map { Cell.text("v\($0)") }
    var rows: [[Cell]] = [header]
    for i in 0..<10_000 {
        var row: [Cell] = [.text("U\(i)")]
        for j in 1...48 {
            let value = Double((i * 7919 + j * 104_729) % 100_000) / 100
            row.append(.number(value))
        }
        rows.append(row)
    }
    try XLSXWriter.write(Spreadsheet(sheets: [Sheet(name: "Số liệu", rows: rows)]), to: url)
}
let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
print("workbook: \(url.path), \(size) bytes, 10,001 rows × 49 cells")

var times: [Double] = []
for run in 1...runs {
    let start = Date()
    let document = try XLSXDocument(contentsOf: url)
    let sheet = try document.sheet(named: "Số liệu")
    var cells = 0
    for row in sheet.rows { cells += row.texts.count }
    let seconds = Date().timeIntervalSince(start)
    times.append(seconds)
    print("run \(run): \(String(format: "%.3f", seconds)) s, \(cells) cells")
}
times.sort()
print("median: \(String(format: "%.3f", times[times.count / 2])) s over \(runs) runs")
