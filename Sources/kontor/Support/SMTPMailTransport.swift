import Foundation
import KontorApp
import KontorCore
import KontorMail

/// The composition root's bridge from the outbox to KontorMail: the book's mail settings plus the password, which
/// never lives in the book (environment `KONTOR_SMTP_PASSWORD`, or a file only the user can read).
struct SMTPMailTransport: MailTransport {
    let client: SMTPClient

    init(settings: MailSettings, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let password = try Self.password(settings: settings, environment: environment)
        client = SMTPClient(configuration: SMTPConfiguration(
            host: settings.host, port: settings.port,
            security: SMTPConfiguration.Security(rawValue: settings.security.rawValue) ?? .startTLS,
            username: settings.username, password: password, trustedCertificatePEM: settings.trustedCertificatePEM,
            clientName: settings.senderAddress.split(separator: "@").last.map(String.init) ?? "localhost"))
    }

    func deliver(sender: String, recipients: [String], content: [UInt8]) async -> DeliveryAttempt {
        do {
            let receipt = try await client.send(content, envelope: SMTPEnvelope(sender: sender, recipients: recipients))
            return .accepted(serverReply: receipt.reply.description)
        } catch .outcomeUnknown {
            return .outcomeUnknown(MailFailureText.describe(.outcomeUnknown))
        } catch {
            let text = MailFailureText.describe(error)
            return error.isTemporary ? .temporaryFailure(text) : .permanentFailure(text)
        }
    }

    static func password(settings: MailSettings, environment: [String: String]) throws -> String? {
        if let password = environment["KONTOR_SMTP_PASSWORD"] { return password }
        guard let path = settings.passwordFile else { return nil }
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
        guard mode & 0o077 == 0 else {
            throw CLIError.passwordFileReadable(path: path, mode: String(mode, radix: 8))
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return String(text.split(whereSeparator: \.isNewline).first ?? "")
    }
}

/// What a user reads about a failed attempt; the server's own words are kept, the password never appears.
enum MailFailureText {
    static func describe(_ error: SMTPError) -> String {
        switch error {
        case let .connectionFailed(host, port, reason):
            return "No connection to \(host):\(port) (\(reason)); will try again."
        case let .timedOut(stage): return "The server did not answer in time (\(stage.rawValue)); will try again."
        case let .connectionClosed(stage): return "The server closed the connection (\(stage.rawValue)); will try again."
        case .outcomeUnknown:
            return "The connection broke after the whole mail was sent; it may have arrived. Check the recipient or "
                + "your sent folder, then 'kontor mail retry' if it did not."
        case let .tlsFailed(reason):
            return "TLS failed: \(reason). If the server uses its own certificate, add it with "
                + "'kontor mail settings --trust-certificate FILE'."
        case .startTLSNotOffered: return "The server does not offer STARTTLS; choose --security tls or another port."
        case .authenticationNotOffered: return "The server offers no login (AUTH PLAIN or LOGIN)."
        case .passwordWithoutEncryption: return "A password is never sent unencrypted; choose --security starttls or tls."
        case let .authenticationFailed(reply):
            return "The server refused the user name or password (\(reply)). Check KONTOR_SMTP_PASSWORD or the password file."
        case let .rejected(reply, stage): return "The server refused the mail at \(stage.rawValue): \(reply)"
        case let .invalidAddress(address): return "Not a usable e-mail address: '\(address)'."
        case .internationalAddressesNotSupported: return "The server cannot take addresses with umlauts (no SMTPUTF8)."
        case .eightBitNotSupported: return "The server cannot take 8-bit text (no 8BITMIME)."
        case let .messageTooLarge(limit): return "The mail is larger than the server takes (\(limit / 1_000_000) MB)."
        case let .malformedReply(line): return "The server's answer is not SMTP: \(line)"
        }
    }
}
