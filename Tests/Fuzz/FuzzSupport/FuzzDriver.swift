import Foundation

#if FUZZING
    /// libFuzzer's driver, for programs that have their own `main` (https://llvm.org/docs/LibFuzzer.html,
    /// "Using libFuzzer as a library"). SwiftPM gives every executable its own entry point, so the fuzz targets
    /// call the driver from there rather than letting libFuzzer's `main` take over.
    @_silgen_name("LLVMFuzzerRunDriver")
    private func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt
#endif

/// Runs a fuzz target: under `make fuzz` (built with `-sanitize=fuzzer -DFUZZING`) libFuzzer drives it with
/// the command line's options and corpus folders; in a normal build it runs each file given as an argument
/// once, to replay an input without the sanitizers.
///
/// - Parameter testOneInput: the target's function, called with each input's bytes.
public func runFuzzTarget(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
    #else
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("cannot read \(path)")
                exit(1)
            }
            _ = data.withUnsafeBytes { testOneInput($0.bindMemory(to: UInt8.self).baseAddress, $0.count) }
            print("\(path): done")
        }
        exit(0)
    #endif
}
