import Foundation
import Hummingbird
import HummingbirdTesting
import KontorApp
import KontorCore
import KontorWeb
import Testing

/// An agency's agenda (issue 17): a job given to a writer is planned within that writer's own hours and vacations,
/// and the agenda names the writer; a job a writer creates is theirs.
struct TeamAgendaTests {
    @Test func aJobGivenToAWriterFollowsHerVacation() async throws {
        let (book, customer, _, _) = try await RoleTests.sharedBook()
        let job = try await book.kontor.addJob(
            customerId: customer.id, title: "Jahresbericht", on: Book.today, effortHours: Quantity(12),
            deadline: Book.today.adding(days: 30))
        #expect(job.writer == nil, "made at the machine: the book's own work")
        let before = try await book.kontor.agenda(today: Book.today).plan.finishes[job.id]
        // Anna is away for two weeks and writes four hours a day.
        var week = WorkingCapacity(hoursPerWeekday: [4000, 4000, 4000, 4000, 4000, 0, 0])
        try week.addVacation(first: Book.today, last: Book.today.adding(days: 13))
        _ = try await book.kontor.setCapacity(user: "anna", to: week)
        try await RoleTests.signedIn(book, as: "ines") { browser in
            let page = try await browser.get("/jobs/\(job.id)")
            #expect(page.contains(#"<option value="anna">anna</option>"#), "\(page.body)")
            let assigned = try await browser.post("/jobs/\(job.id)/writer", ["writer": "anna"])
            #expect(assigned.status == .seeOther)
            let agenda = try await browser.get("/agenda")
            #expect(agenda.contains("Jahresbericht"))
            #expect(agenda.contains("· anna"), "the agenda names the writer")
        }
        let plan = try await book.kontor.agenda(today: Book.today).plan
        #expect(plan.itemWriters[job.id] == "anna")
        let after = try #require(plan.finishes[job.id])
        #expect(after > (before ?? Book.today))
        #expect(after >= Book.today.adding(days: 14), "nothing is planned during her vacation")
        #expect(plan.slots.filter { $0.itemId == job.id }.allSatisfy { $0.hours <= 4000 && $0.day >= Book.today.adding(days: 14) })
        // A job Anna creates herself is hers.
        let own = try await BookActor.signedIn("anna", role: .writer) {
            try await book.kontor.addJob(
                customerId: customer.id, title: "Blog", on: Book.today, effortHours: Quantity(2), deadline: nil)
        }
        #expect(own.writer == "anna")
        // Unknown writers are refused; giving the job back makes it the book's again.
        await #expect(throws: AppError.notFound(.webUser, id: "nobody")) {
            _ = try await book.kontor.assignJob(id: job.id, to: "nobody")
        }
        #expect(try await book.kontor.assignJob(id: job.id, to: nil).writer == nil)
    }

    @Test func theOwnerSetsAWritersWeekOnTheUsersPage() async throws {
        let (book, _, _, _) = try await RoleTests.sharedBook()
        try await RoleTests.signedIn(book, as: "ines") { browser in
            let before = try await browser.get("/settings/users")
            #expect(before.contains("anna: Schreibzeiten des Kontors"), "\(before.body)")
            let saved = try await browser.post("/settings/users/capacity", [
                "name": "anna", "hours": "4,4,4,4,4,0,0", "first": "2026-03-09", "last": "2026-03-13",
            ])
            #expect(saved.status == .seeOther)
            let after = try await browser.get("/settings/users")
            #expect(after.contains("anna: 4, 4, 4, 4, 4, 0, 0 h · Urlaub 09.03.2026–13.03.2026"), "\(after.body)")
            // Half a vacation is refused and changes nothing.
            let half = try await browser.post("/settings/users/capacity", ["name": "anna", "first": "2026-04-01"])
            #expect(half.status == .unprocessableContent)
        }
        let week = try #require(try await book.kontor.webUser(name: "anna")?.capacity)
        #expect(week.hoursPerWeekday == [4000, 4000, 4000, 4000, 4000, 0, 0] && week.vacations.count == 1)
        // A writer may not set another's week.
        try await RoleTests.signedIn(book, as: "anna") { browser in
            let refused = try await browser.post("/settings/users/capacity", ["name": "tom", "reset": "1"])
            #expect(refused.status == .forbidden)
        }
        try await RoleTests.signedIn(book, as: "ines") { browser in
            let reset = try await browser.post("/settings/users/capacity", ["name": "anna", "reset": "1"])
            #expect(reset.status == .seeOther)
        }
        #expect(try await book.kontor.webUser(name: "anna")?.capacity == nil)
    }

    @Test func aWriterSetsHerOwnWeekAndNoOneElses() async throws {
        let (book, _, _, _) = try await RoleTests.sharedBook()
        try await RoleTests.signedIn(book, as: "anna") { browser in
            let agenda = try await browser.get("/agenda")
            #expect(agenda.contains(#"<a class="button" href="/settings/week">Meine Schreibzeiten</a>"#), "\(agenda.body)")
            let page = try await browser.get("/settings/week")
            #expect(page.status == .ok)
            #expect(page.contains("Jetzt: Schreibzeiten des Kontors"), "\(page.body)")
            // A name in the form is not hers to choose: the week saved is the signed-in writer's.
            let saved = try await browser.post("/settings/week", [
                "name": "tom", "hours": "3,3,3,3,0,0,0", "first": "2026-03-09", "last": "2026-03-13",
            ])
            #expect(saved.status == .seeOther && saved.location == "/settings/week")
            let after = try await browser.get("/settings/week")
            #expect(after.contains("Ihre Schreibzeiten sind gespeichert"))
            #expect(after.contains("Jetzt: 3, 3, 3, 3, 0, 0, 0 h · Urlaub 09.03.2026–13.03.2026"), "\(after.body)")
            // Half a vacation is refused next to the form and changes nothing.
            let half = try await browser.post("/settings/week", ["first": "2026-04-01"])
            #expect(half.status == .unprocessableContent)
            // The users page stays the owner's.
            #expect(try await browser.get("/settings/users").status == .forbidden)
        }
        let anna = try #require(try await book.kontor.webUser(name: "anna")?.capacity)
        #expect(anna.hoursPerWeekday == [3000, 3000, 3000, 3000, 0, 0, 0] && anna.vacations.count == 1)
        #expect(try await book.kontor.webUser(name: "tom")?.capacity == nil)
        try await RoleTests.signedIn(book, as: "anna") { browser in
            let reset = try await browser.post("/settings/week", ["reset": "1"])
            #expect(reset.status == .seeOther)
        }
        #expect(try await book.kontor.webUser(name: "anna")?.capacity == nil)
        // At the machine (no one signed in) the book's own times are in the settings.
        try await withBrowser(book) { browser in
            #expect(try await browser.get("/settings/week").location == "/settings#hours")
            _ = try await browser.get("/settings")
            #expect(try await browser.post("/settings/week", ["hours": "1,1,1,1,1,0,0"]).status == .badRequest)
        }
    }
}
