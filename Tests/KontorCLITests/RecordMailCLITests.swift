import Foundation
import KontorTestTools
import Testing

/// Sending records by e-mail end to end: the built binary, a real SMTP server on 127.0.0.1, what the server
/// received, and what the book says afterwards (outbox, timeline, the record's state).
@Suite struct RecordMailCLITests {
    func configure(_ cli: CLIRunner, _ server: TestSMTPServer) async throws {
        try await cli.ok([
            "mail", "settings", "--host", "127.0.0.1", "--port", "\(server.port)", "--security", "none",
            "--from", "post@lena-schreiber.de", "--from-name", "Lena Schreiber",
        ])
    }

    /// The attachments of a delivered message as Python's e-mail package reads them: name → bytes.
    func attachments(_ message: String) throws -> [String: Data] {
        let script = """
            import email, json, sys, base64
            m = email.message_from_bytes(sys.stdin.buffer.read())
            print(json.dumps({p.get_filename(): base64.b64encode(p.get_payload(decode=True)).decode()
                              for p in m.walk() if p.get_filename()}))
            """
        let output = try PDFTools.run("python3", ["-c", script], stdin: Data(message.utf8))
        let names = try #require(try JSONSerialization.jsonObject(with: output.stdout) as? [String: String])
        return try names.mapValues { try #require(Data(base64Encoded: $0)) }
    }

    /// Subject and text of a delivered message, decoded by Python's e-mail package.
    func readable(_ message: String) throws -> (subject: String, text: String) {
        let script = """
            import email, email.policy, json, sys
            m = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
            print(json.dumps([str(m["subject"]), m.get_body(preferencelist=("plain",)).get_content()]))
            """
        let output = try PDFTools.run("python3", ["-c", script], stdin: Data(message.utf8))
        let parts = try #require(try JSONSerialization.jsonObject(with: output.stdout) as? [String])
        return (parts[0], parts[1].replacingOccurrences(of: "\r\n", with: "\n"))
    }

    @Test func issuedInvoiceIsPreviewedThenSentWithItsZUGFeRDPDFAndEntersTheTimeline() async throws {
        let server = try TestSMTPServer()
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        try await configure(cli, server)
        let issued = try await cli.json(["invoice", "issue", try await cli.draft()]).object()
        let number = try #require(issued["number"] as? String)

        let preview = try await cli.ok(["invoice", "send", number, "--preview"])
        #expect(preview.stdout.contains("To:       Agentur Blickfang GmbH <jana@blickfang.de>"))
        #expect(preview.stdout.contains("Subject:  Rechnung \(number)"))
        #expect(preview.stdout.contains("Rechnung-\(number).pdf"))
        #expect(preview.stdout.contains("Mit freundlichen Grüßen\nLena Schreiber"))
        #expect(try await cli.json(["mail", "list"]).array().isEmpty, "a preview queues nothing")

        let sent = try await cli.ok(["invoice", "send", number])
        #expect(sent.stdout.contains("Sent mail 1 to jana@blickfang.de"))
        let delivery = try #require(try server.deliveries().first)
        #expect(delivery.recipients == ["jana@blickfang.de"])
        let received = try readable(delivery.message)
        #expect(received.subject == "Rechnung \(number)")
        // A company without a contact person is greeted as a whole; the text follows the greeting's comma.
        #expect(received.text.hasPrefix("Sehr geehrte Damen und Herren,\n\nanbei erhalten Sie meine Rechnung \(number) vom"))
        #expect(received.text.contains("E-Rechnung (ZUGFeRD)"))
        let files = try attachments(delivery.message)
        let pdf = try #require(files["Rechnung-\(number).pdf"])
        let work = ScratchDirectory()
        let path = try work.write(pdf)
        try PDFTools.expectValid(path)
        #expect(try PDFTools.run("pdfdetach", ["-list", path]).text.contains("factur-x.xml"))

        let events = try await cli.json(["customer", "timeline", "1"]).array()
        let mail = try #require(events.first { $0["kind"] as? String == "mail-sent" })
        let facts = try #require(mail["facts"] as? [String: Any])
        #expect(facts["recipient"] as? String == "jana@blickfang.de")
        let messageId = try #require(facts["messageId"] as? String)
        #expect(delivery.message.contains("Message-ID: <\(messageId)>"))
        #expect(facts["invoiceNumber"] as? String == number)
    }

    @Test func aReminderDraftIsApprovedAndSentWithLetterAndInvoice() async throws {
        let server = try TestSMTPServer()
        let cli = try CLIRunner()
        try await cli.ok(["demo"])
        try await configure(cli, server)
        let created = try await cli.json(["remind"]).object()["created"] as? [[String: Any]] ?? []
        let letter = try #require(created.first?["id"] as? Int, "no reminder drafted")
        try await cli.ok(["remind", "approve", "\(letter)", "--send"])
        let shown = try await cli.json(["remind", "show", "\(letter)"]).object()
        #expect(shown["status"] as? String == "sent")
        let delivery = try #require(try server.deliveries().first)
        let names = try attachments(delivery.message).keys.sorted()
        #expect(names.count == 2 && names.allSatisfy { $0.hasSuffix(".pdf") })
        #expect(names.contains { $0.hasPrefix("Rechnung-") })
        let listed = try #require(try await cli.json(["mail", "list"]).array().first)
        #expect(listed["kind"] as? String == "reminder" && listed["status"] as? String == "sent")
    }

    @Test func theReplyToAnInquiryIsSentAndTheInquiryIsAnswered() async throws {
        let server = try TestSMTPServer()
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        try await configure(cli, server)
        let inquiry = try await cli.json(["inquiry", "add", "--customer", "1", "--channel", "email",
                                          "--subject", "Broschüre", "--size", "12", "--unit", "page"]).object()
        let id = "\(inquiry["id"]!)"
        #expect(try await cli.ok(["inquiry", "reply", id]).stdout.contains("Subject:  Ihre Anfrage: Broschüre"))
        #expect(try server.deliveries().isEmpty, "without --send the reply is only shown")
        try await cli.ok(["inquiry", "reply", id, "--send"])
        let delivery = try #require(try server.deliveries().first)
        let mail = try readable(delivery.message)
        #expect(mail.subject == "Ihre Anfrage: Broschüre")
        #expect(mail.text.contains("vielen Dank für Ihre Anfrage zu „Broschüre“"))
        #expect(try await cli.json(["inquiry", "show", id]).object()["status"] as? String == "answered")
    }

    @Test func whatStopsAMailIsSaidAndChangesNothing() async throws {
        let cli = try CLIRunner()
        try await cli.ok(["demo"])
        let created = try await cli.json(["remind"]).object()["created"] as? [[String: Any]] ?? []
        let letter = try #require(created.first?["id"] as? Int, "no reminder drafted")
        // No mail server yet: the reminder stays a draft, nothing is queued.
        let unset = try await cli.run(["remind", "approve", "\(letter)", "--send"])
        #expect(unset.status == 1 && unset.stderr.contains("kontor mail settings"))
        #expect(try await cli.json(["remind", "show", "\(letter)"]).object()["status"] as? String == "draft")

        let server = try TestSMTPServer()
        try await configure(cli, server)
        let customer = try await cli.json(["customer", "add", "--name", "Ohne Adresse GmbH"]).object()
        let quote = try await cli.json(["quote", "add", "--customer", "\(customer["id"]!)", "--title", "Flyer"])
            .object()
        let noAddress = try await cli.run(["quote", "send", "\(quote["id"]!)"])
        #expect(noAddress.status == 1 && noAddress.stderr.contains("customer edit \(customer["id"]!) --email"))
        let injected = try await cli.run(["quote", "send", "\(quote["id"]!)", "--subject", "Hallo\r\nBcc: x@y.de"])
        #expect(injected.status == 1)
        #expect(try await cli.json(["mail", "list"]).array().isEmpty)
        #expect(try server.deliveries().isEmpty)
    }
}
