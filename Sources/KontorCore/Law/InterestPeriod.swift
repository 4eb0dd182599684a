/// One stretch of default interest with constant principal, rate and divisor.
public struct InterestPeriod: Sendable, Hashable {
    /// The first interest day.
    public let from: Day
    /// The last interest day (included).
    public let to: Day
    /// The interest days under the convention used.
    public let days: Int
    /// The yearly default rate in basis points: base rate plus 500 or 900 (10.27 % is 1027).
    public let rateBasisPoints: Int
    /// What the yearly rate is divided by for one day: 365, 366 or 360.
    public let divisor: Int
    /// The principal the interest runs on.
    public let principal: Money
    /// The exact, unrounded interest of this period.
    public let exactAmount: ExactCents

    /// Creates a period; `DefaultInterest.compute` is the usual way to get one.
    public init(
        from: Day, to: Day, days: Int, rateBasisPoints: Int, divisor: Int, principal: Money, exactAmount: ExactCents
    ) {
        self.from = from
        self.to = to
        self.days = days
        self.rateBasisPoints = rateBasisPoints
        self.divisor = divisor
        self.principal = principal
        self.exactAmount = exactAmount
    }

    /// The interest of this period rounded to cents, for display only: the total is rounded once
    /// from the exact amounts, so the displayed lines may differ from the total by a cent.
    public var amount: Money { exactAmount.rounded }

    /// The rate as a percentage text, e.g. `10.27`.
    public var ratePercentText: String { BaseRate.percentText(rateBasisPoints) }
}
