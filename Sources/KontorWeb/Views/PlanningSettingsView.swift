import KontorCore

/// The planner's and the rate card's settings: hours per weekday, vacations and days off with a remove button
/// each, prices per unit, and the loyalty tiers as a small table.
struct PlanningSettingsView: Sendable, Encodable {
    struct Section: Sendable, Encodable {
        let hasError: Bool
        let error: String
        let fields: [FieldView]
    }

    struct Period: Sendable, Encodable {
        let label: String
        let first: String
        let last: String
    }

    struct Tier: Sendable, Encodable {
        let row: Int
        let paid: String
        let percent: String
    }

    let hours: Section
    let vacations: Section
    let dayOff: Section
    let periods: [Period]
    let hasPeriods: Bool
    let daysOff: [Period]
    let hasDaysOff: Bool
    let rates: Section
    let tiersError: String
    let hasTiersError: Bool
    let tiers: [Tier]

    init(_ profile: BusinessProfile, failed: (anchor: String, state: FormState)?, texts: Texts) {
        func state(_ anchor: String, _ values: [String: String]) -> FormState {
            failed?.anchor == anchor ? failed!.state : FormState(values: values)
        }
        func section(_ state: FormState, prefix: String, _ fields: (FieldFactory) -> [FieldView]) -> Section {
            let message = state.general ?? state.errors.sorted { $0.key < $1.key }.first?.value
            return Section(hasError: message != nil, error: message ?? "",
                           fields: fields(FieldFactory(state: state, texts: texts, idPrefix: prefix)))
        }
        let capacity = profile.effectiveCapacity
        var hourValues: [String: String] = [:]
        for (index, day) in SettingsController.weekdays.enumerated() {
            hourValues[day] = texts.quantity(Quantity(thousandths: capacity.hoursPerWeekday[index]))
        }
        hours = section(state("hours", hourValues), prefix: "hours-") { make in
            SettingsController.weekdays.map { make.amount($0, "f_hours_\($0)") }
        }
        let vacationState = state("vacations", [:])
        vacations = section(vacationState, prefix: "vacation-") { make in
            [make.date("first", "f_vacation_first", required: true),
             make.date("last", "f_vacation_last", required: true)]
        }
        dayOff = section(FormState(), prefix: "dayoff-") { make in [make.date("day", "f_day_off", required: true)] }
        periods = capacity.vacations.map {
            Period(label: "\(texts.day($0.first)) – \(texts.day($0.last))", first: $0.first.description,
                   last: $0.last.description)
        }
        hasPeriods = !periods.isEmpty
        daysOff = capacity.daysOff.map { Period(label: texts.day($0), first: $0.description, last: $0.description) }
        hasDaysOff = !daysOff.isEmpty
        let card = profile.effectiveRateCard
        let prices = [card.pricePerWord, card.pricePerLine, card.pricePerPage, card.pricePerHour, card.pricePerRevision]
        var rateValues: [String: String] = [:]
        for (unit, price) in zip(SettingsController.units, prices) {
            rateValues[unit] = price.formatted(texts.language)
        }
        rates = section(state("unit-rates", rateValues), prefix: "rate-unit-") { make in
            SettingsController.units.map { make.amount($0, "f_rate_\($0)") }
        }
        let loyaltyState = failed?.anchor == "loyalty" ? failed!.state : nil
        let message = loyaltyState.flatMap { $0.general ?? $0.errors.sorted { $0.key < $1.key }.first?.value }
        hasTiersError = message != nil
        tiersError = message ?? ""
        tiers = (1...SettingsController.tierRows).map { row in
            let tier = row <= profile.loyalty.tiers.count ? profile.loyalty.tiers[row - 1] : nil
            return Tier(
                row: row, paid: loyaltyState?.values["paid\(row)"] ?? tier.map { "\($0.paidInvoices)" } ?? "",
                percent: loyaltyState?.values["percent\(row)"] ?? tier.map { "\($0.percent)" } ?? "")
        }
    }
}
