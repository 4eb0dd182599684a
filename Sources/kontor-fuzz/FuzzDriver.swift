#if FUZZING
    import Foundation

    /// libFuzzer's entry point when the program has its own `main` (libFuzzer ≥ 11).
    @_silgen_name("LLVMFuzzerRunDriver")
    private func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// Hands the process to libFuzzer with one target selected.
    enum FuzzDriver {
        /// The target libFuzzer calls; set once before the driver starts, read only afterwards.
        nonisolated(unsafe) private static var selected: FuzzTarget?

        static func run(_ target: FuzzTarget, arguments: [String]) -> Never {
            selected = target
            var argc = CInt(arguments.count)
            var pointers: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
            let status = pointers.withUnsafeMutableBufferPointer { buffer in
                var argv = buffer.baseAddress
                return LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
                    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
                    FuzzDriver.selected?.run(data)
                    return 0
                }
            }
            exit(status)
        }
    }
#endif
