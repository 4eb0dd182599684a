import HTTPTypes
import Foundation
import KontorApp
import KontorCore
import Testing

struct DunningTests {
    @Test func runPreviewApproveSkipAndDownload() async throws {
        // Given two invoices long overdue
        let book = try await Book()
        let customer = try await book.customer()
        let first = try await book.issuedInvoice(for: customer, on: Day("2026-01-05")!)
        let second = try await book.issuedInvoice(for: customer, price: "200", on: Day("2026-01-06")!)
        try await withBrowser(book) { browser in
            #expect(try await browser.get("/dunning").contains("Keine Entwürfe"))
            // When the check runs
            let run = try await browser.post("/dunning/run")
            #expect(run.status == .seeOther)
            let drafts = try await book.kontor.reminders(status: .draft)
            #expect(drafts.count == 2)
            // Then the drafts are shown with their text
            let page = try await browser.get("/dunning")
            #expect(page.contains("2 Entwürfe vorbereitet"))
            #expect(page.contains(drafts[0].subject))
            #expect(page.contains("Freundliche Nachfrage"))
            // Downloads
            let letterId = try #require(drafts.first { $0.invoiceId == first.id }?.id)
            let eml = try await browser.get("/dunning/\(letterId)/eml")
            #expect(eml.status == .ok)
            #expect(eml.body.contains("Subject:"))
            let pdf = try await browser.get("/dunning/\(letterId)/pdf")
            #expect(pdf.bytes.starts(with: Array("%PDF".utf8)))
            #expect(try await browser.get("/dunning/\(letterId)").contains(first.number!))
            // Approve one, skip the other
            #expect(try await browser.post("/dunning/\(letterId)/approve").status == .seeOther)
            let otherId = try #require(drafts.first { $0.invoiceId == second.id }?.id)
            #expect(try await browser.post("/dunning/\(otherId)/skip").status == .seeOther)
            #expect(try await book.kontor.reminder(id: letterId).status == .sent)
            #expect(try await book.kontor.reminder(id: otherId).status == .skipped)
            // A done letter cannot be approved again
            let again = try await browser.post("/dunning/\(letterId)/approve")
            #expect(again.status == .conflict)
            #expect(again.contains("ist bereits versendet"))
            #expect(try await browser.get("/dunning").contains("versendet"))
        }
    }
}
