import Foundation

/// Why a mail did not reach the server, with the server's own words where it said something; stored with the
/// outbox message (as JSON in `lastError`) and worded when shown, in German or English. The password never appears.
public enum MailFailure: Sendable, Hashable, Codable, Worded {
    case connectionFailed(host: String, port: Int, reason: String)
    case timedOut(stage: String)
    case connectionClosed(stage: String)
    /// The connection broke after the whole mail was sent: it may have arrived.
    case outcomeUnknown
    case tlsFailed(reason: String)
    case startTLSNotOffered
    case authenticationNotOffered
    case passwordWithoutEncryption
    case authenticationFailed(reply: String)
    case rejected(reply: String, stage: String)
    case invalidAddress(String)
    case internationalAddressesNotSupported
    case eightBitNotSupported
    case messageTooLarge(limit: Int)
    case malformedReply(String)
    /// A sender stopped while handing the mail over (its lease ran out).
    case interrupted
    /// Text a transport gave without a known cause (kept as it was, also for messages stored before typing).
    case other(String)

    /// The value kept in `OutboxMessage.lastError`.
    public var stored: String {
        if case let .other(text) = self { return text }
        return (try? String(decoding: JSONEncoder().encode(self), as: UTF8.self)) ?? "\(self)"
    }

    /// The failure a stored `lastError` holds; text that is not one becomes `.other`.
    public init(stored: String) {
        if stored.hasPrefix("{"), let failure = try? JSONDecoder().decode(MailFailure.self, from: Data(stored.utf8)) {
            self = failure
        } else {
            self = .other(stored)
        }
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    public func word(_ l: Language) -> String {
        switch self {
        case let .connectionFailed(host, port, reason):
            pick(l, "No connection to \(host):\(port) (\(reason)); will try again.",
                 "Keine Verbindung zu \(host):\(port) (\(reason)); neuer Versuch folgt.")
        case let .timedOut(stage):
            pick(l, "The server did not answer in time (\(stage)); will try again.",
                 "Der Server hat nicht rechtzeitig geantwortet (\(stage)); neuer Versuch folgt.")
        case let .connectionClosed(stage):
            pick(l, "The server closed the connection (\(stage)); will try again.",
                 "Der Server hat die Verbindung beendet (\(stage)); neuer Versuch folgt.")
        case .outcomeUnknown:
            pick(l, "The connection broke after the whole mail was sent; it may have arrived. Check the recipient or "
                    + "your sent folder, then 'kontor mail retry' if it did not.",
                 "Die Verbindung brach ab, nachdem die ganze E-Mail gesendet war; sie kann angekommen sein. Fragen Sie "
                    + "beim Empfänger nach oder sehen Sie in Ihren gesendeten Nachrichten nach, sonst „kontor mail retry“.")
        case let .tlsFailed(reason):
            pick(l, "TLS failed: \(reason). If the server uses its own certificate, add it with "
                    + "'kontor mail settings --trust-certificate FILE'.",
                 "TLS gescheitert: \(reason). Hat der Server ein eigenes Zertifikat, hinterlegen Sie es mit "
                    + "„kontor mail settings --trust-certificate DATEI“.")
        case .startTLSNotOffered:
            pick(l, "The server does not offer STARTTLS; choose --security tls or another port.",
                 "Der Server bietet kein STARTTLS an; wählen Sie --security tls oder einen anderen Port.")
        case .authenticationNotOffered:
            pick(l, "The server offers no login (AUTH PLAIN or LOGIN).", "Der Server bietet keine Anmeldung an (AUTH PLAIN oder LOGIN).")
        case .passwordWithoutEncryption:
            pick(l, "A password is never sent unencrypted; choose --security starttls or tls.",
                 "Ein Passwort geht nie unverschlüsselt hinaus; wählen Sie --security starttls oder tls.")
        case let .authenticationFailed(reply):
            pick(l, "The server refused the user name or password (\(reply)). Check KONTOR_SMTP_PASSWORD or the password file.",
                 "Der Server hat Benutzername oder Passwort abgelehnt (\(reply)). Prüfen Sie KONTOR_SMTP_PASSWORD oder die Passwortdatei.")
        case let .rejected(reply, stage):
            pick(l, "The server refused the mail at \(stage): \(reply)", "Der Server hat die E-Mail bei \(stage) abgelehnt: \(reply)")
        case let .invalidAddress(address):
            pick(l, "Not a usable e-mail address: '\(address)'.", "Keine verwendbare E-Mail-Adresse: „\(address)“.")
        case .internationalAddressesNotSupported:
            pick(l, "The server cannot take addresses with umlauts (no SMTPUTF8).",
                 "Der Server nimmt keine Adressen mit Umlauten an (kein SMTPUTF8).")
        case .eightBitNotSupported:
            pick(l, "The server cannot take 8-bit text (no 8BITMIME).", "Der Server nimmt keinen 8-Bit-Text an (kein 8BITMIME).")
        case let .messageTooLarge(limit):
            pick(l, "The mail is larger than the server takes (\(limit / 1_000_000) MB).",
                 "Die E-Mail ist größer, als der Server annimmt (\(limit / 1_000_000) MB).")
        case let .malformedReply(line):
            pick(l, "The server's answer is not SMTP: \(line)", "Die Antwort des Servers ist kein SMTP: \(line)")
        case .interrupted:
            pick(l, "Sending was interrupted; it may or may not have arrived.",
                 "Das Senden wurde unterbrochen; die E-Mail kann angekommen sein oder nicht.")
        case let .other(text): text
        }
    }
}
