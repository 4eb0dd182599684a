/// "Do not dun" for a customer or one invoice until a day, with the reason (e.g. "Geschäftsführer im Urlaub,
/// zahlt Anfang des Monats").
public struct DunningHold: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var customerId: Int64
    /// The invoice on hold; nil for all invoices of the customer.
    public var invoiceId: Int64?
    /// The last day of the hold.
    public var until: Day
    public var reason: String
    public var createdOn: Day

    /// Creates a hold.
    public init(id: Int64 = 0, customerId: Int64, invoiceId: Int64? = nil, until: Day, reason: String, createdOn: Day) {
        self.id = id
        self.customerId = customerId
        self.invoiceId = invoiceId
        self.until = until
        self.reason = reason
        self.createdOn = createdOn
    }
}
