/// The parts of an open claim in the order § 367 BGB serves them.
public struct OpenClaim: Sendable, Hashable {
    /// Costs, including the § 288 Abs. 5 lump sum and dunning costs.
    public var costs: Money
    /// Interest accrued so far.
    public var interest: Money
    /// The principal (the gross invoice amount still open).
    public var principal: Money

    /// Creates a claim from its parts.
    public init(costs: Money, interest: Money, principal: Money) {
        self.costs = costs
        self.interest = interest
        self.principal = principal
    }

    /// Costs, interest and principal together.
    public var total: Money { costs + interest + principal }
}
