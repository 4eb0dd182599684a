import Foundation
import HTTPTypes
import KontorApp
import KontorCore
import Testing

/// A quote with two lines (the second with a wrong price), answering an inquiry.
private func quoteWithTwoLines(_ book: Book, customer: Customer) async throws -> Quote {
    let inquiry = try await book.kontor.addInquiry(
        from: .customer(customer.id), channel: .email, receivedOn: Book.today, subject: "Website").inquiry
    let quote = try await book.kontor.addQuote(
        customerId: customer.id, inquiryId: inquiry.id, title: "Website-Texte", on: Book.today, validUntil: nil,
        paymentTermDays: 14)
    _ = try await book.kontor.addQuoteLine(quoteId: quote.id, line: DocumentLine(
        description: "Startseite", quantity: Quantity(1), unit: .flat, unitPrice: try UnitPrice(parsing: "300"),
        vatRate: .standard))
    return try await book.kontor.addQuoteLine(quoteId: quote.id, line: DocumentLine(
        description: "Blogtexte", quantity: Quantity(2000), unit: .word, unitPrice: try UnitPrice(parsing: "1,30"),
        vatRate: .standard))
}

/// The quote page's line editor and fields, and deleting a quote after "wirklich löschen?".
struct QuoteEditTests {
    @Test func aWrongLineIsFixedMovedAndRemoved() async throws {
        let book = try await Book()
        let quote = try await quoteWithTwoLines(book, customer: try await book.customer())
        try await withBrowser(book) { browser in
            let page = try await browser.get("/quotes/\(quote.id)")
            #expect(page.contains("href=\"/quotes/\(quote.id)/lines/2/edit\""))
            #expect(page.contains("action=\"/quotes/\(quote.id)/lines/1/move\""))
            #expect(page.contains("aria-label=\"Position 2 nach oben\""))
            // The edit form shows the line as typed, in German
            let form = try await browser.get("/quotes/\(quote.id)/lines/2/edit")
            #expect(form.status == .ok)
            #expect(form.contains("value=\"1,30\"") && form.contains("value=\"2000\""))
            // A bad price comes back with the message; nothing changed
            let bad = try await browser.post("/quotes/\(quote.id)/lines/2/edit", [
                "description": "Blogtexte", "quantity": "2000", "unit": "word", "price": "zwölf", "vat": "19",
            ])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.contains("value=\"zwölf\""))
            #expect(try await book.kontor.quote(id: quote.id).lines == quote.lines)
            // The fix
            let fixed = try await browser.post("/quotes/\(quote.id)/lines/2/edit", [
                "description": "Blogtexte", "quantity": "2000", "unit": "word", "price": "0,13", "vat": "19",
            ])
            #expect(fixed.status == .seeOther)
            #expect(fixed.location == "/quotes/\(quote.id)#h-lines")
            var stored = try await book.kontor.quote(id: quote.id)
            #expect(stored.lines[1].unitPrice == (try UnitPrice(parsing: "0,13")))
            #expect(stored.net == Money(cents: 56_000))
            #expect(try await browser.get("/quotes/\(quote.id)").contains("Position gespeichert."))
            // Down, then remove
            #expect(try await browser.post("/quotes/\(quote.id)/lines/1/move", ["to": "2"]).status == .seeOther)
            stored = try await book.kontor.quote(id: quote.id)
            #expect(stored.lines.map(\.description) == ["Blogtexte", "Startseite"])
            #expect(try await browser.post("/quotes/\(quote.id)/lines/2/remove").status == .seeOther)
            #expect(try await book.kontor.quote(id: quote.id).lines.map(\.description) == ["Blogtexte"])
            // Positions that are not there
            #expect(try await browser.get("/quotes/\(quote.id)/lines/5/edit").status == .notFound)
            #expect(try await browser.get("/quotes/\(quote.id)/lines/x/edit").status == .notFound)
            let nowhere = try await browser.post("/quotes/\(quote.id)/lines/1/move", ["to": "4"])
            #expect(nowhere.status == .unprocessableContent)
            #expect(nowhere.contains("Es gibt keine Position"))
            #expect(try await browser.post("/quotes/99/lines/1/remove").status == .notFound)
            #expect(try await book.kontor.quote(id: quote.id).lines.map(\.description) == ["Blogtexte"])
        }
    }

    @Test func fieldsAreEditedAndChecked() async throws {
        let book = try await Book()
        let quote = try await quoteWithTwoLines(book, customer: try await book.customer())
        try await withBrowser(book) { browser in
            let form = try await browser.get("/quotes/\(quote.id)/edit")
            #expect(form.contains("value=\"Website-Texte\"") && form.contains("value=\"14\""))
            // The quote answers an inquiry: its customer is fixed, so the form does not offer it
            #expect(!form.contains("name=\"customer\""))
            let early = try await browser.post("/quotes/\(quote.id)/edit", [
                "title": "Website", "validUntil": "2026-03-01", "paymentTerm": "14", "revisions": "2",
            ])
            #expect(early.status == .unprocessableContent)
            #expect(early.contains("liegt vor dem Angebotsdatum"))
            #expect(try await book.kontor.quote(id: quote.id) == quote)
            let saved = try await browser.post("/quotes/\(quote.id)/edit", [
                "title": "Website, neu", "validUntil": "2026-04-15", "paymentTerm": "21", "revisions": "3",
            ])
            #expect(saved.location == "/quotes/\(quote.id)")
            let stored = try await book.kontor.quote(id: quote.id)
            #expect(stored.title == "Website, neu" && stored.validUntil == Day("2026-04-15")!)
            #expect(stored.paymentTermDays == 21 && stored.includedRevisions == 3)
            #expect(try await browser.get("/quotes/99/edit").status == .notFound)
        }
    }

    @Test func deleteAsksFirstAndGivesTheInquiryBack() async throws {
        let book = try await Book()
        let quote = try await quoteWithTwoLines(book, customer: try await book.customer())
        try await withBrowser(book) { browser in
            #expect(try await browser.get("/quotes/\(quote.id)").contains("href=\"/quotes/\(quote.id)/delete\""))
            let confirm = try await browser.get("/quotes/\(quote.id)/delete")
            #expect(confirm.status == .ok)
            #expect(confirm.contains("Angebot „Website-Texte“ wirklich löschen?"))
            #expect(confirm.contains("action=\"/quotes/\(quote.id)/delete\""))
            // The GET deleted nothing; a POST without the token neither
            let forged = try await browser.post("/quotes/\(quote.id)/delete", csrf: .some(nil))
            #expect(forged.status == .forbidden)
            #expect(try await book.kontor.quotes().count == 1)
            let deleted = try await browser.post("/quotes/\(quote.id)/delete")
            #expect(deleted.location == "/quotes")
            #expect(try await browser.get("/quotes").contains("Die Anfrage gilt wieder als beantwortet"))
            #expect(try await book.kontor.quotes().isEmpty)
            let inquiry = try #require(quote.inquiryId)
            #expect(try await book.kontor.inquiry(id: inquiry).inquiry.status == .answered)
            #expect(try await browser.post("/quotes/\(quote.id)/delete").status == .notFound)
        }
    }

    @Test func anAcceptedQuoteIsNeitherEditedNorDeleted() async throws {
        let book = try await Book()
        let quote = try await quoteWithTwoLines(book, customer: try await book.customer())
        _ = try await book.kontor.acceptQuote(id: quote.id, on: Book.today)
        try await withBrowser(book) { browser in
            let page = try await browser.get("/quotes/\(quote.id)")
            #expect(!page.contains("/lines/1/edit") && !page.contains("/quotes/\(quote.id)/delete"))
            let refused = try await browser.post("/quotes/\(quote.id)/delete")
            #expect(refused.status == .conflict)
            #expect(refused.contains("Angebot 1 wurde angenommen"))
            #expect(try await browser.post("/quotes/\(quote.id)/lines/1/remove").status == .conflict)
            #expect(try await browser.get("/quotes/\(quote.id)/edit").status == .conflict)
            #expect(try await book.kontor.quote(id: quote.id).lines.count == 2)
        }
    }
}

