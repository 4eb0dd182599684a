import Foundation
import GRDB
import KontorApp
import KontorCore
import KontorStore
import Testing

/// What the store guarantees for editing before issue, whatever a use case checks.
struct DraftStoreTests {
    let day = Day("2026-03-02")!

    func book() async throws -> (Kontor, GRDBBookStore, Customer) {
        let store = GRDBBookStore(try AppDatabase.inMemory())
        let kontor = Kontor(store: store)
        _ = try await kontor.initialise(BusinessProfile(
            name: "Lena Schreiber",
            address: PostalAddress(street: "Lindenstraße 12", postalCode: "50674", city: "Köln"),
            iban: try IBAN("DE89370400440532013000"), taxNumber: "214/5678/1234"))
        let customer = try await kontor.addCustomer(Customer(
            name: "Verlag Nord", address: PostalAddress(street: "Hafenweg 2", postalCode: "20457", city: "Hamburg"),
            createdOn: day))
        return (kontor, store, customer)
    }

    func draft(_ kontor: Kontor, _ customer: Customer) async throws -> Invoice {
        let draft = try await kontor.draftInvoice(from: .customer(customer.id), on: day)
        return try await kontor.addInvoiceLine("\(draft.id)", line: DocumentLine(
            description: "Artikel", quantity: Quantity(1), unit: .flat, unitPrice: try UnitPrice(parsing: "100"),
            vatRate: .standard))
    }

    @Test func theDatabaseRefusesToDeleteAnIssuedInvoice() async throws {
        let (kontor, store, customer) = try await book()
        let issued = try await kontor.issueInvoice("\(try await draft(kontor, customer).id)", on: day)
        let refusal = await #expect(throws: StoreError.self) {
            try await store.write { try $0.deleteDraft(id: issued.id) }
        }
        // The evidence trigger's refusal arrives typed as such (SQLITE_CONSTRAINT_TRIGGER), not as a plain failure.
        guard case .immutable? = refusal else { Issue.record("not an immutability refusal: \(String(describing: refusal))"); return }
        #expect(try await kontor.invoice("2026-0001").lines.count == 1)
    }

    @Test func previewLooksAtTheCounterWithoutTakingIt() async throws {
        let (kontor, store, customer) = try await book()
        let first = try await draft(kontor, customer)
        let preview = try await kontor.issuePreview("\(first.id)", on: day)
        #expect(preview.number == "2026-0001")
        #expect(try await store.read { try $0.numberCounter(series: "2026") } == 0)
        // A deleted draft never had a number: the series goes on without a gap.
        _ = try await kontor.deleteDraft("\(try await draft(kontor, customer).id)")
        #expect(try await kontor.issueInvoice("\(first.id)", on: day).number == preview.number)
        #expect(try await store.read { try $0.numberCounter(series: "2026") } == 1)
    }

    @Test func aQuoteWithAJobStaysInTheDatabase() async throws {
        let (kontor, store, customer) = try await book()
        let quote = try await kontor.addQuote(
            customerId: customer.id, inquiryId: nil, title: "Text", on: day, validUntil: nil, paymentTermDays: 14)
        _ = try await kontor.addQuoteLine(quoteId: quote.id, line: DocumentLine(
            description: "Text", quantity: Quantity(1), unit: .flat, unitPrice: try UnitPrice(parsing: "100"),
            vatRate: .standard))
        _ = try await kontor.acceptQuote(id: quote.id, on: day)
        await #expect(throws: StoreError.self) { try await store.write { try $0.deleteQuote(id: quote.id) } }
        #expect(try await kontor.quote(id: quote.id).lines.count == 1)
    }

    @Test func deadlineChangesComeBackPerCustomerInOrder() async throws {
        let (kontor, store, customer) = try await book()
        let job = try await kontor.addJob(
            customerId: customer.id, title: "Text", on: day, effortHours: nil, deadline: Day("2026-03-10")!)
        _ = try await kontor.editJob(id: job.id, JobEdit(deadline: Day("2026-03-17")!), on: Day("2026-03-04")!)
        _ = try await kontor.editJob(id: job.id, JobEdit(deadline: Day("2026-03-24")!), on: Day("2026-03-09")!)
        let changes = try await store.read { try $0.deadlineChanges(customerId: customer.id) }
        #expect(changes == [
            DeadlineChange(jobId: job.id, customerId: customer.id, changedOn: Day("2026-03-04")!,
                           previous: Day("2026-03-10")!, deadline: Day("2026-03-17")!),
            DeadlineChange(jobId: job.id, customerId: customer.id, changedOn: Day("2026-03-09")!,
                           previous: Day("2026-03-17")!, deadline: Day("2026-03-24")!),
        ])
        let timeline = try await kontor.timeline(customerId: customer.id).filter { $0.kind == .deadlineChanged }
        #expect(timeline.map { $0.title(.en) } == [
            "Deadline moved from 10 Mar 2026 to 17 Mar 2026", "Deadline moved from 17 Mar 2026 to 24 Mar 2026",
        ])
        #expect(timeline.map { $0.title(.de) } == [
            "Termin verschoben vom 10.03.2026 auf den 17.03.2026", "Termin verschoben vom 17.03.2026 auf den 24.03.2026",
        ])
    }
}

/// Issuing with a confirmed number takes that number or nothing.
struct ConfirmedIssueTests {
    @Test func aNumberThatIsNoLongerNextIssuesNothing() async throws {
        let (kontor, store, customer) = try await DraftStoreTests().book()
        let tests = DraftStoreTests()
        let first = try await tests.draft(kontor, customer)
        let second = try await tests.draft(kontor, customer)
        let confirmed = try await kontor.issuePreview("\(second.id)", on: tests.day).number
        #expect(confirmed == "2026-0001")
        // Meanwhile another draft is issued (another tab, or the CLI)
        _ = try await kontor.issueInvoice("\(first.id)", on: tests.day)
        await #expect(throws: WorkflowError.issueNumberChanged(confirmed: "2026-0001", next: "2026-0002")) {
            try await kontor.issueInvoice("\(second.id)", on: tests.day, expecting: confirmed)
        }
        #expect(try await kontor.invoice("\(second.id)").number == nil)
        #expect(try await store.read { try $0.numberCounter(series: "2026") } == 1)
        #expect(try await kontor.issueInvoice("\(second.id)", on: tests.day, expecting: "2026-0002").number
            == "2026-0002")
    }
}
