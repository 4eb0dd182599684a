/// How a dunning letter reaches the customer. Only a letter on paper costs postage and printing, so only such a
/// letter may claim material costs (LAW.md 3.5: actual costs only).
public enum LetterDelivery: String, NamedChoice, Codable {
    case email = "e-mail"
    case post

    /// What Kontor assumes before the writer says otherwise: e-mail when the customer has an address for it.
    public static func assumed(for customer: Customer) -> LetterDelivery {
        (customer.email ?? "").isEmpty ? .post : .email
    }
}

/// A payment received since the previous letter, with its § 367 BGB allocation as booked.
public struct ReceivedPayment: Sendable, Hashable {
    public let receivedOn: Day
    public let amount: Money
    public let toCosts: Money
    public let toInterest: Money
    public let toPrincipal: Money
}

/// A principal part with its own interest start, as the online Mahnantrag asks for it: "Zinsen aus <amount>
/// ab <from>, <margin> Prozentpunkte über dem Basiszinssatz".
public struct PrincipalPart: Sendable, Hashable {
    public let amount: Money
    /// The first day of running interest on this part.
    public let interestFrom: Day
    /// Interest on this part from `interestFrom` up to the case's day (for the reader; the court computes it).
    public let interestToDate: Money
}

/// Interest already worked out for a closed period (ausgerechnete Zinsen, a Nebenforderung of the Mahnantrag):
/// interest up to the last payment, less what was paid on interest. Stated apart so that running interest on
/// the remaining principal can start the next day and nothing is claimed twice.
public struct SettledInterest: Sendable, Hashable {
    public let amount: Money
    public let from: Day
    public let through: Day
}

/// Everything a dunning letter, its e-mail, its preview and the hand-over dossier state about one invoice on one
/// day, assembled by `assemble` alone so that these copies cannot disagree (issue 13 item 8).
///
/// Everything legal comes from the invoice's issue-time snapshot of the buyer (`invoice.buyer`): whether the
/// debtor is a consumer (5 or 9 points, lump sum), the state for § 193 BGB and whether the invoice carried the
/// consumer notice of § 286 Abs. 3 BGB. The current customer record only gives the address, name and language
/// the letter is written to.
public struct DunningCase: Sendable, Hashable {
    public let step: DunningStep
    public let invoice: Invoice
    /// The customer as recorded now: whom the letter is addressed to and in which language.
    public let customer: Customer
    /// Business or consumer as at issue.
    public let debtor: CustomerKind
    /// The debtor's state as at issue, for § 193 BGB.
    public let state: GermanState?
    /// Whether the invoice printed the consumer notice of § 286 Abs. 3 BGB (it does for every consumer buyer).
    public let consumerNoticeOnInvoice: Bool
    public let letterDate: Day
    /// The pay-by date the letter sets; the inquiry sets one too, because it is the payment request that starts
    /// default (LAW.md 3 (a)).
    public let deadline: Day?
    public let delivery: LetterDelivery
    /// When default began and by which rule, once it has.
    public let defaultStart: DefaultStart?
    /// The days each earlier step was sent.
    public let sent: [DunningStep: Day]
    /// The principal still open.
    public let principal: Money
    /// Default interest accrued and not yet paid, as of `letterDate` (only from the 2. Mahnung on).
    public let interest: Money
    /// The § 288 Abs. 5 lump sum still open (businesses, from the 2. Mahnung on).
    public let lumpSum: Money
    /// Dunning costs claimed beside the lump sum: for businesses only what exceeds it (§ 288 Abs. 5 Satz 3 BGB).
    public let costs: Money
    /// Money received since the previous letter (since the invoice for the first), in order.
    public let received: [ReceivedPayment]
    /// The day an objection to this invoice was settled, when that happened since the previous letter.
    public let objectionSettledOn: Day?
    /// True when no objection to this invoice's work was ever recorded.
    public let neverObjected: Bool
    /// Principal parts with their interest starts (for the Mahnantrag), and interest worked out before them.
    public let principalParts: [PrincipalPart]
    public let settledInterest: SettledInterest?

