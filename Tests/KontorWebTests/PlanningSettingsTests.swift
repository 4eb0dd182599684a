import Foundation
import HTTPTypes
import KontorApp
import KontorCore
import Testing

/// Writing hours, vacations, days off, unit prices and loyalty tiers set in the browser; progress logged on a job.
struct PlanningSettingsTests {
    static let week = ["mon": "4", "tue": "4", "wed": "4", "thu": "4", "fri": "4", "sat": "0", "sun": "0"]

    @Test func writingHoursAndAVacationMoveTheAgenda() async throws {
        // Given the demo book's planned week
        let book = try await Book(profile: false)
        _ = try await book.kontor.fillDemoBook(today: Book.today)
        let before = try await book.kontor.agenda(today: Book.today).plan
        let tuesday = Book.today.adding(days: 1)
        #expect(before.plannedHours(on: tuesday) > 0)
        try await withBrowser(book) { browser in
            let page = try await browser.get("/settings")
            #expect(page.contains("id=\"hours\"") && page.contains("id=\"loyalty-tiers\""))
            // When fewer hours per day are set, Then a day holds at most 4 hours
            #expect(try await browser.post("/settings/hours", Self.week).status == .seeOther)
            let fewer = try await book.kontor.agenda(today: Book.today).plan
            #expect(fewer.plannedHours(on: tuesday) == 4_000)
            // When a vacation covers Tuesday to Thursday, Then nothing is planned there and the work moves on
            let added = try await browser.post("/settings/vacations", [
                "first": tuesday.description, "last": tuesday.adding(days: 2).description,
            ])
            #expect(added.status == .seeOther)
            let away = try await book.kontor.agenda(today: Book.today).plan
            #expect(away.plannedHours(on: tuesday) == 0 && away.plannedHours(on: tuesday.adding(days: 2)) == 0)
            #expect(try await browser.get("/agenda").contains("data-day=\"\(tuesday)\" data-hours=\"0\""))
            #expect(try await browser.get("/settings").contains("id=\"vacation-list\""))
            // And removing it brings the plan back
            #expect(try await browser.post("/settings/vacations/remove", [
                "first": tuesday.description, "last": tuesday.adding(days: 2).description,
            ]).status == .seeOther)
            #expect(try await book.kontor.agenda(today: Book.today).plan.plannedHours(on: tuesday) == 4_000)
        }
    }

    @Test func badInputIsRefusedAndChangesNothing() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            var week = Self.week
            week["mon"] = "17"
            let tooMany = try await browser.post("/settings/hours", week)
            #expect(tooMany.status == .unprocessableContent)
            #expect(tooMany.contains("sieben Werte von 0 bis 16 Stunden"))
            #expect(try await book.kontor.profile().effectiveCapacity.hoursPerWeekday[0] == 6_000)
            let backwards = try await browser.post("/settings/vacations", ["first": "2026-03-10", "last": "2026-03-05"])
            #expect(backwards.status == .unprocessableContent)
            #expect(backwards.contains("Urlaub: Das Ende liegt vor dem Beginn."))
            #expect(try await book.kontor.profile().effectiveCapacity.vacations.isEmpty)
            let tiers = try await browser.post("/settings/loyalty", ["paid1": "3", "percent1": "12"])
            #expect(tiers.status == .unprocessableContent)
            #expect(try await book.kontor.profile().loyalty == .standard)
        }
    }

    @Test func unitPricesAndLoyaltyTiersAsRows() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            #expect(try await browser.post("/settings/unit-rates", [
                "word": "0,15", "line": "1,20", "page": "45", "hour": "90", "revision": "60",
            ]).status == .seeOther)
            let card = try await book.kontor.profile().effectiveRateCard
            #expect(card.pricePerWord == (try UnitPrice(parsing: "0.15")))
            #expect(card.pricePerHour == (try UnitPrice(parsing: "90")))
            #expect(try await browser.post("/settings/loyalty", [
                "paid1": "5", "percent1": "4", "paid2": "2", "percent2": "2", "paid3": "", "percent3": "",
            ]).status == .seeOther)
            #expect(try await book.kontor.profile().loyalty.description == "2:2,5:4")
            #expect(try await browser.get("/settings").contains("name=\"paid2\" value=\"5\""))
        }
    }

    @Test func progressLoggedOnTheJobPageShrinksThePlan() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        let job = try await book.kontor.addJob(
            customerId: customer.id, title: "Whitepaper", on: Book.today, effortHours: Quantity(thousandths: 10_000),
            deadline: Book.today)
        #expect(try await book.kontor.agenda(today: Book.today).plan.atRisk == [job.id])
        try await withBrowser(book) { browser in
            #expect(try await browser.get("/jobs/\(job.id)").contains("action=\"/jobs/\(job.id)/log\""))
            let logged = try await browser.post("/jobs/\(job.id)/log", ["hours": "4,5", "words": "1200"])
            #expect(logged.status == .seeOther)
            let page = try await browser.get("/jobs/\(job.id)")
            #expect(page.contains("4,5 h gearbeitet, 1200 Wörter geschrieben"))
            #expect(page.contains("Noch 5,5 h im Plan"))
            let bad = try await browser.post("/jobs/\(job.id)/log", ["hours": "0"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.contains("Muss größer als null sein.") && bad.contains("<details class=\"add-note\" open>"))
            // A day in the future is refused by the use case, in German
            let future = try await browser.post("/jobs/\(job.id)/log", ["hours": "2", "day": "2026-03-09"])
            #expect(future.status == .unprocessableContent)
            #expect(future.contains("liegt in der Zukunft"))
        }
        // The plan now holds what is left, and it fits before the deadline
        let plan = try await book.kontor.agenda(today: Book.today).plan
        #expect(plan.slots.filter { $0.itemId == job.id }.map(\.hours).reduce(0, +) == 5_500)
        #expect(plan.atRisk.isEmpty)
        // And the customer's timeline shows the entry
        let timeline = try await book.kontor.timeline(customerId: customer.id)
        #expect(timeline.contains { $0.kind == .workLogged && $0.facts.quantity == Quantity(thousandths: 4_500) })
    }
}
