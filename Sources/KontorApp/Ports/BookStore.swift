public import KontorCore

/// The persistence port: the whole book of one business. Every `write` is one transaction, so a use case
/// that reads, decides by the rules in KontorCore and writes either happens completely or not at all.
public protocol BookStore: Sendable {
    /// Runs `body` on a consistent snapshot.
    func read<T: Sendable>(_ body: @escaping @Sendable (any BookReader) throws -> T) async throws -> T
    /// Runs `body` in one write transaction; any thrown error rolls everything back.
    func write<T: Sendable>(_ body: @escaping @Sendable (any BookWriter) throws -> T) async throws -> T
}

/// Queries the use cases need.
public protocol BookReader {
    /// A number that grows with the committed writes (of any process). Where writes commit one after another
    /// (SQLite, in memory) equal numbers mean the same book; where they commit side by side (PostgreSQL) two may
    /// commit in the other order than they numbered themselves, so a page cache asks `BookChangeListening` there.
    func bookVersion() throws -> Int64
    func profile() throws -> BusinessProfile?

    func customer(id: Int64) throws -> Customer?
    func customers(status: CustomerStatus?, search: String?) throws -> [Customer]
    func customer(email: String) throws -> Customer?
    func customer(name: String) throws -> Customer?
    /// The names of the customers with these ids, in one query.
    func customerNames(ids: Set<Int64>) throws -> [Int64: String]

    func inquiry(id: Int64) throws -> Inquiry?
    func inquiries(statuses: [InquiryStatus]?, customerId: Int64?) throws -> [Inquiry]

    func quote(id: Int64) throws -> Quote?
    func quotes(customerId: Int64?) throws -> [Quote]

    func job(id: Int64) throws -> Job?
    func jobs(openOnly: Bool, customerId: Int64?, deadlineOnOrBefore: Day?) throws -> [Job]

    func invoice(id: Int64) throws -> Invoice?
    func invoice(number: String) throws -> Invoice?
    func invoices(_ query: InvoiceQuery) throws -> [Invoice]
    /// The numbers of these invoices, in one query (drafts have none and are left out).
    func invoiceNumbers(ids: Set<Int64>) throws -> [Int64: String]
    /// How many invoices the query finds (ignoring limit and offset) and the money open on them.
    func invoiceCount(_ query: InvoiceQuery) throws -> (count: Int, open: Money)
    /// Open invoices due on or before `day`, without their lines (the morning list's fast path).
    func openInvoices(dueOnOrBefore day: Day) throws -> [MorningList.OpenInvoice]
    /// How many invoices of the customer are paid in full (for the loyalty discount).
    func paidInvoiceCount(customerId: Int64) throws -> Int

    func payments(invoiceId: Int64?, customerId: Int64?) throws -> [Payment]
    /// Payments of many invoices at once, grouped by invoice.
    func payments(invoiceIds: Set<Int64>) throws -> [Int64: [Payment]]
    func payment(id: Int64) throws -> Payment?
    /// Interest, lump sums and costs claimed beside these invoices.
    func dunningCharges(invoiceIds: Set<Int64>) throws -> [DunningCharge]
    func notes(customerId: Int64) throws -> [Note]
    /// Notes of many customers at once, grouped by customer.
    func notes(customerIds: Set<Int64>) throws -> [Int64: [Note]]
    /// Customers by id, in one query.
    func customers(ids: Set<Int64>) throws -> [Int64: Customer]

