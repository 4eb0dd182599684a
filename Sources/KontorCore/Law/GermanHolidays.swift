/// German public holidays, nationwide and per state, as listed in LAW.md section 8.
///
/// Only state-wide holidays count: holidays of single municipalities (Mariä Himmelfahrt in
/// Catholic Bavarian municipalities, the Augsburger Friedensfest, Fronleichnam in parts of Saxony
/// and Thuringia) are left out, because Kontor knows the debtor's state, not the municipality.
/// The rules reflect the law since 1995 plus the changes LAW.md lists; earlier history is not modelled.
public enum GermanHolidays {
    /// All public holidays in `year`, sorted by day; nationwide ones only when `state` is nil.
    public static func holidays(in year: Int, state: GermanState?) -> [PublicHoliday] {
        let easter = Easter.sunday(in: year)
        var result: [PublicHoliday] = []
        for rule in HolidayRule.all where rule.years.contains(year) {
            if let states = rule.states {
                guard let state, states.contains(state) else { continue }
            }
            let holiday = PublicHoliday(day: rule.date(year, easter), name: rule.name)
            // Reformationstag 2017 was nationwide and also a state holiday in some states: list it once.
            if !result.contains(holiday) { result.append(holiday) }
        }
        return result.sorted { ($0.day, $0.name) < ($1.day, $1.name) }
    }

    /// The holidays falling on `day` in `state` (usually none or one; rarely two share a day).
    public static func holidays(on day: Day, state: GermanState?) -> [PublicHoliday] {
        holidays(in: day.year, state: state).filter { $0.day == day }
    }

    /// Whether `day` is a public holiday in `state` (nationwide holidays only when `state` is nil).
    ///
    /// The same rules as `holidays(in:state:)`, without building the year's list: every overdue check of the
    /// morning list asks this for a few days per open invoice.
    public static func isHoliday(_ day: Day, state: GermanState?) -> Bool {
        let year = day.year
        if HolidayTable.years.contains(year) {
            return HolidayTable.states[day]?.contains { states in
                states.map { required in state.map { required.contains($0) } ?? false } ?? true
            } ?? false
        }
        let easter = Easter.sunday(in: year)
        return HolidayRule.all.contains { rule in
            guard rule.years.contains(year) else { return false }
            if let states = rule.states {
                guard let state, states.contains(state) else { return false }
            }
            return rule.date(year, easter) == day
        }
    }

    /// Whether `day` is a working day in the sense of § 193 BGB: Monday to Friday and not a holiday.
    public static func isWorkingDay(_ day: Day, state: GermanState?) -> Bool {
        !day.isWeekend && !isHoliday(day, state: state)
    }
}

/// The rules' dates of the years invoices are about, worked out once: the morning list asks `isHoliday` for a few
/// days of each of thousands of open invoices, and each answer would otherwise run every rule.
private enum HolidayTable {
    static let years = 1990...2100
    /// For each holiday of those years, the states of each rule that falls on it (nil: nationwide).
    static let states: [Day: [Set<GermanState>?]] = {
        var table: [Day: [Set<GermanState>?]] = [:]
        for year in years {
            let easter = Easter.sunday(in: year)
            for rule in HolidayRule.all where rule.years.contains(year) {
                table[rule.date(year, easter), default: []].append(rule.states)
            }
        }
        return table
    }()
}

/// One line of the holiday table: a name, how to find the date, where and in which years it applies.
struct HolidayRule: Sendable {
    let name: String
    /// Computes the date from the year and that year's Easter Sunday.
    let date: @Sendable (_ year: Int, _ easter: Day) -> Day
    /// The states that keep the holiday; nil means nationwide.
    let states: Set<GermanState>?
    let years: ClosedRange<Int>

    static func fixed(
        _ name: String, month: Int, day: Int, states: Set<GermanState>? = nil, years: ClosedRange<Int> = 1583...9999
    ) -> HolidayRule {
        HolidayRule(name: name, date: { year, _ in Day.fixed(year, month, day) }, states: states, years: years)
    }

    static func easter(_ name: String, offset: Int, states: Set<GermanState>? = nil) -> HolidayRule {
        HolidayRule(name: name, date: { _, easter in easter.adding(days: offset) }, states: states, years: 1583...9999)
    }

    static func oneOff(
        _ name: String, _ year: Int, _ month: Int, _ day: Int, states: Set<GermanState>?
    ) -> HolidayRule {
        fixed(name, month: month, day: day, states: states, years: year...year)
    }

    /// Buß- und Bettag: the Wednesday before 23 November, i.e. between 16 and 22 November.
    static let repentanceDay = HolidayRule(
        name: "Buß- und Bettag",
        date: { year, _ in
            let november22 = Day.fixed(year, 11, 22)
            // Wednesday is ISO weekday 3; step back from 22 November to the nearest Wednesday.
            return november22.adding(days: -((november22.isoWeekday - 3 + 7) % 7))
        },
        states: [.SN], years: 1583...9999)

    static let all: [HolidayRule] = [
        fixed("Neujahr", month: 1, day: 1),
        fixed("Heilige Drei Könige", month: 1, day: 6, states: [.BW, .BY, .ST]),
        fixed("Internationaler Frauentag", month: 3, day: 8, states: [.BE], years: 2019...9999),
        fixed("Internationaler Frauentag", month: 3, day: 8, states: [.MV], years: 2023...9999),
        easter("Karfreitag", offset: -2),
        easter("Ostersonntag", offset: 0, states: [.BB]),
        easter("Ostermontag", offset: 1),
        fixed("Tag der Arbeit", month: 5, day: 1),
        oneOff("Tag der Befreiung", 2020, 5, 8, states: [.BE]),
        oneOff("80. Jahrestag der Befreiung vom Nationalsozialismus", 2025, 5, 8, states: [.BE]),
        easter("Christi Himmelfahrt", offset: 39),
        easter("Pfingstsonntag", offset: 49, states: [.BB]),
        easter("Pfingstmontag", offset: 50),
        // Saxony and Thuringia keep Fronleichnam only in some municipalities: not state-wide.
        easter("Fronleichnam", offset: 60, states: [.BW, .BY, .HE, .NW, .RP, .SL]),
        oneOff("75. Jahrestag des Volksaufstandes vom 17. Juni 1953", 2028, 6, 17, states: [.BE]),
        // Bavaria keeps 15 August only in Catholic municipalities: not state-wide.
        fixed("Mariä Himmelfahrt", month: 8, day: 15, states: [.SL]),
        fixed("Weltkindertag", month: 9, day: 20, states: [.TH], years: 2019...9999),
        fixed("Tag der Deutschen Einheit", month: 10, day: 3, years: 1990...9999),
        fixed("Reformationstag", month: 10, day: 31, states: [.BB, .MV, .SN, .ST, .TH]),
        fixed("Reformationstag", month: 10, day: 31, states: [.HB, .HH, .NI, .SH], years: 2018...9999),
        // The 500th anniversary of the Reformation was a one-off nationwide holiday.
        oneOff("Reformationstag", 2017, 10, 31, states: nil),
        fixed("Allerheiligen", month: 11, day: 1, states: [.BW, .BY, .NW, .RP, .SL]),
        repentanceDay,
        fixed("1. Weihnachtstag", month: 12, day: 25),
        fixed("2. Weihnachtstag", month: 12, day: 26),
    ]
}
