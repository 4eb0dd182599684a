/// When a match may be booked without asking.
public struct MatchingPolicy: Sendable, Hashable, Codable {
    /// Matches with at least this confidence are applied automatically; the rest go to the review queue.
    public var autoApplyThreshold: Int = 80

    /// Creates a policy.
    /// - Parameter autoApplyThreshold: The lowest confidence (0…100) that is applied without review; default 80.
    public init(autoApplyThreshold: Int = 80) {
        self.autoApplyThreshold = autoApplyThreshold
    }

    /// Whether `match` may be booked without review: confident enough and it allocates something.
    public func autoApplies(_ match: PaymentMatch) -> Bool {
        match.confidence >= autoApplyThreshold && !match.allocations.isEmpty
    }
}
