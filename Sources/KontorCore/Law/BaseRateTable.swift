/// The base rates (§ 247 BGB) Kontor knows, and up to which day they are known.
///
/// The Bundesbank publishes a new rate for every half-year, often unchanged. An entry stays valid
/// until the next entry, but only up to `knownThrough`: a day after it belongs to a half-year whose
/// rate has not been entered yet, and every lookup there throws instead of guessing.
public struct BaseRateTable: Sendable, Hashable, Codable {
    /// The entries, sorted by `validFrom`, each starting on 1 January or 1 July.
    public private(set) var entries: [BaseRate]
    /// The last day whose rate is known (30 June or 31 December).
    public private(set) var knownThrough: Day

    /// Creates a table after checking that it is consistent.
    /// - Throws: `LegalError` when the table is empty, an entry does not start a half-year, two entries
    ///   share a start day, or `knownThrough` does not end a half-year at or after the last entry.
    public init(entries: [BaseRate], knownThrough: Day) throws(LegalError) {
        let sorted = entries.sorted { $0.validFrom < $1.validFrom }
        guard let last = sorted.last else { throw .invalidBaseRateTable(reason: "it has no entries") }
        for entry in sorted where !entry.validFrom.isHalfYearStart { throw .notHalfYearStart(entry.validFrom) }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where earlier.validFrom == later.validFrom {
            throw .invalidBaseRateTable(reason: "two rates start on \(later.validFrom)")
        }
        guard knownThrough.isHalfYearEnd, knownThrough >= last.validFrom else {
            throw .invalidBaseRateTable(
                reason: "'known through' \(knownThrough) must be 30 June or 31 December on or after \(last.validFrom)")
        }
        self.entries = sorted
        self.knownThrough = knownThrough
    }

    /// For Kontor's own constant table, which the tests validate with the checking initialiser.
    init(unchecked entries: [BaseRate], knownThrough: Day) {
        self.entries = entries
        self.knownThrough = knownThrough
    }

    // MARK: - Lookup

    /// The base rate in basis points on `day`.
    /// - Throws: `LegalError.missingBaseRate` when `day` lies before the first entry or after `knownThrough`.
    public func basisPoints(on day: Day) throws(LegalError) -> Int {
        try entry(on: day).basisPoints
    }

    /// The entry valid on `day`.
    /// - Throws: `LegalError.missingBaseRate` when `day` lies before the first entry or after `knownThrough`.
    public func entry(on day: Day) throws(LegalError) -> BaseRate {
        try checkCoverage(from: day, through: day)
        guard let entry = entries.last(where: { $0.validFrom <= day }) else {
            throw .missingBaseRate(halfYearStarting: day.halfYearStart)
        }
        return entry
    }

    /// Checks that every day from `from` through `through` has a known rate.
    /// - Throws: `LegalError.missingBaseRate` naming the first half-year without a rate.
    public func checkCoverage(from: Day, through: Day) throws(LegalError) {
        guard from <= through else { return }
        guard let first = entries.first, from >= first.validFrom else {
            throw .missingBaseRate(halfYearStarting: from.halfYearStart)
        }
        guard through <= knownThrough else {
            throw .missingBaseRate(halfYearStarting: knownThrough.adding(days: 1).halfYearStart)
        }
    }

    /// The days after `from` up to `through` on which the rate differs from the day before.
    func changeDays(after from: Day, through: Day) -> [Day] {
        zip(entries, entries.dropFirst())
            .filter { $0.basisPoints != $1.basisPoints && $1.validFrom > from && $1.validFrom <= through }
            .map { $1.validFrom }
    }

    // MARK: - Adding rates

    /// Adds (or corrects) the rate of one half-year; entering the half-year after `knownThrough` extends it.
    /// - Throws: `LegalError.notHalfYearStart` when `rate.validFrom` is not 1 January or 1 July;
    ///   `LegalError.missingBaseRate` when a half-year between `knownThrough` and the new one would be skipped.
    public mutating func add(_ rate: BaseRate) throws(LegalError) {
        guard rate.validFrom.isHalfYearStart else { throw .notHalfYearStart(rate.validFrom) }
        let nextUnknown = knownThrough.adding(days: 1)
        guard rate.validFrom <= nextUnknown else { throw .missingBaseRate(halfYearStarting: nextUnknown) }
        entries.removeAll { $0.validFrom == rate.validFrom }
        entries.append(rate)
        entries.sort { $0.validFrom < $1.validFrom }
        knownThrough = max(knownThrough, rate.validFrom.halfYearEnd)
    }

    /// This table with `rate` added; see `add(_:)`.
    public func adding(_ rate: BaseRate) throws(LegalError) -> BaseRateTable {
        var copy = self
        try copy.add(rate)
        return copy
    }

    // MARK: - Codable

    private enum CodingKeys: String, CodingKey { case entries, knownThrough }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let entries = try container.decode([BaseRate].self, forKey: .entries)
        let knownThrough = try container.decode(Day.self, forKey: .knownThrough)
        do {
            try self.init(entries: entries, knownThrough: knownThrough)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .entries, in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entries, forKey: .entries)
        try container.encode(knownThrough, forKey: .knownThrough)
    }
}