    func dunningLetter(id: Int64) throws -> DunningLetter?
    /// Letters, optionally only with one status or of some invoices.
    func dunningLetters(status: DunningLetterStatus?, invoiceIds: Set<Int64>?) throws -> [DunningLetter]
    /// Every letter of these invoices as the planner sees it (no texts), in the order of `dunningLetters`.
    func dunningMarks(invoiceIds: Set<Int64>) throws -> [DunningMark]
    /// The status of each of these customers.
    func customerStatuses(ids: Set<Int64>) throws -> [Int64: CustomerStatus]
    /// Which of these customers were ever sent a Mahnung (a step after the friendly inquiry).
    func customersSentNotices(among customerIds: Set<Int64>) throws -> Set<Int64>
    /// Holds of these customers (including invoice-level ones).
    func dunningHolds(customerIds: Set<Int64>) throws -> [DunningHold]
    /// Holds whose last day is `day` or later, the soonest ending first.
    func dunningHolds(endingOnOrAfter day: Day) throws -> [DunningHold]
    /// Every issued invoice's figures for the receivables report, without lines; `owingOnly`: only those of
    /// customers with money open or charges claimed.
    func receivableItems(owingOnly: Bool) throws -> [ReceivablesReport.Item]
    /// Which of these bank entry identities (each named once) were imported before.
    func knownBankEntries(identities: [String]) throws -> Set<String>
    func bankEntry(id: Int64) throws -> BankEntry?
    /// The entry stored with this identity (unique per book), if any.
    func bankEntry(identity: String) throws -> BankEntry?
    func bankEntries(status: BankEntryStatus?) throws -> [BankEntry]
    /// IBANs that earlier payments of each of these customers came from.
    func customerIBANs(customerIds: Set<Int64>) throws -> [Int64: [String]]
    /// The issued, uncancelled invoices with principal open, from their stored balances (no lines).
    func openBalances() throws -> [OpenBalance]
    /// Names that earlier payments of each of these customers came under (the bank's counterparty name).
    func customerPayerNames(customerIds: Set<Int64>) throws -> [Int64: [String]]
    /// The stored agenda (planned hours per day and job).
    func agendaSlots() throws -> [PlanSlot]
    /// Work logged on these jobs (all jobs when nil), oldest first.
    func workLogs(jobIds: Set<Int64>?) throws -> [WorkLog]
    /// A user's version of a message template, if saved.
    func messageTemplate(key: String) throws -> String?
    /// The web user with this login name, if any.
    func webUser(name: String) throws -> WebUser?
    /// How many web users have a password.
    func webUserCount() throws -> Int
    /// Every web user, by name.
    func webUsers() throws -> [WebUser]
    /// The stored web session with this token hash, expired or not.
    func webSession(tokenHash: String) throws -> StoredWebSession?

    /// The last counter value of an invoice number series (0 before its first number), without taking one:
    /// what the issue confirmation shows.
    func numberCounter(series: String) throws -> Int
    /// The recorded deadline changes of a customer's jobs, oldest first.
    func deadlineChanges(customerId: Int64) throws -> [DeadlineChange]
    /// Mails in the outbox with one of these states (all when nil), newest first.
    func outboxMessages(statuses: [OutboxMessage.Status]?, limit: Int?) throws -> [OutboxMessage]
    /// A customer's mails with one of these states, oldest first.
    func outboxMessages(customerId: Int64, statuses: [OutboxMessage.Status]) throws -> [OutboxMessage]
    /// Every mail that carried this record, oldest first.
    func outboxMessages(kind: OutboxMessage.Kind, recordId: Int64) throws -> [OutboxMessage]
    func outboxMessage(id: Int64) throws -> OutboxMessage?
    func mailSettings() throws -> MailSettings?
    /// Whether a mail with this Message-ID (or, without one, these bytes) was imported before.
    func isMailImported(messageId: String?, rawHash: String) throws -> Bool
    func importedMail(id: Int64) throws -> ImportedMail?
    /// Imported mails, newest first; of one customer, or all.
    func importedMails(customerId: Int64?, limit: Int?) throws -> [ImportedMail]
    /// The sent mails with these Message-IDs.
    func outboxMessages(messageIds: Set<String>) throws -> [OutboxMessage]

    // MARK: Pages of long lists (one window in the list's order, and the length of the whole list)

