public import KontorCore

/// The part of a transfer that goes to one invoice. Never more than the invoice has open.
public struct MatchAllocation: Sendable, Hashable, Codable {
    /// The invoice's database id (`OpenInvoiceCandidate.invoiceId`).
    public var invoiceId: Int64
    /// The amount allocated to it; positive.
    public var amount: Money

    /// Creates an allocation.
    public init(invoiceId: Int64, amount: Money) {
        self.invoiceId = invoiceId
        self.amount = amount
    }
}
