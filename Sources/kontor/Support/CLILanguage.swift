import Foundation
import KontorCore

/// The language the command line speaks: `--lang de|en`, else `KONTOR_LANG`, else the locale of the environment
/// (`LC_ALL`, `LC_MESSAGES`, `LANG` in POSIX order): German when it names German, English otherwise (also `C`).
enum CLILanguage {
    static func resolve(option: String?, environment: [String: String]) -> Language {
        if let option, let language = Language(rawValue: option.lowercased()) { return language }
        for name in ["KONTOR_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("de") ? .de : .en
        }
        return .en
    }

    /// The language of this process, for output helpers that have no `GlobalOptions` at hand.
    static let current = ofProcess()

    /// The English or the German wording, in the language of this process.
    static func say(_ english: @autoclosure () -> String, _ german: @autoclosure () -> String) -> String {
        current == .de ? german() : english()
    }

    /// The language of this process before its arguments are parsed, for the errors of parsing and running.
    static func ofProcess(arguments: [String] = CommandLine.arguments) -> Language {
        var option: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count { option = arguments[index + 1] }
            if argument.hasPrefix("--lang=") { option = String(argument.dropFirst("--lang=".count)) }
        }
        return resolve(option: option, environment: ProcessInfo.processInfo.environment)
    }
}
