import HTTPTypes
import Foundation
import KontorApp
import KontorCore
import Testing

/// The way a job goes, through the web app: inquiry, quote, job, invoice, payment.
struct WorkflowTests {
    @Test func inquiryBoardAnswerWinLose() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            // When an e-mail inquiry from an unknown sender is recorded
            let created = try await browser.post("/inquiries", [
                "name": "Café Morgenrot", "email": "hallo@morgenrot.example", "kind": "business", "channel": "email",
                "received": "2026-02-27", "subject": "Speisekarte texten", "size": "800", "unit": "word",
            ])
            #expect(created.status == .seeOther)
            // Then the sender is a prospect and the inquiry is open
            let customers = try await book.kontor.customers()
            #expect(customers.map(\.name) == ["Café Morgenrot"])
            #expect(customers[0].status == .prospect)
            let inquiry = try #require(try await book.kontor.inquiries().first?.inquiry)
            #expect(inquiry.status == .open)
            let board = try await browser.get("/inquiries")
            #expect(board.contains("Speisekarte texten"))
            #expect(board.contains("wartet seit 3 Tagen"))
            #expect(board.contains("Anfrage von Café Morgenrot erfasst") || board.contains("als Interessent angelegt"))
            // When it is answered in place
            let answered = try await browser.post("/inquiries/\(inquiry.id)/answer", ["note": "Termin KW 11 angeboten"])
            #expect(answered.status == .seeOther)
            #expect(try await book.kontor.inquiry(id: inquiry.id).inquiry.status == .answered)
            // Then answering again is refused with a page that says why
            let again = try await browser.post("/inquiries/\(inquiry.id)/answer")
            #expect(again.status == .conflict)
            #expect(again.contains("bereits „beantwortet“"))
            // When it is won, the prospect becomes a new customer
            #expect(try await browser.post("/inquiries/\(inquiry.id)/win").status == .seeOther)
            #expect(try await book.kontor.customers()[0].status == .new)
            // And a second inquiry can be lost
            _ = try await browser.post("/inquiries", [
                "customer": "\(customers[0].id)", "channel": "phone", "subject": "Flyer",
            ])
            let second = try #require(try await book.kontor.inquiries(statuses: [.open]).first?.inquiry)
            #expect(second.channel == .phone)
            #expect(try await browser.post("/inquiries/\(second.id)/lose").status == .seeOther)
            #expect(try await book.kontor.inquiry(id: second.id).inquiry.status == .lost)
            #expect(try await browser.post("/inquiries/999/win").status == .notFound)
        }
    }

    @Test func inquiryWithoutSenderOrSubjectIsRefused() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            let page = try await browser.post("/inquiries", ["channel": "email", "subject": "", "received": "kein Datum"])
            #expect(page.status == .unprocessableContent)
            #expect(page.contains("Bitte einen Kunden wählen oder Name, E-Mail oder Telefon angeben."))
            #expect(page.contains("„kein Datum“ ist kein gültiges Datum"))
            #expect(try await book.kontor.inquiries().isEmpty)
        }
    }

    @Test func fromQuoteToPaidInvoice() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        let inquiry = try await book.kontor.addInquiry(
            from: .customer(customer.id), channel: .email, receivedOn: Book.today, subject: "Website-Texte").inquiry
        try await withBrowser(book) { browser in
            // The quote form is filled from the inquiry
            let form = try await browser.get("/quotes/new?inquiry=\(inquiry.id)")
            #expect(form.contains("value=\"Website-Texte\""))
            let created = try await browser.post("/quotes", [
                "customer": "\(customer.id)", "inquiry": "\(inquiry.id)", "title": "Website-Texte", "paymentTerm": "14",
                "revisions": "2",
            ])
            let quoteId = try #require(created.redirectId)
            #expect(try await book.kontor.inquiry(id: inquiry.id).inquiry.status == .quoted)
            // A line with a bad price comes back with the message and the typed text
            let bad = try await browser.post("/quotes/\(quoteId)/lines", [
                "description": "Startseite", "quantity": "1", "unit": "flat", "price": "zwölf", "vat": "19",
            ])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.contains("„zwölf“ ist keine gültige Zahl"))
            #expect(bad.contains("value=\"Startseite\""))
            // Accepting an empty quote is refused
            let empty = try await browser.post("/quotes/\(quoteId)/accept", [:])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.contains("noch keine Positionen"))
            // A good line is added
            #expect(try await browser.post("/quotes/\(quoteId)/lines", [
                "description": "Startseite", "quantity": "1200", "unit": "word", "price": "0,50", "vat": "19",
            ]).status == .seeOther)
            #expect(try await book.kontor.quote(id: quoteId).net == Money(cents: 60000))
            let quotePage = try await browser.get("/quotes/\(quoteId)")
            #expect(quotePage.contains("600,00 €"))
            #expect(quotePage.contains("714,00 €"))
            // The PDF downloads
            let pdf = try await browser.get("/quotes/\(quoteId)/pdf")
            #expect(pdf.status == .ok)
            #expect(pdf.bytes.starts(with: Array("%PDF".utf8)))
            #expect(pdf.headers[.contentDisposition]?.contains("attachment") == true)
            // Accepted: a job is created, the inquiry is won
            let accepted = try await browser.post("/quotes/\(quoteId)/accept", ["deadline": "2026-03-20", "effort": "6"])
            let jobId = try #require(accepted.redirectId)
            #expect(accepted.location == "/jobs/\(jobId)")
            #expect(try await book.kontor.inquiry(id: inquiry.id).inquiry.status == .won)
            #expect(try await book.kontor.quote(id: quoteId).status == .accepted)
            #expect(try await browser.post("/quotes/\(quoteId)/decline").status == .conflict)
            // The job moves on: start, deliver, accept
            #expect(try await browser.get("/jobs").contains("Website-Texte"))
            #expect(try await browser.post("/jobs/\(jobId)/start").status == .seeOther)
            #expect(try await browser.post("/jobs/\(jobId)/start").status == .conflict)
            #expect(try await browser.post("/jobs/\(jobId)/deliver").status == .seeOther)
            #expect(try await browser.post("/jobs/\(jobId)/accept").status == .seeOther)
            #expect(try await book.kontor.job(id: jobId).status == .accepted)
            // The invoice is drafted from the job and issued
            let drafted = try await browser.post("/invoices", ["job": "\(jobId)"])
            #expect(drafted.status == .seeOther)
            let draftId = try #require(drafted.redirectId)
            let draftPage = try await browser.get("/invoices/\(draftId)")
            #expect(draftPage.contains("Entwurf \(draftId)"))
            #expect(draftPage.contains("Startseite"))
            let issued = try await browser.post("/invoices/\(draftId)/issue", ["number": "2026-0001"])
            #expect(issued.status == .seeOther)
            #expect(issued.location == "/invoices/2026-0001")
            let invoicePage = try await browser.get("/invoices/2026-0001")
            #expect(invoicePage.contains("Rechnung 2026-0001 über 714,00 € ausgestellt, zahlbar bis 16.03.2026."))
            // PDF and XML download
            let invoicePDF = try await browser.get("/invoices/2026-0001/pdf")
            #expect(invoicePDF.bytes.starts(with: Array("%PDF".utf8)))
            let xml = try await browser.get("/invoices/2026-0001/xml")
            #expect(xml.status == .ok)
            #expect(xml.body.contains("CrossIndustryInvoice"))
            // An invalid payment is refused, a good one makes the customer regular
            let badPayment = try await browser.post("/invoices/2026-0001/payments", ["amount": "-5", "date": "2026-03-05"])
            #expect(badPayment.status == .unprocessableContent)
            #expect(badPayment.contains("Darf nicht negativ sein"))
            let paid = try await browser.post("/invoices/2026-0001/payments", ["amount": "714,00", "date": "2026-03-05"])
            #expect(paid.status == .seeOther)
            let paidPage = try await browser.get("/invoices/2026-0001")
            #expect(paidPage.contains("ist jetzt Bestandskunde"))
            #expect(try await book.kontor.invoice("2026-0001").status == .paid)
            #expect(try await book.kontor.customerDetail(id: customer.id).customer.status == .regular)
            #expect(try await browser.get("/invoices?filter=paid").contains("2026-0001"))
            #expect(try await browser.get("/payments").contains("714,00 €"))
        }
    }

    @Test func draftLineEditorTermsIssueErrorsAndCancel() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        try await withBrowser(book) { browser in
            let drafted = try await browser.post("/invoices", ["customer": "\(customer.id)"])
            let id = try #require(drafted.redirectId)
            // Issuing an empty draft says what is missing
            let empty = try await browser.post("/invoices/\(id)/issue", ["number": "2026-0001"])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.contains("hat noch keine Positionen. Fügen Sie zuerst eine hinzu."))
            // Lines and terms
            #expect(try await browser.post("/invoices/\(id)/lines", [
                "description": "Lektorat", "quantity": "3", "unit": "hour", "price": "80", "vat": "19",
            ]).status == .seeOther)
            let badTerms = try await browser.post("/invoices/\(id)/terms", ["serviceFrom": "2026-02-10", "serviceTo": "2026-02-01"])
            #expect(badTerms.status == .unprocessableContent)
            #expect(badTerms.contains("Das Ende liegt vor dem Beginn."))
            #expect(try await browser.post("/invoices/\(id)/terms", [
                "serviceFrom": "2026-02-01", "serviceTo": "2026-02-10", "paymentTerm": "30",
            ]).status == .seeOther)
            let draft = try await book.kontor.invoice("\(id)")
            #expect(draft.paymentTermDays == 30)
            #expect(draft.lines.count == 1)
            // Issue, then cancel with a cancellation invoice
            let issued = try await browser.post("/invoices/\(id)/issue", ["number": "2026-0001"])
            #expect(issued.location == "/invoices/2026-0001")
            #expect(try await browser.post("/invoices/2026-0001/lines", [
                "description": "x", "quantity": "1", "unit": "flat", "price": "1", "vat": "19",
            ]).status == .unprocessableContent)
            let cancelled = try await browser.post("/invoices/2026-0001/cancel")
            #expect(cancelled.location == "/invoices/2026-0002")
            #expect(try await book.kontor.invoice("2026-0001").isCancelled)
            #expect(try await browser.get("/invoices/2026-0002").contains("Stornorechnung 2026-0002"))
            #expect(try await browser.post("/invoices/2026-0002/cancel").status == .conflict)
            // No draft source at all
            let none = try await browser.post("/invoices", [:])
            #expect(none.status == .unprocessableContent)
        }
    }

    @Test func jobsWeekViewAndRevisions() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        try await withBrowser(book) { browser in
            let created = try await browser.post("/jobs", [
                "customer": "\(customer.id)", "title": "Pressemitteilung", "deadline": "2026-03-04", "effort": "3",
            ])
            let id = try #require(created.redirectId)
            let week = try await browser.get("/jobs")
            #expect(week.contains("Woche 10"))
            #expect(week.contains("Pressemitteilung"))
            #expect(try await browser.get("/jobs?week=1").contains("Woche 11"))
            _ = try await browser.post("/jobs/\(id)/deliver")
            let bad = try await browser.post("/jobs/\(id)/revise", ["kind": "change", "note": ""])
            #expect(bad.status == .unprocessableContent)
            #expect(try await browser.post("/jobs/\(id)/revise", ["kind": "critique", "note": "Zu lang"]).status == .seeOther)
            let job = try await book.kontor.job(id: id)
            #expect(job.status == .revising)
            #expect(job.revisions.map { $0.notes.map(\.text) } == [["Zu lang"]])
            #expect(try await browser.get("/jobs/\(id)").contains("Zu lang"))
            let missing = try await browser.post("/jobs", ["title": ""])
            #expect(missing.status == .unprocessableContent)
        }
    }

    @Test func manualPaymentOnThePaymentsPage() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        let invoice = try await book.issuedInvoice(for: customer)
        try await withBrowser(book) { browser in
            let page = try await browser.get("/payments")
            #expect(page.contains("Kontoauszug hochladen"))
            #expect(page.contains("enctype=\"multipart/form-data\""))
            #expect(page.contains(invoice.number!))
            let missing = try await browser.post("/payments", ["amount": "10"])
            #expect(missing.status == .unprocessableContent)
            let saved = try await browser.post("/payments", ["invoice": invoice.number!, "amount": "100", "date": "2026-03-03"])
            #expect(saved.status == .seeOther)
            #expect(try await book.kontor.payments().map(\.amount) == [Money(cents: 10000)])
            #expect(try await browser.get("/payments").contains("100,00 € für \(invoice.number!) verbucht."))
        }
    }
}

