/// An amount of cents held exactly: whole cents plus a fraction over a fixed denominator.
///
/// Interest for one period is cents × basis points × days / (10,000 × 365, 366 or 360). The common
/// denominator 10,000 × lcm(360, 365, 366) makes every such amount exact, so period amounts can be
/// added without rounding and the sum is rounded once (LAW.md 9: T3 5.2490 + 4.2205 → 9.47).
public struct ExactCents: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 10,000 (basis points) × lcm(360, 365, 366) = 16,030,800,000.
    public static let denominator: Int64 = 10_000 * 1_603_080

    /// Whole cents, rounded towards minus infinity.
    public let cents: Int64
    /// The fraction of a cent, in units of 1 / `denominator`; always in `0 ..< denominator`.
    public let remainder: Int64

    /// Creates an exact amount; `remainder` is normalised into `0 ..< denominator`.
    public init(cents: Int64, remainder: Int64 = 0) {
        let carry = remainder >= 0 ? remainder / Self.denominator : (remainder + 1) / Self.denominator - 1
        self.cents = cents + carry
        self.remainder = remainder - carry * Self.denominator
    }

    /// Zero cents.
    public static let zero = ExactCents(cents: 0)

    /// `principalCents × basisPoints × days / (10,000 × divisor)` exactly.
    /// - Throws: `LegalError.amountTooLarge` when the result does not fit 64-bit cents.
    static func interest(principalCents: Int64, basisPoints: Int64, days: Int64, divisor: Int64)
        throws(LegalError) -> ExactCents
    {
        precondition(principalCents >= 0 && basisPoints >= 0 && days >= 0 && divisor > 0)
        precondition(1_603_080 % divisor == 0, "divisor must divide lcm(360, 365, 366)")
        let (rateProduct, overflow) = principalCents.multipliedReportingOverflow(by: basisPoints)
        guard !overflow else { throw .amountTooLarge }
        // A 128-bit product and division keep the result exact without Int128 (not on macOS 14).
        let wide = rateProduct.multipliedFullWidth(by: days)
        let periodDenominator = 10_000 * divisor
        // The quotient fits Int64 only when the high word is below half the divisor.
        guard wide.high < periodDenominator / 2 else { throw .amountTooLarge }
        let (quotient, rest) = periodDenominator.dividingFullWidth(wide)
        return ExactCents(cents: quotient, remainder: rest * (Self.denominator / periodDenominator))
    }

    /// Rounded to whole cents, half away from zero (kaufmännisch).
    public var rounded: Money {
        let twice = remainder * 2
        if cents >= 0 { return Money(cents: twice >= Self.denominator ? cents + 1 : cents) }
        // Below zero an exact half stays at `cents`, which is the value further from zero.
        return Money(cents: twice > Self.denominator ? cents + 1 : cents)
    }

    /// The amount in euros with four decimals, rounded half up (for explanations such as "5.2490", as the
    /// worked examples in LAW.md show intermediate amounts).
    public var euroText: String {
        let scaled = remainder * 100
        let roundUp = (scaled % Self.denominator) * 2 >= Self.denominator
        let hundredthsOfCent = cents * 100 + scaled / Self.denominator + (roundUp ? 1 : 0)
        return FixedPoint.format(hundredthsOfCent, scale: 4, minimumFraction: 4)
    }

    public var description: String { "\(cents) + \(remainder)/\(Self.denominator) ct" }

    public static func + (lhs: ExactCents, rhs: ExactCents) -> ExactCents {
        ExactCents(cents: lhs.cents + rhs.cents, remainder: lhs.remainder + rhs.remainder)
    }

    public static func < (lhs: ExactCents, rhs: ExactCents) -> Bool {
        (lhs.cents, lhs.remainder) < (rhs.cents, rhs.remainder)
    }
}
