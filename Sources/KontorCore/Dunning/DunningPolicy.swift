/// How patient Kontor is: the waiting times between the steps, the deadlines set in the letters, and how much
/// longer regular customers who usually pay on time are given. Every number can be changed.
public struct DunningPolicy: Sendable, Hashable, Codable {
    /// Days after the due date (shifted by § 193 BGB) before the friendly inquiry.
    public var inquiryAfterDays: Int
    /// The pay-by date the friendly inquiry names, in days from its date: the inquiry is the payment request
    /// that starts default (§ 286 Abs. 1 BGB), so it must ask for payment by a concrete day (issue 13 item 10).
    public var inquiryDeadlineDays: Int
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
    /// Days the ladder waits again after an objection was settled, so the customer has time to pay the settled
    /// invoice before the next letter (issue 13 item 9).
    public var objectionSettledWaitDays: Int
    /// How interest days are counted and divided (LAW.md 3.4: no statute; the practice guide's act/365-366 is the
    /// default).
    public var dayCount: DayCountConvention
    /// Whether the payment day itself bears interest (LAW.md 3.4 default: yes).
    public var countsPaymentDay: Bool

    /// The defaults: 7 days, 14 days, 10 days deadline, 14 days, 7 days final deadline, 14 days; 3 days grace.
    public init(
        inquiryAfterDays: Int = 7, inquiryDeadlineDays: Int = 7, firstNoticeAfterDays: Int = 14,
        firstNoticeDeadlineDays: Int = 10,
        secondNoticeAfterDeadlineDays: Int = 14, secondNoticeDeadlineDays: Int = 7, handoverAfterDeadlineDays: Int = 14,
        promiseGraceDays: Int = 3, skipPostponeDays: Int = 7, patientFactorPercent: Int = 150,
        materialCosts: Money = .zero, objectionSettledWaitDays: Int = 14,
        dayCount: DayCountConvention = .actual365Leap366, countsPaymentDay: Bool = true
    ) {
        self.inquiryAfterDays = inquiryAfterDays
        self.inquiryDeadlineDays = inquiryDeadlineDays
        self.firstNoticeAfterDays = firstNoticeAfterDays
        self.firstNoticeDeadlineDays = firstNoticeDeadlineDays
        self.secondNoticeAfterDeadlineDays = secondNoticeAfterDeadlineDays
        self.secondNoticeDeadlineDays = secondNoticeDeadlineDays
        self.handoverAfterDeadlineDays = handoverAfterDeadlineDays
        self.promiseGraceDays = promiseGraceDays
        self.skipPostponeDays = skipPostponeDays
        self.patientFactorPercent = patientFactorPercent
        self.materialCosts = materialCosts
        self.objectionSettledWaitDays = objectionSettledWaitDays
        self.dayCount = dayCount
        self.countsPaymentDay = countsPaymentDay
    }

    /// Reads a stored policy; settings added later take their defaults, so profiles saved before them still load.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = DunningPolicy()
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try container.decodeIfPresent(T.self, forKey: key) ?? fallback
        }
        self.init(
            inquiryAfterDays: try value(.inquiryAfterDays, defaults.inquiryAfterDays),
            inquiryDeadlineDays: try value(.inquiryDeadlineDays, defaults.inquiryDeadlineDays),
            firstNoticeAfterDays: try value(.firstNoticeAfterDays, defaults.firstNoticeAfterDays),
            firstNoticeDeadlineDays: try value(.firstNoticeDeadlineDays, defaults.firstNoticeDeadlineDays),
            secondNoticeAfterDeadlineDays: try value(
                .secondNoticeAfterDeadlineDays, defaults.secondNoticeAfterDeadlineDays),
            secondNoticeDeadlineDays: try value(.secondNoticeDeadlineDays, defaults.secondNoticeDeadlineDays),
            handoverAfterDeadlineDays: try value(.handoverAfterDeadlineDays, defaults.handoverAfterDeadlineDays),
            promiseGraceDays: try value(.promiseGraceDays, defaults.promiseGraceDays),
            skipPostponeDays: try value(.skipPostponeDays, defaults.skipPostponeDays),
            patientFactorPercent: try value(.patientFactorPercent, defaults.patientFactorPercent),
            materialCosts: try value(.materialCosts, defaults.materialCosts),
            objectionSettledWaitDays: try value(.objectionSettledWaitDays, defaults.objectionSettledWaitDays),
            dayCount: try value(.dayCount, defaults.dayCount),
            countsPaymentDay: try value(.countsPaymentDay, defaults.countsPaymentDay))
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
        case .handover: nil
        case .inquiry: inquiryDeadlineDays
        case .firstNotice: firstNoticeDeadlineDays
        case .secondNotice: secondNoticeDeadlineDays
        }
    }

    /// Days a waiting time or deadline may have.
    public static let allowedDays = 0...365
    /// Percent of the waits a regular customer gets.
    public static let allowedPatience = 100...400

    /// Checks that no wait is negative and the factor is sensible.
    public func validate() throws(InputError) {
        let days = [inquiryAfterDays, firstNoticeAfterDays, firstNoticeDeadlineDays, secondNoticeAfterDeadlineDays,
                    secondNoticeDeadlineDays, handoverAfterDeadlineDays, promiseGraceDays, skipPostponeDays,
                    objectionSettledWaitDays, inquiryDeadlineDays]
        if let bad = days.first(where: { !Self.allowedDays.contains($0) }) {
            throw .outOfRange(what: .dunningPolicy, value: "\(bad)", range: Self.allowedDays, unit: .days)
        }
        guard Self.allowedPatience.contains(patientFactorPercent) else {
            throw .outOfRange(
                what: .dunningPolicy, value: "\(patientFactorPercent)", range: Self.allowedPatience, unit: .percent)
        }
        guard materialCosts >= .zero, materialCosts.cents <= 500 else {
            throw .invalid(what: .materialCosts, rule: .materialCostsCap(Money(cents: 500)))
        }
    }
}
