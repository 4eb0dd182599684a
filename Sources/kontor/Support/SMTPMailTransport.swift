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
            return .outcomeUnknown(.outcomeUnknown)
        } catch {
            let failure = MailFailureText.failure(error)
            return error.isTemporary ? .temporaryFailure(failure) : .permanentFailure(failure)
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

/// The typed failure of an attempt (worded when shown); the server's own words are kept, the password never appears.
enum MailFailureText {
    static func failure(_ error: SMTPError) -> MailFailure {
        switch error {
        case let .connectionFailed(host, port, reason): .connectionFailed(host: host, port: port, reason: reason)
        case let .timedOut(stage): .timedOut(stage: stage.rawValue)
        case let .connectionClosed(stage): .connectionClosed(stage: stage.rawValue)
        case .outcomeUnknown: .outcomeUnknown
        case let .tlsFailed(reason): .tlsFailed(reason: reason)
        case .startTLSNotOffered: .startTLSNotOffered
        case .authenticationNotOffered: .authenticationNotOffered
        case .passwordWithoutEncryption: .passwordWithoutEncryption
        case let .authenticationFailed(reply): .authenticationFailed(reply: "\(reply)")
        case let .rejected(reply, stage): .rejected(reply: "\(reply)", stage: stage.rawValue)
        case let .invalidAddress(address): .invalidAddress(address)
        case .internationalAddressesNotSupported: .internationalAddressesNotSupported
        case .eightBitNotSupported: .eightBitNotSupported
        case let .messageTooLarge(limit): .messageTooLarge(limit: limit)
        case let .malformedReply(line): .malformedReply(line)
        }
    }
}
