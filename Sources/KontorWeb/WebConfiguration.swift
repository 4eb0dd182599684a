public import KontorApp
public import KontorCore
public import Logging

/// How `kontor serve` runs the web app: where it listens, which book it shows, which day it is.
public struct WebConfiguration: Sendable {
    /// The address to bind to; 127.0.0.1 unless told otherwise.
    public var host: String
    /// The TCP port.
    public var port: Int
    /// The use cases over the opened book.
    public var kontor: Kontor
    /// The day every rule is evaluated on (fixed with `--today`, else the calendar day in Berlin).
    public var today: @Sendable () -> Day
    /// Marks the session cookie `Secure` (behind a TLS proxy).
    public var secureCookies: Bool
    /// Addresses of TLS proxies whose `X-Forwarded-Proto: https` marks the cookie `Secure`; any other client's
    /// header is ignored (a client could claim anything).
    public var trustedProxies: [String]
    /// Further names the browser may use in `Host` and `Origin` besides the address served on (e.g. the name
    /// of the machine or the proxy's public name).
    public var allowedHosts: [String]
    /// Seconds a connection may stay without a complete request head or response before it is closed
    /// (also what stops a client that sends its headers byte by byte).
    public var idleTimeout: Int
    /// Asks for a login even on 127.0.0.1 (always asked on any other address).
    public var alwaysRequireLogin: Bool
    /// The bcrypt cost for password hashes (lower only in tests).
    public var bcryptCost: UInt8
    /// How long an idle session stays signed in, in seconds.
    public var sessionLifetime: Double
    /// Makes the transport the outbox is sent through; nil sends nothing (tests that only look at the outbox).
    public var mailTransport: (@Sendable (MailSettings) throws -> any MailTransport)?
    /// How often the sender looks for mail that is due (it also wakes when a page queues one).
    public var mailInterval: Duration = .seconds(30)
    /// Where the server logs every request (method, path, status, duration), unexpected errors with their cause,
    /// and what the mail sender did; its log level decides how much (`kontor serve --log-level`). By default it
    /// logs nothing: whoever runs the server (the command, a test, the benchmark) decides where lines go.
    public var logger = Logger(label: "kontor.web") { _ in SwiftLogNoOpLogHandler() }

    /// Creates a configuration with the safe defaults: 127.0.0.1:8080, no login on the local machine.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, kontor: Kontor, today: @escaping @Sendable () -> Day,
        secureCookies: Bool = false, alwaysRequireLogin: Bool = false, bcryptCost: UInt8 = 12,
        sessionLifetime: Double = 12 * 3600, trustedProxies: [String] = [], allowedHosts: [String] = [],
        idleTimeout: Int = 30
    ) {
        self.trustedProxies = trustedProxies
        self.allowedHosts = allowedHosts
        self.idleTimeout = idleTimeout
        self.host = host
        self.port = port
        self.kontor = kontor
        self.today = today
        self.secureCookies = secureCookies
        self.alwaysRequireLogin = alwaysRequireLogin
        self.bcryptCost = bcryptCost
        self.sessionLifetime = sessionLifetime
    }

    /// Whether `host` is reachable only from this machine, decided by the address it stands for (never by its
    /// text: `127.evil.invalid` is not loopback).
    public static func isLoopback(_ host: String) -> Bool { HostPolicy.isLoopback(host: host) }

    /// Whether the app asks for a login: beyond loopback, when told to, and behind a proxy (whose requests all
    /// come from a loopback address although they come from the network).
    public var requiresLogin: Bool {
        alwaysRequireLogin || !trustedProxies.isEmpty || !WebConfiguration.isLoopback(host)
    }
}

/// Why the server does not start.
public enum ServeError: Error, Sendable, CustomStringConvertible, BilingualError {
    /// Listening beyond this machine needs a password first.
    case passwordRequired(host: String)

    public func message(_ language: Language) -> String {
        switch self {
        case let .passwordRequired(host):
            return language == .de
                ? "Kontor lauscht nicht ohne Passwort auf \(host): Jeder im Netz könnte Ihre Bücher öffnen. Setzen Sie "
                    + "eines mit „kontor user set-password“ (dann ist eine Anmeldung nötig) oder starten Sie auf 127.0.0.1."
                : "Refusing to listen on \(host) without a password: anyone on the network could open your books. "
                    + "Set one with 'kontor user set-password' (then a login is required), or serve on 127.0.0.1."
        }
    }
}
