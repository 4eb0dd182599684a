/// How interest days are counted and by what the yearly rate is divided.
///
/// The law sets no day-count rule (LAW.md 3.4, UNCONFIRMED); the default follows the practice guide
/// quoted there: actual days, divided by 365, or by 366 for days in a leap year.
public enum DayCountConvention: String, Sendable, Hashable, Codable, CaseIterable {
    /// Actual days; a day in a leap year counts 1/366 of the yearly rate, other days 1/365.
    case actual365Leap366 = "act/365-366"
    /// Actual days, always divided by 365.
    case actual365 = "act/365"
    /// German 30E/360: every month has 30 days (the 31st counts as the 30th), divided by 360.
    case thirty360 = "30E/360"

    /// The divisor for days in `year`.
    func divisor(year: Int) -> Int64 {
        switch self {
        case .actual365Leap366: return Day.isLeapYear(year) ? 366 : 365
        case .actual365: return 365
        case .thirty360: return 360
        }
    }

    /// Whether periods must be split on 1 January because the divisor can change there.
    var splitsAtYearStart: Bool { self == .actual365Leap366 }

    /// The interest days from `from` through `through`, both included (0 when `through` is earlier).
    func days(from: Day, through: Day) -> Int {
        guard from <= through else { return 0 }
        switch self {
        case .actual365Leap366, .actual365:
            return from.days(until: through) + 1
        case .thirty360:
            // Counted from the day before `from`, as interest runs from the day after that day.
            return DayCountConvention.serial360(through) - DayCountConvention.serial360(from.adding(days: -1))
        }
    }

    /// A 30E/360 day number; differences of two such numbers are 30E/360 day counts, so splitting is additive.
    private static func serial360(_ day: Day) -> Int {
        let (year, month, dayOfMonth) = day.components
        return year * 360 + month * 30 + min(dayOfMonth, 30)
    }
}