/// The draft page's line editor and fields, deleting a draft, and issuing only after the confirmation.
struct InvoiceDraftEditTests {
    func draft(_ book: Book, customer: Customer) async throws -> Invoice {
        let draft = try await book.kontor.draftInvoice(from: .customer(customer.id), on: Book.today)
        _ = try await book.kontor.addInvoiceLine("\(draft.id)", line: DocumentLine(
            description: "Fachartikel", quantity: Quantity(1), unit: .flat, unitPrice: try UnitPrice(parsing: "500"),
            vatRate: .standard))
        return try await book.kontor.addInvoiceLine("\(draft.id)", line: DocumentLine(
            description: "Lektorat", quantity: Quantity(2), unit: .hour, unitPrice: try UnitPrice(parsing: "60"),
            vatRate: .standard))
    }

    @Test func linesAndFieldsOfADraftChange() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        let other = try await book.customer("Verlag Süd", email: "sued@example.de")
        let draft = try await draft(book, customer: customer)
        try await withBrowser(book) { browser in
            let page = try await browser.get("/invoices/\(draft.id)")
            #expect(page.contains("href=\"/invoices/\(draft.id)/lines/2/edit\""))
            #expect(page.contains("href=\"/invoices/\(draft.id)/issue\""))
            #expect(!page.contains("action=\"/invoices/\(draft.id)/issue\""))
            let edited = try await browser.post("/invoices/\(draft.id)/lines/2/edit", [
                "description": "Lektorat", "quantity": "3", "unit": "hour", "price": "60", "vat": "7",
            ])
            #expect(edited.status == .seeOther)
            var stored = try await book.kontor.invoice("\(draft.id)")
            #expect(stored.lines[1].quantity == Quantity(3) && stored.lines[1].vatRate == .reduced)
            #expect(try await browser.post("/invoices/\(draft.id)/lines/2/move", ["to": "1"]).status == .seeOther)
            #expect(try await browser.post("/invoices/\(draft.id)/lines/2/remove").status == .seeOther)
            stored = try await book.kontor.invoice("\(draft.id)")
            #expect(stored.lines.map(\.description) == ["Lektorat"])
            // Fields, with another customer (a draft with free lines may change it)
            let form = try await browser.get("/invoices/\(draft.id)/edit")
            #expect(form.contains("name=\"customer\""))
            let bad = try await browser.post("/invoices/\(draft.id)/edit", [
                "customer": "\(other.id)", "serviceFrom": "2026-02-10", "serviceTo": "2026-02-01", "paymentTerm": "14",
            ])
            #expect(bad.status == .unprocessableContent)
            #expect(try await book.kontor.invoice("\(draft.id)") == stored)
            let saved = try await browser.post("/invoices/\(draft.id)/edit", [
                "customer": "\(other.id)", "serviceFrom": "2026-02-01", "serviceTo": "2026-02-10", "paymentTerm": "21",
            ])
            #expect(saved.location == "/invoices/\(draft.id)")
            stored = try await book.kontor.invoice("\(draft.id)")
            #expect(stored.customerId == other.id && stored.paymentTermDays == 21)
            #expect(stored.serviceFrom == Day("2026-02-01")! && stored.serviceTo == Day("2026-02-10")!)
            // Without the token nothing happens
            let forged = try await browser.post("/invoices/\(draft.id)/lines/1/remove", csrf: .some(nil))
            #expect(forged.status == .forbidden)
            #expect(try await book.kontor.invoice("\(draft.id)").lines.count == 1)
            #expect(try await browser.get("/invoices/999/edit").status == .notFound)
            #expect(try await browser.post("/invoices/999/lines/1/move", ["to": "1"]).status == .notFound)
        }
    }

    @Test func deletingADraftAsksFirstAndLeavesNoGap() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        let spare = try await draft(book, customer: customer)
        let kept = try await draft(book, customer: customer)
        try await withBrowser(book) { browser in
            #expect(try await browser.get("/invoices/\(spare.id)").contains("href=\"/invoices/\(spare.id)/delete\""))
            let confirm = try await browser.get("/invoices/\(spare.id)/delete")
            #expect(confirm.contains("Entwurf \(spare.id) wirklich löschen?"))
            #expect(confirm.contains("es entsteht keine Lücke"))
            #expect(try await browser.post("/invoices/\(spare.id)/delete", csrf: .some(nil)).status == .forbidden)
            #expect(try await book.kontor.invoices(InvoiceQuery(status: .draft)).count == 2)
            let deleted = try await browser.post("/invoices/\(spare.id)/delete")
            #expect(deleted.location == "/invoices?filter=drafts")
            #expect(try await book.kontor.invoices(InvoiceQuery(status: .draft)).map(\.id) == [kept.id])
            #expect(try await browser.get("/invoices/\(spare.id)").status == .notFound)
            #expect(try await browser.post("/invoices/\(spare.id)/delete").status == .notFound)
            // The next invoice still gets the first number
            _ = try await browser.post("/invoices/\(kept.id)/issue", ["number": "2026-0001"])
            #expect(try await book.kontor.invoice("\(kept.id)").number == "2026-0001")
            // Issued invoices are refused with the cancellation path
            let refused = try await browser.post("/invoices/2026-0001/delete")
            #expect(refused.status == .conflict)
            #expect(refused.contains("per Stornorechnung"))
            #expect(try await browser.get("/invoices/2026-0001/delete").status == .conflict)
            #expect(try await browser.post("/invoices/2026-0001/lines/1/edit", [
                "description": "x", "quantity": "1", "unit": "flat", "price": "1", "vat": "19",
            ]).status == .conflict)
        }
    }

    @Test func issuingShowsTheNumberFirstAndOnlyThePostFromThereIssues() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        _ = try await book.issuedInvoice(for: customer)
        let draft = try await draft(book, customer: customer)
        try await withBrowser(book) { browser in
            let confirm = try await browser.get("/invoices/\(draft.id)/issue")
            #expect(confirm.status == .ok)
            #expect(confirm.contains("Rechnung 2026-0002 ausstellen?"))
            #expect(confirm.contains("name=\"number\" value=\"2026-0002\""))
            #expect(confirm.contains(
                "Nach dem Ausstellen kann die Rechnung nicht mehr geändert werden, nur storniert."))
            #expect(confirm.contains("737,80 €"))
            // Looking did not take the number, and a POST without the confirmed number only leads to the page
            #expect(try await book.kontor.invoice("\(draft.id)").number == nil)
            let unconfirmed = try await browser.post("/invoices/\(draft.id)/issue")
            #expect(unconfirmed.status == .seeOther && unconfirmed.location == "/invoices/\(draft.id)/issue")
            #expect(try await browser.post("/invoices/\(draft.id)/issue", ["number": "2026-0002"], csrf: .some(nil))
                .status == .forbidden)
            #expect(try await book.kontor.invoice("\(draft.id)").number == nil)
            // A number that is no longer the next one shows the confirmation again
            let stale = try await browser.post("/invoices/\(draft.id)/issue", ["number": "2026-0001"])
            #expect(stale.status == .conflict)
            #expect(stale.contains("Inzwischen ist 2026-0002 die nächste Nummer."))
            #expect(try await book.kontor.invoice("\(draft.id)").number == nil)
            let issued = try await browser.post("/invoices/\(draft.id)/issue", ["number": "2026-0002"])
            #expect(issued.location == "/invoices/2026-0002")
            #expect(try await book.kontor.invoice("2026-0002").totals.gross == Money(cents: 73_780))
            // An issued invoice has nothing to confirm any more
            #expect(try await browser.get("/invoices/2026-0002/issue").location == "/invoices/2026-0002")
            #expect(try await browser.get("/invoices/777/issue").status == .notFound)
        }
    }

    @Test func englishConfirmation() async throws {
        let book = try await Book()
        let draft = try await draft(book, customer: try await book.customer())
        try await withBrowser(book) { browser in
            browser.acceptLanguage = "en-US,en;q=0.9"
            let confirm = try await browser.get("/invoices/\(draft.id)/issue")
            #expect(confirm.contains("Issue invoice 2026-0001?"))
            #expect(confirm.contains("Once issued, the invoice can no longer be changed, only cancelled."))
        }
    }

    @Test func anEmptyDraftCannotBeConfirmed() async throws {
        let book = try await Book()
        let empty = try await book.kontor.draftInvoice(from: .customer(try await book.customer().id), on: Book.today)
        try await withBrowser(book) { browser in
            let page = try await browser.get("/invoices/\(empty.id)/issue")
            #expect(page.location == "/invoices/\(empty.id)")
            #expect(try await browser.get("/invoices/\(empty.id)").contains("hat noch keine Positionen. Fügen Sie zuerst eine hinzu."))
        }
    }
}

