import Foundation
import KontorApp
import KontorCore
import Testing

/// Balances and the status of invoices: what `InvoiceBalance` says, every store's reads say.
extension StoreContract {
    /// Payments move the open amount by their principal part, a reversal moves it back; every read of the balance
    /// (the invoice, the open balances, the counts, the customer's open principal, the morning list) agrees.
    public func balancesFollowPaymentsAndReversals() async throws {
        let (kontor, store, customer) = try await book()
        let invoice = try await issued(kontor, customer)
        let gross = invoice.totals.gross
        #expect(gross == Money(cents: 119_000))
        let first = try await kontor.addPayment(invoice: invoice.number!, amount: Money(cents: 50_000), on: Self.day)
        try await expectBalance(kontor, store, invoice, open: gross - Money(cents: 50_000), status: .partiallyPaid)
        _ = try await kontor.addPayment(invoice: invoice.number!, amount: Money(cents: 69_000), on: Self.day)
        try await expectBalance(kontor, store, invoice, open: .zero, status: .paid)
        #expect(try await store.read { try $0.paidInvoiceCount(customerId: customer.id) } == 1)
        _ = try await kontor.reversePayment(
            id: first.payment.id, on: Self.day.adding(days: 1), reason: "Rücklastschrift")
        try await expectBalance(kontor, store, invoice, open: Money(cents: 50_000), status: .partiallyPaid)
        #expect(try await store.read { try $0.paidInvoiceCount(customerId: customer.id) } == 0)
        // The payments: two in, one counter-entry; their sum is what was paid.
        let payments = try await kontor.payments(invoice: invoice.number!)
        #expect(payments.map(\.amount.cents) == [50_000, 69_000, -50_000])
        #expect(try await store.read { try $0.paymentSum() } == Money(cents: 69_000))
        // An overpayment (confirmed) is credit: nothing open, paid beyond the gross.
        _ = try await kontor.addPayment(
            invoice: invoice.number!, amount: Money(cents: 60_000), on: Self.day, confirmOverpayment: true)
        try await expectBalance(kontor, store, invoice, open: .zero, status: .paid)
        #expect(try await kontor.invoice(invoice.number!).overpaid == Money(cents: 10_000))
    }

    /// Cancelling an issued invoice closes its balance (nothing open, whatever was paid) and issues the
    /// cancellation invoice with the next number; neither counts as open anywhere.
    public func cancellationClosesTheBalance() async throws {
        let (kontor, store, customer) = try await book()
        let invoice = try await issued(kontor, customer)
        _ = try await kontor.addPayment(invoice: invoice.number!, amount: Money(cents: 20_000), on: Self.day)
        let cancellation = try await kontor.cancelInvoice(invoice.number!, on: Self.day)
        #expect(cancellation.number == "2026-0002" && cancellation.kind == .cancellation)
        try await expectBalance(kontor, store, invoice, open: .zero, status: .cancelled)
        let stored = try await kontor.invoice(cancellation.number!)
        #expect(stored.status == .issued && stored.openAmount == .zero && stored.cancelsInvoiceId == invoice.id)
        #expect(try await kontor.invoice(invoice.number!).cancelledByNumber == cancellation.number)
        #expect(try await store.read { try $0.customersOwing() }.isEmpty)
        // Cancelling does not move any money: the payment is still there, as credit.
        #expect(try await kontor.invoice(invoice.number!).overpaid == Money(cents: 20_000))
    }

