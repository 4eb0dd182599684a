import ArgumentParser
import Foundation
import KontorApp
import KontorCore
import KontorWeb

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `kontor user`: who may sign in to the web app when it listens beyond this machine.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Web users: the password for 'kontor serve' on the network.",
        subcommands: [SetPassword.self])

    struct SetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-password",
            abstract: "Set the web password (bcrypt-hashed; asked twice on a terminal, else read from stdin).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The login name.") var name = "kontor"
        @Flag(help: "Read the password from the first line of stdin (for scripts).") var passwordStdin = false

        func run() async throws {
            let password = try readPassword()
            let user = try await global.kontor().setPassword(
                user: name, password: password, on: try global.day(), hash: { WebPasswords.hash($0) })
            if global.json { return try Output.json(["name": user.name, "changedOn": user.changedOn.description]) }
            print(global.say("Saved the password of '\(user.name)'. 'kontor serve --host …' now asks for it.",
                             "Passwort von „\(user.name)“ gespeichert. „kontor serve --host …“ fragt jetzt danach."))
        }

        private func readPassword() throws -> String {
            if passwordStdin || isatty(STDIN_FILENO) == 0 {
                guard let line = Swift.readLine(strippingNewline: true) else {
                    throw CLIError.noPasswordOnStdin
                }
                return line
            }
            guard let first = getpass("New password: ").map({ String(cString: $0) }),
                let second = getpass("Repeat it: ").map({ String(cString: $0) })
            else { throw CLIError.passwordUnreadable }
            guard first == second else { throw CLIError.passwordsDiffer }
            return first
        }
    }
}
