/// How patient Kontor is: the waiting times between the steps, the deadlines set in the letters, and how much
/// longer regular customers who usually pay on time are given. Every number can be changed.
public struct DunningPolicy: Sendable, Hashable, Codable {
    /// Days after the due date (shifted by § 193 BGB) before the friendly inquiry.
    public var inquiryAfterDays: Int
    /// Days after the inquiry before the first Mahnung.
    public var firstNoticeAfterDays: Int
    /// The deadline the first Mahnung sets, in days from its date.
    public var firstNoticeDeadlineDays: Int
    /// Days after the first Mahnung's deadline before the second.
    public var secondNoticeAfterDeadlineDays: Int
    /// The final deadline the second Mahnung sets.
    public var secondNoticeDeadlineDays: Int
    /// Days after the second Mahnung's deadline before the hand-over is proposed.
    public var handoverAfterDeadlineDays: Int
    /// Days after a promised payment date before escalation resumes.
    public var promiseGraceDays: Int
    /// Days a skipped step waits before it is proposed again.
    public var skipPostponeDays: Int
    /// Waits for regular customers who usually pay on time, in percent (150 = half as long again).
    public var patientFactorPercent: Int
    /// Material costs (postage, printing) charged from the second Mahnung on; never for the letter that
    /// creates default, never staff time (LAW.md 3.5). Zero by default.
    public var materialCosts: Money

    /// The defaults: 7 days, 14 days, 10 days deadline, 14 days, 7 days final deadline, 14 days; 3 days grace.
    public init(
        inquiryAfterDays: Int = 7, firstNoticeAfterDays: Int = 14, firstNoticeDeadlineDays: Int = 10,
        secondNoticeAfterDeadlineDays: Int = 14, secondNoticeDeadlineDays: Int = 7, handoverAfterDeadlineDays: Int = 14,
        promiseGraceDays: Int = 3, skipPostponeDays: Int = 7, patientFactorPercent: Int = 150,
        materialCosts: Money = .zero
    ) {
        self.inquiryAfterDays = inquiryAfterDays
        self.firstNoticeAfterDays = firstNoticeAfterDays
        self.firstNoticeDeadlineDays = firstNoticeDeadlineDays
        self.secondNoticeAfterDeadlineDays = secondNoticeAfterDeadlineDays
        self.secondNoticeDeadlineDays = secondNoticeDeadlineDays
        self.handoverAfterDeadlineDays = handoverAfterDeadlineDays
        self.promiseGraceDays = promiseGraceDays
        self.skipPostponeDays = skipPostponeDays
        self.patientFactorPercent = patientFactorPercent
        self.materialCosts = materialCosts
    }

    /// Days from the previous step (or the due date) to `step`.
    public func wait(before step: DunningStep) -> Int {
        switch step {
        case .inquiry: inquiryAfterDays
        case .firstNotice: firstNoticeAfterDays
        case .secondNotice: firstNoticeDeadlineDays + secondNoticeAfterDeadlineDays
        case .handover: secondNoticeDeadlineDays + handoverAfterDeadlineDays
        }
    }

    /// The deadline a letter of `step` sets, if it sets one.
    public func deadlineDays(for step: DunningStep) -> Int? {
        switch step {
        case .inquiry, .handover: nil
        case .firstNotice: firstNoticeDeadlineDays
        case .secondNotice: secondNoticeDeadlineDays
        }
    }

    /// Checks that no wait is negative and the factor is sensible.
    public func validate() throws(InputError) {
        let days = [inquiryAfterDays, firstNoticeAfterDays, firstNoticeDeadlineDays, secondNoticeAfterDeadlineDays,
                    secondNoticeDeadlineDays, handoverAfterDeadlineDays, promiseGraceDays, skipPostponeDays]
        guard days.allSatisfy({ (0...365).contains($0) }) else {
            throw .invalid(what: "dunning policy", reason: "every waiting time must be 0 to 365 days")
        }
        guard (100...400).contains(patientFactorPercent) else {
            throw .invalid(what: "dunning policy", reason: "the factor for regular customers must be 100 to 400 %")
        }
        guard materialCosts >= .zero, materialCosts.cents <= 500 else {
            throw .invalid(what: "material costs", reason: "only actual postage and printing, at most 5,00 €, may be charged")
        }
    }
}
