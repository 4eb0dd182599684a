#if FUZZING
    import Foundation

    /// The target libFuzzer runs: chosen in `LLVMFuzzerInitialize`, before the first input, and only read after.
    enum FuzzDriver {
        nonisolated(unsafe) static var selected: FuzzTarget?
    }

    /// libFuzzer calls this with the command line before it reads its own flags and corpus folders: the target's
    /// name is taken out of `argv` there, so `kontor-fuzz camt -max_total_time=60 corpus/` works.
    @_cdecl("LLVMFuzzerInitialize")
    public func fuzzerInitialize(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
    ) -> CInt {
        let count = Int(argc.pointee)
        guard let vector = argv.pointee else { return 0 }
        let arguments = (0..<count).map { vector[$0].map { String(cString: $0) } ?? "" }
        FuzzDriver.selected = Command.target(arguments)
        for index in 1..<max(count - 1, 1) { vector[index] = vector[index + 1] }
        vector[count - 1] = nil
        argc.pointee -= 1
        return 0
    }

    /// One input from libFuzzer; any return is fine, a trap or sanitizer report is the finding.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
        let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
        FuzzDriver.selected?.run(data)
        return 0
    }
#endif