    /// Customers by name, filtered by status and a search in name, e-mail, contact person and city.
    func customerList(status: CustomerStatus?, search: String?, window: ListWindow) throws -> ListPage<Customer>
    /// The open principal of these customers' issued, uncancelled invoices (customers owing nothing are absent).
    func openPrincipal(customerIds: Set<Int64>) throws -> [Int64: Money]
    /// Payments, newest first.
    func paymentList(window: ListWindow) throws -> ListPage<Payment>
    /// The sum of all payments.
    func paymentSum() throws -> Money
    /// Bank entries of one status, by booking day.
    func bankEntryList(status: BankEntryStatus, window: ListWindow) throws -> ListPage<BankEntry>
    /// Inquiries of one status: won and lost the latest closed first, the others in `Inquiry.workOrder`.
    func inquiryList(status: InquiryStatus, window: ListWindow) throws -> ListPage<Inquiry>
    /// Quotes, newest first.
    func quoteList(window: ListWindow) throws -> ListPage<Quote>
    /// Jobs of every status by deadline (those without one last).
    func jobList(window: ListWindow) throws -> ListPage<Job>
    /// Jobs of every status whose deadline lies in these days.
    func jobs(deadlineFrom first: Day, through last: Day) throws -> [Job]
    /// Dunning letters of one status, oldest first.
    func dunningLetterList(status: DunningLetterStatus, window: ListWindow) throws -> ListPage<DunningLetter>
    /// The invoices a reminder draft waits for.
    func invoiceIdsWithDraftLetters() throws -> Set<Int64>
    /// The latest sent or skipped letters, newest first.
    func latestDecidedLetters(limit: Int) throws -> [DunningLetter]
    /// The customers with money open on an invoice, by name (the only ones dunning can be paused for).
    func customersOwing() throws -> [(id: Int64, name: String)]
    /// What a form's customer choice offers: every customer by name when there are at most `limit`, otherwise the
    /// `limit` newest (and `including`, when given), by name; `total` counts them all.
    func customerChoices(limit: Int, including: Int64?) throws -> (total: Int, choices: [(id: Int64, name: String)])
    /// Customers whose name is `text` (case-insensitive), or else contains it, by name; at most `limit`.
    func customersNamed(_ text: String, limit: Int) throws -> [(id: Int64, name: String)]
    /// Delivered or accepted jobs without an invoice (a draft or an uncancelled issued one), delivered on `first`
    /// or later (or without a delivery day), the latest first.
    func jobsToInvoice(deliveredSince first: Day) throws -> [Job]

    // MARK: Reports, added up by the store

    /// Gross and count of the uncancelled invoices issued from `first` to `last`, by issue day (days without
    /// invoices are absent).
    func revenueByDay(from first: Day, through last: Day) throws -> [Day: (gross: Money, invoices: Int)]
    /// Per channel: inquiries (received on `first` or later; nil: all), answered ones and their days to answer,
    /// quoted, won and lost.
    func inquiryTallies(receivedSince first: Day?) throws -> [InquiryConversion.Tally]
    /// The net values of accepted quotes that answered won inquiries (received on `first` or later; nil: all), by
    /// the inquiry's channel.
    func acceptedOrderValues(receivedSince first: Day?) throws -> [InquiryChannel: [Money]]
}

/// Changes the use cases make, inside the transaction of `BookStore.write`.
public protocol BookWriter: BookReader {
    func save(profile: BusinessProfile) throws

    /// Keeps a document that left Kontor (once per record and content).
    func keep(document: KeptDocument) throws

    func insert(customer: Customer) throws -> Customer
    func update(customer: Customer) throws

    func insert(inquiry: Inquiry) throws -> Inquiry
    func update(inquiry: Inquiry) throws

    /// Inserts the quote and its lines.
    func insert(quote: Quote) throws -> Quote
    /// Updates the quote's fields and replaces its lines.
    func update(quote: Quote) throws

    /// Inserts the job and its revisions.
    func insert(job: Job) throws -> Job
    /// Updates the job's fields and replaces its revisions.
    func update(job: Job) throws

    /// Inserts a draft invoice and its lines.
    func insert(draft: Invoice) throws -> Invoice
    /// Updates a draft's fields and replaces its lines (the database refuses this for issued invoices).
    func update(draft: Invoice) throws
    /// Increments and returns the counter of an invoice number series (gapless, in this transaction).
    func nextCounter(series: String) throws -> Int
    /// Writes the issued state of a former draft (number, dates, final lines, snapshots).
    func recordIssue(of invoice: Invoice) throws
    /// Inserts an invoice that is issued on creation (a cancellation invoice).
    func insert(issued: Invoice) throws -> Invoice
    /// Marks an invoice as cancelled by the cancellation invoice with `number`.
    func markCancelled(invoiceId: Int64, byNumber number: String) throws

    /// Records a payment (never changed afterwards) and moves the invoice's paid amount by its principal part.
    func insert(payment: Payment) throws -> Payment
    /// Records a charge claimed by an approved Mahnung (never changed afterwards).
    func insert(dunningCharge: DunningCharge) throws -> DunningCharge
    func insert(note: Note) throws -> Note

