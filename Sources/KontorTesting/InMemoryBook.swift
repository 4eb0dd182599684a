import Foundation
import KontorApp
import KontorCore

/// The book seen by one transaction of `InMemoryBookStore`: reads answer from `state`, writes change it (the store
/// keeps it only when the transaction's closure returns). Every method answers as the SQLite store's does; where
/// its SQL decides an order or a filter, the comment names the clause this mirrors.
final class InMemoryBook: BookWriter {
    var state: BookState

    init(_ state: BookState) { self.state = state }

    // MARK: - Helpers

    /// The rows of a table in id order (SQLite's order where a query names none).
    func byId<Row>(_ rows: [Int64: Row]) -> [Row] {
        rows.keys.sorted().map { rows[$0]! }
    }

    /// An invoice with its balance's moving side filled in, as the SQLite store assembles it.
    func assembled(_ invoice: Invoice) -> Invoice {
        var invoice = invoice
        let balance = state.balances[invoice.id]?.balance
        invoice.paid = balance?.paid ?? .zero
        invoice.isCancelled = balance?.isCancelled ?? false
        invoice.cancelledByNumber = balance?.cancelledByNumber
        return invoice
    }

    /// One window of a list already in its order.
    func page<Item>(_ items: [Item], _ window: ListWindow) -> ListPage<Item> {
        ListPage(items: Array(items.dropFirst(window.offset).prefix(window.size)), total: items.count, window: window)
    }

    /// SQL's `value LIKE '%text%'` with SQLite's rules: ASCII letters match without case, `%` and `_` in `text` are
    /// wildcards unless `escaped`; NULL matches nothing.
    static func like(_ value: String?, contains text: String, escaped: Bool = false) -> Bool {
        guard let value else { return false }
        let pattern = CustomerOrder.asciiFolded(text)
        // Pattern tokens: a literal byte, `_` (one character) or `%` (any run), as LIKE reads them.
        enum Token: Equatable {
            case byte(UInt8)
            case one, any
        }
        var tokens: [Token] = [.any]
        var index = 0
        while index < pattern.count {
            let byte = pattern[index]
            if escaped, byte == UInt8(ascii: "\\"), index + 1 < pattern.count {
                tokens.append(.byte(pattern[index + 1]))
                index += 2
                continue
            }
            tokens.append(byte == UInt8(ascii: "%") ? .any : byte == UInt8(ascii: "_") ? .one : .byte(byte))
            index += 1
        }
        tokens.append(.any)
        // `_` matches one character, which is one to four bytes of UTF-8: match on characters' byte runs.
        let characters = value.map { CustomerOrder.asciiFolded(String($0)) }
        func matches(_ t: Int, _ c: Int) -> Bool {
            if t == tokens.count { return c == characters.count }
            switch tokens[t] {
            case .any: return (c...characters.count).contains { matches(t + 1, $0) }
            case .one: return c < characters.count && matches(t + 1, c + 1)
            case .byte:
                // A run of literal bytes must equal the next characters' bytes exactly.
                var bytes: [UInt8] = []
                var end = t
                while end < tokens.count, case .byte(let b) = tokens[end] {
                    bytes.append(b)
                    end += 1
                }
                var taken: [UInt8] = []
                var next = c
                while taken.count < bytes.count, next < characters.count {
                    taken += characters[next]
                    next += 1
                }
                return taken == bytes && matches(end, next)
            }
        }
        return matches(0, 0)
    }

    static let farFuture = Day(year: 9999, month: 12, day: 31)!

    // MARK: - Profile and customers

    func bookVersion() throws -> Int64 { state.version }

    func profile() throws -> BusinessProfile? { state.profile }

    func customer(id: Int64) throws -> Customer? { state.customers[id] }

    /// `customerRequest`: status, and the search in name, e-mail, contact person and city (LIKE, unescaped).
    func filteredCustomers(status: CustomerStatus?, search: String?) -> [Customer] {
        state.customers.values.filter { customer in
            if let status, customer.status != status { return false }
            if let search, !search.isEmpty {
                return [customer.name, customer.email, customer.contactPerson, customer.address?.city]
                    .contains { Self.like($0, contains: search) }
            }
            return true
        }
    }

