import Foundation
import KontorMail
import KontorTestTools
import Testing

/// KontorMail against a real SMTP server on 127.0.0.1: what the server receives, and each fault a mail server can
/// produce, surfaced as a typed error that says whether trying again can help.
/// Serialized: each test starts its own Python server, and a dozen at once starve a 2-core CI machine.
@Suite(.serialized) struct SMTPClientTests {
    static let envelope = SMTPEnvelope(sender: "lena@schreiber.test", recipients: ["ines@suessholz.test"])

    static func message(_ body: String = "Guten Tag,\n\nanbei die Rechnung.\n") -> [UInt8] {
        Array("From: Lena <lena@schreiber.test>\nTo: ines@suessholz.test\nSubject: Rechnung\n\n\(body)".utf8)
    }

    /// A generous timeout: under CI's full parallel test run the Python servers answer slowly.
    func client(_ port: Int, _ security: SMTPConfiguration.Security = .none, user: String? = nil,
                password: String? = nil, trust: Bool = true, timeout: Int64 = 60) -> SMTPClient {
        SMTPClient(configuration: SMTPConfiguration(
            host: security == .none ? "127.0.0.1" : "localhost", port: port, security: security, username: user,
            password: password, trustedCertificatePEM: trust ? TestCertificate.localhost.pem : nil,
            timeoutSeconds: timeout))
    }

    @Test func plainSubmissionArrivesWithCRLFAndDotsIntact() async throws {
        let server = try TestSMTPServer()
        let body = "Erste Zeile\n.\n..zwei Punkte\n. ein Punkt und Text\nEnde"
        let receipt = try await client(server.port).send(Self.message(body), envelope: Self.envelope)
        #expect(receipt.reply.code == 250)
        #expect(receipt.reply.description.contains("queued as K0001"))
        let deliveries = try server.deliveries()
        try #require(deliveries.count == 1)
        #expect(deliveries[0].sender == "lena@schreiber.test")
        #expect(deliveries[0].recipients == ["ines@suessholz.test"])
        // The server undoes the dot-stuffing: what arrives is the message, with CRLF line ends.
        #expect(deliveries[0].message.hasSuffix("Erste Zeile\r\n.\r\n..zwei Punkte\r\n. ein Punkt und Text\r\nEnde\r\n"))
        #expect(!deliveries[0].message.contains("\n\n") && deliveries[0].message.contains("\r\n\r\n"))
    }

    @Test func startTLSWithAuthPlain() async throws {
        let server = try TestSMTPServer(["--tls", "starttls", "--auth", "lena:geheim"] + TestCertificate.serverFlags)
        _ = try await client(server.port, .startTLS, user: "lena", password: "geheim")
            .send(Self.message(), envelope: Self.envelope)
        let delivery = try #require(try server.deliveries().first)
        #expect(delivery.tls)
        #expect(delivery.authenticated)
    }

    @Test func implicitTLS() async throws {
        let server = try TestSMTPServer(["--tls", "implicit"] + TestCertificate.serverFlags)
        _ = try await client(server.port, .tls).send(Self.message(), envelope: Self.envelope)
        #expect(try server.deliveries().map(\.tls) == [true])
    }

