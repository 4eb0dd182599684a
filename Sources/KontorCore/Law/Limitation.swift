/// The regular limitation period (Verjährung) of §§ 195, 199 BGB.
public enum Limitation {
    /// The regular period: three years (§ 195 BGB).
    public static let years = 3

    /// The last day of the limitation period: 31 December, three years after the end of the year in which
    /// the claim arose and the creditor knew of it (§ 199 Abs. 1 BGB).
    /// - Parameters:
    ///   - dueOn: the day the claim arose (became due).
    ///   - knownOn: the day the creditor learnt of the claim and the debtor, if later (usually the same year).
    public static func end(dueOn: Day, knownOn: Day? = nil) -> Day {
        let year = max(dueOn.year, knownOn?.year ?? dueOn.year)
        return Day.fixed(year + years, 12, 31)
    }

    /// The last day to suspend limitation, e.g. by a Mahnantrag reaching the court: the end of the period,
    /// moved by § 193 BGB when it falls on a weekend (LAW.md 3.6, UNCONFIRMED).
    public static func lastDayToAct(dueOn: Day, knownOn: Day? = nil, state: GermanState?) -> Day {
        DueDateShift.shifted(end(dueOn: dueOn, knownOn: knownOn), state: state)
    }
}