    func customers(status: CustomerStatus?, search: String?) throws -> [Customer] {
        filteredCustomers(status: status, search: search).sorted(by: CustomerOrder.byName)
    }

    func customer(email: String) throws -> Customer? {
        // `lower(email) = lower(?)`: SQLite's lower() folds ASCII only.
        byId(state.customers).first { $0.email.map { CustomerOrder.isSameName($0, email) } ?? false }
    }

    func customer(name: String) throws -> Customer? {
        byId(state.customers).first { CustomerOrder.isSameName(name, $0.name) }
    }

    func customerNames(ids: Set<Int64>) throws -> [Int64: String] {
        Dictionary(uniqueKeysWithValues: ids.compactMap { id in state.customers[id].map { (id, $0.name) } })
    }

    func customers(ids: Set<Int64>) throws -> [Int64: Customer] {
        Dictionary(uniqueKeysWithValues: ids.compactMap { id in state.customers[id].map { (id, $0) } })
    }

    func customerStatuses(ids: Set<Int64>) throws -> [Int64: CustomerStatus] {
        Dictionary(uniqueKeysWithValues: ids.compactMap { id in state.customers[id].map { (id, $0.status) } })
    }

    // MARK: - Inquiries, quotes, jobs

    func inquiry(id: Int64) throws -> Inquiry? { state.inquiries[id] }

    func inquiries(statuses: [InquiryStatus]?, customerId: Int64?) throws -> [Inquiry] {
        state.inquiries.values.filter { inquiry in
            (statuses?.contains(inquiry.status) ?? true) && (customerId == nil || inquiry.customerId == customerId)
        }.sorted { ($0.receivedOn, $0.id) < ($1.receivedOn, $1.id) }
    }

    func quote(id: Int64) throws -> Quote? { state.quotes[id] }

    /// Newest first: `createdOn DESC, id DESC`.
    static func newestQuoteFirst(_ lhs: Quote, _ rhs: Quote) -> Bool {
        (lhs.createdOn, lhs.id) > (rhs.createdOn, rhs.id)
    }

    func quotes(customerId: Int64?) throws -> [Quote] {
        state.quotes.values.filter { customerId == nil || $0.customerId == customerId }
            .sorted(by: Self.newestQuoteFirst)
    }

    func job(id: Int64) throws -> Job? { state.jobs[id] }

    func jobs(openOnly: Bool, customerId: Int64?, deadlineOnOrBefore: Day?) throws -> [Job] {
        state.jobs.values.filter { job in
            if openOnly && !job.isOpen { return false }
            if let customerId, job.customerId != customerId { return false }
            if let deadlineOnOrBefore {
                guard let deadline = job.deadline, deadline <= deadlineOnOrBefore else { return false }
            }
            return true
        }.sorted {
            // `deadline IS NULL, deadline, id`: those without a deadline last.
            ($0.deadline == nil ? 1 : 0, $0.deadline ?? Self.farFuture, $0.id)
                < ($1.deadline == nil ? 1 : 0, $1.deadline ?? Self.farFuture, $1.id)
        }
    }

    // MARK: - Invoices

    func invoice(id: Int64) throws -> Invoice? { state.invoices[id].map(assembled) }

    func invoice(number: String) throws -> Invoice? {
        state.invoices.values.first { $0.number == number }.map(assembled)
    }

    /// The invoices a query finds, before limit and offset, newest first (`COALESCE(issueDate, draftedOn) DESC,
    /// id DESC`). The status is the domain's own (`Invoice.status`), which the SQLite store's filter states in SQL.
    func matching(_ query: InvoiceQuery) -> [Invoice] {
        state.invoices.values.map(assembled).filter { invoice in
            if let customerId = query.customerId, invoice.customerId != customerId { return false }
            if let status = query.status, invoice.status != status { return false }
            let balance = state.balances[invoice.id]
            if query.openOnly, (balance?.balance.open ?? .zero).cents <= 0 { return false }
            if let day = query.overdueOn {
                // Overdue by `PaymentDeadline` in the state the customer has now (the SQL reads `customer.state`).
                guard let balance, balance.balance.open.cents > 0 else { return false }
                let state = self.state.customers[invoice.customerId]?.address?.state
                guard balance.dueDate <= PaymentDeadline.latestOverdueDueDate(on: day, state: state) else {
                    return false
                }
            }
            return true
        }.sorted {
            ($0.issueDate ?? $0.draftedOn, $0.id) > ($1.issueDate ?? $1.draftedOn, $1.id)
        }
    }

