/// What a debtor in default owes on a day: principal and interest, after partial payments were applied to
/// costs, then interest, then principal (§ 367 BGB).
///
/// Note: it splits payments against accrued interest itself; dunning letters and the dossier use `DunningCase`,
/// which follows the § 367 allocation booked on each payment, so that what a letter says matches the book.
public struct ClaimStatement: Sendable, Hashable {
    /// The part of the invoice still unpaid.
    public let principal: Money
    /// Interest accrued and not yet paid.
    public let interest: Money
    /// The interest periods up to the day, on the principal as it stood.
    public let calculation: InterestCalculation

    /// Computes the claim for an invoice of `gross` in default from `start.firstDay`, with `payments`, as of `day`.
    /// Payments before default only reduce the principal; later ones serve accrued interest first.
    /// - Throws: `LegalError.missingBaseRate` when a half-year's base rate is unknown.
    public static func compute(
        gross: Money, start: DefaultStart, payments: [(Day, Money)], through day: Day, debtor: CustomerKind,
        table: BaseRateTable
    ) throws(LegalError) -> ClaimStatement {
        var credits: [(Day, Money)] = []
        var interestPaid = Money.zero
        var principal = gross
        for (paidOn, amount) in payments.sorted(by: { $0.0 < $1.0 }) where paidOn <= day {
            guard paidOn >= start.firstDay else {
                let part = min(amount, principal)
                credits.append((paidOn, part))
                principal -= part
                continue
            }
            let accrued = try DefaultInterest.compute(
                principal: gross, defaultFrom: start.firstDay, through: paidOn, debtor: debtor, table: table,
                partialPayments: credits).total - interestPaid
            let allocation = PaymentAllocation.apply(
                payment: amount, to: OpenClaim(costs: .zero, interest: max(.zero, accrued), principal: principal))
            interestPaid += allocation.toInterest
            credits.append((paidOn, allocation.toPrincipal))
            principal -= allocation.toPrincipal
        }
        let calculation = try DefaultInterest.compute(
            principal: gross, defaultFrom: start.firstDay, through: day, debtor: debtor, table: table,
            partialPayments: credits)
        return ClaimStatement(principal: principal, interest: max(.zero, calculation.total - interestPaid),
                              calculation: calculation)
    }
}
