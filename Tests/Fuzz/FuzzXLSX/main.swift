// libFuzzer target: workbooks through `XLSXDocument`, the reader behind `score`, `data import` and `units import`
// with .xlsx files. Every sheet of a workbook that opens is read.
//
// Built by `make fuzz` with `-sanitize=fuzzer,address -parse-as-library`; in a normal build this file is an
// executable that does nothing.
import Foundation
import XLSXReader

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(UnsafeRawBufferPointer(start: start, count: count))
    guard let document = try? XLSXDocument(data: data, name: "fuzz.xlsx") else { return 0 }
    for name in document.sheetNames {
        if let sheet = try? document.sheet(named: name) {
            _ = sheet.rows.map(\.texts)
        }
    }
    return 0
}
