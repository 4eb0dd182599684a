public import KontorCore

/// The inputs of every date and price — writing hours, vacations, days off, rates, loyalty tiers — as use cases
/// shared by the web settings and `kontor profile set`; each change is checked with the profile and stored in one
/// transaction, or refused with nothing changed.
extension Kontor {
    /// Writing hours Monday to Sunday (seven values, 0–16 h, at least one day with hours).
    public func setWritingHours(_ hours: [Quantity]) async throws -> BusinessProfile {
        try await updateCapacity { capacity in capacity.hoursPerWeekday = hours.map(\.thousandths) }
    }

    /// Adds a vacation, first and last day inclusive.
    public func addVacation(first: Day, last: Day) async throws -> BusinessProfile {
        try await updateCapacity { capacity in try capacity.addVacation(first: first, last: last) }
    }

    /// Removes the vacation that starts on `first` and ends on `last`.
    public func removeVacation(first: Day, last: Day) async throws -> BusinessProfile {
        try await updateCapacity { capacity in
            capacity.vacations.removeAll { $0.first == first && $0.last == last }
        }
    }

    /// Adds a single day off.
    public func addDayOff(_ day: Day) async throws -> BusinessProfile {
        try await updateCapacity { capacity in capacity.addDayOff(day) }
    }

    /// Removes a single day off.
    public func removeDayOff(_ day: Day) async throws -> BusinessProfile {
        try await updateCapacity { capacity in capacity.daysOff.removeAll { $0 == day } }
    }

    /// Prices per unit; nil leaves a price as it is.
    public func setRates(
        word: UnitPrice?, line: UnitPrice?, page: UnitPrice?, hour: UnitPrice?, revision: UnitPrice?
    ) async throws -> BusinessProfile {
        try await updateProfile { profile in
            var card = profile.effectiveRateCard
            if let word { card.pricePerWord = word }
            if let line { card.pricePerLine = line }
            if let page { card.pricePerPage = page }
            if let hour { card.pricePerHour = hour }
            if let revision { card.pricePerRevision = revision }
            profile.rateCard = card
        }
    }

    /// The loyalty tiers as rows (paid invoices, percent); no rows means no discount. Two rows with the same
    /// threshold are refused.
    public func setLoyaltyTiers(_ rows: [(paidInvoices: Int, percent: Int64)]) async throws -> BusinessProfile {
        let policy = try Self.loyaltyPolicy(rows)
        return try await updateProfile { profile in profile.loyalty = policy }
    }

    /// Checks the rows synchronously (the release compiler crashed on throwing closures inside async use cases).
    static func loyaltyPolicy(_ rows: [(paidInvoices: Int, percent: Int64)]) throws -> LoyaltyPolicy {
        var tiers: [LoyaltyPolicy.Tier] = []
        for row in rows {
            guard !tiers.contains(where: { $0.paidInvoices == row.paidInvoices }) else {
                throw InputError.invalid(what: .loyaltyThreshold, rule: .duplicateThreshold(row.paidInvoices))
            }
            tiers.append(try LoyaltyPolicy.Tier(paidInvoices: row.paidInvoices, percent: row.percent))
        }
        return LoyaltyPolicy(tiers: tiers)
    }

    private func updateCapacity(
        _ change: @escaping @Sendable (inout WorkingCapacity) throws -> Void
    ) async throws -> BusinessProfile {
        try await updateProfile { profile in
            var capacity = profile.capacity ?? WorkingCapacity()
            try change(&capacity)
            try capacity.validate()
            profile.capacity = capacity
        }
    }
}
