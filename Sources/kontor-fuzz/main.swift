import Foundation

// kontor-fuzz TARGET [arguments]
//
// Built normally (`swift build`), it replays files: `kontor-fuzz camt crash-1 seeds/` runs every file through the
// target and says which one failed to come back, so a crash the fuzzer found can be reproduced in a debug build.
// Built by `scripts/fuzz.sh` with `--sanitize=fuzzer --sanitize=address -Xswiftc -DFUZZING`, it hands the
// remaining arguments to libFuzzer (`-max_total_time=60 corpus/ seeds/`).

let arguments = CommandLine.arguments
let command = arguments.count >= 2 ? arguments[1] : ""
do {
    switch (command, arguments.count) {
    case ("make-zugferd", 4):
        try Seeds.makeZUGFeRD(xml: arguments[2], pdf: arguments[3])
        exit(0)
    case ("make-vcards", 3):
        try Seeds.makeVCards(directory: arguments[2])
        exit(0)
    case ("list", _):
        for target in FuzzTarget.all { print(target.name) }
        exit(0)
    default: break
    }
} catch {
    FileHandle.standardError.write(Data("kontor-fuzz: \(error)\n".utf8))
    exit(1)
}
guard let target = FuzzTarget.all.first(where: { $0.name == command }) else {
    let names = FuzzTarget.all.map { "  \($0.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \($0.summary)" }
    let usage = [
        "usage: kontor-fuzz TARGET [files or libFuzzer options]",
        "       kontor-fuzz list | make-zugferd XML PDF | make-vcards DIR", "targets:",
    ]
    FileHandle.standardError.write(Data(((usage + names).joined(separator: "\n") + "\n").utf8))
    exit(2)
}

#if FUZZING
    FuzzDriver.run(target, arguments: [arguments[0]] + arguments.dropFirst(2))
#else
    exit(Replay.run(target, paths: Array(arguments.dropFirst(2))))
#endif