    func invoices(_ query: InvoiceQuery) throws -> [Invoice] {
        let all = matching(query)
        guard let limit = query.limit else { return all }
        return Array(all.dropFirst(query.offset ?? 0).prefix(limit))
    }

    func invoiceNumbers(ids: Set<Int64>) throws -> [Int64: String] {
        Dictionary(uniqueKeysWithValues: ids.compactMap { id in state.invoices[id]?.number.map { (id, $0) } })
    }

    func invoiceCount(_ query: InvoiceQuery) throws -> (count: Int, open: Money) {
        let found = matching(query)
        let open = found.map { state.balances[$0.id]?.balance.open ?? .zero }.reduce(Money.zero, +)
        return (found.count, open)
    }

    func openInvoices(dueOnOrBefore day: Day) throws -> [MorningList.OpenInvoice] {
        state.balances.filter { $0.value.balance.open.cents > 0 && $0.value.dueDate <= day }
            .compactMap { id, stored -> MorningList.OpenInvoice? in
                guard let invoice = state.invoices[id], let number = invoice.number,
                    let customer = state.customers[stored.customerId]
                else { return nil }
                return MorningList.OpenInvoice(
                    number: number, invoiceId: id, customerId: stored.customerId, customerName: customer.name,
                    dueDate: stored.dueDate, openAmount: stored.balance.open, state: customer.address?.state)
            }
            // `dueDate, number`: numbers compare as text.
            .sorted { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }
    }

    func paidInvoiceCount(customerId: Int64) throws -> Int {
        state.balances.values.filter {
            $0.customerId == customerId && $0.balance.open.cents == 0 && $0.balance.paid.cents > 0
                && $0.balance.gross.cents > 0 && !$0.balance.isCancelled
        }.count
    }

    func numberCounter(series: String) throws -> Int { state.counters[series] ?? 0 }

    // MARK: - Payments and charges

    /// `receivedOn, id`.
    static func paymentOrder(_ lhs: Payment, _ rhs: Payment) -> Bool {
        (lhs.receivedOn, lhs.id) < (rhs.receivedOn, rhs.id)
    }

    func payments(invoiceId: Int64?, customerId: Int64?) throws -> [Payment] {
        state.payments.values.filter {
            (invoiceId == nil || $0.invoiceId == invoiceId) && (customerId == nil || $0.customerId == customerId)
        }.sorted(by: Self.paymentOrder)
    }

    func payments(invoiceIds: Set<Int64>) throws -> [Int64: [Payment]] {
        Dictionary(
            grouping: state.payments.values.filter { invoiceIds.contains($0.invoiceId) }.sorted(by: Self.paymentOrder),
            by: \.invoiceId)
    }

    func payment(id: Int64) throws -> Payment? { state.payments[id] }

    func dunningCharges(invoiceIds: Set<Int64>) throws -> [DunningCharge] {
        byId(state.dunningCharges).filter { invoiceIds.contains($0.invoiceId) }
    }

    func paymentList(window: ListWindow) throws -> ListPage<Payment> {
        page(state.payments.values.sorted { Self.paymentOrder($1, $0) }, window)
    }

    func paymentSum() throws -> Money {
        state.payments.values.map(\.amount).reduce(Money.zero, +)
    }

    // MARK: - Notes

    /// `writtenOn, id`.
    func notesInOrder(_ include: (Note) -> Bool) -> [Note] {
        state.notes.values.filter(include).sorted { ($0.writtenOn, $0.id) < ($1.writtenOn, $1.id) }
    }

    func notes(customerId: Int64) throws -> [Note] {
        notesInOrder { $0.customerId == customerId }
    }

    func notes(customerIds: Set<Int64>) throws -> [Int64: [Note]] {
        Dictionary(grouping: notesInOrder { customerIds.contains($0.customerId) }, by: \.customerId)
    }

