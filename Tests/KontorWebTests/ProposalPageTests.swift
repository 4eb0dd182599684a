import Foundation
import HTTPTypes
import KontorApp
import KontorCore
import Testing

/// Issue 19, items 1–3 in the browser: the contact person on the inquiry form, the proposal page with the call
/// note and the customer's text in separate boxes (each with a copy button, loaded as a file under the strict
/// CSP), and the quote made from the proposal with one button.
struct ProposalPageTests {
    @Test func aPhoneInquiryWithAContactBecomesAQuoteWithOneButton() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        try await withBrowser(book) { browser in
            // Given: a call recorded on the form, with the caller's name, salutation and title.
            #expect(try await browser.get("/inquiries/new").contains("name=\"contactPerson\""))
            let created = try await browser.post("/inquiries", [
                "customer": "\(customer.id)", "channel": "phone", "received": "2026-03-02",
                "subject": "Pressemitteilung Messe", "size": "1500", "unit": "word", "deadline": "2026-03-20",
                "contactPerson": "Ines Wolff", "salutation": "frau", "academicTitle": "Dr.",
            ])
            #expect(created.status == .seeOther)
            let inquiry = try #require(try await book.kontor.inquiries().first?.inquiry)
            #expect(inquiry.contactPerson == "Ines Wolff" && inquiry.salutation == .frau)
            #expect(inquiry.academicTitle == "Dr.")

            // When: the proposal page is opened.
            let page = try await browser.get("/inquiries/\(inquiry.id)/proposal")
            #expect(page.status == .ok)
            // Then: the note and the customer's text are in boxes of their own, each with a copy button.
            #expect(page.contains("id=\"note\"") && page.contains("Gesprächsnotiz (intern)"))
            #expect(page.contains("id=\"reply\"") && page.contains("Text für den Kunden"))
            #expect(page.contains("data-copy=\"note\"") && page.contains("data-copy=\"reply\""))
            #expect(!page.contains("<script>") && page.contains("/static/app.js"))
            let reply = try #require(page.body.components(separatedBy: "id=\"reply\">").last)
            #expect(reply.hasPrefix("Guten Tag Frau Dr. Wolff,"))
            #expect(!reply.prefix(while: { $0 != "<" }).contains("Gesprächsnotiz"))
            #expect(page.contains("180,00 €"))
            #expect(try await browser.get("/static/app.js").contains("data-copy"))

            // When: the button makes the quote. Then: it holds the proposal's line, price and date.
            let proposal = try await book.kontor.proposeDelivery(inquiryId: inquiry.id, today: Book.today)
            let made = try await browser.post("/inquiries/\(inquiry.id)/quote")
            #expect(made.status == .seeOther)
            let quoteId = try #require(made.redirectId)
            let quote = try await book.kontor.quote(id: quoteId)
            #expect(quote.lines == proposal.quote.lines)
            #expect(quote.deliveryDate == proposal.quote.deliveryDate)
            #expect(quote.net == Money(cents: 18_000))
            let shown = try await browser.get("/quotes/\(quoteId)")
            #expect(shown.contains("Lieferung bis \(proposal.quote.deliveryDate.formatted(.de))"))
            // Accepting offers the promised date as the deadline.
            #expect(shown.contains("value=\"\(proposal.quote.deliveryDate.description)\""))
        }
    }

    @Test func withoutASizeThePageAsksForItAndOffersNoQuote() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        let added = try await book.kontor.addInquiry(
            from: .customer(customer.id), channel: .email, receivedOn: Book.today, subject: "Imagebroschüre")
        try await withBrowser(book) { browser in
            let page = try await browser.get("/inquiries/\(added.inquiry.id)/proposal")
            #expect(page.contains("Ohne Umfang gibt es noch keinen Preis"))
            #expect(!page.contains("/inquiries/\(added.inquiry.id)/quote"))
            #expect(!page.contains("id=\"note\""))
            // The edit form takes the size and the contact person.
            let form = try await browser.get("/inquiries/\(added.inquiry.id)/edit")
            #expect(form.contains("name=\"size\"") && form.contains("name=\"contactPerson\""))
            let refused = try await browser.post("/inquiries/\(added.inquiry.id)/quote")
            #expect(refused.status.code >= 400)
            #expect(try await book.kontor.quotes().isEmpty)
        }
    }
}
