/// How a payment is credited to an open claim under § 367 Abs. 1 BGB: costs, then interest, then principal.
///
/// The debtor may name a different order, but the creditor may then refuse the payment (§ 367 Abs. 2);
/// Kontor applies the statutory order.
public struct PaymentAllocation: Sendable, Hashable {
    /// The part credited to costs.
    public let toCosts: Money
    /// The part credited to interest.
    public let toInterest: Money
    /// The part credited to principal.
    public let toPrincipal: Money
    /// What is left of the payment after the whole claim is paid (an overpayment).
    public let leftover: Money
    /// What is still open after the payment.
    public let remaining: OpenClaim

    /// Creates an allocation; `apply` is the usual way to get one.
    public init(toCosts: Money, toInterest: Money, toPrincipal: Money, leftover: Money, remaining: OpenClaim) {
        self.toCosts = toCosts
        self.toInterest = toInterest
        self.toPrincipal = toPrincipal
        self.leftover = leftover
        self.remaining = remaining
    }

    /// Credits `payment` to `claim`: costs first, then interest, then principal.
    /// A payment of zero or less credits nothing and is returned whole as `leftover`.
    public static func apply(payment: Money, to claim: OpenClaim) -> PaymentAllocation {
        var available = max(.zero, payment)
        func take(_ open: Money) -> Money {
            let part = min(available, max(.zero, open))
            available -= part
            return part
        }
        let costs = take(claim.costs)
        let interest = take(claim.interest)
        let principal = take(claim.principal)
        let remaining = OpenClaim(costs: claim.costs - costs, interest: claim.interest - interest,
                                  principal: claim.principal - principal)
        let leftover = payment > .zero ? available : payment
        return PaymentAllocation(toCosts: costs, toInterest: interest, toPrincipal: principal, leftover: leftover,
                                 remaining: remaining)
    }
}
