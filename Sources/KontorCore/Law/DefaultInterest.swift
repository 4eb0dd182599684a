/// Default interest (Verzugszinsen) under § 288 BGB.
///
/// The rate is the base rate (§ 247 BGB) plus 5 percentage points, or 9 points where no consumer
/// is party (Entgeltforderungen, § 288 Abs. 2). Interest runs on the gross claim.
public enum DefaultInterest {
    /// Percentage points above the base rate, in basis points.
    public static func marginBasisPoints(debtor: CustomerKind) -> Int {
        switch debtor {
        case .business: return 900
        case .consumer: return 500
        }
    }

    /// Computes default interest from the first day of default through the payment day.
    ///
    /// Periods are split wherever the base rate changes, where the divisor changes at a year start
    /// (leap-year rule, LAW.md 9 T4) and after every partial payment.
    /// - Parameters:
    ///   - principal: the gross claim on which interest runs.
    ///   - defaultFrom: the first day of default (see `DefaultStart`).
    ///   - through: the payment day, or the day to compute up to.
    ///   - debtor: business (+9 points) or consumer (+5 points).
    ///   - table: the base rates.
    ///   - convention: how days are counted and divided (LAW.md 3.4).
    ///   - includesPaymentDay: whether `through` itself bears interest (LAW.md 3.4 default: yes).
    ///   - partialPayments: days and amounts credited to the principal, i.e. after `PaymentAllocation`
    ///     has served costs and interest. The payment day still bears interest on the old principal;
    ///     the principal drops from the next day on (consistent with counting the payment day).
    ///     Payments beyond the principal only bring it to zero.
    /// - Returns: the periods (none when `through` lies before `defaultFrom`) and the total.
    /// - Throws: `LegalError.missingBaseRate` when a day falls outside the known base rates,
    ///   `LegalError.negativeAmount` for a negative principal or payment.
    public static func compute(
        principal: Money,
        defaultFrom: Day,
        through: Day,
        debtor: CustomerKind,
        table: BaseRateTable,
        convention: DayCountConvention = .actual365Leap366,
        includesPaymentDay: Bool = true,
        partialPayments: [(Day, Money)] = []
    ) throws(LegalError) -> InterestCalculation {
        guard principal >= .zero else { throw .negativeAmount(what: .principal) }
        for (_, amount) in partialPayments where amount < .zero { throw .negativeAmount(what: .partialPayment) }
        let last = includesPaymentDay ? through : through.adding(days: -1)
        guard defaultFrom <= last else { return .none }
        try table.checkCoverage(from: defaultFrom, through: last)

        let margin = marginBasisPoints(debtor: debtor)
        var periods: [InterestPeriod] = []
        for segment in segments(from: defaultFrom, through: last, table: table, convention: convention,
                                payments: partialPayments)
        {
            let openPrincipal = principalOpen(on: segment.from, principal: principal, payments: partialPayments)
            guard openPrincipal > .zero else { continue }
            // A negative default rate would make the creditor pay; it cannot arise from § 288, so clamp.
            let rate = try max(0, table.basisPoints(on: segment.from) + margin)
            let divisor = convention.divisor(year: segment.from.year)
            if let previous = periods.last, previous.to.adding(days: 1) == segment.from,
                previous.principal == openPrincipal, previous.rateBasisPoints == rate, previous.divisor == Int(divisor)
            {
                // Nothing changed at this boundary (e.g. 1 January between two common years): one line.
                periods[periods.count - 1] = try period(
                    from: previous.from, to: segment.to, rate: rate, divisor: divisor, principal: openPrincipal,
                    convention: convention)
            } else {
                periods.append(try period(
                    from: segment.from, to: segment.to, rate: rate, divisor: divisor, principal: openPrincipal,
                    convention: convention))
            }
        }
        return InterestCalculation(periods: periods)
    }

    // MARK: - Helpers

    /// The principal still open on `day`: payments made before `day` are deducted, never below zero.
    static func principalOpen(on day: Day, principal: Money, payments: [(Day, Money)]) -> Money {
        let paid = payments.filter { $0.0 < day }.map(\.1).sum()
        return max(.zero, principal - paid)
    }

    /// The stretches of `from...through` between all days on which something may change.
    static func segments(
        from: Day, through: Day, table: BaseRateTable, convention: DayCountConvention, payments: [(Day, Money)]
    ) -> [(from: Day, to: Day)] {
        var starts = Set(table.changeDays(after: from, through: through))
        if convention.splitsAtYearStart, from.year < through.year {
            for year in (from.year + 1)...through.year { starts.insert(Day.fixed(year, 1, 1)) }
        }
        for (day, _) in payments {
            let next = day.adding(days: 1)
            if next > from && next <= through { starts.insert(next) }
        }
        let ordered = [from] + starts.sorted()
        return ordered.indices.map { index in
            let end = index + 1 < ordered.count ? ordered[index + 1].adding(days: -1) : through
            return (ordered[index], end)
        }
    }

    static func period(
        from: Day, to: Day, rate: Int, divisor: Int64, principal: Money, convention: DayCountConvention
    ) throws(LegalError) -> InterestPeriod {
        let days = convention.days(from: from, through: to)
        let exact = try ExactCents.interest(
            principalCents: principal.cents, basisPoints: Int64(rate), days: Int64(days), divisor: divisor)
        return InterestPeriod(from: from, to: to, days: days, rateBasisPoints: rate, divisor: Int(divisor),
                              principal: principal, exactAmount: exact)
    }
}
