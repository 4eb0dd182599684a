import Foundation
import KontorApp
import KontorCore
import Testing

/// Numbering, the change counter and rollback: what a transaction guarantees.
extension StoreContract {
    /// Fifty issuers at once through `Kontor` on one store draw exactly the numbers 1…50 of the series, each once.
    public func invoiceNumbersAreGaplessUnderConcurrency() async throws {
        let (kontor, store, customer) = try await book()
        var drafts: [Int64] = []
        for _ in 1...50 { drafts.append(try await draft(kontor, customer).id) }
        let numbers = try await withThrowingTaskGroup(of: String.self) { group in
            for id in drafts {
                group.addTask { try await kontor.issueInvoice("\(id)", on: Self.day).number ?? "" }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        let format = InvoiceNumberFormat.standard
        #expect(numbers.sorted() == (1...50).map { format.number(counter: $0, on: Self.day) })
        #expect(Set(numbers).count == 50)
        let counter = try await store.read { try $0.numberCounter(series: format.series(for: Self.day)) }
        #expect(counter == 50)
        // Every draft became exactly one of them.
        let issued = try await kontor.invoices(InvoiceQuery()).compactMap(\.number)
        #expect(issued.sorted() == numbers.sorted())
    }

    /// An issue refused after the number was drawn (another number than the confirmed one) gives the number back:
    /// the next issue takes it.
    public func refusedIssueTakesNoNumber() async throws {
        let (kontor, store, customer) = try await book()
        let draft = try await draft(kontor, customer)
        await #expect(throws: WorkflowError.self) {
            try await kontor.issueInvoice("\(draft.id)", on: Self.day, expecting: "2026-0099")
        }
        let series = InvoiceNumberFormat.standard.series(for: Self.day)
        #expect(try await store.read { try $0.numberCounter(series: series) } == 0)
        #expect(try await kontor.invoice("\(draft.id)").status == .draft)
        #expect(
            try await kontor.issueInvoice("\(draft.id)", on: Self.day, expecting: "2026-0001").number == "2026-0001")
    }

    /// `bookVersion` rises with every committed write and with nothing else: not on a read, not on a write that
    /// threw.
    public func changeCounterRisesOnCommitOnly() async throws {
        let (kontor, store, customer) = try await book()
        let start = try await kontor.bookVersion()
        _ = try await kontor.customers()
        _ = try await store.read { try $0.invoices(InvoiceQuery()) }
        #expect(try await kontor.bookVersion() == start)
        // A write that throws, after changing things.
        struct Abandoned: Error {}
        await #expect(throws: Abandoned.self) {
            try await store.write { book -> Void in
                _ = try book.insert(customer: Self.customer("Abgebrochen GmbH"))
                throw Abandoned()
            }
        }
        #expect(try await kontor.bookVersion() == start)
        // A use case refused inside its transaction.
        await #expect(throws: (any Error).self) { try await kontor.issueInvoice("4711", on: Self.day) }
        #expect(try await kontor.bookVersion() == start)
        // Commits: each one raises it, also an empty write.
        _ = try await draft(kontor, customer)
        let afterDraft = try await kontor.bookVersion()
        #expect(afterDraft > start)
        try await store.write { _ in }
        let afterEmpty = try await kontor.bookVersion()
        #expect(afterEmpty > afterDraft)
        // Inside a write the counter is the committed one: it moves when the write commits.
        let inside = try await store.write { try $0.bookVersion() }
        #expect(inside == afterEmpty)
        #expect(try await kontor.bookVersion() > afterEmpty)
    }

    /// A write whose closure throws leaves nothing: rows, counters, balances and numbers are as before.
    public func rolledBackWriteLeavesNothing() async throws {
        let (kontor, store, customer) = try await book()
        let invoice = try await issued(kontor, customer)
        let series = InvoiceNumberFormat.standard.series(for: Self.day)
        struct Abandoned: Error {}
        await #expect(throws: Abandoned.self) {
            try await store.write { book -> Void in
                let added = try book.insert(customer: Self.customer("Nie Gespeichert AG"))
                _ = try book.nextCounter(series: series)
                _ = try book.insert(draft: Invoice(customerId: added.id, draftedOn: Self.day, paymentTermDays: 14))
                _ = try book.insert(
                    payment: Payment(
                        invoiceId: invoice.id, customerId: customer.id, amount: Money(cents: 10_000),
                        receivedOn: Self.day))
                try book.save(messageTemplate: "nie", key: "contract.rollback")
                throw Abandoned()
            }
        }
        let (customers, invoices, counter, payments, template) = try await store.read { book in
            (
                try book.customers(status: nil, search: nil).map(\.id),
                try book.invoices(InvoiceQuery()).map(\.id), try book.numberCounter(series: series),
                try book.payments(invoiceId: nil, customerId: nil).count,
                try book.messageTemplate(key: "contract.rollback")
            )
        }
        #expect(customers == [customer.id])
        #expect(invoices == [invoice.id])
        #expect(counter == 1)
        #expect(payments == 0)
        #expect(template == nil)
        #expect(try await kontor.invoice(invoice.number!).openAmount == invoice.totals.gross)
        // The next write takes the next number and a new id, as if nothing had happened.
        let next = try await issued(kontor, customer)
        #expect(next.number == "2026-0002")
    }
}
