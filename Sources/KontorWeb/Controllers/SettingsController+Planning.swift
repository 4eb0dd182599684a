import Foundation
import Hummingbird
import KontorApp
import KontorCore

/// Einstellungen for the planner and the prices: writing hours per weekday, vacations, days off, prices per unit
/// and loyalty tiers — the same use cases `kontor profile set` uses, each refused with a clear message.
extension SettingsController {
    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    static let units = ["word", "line", "page", "hour", "revision"]
    /// Rows of the loyalty tiers table (empty rows are ignored).
    static let tierRows = 4

    /// POST /settings/hours: writing hours Monday to Sunday.
    @Sendable func saveHours(request: Request, context: AppRequestContext) async throws -> Response {
        var reader = FormReader(context.form, texts: Texts(context.language))
        // Zero hours is a day without writing, so the field takes 0 (a quantity elsewhere must be positive).
        let hours = Self.weekdays.map { day in
            reader.parse(day) { try WorkingCapacity.hours(parsing: $0) }
                ?? Quantity(thousandths: 0)
        }
        return try await change("hours", reader: reader, request: request, context: context) { kontor in
            _ = try await kontor.setWritingHours(hours)
        }
    }

    /// POST /settings/vacations: adds a vacation.
    @Sendable func addVacation(request: Request, context: AppRequestContext) async throws -> Response {
        var reader = FormReader(context.form, texts: Texts(context.language))
        let first = reader.day("first", required: true)
        let last = reader.day("last", required: true)
        return try await change("vacations", reader: reader, request: request, context: context) { kontor in
            guard let first, let last else { return }
            _ = try await kontor.addVacation(first: first, last: last)
        }
    }

    /// POST /settings/vacations/remove
    @Sendable func removeVacation(request: Request, context: AppRequestContext) async throws -> Response {
        var reader = FormReader(context.form, texts: Texts(context.language))
        let first = reader.day("first", required: true)
        let last = reader.day("last", required: true)
        return try await change("vacations", reader: reader, request: request, context: context) { kontor in
            guard let first, let last else { return }
            _ = try await kontor.removeVacation(first: first, last: last)
        }
    }

    /// POST /settings/days-off: adds a single day off.
    @Sendable func addDayOff(request: Request, context: AppRequestContext) async throws -> Response {
        var reader = FormReader(context.form, texts: Texts(context.language))
        let day = reader.day("day", required: true)
        return try await change("vacations", reader: reader, request: request, context: context) { kontor in
            guard let day else { return }
            _ = try await kontor.addDayOff(day)
        }
    }

    /// POST /settings/days-off/remove
    @Sendable func removeDayOff(request: Request, context: AppRequestContext) async throws -> Response {
        var reader = FormReader(context.form, texts: Texts(context.language))
        let day = reader.day("day", required: true)
        return try await change("vacations", reader: reader, request: request, context: context) { kontor in
            guard let day else { return }
            _ = try await kontor.removeDayOff(day)
        }
    }

    /// POST /settings/unit-rates: prices per word, line, page, hour and extra revision round.
    @Sendable func saveUnitRates(request: Request, context: AppRequestContext) async throws -> Response {
        var reader = FormReader(context.form, texts: Texts(context.language))
        let prices = Self.units.map { unit in reader.parse(unit) { try UnitPrice(parsing: $0) } }
        return try await change("unit-rates", reader: reader, request: request, context: context) { kontor in
            _ = try await kontor.setRates(
                word: prices[0], line: prices[1], page: prices[2], hour: prices[3], revision: prices[4])
        }
    }

    /// POST /settings/loyalty with rows paid1/percent1 …: the tiers table.
    func saveLoyaltyTiers(request: Request, context: AppRequestContext) async throws -> Response {
        var reader = FormReader(context.form, texts: Texts(context.language))
        var rows: [(paidInvoices: Int, percent: Int64)] = []
        for row in 1...Self.tierRows {
            let paid = reader.text("paid\(row)")
            let percent = reader.text("percent\(row)")
            if paid == nil && percent == nil { continue }
            let count = reader.int("paid\(row)", required: true, range: 1...10_000)
            let rate = reader.int("percent\(row)", required: true, range: 1...9, unit: .percent)
            if let count, let rate { rows.append((count, Int64(rate))) }
        }
        let tiers = rows
        return try await change("loyalty", reader: reader, request: request, context: context) { kontor in
            _ = try await kontor.setLoyaltyTiers(tiers)
        }
    }

    /// Runs a checked change, or shows the settings again with the section's message and what was typed.
    private func change(
        _ anchor: String, reader: FormReader, request: Request, context: AppRequestContext,
        _ body: @escaping @Sendable (Kontor) async throws -> Void
    ) async throws -> Response {
        let texts = Texts(context.language)
        var state = reader.state
        if !reader.hasErrors {
            do {
                try await body(services.kontor)
                return services.redirect("/settings#\(anchor)", flash: texts["flash_settings_saved"], context: context)
            } catch {
                try ErrorText(texts).place(error, into: &state)
            }
        }
        if state.general == nil, let first = state.errors.sorted(by: { $0.key < $1.key }).first {
            state.general = first.value
        }
        return try await render(failed: (anchor, state), request: request, context: context)
    }
}
