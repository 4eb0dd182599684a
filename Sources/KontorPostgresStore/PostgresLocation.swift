public import KontorCore

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a PostgreSQL book lives: `postgres://user@host:port/database` (also `postgresql://`).
///
/// The password is never part of the URL: a URL ends up in shell histories, process lists and logs. It comes
/// from `KONTOR_DATABASE_PASSWORD` or from a file named by `KONTOR_DATABASE_PASSWORD_FILE` that only its owner
/// can read (`password(environment:)`).
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// The role Kontor logs in as.
    public var user: String
    /// A host name or an IP address (IPv6 without its brackets).
    public var host: String
    /// The server's TCP port; 5432 when the URL names none.
    public var port: Int
    /// The database holding the book.
    public var database: String

    /// The environment variable holding the password itself.
    public static let passwordVariable = "KONTOR_DATABASE_PASSWORD"
    /// The environment variable naming a file (mode 0600 or stricter) whose first line is the password.
    public static let passwordFileVariable = "KONTOR_DATABASE_PASSWORD_FILE"

    public init(user: String, host: String, port: Int = 5432, database: String) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
    }

    /// Parses `postgres://user@host[:port]/database`; user and database may be percent-encoded.
    public init(url text: String) throws(PostgresLocationError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // What the errors repeat: the text as given, less a password someone put in (they end up in terminals
        // and logs).
        let shown = Self.redacted(trimmed)
        var rest: Substring
        if trimmed.lowercased().hasPrefix("postgres://") {
            rest = trimmed.dropFirst("postgres://".count)
        } else if trimmed.lowercased().hasPrefix("postgresql://") {
            rest = trimmed.dropFirst("postgresql://".count)
        } else {
            throw .notPostgresURL(shown)
        }
        // Query parameters (sslmode=…) are not supported yet; silently ignoring them would connect differently
        // from what the user asked for.
        guard !rest.contains("?"), !rest.contains("#") else { throw .unsupportedParameters(shown) }
        guard let slash = rest.firstIndex(of: "/") else { throw .missingDatabase(shown) }
        let authority = rest[..<slash]
        let path = rest[rest.index(after: slash)...]
        guard let at = authority.lastIndex(of: "@") else { throw .missingUser(shown) }
        let userInfo = authority[..<at]
        // Refused even when the user only meant to try: the URL is what gets copied into scripts and docs.
        guard !userInfo.contains(":") else { throw .passwordInURL }
        guard let user = Self.decoded(userInfo), !user.isEmpty else { throw .missingUser(shown) }
        guard let database = Self.decoded(path), !database.isEmpty, !database.contains("/") else {
            throw .missingDatabase(shown)
        }
        let hostPort = authority[authority.index(after: at)...]
        let host: Substring
        var portText: Substring?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw .badHost(shown) }
            host = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .badHost(shown) }
                portText = after.dropFirst()
            }
        } else if let colon = hostPort.firstIndex(of: ":") {
            host = hostPort[..<colon]
            portText = hostPort[hostPort.index(after: colon)...]
        } else {
            host = hostPort
        }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "@" || $0 == "/" }) else {
            throw .badHost(shown)
        }
        var port = 5432
        if let portText {
            guard let number = Int(portText), (1...65535).contains(number) else { throw .badPort(String(portText)) }
            port = number
        }
        self.init(user: user, host: String(host), port: port, database: database)
    }

    /// `text` with what looks like a password — after the last ":" before the last "@", up to that "@" — replaced by
    /// "…": a mistyped URL is repeated in a message, never a password in it.
    static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let colon = text[..<at].lastIndex(of: ":") else { return text }
        let secret = text[text.index(after: colon)..<at]
        guard !secret.isEmpty, !secret.contains("/") else { return text }
        return String(text[...colon]) + "…" + String(text[at...])
    }

    /// The URL again, without a password: safe for logs and messages.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(user)@\(shownHost):\(port)/\(database)"
    }

    /// The password from `KONTOR_DATABASE_PASSWORD`, else from the file named by `KONTOR_DATABASE_PASSWORD_FILE`
    /// (its first line), else `nil` (a server that trusts the connection needs none).
    ///
    /// - Throws: `PostgresLocationError.passwordFileOpen` when group or others may read or write the file (the
    ///   same rule as ssh's keys and PostgreSQL's own `.pgpass`), `.passwordFileUnreadable` when it cannot be read.
    public static func password(environment: [String: String]) throws(PostgresLocationError) -> String? {
        if let password = environment[passwordVariable], !password.isEmpty { return password }
        guard let path = environment[passwordFileVariable], !path.isEmpty else { return nil }
        var status = stat()
        guard stat(path, &status) == 0 else { throw .passwordFileUnreadable(path: path, reason: Self.errnoText()) }
        let mode = Int(status.st_mode) & 0o777
        guard mode & 0o077 == 0 else { throw .passwordFileOpen(path: path, mode: mode) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .passwordFileUnreadable(path: path, reason: "cannot read")
        }
        let text = String(decoding: data, as: UTF8.self)
        let line = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let password = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        guard !password.isEmpty else { throw .passwordFileUnreadable(path: path, reason: "empty") }
        return password
    }

    /// `password(environment:)` with this process's environment.
    public static func password() throws(PostgresLocationError) -> String? {
        try password(environment: ProcessInfo.processInfo.environment)
    }

    private static func decoded(_ text: Substring) -> String? {
        String(text).removingPercentEncoding
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}

