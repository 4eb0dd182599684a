public import KontorCore

/// The matcher's proposal for one credit entry.
///
/// Apply it automatically only when `MatchingPolicy.autoApplies(_:)` says so; otherwise show it for review.
public struct PaymentMatch: Sendable, Hashable, Codable {
    /// `StatementEntry.identity` of the credit.
    public var entryIdentity: String
    /// What goes to which invoice, in order of allocation. One transfer may pay several invoices.
    /// Empty only when every invoice the transfer names was already covered (a double payment): then the whole
    /// amount is `overpayment` and the confidence is low.
    public var allocations: [MatchAllocation]
    /// How sure the matcher is, 0…100; compare with `MatchingPolicy.autoApplyThreshold`.
    public var confidence: Int
    /// The strongest evidence used.
    public var reason: MatchReason
    /// The part of the amount beyond what the matched invoices have open (zero when the amount is used up).
    public var overpayment: Money

    /// Creates a match.
    public init(
        entryIdentity: String, allocations: [MatchAllocation], confidence: Int, reason: MatchReason,
        overpayment: Money = .zero
    ) {
        self.entryIdentity = entryIdentity
        self.allocations = allocations
        self.confidence = confidence
        self.reason = reason
        self.overpayment = overpayment
    }

    /// The sum of all allocations.
    public var allocatedAmount: Money { allocations.map(\.amount).sum() }
}
