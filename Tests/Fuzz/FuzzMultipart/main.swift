// libFuzzer target: the web app's form bodies through `MultipartBody.parse`, the one entry point every POST
// goes through (sign-in, the self-assessment form with its evidence files, the appraisal form).
//
// The input's first line is the request's Content-Type, the rest is the body; so the fuzzer varies the
// boundary parameter as well as the parts. Besides crashes, it checks what the server relies on: a body
// that is accepted stays within the limits it was read under, and every file's bytes come from the body.
import FuzzSupport
import ICTIndexWebForms

private let limits = FormLimits(maxBytes: 65_536, maxFields: 64)

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzMultipart(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : count))
    let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
    let contentType = String(decoding: bytes[..<newline], as: UTF8.self)
    let body = Array(bytes[min(newline + 1, bytes.endIndex)...])
    guard let form = try? MultipartBody.parse(bytes: body, contentType: contentType, limits: limits) else {
        return 0
    }
    precondition(form.fields.pairs.count + form.files.count <= limits.maxFields, "more fields than the limit")
    precondition(form.files.reduce(0) { $0 + $1.bytes.count } <= body.count, "files larger than the body")
    return 0
}

runFuzzTarget(fuzzMultipart)
