import Foundation
import Hummingbird
import HummingbirdTesting
import KontorApp
import KontorCore
import KontorWeb
import Testing

/// Several people in one book (issue 17 part 4): what each role may do in the web app, answered 403 with nothing
/// changed when it may not, and who approved a Mahnung.
struct RoleTests {
    static let password = "richtig-geheim"

    /// A book with an owner (ines), a writer (anna) and an assistant (tom), a customer, a draft invoice and a
    /// Mahnung draft on an older, long overdue invoice.
    static func sharedBook() async throws -> (book: Book, customer: Customer, draft: Invoice, letter: DunningLetter) {
        let book = try await Book()
        for (name, role) in [("ines", Role.owner), ("anna", .writer), ("tom", .assistant)] {
            _ = try await book.kontor.setPassword(user: name, password: password, role: role, on: Book.today) {
                WebPasswords.hash($0, cost: 4)
            }
        }
        let customer = try await book.customer()
        _ = try await book.issuedInvoice(for: customer, on: Day("2026-01-05")!)
        _ = try await book.kontor.runReminders(today: Book.today)
        let letter = try #require(try await book.kontor.reminders(status: .draft).first)
        let draft = try await book.kontor.draftInvoice(from: .customer(customer.id), on: Book.today)
        _ = try await book.kontor.addInvoiceLine("\(draft.id)", line: DocumentLine(
            description: "Pressetext", quantity: Quantity(1), unit: .flat, unitPrice: try UnitPrice(parsing: "300"),
            vatRate: .standard))
        return (book, customer, draft, letter)
    }

    /// The web app listening beyond this machine, so that it asks for a login.
    static func signedIn(
        _ book: Book, as name: String, language: String = "de-DE,de;q=0.9",
        _ body: @escaping @Sendable (inout Browser) async throws -> Void
    ) async throws {
        let configuration = WebConfiguration(
            host: "0.0.0.0", kontor: book.kontor, today: { Book.today }, bcryptCost: 4)
        try await Application(router: try await buildRouter(configuration)).test(.router) { client in
            var browser = Browser(client)
            browser.acceptLanguage = language
            try await browser.get("/login")
            let login = try await browser.post("/login", ["user": name, "password": password, "next": "/"])
            #expect(login.status == .seeOther, "\(login)")
            // The signed-in session has its own CSRF token: read it from a page, as the browser would.
            #expect(try await browser.get("/").status == .ok)
            try await body(&browser)
        }
    }

    @Test func aWriterCannotIssueOrApproveAndNothingChanges() async throws {
        let (book, customer, draft, letter) = try await RoleTests.sharedBook()
        try await RoleTests.signedIn(book, as: "anna") { browser in
            // The writer reads the book and works on drafts; the header names her role …
            let page = try await browser.get("/invoices/\(draft.id)")
            #expect(page.status == .ok && page.contains("Abmelden (anna · Autor)"))
            // … but neither the issue confirmation nor the issue itself are hers: 403 with the reason, in German.
            let confirmation = try await browser.get("/invoices/\(draft.id)/issue")
            #expect(confirmation.status == .forbidden)
            let issue = try await browser.post("/invoices/\(draft.id)/issue", ["number": "2026-0002"])
            #expect(issue.status == .forbidden)
            #expect(issue.contains("Abgelehnt"))
            #expect(issue.contains("Als Autor dürfen Sie das nicht: Rechnungen ausstellen oder stornieren"))
            let approve = try await browser.post("/dunning/\(letter.id)/approve")
            #expect(approve.status == .forbidden)
            #expect(approve.contains("Mahnungen freigeben oder versenden"))
            for (path, fields) in [
                ("/mail/compose/reminder/\(letter.id)", [:]), ("/invoices/\(draft.id)/payments", ["amount": "10"]),
                ("/settings/profile", ["name": "Anna übernimmt"]),
            ] {
                let refused = try await browser.post(path, fields)
                #expect(refused.status == .forbidden && refused.contains("Als Autor dürfen Sie das nicht"), "\(path)")
            }
        }
        #expect(try await book.kontor.invoice("\(draft.id)").number == nil)
        #expect(try await book.kontor.reminder(id: letter.id).status == .draft)
        #expect(try await book.kontor.payments(customerId: customer.id).isEmpty)
        #expect(try await book.kontor.profile().name == "Schreibbüro Kontor")
        #expect(try await book.kontor.invoices(InvoiceQuery()).filter { $0.number != nil }.count == 1)
    }

