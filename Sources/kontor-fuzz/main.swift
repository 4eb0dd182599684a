// kontor-fuzz TARGET [arguments]
//
// Built normally (`swift build`), it replays files: `kontor-fuzz camt crash-1 seeds/` runs every file through the
// target and says which one failed to come back, so a crash the fuzzer found can be reproduced in a debug build.
// Built by `scripts/fuzz.sh` with `--sanitize=fuzzer --sanitize=address -Xswiftc -DFUZZING`, SwiftPM compiles
// this file as a library (libFuzzer brings `main`), so it is empty then and `FuzzDriver.swift` takes over.

#if !FUZZING
    import Foundation

    let target = Command.target(CommandLine.arguments)
    exit(Replay.run(target, paths: Array(CommandLine.arguments.dropFirst(2))))
#endif
