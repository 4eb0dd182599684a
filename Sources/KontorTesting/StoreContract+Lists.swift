import Foundation
import KontorApp
import KontorCore
import Testing

/// Orders, windows and the bank's idempotency.
extension StoreContract {
    /// Customers come in `CustomerOrder` wherever they are listed by name: case does not matter, umlauts stand
    /// beside their letters, equal names in the order they were added.
    public func customersAreInCustomerOrder() async throws {
        let (kontor, store, first) = try await book()
        var added = [first]
        for name in [
            "zeta Verlag", "Äpfel & Birnen", "apfel GmbH", "Bär Media", "bar Medien", "Zeta Verlag", "Özil",
            "Oase", "müller & söhne kg", "10 Finger", "Éditions Lumière",
        ] {
            added.append(try await kontor.addCustomer(Self.customer(name)))
        }
        let expected = added.sorted(by: CustomerOrder.byName).map(\.id)
        #expect(try await kontor.customers().map(\.id) == expected)
        let (list, choices, few) = try await store.read { book in
            (
                try book.customerList(status: nil, search: nil, window: ListWindow(size: 100)).items.map(\.id),
                try book.customerChoices(limit: 100, including: nil),
                try book.customerChoices(limit: 3, including: first.id)
            )
        }
        #expect(list == expected)
        #expect(choices.total == added.count && choices.choices.map(\.id) == expected)
        // The three newest and the one asked for, by name.
        let newest = Set(added.suffix(3).map(\.id) + [first.id])
        #expect(few.total == added.count && few.choices.map(\.id) == expected.filter(newest.contains))
        // A typed name: the same name ignoring ASCII case first, else names containing it, by name.
        let named = try await store.read { book in
            (
                try book.customersNamed("ZETA VERLAG", limit: 5).map(\.id),
                try book.customersNamed("verlag", limit: 5).map(\.id), try book.customersNamed("a", limit: 3).map(\.id),
                try book.customer(name: "ZETA verlag")?.id, try book.customer(name: "äPFEL & BIRNEN")?.id
            )
        }
        let zetas = added.filter { $0.name.lowercased() == "zeta verlag" }.map(\.id)
        #expect(named.0 == zetas)
        #expect(named.1 == expected.filter(zetas.contains))
        let withA = added.filter { $0.name.lowercased().contains("a") }.sorted(by: CustomerOrder.byName).map(\.id)
        #expect(named.2 == Array(withA.prefix(3)))
        #expect(named.3 == zetas.first)
        // Only ASCII letters fold in a lookup by name.
        #expect(named.4 == nil)
        // Owing customers, by name too.
        for customer in added.reversed() { _ = try await issued(kontor, customer) }
        #expect(try await store.read { try $0.customersOwing() }.map(\.id) == expected)
        // A search matches name, e-mail, contact person and city, ignoring ASCII case.
        #expect(try await kontor.customers(search: "VERLAG").map(\.id) == expected.filter(zetas.contains))
        #expect(try await kontor.customers(search: "dortmund").count == added.count)
        #expect(try await kontor.customers(search: "mueller@").map(\.id) == [first.id])
    }

