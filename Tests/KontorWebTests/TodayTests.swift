import Foundation
import HTTPTypes
import KontorApp
import KontorCore
import KontorStore
import Testing
import KontorTestTools

/// Heute is the morning list of `kontor today`, rendered: the same sections, in the same order, with the same items.
struct TodayTests {
    /// Runs the built `kontor` binary (see `KontorExecutable`) on a database file.
    static func runKontor(_ arguments: [String], database: String, today: String) async throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["KONTOR_TODAY"] = today
        environment["KONTOR_LANG"] = "de"
        let result = try await Subprocess.run(KontorExecutable.path, arguments + ["--db", database],
                                              environment: environment)
        try #require(result.status == 0, "kontor \(arguments.joined(separator: " ")) failed: \(result.errorText)")
        return result.text
    }

    /// A book on file with something in every section on 2026-03-02 (as `DailyUseCLITests.busyBook` builds it).
    static func busyBook(at path: String) async throws -> Kontor {
        let kontor = Kontor(store: GRDBBookStore(try AppDatabase.open(path: path)))
        _ = try await kontor.initialise(BusinessProfile(
            name: "Schreibbüro Kontor",
            address: PostalAddress(street: "Lindenstr. 1", postalCode: "50674", city: "Köln", state: .NW),
            email: "hallo@example.de", iban: try IBAN("DE89370400440532013000"), taxNumber: "214/5678/0123"))
        let customer = try await kontor.addCustomer(Customer(
            name: "Agentur Nord GmbH",
            address: PostalAddress(street: "Hafenweg 2", postalCode: "20457", city: "Hamburg", state: .HH),
            createdOn: Day("2026-01-01")!))
        _ = try await kontor.addInquiry(
            from: .customer(customer.id), channel: .phone, receivedOn: Day("2026-03-02")!, subject: "Pressetext Messe")
        _ = try await kontor.addJob(
            customerId: customer.id, title: "Broschüre Herbst", on: Day("2026-03-01")!, effortHours: nil,
            deadline: Day("2026-03-05")!)
        func issue(_ price: String, on day: String) async throws {
            let draft = try await kontor.draftInvoice(from: .customer(customer.id), on: Day(day)!)
            _ = try await kontor.addInvoiceLine("\(draft.id)", line: DocumentLine(
                description: "Fachartikel", quantity: Quantity(1), unit: .flat,
                unitPrice: try UnitPrice(parsing: price), vatRate: .standard))
            _ = try await kontor.issueInvoice("\(draft.id)", on: Day(day)!)
        }
        try await issue("1000", on: "2026-01-05")
        _ = try await kontor.runReminders(today: Day("2026-02-02")!)
        try await issue("300", on: "2026-02-02")
        try await issue("200", on: "2026-02-20")
        let statement = BankImportWebTests.camt([("B", Money(cents: 4_711), "Finanzamt Köln", "Erstattung")])
        let file = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("auszug.xml")
        try statement.write(to: file)
        _ = try await runKontor(["import", file.path], database: path, today: "2026-03-02")
        // A mail the server refused, which Heute lists first.
        try await kontor.saveMailSettings(try MailSettings(
            host: "127.0.0.1", security: .none, senderName: "Schreibbüro Kontor", senderAddress: "hallo@example.de"))
        _ = try await kontor.queueTestMail(to: "niemand@example.de", language: .de, now: Date())
        _ = try await kontor.deliverDueMail(using: RefusingTransport()) { Date() }
        return kontor
    }

    /// The HTML of one section of Heute, found by its heading's id.
    static func section(_ id: String, in body: String) -> Substring? {
        guard let start = body.range(of: "aria-labelledby=\"\(id)\"") else { return nil }
        let rest = body[start.upperBound...]
        return rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)]
    }

    @Test func heuteShowsWhatKontorTodayListsInTheSameOrder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-today-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("book.sqlite").path
        let kontor = try await Self.busyBook(at: path)
        let json = try await Self.runKontor(["today", "--json"], database: path, today: "2026-03-02")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let ids = [
            "mailProblems": "h-mail", "inquiries": "h-inq", "jobs": "h-jobs", "reminderDrafts": "h-drafts", "dunningStepsDue": "h-steps",
            "bankEntriesToReview": "h-bank", "invoicesOverdue": "h-over", "invoicesDueSoon": "h-soon",
        ]
        /// What identifies an item of each section on both sides.
        func label(_ section: String, _ item: [String: Any]) -> String? {
            switch section {
            case "inquiries": (item["inquiry"] as? [String: Any])?["subject"] as? String
            case "jobs": (item["job"] as? [String: Any])?["title"] as? String
            case "bankEntriesToReview": item["counterpartyName"] as? String
            case "reminderDrafts", "dunningStepsDue": item["invoiceNumber"] as? String
            case "mailProblems": item["recipient"] as? String
            default: item["number"] as? String
            }
        }
        // Per section of `kontor today --json`, in its order: Heute's id for it and the items' labels.
        var expected: [(name: String, id: String, labels: [String])] = []
        for name in try #require(list["sections"] as? [String]) {
            let items = try #require(list[name] as? [[String: Any]])
            #expect(!items.isEmpty, "the book should fill \(name)")
            expected.append((name, try #require(ids[name]), try items.map { try #require(label(name, $0)) }))
        }
        #expect(expected.count == 8)
        let sections = expected
        let book = Book(kontor: kontor)
        try await withBrowser(book, today: Day("2026-03-02")!) { browser in
            let page = try await browser.get("/")
            var positions: [String.Index] = []
            for section in sections {
                let html = try #require(Self.section(section.id, in: page.body), "Heute lacks \(section.name)")
                positions.append(html.startIndex)
                #expect(html.components(separatedBy: "class=\"work-item\"").count - 1 == section.labels.count,
                        "\(section.name)")
                for text in section.labels { #expect(html.contains(text), "Heute's \(section.name) lacks \(text)") }
            }
            #expect(positions == positions.sorted())
        }
    }

    @Test func heuteCountsOverdueFromTheLastDayToPay() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        let invoice = try await book.issuedInvoice(for: customer, on: Day("2026-03-20")!)
        #expect(invoice.dueDate == Day("2026-04-03")!)
        try await withBrowser(book, today: Day("2026-04-06")!) { browser in
            let monday = try await browser.get("/")
            #expect(Self.section("h-over", in: monday.body) == nil)
            let soon = try #require(Self.section("h-soon", in: monday.body))
            #expect(soon.contains("2026-0001") && soon.contains("zahlbar bis 07.04.2026"))
            #expect(!(try await browser.get("/invoices?filter=overdue").contains("/invoices/2026-0001\"")))
        }
        try await withBrowser(book, today: Day("2026-04-08")!) { browser in
            let wednesday = try await browser.get("/")
            let overdue = try #require(Self.section("h-over", in: wednesday.body))
            #expect(overdue.contains("2026-0001") && overdue.contains("1 Tag überfällig"))
            #expect(try await browser.get("/invoices?filter=overdue").contains("/invoices/2026-0001\""))
        }
    }

    @Test func aRevisionRoundTakesCritiqueAndChangeRequestsTogether() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        let job = try await book.kontor.addJob(
            customerId: customer.id, title: "Imagetext", on: Book.today, effortHours: nil, deadline: nil,
            includedRevisions: 0)
        _ = try await book.kontor.advanceJob(id: job.id, to: .delivered, on: Book.today)
        try await withBrowser(book) { browser in
            let empty = try await browser.post("/jobs/\(job.id)/revise", ["critique": " ", "change": ""])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.contains("mindestens eine Kritik"))
            let saved = try await browser.post("/jobs/\(job.id)/revise", [
                "critique": "Zu förmlich\nZu lang", "change": "Neuer Titel",
            ])
            #expect(saved.status == .seeOther)
            let stored = try await book.kontor.job(id: job.id)
            #expect(stored.revisions.count == 1)
            #expect(stored.revisions[0].notes == [
                RevisionNote(kind: .critique, text: "Zu förmlich"), RevisionNote(kind: .critique, text: "Zu lang"),
                RevisionNote(kind: .change, text: "Neuer Titel"),
            ])
            let page = try await browser.get("/jobs/\(job.id)")
            #expect(page.contains("Kritik: Zu förmlich") && page.contains("Änderungswunsch: Neuer Titel"))

            // The round is beyond the included ones: the draft from the job offers it, unpriced, and says so.
            let drafted = try await browser.post("/invoices", ["job": "\(job.id)"])
            #expect(drafted.status == .seeOther)
            let draft = try await browser.get(drafted.location)
            #expect(draft.contains("Zusätzliche Korrekturschleife"))
            #expect(draft.contains("noch ohne Preis"))
            #expect(!draft.contains("Stammkundenrabatt"))
        }
    }

    @Test func anEmptyDraftDoesNotClaimADiscount() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        for _ in 1...3 {
            let invoice = try await book.issuedInvoice(for: customer, price: "100")
            _ = try await book.kontor.addPayment(invoice: invoice.number!, amount: invoice.totals.gross, on: Book.today)
        }
        try await withBrowser(book) { browser in
            let drafted = try await browser.post("/invoices", ["customer": "\(customer.id)"])
            #expect(drafted.status == .seeOther)
            let draft = try await browser.get(drafted.location)
            #expect(draft.contains("Rechnungsentwurf angelegt."))
            #expect(!draft.contains("Stammkundenrabatt angelegt"))
        }
    }
}

extension Book {
    /// The use cases over a book that a test opened itself (a file the CLI also reads).
    init(kontor: Kontor) { self.kontor = kontor }
}

/// A mail server that refuses every message for good (550), as a port the use cases accept.
struct RefusingTransport: MailTransport {
    func deliver(sender: String, recipients: [String], content: [UInt8]) async -> DeliveryAttempt {
        .permanentFailure(.other("550 5.1.1 Mailbox unavailable"))
    }
}
