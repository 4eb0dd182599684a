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
}
