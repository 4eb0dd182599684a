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

/// A writer's own capacity as `user set-capacity --json` prints it (nil: the book's).
struct CapacityJSON: Encodable {
    let name: String
    let capacity: WorkingCapacity?
}

/// `kontor user`: who may sign in to the web app when it listens beyond this machine.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Web users: the password and role for 'kontor serve' on the network.",
        subcommands: [SetPassword.self, SetRole.self, SetCapacity.self, List.self])

    struct SetCapacity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-capacity",
            abstract: "A writer's own writing hours, vacations and days off, which plan the jobs assigned to them.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The login name.") var name: String
        @OptionGroup var capacity: CapacityOptions
        @Flag(help: "Plan the writer with the book's writing hours again.") var reset = false

        func run() async throws {
            let kontor = try global.kontor()
            var own: WorkingCapacity?
            if !reset {
                var week = try await kontor.plannedWeek(of: name)
                try capacity.apply(to: &week)
                own = week
            }
            let user = try await kontor.setCapacity(user: name, to: own)
            if global.json { return try Output.json(CapacityJSON(name: user.name, capacity: own)) }
            let language = global.language
            guard let own else {
                return print(global.say(
                    "'\(user.name)' is planned with the book's writing hours again.",
                    "„\(user.name)“ wird wieder mit den Schreibstunden des Kontors geplant."))
            }
            let hours = own.hoursPerWeekday.map { Quantity(thousandths: $0).formatted(language) }.joined(separator: ", ")
            let vacations = own.vacations.map { "\($0.first.formatted(language))–\($0.last.formatted(language))" }
            print(global.say(
                "Writing hours of '\(user.name)' Mon–Sun: \(hours)",
                "Schreibstunden von „\(user.name)“ Mo–So: \(hours)")
                + (vacations.isEmpty ? "" : global.say("; vacations: ", "; Urlaub: ") + vacations.joined(separator: ", "))
                + ".")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The web users and their roles.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let users = try await global.kontor().webUsers()
            if global.json {
                return try Output.json(users.map {
                    ["name": $0.name, "role": $0.role.rawValue, "changedOn": $0.changedOn.description]
                })
            }
            let language = global.language
            for user in users {
                print("\(user.name)\t\(user.role.word(language))\t\(user.changedOn.formatted(language))")
            }
        }
    }

    struct SetRole: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-role", abstract: "Make a web user an owner, writer or assistant (signs them out).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The login name.") var name: String
        @Option(help: "owner, writer or assistant.") var role: String

        func run() async throws {
            let role = try Role.named(role, what: .role)
            let user = try await global.kontor().setRole(user: name, to: role)
            if global.json { return try Output.json(["name": user.name, "role": user.role.rawValue]) }
            print(global.say("'\(user.name)' is now \(user.role.word(.en).lowercased()).",
                             "„\(user.name)“ ist jetzt \(user.role.word(.de))."))
        }
    }

    struct SetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-password",
            abstract: "Set the web password (bcrypt-hashed; asked twice on a terminal, else read from stdin).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The login name.") var name = "kontor"
        @Flag(help: "Read the password from the first line of stdin (for scripts).") var passwordStdin = false
        @Option(help: """
            owner, writer or assistant (default: an existing user keeps theirs; the first user is the owner, \
            later ones writers).
            """)
        var role: String?

        func run() async throws {
            let role = try role.map { try Role.named($0, what: .role) }
            let password = try readPassword()
            let user = try await global.kontor().setPassword(
                user: name, password: password, role: role, on: try global.day(), hash: { WebPasswords.hash($0) })
            if global.json {
                return try Output.json(
                    ["name": user.name, "role": user.role.rawValue, "changedOn": user.changedOn.description])
            }
            print(global.say(
                "Saved the password of '\(user.name)' (\(user.role.word(.en).lowercased())). "
                    + "'kontor serve --host …' now asks for it.",
                "Passwort von „\(user.name)“ (\(user.role.word(.de))) gespeichert. "
                    + "„kontor serve --host …“ fragt jetzt danach."))
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