/// Why a PostgreSQL location or its password cannot be used; nothing was connected.
public enum PostgresLocationError: Error, Sendable, Equatable, CustomStringConvertible, BilingualError {
    /// Not a `postgres://` or `postgresql://` URL.
    case notPostgresURL(String)
    /// The URL carries `user:password@`.
    case passwordInURL
    /// No `user@` before the host.
    case missingUser(String)
    /// No `/database` after the host.
    case missingDatabase(String)
    /// An empty or malformed host.
    case badHost(String)
    /// A port that is not a number from 1 to 65535.
    case badPort(String)
    /// `?…` or `#…` after the database.
    case unsupportedParameters(String)
    /// The password file may be read or written by group or others (`mode` is its permission bits).
    case passwordFileOpen(path: String, mode: Int)
    /// The password file does not exist, cannot be read, or is empty.
    case passwordFileUnreadable(path: String, reason: String)

    public func message(_ language: Language) -> String {
        let de = language == .de
        let form = "postgres://benutzer@host:5432/datenbank"
        let formEn = "postgres://user@host:5432/database"
        switch self {
        case let .notPostgresURL(text):
            return de
                ? "„\(text)“ ist keine PostgreSQL-Adresse; erwartet wird \(form)."
                : "'\(text)' is not a PostgreSQL address; expected \(formEn)."
        case .passwordInURL:
            return de
                ? "Das Passwort gehört nicht in die Adresse. Bitte in \(PostgresLocation.passwordVariable) setzen "
                    + "oder in eine Datei (Rechte 0600) schreiben und sie mit "
                    + "\(PostgresLocation.passwordFileVariable) angeben."
                : "The password does not belong in the address. Set it in \(PostgresLocation.passwordVariable) or "
                    + "write it to a file (mode 0600) named by \(PostgresLocation.passwordFileVariable)."
        case let .missingUser(text):
            return de
                ? "In „\(text)“ fehlt der Benutzer; erwartet wird \(form)."
                : "'\(text)' names no user; expected \(formEn)."
        case let .missingDatabase(text):
            return de
                ? "In „\(text)“ fehlt die Datenbank; erwartet wird \(form)."
                : "'\(text)' names no database; expected \(formEn)."
        case let .badHost(text):
            return de
                ? "In „\(text)“ ist der Host unlesbar; erwartet wird \(form)."
                : "The host in '\(text)' cannot be read; expected \(formEn)."
        case let .badPort(text):
            return de
                ? "„\(text)“ ist kein Port (1 bis 65535)."
                : "'\(text)' is not a port (1 to 65535)."
        case let .unsupportedParameters(text):
            return de
                ? "Parameter nach „?“ werden noch nicht unterstützt: „\(text)“."
                : "Parameters after '?' are not supported yet: '\(text)'."
        case let .passwordFileOpen(path, mode):
            let octal = String(mode, radix: 8)
            return de
                ? "Die Passwortdatei „\(path)“ ist für andere lesbar (Rechte \(octal)). "
                    + "Bitte mit `chmod 600 \(path)` auf den Eigentümer beschränken."
                : "The password file '\(path)' is open to others (mode \(octal)). "
                    + "Restrict it to its owner with `chmod 600 \(path)`."
        case let .passwordFileUnreadable(path, reason):
            return de
                ? "Die Passwortdatei „\(path)“ lässt sich nicht lesen (\(reason))."
                : "The password file '\(path)' cannot be read (\(reason))."
        }
    }
}
