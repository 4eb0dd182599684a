/// The result of a default-interest calculation: the periods and their total.
public struct InterestCalculation: Sendable, Hashable {
    /// The periods in order, without gaps, each with constant principal, rate and divisor.
    public let periods: [InterestPeriod]

    /// Creates a calculation from its periods.
    public init(periods: [InterestPeriod]) {
        self.periods = periods
    }

    /// No interest (default has not started, or nothing is owed).
    public static let none = InterestCalculation(periods: [])

    /// The exact sum of the unrounded period amounts.
    public var exactTotal: ExactCents { periods.reduce(.zero) { $0 + $1.exactAmount } }

    /// The total interest: the exact sum rounded once to cents, half away from zero.
    public var total: Money { exactTotal.rounded }

    /// The interest days of all periods together.
    public var days: Int { periods.reduce(0) { $0 + $1.days } }
}
