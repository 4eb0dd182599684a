extension BaseRateTable {
    /// The base rates published by the Bundesbank from 2016-07-01 through the first half of 2026
    /// (LAW.md section 3.3). The rate from 2026-07-01 was not confirmed when this table was written,
    /// so the table stops at 2026-06-30 and the user adds later half-years in the settings.
    public static let standard = BaseRateTable(
        unchecked: [
            // −0.88 % held for every half-year from 2016-07-01 through 2022-12-31.
            BaseRate(validFrom: .fixed(2016, 7, 1), basisPoints: -88),
            BaseRate(validFrom: .fixed(2023, 1, 1), basisPoints: 162),
            BaseRate(validFrom: .fixed(2023, 7, 1), basisPoints: 312),
            BaseRate(validFrom: .fixed(2024, 1, 1), basisPoints: 362),
            BaseRate(validFrom: .fixed(2024, 7, 1), basisPoints: 337),
            BaseRate(validFrom: .fixed(2025, 1, 1), basisPoints: 227),
            BaseRate(validFrom: .fixed(2025, 7, 1), basisPoints: 127),
            BaseRate(validFrom: .fixed(2026, 1, 1), basisPoints: 127),
        ],
        knownThrough: .fixed(2026, 6, 30))
}
