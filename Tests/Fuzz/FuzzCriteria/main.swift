// libFuzzer target: criteria YAML through the loader `criteria check` and `score` use.
//
// Built by `make fuzz` with `-sanitize=fuzzer,address -parse-as-library`; in a normal build this file is an
// executable that does nothing. Any input may be refused with diagnostics; none may crash, hang or exhaust memory.
import ICTIndexCriteria

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCriteria(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    _ = try? FrameworkLoader().load(yaml: text, file: "fuzz.yaml")
    return 0
}
