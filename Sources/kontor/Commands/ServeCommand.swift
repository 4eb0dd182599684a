import ArgumentParser
import Foundation
import KontorApp
import KontorCore
import KontorWeb
import Logging

/// `kontor serve`: the web app on the same database as the CLI.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Open the book in your browser (http://127.0.0.1:8080 by default).",
        discussion: """
            Binds to 127.0.0.1 unless told otherwise. Any other address (e.g. --host 0.0.0.0) requires a password \
            first ('kontor user set-password') and then a login. The browser must use the address served on (or \
            127.0.0.1/localhost on this machine) or a name given with --allowed-host; other names are refused \
            (DNS rebinding). Put a TLS proxy in front when serving beyond your machine; the session cookie is marked \
            Secure with --secure-cookies, or when a proxy named with --trusted-proxy sends X-Forwarded-Proto: https.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Flag(help: "Fill an empty database with the demo business first.") var demo = false
    @Flag(help: "Mark the session cookie Secure (when a TLS proxy sits in front).") var secureCookies = false
    @Flag(help: "Ask for a login even on 127.0.0.1.") var requireLogin = false
    @Option(name: .customLong("allowed-host"), help: "Another name browsers may use for the server (repeatable).")
    var allowedHosts: [String] = []
    @Option(name: .customLong("trusted-proxy"), help: "A TLS proxy's address whose X-Forwarded-Proto is believed.")
    var trustedProxies: [String] = []
    @Option(help: "Seconds a connection may wait for a complete request or stay idle.") var idleTimeout = 30
    @Option(help: "Seconds between looks into the outbox (mail queued on a page leaves at once).") var mailInterval = 30
    @Option(help: """
        How much the server logs to standard error: trace, debug, info (every request), notice, warning, error or \
        critical (default: $KONTOR_LOG_LEVEL, else info).
        """)
    var logLevel: String?

    /// The level from --log-level, else $KONTOR_LOG_LEVEL, else info.
    func level() throws -> Logger.Level {
        let text = logLevel ?? ProcessInfo.processInfo.environment["KONTOR_LOG_LEVEL"] ?? ""
        if text.isEmpty { return .info }
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            throw CLIError.unknownLogLevel(text)
        }
        return level
    }

    func run() async throws {
        var logger = Logger(label: "kontor.web")
        logger.logLevel = try level()
        let kontor = try global.kontor(connections: 8)
        // A PostgreSQL book connects in the background: an unreachable server or a refused login is said here,
        // before the server starts, not by the first page.
        _ = try await kontor.bookVersion()
        let fixedDay: Day? = (global.today != nil || !(ProcessInfo.processInfo.environment["KONTOR_TODAY"] ?? "").isEmpty)
            ? try global.day() : nil
        let today: @Sendable () -> Day = { fixedDay ?? Day(Date()) }
        if demo, try await kontor.customers().isEmpty {
            let summary = try await kontor.fillDemoBook(today: today())
            ServeCommand.say("Filled the database with a demo business: \(summary.customers) customers, "
                + "\(summary.invoices) invoices.")
        }
        var configuration = WebConfiguration(
            host: host, port: port, kontor: kontor, today: today, secureCookies: secureCookies,
            alwaysRequireLogin: requireLogin, trustedProxies: trustedProxies, allowedHosts: allowedHosts,
            idleTimeout: max(1, idleTimeout))
        configuration.mailTransport = { settings in try SMTPMailTransport(settings: settings) }
        configuration.mailInterval = .seconds(max(1, mailInterval))
        configuration.logger = logger
        let port = configuration.port
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let path = global.bookName
        let words = (
            global.say("Kontor is running at http://\(shownHost):\(port)/ – open it in your browser.",
                       "Kontor läuft unter http://\(shownHost):\(port)/ – öffnen Sie die Adresse im Browser."),
            global.say("Database: \(path). Stop with Ctrl-C.", "Datenbank: \(path). Beenden mit Strg-C."))
        // A refusal (ServeError) is a user error: Main words it and exits with 1 like every other.
        try await WebServer.run(configuration) {
            ServeCommand.say(words.0)
            ServeCommand.say(words.1)
        }
    }

    /// Prints a line at once (stdout is buffered when it is not a terminal).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