    // MARK: - Dunning

    func dunningLetter(id: Int64) throws -> DunningLetter? { state.dunningLetters[id] }

    /// `createdOn, id`.
    func lettersInOrder(_ include: (DunningLetter) -> Bool) -> [DunningLetter] {
        state.dunningLetters.values.filter(include).sorted { ($0.createdOn, $0.id) < ($1.createdOn, $1.id) }
    }

    func dunningLetters(status: DunningLetterStatus?, invoiceIds: Set<Int64>?) throws -> [DunningLetter] {
        lettersInOrder { letter in
            (status == nil || letter.status == status) && (invoiceIds?.contains(letter.invoiceId) ?? true)
        }
    }

    func dunningMarks(invoiceIds: Set<Int64>) throws -> [DunningMark] {
        lettersInOrder { invoiceIds.contains($0.invoiceId) }.map {
            DunningMark(
                invoiceId: $0.invoiceId, step: $0.step, status: $0.status, sentOn: $0.sentOn, skippedOn: $0.skippedOn)
        }
    }

    func customersSentNotices(among customerIds: Set<Int64>) throws -> Set<Int64> {
        Set(
            state.dunningLetters.values.filter {
                $0.status == .sent && $0.step != .inquiry && customerIds.contains($0.customerId)
            }.map(\.customerId))
    }

    func dunningHolds(customerIds: Set<Int64>) throws -> [DunningHold] {
        byId(state.dunningHolds).filter { customerIds.contains($0.customerId) }
    }

    func dunningHolds(endingOnOrAfter day: Day) throws -> [DunningHold] {
        state.dunningHolds.values.filter { $0.until >= day }.sorted { ($0.until, $0.id) < ($1.until, $1.id) }
    }

    func dunningLetterList(status: DunningLetterStatus, window: ListWindow) throws -> ListPage<DunningLetter> {
        page(lettersInOrder { $0.status == status }, window)
    }

    func invoiceIdsWithDraftLetters() throws -> Set<Int64> {
        Set(state.dunningLetters.values.filter { $0.status == .draft }.map(\.invoiceId))
    }

    func latestDecidedLetters(limit: Int) throws -> [DunningLetter] {
        // `COALESCE(sentOn, skippedOn, createdOn) DESC, id DESC`.
        Array(
            state.dunningLetters.values.filter { $0.status != .draft }.sorted {
                ($0.sentOn ?? $0.skippedOn ?? $0.createdOn, $0.id) > ($1.sentOn ?? $1.skippedOn ?? $1.createdOn, $1.id)
            }.prefix(limit))
    }

    func messageTemplate(key: String) throws -> String? { state.messageTemplates[key] }

    func receivableItems(owingOnly: Bool) throws -> [ReceivablesReport.Item] {
        // Customers owing: money open on an invoice, or charges claimed by a letter.
        var owing = Set(state.balances.values.filter { $0.balance.open.cents > 0 }.map(\.customerId))
        for charge in state.dunningCharges.values {
            if let invoice = state.invoices[charge.invoiceId] { owing.insert(invoice.customerId) }
        }
        return state.balances.keys.sorted().compactMap { id -> ReceivablesReport.Item? in
            let stored = state.balances[id]!
            guard let invoice = state.invoices[id], invoice.kind == .invoice, let issueDate = invoice.issueDate,
                let customer = state.customers[stored.customerId]
            else { return nil }
            if owingOnly && !owing.contains(stored.customerId) { return nil }
            let payments = state.payments.values.filter { $0.invoiceId == id }
            let claimed = state.dunningCharges.values.filter { $0.invoiceId == id }.map(\.amount).reduce(.zero, +)
            let paidOnClaims = payments.map { $0.toCosts + $0.toInterest }.reduce(Money.zero, +)
            return ReceivablesReport.Item(
                customerId: stored.customerId, customerName: customer.name, issueDate: issueDate,
                dueDate: stored.dueDate, gross: stored.balance.gross, open: stored.balance.open,
                claims: max(.zero, claimed - paidOnClaims), cancelled: stored.balance.isCancelled,
                lastPayment: payments.map(\.receivedOn).max(), state: customer.address?.state)
        }
    }