    @Test func theRefusalIsWordedInEnglishToo() async throws {
        let (book, _, draft, _) = try await RoleTests.sharedBook()
        try await RoleTests.signedIn(book, as: "anna", language: "en-GB,en;q=0.9") { browser in
            let issue = try await browser.post("/invoices/\(draft.id)/issue", ["number": "2026-0002"])
            #expect(issue.status == .forbidden)
            #expect(issue.contains("Refused"))
            #expect(issue.contains("As writer you may not do this: issue or cancel invoices"), "\(issue.body)")
        }
    }

    @Test func anAssistantBooksAPaymentButCannotIssue() async throws {
        let (book, customer, draft, letter) = try await RoleTests.sharedBook()
        let issued = try #require(try await book.kontor.invoices(InvoiceQuery()).first { $0.number != nil })
        try await RoleTests.signedIn(book, as: "tom") { browser in
            let paid = try await browser.post("/invoices/\(issued.number!)/payments", ["amount": "100"])
            #expect(paid.status == .seeOther, "\(paid.body)")
            let issue = try await browser.post("/invoices/\(draft.id)/issue", ["number": "2026-0002"])
            #expect(issue.status == .forbidden && issue.contains("Als Assistenz dürfen Sie das nicht"))
            let approve = try await browser.post("/dunning/\(letter.id)/approve")
            #expect(approve.status == .forbidden && approve.contains("Mahnungen freigeben oder versenden"))
            // Dunning drafts are the assistant's: skipping one is allowed.
            #expect(try await browser.post("/dunning/\(letter.id)/skip").status == .seeOther)
        }
        #expect(try await book.kontor.payments(customerId: customer.id).map(\.amount) == [Money(cents: 100_00)])
        #expect(try await book.kontor.invoice("\(draft.id)").number == nil)
        #expect(try await book.kontor.reminder(id: letter.id).status == .skipped)
    }

    @Test func theOwnerIssuesAndApprovesAndTheApprovalNamesHer() async throws {
        let (book, customer, draft, letter) = try await RoleTests.sharedBook()
        try await RoleTests.signedIn(book, as: "ines") { browser in
            let confirmation = try await browser.get("/invoices/\(draft.id)/issue")
            #expect(confirmation.status == .ok)
            let number = try #require(RoleTests.hiddenNumber(confirmation.body))
            #expect(try await browser.post("/invoices/\(draft.id)/issue", ["number": number]).status == .seeOther)
            #expect(try await browser.post("/dunning/\(letter.id)/approve").status == .seeOther)
            #expect(try await browser.post("/invoices/\(number)/payments", ["amount": "50"]).status == .seeOther)
            let shown = try await browser.get("/dunning/\(letter.id)")
            #expect(shown.contains("Freigegeben von"))
            #expect(shown.contains("ines"))
            let timeline = try await browser.get("/customers/\(customer.id)")
            #expect(timeline.contains("freigegeben von ines"), "\(timeline)")
        }
        #expect(try await book.kontor.invoice("\(draft.id)").number != nil)
        let approved = try await book.kontor.reminder(id: letter.id)
        #expect(approved.status == .sent && approved.approvedBy == "ines")
    }

    @Test func aBookWithoutUsersAllowsEverythingAsBefore() async throws {
        // Given the single-user book on this machine: no users, no login
        let book = try await Book()
        let customer = try await book.customer()
        _ = try await book.issuedInvoice(for: customer, on: Day("2026-01-05")!)
        _ = try await book.kontor.runReminders(today: Book.today)
        let letter = try #require(try await book.kontor.reminders(status: .draft).first)
        try await withBrowser(book) { browser in
            // When the Mahnung is approved without anyone signing in
            let approve = try await browser.post("/dunning/\(letter.id)/approve")
            #expect(approve.status == .seeOther)
            // Then it is approved, and no name is claimed for it
            let shown = try await browser.get("/dunning/\(letter.id)")
            #expect(shown.status == .ok && !shown.contains("Freigegeben von"))
        }
        let approved = try await book.kontor.reminder(id: letter.id)
        #expect(approved.status == .sent && approved.approvedBy == nil)
    }

