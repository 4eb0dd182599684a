/// Everything that decides whether an invoice is dunned, as of one day.
public struct DunningSituation: Sendable, Hashable {
    /// "Zahlbar bis" as printed on the invoice.
    public var dueDate: Day
    /// The debtor's state, for § 193 BGB.
    public var state: GermanState?
    public var openAmount: Money
    public var isCancelled: Bool
    /// When each step was sent.
    public var sent: [DunningStep: Day]
    /// When a step's draft was last skipped.
    public var skipped: [DunningStep: Day]
    /// Payment dates the customer promised.
    public var promises: [Day]
    /// The customer objected to the work and the objection is not resolved.
    public var objectionOpen: Bool
    /// The day the last objection concerning the invoice was settled, if any: the ladder waits again after it.
    public var objectionSettledOn: Day?
    /// "Do not dun" until and including this day.
    public var holdUntil: Day?
    /// A regular customer who usually pays on time: waits are longer.
    public var patientCustomer: Bool

    /// Creates a situation.
    public init(
        dueDate: Day, state: GermanState? = nil, openAmount: Money, isCancelled: Bool = false,
        sent: [DunningStep: Day] = [:], skipped: [DunningStep: Day] = [:], promises: [Day] = [],
        objectionOpen: Bool = false, objectionSettledOn: Day? = nil, holdUntil: Day? = nil,
        patientCustomer: Bool = false
    ) {
        self.dueDate = dueDate
        self.state = state
        self.openAmount = openAmount
        self.isCancelled = isCancelled
        self.sent = sent
        self.skipped = skipped
        self.promises = promises
        self.objectionOpen = objectionOpen
        self.objectionSettledOn = objectionSettledOn
        self.holdUntil = holdUntil
        self.patientCustomer = patientCustomer
    }
}

/// The next step of an invoice's escalation and the day it becomes due.
public struct DunningDecision: Sendable, Hashable {
    public let step: DunningStep
    public let dueOn: Day

    /// Whether the step is due on `today`.
    public func isDue(on today: Day) -> Bool { dueOn <= today }
}

/// Decides the next dunning step. Pure: the same situation and policy always give the same answer.
public enum DunningPlanner {
    /// The next step and when it is due, or nil when nothing may happen: nothing open, cancelled, an open
    /// objection, or every step done. Promises, holds and skips only move the due day later.
    public static func next(_ situation: DunningSituation, policy: DunningPolicy) -> DunningDecision? {
        guard situation.openAmount.cents > 0, !situation.isCancelled, !situation.objectionOpen else { return nil }
        guard let step = DunningStep.sequence.first(where: { situation.sent[$0] == nil }) else { return nil }
        let base: Day
        if let previous = step.previous {
            guard let sentOn = situation.sent[previous] else { return nil }
            base = sentOn
        } else {
            base = PaymentDeadline(dueDate: situation.dueDate, state: situation.state).lastDayToPay
        }
        var wait = policy.wait(before: step)
        if situation.patientCustomer { wait = (wait * policy.patientFactorPercent + 99) / 100 }
        var dueOn = base.adding(days: wait)
        if let skippedOn = situation.skipped[step] { dueOn = max(dueOn, skippedOn.adding(days: policy.skipPostponeDays)) }
        if let promised = situation.promises.max() { dueOn = max(dueOn, promised.adding(days: policy.promiseGraceDays + 1)) }
        if let settled = situation.objectionSettledOn {
            // A settled dispute gives the customer time to pay before the ladder goes on (issue 13 item 9).
            dueOn = max(dueOn, settled.adding(days: policy.objectionSettledWaitDays))
        }
        if let hold = situation.holdUntil { dueOn = max(dueOn, hold.adding(days: 1)) }
        return DunningDecision(step: step, dueOn: dueOn)
    }

    /// The step due on `today`, if any.
    public static func due(_ situation: DunningSituation, policy: DunningPolicy, today: Day) -> DunningDecision? {
        guard let decision = next(situation, policy: policy), decision.isDue(on: today) else { return nil }
        return decision
    }
}
