extension Day {
    /// A day from components that are known to be valid (constants in the law tables, 1 Jan, 31 Dec).
    ///
    /// Traps on an impossible date: such a date can only come from a typo in Kontor's own tables,
    /// never from user input, so failing loudly in tests is the right response.
    static func fixed(_ year: Int, _ month: Int, _ day: Int) -> Day {
        guard let value = Day(year: year, month: month, day: day) else {
            preconditionFailure("invalid fixed date \(year)-\(month)-\(day)")
        }
        return value
    }

    /// 1 January or 1 July of the half-year this day falls in (the base rate changes on these days).
    var halfYearStart: Day { Day.fixed(year, month <= 6 ? 1 : 7, 1) }

    /// 30 June or 31 December of the half-year this day falls in.
    var halfYearEnd: Day { month <= 6 ? Day.fixed(year, 6, 30) : Day.fixed(year, 12, 31) }

    /// Whether this is 1 January or 1 July.
    var isHalfYearStart: Bool { self == halfYearStart }

    /// Whether this is 30 June or 31 December.
    var isHalfYearEnd: Bool { self == halfYearEnd }
}
