import Foundation
import GRDB
import KontorApp
import KontorCore
import KontorStore
import Testing

/// Store round trips and the database's own guarantees, on a fresh in-memory database per test.
struct StoreTests {
    let day = Day("2026-03-02")!

    func makeKontor() throws -> (Kontor, AppDatabase) {
        let database = try AppDatabase.inMemory()
        return (Kontor(store: GRDBBookStore(database)), database)
    }

    func setUpBook(_ kontor: Kontor) async throws -> Customer {
        _ = try await kontor.initialise(BusinessProfile(
            name: "Lena Schreiber", address: PostalAddress(street: "Lindenstraße 12", postalCode: "50674", city: "Köln"),
            iban: try IBAN("DE89370400440532013000"), taxNumber: "214/5678/1234"))
        return try await kontor.addCustomer(Customer(
            name: "Müller & Söhne <KG>", contactPerson: "Thomas Müller",
            address: PostalAddress(street: "Industriestraße 7", postalCode: "44147", city: "Dortmund", state: .NW),
            email: "t.mueller@example.de", buyerReference: "04011000-12345-06", createdOn: day))
    }

    func issuedInvoice(_ kontor: Kontor, customer: Customer, cents: Int64 = 100_000) async throws -> Invoice {
        let draft = try await kontor.draftInvoice(from: .customer(customer.id), on: day)
        _ = try await kontor.addInvoiceLine("\(draft.id)", line: DocumentLine(
            description: "Fachartikel „Ökologie“", quantity: Quantity(1), unit: .flat,
            unitPrice: UnitPrice(Money(cents: cents)), vatRate: .standard))
        return try await kontor.issueInvoice("\(draft.id)", on: day)
    }

    @Test func customerRoundTripKeepsEveryField() async throws {
        // Given a customer with every field set
        let (kontor, _) = try makeKontor()
        let saved = try await setUpBook(kontor)
        // When it is read back
        let loaded = try await kontor.customerDetail(id: saved.id).customer
        // Then nothing is lost
        #expect(loaded == saved)
        #expect(loaded.address?.state == .NW && loaded.buyerReference == "04011000-12345-06")
        #expect(try await kontor.customers(search: "müller").map(\.id) == [saved.id])
        #expect(try await kontor.customers(status: .regular).isEmpty)
    }

    @Test func issuedInvoiceRoundTripsWithSnapshots() async throws {
        let (kontor, _) = try makeKontor()
        let customer = try await setUpBook(kontor)
        let issued = try await issuedInvoice(kontor, customer: customer)
        let loaded = try await kontor.invoice("2026-0001")
        #expect(loaded == issued)
        #expect(loaded.buyer?.name == "Müller & Söhne <KG>" && loaded.seller?.name == "Lena Schreiber")
        #expect(loaded.totals.gross.cents == 119_000 && loaded.dueDate == Day("2026-03-16"))
        // Editing the customer afterwards does not change the invoice's recipient.
        _ = try await kontor.editCustomer(id: customer.id) { $0.name = "Neuer Name GmbH" }
        #expect(try await kontor.invoice("2026-0001").buyer?.name == "Müller & Söhne <KG>")
    }