    /// Checks every read that shows an invoice's balance.
    func expectBalance(
        _ kontor: Kontor, _ store: any BookStore, _ invoice: Invoice, open: Money, status: InvoiceStatus,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let read = try await kontor.invoice(invoice.number!)
        #expect(read.openAmount == open, sourceLocation: sourceLocation)
        #expect(read.status == status, sourceLocation: sourceLocation)
        let (balances, count, principal, morning, owing) = try await store.read { book in
            (
                try book.openBalances().filter { $0.invoiceId == invoice.id },
                try book.invoiceCount(InvoiceQuery(customerId: invoice.customerId, openOnly: true)),
                try book.openPrincipal(customerIds: [invoice.customerId]),
                try book.openInvoices(dueOnOrBefore: Day("2099-12-31")!).filter { $0.invoiceId == invoice.id },
                try book.customersOwing().map(\.id)
            )
        }
        #expect(balances.map(\.open) == (open.cents > 0 ? [open] : []), sourceLocation: sourceLocation)
        #expect(count.open == open, sourceLocation: sourceLocation)
        #expect(count.count == (open.cents > 0 ? 1 : 0), sourceLocation: sourceLocation)
        #expect(principal[invoice.customerId] == (open.cents > 0 ? open : nil), sourceLocation: sourceLocation)
        #expect(morning.map(\.openAmount) == (open.cents > 0 ? [open] : []), sourceLocation: sourceLocation)
        #expect(owing == (open.cents > 0 ? [invoice.customerId] : []), sourceLocation: sourceLocation)
    }

    /// Every status filter finds exactly the invoices whose domain status (`Invoice.status`) it names, and counts
    /// them and their open money alike; so do the open and overdue filters, on a book with invoices in every state
    /// (the demo year, a cancellation, a reversal, an overpayment and a paid invoice of 0 €).
    public func statusFiltersEqualTheDomainStatus() async throws {
        let store = try await makeStore()
        let kontor = Kontor(store: store)
        let today = Day("2026-11-26")!
        _ = try await kontor.fillDemoBook(today: today)
        let customer = try #require(try await kontor.customers().first)
        let reversed = try await issued(kontor, customer, on: today)
        let payment = try await kontor.addPayment(invoice: reversed.number!, amount: Money(cents: 119_000), on: today)
        _ = try await kontor.reversePayment(id: payment.payment.id, on: today, reason: "Rücklastschrift")
        let overpaid = try await issued(kontor, customer, on: today)
        _ = try await kontor.addPayment(
            invoice: overpaid.number!, amount: Money(cents: 130_000), on: today, confirmOverpayment: true)
        let cancelled = try await issued(kontor, customer, on: today)
        _ = try await kontor.addPayment(invoice: cancelled.number!, amount: Money(cents: 10_000), on: today)
        _ = try await kontor.cancelInvoice(cancelled.number!, on: today)
        let free = try await issued(kontor, customer, cents: 0, on: today)
        _ = try await kontor.addPayment(
            invoice: free.number!, amount: Money(cents: 500), on: today, confirmOverpayment: true)
        _ = try await draft(kontor, customer, on: today)

        let all = try await kontor.invoices(InvoiceQuery())
        #expect(Set(all.map(\.status)) == Set(InvoiceStatus.allCases))
        for status in InvoiceStatus.allCases {
            for customerId in [nil, customer.id] {
                let query = InvoiceQuery(status: status, customerId: customerId)
                let expected = all.filter { $0.status == status && (customerId == nil || $0.customerId == customerId) }
                let (found, count) = try await store.read { (try $0.invoices(query), try $0.invoiceCount(query)) }
                #expect(found.map(\.id) == expected.map(\.id), "status \(status), customer \(customerId as Any)")
                #expect(count.count == expected.count, "count of status \(status), customer \(customerId as Any)")
                #expect(count.open == expected.map(\.openAmount).reduce(.zero, +), "open of status \(status)")
            }
        }
        let open = try await kontor.invoices(InvoiceQuery(openOnly: true))
        #expect(open.map(\.id) == all.filter { $0.openAmount.cents > 0 }.map(\.id))
        for day in [today.adding(days: -30), today, today.adding(days: 30)] {
            let overdue = try await kontor.invoices(InvoiceQuery(overdueOn: day))
            #expect(overdue.map(\.id) == all.filter { $0.isOverdue(on: day) }.map(\.id), "overdue on \(day)")
            let count = try await store.read { try $0.invoiceCount(InvoiceQuery(overdueOn: day)) }
            #expect(count.count == overdue.count)
        }
        let whole = try await store.read { try $0.invoiceCount(InvoiceQuery()) }
        #expect(whole.count == all.count && whole.open == all.map(\.openAmount).reduce(.zero, +))
    }
}

