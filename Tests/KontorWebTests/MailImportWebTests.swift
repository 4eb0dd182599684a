import Foundation
import HTTPTypes
import KontorApp
import KontorCore
import Testing

/// E-Mails importieren: several files uploaded at once, the result list, and the one click on the customer page.
struct MailImportWebTests {
    static let reply = """
        Message-ID: <r1@nord.example>\r
        Date: Mon, 02 Mar 2026 10:00:00 +0100\r
        From: Agentur Nord <INFO@nord.example>\r
        Subject: Re: Rechnung\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        Guten Tag, wir überweisen den Betrag bis zum 20.03.\r
        """
    static let stranger = """
        Message-ID: <s1@stranger.example>\r
        Date: Sun, 01 Mar 2026 18:00:00 +0100\r
        From: Neu <neu@stranger.example>\r
        Subject: <script>alert(1)</script> Anfrage\r
        Content-Type: text/html; charset=utf-8\r
        \r
        <p>Hallo <b>Frau</b> Schreiber</p><script>alert(2)</script>\r
        """

    @Test func uploadTwoFilesThenTakeOverThePromiseWithOneClick() async throws {
        // Given a customer with an issued invoice
        let book = try await Book()
        let customer = try await book.customer()
        _ = try await book.issuedInvoice(for: customer)
        try await withBrowser(book) { browser in
            // The inquiries page links to the upload
            #expect(try await browser.get("/inquiries").contains("href=\"/mail/import\""))
            #expect(try await browser.get("/mail/import").status == .ok)
            // Nothing chosen is refused
            let empty = try await browser.postFiles("/mail/import", field: "mail", files: [])
            #expect(empty.status == .unprocessableContent)
            // When two files are uploaded at once
            let page = try await browser.postFiles(
                "/mail/import", field: "mail",
                files: [("antwort.eml", Data(Self.reply.utf8)), ("neu.eml", Data(Self.stranger.utf8))])
            // Then the list says what each became, and nothing from the mail is markup
            #expect(page.status == .ok)
            #expect(page.contains("1 als Anfrage, 1 als Notiz, 0 schon importiert, 0 abgelehnt."))
            #expect(page.contains("&lt;script&gt;alert(1)"))
            #expect(!page.contains("<script>alert"))
            // And the customer's page offers the promise for one click
            let customerPage = try await browser.get("/customers/\(customer.id)")
            #expect(customerPage.contains("Als Zahlungszusage bis 20.03.2026 übernehmen"))
            #expect(customerPage.contains("Als Einwand übernehmen"))
            let mail = try #require(try await book.kontor.importedMails(customerId: customer.id).first)
            // When the writer takes it over with a corrected day
            let accepted = try await browser.post(
                "/mail/imported/\(mail.id)/accept", ["as": "promise", "until": "2026-03-21"])
            #expect(accepted.status == .seeOther && accepted.location == "/customers/\(customer.id)")
            // Then the promise is noted and no longer offered
            let promise = try #require(try await book.kontor.customerNotes(customer.id).first { $0.kind == .promise })
            #expect(promise.promisedFor == Day("2026-03-21"))
            #expect(!(try await browser.get("/customers/\(customer.id)").contains("Als Zahlungszusage")))
            // A second upload of the same files imports nothing
            let again = try await browser.postFiles(
                "/mail/import", field: "mail", files: [("antwort.eml", Data(Self.reply.utf8))])
            #expect(again.contains("0 als Anfrage, 0 als Notiz, 1 schon importiert, 0 abgelehnt."))
        }
    }

    @Test func acceptingWithoutTheCSRFTokenIsRefused() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            let response = try await browser.post("/mail/imported/1/accept", ["as": "objection"], csrf: .some(nil))
            #expect(response.status == .forbidden)
        }
    }
}