/// The customer field of a large book: typed, not chosen from 30,000 options.
struct LargeBookCustomerFieldTests {
    @Test func aLargeBookTypesTheCustomerByNumberLabelOrName() async throws {
        let book = try await Book()
        var added: [Customer] = []
        for index in 0...CustomerChoices.limit {
            added.append(try await book.customer("Verlag \(index)", email: nil))
        }
        let twins = try await book.customer("Agentur Süd", email: nil)
        _ = try await book.customer("Agentur Süd", email: nil)
        let bracketed = try await book.customer("Verlag (2019)", email: nil)
        let oldest = added[0]
        let total = added.count + 3
        try await withBrowser(book) { browser in
            let form = try await browser.get("/invoices/new")
            #expect(form.contains("list=\"f-customer-list\""))
            #expect(form.contains("<option value=\"Agentur Süd (\(twins.id))\">"))
            #expect(!form.contains("Verlag 0 (\(oldest.id))"))  // not among the newest
            #expect(form.contains("\(CustomerChoices.limit) von \(total) Kunden stehen zur Auswahl"))
            // By label, by bare number and by a name only one customer has
            // (a name that ends in a number in brackets is a name, not that customer number)
            for (typed, expected) in [
                ("Agentur Süd (\(twins.id))", twins.id), ("\(oldest.id)", oldest.id), ("verlag 0", oldest.id),
                ("Verlag (2019)", bracketed.id), ("Verlag (2019) (\(bracketed.id))", bracketed.id),
            ] {
                let drafted = try await browser.post("/invoices", ["customer": typed])
                let id = try #require(drafted.redirectId, "\(typed): \(drafted)")
                #expect(try await book.kontor.invoice("\(id)").customerId == expected, "\(typed)")
            }
            // A name two customers have, and one nobody has: the field says so and nothing is drafted
            let drafts = try await book.kontor.invoices(InvoiceQuery()).count
            let several = try await browser.post("/invoices", ["customer": "Agentur Süd"])
            #expect(several.status == .unprocessableContent)
            #expect(several.contains("Mehrere Kunden passen zu „Agentur Süd“: Agentur Süd (\(twins.id)), Agentur Süd"))
            #expect(several.contains("value=\"Agentur Süd\""))
            let none = try await browser.post("/invoices", ["customer": "Niemand"])
            #expect(none.contains("Kein Kunde heißt „Niemand“."))
            #expect(try await book.kontor.invoices(InvoiceQuery()).count == drafts)
        }
    }
}