    /// Percentage points over the base rate: 9 for businesses, 5 for consumers (§ 288 Abs. 1, 2 BGB).
    public var marginPoints: Int { DefaultInterest.marginBasisPoints(debtor: debtor) / 100 }

    /// Everything the letter asks for: principal, interest, lump sum and costs (no VAT on the last three).
    public var claimTotal: Money { principal + interest + lumpSum + costs }

    /// The day the previous letter of the ladder went out, if any.
    public var previousLetterDate: Day? { step.previous.flatMap { sent[$0] } }

    /// The buyer as at issue; invoices from before the snapshot fall back to the current record.
    public static func legalBuyer(of invoice: Invoice, current customer: Customer) -> Customer {
        invoice.buyer ?? customer
    }

    /// Assembles the case of `step` for `invoice` on `today`: the one builder for the reminder run, the preview,
    /// the letter, the e-mail and the dossier.
    /// - Parameters:
    ///   - sent: the day each earlier step was sent (a preview may pretend earlier steps went out today).
    ///   - notes: the customer's correspondence (objections, settlements).
    ///   - payments: every payment row of the invoice with its booked § 367 allocation; later ones are ignored.
    ///   - charges: the dunning charges recorded beside the invoice.
    ///   - delivery: how the letter goes out; only a letter by post claims the policy's material costs.
    /// - Throws: `LegalError.missingBaseRate` when a half-year's base rate is unknown.
    public static func assemble(
        _ step: DunningStep, invoice: Invoice, customer: Customer, sent: [DunningStep: Day], notes: [Note],
        payments: [Payment], charges: [DunningCharge], policy: DunningPolicy, baseRates: BaseRateTable, today: Day,
        delivery: LetterDelivery
    ) throws(LegalError) -> DunningCase {
        let buyer = legalBuyer(of: invoice, current: customer)
        let state = buyer.address?.state
        let deadline = policy.deadlineDays(for: step).map { DueDateShift.shifted(today.adding(days: $0), state: state) }
        let booked = payments.filter { $0.invoiceId == invoice.id && $0.receivedOn <= today }
        let credits = principalCredits(booked)
        let gross = invoice.totals.gross
        let principal = max(.zero, gross - credits.map(\.1).sum())
        let consumerNotice = buyer.kind == .consumer
        let start = invoice.dueDate.flatMap {
            DefaultStart.determine(
                dueDate: $0, dueDateAgreed: invoice.termAgreed, invoiceReceived: invoice.issueDate,
                paymentRequestReceived: sent[.inquiry], debtor: buyer.kind, invoiceHasConsumerNotice: consumerNotice,
                state: state)
        }

        var interest = Money.zero
        var lumpSum = Money.zero
        var costs = Money.zero
        var parts: [PrincipalPart] = []
        var settled: SettledInterest?
        // The first Mahnung that creates default claims nothing beyond the invoice (LAW.md 3.5); interest, lump
        // sum and costs come with the 2. Mahnung.
        if step >= .secondNotice, let start {
            let interestPaid = booked.map(\.toInterest).sum()
            func accrued(through day: Day, countsLastDay: Bool) throws(LegalError) -> ExactCents {
                try DefaultInterest.compute(
                    principal: gross, defaultFrom: start.firstDay, through: day, debtor: buyer.kind, table: baseRates,
                    convention: policy.dayCount, includesPaymentDay: countsLastDay, partialPayments: credits
                ).exactTotal
            }
            let total = try accrued(through: today, countsLastDay: policy.countsPaymentDay).rounded
            interest = max(.zero, total - interestPaid)
            // Interest up to the last payment in default is worked out; the remaining principal runs from the next
            // day, so the Mahnantrag never claims a day twice (issue 13 item 7).
            if let cut = booked.map(\.receivedOn).filter({ $0 >= start.firstDay }).max() {
                // The payment day itself bears interest on the old principal (see DefaultInterest).
                let untilCut = try accrued(through: cut, countsLastDay: true).rounded
                settled = SettledInterest(
                    amount: max(.zero, untilCut - interestPaid), from: start.firstDay, through: cut)
                if principal > .zero {
                    parts = [PrincipalPart(amount: principal, interestFrom: cut.adding(days: 1),
                                           interestToDate: max(.zero, total - untilCut))]
                }
            } else if principal > .zero {
                parts = [PrincipalPart(amount: principal, interestFrom: start.firstDay, interestToDate: interest)]
            }
            let costsPaid = booked.map(\.toCosts).sum()
            let chargedCosts = charges.filter { $0.invoiceId == invoice.id && $0.kind == .costs }.map(\.amount).sum()
            let postage = delivery == .post && step == .secondNotice ? policy.materialCosts : .zero
            // § 288 Abs. 5 Satz 3 BGB: the lump sum is set off against costs of pursuit; DunningClaim knows how.
            let claim = DunningClaim(principal: principal, interest: interest,
                                     lumpSum: LateFee.lumpSum(debtor: buyer.kind), costs: chargedCosts + postage)
            lumpSum = max(.zero, claim.lumpSum - costsPaid)
            costs = max(.zero, claim.creditedCosts - max(.zero, costsPaid - claim.lumpSum))
        }

        let previous = step.previous.flatMap { sent[$0] }
        let received = booked
            .filter { payment in
                (payment.kind == .received || payment.kind == .creditIn)
                    && previous.map { payment.receivedOn >= $0 } ?? true
            }
            .sorted { ($0.receivedOn, $0.id) < ($1.receivedOn, $1.id) }
            .map { ReceivedPayment(receivedOn: $0.receivedOn, amount: $0.amount, toCosts: $0.toCosts,
                                   toInterest: $0.toInterest, toPrincipal: $0.toPrincipal) }
        let settledOn = notes.objectionSettled(for: invoice.id).flatMap { day in
            previous.map { day >= $0 } ?? true ? day : nil
        }
        return DunningCase(
            step: step, invoice: invoice, customer: customer, debtor: buyer.kind, state: state,
            consumerNoticeOnInvoice: consumerNotice, letterDate: today, deadline: deadline, delivery: delivery,
            defaultStart: start, sent: sent, principal: principal, interest: interest, lumpSum: lumpSum, costs: costs,
            received: received, objectionSettledOn: settledOn, neverObjected: !notes.everObjected(to: invoice.id),
            principalParts: parts, settledInterest: settled)
    }

    /// The letter this case writes, with the texts given.
    public func letter(subject: String, body: String) -> DunningLetter {
        DunningLetter(
            invoiceId: invoice.id, invoiceNumber: invoice.number ?? "", customerId: customer.id, step: step,
            createdOn: letterDate, deadline: deadline, openAmount: principal, interest: interest, lumpSum: lumpSum,
            costs: costs, subject: subject, body: body)
    }

    /// The days and amounts credited to the principal, as booked. Counter-entries (reversal, credit moved out,
    /// refund) take back the latest credits first, so the principal is never credited below what was really paid.
    static func principalCredits(_ payments: [Payment]) -> [(Day, Money)] {
        var credits: [(Day, Money)] = []
        for payment in payments.sorted(by: { ($0.receivedOn, $0.id) < ($1.receivedOn, $1.id) }) {
            let part = payment.toPrincipal
            if part >= .zero {
                if part > .zero { credits.append((payment.receivedOn, part)) }
                continue
            }
            var back = Money.zero - part
            while back > .zero, let last = credits.last {
                let taken = min(back, last.1)
                back -= taken
                if taken == last.1 { credits.removeLast() } else { credits[credits.count - 1].1 = last.1 - taken }
            }
        }
        return credits
    }
}