    @Test func untrustedCertificateIsRefusedAndNothingIsSent() async throws {
        let server = try TestSMTPServer(["--tls", "starttls"] + TestCertificate.serverFlags)
        await #expect {
            try await client(server.port, .startTLS, trust: false).send(Self.message(), envelope: Self.envelope)
        } throws: { error in
            guard case .tlsFailed = error as? SMTPError else { return false }
            return !(error as! SMTPError).isTemporary
        }
        #expect(try server.deliveries().isEmpty)
    }

    @Test func wrongPasswordIsAuthenticationFailed() async throws {
        let server = try TestSMTPServer(["--tls", "starttls", "--auth", "lena:geheim"] + TestCertificate.serverFlags)
        await #expect {
            try await client(server.port, .startTLS, user: "lena", password: "falsch")
                .send(Self.message(), envelope: Self.envelope)
        } throws: { error in
            guard case .authenticationFailed(let reply) = error as? SMTPError else { return false }
            return reply.code == 535
        }
        #expect(try server.deliveries().isEmpty)
    }

    @Test func temporaryFailuresThenSuccessDeliverOnce() async throws {
        let server = try TestSMTPServer(["--tempfail", "451:2"])
        let smtp = client(server.port)
        for _ in 1...2 {
            await #expect {
                try await smtp.send(Self.message(), envelope: Self.envelope)
            } throws: { error in
                guard case .rejected(let reply, .message) = error as? SMTPError else { return false }
                return reply.code == 451 && (error as! SMTPError).isTemporary
            }
        }
        _ = try await smtp.send(Self.message(), envelope: Self.envelope)
        #expect(try server.deliveries().count == 1)
    }

    @Test func permanentRejectionIsNotTemporary() async throws {
        let server = try TestSMTPServer(["--reject-recipients"])
        await #expect {
            try await client(server.port).send(Self.message(), envelope: Self.envelope)
        } throws: { error in
            guard case .rejected(let reply, .recipient) = error as? SMTPError else { return false }
            return reply.code == 550 && !(error as! SMTPError).isTemporary
        }
        #expect(try server.deliveries().isEmpty)
    }

    @Test func connectionCutAfterDataLeavesTheOutcomeUnknown() async throws {
        let server = try TestSMTPServer(["--cut-after-data"])
        await #expect(throws: SMTPError.outcomeUnknown) {
            try await client(server.port).send(Self.message(), envelope: Self.envelope)
        }
        // The server did take it: a caller that retried now would deliver a second copy.
        #expect(try server.deliveries().count == 1)
        #expect(!SMTPError.outcomeUnknown.isTemporary)
    }

    @Test func silentServerTimesOut() async throws {
        let server = try TestSMTPServer(["--silent"])
        await #expect(throws: SMTPError.timedOut(.greeting)) {
            try await client(server.port, timeout: 1).send(Self.message(), envelope: Self.envelope)
        }
    }

    @Test func closedPortIsATemporaryConnectionFailure() async throws {
        let port = try TestSMTPServer.unusedPort()
        await #expect {
            try await client(port).send(Self.message(), envelope: Self.envelope)
        } throws: { error in
            guard case .connectionFailed(_, let failedPort, _) = error as? SMTPError else { return false }
            return failedPort == port && (error as! SMTPError).isTemporary
        }
    }

    @Test func startTLSRequiredButNotOffered() async throws {
        let server = try TestSMTPServer()
        await #expect(throws: SMTPError.startTLSNotOffered) {
            try await client(server.port, .startTLS).send(Self.message(), envelope: Self.envelope)
        }
        #expect(try server.deliveries().isEmpty)
    }

    @Test func internationalAddressUsesSMTPUTF8AndEightBitBodyUses8BITMIME() async throws {
        let server = try TestSMTPServer()
        let envelope = SMTPEnvelope(sender: "lena@schreiber.test", recipients: ["jürgen@müller.test"])
        _ = try await client(server.port).send(Self.message("Grüße aus Köln\n"), envelope: envelope)
        let delivery = try #require(try server.deliveries().first)
        #expect(delivery.recipients == ["jürgen@müller.test"])
        #expect(delivery.mailOptions.contains("SMTPUTF8"))
        #expect(delivery.mailOptions.contains("BODY=8BITMIME"))
        #expect(delivery.message.contains("Grüße aus Köln"))
    }

    @Test(arguments: ["x@y.de>\r\nRCPT TO:<attacker@evil.test", "a b@c.de", "", "nobody", "x@y.de\n"])
    func addressesThatCouldInjectCommandsAreRefusedBeforeConnecting(_ address: String) async throws {
        // Port 9 on loopback: if the check failed to stop it, the error would be a connection failure instead.
        let smtp = client(9)
        await #expect(throws: SMTPError.invalidAddress(address)) {
            try await smtp.send(Self.message(), envelope: SMTPEnvelope(sender: "a@b.de", recipients: [address]))
        }
    }

    @Test func passwordIsNeverSentUnencryptedToAnotherHost() async throws {
        let smtp = SMTPClient(configuration: SMTPConfiguration(
            host: "mail.example.invalid", port: 25, security: .none, username: "lena", password: "geheim"))
        await #expect(throws: SMTPError.passwordWithoutEncryption) {
            try await smtp.send(Self.message(), envelope: Self.envelope)
        }
    }
}