    @Test func databaseRefusesToChangeOrDeleteIssuedInvoices() async throws {
        // Given an issued invoice
        let (kontor, database) = try makeKontor()
        let customer = try await setUpBook(kontor)
        let invoice = try await issuedInvoice(kontor, customer: customer)
        // When SQL bypasses Kontor, the triggers refuse every change
        let statements = [
            "UPDATE invoice SET grossCents = 1 WHERE id = \(invoice.id)",
            "UPDATE invoice SET number = '2026-9999' WHERE id = \(invoice.id)",
            "DELETE FROM invoice WHERE id = \(invoice.id)",
            "UPDATE invoiceLine SET unitPrice = 1 WHERE invoiceId = \(invoice.id)",
            "DELETE FROM invoiceLine WHERE invoiceId = \(invoice.id)",
            "INSERT INTO invoiceLine (invoiceId, position, description, quantity, unit, unitPrice, vatPercent, isDiscount, netCents) VALUES (\(invoice.id), 9, 'x', 1000, 'flat', 100, 19, 0, 1)",
        ]
        for sql in statements {
            await #expect(throws: DatabaseError.self, "\(sql)") {
                try await database.writer.write { try $0.execute(sql: sql) }
            }
        }
        // Then the invoice is unchanged
        #expect(try await kontor.invoice("2026-0001") == invoice)
        // And the use case refuses too, with a message saying how to correct it
        await #expect(throws: WorkflowError.invoiceIssued(number: "2026-0001")) {
            try await kontor.addInvoiceLine("2026-0001", line: DocumentLine(
                description: "x", quantity: Quantity(1), unit: .flat, unitPrice: UnitPrice(tenThousandths: 1), vatRate: .standard))
        }
    }

    @Test func numbersAreSequentialPerYearAndCancellationTakesTheNext() async throws {
        let (kontor, _) = try makeKontor()
        let customer = try await setUpBook(kontor)
        var numbers: [String] = []
        for _ in 0..<3 { numbers.append(try await issuedInvoice(kontor, customer: customer).number!) }
        let cancellation = try await kontor.cancelInvoice("2026-0002", on: day)
        #expect(numbers == ["2026-0001", "2026-0002", "2026-0003"])
        #expect(cancellation.number == "2026-0004" && cancellation.cancelsNumber == "2026-0002")
        #expect(try await kontor.invoice("2026-0002").status == .cancelled)
        #expect(try await kontor.invoice("2026-0004").totals.gross.cents == -119_000)
        await #expect(throws: WorkflowError.invoiceCancelled(number: "2026-0002")) {
            try await kontor.cancelInvoice("2026-0002", on: day)
        }
        // A new year starts a new series.
        let draft = try await kontor.draftInvoice(from: .customer(customer.id), on: day)
        _ = try await kontor.addInvoiceLine("\(draft.id)", line: DocumentLine(
            description: "Text", quantity: Quantity(1), unit: .flat, unitPrice: UnitPrice(tenThousandths: 10_000), vatRate: .standard))
        #expect(try await kontor.issueInvoice("\(draft.id)", on: Day("2027-01-04")!).number == "2027-0001")
    }

    @Test func aRefusedIssueTakesNoNumberAndChangesNothing() async throws {
        let (kontor, _) = try makeKontor()
        let customer = try await setUpBook(kontor)
        let homeless = try await kontor.addCustomer(Customer(name: "Ohne Adresse", createdOn: day))
        let draft = try await kontor.draftInvoice(from: .customer(homeless.id), on: day)
        _ = try await kontor.addInvoiceLine("\(draft.id)", line: DocumentLine(
            description: "Text", quantity: Quantity(1), unit: .flat, unitPrice: UnitPrice(tenThousandths: 10_000), vatRate: .standard))
        await #expect(throws: WorkflowError.self) { try await kontor.issueInvoice("\(draft.id)", on: day) }
        #expect(try await kontor.invoice("\(draft.id)").status == .draft)
        #expect(try await issuedInvoice(kontor, customer: customer).number == "2026-0001")
    }

    @Test func paymentsUpdateStatusCreditAndCustomerStatus() async throws {
        let (kontor, _) = try makeKontor()
        let customer = try await setUpBook(kontor)
        _ = try await issuedInvoice(kontor, customer: customer)
        #expect(try await kontor.customerDetail(id: customer.id).customer.status == .new)
        let partial = try await kontor.addPayment(invoice: "2026-0001", amount: Money(cents: 19_000), on: day)
        #expect(partial.invoice.status == .partiallyPaid && !partial.becameRegular)
        await #expect(throws: WorkflowError.overpayment(number: "2026-0001", owed: Money(cents: 100_000),
                                                        amount: Money(cents: 110_000))) {
            try await kontor.addPayment(invoice: "2026-0001", amount: Money(cents: 110_000), on: day)
        }
        let rest = try await kontor.addPayment(
            invoice: "2026-0001", amount: Money(cents: 110_000), on: day, confirmOverpayment: true)
        #expect(rest.invoice.status == .paid && rest.overpayment.cents == 10_000 && rest.becameRegular)
        let detail = try await kontor.customerDetail(id: customer.id)
        #expect(detail.customer.status == .regular && detail.credit.cents == 10_000 && detail.openAmount == .zero)
        #expect(try await kontor.invoices(InvoiceQuery(status: .paid)).map(\.number) == ["2026-0001"])
        await #expect(throws: InputError.self) {
            try await kontor.addPayment(invoice: "2026-0001", amount: Money(cents: -1), on: day)
        }
    }

    @Test func loyaltyDiscountFollowsPaidInvoices() async throws {
        let (kontor, _) = try makeKontor()
        let customer = try await setUpBook(kontor)
        for _ in 0..<3 {
            let invoice = try await issuedInvoice(kontor, customer: customer)
            _ = try await kontor.addPayment(invoice: invoice.number!, amount: invoice.totals.gross, on: day)
        }
        let fourth = try await issuedInvoice(kontor, customer: customer)
        #expect(fourth.loyaltyPercent == 3)
        #expect(fourth.lines.last?.isDiscount == true && fourth.totals.net.cents == 97_000)
    }

    @Test func quotesCarryTheLoyaltyDiscountIntoTheInvoice() async throws {
        let (kontor, _) = try makeKontor()
        let customer = try await setUpBook(kontor)
        for _ in 0..<3 {
            let invoice = try await issuedInvoice(kontor, customer: customer)
            _ = try await kontor.addPayment(invoice: invoice.number!, amount: invoice.totals.gross, on: day)
        }
        let quote = try await kontor.addQuote(
            customerId: customer.id, inquiryId: nil, title: "Website", on: day, validUntil: nil, paymentTermDays: 21)
        let withLine = try await kontor.addQuoteLine(quoteId: quote.id, line: DocumentLine(
            description: "Texte", quantity: Quantity(1), unit: .flat, unitPrice: UnitPrice(Money(cents: 100_000)),
            vatRate: .standard))
        #expect(withLine.loyaltyPercent == 3 && withLine.net.cents == 97_000)
        let accepted = try await kontor.acceptQuote(id: quote.id, on: day)
        let draft = try await kontor.draftInvoice(from: .job(accepted.job.id), on: day)
        #expect(draft.loyaltyPercent == 3 && draft.paymentTermDays == 21 && draft.termAgreed)
        #expect(try await kontor.issueInvoice("\(draft.id)", on: day).totals.net.cents == 97_000)
    }

    @Test func aFailingWriteRollsBackEverything() async throws {
        let (kontor, database) = try makeKontor()
        _ = try await setUpBook(kontor)
        let store = GRDBBookStore(database)
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await store.write { book in
                _ = try book.insert(customer: Customer(name: "Halbfertig", createdOn: day))
                throw Boom()
            }
        }
        #expect(try await kontor.customers(search: "Halbfertig").isEmpty)
    }

    @Test func inquiryFromUnknownSenderCreatesProspectAndKnownEmailIsMatched() async throws {
        let (kontor, _) = try makeKontor()
        let customer = try await setUpBook(kontor)
        let fresh = try await kontor.addInquiry(
            from: .contact(name: "Café Süßholz", email: "hallo@suessholz.de", phone: nil, kind: .business),
            channel: .email, receivedOn: day, subject: "Speisekarte")
        #expect(fresh.createdCustomer && fresh.customer.status == .prospect)
        let known = try await kontor.addInquiry(
            from: .contact(name: "", email: "T.Mueller@example.de", phone: nil, kind: .business),
            channel: .phone, receivedOn: day, subject: "Nachfolgeauftrag")
        #expect(!known.createdCustomer && known.customer.id == customer.id)
        let list = try await kontor.inquiries()
        #expect(list.first?.inquiry.channel == .phone)
    }
}

/// The book version the web app's page cache relies on.
struct BookVersionTests {
    @Test func everyCommittedWriteRaisesTheVersionAndAFailedOneDoesNot() async throws {
        let store = GRDBBookStore(try AppDatabase.inMemory())
        let kontor = Kontor(store: store)
        let start = try await kontor.bookVersion()
        _ = try await kontor.addCustomer(Customer(name: "Verlag Süd", createdOn: Day("2026-03-02")!))
        let afterWrite = try await kontor.bookVersion()
        #expect(afterWrite > start)
        // A transaction that fails after writing is rolled back with its version bump.
        await #expect(throws: CancellationError.self) {
            try await store.write { book in
                _ = try book.insert(customer: Customer(name: "Halb geschrieben", createdOn: Day("2026-03-02")!))
                throw CancellationError()
            }
        }
        #expect(try await kontor.bookVersion() == afterWrite)
        _ = try await kontor.customers()
        #expect(try await kontor.bookVersion() == afterWrite)
    }
}
