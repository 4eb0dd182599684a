import Testing

@testable import KontorCore

/// § 193 BGB: worked example T5 and properties of the shift.
struct DueDateShiftTests {
    @Test func t5FronleichnamDependsOnTheDebtorsState() {
        // Given a due date on Thu 2026-06-04 (Fronleichnam)
        let due = day("2026-06-04")
        for state in [GermanState.NW, .BY, .BW, .HE, .RP, .SL] {
            #expect(DueDateShift.shifted(due, state: state) == day("2026-06-05"), "\(state)")
        }
        for state in [GermanState.BE, .HH] {
            #expect(DueDateShift.shifted(due, state: state) == due, "\(state)")
        }
    }

    @Test func t5GoodFridaySkipsTheEasterWeekend() {
        for state in GermanState.allCases {
            #expect(DueDateShift.shifted(day("2026-04-03"), state: state) == day("2026-04-07"), "\(state)")
        }
        #expect(DueDateShift.shifted(day("2026-04-03"), state: nil) == day("2026-04-07"))
    }

    @Test func t5RepentanceDayOnlyInSaxony() {
        #expect(DueDateShift.shifted(day("2026-11-18"), state: .SN) == day("2026-11-19"))
        for state in GermanState.allCases where state != .SN {
            #expect(DueDateShift.shifted(day("2026-11-18"), state: state) == day("2026-11-18"), "\(state)")
        }
    }

    @Test func t5ChristmasAndReformationDay() {
        for state in GermanState.allCases + [nil] {
            #expect(DueDateShift.shifted(day("2026-12-25"), state: state) == day("2026-12-28"))
            #expect(DueDateShift.shifted(day("2026-10-31"), state: state) == day("2026-11-02"))
        }
    }

    @Test func t1SundayMovesToMonday() {
        #expect(DueDateShift.shifted(day("2026-03-15"), state: nil) == day("2026-03-16"))
        #expect(DueDateShift.shifted(day("2026-03-16"), state: .NW) == day("2026-03-16"))
    }

    @Test func shiftIsAWorkingDayAtMostFourDaysLaterAndIdempotent() {
        // Every day of 2015–2035 in every state
        var due = day("2015-01-01")
        while due <= day("2035-12-31") {
            for state in GermanState.allCases + [nil] {
                let shifted = DueDateShift.shifted(due, state: state)
                #expect(GermanHolidays.isWorkingDay(shifted, state: state))
                #expect(due.days(until: shifted) >= 0 && due.days(until: shifted) <= 4)
                #expect(DueDateShift.shifted(shifted, state: state) == shifted)
                // No working day is skipped on the way
                var between = due
                while between < shifted {
                    #expect(!GermanHolidays.isWorkingDay(between, state: state))
                    between = between.adding(days: 1)
                }
            }
            due = due.adding(days: 1)
        }
    }
}
