import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Submits one message to an SMTP server (RFC 5321 with STARTTLS, AUTH PLAIN/LOGIN, 8BITMIME and SMTPUTF8) and
/// returns the server's acceptance, or throws an ``SMTPError`` that says whether trying again later can help.
///
/// Each call opens its own connection and closes it; the caller keeps the message (an outbox) so that nothing is
/// lost when a call fails, and must not send again after ``SMTPError/outcomeUnknown``.
public struct SMTPClient: Sendable {
    public let configuration: SMTPConfiguration

    public init(configuration: SMTPConfiguration) {
        self.configuration = configuration
    }

    /// Hands `message` (RFC 5322 bytes, headers and body) to the server for the envelope's recipients.
    public func send(_ message: [UInt8], envelope: SMTPEnvelope) async throws(SMTPError) -> SMTPReceipt {
        try SMTPAddressCheck.check(envelope)
        if configuration.security == .none, configuration.username != nil, !configuration.isLoopbackHost {
            throw .passwordWithoutEncryption
        }
        let tls = try makeTLSContext()
        let connection = try await SMTPConnection.open(configuration, implicitTLS: tls.flatMap { tlsContext in
            configuration.security == .tls ? tlsContext : nil
        })
        do {
            let receipt = try await converse(connection, tls: tls, message: message, envelope: envelope)
            await connection.quit()
            return receipt
        } catch {
            await connection.close()
            throw error
        }
    }

    private func converse(
        _ connection: SMTPConnection, tls: NIOSSLContext?, message: [UInt8], envelope: SMTPEnvelope
    ) async throws(SMTPError) -> SMTPReceipt {
        try await connection.expect(.greeting, 220)
        var capabilities = try await hello(connection)
        if configuration.security == .startTLS, let tls {
            guard capabilities.offers("STARTTLS") else { throw .startTLSNotOffered }
            try await connection.command("STARTTLS", stage: .startTLS, expecting: 220)
            try await connection.startTLS(tls, serverHostname: configuration.sniHostname)
            capabilities = try await hello(connection)
        }
        try await authenticate(connection, capabilities: capabilities)

        let eightBit = SMTPDataEncoding.hasEightBitBytes(message)
        let international = envelope.needsSMTPUTF8
        if international, !capabilities.offers("SMTPUTF8") { throw .internationalAddressesNotSupported }
        if eightBit, !capabilities.offers("8BITMIME"), !capabilities.offers("SMTPUTF8") {
            throw .eightBitNotSupported
        }
        let data = SMTPDataEncoding.encode(message)
        if let limit = capabilities.sizeLimit, data.count > limit { throw .messageTooLarge(limit: limit) }

        var mailFrom = "MAIL FROM:<\(envelope.sender)>"
        if capabilities.sizeLimit != nil { mailFrom += " SIZE=\(data.count)" }
        if eightBit, capabilities.offers("8BITMIME") { mailFrom += " BODY=8BITMIME" }
        if international { mailFrom += " SMTPUTF8" }
        try await connection.command(mailFrom, stage: .sender, expecting: 250)
        for recipient in envelope.recipients {
            try await connection.command("RCPT TO:<\(recipient)>", stage: .recipient, expecting: 250, 251)
        }
        try await connection.command("DATA", stage: .data, expecting: 354)
        let accepted = try await connection.sendMessage(data)
        return SMTPReceipt(reply: accepted)
    }

    private func hello(_ connection: SMTPConnection) async throws(SMTPError) -> SMTPCapabilities {
        let reply = try await connection.command("EHLO \(configuration.clientName)", stage: .hello, expecting: 250)
        return SMTPCapabilities(ehlo: reply)
    }

    private func authenticate(_ connection: SMTPConnection, capabilities: SMTPCapabilities) async throws(SMTPError) {
        guard let username = configuration.username else { return }
        let password = configuration.password ?? ""
        let mechanisms = capabilities.authenticationMechanisms
        do throws(SMTPError) {
            if mechanisms.contains("PLAIN") {
                let token = Data(([0] + Array(username.utf8) + [0] + Array(password.utf8))).base64EncodedString()
                try await connection.command("AUTH PLAIN \(token)", stage: .authentication, expecting: 235)
            } else if mechanisms.contains("LOGIN") {
                try await connection.command("AUTH LOGIN", stage: .authentication, expecting: 334)
                let user = Data(username.utf8).base64EncodedString()
                try await connection.command(user, stage: .authentication, expecting: 334)
                let secret = Data(password.utf8).base64EncodedString()
                try await connection.command(secret, stage: .authentication, expecting: 235)
            } else {
                throw .authenticationNotOffered
            }
        } catch .rejected(let reply, .authentication) {
            throw .authenticationFailed(reply)
        }
    }

    private func makeTLSContext() throws(SMTPError) -> NIOSSLContext? {
        guard configuration.security != .none else { return nil }
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .fullVerification
        tls.minimumTLSVersion = .tlsv12
        do {
            if let pem = configuration.trustedCertificatePEM {
                let certificates = try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8))
                tls.additionalTrustRoots = [.certificates(certificates)]
            }
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw .tlsFailed(reason: String(describing: error))
        }
    }
}

extension SMTPConfiguration {
    /// The name sent for SNI and checked against the certificate; an IP address is checked by address instead.
    var sniHostname: String? {
        let isAddress = host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
        return isAddress ? nil : host
    }
}

extension SMTPEnvelope {
    var needsSMTPUTF8: Bool {
        ([sender] + recipients).contains { address in address.utf8.contains { $0 >= 0x80 } }
    }
}

/// Refuses addresses that could smuggle a second command or header into the conversation.
enum SMTPAddressCheck {
    static func check(_ envelope: SMTPEnvelope) throws(SMTPError) {
        guard !envelope.recipients.isEmpty else { throw .invalidAddress("") }
        for address in [envelope.sender] + envelope.recipients {
            let forbidden = address.unicodeScalars.contains { scalar in
                scalar.value < 0x21 || scalar.value == 0x7F || scalar == "<" || scalar == ">"
            }
            guard !address.isEmpty, !forbidden, address.contains("@") else { throw .invalidAddress(address) }
        }
    }
}
