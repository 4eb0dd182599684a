/// How many hours the writer can write on each day: hours per weekday, minus days off, vacations and public
/// holidays of the writer's state.
public struct WorkingCapacity: Sendable, Hashable, Codable {
    /// Writing hours (in thousandths) for ISO weekdays 1 (Monday) … 7 (Sunday).
    public var hoursPerWeekday: [Int64]
    /// Single days off.
    public var daysOff: [Day]
    /// Vacations, first and last day inclusive.
    public var vacations: [ClosedDayRange]
    /// The state whose public holidays are days off; nil for nationwide holidays only.
    public var state: GermanState?

    /// Six writing hours Monday to Friday, nothing at weekends.
    public init(
        hoursPerWeekday: [Int64] = [6000, 6000, 6000, 6000, 6000, 0, 0], daysOff: [Day] = [],
        vacations: [ClosedDayRange] = [], state: GermanState? = nil
    ) {
        self.hoursPerWeekday = hoursPerWeekday
        self.daysOff = daysOff
        self.vacations = vacations
        self.state = state
    }

    /// The writing hours (thousandths) available on `day`.
    public func hours(on day: Day) -> Int64 {
        if daysOff.contains(day) || vacations.contains(where: { $0.contains(day) }) { return 0 }
        if GermanHolidays.isHoliday(day, state: state) { return 0 }
        return hoursPerWeekday[day.isoWeekday - 1]
    }

    /// Checks the week has 7 non-negative entries of at most 16 hours and some capacity at all.
    public func validate() throws(InputError) {
        guard hoursPerWeekday.count == 7, hoursPerWeekday.allSatisfy({ (0...16_000).contains($0) }) else {
            throw .invalid(what: .writingHours, rule: .sevenWeekdayHours)
        }
        guard hoursPerWeekday.contains(where: { $0 > 0 }) else {
            throw .invalid(what: .writingHours, rule: .noWritingDay)
        }
        for vacation in vacations where vacation.last < vacation.first {
            throw .endsBeforeStart(what: .vacation)
        }
    }
}

/// A span of days, first and last inclusive.
public struct ClosedDayRange: Sendable, Hashable, Codable {
    public var first: Day
    public var last: Day

    /// Creates a range.
    public init(first: Day, last: Day) {
        self.first = first
        self.last = last
    }

    /// Whether `day` lies in the range.
    public func contains(_ day: Day) -> Bool { first <= day && day <= last }
}
