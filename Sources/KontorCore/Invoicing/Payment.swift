/// Money received for an invoice (a transfer, cash, or a partial payment).
public struct Payment: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var invoiceId: Int64
    public var customerId: Int64
    public var amount: Money
    public var receivedOn: Day
    public var note: String?

    /// Creates a payment.
    public init(id: Int64 = 0, invoiceId: Int64, customerId: Int64, amount: Money, receivedOn: Day, note: String? = nil) {
        self.id = id
        self.invoiceId = invoiceId
        self.customerId = customerId
        self.amount = amount
        self.receivedOn = receivedOn
        self.note = note
    }
}
