// libFuzzer's driver for StepCare: STEPCARE_FUZZ_TARGET names the surface (see FuzzTarget). The program keeps
// Swift's own entry point and hands over to libFuzzer through LLVMFuzzerRunDriver, with libFuzzer's arguments.
import StepCareFuzzing

#if canImport(Glibc)
    import Glibc
#endif

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// One input: checked by the selected target; -1 keeps an input over the target's size out of the corpus.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let target = FuzzTarget.selected, size <= target.largestInput else { return -1 }
    target.check(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

guard FuzzTarget.selected != nil else {
    fatalError("set STEPCARE_FUZZ_TARGET to one of: \(FuzzTarget.names)")
}
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
let status = runFuzzerDriver(&argc, &argv, fuzzOneInput)
exit(status)
