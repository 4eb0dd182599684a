import Foundation
import KontorApp
import KontorCore
import Testing

/// The broadest rule: after the same history of use cases, the store answers every read of the port exactly as the
/// reference (`InMemoryBookStore`) does — orders, filters, windows, sums and counters included.
extension StoreContract {
    /// A year of the demo book, a reminder run with a letter sent and one skipped, a hold, notes, logged work, a
    /// statement import, a payment reversed and an invoice cancelled, in this store and in the reference store;
    /// then every read of the port is compared.
    public func answersEveryReadAsTheReference() async throws {
        let store = try await makeStore()
        let reference = InMemoryBookStore()
        let today = Day("2026-11-26")!
        try await Self.history(Kontor(store: store), today: today)
        try await Self.history(Kontor(store: reference), today: today)
        let mine = try await Self.answers(store, today: today)
        let expected = try await Self.answers(reference, today: today)
        #expect(mine.keys.sorted() == expected.keys.sorted())
        #expect(mine.count > 90)
        for (read, answer) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(mine[read] == answer, "\(read)")
        }
    }

    /// The same history for every store: deterministic use cases only.
    static func history(_ kontor: Kontor, today: Day) async throws {
        _ = try await kontor.fillDemoBook(today: today)
        let run = try await kontor.runReminders(today: today)
        if let first = run.created.first { _ = try await kontor.approveReminder(id: first.id, on: today) }
        if run.created.count > 1 { _ = try await kontor.skipReminder(id: run.created[1].id, on: today) }
        let customers = try await kontor.customers()
        let owing = try await kontor.invoices(InvoiceQuery(openOnly: true))
        if let invoice = owing.last {
            _ = try await kontor.holdDunning(
                customerId: invoice.customerId, invoice: invoice.number, until: today.adding(days: 10),
                reason: "Urlaub",
                on: today)
            _ = try await kontor.addNote(
                customerId: invoice.customerId, text: "Zahlt nach dem Urlaub", on: today, kind: .promise,
                invoice: invoice.number, promisedFor: today.adding(days: 12))
        }
        for customer in customers.prefix(3) {
            _ = try await kontor.addNote(customerId: customer.id, text: "Rief an", on: today.adding(days: -1))
        }
        let open = try await kontor.jobs().filter(\.isOpen)
        if let job = open.first {
            _ = try await kontor.logWork(jobId: job.id, hours: Quantity(2), words: 800, on: today, today: today)
        }
        // A statement paying the first open invoice in full, and an unknown credit.
        var credits: [(String, Money, String, String)] = [
            ("REF-X", Money(cents: 4_711), "Finanzamt Köln", "Erstattung Einkommensteuer")
        ]
        if let invoice = owing.first, let number = invoice.number {
            credits.append(("REF-1", invoice.openAmount, invoice.buyer?.name ?? "", "Rechnung \(number)"))
        }
        _ = try await kontor.importStatement(
            data: camt(credits, day: today.description), fileName: "auszug.xml", dryRun: false, today: today)
        if let payment = try await kontor.payments().first(where: { $0.kind == .received }) {
            _ = try await kontor.reversePayment(id: payment.id, on: today, reason: "Rücklastschrift")
        }
        if owing.count > 2, let number = owing[1].number { _ = try await kontor.cancelInvoice(number, on: today) }
    }

    /// Every read of the port on the book, each answer written out as text (dictionaries and sets in key order, and
    /// the few reads whose order the port leaves open sorted).
    static func answers(_ store: any BookStore, today: Day) async throws -> [String: String] {
        try await store.read { book in
            var answers: [String: String] = [:]
            func put(_ read: String, _ value: Any) { answers[read] = String(describing: value) }
            func putSorted<Key: Comparable, Value>(_ read: String, _ value: [Key: Value]) {
                put(read, value.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" })
            }
            func putUnordered(_ read: String, _ values: [some Any]) {
                put(read, values.map { String(describing: $0) }.sorted())
            }
            func pageOf<Item>(_ page: ListPage<Item>) -> String { "\(page.total) \(page.items)" }

            let customers = try book.customers(status: nil, search: nil)
            let customerIds = Set(customers.map(\.id))
            let invoices = try book.invoices(InvoiceQuery())
            let invoiceIds = Set(invoices.map(\.id))
            let window = ListWindow(page: 2, size: 3)
            put("bookVersion", try book.bookVersion())
            put("profile", try book.profile() as Any)
            put("customers", customers)
            for status in CustomerStatus.allCases {
                put("customers(\(status))", try book.customers(status: status, search: nil))
                put(
                    "customerList(\(status))",
                    pageOf(try book.customerList(status: status, search: "e", window: window)))
            }
            put("customers(search: er)", try book.customers(status: nil, search: "er"))
            put("customer(email:)", try customers.compactMap(\.email).map { try book.customer(email: $0.uppercased()) })
            put("customer(name:)", try customers.map { try book.customer(name: $0.name.lowercased())?.id as Any })
            putSorted("customerNames", try book.customerNames(ids: customerIds))
            putSorted("customers(ids:)", try book.customers(ids: customerIds))
            putSorted("customerStatuses", try book.customerStatuses(ids: customerIds))
            put("inquiries", try book.inquiries(statuses: nil, customerId: nil))
            for status in InquiryStatus.allCases {
                put("inquiries(\(status))", try book.inquiries(statuses: [status], customerId: customers.first?.id))
                put("inquiryList(\(status))", pageOf(try book.inquiryList(status: status, window: window)))
            }
            put("quotes", try book.quotes(customerId: nil))
            put("quote(id:)", try book.quotes(customerId: nil).map { try book.quote(id: $0.id) as Any })
            put("jobs", try book.jobs(openOnly: false, customerId: nil, deadlineOnOrBefore: nil))
            put("jobs(open)", try book.jobs(openOnly: true, customerId: nil, deadlineOnOrBefore: today))
            put(
                "job(id:)",
                try book.jobs(openOnly: false, customerId: nil, deadlineOnOrBefore: nil).map {
                    try book.job(id: $0.id) as Any
                })
            put("invoices", invoices)
            put("invoice(id:)", try invoiceIds.sorted().map { try book.invoice(id: $0) as Any })
            put("invoice(number:)", try invoices.compactMap(\.number).map { try book.invoice(number: $0)?.id as Any })
            for status in InvoiceStatus.allCases {
                var query = InvoiceQuery(status: status, limit: 4)
                query.offset = 1
                put("invoices(\(status))", try book.invoices(InvoiceQuery(status: status)).map(\.id))
                put("invoices(\(status), window)", try book.invoices(query).map(\.id))
                put("invoiceCount(\(status))", try book.invoiceCount(InvoiceQuery(status: status)))
            }
            for day in [today.adding(days: -60), today, today.adding(days: 40)] {
                put("invoices(overdueOn: \(day))", try book.invoices(InvoiceQuery(overdueOn: day)).map(\.id))
                put("invoiceCount(overdueOn: \(day))", try book.invoiceCount(InvoiceQuery(overdueOn: day)))
                put("openInvoices(\(day))", try book.openInvoices(dueOnOrBefore: day))
            }
            put("invoices(openOnly)", try book.invoices(InvoiceQuery(openOnly: true)).map(\.id))
            put("invoiceCount", try book.invoiceCount(InvoiceQuery()))
            putSorted("invoiceNumbers", try book.invoiceNumbers(ids: invoiceIds))
            put("paidInvoiceCount", try customers.map { try book.paidInvoiceCount(customerId: $0.id) })
            put("payments", try book.payments(invoiceId: nil, customerId: nil))
            put("payments(customer)", try book.payments(invoiceId: nil, customerId: customers.first?.id))
            putSorted("payments(invoiceIds:)", try book.payments(invoiceIds: invoiceIds))
            put(
                "payment(id:)",
                try book.payments(invoiceId: nil, customerId: nil).map { try book.payment(id: $0.id) as Any })
            put("dunningCharges", try book.dunningCharges(invoiceIds: invoiceIds))
            put("notes", try customers.map { try book.notes(customerId: $0.id) })
            putSorted("notes(customerIds:)", try book.notes(customerIds: customerIds))
            put("dunningLetters", try book.dunningLetters(status: nil, invoiceIds: nil))
            for status in DunningLetterStatus.allCases {
                put("dunningLetters(\(status))", try book.dunningLetters(status: status, invoiceIds: invoiceIds))
                put("dunningLetterList(\(status))", pageOf(try book.dunningLetterList(status: status, window: window)))
            }
            put(
                "dunningLetter(id:)",
                try book.dunningLetters(status: nil, invoiceIds: nil).map { try book.dunningLetter(id: $0.id) as Any })
            put("dunningMarks", try book.dunningMarks(invoiceIds: invoiceIds))
            put("customersSentNotices", try book.customersSentNotices(among: customerIds).sorted())
            put("dunningHolds(customerIds:)", try book.dunningHolds(customerIds: customerIds))
            put("dunningHolds(endingOnOrAfter:)", try book.dunningHolds(endingOnOrAfter: today))
            putUnordered("receivableItems", try book.receivableItems(owingOnly: false))
            putUnordered("receivableItems(owing)", try book.receivableItems(owingOnly: true))
            let entries = try book.bankEntries(status: nil)
            put("bankEntries", entries)
            put(
                "knownBankEntries", try book.knownBankEntries(identities: entries.map(\.identity) + ["x"]).sorted()
            )
            put("bankEntry(id:)", try entries.map { try book.bankEntry(id: $0.id) as Any })
            put("bankEntry(identity:)", try entries.map { try book.bankEntry(identity: $0.identity) as Any })
            for status in BankEntryStatus.allCases {
                put("bankEntries(\(status))", try book.bankEntries(status: status))
                put(
                    "bankEntryList(\(status))",
                    pageOf(try book.bankEntryList(status: status, window: ListWindow(size: 2))))
            }
            putSorted("customerIBANs", try book.customerIBANs(customerIds: customerIds).mapValues { $0.sorted() })
            putSorted(
                "customerPayerNames", try book.customerPayerNames(customerIds: customerIds).mapValues { $0.sorted() })
            put("openBalances", try book.openBalances())
            put("agendaSlots", try book.agendaSlots())
            put("workLogs", try book.workLogs(jobIds: nil))
            put("messageTemplate", try book.messageTemplate(key: "reminder.de") as Any)
            put("webUserCount", try book.webUserCount())
            put("webUsers", try book.webUsers())
            put("numberCounter", try book.numberCounter(series: InvoiceNumberFormat.standard.series(for: today)))
            put("deadlineChanges", try customers.map { try book.deadlineChanges(customerId: $0.id) })
            put("outboxMessages", try book.outboxMessages(statuses: nil, limit: nil))
            put("mailSettings", try book.mailSettings() as Any)
            put("importedMails", try book.importedMails(customerId: nil, limit: nil))
            putSorted("openPrincipal", try book.openPrincipal(customerIds: customerIds))
            put("paymentList", pageOf(try book.paymentList(window: window)))
            put("paymentSum", try book.paymentSum())
            put("quoteList", pageOf(try book.quoteList(window: window)))
            put("jobList", pageOf(try book.jobList(window: window)))
            put(
                "jobs(deadlineFrom:)",
                try book.jobs(deadlineFrom: today.adding(days: -30), through: today.adding(days: 30)))
            put("invoiceIdsWithDraftLetters", try book.invoiceIdsWithDraftLetters().sorted())
            put("latestDecidedLetters", try book.latestDecidedLetters(limit: 5))
            put("customersOwing", try book.customersOwing().map { "\($0.id) \($0.name)" })
            let choices = try book.customerChoices(limit: 5, including: customers.first?.id)
            put("customerChoices", "\(choices.total) \(choices.choices.map { "\($0.id) \($0.name)" })")
            put("customersNamed(e)", try book.customersNamed("e", limit: 4).map { "\($0.id) \($0.name)" })
            put(
                "customersNamed(exact)",
                try customers.map { try book.customersNamed($0.name.uppercased(), limit: 2).map(\.id) })
            put("jobsToInvoice", try book.jobsToInvoice(deliveredSince: today.adding(days: -120)))
            putSorted(
                "revenueByDay",
                try book.revenueByDay(from: today.adding(days: -365), through: today)
                    .mapValues { "\($0.gross) \($0.invoices)" })
            putUnordered("inquiryTallies", try book.inquiryTallies(receivedSince: nil))
            putUnordered("inquiryTallies(since)", try book.inquiryTallies(receivedSince: today.adding(days: -120)))
            put(
                "acceptedOrderValues",
                try book.acceptedOrderValues(receivedSince: nil)
                    .map { "\($0.key) \($0.value.map(\.cents).sorted())" }.sorted())
            return answers
        }
    }
}
