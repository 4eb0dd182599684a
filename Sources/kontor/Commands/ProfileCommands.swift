import ArgumentParser
import Foundation
import KontorApp
import KontorCore

/// The profile fields, for `init` and `profile set`.
struct ProfileOptions: ParsableArguments {
    @Option(help: "Your business name as on invoices.") var name: String?
    @OptionGroup var address: AddressOptions
    @Option(help: "E-mail address.") var email: String?
    @Option(help: "Phone number.") var phone: String?
    @Option(help: "IBAN for payments (checked).") var iban: String?
    @Option(help: "BIC of your bank.") var bic: String?
    @Option(help: "Tax number (Steuernummer).") var taxNumber: String?
    @Option(help: "VAT ID (USt-IdNr.).") var vatId: String?
    @Option(help: "standard or small-business (§ 19 UStG).") var taxMode: String?
    @Option(help: "Default payment term in days (14).") var paymentTerm: Int?
    @Option(help: "Invoice number format, default {YYYY}-{NNNN}.") var numberFormat: String?
    @Option(help: "Loyalty discount as PAID:PERCENT pairs, e.g. 3:3,10:5, or none.") var loyalty: String?
    @Option(help: """
        Dunning settings as KEY=VALUE pairs: days inquiry, pay-by (the inquiry's pay-by date), notice1, deadline1, \
        notice2, deadline2, handover, grace, skip, settled (wait after a settled objection); patience (percent for \
        regular customers), costs (EUR, letters by post only), day-count (act/365-366, act/365, 30E/360), \
        payment-day (yes/no: the payment day bears interest); e.g. inquiry=10,patience=200,day-count=act/365.
        """)
    var dunning: String?
    @OptionGroup var capacity: CapacityOptions
    @Option(help: """
        Prices as UNIT=EUR pairs: word, line, page, hour, revision (an extra revision round; 0 = ask); \
        e.g. word=0,12,hour=85,revision=60 (pairs separated by , or ;).
        """)
    var rates: String?

    func apply(to profile: inout BusinessProfile) throws {
        if let name { profile.name = name }
        profile.address = try address.apply(to: profile.address)
        if let email { profile.email = email.isEmpty ? nil : email }
        if let phone { profile.phone = phone.isEmpty ? nil : phone }
        if let iban { profile.iban = iban.isEmpty ? nil : try IBAN(iban) }
        if let bic { profile.bic = bic.isEmpty ? nil : bic.uppercased() }
        if let taxNumber { profile.taxNumber = taxNumber.isEmpty ? nil : taxNumber }
        if let vatId { profile.vatId = vatId.isEmpty ? nil : vatId }
        if let taxMode { profile.taxMode = try TaxMode.named(taxMode, what: .taxMode) }
        if let paymentTerm { profile.paymentTermDays = paymentTerm }
        if let numberFormat { profile.numberFormat = try InvoiceNumberFormat(numberFormat) }
        if let loyalty { profile.loyalty = try LoyaltyPolicy(parsing: loyalty) }
        if let dunning { profile.dunning = try profile.effectiveDunningPolicy.applying(settings: dunning) }
        if capacity.isGiven {
            var own = profile.capacity ?? WorkingCapacity()
            try capacity.apply(to: &own)
            profile.capacity = own
        }
        if let rates { profile.rateCard = try profile.effectiveRateCard.applying(settings: rates) }
    }
}

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the business profile (once).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var fields: ProfileOptions

    func run() async throws {
        guard let name = fields.name else {
            throw InputError.missing(what: .businessName, fix: "kontor init --name \"Your Name\"")
        }
        var profile = BusinessProfile(name: name)
        try fields.apply(to: &profile)
        let saved = try await global.kontor().initialise(profile)
        if global.json { try Output.json(saved) } else {
            print(global.say("Created the profile of \(saved.name) in \(global.bookName).",
                             "Profil von \(saved.name) in \(global.bookName) angelegt."))
            if let missing = saved.missingInvoiceFields {
                print(global.say("Before the first invoice, add \(missing.word(.en)) (\(missing.options)).",
                                 "Vor der ersten Rechnung ergänzen Sie \(missing.word(.de)) (\(missing.options))."))
            }
        }
    }
}

