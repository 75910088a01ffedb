// libFuzzer target: the expression parser of derived variables and rules (`Expression.parse`).
//
// Built by `make fuzz` with `-sanitize=fuzzer,address -parse-as-library`; in a normal build this file is an
// executable that does nothing. A parsed expression is also printed back, as `criteria show` does.
import ICTIndexCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    if let expression = try? Expression.parse(text) {
        _ = expression.description
        _ = expression.variableReferences
    }
    return 0
}