    /// Every list read in windows gives, window after window, exactly the whole list in its order, and each window
    /// knows the length of the whole list.
    public func listWindowsConcatenate() async throws {
        let store = try await makeStore()
        let kontor = Kontor(store: store)
        let today = Day("2026-11-26")!
        _ = try await kontor.fillDemoBook(today: today)
        func pages<Item>(_ read: @escaping @Sendable (any BookReader, ListWindow) throws -> ListPage<Item>)
            async throws -> (items: [Item], totals: Set<Int>)
        {
            var items: [Item] = []
            var totals: Set<Int> = []
            var page = 1
            while true {
                let asked = ListWindow(page: page, size: 4)
                let window = try await store.read { try read($0, asked) }
                items += window.items
                totals.insert(window.total)
                if window.items.count < 4 || page > 1_000 { break }
                page += 1
            }
            return (items, totals)
        }
        // Invoices by limit and offset.
        let invoices = try await kontor.invoices(InvoiceQuery())
        var windows: [Invoice] = []
        for offset in stride(from: 0, to: invoices.count + 4, by: 4) {
            var query = InvoiceQuery(limit: 4)
            query.offset = offset
            windows += try await kontor.invoices(query)
        }
        #expect(windows.map(\.id) == invoices.map(\.id))
        #expect(invoices.count > 8)
        let customers = try await pages { try $0.customerList(status: nil, search: nil, window: $1) }
        #expect(customers.items.map(\.id) == (try await kontor.customers().map(\.id)))
        #expect(customers.totals == [customers.items.count])
        let payments = try await pages { try $0.paymentList(window: $1) }
        let allPayments = try await kontor.payments()
        #expect(payments.items.map(\.id) == allPayments.reversed().map(\.id))
        #expect(payments.totals == [allPayments.count] && allPayments.count > 4)
        let quotes = try await pages { try $0.quoteList(window: $1) }
        #expect(quotes.items.map(\.id) == (try await store.read { try $0.quotes(customerId: nil) }.map(\.id)))
        #expect(quotes.totals == [quotes.items.count] && quotes.items.count > 4)
        let jobs = try await pages { try $0.jobList(window: $1) }
        let allJobs = try await store.read { try $0.jobs(openOnly: false, customerId: nil, deadlineOnOrBefore: nil) }
        // Both by deadline, those without one last; then by id.
        #expect(jobs.items.map(\.id) == allJobs.map(\.id))
        #expect(jobs.totals == [allJobs.count])
        for status in InquiryStatus.allCases {
            let inquiries = try await pages { try $0.inquiryList(status: status, window: $1) }
            let all = try await store.read { try $0.inquiries(statuses: [status], customerId: nil) }
            let expected =
                status == .won || status == .lost
                ? all.sorted {
                    ($0.closedOn ?? Day(ordinal: Int.min / 2), $0.id) > (
                        $1.closedOn ?? Day(ordinal: Int.min / 2), $1.id
                    )
                }
                : all.sorted(by: Inquiry.workOrder)
            #expect(inquiries.items.map(\.id) == expected.map(\.id), "inquiries \(status)")
            #expect(inquiries.totals == [all.count])
        }
        for status in DunningLetterStatus.allCases {
            let letters = try await pages { try $0.dunningLetterList(status: status, window: $1) }
            let all = try await store.read { try $0.dunningLetters(status: status, invoiceIds: nil) }
            #expect(letters.items.map(\.id) == all.map(\.id), "letters \(status)")
        }
        // Payments newest first, inquiries oldest first, jobs by deadline: the orders themselves.
        #expect(allPayments.map { [$0.receivedOn.ordinal, Int($0.id)] }.isSorted())
        #expect(allJobs.map { [($0.deadline ?? Day("9999-12-31")!).ordinal, Int($0.id)] }.isSorted())
        #expect(invoices.map { [-($0.issueDate ?? $0.draftedOn).ordinal, -Int($0.id)] }.isSorted())
    }

    /// The same statement imported twice stores each entry once and books each payment once.
    public func bankEntriesAreIdempotent() async throws {
        let (kontor, store, customer) = try await book()
        let invoice = try await issued(kontor, customer)
        let statement = Self.camt([
            ("REF-1", invoice.totals.gross, customer.name, "Rechnung \(invoice.number!)"),
            ("REF-2", Money(cents: 4_711), "Finanzamt Köln", "Erstattung"),
            ("REF-3", Money(cents: 1_000), "Unbekannt", "Spende"),
        ])
        let today = Self.day.adding(days: 20)
        let first = try await kontor.importStatement(
            data: statement, fileName: "auszug.xml", dryRun: false, today: today)
        #expect(first.applied.count == 1 && first.queued == 2 && first.alreadyImported == 0)
        let (entries, payments) = try await store.read {
            (try $0.bankEntries(status: nil), try $0.payments(invoiceId: nil, customerId: nil))
        }
        #expect(entries.count == 3 && payments.count == 1)
        let identities = Set(entries.map(\.identity))
        #expect(
            try await store.read { try $0.knownBankEntries(identities: Array(identities) + ["unknown"]) } == identities)
        let again = try await kontor.importStatement(
            data: statement, fileName: "auszug.xml", dryRun: false, today: today)
        #expect(again.alreadyImported == 3 && again.applied.isEmpty && again.queued == 0)
        let after = try await store.read {
            (try $0.bankEntries(status: nil), try $0.payments(invoiceId: nil, customerId: nil))
        }
        #expect(after.0 == entries && after.1 == payments)
        #expect(try await kontor.invoice(invoice.number!).status == .paid)
        // The payer's account and name are remembered for the customer through the booked payment.
        let facts = try await store.read {
            (try $0.customerIBANs(customerIds: [customer.id]), try $0.customerPayerNames(customerIds: [customer.id]))
        }
        #expect(facts.0 == [customer.id: ["DE02120300000000202051"]] && facts.1 == [customer.id: [customer.name]])
    }
}

extension Array where Element == [Int] {
    /// Whether the rows are in ascending lexicographic order.
    func isSorted() -> Bool {
        zip(self, dropFirst()).allSatisfy { !$1.lexicographicallyPrecedes($0) }
    }
}