struct ProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile", abstract: "Show or change the business profile.",
        subcommands: [Show.self, Set.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the business profile.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let profile = try await global.kontor().profile()
            if global.json { return try Output.json(profile) }
            ProfileCommand.printProfile(profile, global: global)
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Change fields of the business profile.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var fields: ProfileOptions

        func run() async throws {
            let fields = self.fields
            let profile = try await global.kontor().updateProfile { try fields.apply(to: &$0) }
            if global.json { return try Output.json(profile) }
            ProfileCommand.printProfile(profile, global: global)
        }
    }

    static func printProfile(_ p: BusinessProfile, global: GlobalOptions) {
        let (say, lang) = (global.say, global.language)
        print(p.name)
        if let address = p.address { print(address.lines.joined(separator: ", ") + (address.state.map { " (\($0.rawValue))" } ?? "")) }
        for (label, value) in [(say("E-mail", "E-Mail"), p.email), (say("Phone", "Telefon"), p.phone),
                               ("IBAN", p.iban?.description), ("BIC", p.bic),
                               (say("Tax number", "Steuernummer"), p.taxNumber), (say("VAT ID", "USt-IdNr."), p.vatId)] {
            if let value { print("\(label): \(value)") }
        }
        print(say("Tax mode: ", "Besteuerung: ") + p.taxMode.rawValue)
        print(say("Payment term: \(p.paymentTermDays) days", "Zahlungsziel: \(p.paymentTermDays) Tage"))
        print(say("Invoice numbers: ", "Rechnungsnummern: ") + p.numberFormat.pattern)
        let d = p.effectiveDunningPolicy
        print(say(
            "Dunning: inquiry after \(d.inquiryAfterDays) d, 1st notice after \(d.firstNoticeAfterDays) d "
                + "(deadline \(d.firstNoticeDeadlineDays) d), 2nd after \(d.secondNoticeAfterDeadlineDays) d "
                + "(deadline \(d.secondNoticeDeadlineDays) d), hand-over after \(d.handoverAfterDeadlineDays) d; "
                + "regular customers \(d.patientFactorPercent) %; after a settled objection \(d.objectionSettledWaitDays) d; "
                + "interest days \(d.dayCount.rawValue), payment day \(d.countsPaymentDay ? "counted" : "not counted")",
            "Mahnwesen: Nachfrage nach \(d.inquiryAfterDays) T., 1. Mahnung nach \(d.firstNoticeAfterDays) T. "
                + "(Frist \(d.firstNoticeDeadlineDays) T.), 2. nach \(d.secondNoticeAfterDeadlineDays) T. "
                + "(Frist \(d.secondNoticeDeadlineDays) T.), Übergabe nach \(d.handoverAfterDeadlineDays) T.; "
                + "Stammkunden \(d.patientFactorPercent) %; nach geklärtem Einspruch \(d.objectionSettledWaitDays) T.; "
                + "Zinstage \(d.dayCount.rawValue), Zahlungstag \(d.countsPaymentDay ? "mitgezählt" : "nicht mitgezählt")"))
        let c = p.effectiveCapacity
        print(say("Writing hours Mon–Sun: ", "Schreibstunden Mo–So: ")
            + c.hoursPerWeekday.map { Quantity(thousandths: $0).formatted(lang) }.joined(separator: ", ")
            + (c.vacations.isEmpty ? "" : say("; vacations: ", "; Urlaub: ")
                + c.vacations.map { "\($0.first.formatted(lang))–\($0.last.formatted(lang))" }.joined(separator: ", ")))
        let r = p.effectiveRateCard
        let (word, line, page, hour) = (r.pricePerWord.formatted(lang), r.pricePerLine.formatted(lang),
                                        r.pricePerPage.formatted(lang), r.pricePerHour.formatted(lang))
        print(say("Rates: \(word) per word, \(line) per line, \(page) per page, \(hour) per hour, ",
                  "Preise: \(word) pro Wort, \(line) pro Normzeile, \(page) pro Normseite, \(hour) pro Stunde, ")
            + (r.pricePerRevision.tenThousandths > 0
                ? say("\(r.pricePerRevision.formatted(lang)) per extra revision round",
                      "\(r.pricePerRevision.formatted(lang)) pro zusätzlicher Korrekturschleife")
                : say("extra revision rounds: ask", "zusätzliche Korrekturschleifen: nachfragen")))
        let tiers = p.loyalty.tiers.map {
            say("\($0.percent) % from paid invoice \($0.paidInvoices)", "\($0.percent) % ab der \($0.paidInvoices). bezahlten Rechnung")
        }
        print(say("Loyalty discount: ", "Treuerabatt: ") + (tiers.isEmpty ? say("none", "keiner") : tiers.joined(separator: ", ")))
    }
}

/// Writing hours per weekday, vacations and days off, for the book (`profile set`) or one writer (`user set-capacity`).
struct CapacityOptions: ParsableArguments {
    @Option(help: "Writing hours Monday to Sunday, e.g. 6,6,6,6,4,0,0.") var hours: String?
    @Option(help: "A vacation FROM..TO, e.g. 2026-12-21..2027-01-01 (repeatable).") var vacation: [String] = []
    @Option(help: "A single day off, YYYY-MM-DD (repeatable).") var dayOff: [String] = []

    /// Whether any of the options was given.
    var isGiven: Bool { hours != nil || !vacation.isEmpty || !dayOff.isEmpty }

    /// Sets the hours and adds the vacations and days off; checks the result.
    func apply(to capacity: inout WorkingCapacity) throws {
        if let hours { capacity.hoursPerWeekday = try WorkingCapacity.week(parsing: hours) }
        for text in vacation {
            let parts = text.components(separatedBy: "..")
            guard parts.count == 2 else {
                throw InputError.malformed(what: .vacation, text: text, example: "2026-12-21..2027-01-01 (FROM..TO)")
            }
            try capacity.addVacation(
                first: try Day.parse(parts[0], what: .vacationStart), last: try Day.parse(parts[1], what: .vacationEnd))
        }
        for text in dayOff { capacity.addDayOff(try Day.parse(text, what: .dayOff)) }
        try capacity.validate()
    }
}
