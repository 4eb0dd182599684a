import Foundation
import HTTPTypes
import KontorApp
import KontorCore
import Testing

/// Heute (served from the page cache while the book is unchanged) and the paged invoice list.
struct ListTests {
    @Test func heuteShowsEveryChangeAtOnceAndEachSessionItsOwnToken() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        try await withBrowser(book) { browser in
            #expect(!(try await browser.get("/").contains("Pressetext Frühjahr")))
            // A write through the use cases (as the CLI in another process would do) shows on the next request.
            _ = try await book.kontor.addInquiry(
                from: .customer(customer.id), channel: .email, receivedOn: Book.today, subject: "Pressetext Frühjahr")
            let first = try await browser.get("/")
            #expect(first.contains("Pressetext Frühjahr"))
            let token = browser.csrf
            #expect(token.count == 64)
            #expect(!first.contains(PageCacheProbe.placeholder))
            // A second browser gets the same page with its own token, and the first token still works.
            var other = Browser(browser.client)
            let second = try await other.get("/")
            #expect(second.contains("Pressetext Frühjahr"))
            #expect(other.csrf.count == 64 && other.csrf != token)
            #expect(!second.contains(token))
            let inquiry = try #require(try await book.kontor.inquiries().first)
            let answered = try await browser.post("/inquiries/\(inquiry.inquiry.id)/answer", ["return": "/"])
            #expect(answered.status == .seeOther)
            // The flash after the action is shown once, on a freshly rendered page.
            let after = try await browser.get("/")
            #expect(after.contains("beantwortet"))
            #expect(!(try await browser.get("/").contains("beantwortet")))
        }
    }

    @Test func heuteShowsTheMostUrgentItemsAndLinksToTheRest() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        for index in 1...14 {
            _ = try await book.kontor.addInquiry(
                from: .customer(customer.id), channel: .email, receivedOn: Book.today.adding(days: -index),
                subject: "Anfrage \(index)")
        }
        try await withBrowser(book) { browser in
            let page = try await browser.get("/")
            #expect(page.contains("Alle 14 anzeigen"))
            #expect(page.body.components(separatedBy: "class=\"work-item\"").count - 1 == 12)
            // The longest waiting come first.
            #expect(page.contains("Anfrage 14"))
            #expect(!page.contains("Anfrage 1<"))
        }
    }

    @Test func invoiceListComesInPagesOfFifty() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        for index in 0..<51 {
            _ = try await book.issuedInvoice(for: customer, price: "\(100 + index)", on: Day("2026-01-05")!)
        }
        try await withBrowser(book) { browser in
            let first = try await browser.get("/invoices?filter=all")
            #expect(first.status == .ok)
            #expect(first.contains("51 Rechnungen"))
            #expect(first.contains("Seite 1 von 2"))
            #expect(first.body.components(separatedBy: "class=\"strong mono\"").count - 1 == 50)
            #expect(first.contains("filter=all&amp;page=2"))
            let second = try await browser.get("/invoices?filter=all&page=2")
            #expect(second.contains("Seite 2 von 2"))
            #expect(second.body.components(separatedBy: "class=\"strong mono\"").count - 1 == 1)
            // The oldest invoice (numbers count up) is the one on the last page.
            let oldest = try #require(try await book.kontor.invoices(InvoiceQuery()).last?.number)
            #expect(second.contains(oldest))
            // A page beyond the end shows the empty end of the list, not an error.
            #expect(try await browser.get("/invoices?filter=all&page=9").status == .ok)
        }
    }
}

/// The placeholder must never reach a browser; spelled out here so that the test does not import internals.
enum PageCacheProbe {
    static let placeholder = "kontor-csrf-placeholder"
}

/// The customer's timeline in the page's language, worded from the events' facts.
struct TimelineWordingTests {
    @Test func timelineReadsInGermanAndInEnglish() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        _ = try await book.kontor.addInquiry(
            from: .customer(customer.id), channel: .email, receivedOn: Book.today, subject: "Pressetext")
        let invoice = try await book.issuedInvoice(for: customer)
        _ = try await book.kontor.addPayment(invoice: invoice.number!, amount: Money(cents: 10_000), on: Book.today)
        try await withBrowser(book) { browser in
            let german = try await browser.get("/customers/\(customer.id)")
            #expect(german.contains("Anfrage per E-Mail: Pressetext"))
            #expect(german.contains("Rechnung \(invoice.number!) ausgestellt"))
            #expect(german.contains("brutto 595,00 €"))
            #expect(german.contains("Zahlung erhalten (Rechnung \(invoice.number!))"))
            #expect(!german.contains("Inquiry by"))
            browser.acceptLanguage = "en-GB,en;q=0.9"
            let english = try await browser.get("/customers/\(customer.id)")
            #expect(english.contains("Invoice \(invoice.number!) issued"))
            #expect(english.contains("€595.00"))
            #expect(english.contains("Payment received (invoice \(invoice.number!))"))
            #expect(!english.contains("Rechnung \(invoice.number!) ausgestellt"))
        }
    }
}
