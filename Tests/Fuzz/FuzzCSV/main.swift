// libFuzzer target: units and values files through `DataFileReader`, the entry point `score` and `data import`
// use, against the sample criteria (Criteria/vn-province-agencies.yaml, loaded once).
//
// Built by `make fuzz` with `-sanitize=fuzzer,address`; a normal build replays the files given as arguments. The first byte picks the reading: units file, values with the units given, or
// values that carry their own units, each with a decimal point or a decimal comma.
import FuzzSupport
import ICTIndexCore
import ICTIndexCriteria

private enum Fixture {
    static let framework: Framework = {
        // Tests/Fuzz/FuzzCSV/main.swift → the repository root.
        let root = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(4).joined(
            separator: "/")
        do {
            return try FrameworkLoader().load(path: root + "/Criteria/vn-province-agencies.yaml")
                .framework
        } catch {
            fatalError("the fuzz target needs Criteria/vn-province-agencies.yaml: \(error)")
        }
    }()

    static let knownUnits: [Unit] = {
        let units = "code,name,group\nSNV,Sở Nội vụ,department\nVPUB,Văn phòng UBND tỉnh,department\n"
        return (try? DataFileReader(framework: framework).readUnits(units, file: "units.csv")) ?? []
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCSV(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : count)
    guard let mode = bytes.first else { return 0 }
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let reader = DataFileReader(
        framework: Fixture.framework, decimalStyle: mode & 1 == 0 ? .point : .comma)
    switch (mode >> 1) % 3 {
    case 0: _ = try? reader.readUnits(text, file: "units.csv")
    case 1:
        _ = try? reader.readValues(text, file: "values.csv", units: Fixture.knownUnits, period: "2025")
    default: _ = try? reader.readValues(text, file: "values.csv", units: nil, period: nil)
    }
    return 0
}

runFuzzTarget(fuzzCSV)
