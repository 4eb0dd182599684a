/// When money that is due becomes late: the one rule behind "overdue" and "overdue by n days" everywhere
/// (morning list, invoice lists, receivables report, the dunning engine).
///
/// § 193 BGB moves a due date that falls on a Saturday, Sunday or public holiday of the place of performance to
/// the next working day; for money debts Kontor takes the debtor's state (see `DueDateShift`). An invoice due on
/// Good Friday 2026-04-03 may still be paid on Tuesday 2026-04-07 and is overdue from Wednesday 2026-04-08 on.
public struct PaymentDeadline: Sendable, Hashable {
    /// "Zahlbar bis" as printed on the invoice.
    public let dueDate: Day
    /// The debtor's state; nil applies nationwide holidays only.
    public let state: GermanState?

    /// Creates the deadline of a due date in a state.
    public init(dueDate: Day, state: GermanState?) {
        self.dueDate = dueDate
        self.state = state
    }

    /// The last day on which payment is still in time.
    public var lastDayToPay: Day { DueDateShift.shifted(dueDate, state: state) }

    /// Whether the money is late on `today` (open amounts are the caller's concern).
    public func isOverdue(on today: Day) -> Bool { lastDayToPay < today }

    /// Days since the last day to pay, 0 when not late.
    public func daysOverdue(on today: Day) -> Int { max(0, lastDayToPay.days(until: today)) }

    /// The latest due date that is overdue on `today` in `state`: the last working day before `today`.
    ///
    /// The shift only ever moves a day forward to the first working day, so "overdue" grows with age: a due date
    /// is overdue exactly when it is on or before this day. That lets a database filter with one comparison per
    /// state instead of shifting every row.
    public static func latestOverdueDueDate(on today: Day, state: GermanState?) -> Day {
        var day = today.adding(days: -1)
        while !GermanHolidays.isWorkingDay(day, state: state) { day = day.adding(days: -1) }
        return day
    }

    /// `latestOverdueDueDate` nationwide and for the states where a holiday of their own makes it differ: what a
    /// store's overdue filter compares a due date with, by the debtor's state (every store builds its SQL from it).
    public static func overdueCutoffs(on today: Day) -> (nationwide: Day, differing: [(state: GermanState, day: Day)]) {
        let nationwide = latestOverdueDueDate(on: today, state: nil)
        let differing = GermanState.allCases.compactMap { state in
            let latest = latestOverdueDueDate(on: today, state: state)
            return latest == nationwide ? nil : (state: state, day: latest)
        }
        return (nationwide, differing)
    }
}