/// The edit forms of jobs and inquiries.
struct JobInquiryEditTests {
    @Test func aJobsMovedDeadlineShowsInTheTimeline() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        let job = try await book.kontor.addJob(
            customerId: customer.id, title: "Broschüre", on: Book.today, effortHours: Quantity(6),
            deadline: Day("2026-03-10")!)
        try await withBrowser(book) { browser in
            #expect(try await browser.get("/jobs/\(job.id)").contains("href=\"/jobs/\(job.id)/edit\""))
            let form = try await browser.get("/jobs/\(job.id)/edit")
            #expect(form.contains("value=\"2026-03-10\"") && form.contains("value=\"6\""))
            let bad = try await browser.post("/jobs/\(job.id)/edit", ["title": "", "deadline": "10.03."])
            #expect(bad.status == .unprocessableContent)
            #expect(try await book.kontor.job(id: job.id) == job)
            let forged = try await browser.post("/jobs/\(job.id)/edit", ["title": "x"], csrf: .some(nil))
            #expect(forged.status == .forbidden)
            let saved = try await browser.post("/jobs/\(job.id)/edit", [
                "title": "Imagebroschüre", "deadline": "2026-03-17", "effort": "7,5",
            ])
            #expect(saved.location == "/jobs/\(job.id)")
            let stored = try await book.kontor.job(id: job.id)
            #expect(stored.title == "Imagebroschüre" && stored.deadline == Day("2026-03-17")!)
            #expect(stored.effortHours == (try Quantity(parsing: "7,5")))
            let timeline = try await browser.get("/customers/\(customer.id)")
            #expect(timeline.contains("Termin verschoben vom 10.03.2026 auf den 17.03.2026"))
            #expect(try await browser.get("/jobs/99/edit").status == .notFound)
            // Accepted: closed
            _ = try await book.kontor.advanceJob(id: job.id, to: .delivered, on: Book.today)
            _ = try await book.kontor.advanceJob(id: job.id, to: .accepted, on: Book.today)
            #expect(try await browser.get("/jobs/\(job.id)/edit").status == .conflict)
            #expect(try await browser.post("/jobs/\(job.id)/edit", ["title": "Neu"]).status == .conflict)
        }
    }

    @Test func anInquiryIsCorrected() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        let inquiry = try await book.kontor.addInquiry(
            from: .customer(customer.id), channel: .email, receivedOn: Book.today, subject: "Flyr",
            note: "per Mail").inquiry
        try await withBrowser(book) { browser in
            #expect(try await browser.get("/inquiries").contains("href=\"/inquiries/\(inquiry.id)/edit\""))
            let form = try await browser.get("/inquiries/\(inquiry.id)/edit")
            #expect(form.contains("value=\"Flyr\""))
            let bad = try await browser.post("/inquiries/\(inquiry.id)/edit", ["subject": "", "channel": "email"])
            #expect(bad.status == .unprocessableContent)
            let saved = try await browser.post("/inquiries/\(inquiry.id)/edit", [
                "subject": "Flyer", "channel": "phone", "size": "2", "unit": "page", "deadline": "2026-03-20",
                "note": "",
            ])
            #expect(saved.status == .seeOther)
            let stored = try await book.kontor.inquiry(id: inquiry.id).inquiry
            #expect(stored.subject == "Flyer" && stored.channel == .phone && stored.note == nil)
            #expect(stored.size == WorkSize(quantity: Quantity(2), unit: .page))
            #expect(stored.wishedDeadline == Day("2026-03-20")!)
            #expect(try await browser.post("/inquiries/\(inquiry.id)/edit", ["subject": "x", "channel": "email"],
                                           csrf: .some(nil)).status == .forbidden)
            let unknown = try await browser.post("/inquiries/42/edit", ["subject": "x", "channel": "email"])
            #expect(unknown.status == .notFound)
            _ = try await book.kontor.closeInquiry(id: inquiry.id, won: false, on: Book.today)
            #expect(try await browser.get("/inquiries/\(inquiry.id)/edit").status == .conflict)
        }
    }
}
