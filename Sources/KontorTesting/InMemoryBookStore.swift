public import KontorApp
import KontorCore

/// A complete book held in memory: the reference implementation of the `BookStore` contract, with the same
/// observable behaviour as the SQLite store (orders, filters, windows, balances, counters, refusals).
///
/// A write runs its closure against a copy of the book and keeps the copy only when the closure returns, so a
/// thrown error leaves nothing behind; the actor runs one closure at a time, so writes are serialised and a read
/// sees only committed writes. What the SQLite triggers freeze is refused here with the same
/// `StoreError.immutable`.
public actor InMemoryBookStore: BookStore {
    private var state = BookState()

    /// An empty book.
    public init() {}

    public func read<T: Sendable>(_ body: @escaping @Sendable (any BookReader) throws -> T) async throws -> T {
        try body(InMemoryBook(state))
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any BookWriter) throws -> T) async throws -> T {
        // The closure works on its own copy (the state is made of values): dropping it is the rollback.
        let book = InMemoryBook(state)
        let result = try body(book)
        state = book.state
        state.version += 1
        return result
    }
}

/// Everything a book holds, as values: copying it is the snapshot a transaction works on.
struct BookState: Sendable {
    /// `bookVersion`: raised by every committed write.
    var version: Int64 = 0
    /// The last id handed out per table: ids are never reused, as with SQLite's AUTOINCREMENT.
    var lastIds: [Table: Int64] = [:]

    var profile: BusinessProfile?
    var customers: [Int64: Customer] = [:]
    var inquiries: [Int64: Inquiry] = [:]
    var quotes: [Int64: Quote] = [:]
    var jobs: [Int64: Job] = [:]
    /// Invoices without their moving side (`paid`, cancellation): that lives in `balances`.
    var invoices: [Int64: Invoice] = [:]
    /// The balance of every issued invoice, by invoice id.
    var balances: [Int64: StoredBalance] = [:]
    var counters: [String: Int] = [:]
    var payments: [Int64: Payment] = [:]
    var dunningCharges: [Int64: DunningCharge] = [:]
    var notes: [Int64: Note] = [:]
    var dunningLetters: [Int64: DunningLetter] = [:]
    var dunningHolds: [Int64: DunningHold] = [:]
    var messageTemplates: [String: String] = [:]
    var webUsers: [String: WebUser] = [:]
    var webSessions: [String: StoredWebSession] = [:]
    var bankEntries: [Int64: BankEntry] = [:]
    var bankIdentities: Set<String> = []
    var agenda: [(id: Int64, slot: PlanSlot)] = []
    var workLogs: [Int64: WorkLog] = [:]
    var deadlineChanges: [(id: Int64, change: DeadlineChange)] = []
    var outbox: [Int64: OutboxMessage] = [:]
    var mailSettings: MailSettings?
    var importedMails: [Int64: ImportedMail] = [:]
    var keptDocuments: [KeptDocument] = []

    /// The tables whose rows get ids.
    enum Table: Hashable, Sendable {
        case customer, inquiry, quote, job, invoice, payment, dunningCharge, note, dunningLetter, dunningHold
        case bankEntry, agendaSlot, workLog, deadlineChange, outboxMessage, importedMail
    }

    /// The id for a new row: `requested` when the caller names one (0 names none), else the next one.
    mutating func newId(_ table: Table, requested: Int64 = 0) -> Int64 {
        let id = requested != 0 ? requested : (lastIds[table] ?? 0) + 1
        lastIds[table] = max(lastIds[table] ?? 0, id)
        return id
    }
}

/// The balance of an issued invoice as the store keeps it: KontorCore's `InvoiceBalance` plus what the lists read
/// beside it without the invoice.
struct StoredBalance: Sendable {
    var customerId: Int64
    var dueDate: Day
    var balance: InvoiceBalance
}
