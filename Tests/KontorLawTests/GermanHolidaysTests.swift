import Testing

@testable import KontorCore

/// The holiday table of LAW.md section 8.
struct GermanHolidaysTests {
    @Test func nationwideHolidays2026() {
        let names = GermanHolidays.holidays(in: 2026, state: nil).map(\.description)
        #expect(names == [
            "2026-01-01 Neujahr", "2026-04-03 Karfreitag", "2026-04-06 Ostermontag", "2026-05-01 Tag der Arbeit",
            "2026-05-14 Christi Himmelfahrt", "2026-05-25 Pfingstmontag", "2026-10-03 Tag der Deutschen Einheit",
            "2026-12-25 1. Weihnachtstag", "2026-12-26 2. Weihnachtstag",
        ])
    }

    @Test(arguments: [
        (GermanState.BW, 12), (.BY, 12), (.BE, 10), (.BB, 12), (.HB, 10), (.HH, 10), (.HE, 10), (.MV, 11),
        (.NI, 10), (.NW, 11), (.RP, 11), (.SL, 12), (.SN, 11), (.ST, 11), (.SH, 10), (.TH, 11),
    ])
    func holidayCountPerState2026(state: GermanState, count: Int) {
        #expect(GermanHolidays.holidays(in: 2026, state: state).count == count)
    }

    @Test func stateHolidaysAndTheirFirstYears() {
        // Frauentag: Berlin from 2019, Mecklenburg-Vorpommern from 2023
        #expect(!GermanHolidays.isHoliday(day("2018-03-08"), state: .BE))
        #expect(GermanHolidays.isHoliday(day("2019-03-08"), state: .BE))
        #expect(!GermanHolidays.isHoliday(day("2022-03-08"), state: .MV))
        #expect(GermanHolidays.isHoliday(day("2023-03-08"), state: .MV))
        #expect(!GermanHolidays.isHoliday(day("2026-03-08"), state: .BB))
        // Weltkindertag: Thuringia from 2019
        #expect(!GermanHolidays.isHoliday(day("2018-09-20"), state: .TH))
        #expect(GermanHolidays.isHoliday(day("2019-09-20"), state: .TH))
        #expect(!GermanHolidays.isHoliday(day("2026-09-20"), state: .SN))
        // Reformationstag: north from 2018, everywhere in 2017, East always
        for state in [GermanState.HB, .HH, .NI, .SH] {
            #expect(!GermanHolidays.isHoliday(day("2016-10-31"), state: state))
            #expect(GermanHolidays.isHoliday(day("2017-10-31"), state: state))
            #expect(GermanHolidays.isHoliday(day("2018-10-31"), state: state))
        }
        #expect(GermanHolidays.isHoliday(day("2017-10-31"), state: .BY))
        #expect(GermanHolidays.isHoliday(day("2017-10-31"), state: nil))
        #expect(!GermanHolidays.isHoliday(day("2018-10-31"), state: .BY))
        #expect(GermanHolidays.holidays(on: day("2017-10-31"), state: .SN).count == 1)
        for state in [GermanState.BB, .MV, .SN, .ST, .TH] {
            #expect(GermanHolidays.isHoliday(day("2016-10-31"), state: state))
        }
    }

    @Test func catholicHolidays() {
        // Bavaria: 15 August only in Catholic municipalities, so not state-wide; Saarland keeps it
        #expect(!GermanHolidays.isHoliday(day("2025-08-15"), state: .BY))
        #expect(GermanHolidays.isHoliday(day("2025-08-15"), state: .SL))
        #expect(GermanHolidays.isHoliday(day("2026-11-01"), state: .BY))
        #expect(!GermanHolidays.isHoliday(day("2026-11-01"), state: .HE))
        #expect(GermanHolidays.isHoliday(day("2026-01-06"), state: .ST))
        #expect(!GermanHolidays.isHoliday(day("2026-01-06"), state: .NW))
        // Fronleichnam: only municipal in Saxony and Thuringia
        for state in [GermanState.BW, .BY, .HE, .NW, .RP, .SL] {
            #expect(GermanHolidays.isHoliday(day("2026-06-04"), state: state))
        }
        for state in [GermanState.SN, .TH, .BE, .HH] {
            #expect(!GermanHolidays.isHoliday(day("2026-06-04"), state: state))
        }
    }

    @Test func berlinOneOffsAndBrandenburgSundays() {
        #expect(GermanHolidays.isHoliday(day("2020-05-08"), state: .BE))
        #expect(GermanHolidays.isHoliday(day("2025-05-08"), state: .BE))
        #expect(!GermanHolidays.isHoliday(day("2026-05-08"), state: .BE))
        #expect(!GermanHolidays.isHoliday(day("2025-05-08"), state: .BB))
        #expect(GermanHolidays.isHoliday(day("2028-06-17"), state: .BE))
        #expect(!GermanHolidays.isHoliday(day("2027-06-17"), state: .BE))
        #expect(GermanHolidays.holidays(on: day("2026-04-05"), state: .BB).map(\.name) == ["Ostersonntag"])
        #expect(GermanHolidays.holidays(on: day("2026-05-24"), state: .BB).map(\.name) == ["Pfingstsonntag"])
        #expect(!GermanHolidays.isHoliday(day("2026-04-05"), state: .BE))
    }

    @Test func repentanceDayIsTheWednesdayBeforeNovember23() {
        for year in 1995...2100 {
            let found = GermanHolidays.holidays(in: year, state: .SN).filter { $0.name == "Buß- und Bettag" }
            #expect(found.count == 1)
            guard let holiday = found.first else { continue }
            #expect(holiday.day.isoWeekday == 3)
            #expect(holiday.day >= Day(year: year, month: 11, day: 16)!)
            #expect(holiday.day <= Day(year: year, month: 11, day: 22)!)
            #expect(!GermanHolidays.isHoliday(holiday.day, state: .BY))
        }
    }

    @Test func twoHolidaysOnOneDayAreBothListed() {
        // 2008: Christi Himmelfahrt fell on 1 May
        #expect(GermanHolidays.holidays(on: day("2008-05-01"), state: nil).map(\.name)
            == ["Christi Himmelfahrt", "Tag der Arbeit"])
    }

    @Test func workingDays() {
        #expect(GermanHolidays.isWorkingDay(day("2026-03-16"), state: .NW))  // Monday
        #expect(!GermanHolidays.isWorkingDay(day("2026-03-14"), state: nil))  // Saturday
        #expect(!GermanHolidays.isWorkingDay(day("2026-03-15"), state: nil))  // Sunday
        #expect(!GermanHolidays.isWorkingDay(day("2026-10-03"), state: nil))  // Saturday and holiday
        #expect(!GermanHolidays.isWorkingDay(day("2026-05-01"), state: .HH))  // Friday holiday
        #expect(!GermanHolidays.isWorkingDay(day("2026-11-18"), state: .SN))
        #expect(GermanHolidays.isWorkingDay(day("2026-11-18"), state: .TH))
    }

    /// `isHoliday` answers from a table worked out once for 1990–2100 and from the rules outside it: both must say
    /// what the year's list says, for every day, state and year, also across the table's edges.
    @Test func isHolidayAgreesWithTheYearsListEverywhere() {
        let states: [GermanState?] = [nil] + GermanState.allCases.map { $0 }
        for year in Array(1985...2105) + [2200, 2399] {
            let first = Day(year: year, month: 1, day: 1)!
            let last = Day(year: year, month: 12, day: 31)!
            for state in states {
                let listed = Set(GermanHolidays.holidays(in: year, state: state).map(\.day))
                for day in stride(from: first, through: last, by: 1) {
                    guard GermanHolidays.isHoliday(day, state: state) == listed.contains(day) else {
                        Issue.record("\(day) in \(state?.rawValue ?? "nationwide")")
                        return
                    }
                }
            }
        }
    }
}
