/// A movement of money on an invoice: money received (a transfer, cash, a partial payment), or a dated
/// counter-entry that corrects one (a reversal, credit moved to another invoice, a refund). Payments are never
/// changed or deleted; every correction is a new row, so the book keeps its trace.
public struct Payment: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var invoiceId: Int64
    public var customerId: Int64
    /// Positive for money in, negative for the counter-entries.
    public var amount: Money
    public var receivedOn: Day
    public var note: String?
    public var kind: PaymentKind
    /// For a reversal: the payment it takes back; for credit moved in: the entry on the invoice it came from.
    public var relatedPaymentId: Int64?
    /// The part that paid dunning costs and the § 288 Abs. 5 lump sum (§ 367 BGB: first).
    public var toCosts: Money
    /// The part that paid claimed default interest (§ 367 BGB: second).
    public var toInterest: Money
    /// The bank entry the payment was booked from, if any.
    public var bankEntryId: Int64?
    /// Who booked it, when someone signed in to the web app did (nil at the machine: the CLI, a book without users).
    public var recordedBy: String?

    /// Creates a payment; without an allocation the whole amount goes to the principal.
    public init(
        id: Int64 = 0, invoiceId: Int64, customerId: Int64, amount: Money, receivedOn: Day, note: String? = nil,
        kind: PaymentKind = .received, relatedPaymentId: Int64? = nil, toCosts: Money = .zero,
        toInterest: Money = .zero, bankEntryId: Int64? = nil, recordedBy: String? = nil
    ) {
        self.id = id
        self.invoiceId = invoiceId
        self.customerId = customerId
        self.amount = amount
        self.receivedOn = receivedOn
        self.note = note
        self.kind = kind
        self.relatedPaymentId = relatedPaymentId
        self.toCosts = toCosts
        self.toInterest = toInterest
        self.bankEntryId = bankEntryId
        self.recordedBy = recordedBy
    }

    /// The part that paid (or, when negative, took back) the invoice's principal, including any overpayment.
    public var toPrincipal: Money { amount - toCosts - toInterest }

    /// The counter-entry that takes this payment back on `day`, with the same allocation negated.
    public func reversal(on day: Day, reason: String) -> Payment {
        Payment(
            invoiceId: invoiceId, customerId: customerId, amount: -amount, receivedOn: day, note: reason,
            kind: .reversal, relatedPaymentId: id, toCosts: -toCosts, toInterest: -toInterest)
    }
}

/// What a payment row records.
public enum PaymentKind: String, NamedChoice, Codable {
    /// Money received from the customer.
    case received
    /// Takes back an earlier payment (booked by mistake, a returned transfer).
    case reversal
    /// Credit moved away from this invoice to another open one (negative).
    case creditOut = "credit-out"
    /// Credit that came from another invoice of the customer (positive).
    case creditIn = "credit-in"
    /// Credit paid back to the customer (negative).
    case refund

    /// Whether a payment of this kind can itself be reversed.
    public var isReversible: Bool { self == .received }
}
