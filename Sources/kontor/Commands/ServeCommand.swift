import ArgumentParser
import Foundation
import KontorApp
import KontorCore
import KontorWeb

/// `kontor serve`: the web app on the same database as the CLI.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Open the book in your browser (http://127.0.0.1:8080 by default).",
        discussion: """
            Binds to 127.0.0.1 unless told otherwise. Any other address (e.g. --host 0.0.0.0) requires a password \
            first ('kontor user set-password') and then a login. Put a TLS proxy in front when serving beyond your \
            machine; the session cookie is marked Secure behind it (X-Forwarded-Proto: https) or with --secure-cookies.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Flag(help: "Fill an empty database with the demo business first.") var demo = false
    @Flag(help: "Mark the session cookie Secure (when a TLS proxy sits in front).") var secureCookies = false
    @Flag(help: "Ask for a login even on 127.0.0.1.") var requireLogin = false

    func run() async throws {
        let kontor = try global.kontor()
        let fixedDay: Day? = (global.today != nil || !(ProcessInfo.processInfo.environment["KONTOR_TODAY"] ?? "").isEmpty)
            ? try global.day() : nil
        let today: @Sendable () -> Day = { fixedDay ?? Day(Date()) }
        if demo, try await kontor.customers().isEmpty {
            let summary = try await kontor.fillDemoBook(today: today())
            ServeCommand.say("Filled the database with a demo business: \(summary.customers) customers, "
                + "\(summary.invoices) invoices.")
        }
        let configuration = WebConfiguration(
            host: host, port: port, kontor: kontor, today: today, secureCookies: secureCookies,
            alwaysRequireLogin: requireLogin)
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let path = global.databasePath
        do {
            try await WebServer.run(configuration) {
                ServeCommand.say("Kontor is running at http://\(shownHost):\(configuration.port)/ – open it in your browser.")
                ServeCommand.say("Database: \(path). Stop with Ctrl-C.")
            }
        } catch let error as ServeError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// Prints a line at once (stdout is buffered when it is not a terminal).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
