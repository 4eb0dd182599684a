import HTTPTypes
import Foundation
import KontorApp
import KontorCore
import Testing

/// The agenda's week view and its calendar feed.
struct AgendaTests {
    @Test func weekViewAndCalendarFeedShowThePlannedWork() async throws {
        // Given the demo book with jobs due this week
        let book = try await Book(profile: false)
        _ = try await book.kontor.fillDemoBook(today: Book.today)
        try await withBrowser(book) { browser in
            // When the agenda is opened, Then each job with its planned hours is there
            let page = try await browser.get("/agenda")
            #expect(page.status == .ok)
            #expect(page.contains("Pressemitteilung Jubiläum") && page.contains("Woche ab"))
            #expect(page.contains("href=\"/agenda.ics\""))
            // And the feed is a calendar with the deadlines
            let feed = try await browser.get("/agenda.ics")
            #expect(feed.status == .ok)
            #expect(feed.contains("BEGIN:VCALENDAR") && feed.contains("SUMMARY:Abgabe: Pressemitteilung Jubiläum"))
            // And the reports page tells whether callers are decided
            let reports = try await browser.get("/reports")
            #expect(reports.contains("Umwandlung nach Kanal") && reports.contains("Tage bis Antwort"))
        }
    }

    @Test func thePlanIsKeptForTheCalendar() async throws {
        let book = try await Book(profile: false)
        _ = try await book.kontor.fillDemoBook(today: Book.today)
        let planned = try await book.kontor.agenda(today: Book.today).plan.slots.count
        #expect(planned > 0)
        try await withBrowser(book) { browser in
            let kept = try await browser.post("/agenda/plan")
            #expect(kept.status == .seeOther)
            #expect(try await browser.get("/agenda").contains("Plan festgehalten (\(planned) Zeitblöcke)"))
            // The kept plan feeds the calendar even after the jobs change.
            #expect(try await browser.get("/agenda.ics").contains("BEGIN:VEVENT"))
        }
    }

    @Test func inquiryGetsADeliveryDateAndAReplyToSend() async throws {
        let book = try await Book(profile: false)
        _ = try await book.kontor.fillDemoBook(today: Book.today)
        let open = try #require(try await book.kontor.inquiries(statuses: [.open]).first)
        let proposal = try await book.kontor.proposeDelivery(inquiryId: open.inquiry.id, today: Book.today)
        try await withBrowser(book) { browser in
            #expect(try await browser.get("/inquiries").contains("/inquiries/\(open.inquiry.id)/proposal"))
            let page = try await browser.get("/inquiries/\(open.inquiry.id)/proposal")
            #expect(page.status == .ok)
            #expect(page.contains("Lieferung bis"))
            #expect(page.contains(proposal.proposal.deliveryDate.formatted(.de)))
            #expect(page.contains("id=\"reply\""))
            #expect(page.contains(open.customerName.replacingOccurrences(of: "&", with: "&amp;")))
            #expect(try await browser.get("/inquiries/99999/proposal").status == .notFound)
        }
    }
}
