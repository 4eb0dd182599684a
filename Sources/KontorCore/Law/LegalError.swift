/// Why a legal calculation cannot be made; each case says what the user can do about it.
public enum LegalError: Error, Sendable, Equatable, CustomStringConvertible, BilingualError {
    /// The base rate for this half-year is not in the table, so interest cannot be computed without guessing.
    case missingBaseRate(halfYearStarting: Day)
    /// Base rates change only on 1 January and 1 July (§ 247 Abs. 1 Satz 2 BGB).
    case notHalfYearStart(Day)
    /// A stored base-rate table contradicts itself.
    case invalidBaseRateTable(reason: String)
    /// An amount that must not be negative was negative.
    case negativeAmount(what: Field)
    /// The numbers are too large to compute exactly in 64-bit cents.
    case amountTooLarge

    public var description: String {
        switch self {
        case let .missingBaseRate(start):
            return "The base rate (Basiszinssatz) for the half-year from \(start) is not known to Kontor. "
                + "Add it with 'kontor settings base-rate add \(start) RATE' once the Bundesbank has published it."
        case let .notHalfYearStart(day):
            return "The base rate changes only on 1 January and 1 July; \(day) is neither. "
                + "Give the first day of the half-year, e.g. \(day.halfYearStart)."
        case let .invalidBaseRateTable(reason):
            return "The base-rate table is not valid: \(reason)."
        case let .negativeAmount(what):
            return "The \(what.name(.en)) must not be negative."
        case .amountTooLarge:
            return "The amounts are too large to compute default interest exactly."
        }
    }

    /// A missing base rate is added on the settings page in the web app and with a command on the command line.
    public func message(_ language: Language, for audience: Audience) -> String {
        guard case let .missingBaseRate(start) = self else { return message(language) }
        switch (language, audience) {
        case (.de, .web):
            return "Der Basiszinssatz für das Halbjahr ab \(start.formatted(.de)) ist in Kontor nicht hinterlegt. "
                + "Sobald die Bundesbank ihn veröffentlicht hat, ergänzen Sie ihn unter Einstellungen → Basiszinssätze."
        case (.de, .commandLine):
            return "Der Basiszinssatz für das Halbjahr ab \(start.formatted(.de)) ist in Kontor nicht hinterlegt. "
                + "Sobald die Bundesbank ihn veröffentlicht hat, ergänzen Sie ihn mit "
                + "„kontor settings base-rate add \(start) SATZ“."
        case (.en, .web):
            return "The base rate (Basiszinssatz) for the half-year from \(start) is not known to Kontor. "
                + "Add it under Settings → Base rates once the Bundesbank has published it."
        case (.en, .commandLine):
            return description
        }
    }

    /// The message in `language`: English is ``description``, German names the half-year as a German date and
    /// where to add a missing base rate in the web app and on the command line.
    public func message(_ language: Language) -> String {
        guard language == .de else { return description }
        switch self {
        case let .missingBaseRate(start):
            return "Der Basiszinssatz für das Halbjahr ab \(start.formatted(.de)) ist in Kontor nicht hinterlegt. "
                + "Sobald die Bundesbank ihn veröffentlicht hat, ergänzen Sie ihn in der Web-App unter "
                + "Einstellungen → Basiszinssätze oder auf der Kommandozeile mit "
                + "„kontor settings base-rate add \(start) SATZ“."
        case let .notHalfYearStart(day):
            return "Der Basiszinssatz ändert sich nur zum 1. Januar und zum 1. Juli; der \(day.formatted(.de)) ist "
                + "keiner dieser Tage. Geben Sie den ersten Tag des Halbjahres an, z. B. den "
                + "\(day.halfYearStart.formatted(.de))."
        case let .invalidBaseRateTable(reason):
            return "Die Tabelle der Basiszinssätze ist ungültig: \(reason)."
        case let .negativeAmount(what):
            return "\(what.name(.de)): Der Betrag darf nicht negativ sein."
        case .amountTooLarge:
            return "Die Beträge sind zu groß, um die Verzugszinsen exakt zu berechnen."
        }
    }
}
