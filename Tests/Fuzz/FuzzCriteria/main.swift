// libFuzzer target: criteria YAML through the loader `criteria check` and `score` use.
//
// Built by `make fuzz` with `-sanitize=fuzzer,address`; a normal build replays the files given as arguments. Any input may be refused with diagnostics; none may crash, hang or exhaust memory.
import FuzzSupport
import ICTIndexCriteria

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCriteria(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : count), as: UTF8.self)
    _ = try? FrameworkLoader().load(yaml: text, file: "fuzz.yaml")
    return 0
}

runFuzzTarget(fuzzCriteria)