extension StoreContract {
    /// Costs and interest are receivables beside the invoice: a payment's part for them leaves the principal open,
    /// and the receivables report counts the charges less what paid them. A claimed charge is never replaced.
    public func onlyThePrincipalMovesTheBalance() async throws {
        let (kontor, store, customer) = try await book()
        let invoice = try await issued(kontor, customer)
        let charges = try await store.write { book in
            [
                try book.insert(
                    dunningCharge: DunningCharge(
                        invoiceId: invoice.id, customerId: customer.id, kind: .lumpSum, amount: Money(cents: 4_000),
                        arisenOn: Self.day)),
                try book.insert(
                    dunningCharge: DunningCharge(
                        invoiceId: invoice.id, customerId: customer.id, kind: .interest, amount: Money(cents: 500),
                        arisenOn: Self.day)),
            ]
        }
        #expect(try await store.read { try $0.dunningCharges(invoiceIds: [invoice.id]) } == charges)
        var replaced = charges[0]
        replaced.amount = Money(cents: 1)
        await expectImmutable(store, "a claimed charge replaced") { [replaced] book in
            _ = try book.insert(dunningCharge: replaced)
        }
        let claims = try await store.read { try $0.receivableItems(owingOnly: true).map(\.claims) }
        #expect(claims == [Money(cents: 4_500)])
        _ = try await store.write { book in
            try book.insert(
                payment: Payment(
                    invoiceId: invoice.id, customerId: customer.id, amount: Money(cents: 10_000), receivedOn: Self.day,
                    toCosts: Money(cents: 4_000), toInterest: Money(cents: 500)))
        }
        try await expectBalance(kontor, store, invoice, open: Money(cents: 119_000 - 5_500), status: .partiallyPaid)
        let after = try await store.read { try $0.receivableItems(owingOnly: false) }
        #expect(after.map(\.claims) == [.zero] && after.map(\.open) == [Money(cents: 113_500)])
        #expect(after.map(\.lastPayment) == [Self.day])
        #expect(try await store.read { try $0.paymentSum() } == Money(cents: 10_000))
    }

    /// What other records refer to is not deleted: a quote a job was made from stays, and so does the draft a
    /// payment was booked on (the store refuses, nothing changes); a draft nothing refers to goes.
    public func referencedRecordsAreNotDeleted() async throws {
        let (kontor, store, customer) = try await book()
        let quote = try await kontor.addQuote(
            customerId: customer.id, inquiryId: nil, title: "Whitepaper", on: Self.day, validUntil: nil,
            paymentTermDays: nil)
        _ = try await store.write { book in
            try book.insert(
                job: Job(customerId: customer.id, quoteId: quote.id, title: "Whitepaper", createdOn: Self.day))
        }
        await #expect(throws: StoreError.self) { try await store.write { try $0.deleteQuote(id: quote.id) } }
        #expect(try await store.read { try $0.quote(id: quote.id) } == quote)
        let draft = try await draft(kontor, customer)
        _ = try await store.write { book in
            try book.insert(
                dunningHold: DunningHold(
                    customerId: customer.id, invoiceId: draft.id, until: Self.day, reason: "Rückfrage",
                    createdOn: Self.day))
        }
        let version = try await kontor.bookVersion()
        await #expect(throws: StoreError.self) { try await store.write { try $0.deleteDraft(id: draft.id) } }
        #expect(try await kontor.invoice("\(draft.id)") == draft)
        #expect(try await kontor.bookVersion() == version)
        let unused = try await self.draft(kontor, customer)
        try await store.write { try $0.deleteDraft(id: unused.id) }
        #expect(try await store.read { try $0.invoice(id: unused.id) } == nil)
    }
}
