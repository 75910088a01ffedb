// libFuzzer target: the expression parser of derived variables and rules (`Expression.parse`).
//
// Built by `make fuzz` with `-sanitize=fuzzer,address`; a normal build replays the files given as arguments. A parsed expression is also printed back, as `criteria show` does.
import FuzzSupport
import ICTIndexCore

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzExpression(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : count), as: UTF8.self)
    if let expression = try? Expression.parse(text) {
        _ = expression.description
        _ = expression.variableReferences
    }
    return 0
}

runFuzzTarget(fuzzExpression)
