/// A booking from an imported bank statement, kept so that the same booking is never imported twice and a
/// match can be reviewed later.
public struct BankEntry: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    /// The bank's reference, or a hash of date, amount, counterparty and text.
    public var identity: String
    public var bookingDate: Day
    public var amount: Money
    public var isCredit: Bool
    public var currency: String
    public var counterpartyName: String?
    public var counterpartyIBAN: String?
    public var text: String
    public var status: BankEntryStatus
    /// The invoices the matcher proposed or the payment was applied to.
    public var invoiceIds: [Int64]
    public var confidence: Int
    public var reason: String?
    public var importedOn: Day
    public var sourceFile: String

    /// Creates an entry.
    public init(
        id: Int64 = 0, identity: String, bookingDate: Day, amount: Money, isCredit: Bool, currency: String,
        counterpartyName: String?, counterpartyIBAN: String?, text: String, status: BankEntryStatus,
        invoiceIds: [Int64] = [], confidence: Int = 0, reason: String? = nil, importedOn: Day, sourceFile: String
    ) {
        self.id = id
        self.identity = identity
        self.bookingDate = bookingDate
        self.amount = amount
        self.isCredit = isCredit
        self.currency = currency
        self.counterpartyName = counterpartyName
        self.counterpartyIBAN = counterpartyIBAN
        self.text = text
        self.status = status
        self.invoiceIds = invoiceIds
        self.confidence = confidence
        self.reason = reason
        self.importedOn = importedOn
        self.sourceFile = sourceFile
    }
}

/// What became of an imported booking.
public enum BankEntryStatus: String, NamedChoice, Codable {
    /// Matched with enough confidence and booked as payment(s).
    case applied
    /// Waits in the review queue (uncertain or no match).
    case review
    /// A debit, a reversal or foreign currency: nothing to do.
    case ignored
    /// Assigned to an invoice by hand from the review queue.
    case assigned
    /// Dismissed from the review queue (not a customer payment).
    case dismissed
}
