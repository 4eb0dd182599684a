/// A receivable of its own beside an invoice: default interest, the § 288 Abs. 5 lump sum or dunning costs,
/// recorded when a Mahnung that claims them is approved. No VAT: these are damages, not consideration for a
/// supply (LAW.md 3.2). Charges are never changed; a later letter that claims more adds a charge for the
/// difference.
public struct DunningCharge: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var invoiceId: Int64
    public var customerId: Int64
    public var kind: DunningChargeKind
    public var amount: Money
    public var arisenOn: Day
    /// The approved letter that claimed it.
    public var letterId: Int64?

    /// Creates a charge.
    public init(
        id: Int64 = 0, invoiceId: Int64, customerId: Int64, kind: DunningChargeKind, amount: Money, arisenOn: Day,
        letterId: Int64? = nil
    ) {
        self.id = id
        self.invoiceId = invoiceId
        self.customerId = customerId
        self.kind = kind
        self.amount = amount
        self.arisenOn = arisenOn
        self.letterId = letterId
    }
}

/// What a dunning charge is for; § 367 BGB serves costs (with the lump sum) before interest.
public enum DunningChargeKind: String, NamedChoice, Codable {
    case interest
    case lumpSum = "lump-sum"
    case costs

    /// Whether § 367 BGB counts it among the costs (served first) rather than the interest.
    public var isCost: Bool { self != .interest }
}
