#if !FUZZING
    import Foundation

    /// `kontor-fuzz TARGET [arguments]`.
    ///
    /// Built normally (`swift build`), it replays files: `kontor-fuzz camt crash-1 seeds/` runs every file through
    /// the target and says which one failed to come back, so a crash the fuzzer found can be reproduced in a debug
    /// build. Built by `scripts/fuzz.sh` with `--sanitize=fuzzer --sanitize=address -Xswiftc -DFUZZING`, there is
    /// no `main` here (libFuzzer brings its own) and `FuzzDriver.swift` takes over.
    @main
    struct KontorFuzz {
        static func main() {
            let target = Command.target(CommandLine.arguments)
            exit(Replay.run(target, paths: Array(CommandLine.arguments.dropFirst(2))))
        }
    }
#endif
