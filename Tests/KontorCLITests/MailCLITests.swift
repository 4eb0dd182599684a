import Foundation
import KontorTestTools
import Testing

/// `kontor mail` end to end: the built binary, a real SMTP server on 127.0.0.1, and the outbox in the book.
@Suite struct MailCLITests {
    func configured(_ server: TestSMTPServer, _ extra: [String] = []) async throws -> CLIRunner {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        try await cli.ok([
            "mail", "settings", "--host", "127.0.0.1", "--port", "\(server.port)", "--security", "none",
            "--from", "lena@schreiber.test", "--from-name", "Lena Schreiber",
        ] + extra)
        return cli
    }

    @Test func testMailArrivesWithMessageIDAndTheCopyToOneself() async throws {
        let server = try TestSMTPServer()
        let cli = try await configured(server, ["--bcc", "archiv@schreiber.test"])
        let sent = try await cli.ok(["mail", "test", "--to", "ines@suessholz.test", "--lang", "de"])
        #expect(sent.stdout.contains("E-Mail 1 an ines@suessholz.test, archiv@schreiber.test gesendet"))
        let delivery = try #require(try server.deliveries().first)
        #expect(delivery.recipients == ["ines@suessholz.test", "archiv@schreiber.test"])
        #expect(delivery.message.contains("Subject: Testnachricht von Kontor"))
        #expect(delivery.message.contains("From: Lena Schreiber <lena@schreiber.test>"))
        #expect(!delivery.message.contains("X-Unsent") && !delivery.message.contains("Bcc:"))
        let listed = try #require(try await cli.json(["mail", "list"]).array().first)
        #expect(listed["status"] as? String == "sent")
        let messageId = try #require(listed["messageId"] as? String)
        #expect(delivery.message.contains("Message-ID: <\(messageId)>"))
        #expect((listed["serverReply"] as? String)?.contains("queued as K0001") == true)
    }

    @Test func temporaryFailureWaitsAndPermanentFailureIsKept() async throws {
        let server = try TestSMTPServer(["--tempfail", "451:1"])
        let cli = try await configured(server)
        let first = try await cli.ok(["mail", "test"])
        #expect(first.stdout.contains("Mail 1 not sent yet") && first.stdout.contains("451"))
        // Not due yet: the wait after the first temporary failure is one minute.
        #expect(try await cli.ok(["mail", "send"]).stdout.contains("Nothing was due."))
        #expect(try server.deliveries().isEmpty)
        let shown = try await cli.json(["mail", "show", "1"]).object()
        #expect(shown["status"] as? String == "queued")
        #expect(shown["attempts"] as? String == "1")

        let rejecting = try TestSMTPServer(["--reject-recipients"])
        let other = try await configured(rejecting)
        let failed = try await other.run(["mail", "test"])
        #expect(failed.status != 0)
        #expect(failed.stdout.contains("Mail 1 failed") && failed.stdout.contains("550"))
        // A failed mail stays and can be queued again; one still queued cannot.
        #expect(try await other.ok(["mail", "retry", "1"]).stdout.contains("queued again"))
        let notAgain = try await cli.run(["mail", "retry", "1"])
        #expect(notAgain.status != 0 && notAgain.stderr.contains("only failed mails"))
    }

    @Test func settingsRefuseWhatWouldLeakOrInject() async throws {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        let plainRemote = try await cli.run(["mail", "settings", "--host", "smtp.example.de", "--security", "none",
                                             "--from", "lena@schreiber.test"])
        #expect(plainRemote.status != 0 && plainRemote.stderr.contains("only for a server on this machine"))
        let injected = try await cli.run(["mail", "settings", "--host", "smtp.example.de", "--from",
                                          "x@y.de\r\nBcc: a@b.de"])
        #expect(injected.status != 0 && injected.stderr.contains("E-mail address"))
        let unset = try await cli.run(["mail", "send"])
        #expect(unset.status != 0 && unset.stderr.contains("kontor mail settings"))
        // A password file others can read is refused before anything is sent.
        let file = cli.directory.appendingPathComponent("smtp-password")
        try Data("geheim\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        try await cli.ok(["mail", "settings", "--host", "smtp.example.de", "--from", "lena@schreiber.test",
                          "--user", "lena", "--password-file", file.path])
        let readable = try await cli.run(["mail", "test"])
        #expect(readable.status != 0 && readable.stderr.contains("chmod 600"))
        #expect(!readable.stderr.contains("geheim") && !readable.stdout.contains("geheim"))
    }
}
