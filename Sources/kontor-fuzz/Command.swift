import Foundation

/// The command line both builds share: `list`, the seed makers, or a target's name.
enum Command {
    /// The target named by `arguments[1]`; the other commands run here and end the process.
    static func target(_ arguments: [String]) -> FuzzTarget {
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
        if let target = FuzzTarget.all.first(where: { $0.name == command }) { return target }
        let names = FuzzTarget.all.map { "  \($0.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \($0.summary)" }
        let usage = [
            "usage: kontor-fuzz TARGET [files, or libFuzzer options and folders in a fuzzing build]",
            "       kontor-fuzz list | make-zugferd XML PDF | make-vcards DIR", "targets:",
        ]
        FileHandle.standardError.write(Data(((usage + names).joined(separator: "\n") + "\n").utf8))
        exit(2)
    }
}
