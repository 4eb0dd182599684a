import Foundation
import HTTPTypes
import KontorApp
import KontorCore
import Testing

/// Sending from the web app: the preview shows recipient, subject, text and attachments; what the user changes is
/// what is queued; the outbox, the settings and Heute say where each mail stands.
struct MailSendWebTests {
    func configure(_ book: Book) async throws {
        try await book.kontor.saveMailSettings(try MailSettings(
            host: "127.0.0.1", security: .none, senderName: "Lena Schreiber", senderAddress: "post@lena.example"))
    }

    @Test func invoicePreviewThenSendQueuesWhatTheUserChanged() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        let invoice = try await book.issuedInvoice(for: customer)
        let number = try #require(invoice.number)
        try await configure(book)
        try await withBrowser(book) { browser in
            #expect(try await browser.get("/invoices/\(number)").contains("href=\"/mail/compose/invoice/\(number)\""))
            let preview = try await browser.get("/mail/compose/invoice/\(number)")
            #expect(preview.status == .ok)
            #expect(preview.contains("info@nord.example"))
            #expect(preview.contains("value=\"Rechnung \(number)\""))
            #expect(preview.contains("Rechnung-\(number).pdf"))
            #expect(preview.contains("anbei erhalten Sie meine Rechnung \(number)"))
            #expect(try await book.kontor.outbox().isEmpty, "the preview queues nothing")

            // A subject with a line break would inject a header: refused, nothing queued.
            let injected = try await browser.post(
                "/mail/compose/invoice/\(number)", ["subject": "Rechnung\r\nBcc: x@y.de", "text": "Hallo"])
            #expect(injected.status == .unprocessableContent)
            #expect(try await book.kontor.outbox().isEmpty)

            let sent = try await browser.post(
                "/mail/compose/invoice/\(number)",
                ["subject": "Ihre Rechnung \(number)", "text": "Guten Tag Frau Nord,\n\nanbei die Rechnung.\n"])
            #expect(sent.status == .seeOther && sent.location == "/invoices/\(number)")
            let queued = try #require(try await book.kontor.outbox().first)
            #expect(queued.subject == "Ihre Rechnung \(number)" && queued.status == .queued)
            #expect(queued.recipients == ["info@nord.example"])
            #expect(String(decoding: queued.content, as: UTF8.self).contains("Subject: Ihre Rechnung \(number)"))
            #expect(queued.attachmentNames == ["Rechnung-\(number).pdf"])

            let outbox = try await browser.get("/mail")
            #expect(outbox.contains("Ihre Rechnung \(number)") && outbox.contains("wartet"))
            // Sending the same invoice again is a decision: the preview says when it went before.
            _ = try await book.kontor.deliverDueMail(using: AcceptingTransport()) { Date() }
            #expect(try await browser.get("/mail/compose/invoice/\(number)").contains("Schon gesendet"))
            #expect(try await browser.get("/customers/\(customer.id)").contains("E-Mail „Ihre Rechnung \(number)“ an info@nord.example gesendet"))
        }
    }

    @Test func aRefusedMailIsOnHeuteAndCanBeSentAgain() async throws {
        let book = try await Book()
        try await configure(book)
        _ = try await book.kontor.queueTestMail(to: "niemand@nord.example", language: .de, now: Date())
        _ = try await book.kontor.deliverDueMail(using: RefusingTransport()) { Date() }
        try await withBrowser(book) { browser in
            let heute = try await browser.get("/")
            #expect(heute.contains("E-Mail nicht gesendet") && heute.contains("550 5.1.1 Mailbox unavailable"))
            let message = try #require(try await book.kontor.outbox().first)
            let retried = try await browser.post("/mail/\(message.id)/retry")
            #expect(retried.status == .seeOther)
            #expect(try await book.kontor.outbox().first?.status == .queued)
        }
    }

    @Test func settingsAreSavedCheckedAndOfferATestMail() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            #expect(try await browser.get("/settings").contains("href=\"/mail/settings\""))
            #expect(!(try await browser.get("/mail/settings").contains("id=\"send-test-mail\"")))
            let plain = try await browser.post("/mail/settings", [
                "host": "smtp.example.de", "security": "none", "from": "post@lena.example",
            ])
            #expect(plain.status == .unprocessableContent)
            #expect(try await book.kontor.mailSettings() == nil)
            let saved = try await browser.post("/mail/settings", [
                "host": "smtp.example.de", "security": "starttls", "from": "post@lena.example",
                "fromName": "Lena Schreiber", "user": "lena",
            ])
            #expect(saved.status == .seeOther)
            #expect(try await book.kontor.mailSettings()?.port == 587)
            #expect(try await browser.get("/mail/settings").contains("id=\"send-test-mail\""))
            let test = try await browser.post("/mail/test", ["to": "post@lena.example"])
            #expect(test.status == .seeOther && test.location == "/mail")
            #expect(try await book.kontor.outbox().first?.kind == .test)
        }
    }
}

extension MailSendWebTests {
    @Test func theInvoiceMailTemplateIsEditedInSettingsAndUsedByTheNextMail() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        let number = try #require(try await book.issuedInvoice(for: customer).number)
        try await configure(book)
        try await withBrowser(book) { browser in
            #expect(try await browser.get("/settings").contains("href=\"/mail/templates/invoice/de\""))
            let form = try await browser.get("/mail/templates/invoice/de")
            #expect(form.contains("anbei erhalten Sie meine Rechnung {{invoiceNumber}}"))
            let broken = try await browser.post(
                "/mail/templates/invoice/de", ["subject": "Rechnung {{invoiceNumber}}", "body": "{{#zugferd}}offen"])
            #expect(broken.status == .unprocessableContent)
            let saved = try await browser.post(
                "/mail/templates/invoice/de",
                ["subject": "Meine Rechnung {{invoiceNumber}}", "body": "hier kommt Rechnung {{invoiceNumber}}."])
            #expect(saved.status == .seeOther)
            let preview = try await browser.get("/mail/compose/invoice/\(number)")
            #expect(preview.contains("value=\"Meine Rechnung \(number)\""))
            #expect(preview.contains("hier kommt Rechnung \(number)."))
            #expect(preview.contains("Mit freundlichen Grüßen"), "the closing is added to the user's text")
        }
    }
}

/// A mail server that accepts everything, as a port the use cases accept.
struct AcceptingTransport: MailTransport {
    func deliver(sender: String, recipients: [String], content: [UInt8]) async -> DeliveryAttempt {
        .accepted(serverReply: "250 2.0.0 Ok: queued")
    }
}
