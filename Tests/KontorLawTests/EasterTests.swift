import Testing

@testable import KontorCore

/// Easter Sunday and the movable holidays derived from it.
struct EasterTests {
    /// The Meeus/Jones/Butcher ("anonymous Gregorian") algorithm, independent of the Gauss form in the code.
    private func meeusEaster(_ year: Int) -> (month: Int, day: Int) {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let dayOfMonth = (h + l - 7 * m + 114) % 31 + 1
        return (month, dayOfMonth)
    }

    @Test func gaussAgreesWithMeeusFrom1900To2100() {
        for year in 1900...2100 {
            // Given the independent algorithm's date
            let (month, dayOfMonth) = meeusEaster(year)
            // Then the Gauss formula gives the same Sunday
            let easter = Easter.sunday(in: year)
            #expect(easter == Day(year: year, month: month, day: dayOfMonth), "Easter \(year)")
            #expect(easter.isoWeekday == 7)
        }
    }

    @Test func gaussAgreesWithMeeusOverWholeGregorianCycles() {
        // The exceptional years (e.g. 1954, 1981, 2049, 2076) lie inside; 1583–4099 covers many more.
        for year in 1583...4099 {
            let (month, dayOfMonth) = meeusEaster(year)
            #expect(Easter.sunday(in: year) == Day(year: year, month: month, day: dayOfMonth), "Easter \(year)")
        }
    }

    @Test func knownEasterSundays() {
        #expect(Easter.sunday(in: 2024) == day("2024-03-31"))
        #expect(Easter.sunday(in: 2025) == day("2025-04-20"))
        #expect(Easter.sunday(in: 2026) == day("2026-04-05"))
        #expect(Easter.sunday(in: 2027) == day("2027-03-28"))
        #expect(Easter.sunday(in: 2038) == day("2038-04-25"))  // latest possible date
        #expect(Easter.sunday(in: 2285) == day("2285-03-22"))  // earliest possible date
    }

    @Test(arguments: [
        (2025, ["2025-04-18", "2025-04-21", "2025-05-29", "2025-06-09", "2025-06-19", "2025-11-19"]),
        (2026, ["2026-04-03", "2026-04-06", "2026-05-14", "2026-05-25", "2026-06-04", "2026-11-18"]),
        (2027, ["2027-03-26", "2027-03-29", "2027-05-06", "2027-05-17", "2027-05-27", "2027-11-17"]),
    ])
    func movableDatesFromLawSection8(year: Int, dates: [String]) {
        // Given the Saxon list (it holds all six: Fronleichnam is looked up in NW)
        let names = ["Karfreitag", "Ostermontag", "Christi Himmelfahrt", "Pfingstmontag", "Fronleichnam",
                     "Buß- und Bettag"]
        let states: [GermanState] = [.SN, .SN, .SN, .SN, .NW, .SN]
        for index in names.indices {
            // When looking up each holiday by name
            let found = GermanHolidays.holidays(in: year, state: states[index]).filter { $0.name == names[index] }
            // Then it falls on the listed date
            #expect(found.map(\.day) == [day(dates[index])], "\(names[index]) \(year)")
        }
    }
}
