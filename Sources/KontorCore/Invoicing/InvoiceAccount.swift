/// One invoice's account: the principal (the invoice), the dunning charges claimed beside it and every payment
/// with its allocation. The one place that says what is open, how a new payment is allocated (§ 367 BGB:
/// costs, interest, principal) and which charges an approved Mahnung adds.
public struct InvoiceAccount: Sendable, Hashable {
    public let invoice: Invoice
    public let charges: [DunningCharge]
    public let payments: [Payment]

    /// Creates the account of `invoice` from its charges and payments (others are ignored).
    public init(invoice: Invoice, charges: [DunningCharge], payments: [Payment]) {
        self.invoice = invoice
        self.charges = charges.filter { $0.invoiceId == invoice.id }
        self.payments = payments.filter { $0.invoiceId == invoice.id }
    }

    /// Costs and lump sum claimed and not yet paid.
    public var openCosts: Money { Self.openCosts(charges: charges, payments: payments) }

    /// Interest claimed and not yet paid.
    public var openInterest: Money { Self.openInterest(charges: charges, payments: payments) }

    /// Everything open, in the order § 367 BGB serves it. A cancelled invoice owes nothing.
    public var openClaim: OpenClaim {
        guard invoice.isIssued, invoice.kind == .invoice, !invoice.isCancelled else {
            return OpenClaim(costs: .zero, interest: .zero, principal: .zero)
        }
        return Self.openClaim(principal: invoice.openAmount, charges: charges, payments: payments)
    }

    /// Everything open on an issued, uncancelled invoice whose open principal is known (a stored balance), from
    /// the charges claimed beside it and the payments made to them: the account without reading the invoice's lines.
    public static func openClaim(principal: Money, charges: [DunningCharge], payments: [Payment]) -> OpenClaim {
        OpenClaim(
            costs: openCosts(charges: charges, payments: payments),
            interest: openInterest(charges: charges, payments: payments), principal: principal)
    }

    private static func openCosts(charges: [DunningCharge], payments: [Payment]) -> Money {
        max(.zero, charges.filter(\.kind.isCost).map(\.amount).sum() - payments.map(\.toCosts).sum())
    }

    private static func openInterest(charges: [DunningCharge], payments: [Payment]) -> Money {
        max(.zero, charges.filter { !$0.kind.isCost }.map(\.amount).sum() - payments.map(\.toInterest).sum())
    }

    /// How `amount` received now is credited: costs, interest, principal; anything beyond the whole claim
    /// stays on the principal as the customer's credit.
    public func allocate(_ amount: Money) -> PaymentAllocation {
        PaymentAllocation.apply(payment: amount, to: openClaim)
    }

    /// The charges an approved letter adds so that what is claimed beside the invoice equals what the letter
    /// states: only increases, because a charge once claimed stays claimed until paid.
    public func charges(claimedBy letter: DunningLetter, on day: Day) -> [DunningCharge] {
        let targets: [(DunningChargeKind, Money, Money)] = [
            (.interest, letter.interest, openInterest),
            (.lumpSum, letter.lumpSum, openOf(.lumpSum)),
            (.costs, letter.costs, openOf(.costs)),
        ]
        return targets.compactMap { kind, stated, open in
            let missing = stated - open
            guard missing.cents > 0 else { return nil }
            return DunningCharge(
                invoiceId: invoice.id, customerId: invoice.customerId, kind: kind, amount: missing, arisenOn: day,
                letterId: letter.id)
        }
    }

    /// What is open of one cost kind: payments to costs serve the lump sum first, then other costs.
    private func openOf(_ kind: DunningChargeKind) -> Money {
        let lumpSum = charges.filter { $0.kind == .lumpSum }.map(\.amount).sum()
        let costs = charges.filter { $0.kind == .costs }.map(\.amount).sum()
        let paid = payments.map(\.toCosts).sum()
        let paidToLumpSum = min(max(.zero, paid), lumpSum)
        return kind == .lumpSum ? lumpSum - paidToLumpSum : max(.zero, costs - (paid - paidToLumpSum))
    }
}
