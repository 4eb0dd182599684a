/// What a reminder (Mahnung) claims: the open principal plus default damages, without VAT on the damages.
///
/// Default interest, the lump sum and dunning costs are damages (Schadensersatz), not consideration
/// for a supply, so no USt is charged on them (UStAE 1.3, LAW.md 3.2, T10). The principal is the
/// gross invoice amount and already contains its VAT.
public struct DunningClaim: Sendable, Hashable {
    /// The open gross invoice amount.
    public var principal: Money
    /// Default interest up to the reminder's reference day.
    public var interest: Money
    /// The § 288 Abs. 5 lump sum (40 EUR for businesses, 0 for consumers).
    public var lumpSum: Money
    /// Actual material costs of dunning incurred after default began (paper, postage).
    public var costs: Money

    /// Creates a claim from its parts.
    public init(principal: Money, interest: Money, lumpSum: Money, costs: Money = .zero) {
        self.principal = principal
        self.interest = interest
        self.lumpSum = lumpSum
        self.costs = costs
    }

    /// Creates a claim with the lump sum that applies to `debtor`.
    public init(principal: Money, interest: InterestCalculation, debtor: CustomerKind, costs: Money = .zero) {
        self.init(principal: principal, interest: interest.total, lumpSum: LateFee.lumpSum(debtor: debtor),
                  costs: costs)
    }

    /// The costs claimed on top of the lump sum: the lump sum is set off against costs of legal
    /// pursuit (§ 288 Abs. 5 Satz 3), so only costs beyond it are claimed separately.
    public var creditedCosts: Money { max(.zero, costs - lumpSum) }

    /// VAT on interest, lump sum and costs: always zero.
    public var vat: Money { .zero }

    /// Everything claimed on top of the principal: interest, lump sum and credited costs.
    public var damages: Money { interest + lumpSum + creditedCosts }

    /// The whole amount to pay now.
    public var total: Money { principal + damages + vat }
}