    // MARK: - Bank

    func knownBankEntries(identities: [String]) throws -> Set<String> {
        Set(identities).intersection(state.bankIdentities)
    }

    func bankEntry(id: Int64) throws -> BankEntry? { state.bankEntries[id] }

    func bankEntry(identity: String) throws -> BankEntry? {
        state.bankEntries.values.first { $0.identity == identity }
    }

    /// `bookingDate, id`.
    func entriesInOrder(_ include: (BankEntry) -> Bool) -> [BankEntry] {
        state.bankEntries.values.filter(include).sorted { ($0.bookingDate, $0.id) < ($1.bookingDate, $1.id) }
    }

    func bankEntries(status: BankEntryStatus?) throws -> [BankEntry] {
        entriesInOrder { status == nil || $0.status == status }
    }

    func bankEntryList(status: BankEntryStatus, window: ListWindow) throws -> ListPage<BankEntry> {
        page(entriesInOrder { $0.status == status }, window)
    }

    /// Distinct (customer, value) pairs through the customers' payments and their bank entries.
    func payerFacts(_ customerIds: Set<Int64>, _ value: (BankEntry) -> String?) -> [Int64: [String]] {
        var facts: [Int64: [String]] = [:]
        for payment in byId(state.payments) where customerIds.contains(payment.customerId) {
            guard let entryId = payment.bankEntryId, let entry = state.bankEntries[entryId],
                let fact = value(entry)
            else { continue }
            if !(facts[payment.customerId]?.contains(fact) ?? false) {
                facts[payment.customerId, default: []].append(fact)
            }
        }
        return facts
    }

    func customerIBANs(customerIds: Set<Int64>) throws -> [Int64: [String]] {
        payerFacts(customerIds) { $0.counterpartyIBAN }
    }

    func customerPayerNames(customerIds: Set<Int64>) throws -> [Int64: [String]] {
        payerFacts(customerIds) { entry in entry.counterpartyName.flatMap { $0.isEmpty ? nil : $0 } }
    }

    func openBalances() throws -> [OpenBalance] {
        state.balances.compactMap { id, stored -> OpenBalance? in
            guard stored.balance.open.cents > 0, !stored.balance.isCancelled, let invoice = state.invoices[id],
                invoice.kind == .invoice, let number = invoice.number, let issueDate = invoice.issueDate
            else { return nil }
            return OpenBalance(
                invoiceId: id, number: number, customerId: stored.customerId, buyerName: invoice.buyer?.name ?? "",
                gross: stored.balance.gross, open: stored.balance.open, issueDate: issueDate, dueDate: stored.dueDate)
        }.sorted { ($0.issueDate, $0.invoiceId) > ($1.issueDate, $1.invoiceId) }
    }

    // MARK: - Planning, users, mail

    func agendaSlots() throws -> [PlanSlot] {
        state.agenda.sorted { ($0.slot.day, $0.id) < ($1.slot.day, $1.id) }.map(\.slot)
    }

    func workLogs(jobIds: Set<Int64>?) throws -> [WorkLog] {
        state.workLogs.values.filter { jobIds?.contains($0.jobId) ?? true }
            .sorted { ($0.day, $0.id) < ($1.day, $1.id) }
    }

    func webUser(name: String) throws -> WebUser? { state.webUsers[name] }

    func webUserCount() throws -> Int { state.webUsers.count }

