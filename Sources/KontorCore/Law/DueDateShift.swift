/// § 193 BGB: a last day that falls on a Saturday, Sunday or public holiday moves to the next working day.
///
/// Holidays are those of the place of performance; for money debts Kontor uses the debtor's state
/// (§§ 269, 270 BGB, UNCONFIRMED in LAW.md section 8). The BGH applies the rule also to the period
/// whose end starts default (III ZR 159/06).
public enum DueDateShift {
    /// `day` itself when it is a working day in `state`, otherwise the next working day.
    /// - Parameters:
    ///   - day: the last day to perform (pay) or the last day of a period.
    ///   - state: the debtor's state; nil applies nationwide holidays only.
    public static func shifted(_ day: Day, state: GermanState?) -> Day {
        var result = day
        while !GermanHolidays.isWorkingDay(result, state: state) {
            result = result.adding(days: 1)
        }
        return result
    }
}
