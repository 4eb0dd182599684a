import Foundation
import KontorApp
import KontorCore
import Testing

/// The /jobs week and /agenda come from one planner result, so they show the same hours per day.
struct PlanEverywhereTests {
    /// `data-day` → `data-hours` of every day cell on a page.
    static func plannedHours(in html: String) -> [String: String] {
        let pattern = /data-day="(\d{4}-\d{2}-\d{2})" data-hours="([0-9.]+)"/
        var hours: [String: String] = [:]
        for match in html.matches(of: pattern) { hours[String(match.output.1)] = String(match.output.2) }
        return hours
    }

    @Test func jobsWeekAndAgendaShowTheSameHoursPerDay() async throws {
        // Given the demo book, whose open jobs fill the first week
        let book = try await Book(profile: false)
        _ = try await book.kontor.fillDemoBook(today: Book.today)
        let plan = try await book.kontor.agenda(today: Book.today).plan
        try await withBrowser(book) { browser in
            // When both pages are opened
            let week = Self.plannedHours(in: try await browser.get("/jobs").body)
            let agenda = Self.plannedHours(in: try await browser.get("/agenda").body)
            // Then every workday of this week is on both, with the same planned hours as the planner's result
            let workdays = (0..<5).map { Book.today.adding(days: $0).description }
            for day in workdays {
                #expect(week[day] != nil && week[day] == agenda[day],
                        "\(day): /jobs \(week[day] ?? "–"), /agenda \(agenda[day] ?? "–")")
                #expect(week[day] == Quantity(thousandths: plan.plannedHours(on: Day(day)!)).description)
            }
            // And the demo week is not shown as free where the plan has work
            let busy = workdays.filter { week[$0] != "0" }
            #expect(!busy.isEmpty)
        }
    }

    @Test func weekCellsShowThePlannedJobsAndTheirLoad() async throws {
        let book = try await Book(profile: false)
        _ = try await book.kontor.fillDemoBook(today: Book.today)
        let plan = try await book.kontor.agenda(today: Book.today).plan
        let first = try #require(plan.slots.first)
        let job = try await book.kontor.jobs(all: true).first { $0.id == first.itemId }
        try await withBrowser(book) { browser in
            let page = try await browser.get("/jobs")
            #expect(page.contains("class=\"week-load\""))
            #expect(page.contains(try #require(job).title.replacingOccurrences(of: "&", with: "&amp;")))
            // Titles wrap at word boundaries: the CSS no longer breaks anywhere inside a word.
            let css = try await browser.get("/static/app.css")
            #expect(!css.contains("overflow-wrap: anywhere; hyphens"))
            #expect(css.contains("hyphens: auto"))
        }
    }
}