    @Test func theUseCasesRefuseTooWhenTheRouteCheckIsBypassed() async throws {
        let (book, customer, draft, letter) = try await RoleTests.sharedBook()
        let issued = try #require(try await book.kontor.invoices(InvoiceQuery()).first { $0.number != nil })
        await #expect(throws: AccessError.notAllowed(.issueInvoice, role: .writer)) {
            try await BookActor.signedIn("anna", role: .writer) {
                try await book.kontor.issueInvoice("\(draft.id)", on: Book.today)
            }
        }
        await #expect(throws: AccessError.notAllowed(.approveDunning, role: .assistant)) {
            try await BookActor.signedIn("tom", role: .assistant) {
                try await book.kontor.approveReminder(id: letter.id, on: Book.today)
            }
        }
        await #expect(throws: AccessError.notAllowed(.bookPayments, role: .writer)) {
            try await BookActor.signedIn("anna", role: .writer) {
                try await book.kontor.addPayment(invoice: issued.number!, amount: Money(cents: 1_00), on: Book.today)
            }
        }
        // A refused issue took no number: the owner's issue gets the next one without a gap.
        let next = try await BookActor.signedIn("ines", role: .owner) {
            try await book.kontor.issueInvoice("\(draft.id)", on: Book.today)
        }
        #expect(next.number == "2026-0002")
        #expect(try await book.kontor.payments(customerId: customer.id).isEmpty)
    }

    @Test func theLastOwnerStaysAnOwnerAndNewUsersAreWriters() async throws {
        let book = try await Book()
        let password = RoleTests.password
        let hash: @Sendable (String) -> String = { WebPasswords.hash($0, cost: 4) }
        let first = try await book.kontor.setPassword(user: "ines", password: password, on: Book.today, hash: hash)
        #expect(first.role == .owner)
        let second = try await book.kontor.setPassword(user: "anna", password: password, on: Book.today, hash: hash)
        #expect(second.role == .writer)
        await #expect(throws: AccessError.lastOwner(name: "ines")) {
            try await book.kontor.setRole(user: "ines", to: .assistant)
        }
        await #expect(throws: AccessError.lastOwner(name: "ines")) {
            try await book.kontor.setPassword(
                user: "ines", password: password, role: .writer, on: Book.today, hash: hash)
        }
        // With a second owner the first may step down; a new password keeps the role.
        _ = try await book.kontor.setRole(user: "anna", to: .owner)
        #expect(try await book.kontor.setRole(user: "ines", to: .assistant).role == .assistant)
        let again = try await book.kontor.setPassword(
            user: "ines", password: "noch-geheimer", on: Book.today, hash: hash)
        #expect(again.role == .assistant)
        let users = try await book.kontor.webUsers().map { "\($0.name):\($0.role.rawValue)" }
        #expect(users == ["anna:owner", "ines:assistant"])
        // Only an owner manages users.
        await #expect(throws: AccessError.notAllowed(.manageUsers, role: .assistant)) {
            try await BookActor.signedIn("ines", role: .assistant) {
                try await book.kontor.setRole(user: "anna", to: .writer)
            }
        }
    }

    @Test func theOwnerSetsRolesOnTheUsersPageAndOnlyTheOwner() async throws {
        let (book, _, _, _) = try await RoleTests.sharedBook()
        try await RoleTests.signedIn(book, as: "anna") { browser in
            #expect(try await browser.get("/settings/users").status == .forbidden)
            let refused = try await browser.post("/settings/users/role", ["name": "anna", "role": "owner"])
            #expect(refused.status == .forbidden && refused.contains("Benutzer verwalten"))
        }
        #expect(try await book.kontor.webUser(name: "anna")?.role == .writer)
        try await RoleTests.signedIn(book, as: "ines") { browser in
            let page = try await browser.get("/settings/users")
            #expect(page.status == .ok && page.contains("<td>tom</td><td>Assistenz</td>"), "\(page)")
            let changed = try await browser.post("/settings/users/role", ["name": "anna", "role": "assistant"])
            #expect(changed.status == .seeOther)
            #expect(try await browser.get("/settings/users").contains("„anna“ ist jetzt Assistenz."))
            // The only owner cannot step down: 409 with the reason, and she stays the owner.
            let demoted = try await browser.post("/settings/users/role", ["name": "ines", "role": "writer"])
            #expect(demoted.status == .conflict && demoted.contains("einzige Inhaberin"))
        }
        #expect(try await book.kontor.webUser(name: "anna")?.role == .assistant)
        #expect(try await book.kontor.webUser(name: "ines")?.role == .owner)
    }

    static func hiddenNumber(_ body: String) -> String? {
        let pattern = #"name="number" value="[^"]+""#
        guard let range = body.range(of: pattern, options: .regularExpression) else { return nil }
        return String(body[range].dropFirst(#"name="number" value=""#.count).dropLast())
    }
}

/// In an agency a writer's invoice drafts are theirs: a writer changes and deletes only the drafts they drafted,
/// the owner every draft (issue 17).
struct DraftOwnershipTests {
    static let line = ["description": "Pressetext", "quantity": "1", "unit": "flat", "price": "200", "vat": "19"]

    @Test func aWriterChangesOnlyTheirOwnDrafts() async throws {
        let (book, customer, ownersDraft, _) = try await RoleTests.sharedBook()
        _ = try await book.kontor.setPassword(
            user: "ben", password: RoleTests.password, role: .writer, on: Book.today
        ) { WebPasswords.hash($0, cost: 4) }
        try await RoleTests.signedIn(book, as: "anna") { browser in
            // Her own draft: made, and changed.
            let made = try await browser.post("/invoices", ["customer": "\(customer.id)"])
            #expect(made.status == .seeOther, "\(made.body)")
            let drafts = try await book.kontor.invoices(InvoiceQuery(status: .draft))
            let annas = try #require(drafts.first { $0.draftedBy == "anna" })
            #expect(try await browser.post("/invoices/\(annas.id)/lines", Self.line).status == .seeOther)
            // The owner's draft (drafted at the machine): refused, saying whose it is.
            let refused = try await browser.post("/invoices/\(ownersDraft.id)/lines", Self.line)
            #expect(refused.status == .forbidden)
            #expect(refused.contains("Diesen Rechnungsentwurf hat die Inhaberin oder der Inhaber des Kontors angelegt"))
            let deletion = try await browser.post("/invoices/\(ownersDraft.id)/delete")
            #expect(deletion.status == .forbidden)
        }
        let annas = try #require(try await book.kontor.invoices(InvoiceQuery(status: .draft)).first {
            $0.draftedBy == "anna"
        })
        #expect(annas.lines.count == 1)
        #expect(try await book.kontor.invoice("\(ownersDraft.id)").lines.count == 1, "the owner's draft is unchanged")
        // Another writer may not change Anna's draft; the owner may.
        try await RoleTests.signedIn(book, as: "ben") { browser in
            let refused = try await browser.post("/invoices/\(annas.id)/lines/1/remove")
            #expect(refused.status == .forbidden)
            #expect(refused.contains("Diesen Rechnungsentwurf hat „anna“ angelegt"))
        }
        try await RoleTests.signedIn(book, as: "ines") { browser in
            let added = try await browser.post("/invoices/\(annas.id)/lines", Self.line)
            #expect(added.status == .seeOther)
        }
        #expect(try await book.kontor.invoice("\(annas.id)").lines.count == 2)
    }

    @Test func theRuleIsOneTable() {
        #expect(Role.owner.mayChangeDraft(draftedBy: nil, signedInAs: "ines"))
        #expect(Role.owner.mayChangeDraft(draftedBy: "anna", signedInAs: "ines"))
        #expect(Role.writer.mayChangeDraft(draftedBy: "anna", signedInAs: "anna"))
        #expect(!Role.writer.mayChangeDraft(draftedBy: "anna", signedInAs: "ben"))
        #expect(!Role.writer.mayChangeDraft(draftedBy: nil, signedInAs: "anna"))
        #expect(!Role.assistant.mayChangeDraft(draftedBy: "tom", signedInAs: "tom"))
    }
}
