import Foundation
import Testing

@testable import KontorCore

struct DayTests {
    /// Compares our calendar arithmetic with Foundation's Gregorian calendar over 130 years of days.
    @Test func agreesWithFoundationCalendarOverManyDates() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let start = try #require(calendar.date(from: DateComponents(year: 1970, month: 1, day: 1)))
        for ordinal in stride(from: -20_000, through: 30_000, by: 7) {
            let date = start.addingTimeInterval(Double(ordinal) * 86_400)
            let expected = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            let day = Day(ordinal: ordinal)
            #expect(day.components.year == expected.year && day.components.month == expected.month
                && day.components.day == expected.day, "ordinal \(ordinal)")
            // Foundation: 1 = Sunday; ISO: 7 = Sunday.
            #expect(day.isoWeekday == (expected.weekday! + 5) % 7 + 1)
            #expect(Day(year: expected.year!, month: expected.month!, day: expected.day!) == day)
        }
    }

    @Test func parsesIsoAndGermanDates() {
        #expect(Day("2026-03-15") == Day(year: 2026, month: 3, day: 15))
        #expect(Day("15.03.2026") == Day(year: 2026, month: 3, day: 15))
        #expect(Day("2026-02-29") == nil)
        #expect(Day("2024-02-29") != nil)
        #expect(Day("2026-13-01") == nil)
        #expect(Day("26-03-15") == nil)
        #expect(Day("2026-3-15") == nil)
    }

    @Test func readsBackEveryDayItWrites() {
        for ordinal in stride(from: -30_000, through: 60_000, by: 13) {
            let day = Day(ordinal: ordinal)
            #expect(Day(day.description) == day)
        }
        for text in ["2026/03/15", "2026-3-015", "2026-03-1x", " 2026-0315", "2026-00-10", "2026-04-31", "+026-03-15"] {
            #expect(Day(text) == nil, "\(text)")
        }
        #expect(Day(" 2026-03-15 ") == Day(year: 2026, month: 3, day: 15))
        #expect(Day("01.03.2026") == Day(year: 2026, month: 3, day: 1))
    }

    @Test func worksWithWeekdaysAndMonths() throws {
        let sunday = try #require(Day("2026-03-15"))
        #expect(sunday.isoWeekday == 7 && sunday.isWeekend)
        #expect(try #require(Day("2026-01-31")).adding(months: 1) == Day("2026-02-28"))
        #expect(try #require(Day("2024-12-16")).days(until: try #require(Day("2025-01-15"))) == 30)
        #expect(sunday.formatted(.de) == "15.03.2026")
        #expect(sunday.formatted(.en) == "15 Mar 2026")
    }

    @Test func takesTheDayInBerlin() throws {
        // 23:30 UTC on 31 Dec is already 1 Jan in Berlin.
        let date = Date(timeIntervalSince1970: 1_798_759_800)  // 2026-12-31T23:30:00Z
        #expect(Day(date) == Day("2027-01-01"))
    }
}
