/// When default (Verzug, § 286 BGB) begins, and by which rule.
///
/// `firstDay` is the first interest day: the day after `lastDayWithoutInterest` (LAW.md 3.4 counts
/// "from the day after the due date"; § 187 Abs. 1 BGB does not count the day of the event).
public struct DefaultStart: Sendable, Hashable {
    /// The first day of default interest.
    public let firstDay: Day
    /// The day before `firstDay`: the last day to pay after any § 193 shift, or, for a payment request,
    /// the day it reached the debtor (default begins then, interest the day after).
    public let lastDayWithoutInterest: Day
    /// The rule that applied.
    public let rule: DefaultRule

    /// Creates a result; `determine` is the usual way to get one.
    public init(firstDay: Day, lastDayWithoutInterest: Day, rule: DefaultRule) {
        self.firstDay = firstDay
        self.lastDayWithoutInterest = lastDayWithoutInterest
        self.rule = rule
    }

    /// The earliest start of default under the rules that apply, or nil when none applies yet.
    ///
    /// On equal days the agreed calendar date wins over the payment request, and that over the 30 days,
    /// because it is the easiest to prove. See `candidates` for the parameters.
    public static func determine(
        dueDate: Day,
        dueDateAgreed: Bool,
        invoiceReceived: Day?,
        paymentRequestReceived: Day?,
        debtor: CustomerKind,
        invoiceHasConsumerNotice: Bool,
        state: GermanState?
    ) -> DefaultStart? {
        candidates(
            dueDate: dueDate, dueDateAgreed: dueDateAgreed, invoiceReceived: invoiceReceived,
            paymentRequestReceived: paymentRequestReceived, debtor: debtor,
            invoiceHasConsumerNotice: invoiceHasConsumerNotice, state: state
        ).min { $0.firstDay < $1.firstDay }
    }

    /// Every start of default that applies, in the order agreed date, payment request, 30 days.
    /// - Parameters:
    ///   - dueDate: the day the claim is due (Fälligkeit): a date printed only on the invoice does not make
    ///     a claim due later, so pass the legal due date (e.g. receipt, or acceptance for a Werkvertrag).
    ///   - dueDateAgreed: whether `dueDate` was agreed as a calendar date (§ 286 Abs. 2 Nr. 1).
    ///   - invoiceReceived: the day the invoice reached the debtor, if known (§ 286 Abs. 3).
    ///   - paymentRequestReceived: the day a payment request reached the debtor, if any (§ 286 Abs. 1).
    ///     A request that arrives before the due date has no effect.
    ///   - debtor: business or consumer.
    ///   - invoiceHasConsumerNotice: whether the invoice warned a consumer of the 30-day rule (Abs. 3 S. 1 Hs. 2).
    ///   - state: the debtor's state, for § 193 BGB.
    public static func candidates(
        dueDate: Day,
        dueDateAgreed: Bool,
        invoiceReceived: Day?,
        paymentRequestReceived: Day?,
        debtor: CustomerKind,
        invoiceHasConsumerNotice: Bool,
        state: GermanState?
    ) -> [DefaultStart] {
        // The debtor may always pay on the due date, or on the next working day (§ 193 BGB).
        let shiftedDue = DueDateShift.shifted(dueDate, state: state)
        var result: [DefaultStart] = []
        if dueDateAgreed {
            result.append(DefaultStart(firstDay: shiftedDue.adding(days: 1), lastDayWithoutInterest: shiftedDue,
                                       rule: .agreedCalendarDate))
        }
        if let request = paymentRequestReceived, request >= dueDate {
            // Default begins when the request arrives; interest from the next day (§ 187 Abs. 1 BGB).
            let lastDay = max(request, shiftedDue)
            result.append(DefaultStart(firstDay: lastDay.adding(days: 1), lastDayWithoutInterest: lastDay,
                                       rule: .paymentRequest))
        }
        if let received = invoiceReceived, debtor == .business || invoiceHasConsumerNotice {
            // The period starts after the later of due date and receipt (§ 187 Abs. 1) and ends on day 30
            // (§ 188 Abs. 1); § 193 moves that last day (BGH III ZR 159/06).
            let dayThirty = max(dueDate, received).adding(days: 30)
            let lastDay = DueDateShift.shifted(dayThirty, state: state)
            result.append(DefaultStart(firstDay: lastDay.adding(days: 1), lastDayWithoutInterest: lastDay,
                                       rule: .thirtyDays))
        }
        return result
    }
}