    func insert(dunningLetter: DunningLetter) throws -> DunningLetter
    /// Updates a letter (the database refuses changes to sent letters).
    func update(dunningLetter: DunningLetter) throws
    func insert(dunningHold: DunningHold) throws -> DunningHold
    func save(messageTemplate text: String, key: String) throws
    /// Forgets the user's version of a template: Kontor's own wording applies again.
    func removeMessageTemplate(key: String) throws
    /// Inserts a web user or replaces its password hash and role.
    func save(webUser: WebUser) throws
    /// Stores a signed-in web session.
    func insert(webSession: StoredWebSession) throws
    /// Records that a session was used and when it now ends.
    func touchWebSession(tokenHash: String, lastSeenAt: Int64, expiresAt: Int64) throws
    /// Ends one web session.
    func deleteWebSession(tokenHash: String) throws
    /// Ends every session of a user (a new password signs out everywhere).
    func deleteWebSessions(user: String) throws
    /// Removes sessions that ended before `time`.
    func deleteWebSessions(expiredBefore time: Int64) throws

    /// Stores new entries in their order (a statement's bookings); each identity once in the book.
    func insert(bankEntries: [BankEntry]) throws
    /// Stores, in their order, those of `bankEntries` whose identity the book does not hold yet — before the call or
    /// from an earlier entry of it — and says of each whether it was stored: an import adds a statement's new
    /// bookings and counts the rest as imported before, without asking about each identity first.
    func insertNew(bankEntries: [BankEntry]) throws -> [Bool]
    func update(bankEntry: BankEntry) throws
    /// Replaces the stored agenda.
    func replaceAgenda(_ slots: [PlanSlot]) throws
    /// Records work done on a job.
    func insert(workLog: WorkLog) throws -> WorkLog
    /// Deletes a quote and its lines (the use case checks that nothing refers to it).
    func deleteQuote(id: Int64) throws
    /// Deletes a draft and its lines (the database refuses this for issued invoices).
    func deleteDraft(id: Int64) throws
    /// Records that a job's deadline moved.
    func insert(deadlineChange: DeadlineChange) throws
    func insert(outboxMessage: OutboxMessage) throws -> OutboxMessage
    /// Stores a message's new state (the database refuses changing a sent one or its content).
    func update(outboxMessage: OutboxMessage) throws
    func save(mailSettings: MailSettings) throws
    func insert(importedMail: ImportedMail) throws -> ImportedMail
    /// Records that the imported mail's suggestion was taken over as the note `noteId`.
    func markSuggestionAccepted(importedMailId: Int64, noteId: Int64) throws
}

/// Which invoices to list.
public struct InvoiceQuery: Sendable, Hashable {
    public var status: InvoiceStatus?
    public var overdueOn: Day?
    public var customerId: Int64?
    /// Only issued invoices with money open.
    public var openOnly: Bool
    public var limit: Int?
    /// Skips this many (for pages of a list); needs `limit`.
    public var offset: Int?

    /// Creates a query; all filters are optional.
    public init(
        status: InvoiceStatus? = nil, overdueOn: Day? = nil, customerId: Int64? = nil, openOnly: Bool = false,
        limit: Int? = nil
    ) {
        self.status = status
        self.overdueOn = overdueOn
        self.customerId = customerId
        self.openOnly = openOnly
        self.limit = limit
    }
}

/// An issued, uncancelled invoice with principal open, as its stored balance and header say: what payment matching
/// and the payments page need, without the lines.
public struct OpenBalance: Sendable, Hashable {
    public var invoiceId: Int64
    public var number: String
    public var customerId: Int64
    /// The customer's name as printed on the invoice.
    public var buyerName: String
    public var gross: Money
    /// The principal still open.
    public var open: Money
    public var issueDate: Day
    public var dueDate: Day

    public init(
        invoiceId: Int64, number: String, customerId: Int64, buyerName: String, gross: Money, open: Money,
        issueDate: Day, dueDate: Day
    ) {
        self.invoiceId = invoiceId
        self.number = number
        self.customerId = customerId
        self.buyerName = buyerName
        self.gross = gross
        self.open = open
        self.issueDate = issueDate
        self.dueDate = dueDate
    }
}

extension BookWriter {
    /// `insertNew` as the identities known before say: a store that finds out while it inserts does less.
    public func insertNew(bankEntries: [BankEntry]) throws -> [Bool] {
        var held = try knownBankEntries(identities: Array(Set(bankEntries.map(\.identity))))
        let stored = bankEntries.map { held.insert($0.identity).inserted }
        try insert(bankEntries: zip(bankEntries, stored).filter(\.1).map(\.0))
        return stored
    }
}