    // `ORDER BY name` (binary collation).
    func webUsers() throws -> [WebUser] {
        state.webUsers.values.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    func webSession(tokenHash: String) throws -> StoredWebSession? { state.webSessions[tokenHash] }

    func deadlineChanges(customerId: Int64) throws -> [DeadlineChange] {
        state.deadlineChanges.filter { $0.change.customerId == customerId }
            .sorted { ($0.change.changedOn, $0.id) < ($1.change.changedOn, $1.id) }.map(\.change)
    }

    func outboxMessages(statuses: [OutboxMessage.Status]?, limit: Int?) throws -> [OutboxMessage] {
        let newestFirst = byId(state.outbox).reversed().filter { statuses?.contains($0.status) ?? true }
        return limit.map { Array(newestFirst.prefix($0)) } ?? newestFirst
    }

    func outboxMessages(customerId: Int64, statuses: [OutboxMessage.Status]) throws -> [OutboxMessage] {
        byId(state.outbox).filter { $0.customerId == customerId && statuses.contains($0.status) }
    }

    func outboxMessages(kind: OutboxMessage.Kind, recordId: Int64) throws -> [OutboxMessage] {
        byId(state.outbox).filter { $0.kind == kind && $0.recordId == recordId }
    }

    func outboxMessage(id: Int64) throws -> OutboxMessage? { state.outbox[id] }

    func outboxMessages(messageIds: Set<String>) throws -> [OutboxMessage] {
        byId(state.outbox).filter { messageIds.contains($0.messageId) }
    }

    func mailSettings() throws -> MailSettings? { state.mailSettings }

    func isMailImported(messageId: String?, rawHash: String) throws -> Bool {
        if let messageId { return state.importedMails.values.contains { $0.messageId == messageId } }
        return state.importedMails.values.contains { $0.messageId == nil && $0.rawHash == rawHash }
    }

    func importedMail(id: Int64) throws -> ImportedMail? { state.importedMails[id] }

    func importedMails(customerId: Int64?, limit: Int?) throws -> [ImportedMail] {
        let mails = state.importedMails.values.filter { customerId == nil || $0.customerId == customerId }
            .sorted { ($0.receivedAt, $0.id) > ($1.receivedAt, $1.id) }
        return limit.map { Array(mails.prefix($0)) } ?? mails
    }

    // MARK: - Pages of long lists

    func customerList(status: CustomerStatus?, search: String?, window: ListWindow) throws -> ListPage<Customer> {
        page(try customers(status: status, search: search), window)
    }

    func openPrincipal(customerIds: Set<Int64>) throws -> [Int64: Money] {
        var open: [Int64: Money] = [:]
        for (id, stored) in state.balances
        where customerIds.contains(stored.customerId) && stored.balance.open.cents > 0
            && !stored.balance.isCancelled && state.invoices[id]?.kind == .invoice
        {
            open[stored.customerId, default: .zero] += stored.balance.open
        }
        return open
    }

    func inquiryList(status: InquiryStatus, window: ListWindow) throws -> ListPage<Inquiry> {
        let inquiries = state.inquiries.values.filter { $0.status == status }
        if status == .won || status == .lost {
            // `closedOn DESC, id DESC`: SQLite sorts NULL first, so descending puts it last.
            return page(
                inquiries.sorted {
                    ($0.closedOn.map { $0.ordinal } ?? Int.min, $0.id) > (
                        $1.closedOn.map { $0.ordinal } ?? Int.min, $1.id
                    )
                }, window)
        }
        return page(inquiries.sorted(by: Inquiry.workOrder), window)
    }

    func quoteList(window: ListWindow) throws -> ListPage<Quote> {
        page(state.quotes.values.sorted(by: Self.newestQuoteFirst), window)
    }

    /// `COALESCE(deadline, '9999-12-31'), id`.
    func jobsByDeadline(_ include: (Job) -> Bool) -> [Job] {
        state.jobs.values.filter(include).sorted {
            ($0.deadline ?? Self.farFuture, $0.id) < ($1.deadline ?? Self.farFuture, $1.id)
        }
    }

    func jobList(window: ListWindow) throws -> ListPage<Job> {
        page(jobsByDeadline { _ in true }, window)
    }

    func jobs(deadlineFrom first: Day, through last: Day) throws -> [Job] {
        jobsByDeadline { (first...last).contains($0.deadline ?? Self.farFuture) }
    }

    /// Customers as (id, name) by `CustomerOrder`.
    func named(_ customers: some Sequence<Customer>) -> [(id: Int64, name: String)] {
        customers.map { (id: $0.id, name: $0.name) }.sorted(by: CustomerOrder.byName)
    }

    func customersOwing() throws -> [(id: Int64, name: String)] {
        let owing = Set(state.balances.values.filter { $0.balance.open.cents > 0 }.map(\.customerId))
        return named(owing.compactMap { state.customers[$0] })
    }

    func customerChoices(limit: Int, including: Int64?) throws -> (total: Int, choices: [(id: Int64, name: String)]) {
        var chosen = Set(state.customers.keys.sorted(by: >).prefix(max(limit, 0)))
        if let including, state.customers[including] != nil { chosen.insert(including) }
        return (state.customers.count, named(chosen.compactMap { state.customers[$0] }))
    }

    func customersNamed(_ text: String, limit: Int) throws -> [(id: Int64, name: String)] {
        let exact = byId(state.customers).filter { CustomerOrder.isSameName(text, $0.name) }
        if !exact.isEmpty { return Array(exact.prefix(limit).map { (id: $0.id, name: $0.name) }) }
        let containing = state.customers.values.filter {
            Self.like($0.name, contains: Self.likeEscaped(text), escaped: true)
        }
        return Array(named(containing).prefix(limit))
    }

    /// `text` with LIKE's wildcards taken literally.
    static func likeEscaped(_ text: String) -> String {
        String(text.flatMap { "\\%_".contains($0) ? ["\\", $0] : [$0] })
    }

    func jobsToInvoice(deliveredSince first: Day) throws -> [Job] {
        state.jobs.values.filter { job in
            guard job.status == .delivered || job.status == .accepted else { return false }
            if let delivered = job.deliveredOn, delivered < first { return false }
            // Not invoiced: no invoice (a draft, or an issued one not cancelled) for the job.
            return !state.invoices.values.contains {
                $0.jobId == job.id && $0.kind == .invoice && !(state.balances[$0.id]?.balance.isCancelled ?? false)
            }
        }.sorted {
            // `deliveredOn DESC, id DESC`: those without a day last.
            ($0.deliveredOn.map { $0.ordinal } ?? Int.min, $0.id) > (
                $1.deliveredOn.map { $0.ordinal } ?? Int.min, $1.id
            )
        }
    }

    // MARK: - Reports

    func revenueByDay(from first: Day, through last: Day) throws -> [Day: (gross: Money, invoices: Int)] {
        var days: [Day: (gross: Money, invoices: Int)] = [:]
        for invoice in state.invoices.values where invoice.kind == .invoice {
            guard let day = invoice.issueDate, (first...last).contains(day),
                !(state.balances[invoice.id]?.balance.isCancelled ?? false)
            else { continue }
            let sum = days[day] ?? (.zero, 0)
            days[day] = (sum.gross + invoice.totals.gross, sum.invoices + 1)
        }
        return days
    }

    func inquiryTallies(receivedSince first: Day?) throws -> [InquiryConversion.Tally] {
        let quoted = Set(state.quotes.values.compactMap(\.inquiryId))
        let received = state.inquiries.values.filter { first == nil || $0.receivedOn >= first! }
        return Dictionary(grouping: received, by: \.channel).sorted { $0.key.rawValue < $1.key.rawValue }
            .map { channel, inquiries in
                let answerDays = inquiries.compactMap { inquiry -> Int? in
                    inquiry.answeredOn.map { inquiry.receivedOn.days(until: $0) }
                }
                let quotedCount = inquiries.filter { inquiry in
                    inquiry.status == .quoted || inquiry.status == .won || quoted.contains(inquiry.id)
                }.count
                return InquiryConversion.Tally(
                    channel: channel, inquiries: inquiries.count, answered: answerDays.count,
                    answerDays: answerDays.reduce(0, +), quoted: quotedCount,
                    won: inquiries.filter { $0.status == .won }.count,
                    lost: inquiries.filter { $0.status == .lost }.count)
            }
    }

    func acceptedOrderValues(receivedSince first: Day?) throws -> [InquiryChannel: [Money]] {
        var values: [InquiryChannel: [Money]] = [:]
        for quote in byId(state.quotes) where quote.status == .accepted {
            guard let inquiryId = quote.inquiryId, let inquiry = state.inquiries[inquiryId], inquiry.status == .won,
                first == nil || inquiry.receivedOn >= first!
            else { continue }
            values[inquiry.channel, default: []].append(quote.net)
        }
        return values
    }
}
