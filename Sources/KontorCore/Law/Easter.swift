/// Easter Sunday in the Gregorian calendar, the anchor of all movable German public holidays.
public enum Easter {
    /// The date of Easter Sunday in `year` (Gregorian calendar, from 1583 on).
    ///
    /// Uses Gauss's Easter formula with Lichtenberg's corrections (the form quoted in German sources);
    /// the tests check it against the independent Meeus/Jones/Butcher algorithm.
    public static func sunday(in year: Int) -> Day {
        let century = year / 100
        // Secular moon correction (M) and sun correction (S) of the Gregorian calendar.
        let moonShift = 15 + (3 * century + 3) / 4 - (8 * century + 13) / 25
        let sunShift = 2 - (3 * century + 3) / 4
        let golden = year % 19
        let moonSeed = (19 * golden + moonShift) % 30
        let correction = (moonSeed + golden / 11) / 29
        // Paschal full moon as a day in March (may exceed 31, meaning April).
        let fullMoon = 21 + moonSeed - correction
        let firstSunday = 7 - (year + year / 4 + sunShift) % 7
        let distance = 7 - (fullMoon - firstSunday) % 7
        let marchDay = fullMoon + distance
        return Day.fixed(year, 3, 1).adding(days: marchDay - 1)
    }
}
