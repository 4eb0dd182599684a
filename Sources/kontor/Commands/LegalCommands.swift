import ArgumentParser
import KontorApp
import KontorCore

/// `kontor interest`: the default-interest calculator people otherwise look for online.
struct InterestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interest",
        abstract: "Default interest (Verzugszinsen, § 288 BGB): when default began, each period, total, lump sum.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Amount owed (gross), e.g. 1190.00.") var amount: String
    @Option(help: "Due date, YYYY-MM-DD.") var due: String
    @Flag(help: "The due date was agreed beforehand (e.g. in the accepted quote).") var agreed = false
    @Option(help: "Day the invoice reached the debtor (for the 30-day rule).") var received: String?
    @Option(help: "Day a payment request (reminder) reached the debtor.") var request: String?
    @Option(help: "Day of payment (default: today).") var paid: String?
    @Option(help: "business or consumer.") var debtor: String = "business"
    @Flag(help: "The invoice told the consumer about the 30-day rule (§ 286 Abs. 3 BGB).") var consumerNotice = false
    @Option(help: "The debtor's state (Bundesland) for public holidays, e.g. NW.") var state: String?

    func run() async throws {
        let question = InterestQuestion(
            amount: try Money(parsingNonNegative: amount), dueDate: try Day.parse(due, what: .dueDate), agreed: agreed,
            invoiceReceived: try parseDay(received, what: .receiptDate),
            paymentRequestReceived: try parseDay(request, what: .requestDate),
            paidOn: try parseDay(paid, what: .paymentDate) ?? global.day(),
            debtor: try CustomerKind.named(debtor, what: .debtor), consumerNotice: consumerNotice,
            state: try state.map { try GermanState.named($0, what: .state) })
        let answer = try await global.kontor().defaultInterest(question)
        if global.json { return try Output.json(InterestJSON(answer)) }
        let (lang, say) = (global.language, global.say)
        guard let start = answer.start else {
            return print(say("No rule puts the debtor in default yet: agree the due date, send a payment request, "
                                + "or (for consumers) state the 30-day rule on the invoice.",
                             "Noch bringt keine Regel den Schuldner in Verzug: Vereinbaren Sie den Fälligkeitstag, mahnen "
                                + "Sie, oder (bei Verbrauchern) nennen Sie die 30-Tage-Regel auf der Rechnung."))
        }
        print(say("In default from ", "Im Verzug ab ") + start.firstDay.formatted(lang)
            + " (\(InterestCommand.ruleText(start.rule, lang))).")
        if answer.calculation.periods.isEmpty {
            return print(say("Paid before default began: no interest.", "Vor Verzugsbeginn bezahlt: keine Zinsen."))
        }
        Output.table(
            lang == .de ? ["Von", "Bis", "Tage", "Zinssatz", "Betrag"] : ["From", "To", "Days", "Rate", "Amount"],
            answer.calculation.periods.map {
                [$0.from.formatted(lang), $0.to.formatted(lang), "\($0.days)", "\($0.ratePercentText) %",
                 $0.amount.formatted(lang)]
            }, rightAligned: [2, 3, 4])
        print(say("Interest: ", "Zinsen: ") + answer.calculation.total.formatted(lang))
        if answer.lumpSum.cents > 0 {
            print(say("Lump sum (§ 288 Abs. 5 BGB): ", "Pauschale (§ 288 Abs. 5 BGB): ") + answer.lumpSum.formatted(lang))
        }
        print(say("No VAT is due on interest and lump sum.", "Auf Zinsen und Pauschale fällt keine Umsatzsteuer an."))
    }

    static func ruleText(_ rule: DefaultRule, _ language: Language) -> String {
        let de = language == .de
        return switch rule {
        case .agreedCalendarDate:
            de ? "vereinbarter Fälligkeitstag, § 286 Abs. 2 BGB (Nr. 1 Kalenderdatum, Nr. 2 Frist ab Rechnung)"
                : "agreed due date, § 286 Abs. 2 BGB (Nr. 1 calendar date, Nr. 2 term from the invoice)"
        case .paymentRequest:
            de ? "Mahnung nach Fälligkeit, § 286 Abs. 1 BGB" : "payment request after the due date, § 286 Abs. 1 BGB"
        case .thirtyDays:
            de ? "30 Tage nach Fälligkeit und Zugang, § 286 Abs. 3 BGB" : "30 days after due date and receipt, § 286 Abs. 3 BGB"
        }
    }
}

/// The calculator's JSON.
struct InterestJSON: Encodable {
    struct Period: Encodable {
        let from: Day
        let to: Day
        let days: Int
        let ratePercent: String
        let amount: Money
    }

    let defaultFrom: Day?
    let rule: DefaultRule?
    let periods: [Period]
    let interest: Money
    let lumpSum: Money

    init(_ answer: InterestAnswer) {
        defaultFrom = answer.start?.firstDay
        rule = answer.start?.rule
        periods = answer.calculation.periods.map {
            Period(from: $0.from, to: $0.to, days: $0.days, ratePercent: $0.ratePercentText, amount: $0.amount)
        }
        interest = answer.calculation.total
        lumpSum = answer.lumpSum
    }
}

/// `kontor due-date`: the day a due date really falls on (§ 193 BGB).
struct DueDateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due-date", abstract: "Shift a due date off weekends and public holidays (§ 193 BGB).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The due date, YYYY-MM-DD.") var date: String
    @Option(help: "The debtor's state (Bundesland), e.g. NW.") var state: String?

    func run() async throws {
        let day = try Day.parse(date, what: .dueDate)
        let state = try self.state.map { try GermanState.named($0, what: .state) }
        let shifted = DueDateShift.shifted(day, state: state)
        let reasons = (day.ordinal..<shifted.ordinal).compactMap { ordinal -> String? in
            let d = Day(ordinal: ordinal)
            if let holiday = GermanHolidays.holidays(on: d, state: state).first { return "\(d.formatted(.de)) \(holiday.name)" }
            return d.isWeekend ? "\(d.formatted(.de)) \(d.isoWeekday == 6 ? "Samstag" : "Sonntag")" : nil
        }
        if global.json {
            return try Output.json(["date": day.description, "dueDate": shifted.description, "skipped": reasons.joined(separator: "; ")])
        }
        print(shifted.formatted(global.language)
            + (reasons.isEmpty ? "" : global.say("  (skipped: ", "  (übersprungen: ") + reasons.joined(separator: ", ") + ")"))
    }
}

/// `kontor settings base-rate …`: the base rates (Basiszinssatz) the interest rules use.
struct SettingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Settings beyond the profile.", subcommands: [BaseRateCommand.self])

    struct BaseRateCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "base-rate", abstract: "The base rates (§ 247 BGB).", subcommands: [List.self, Add.self])

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List the known base rates.")
            @OptionGroup var global: GlobalOptions

            func run() async throws {
                let table = try await global.kontor().baseRates()
                if global.json { return try Output.json(table) }
                for entry in table.entries { print("\(entry.validFrom.formatted(global.language))  \(entry.percentText) %") }
                print(global.say("Known through ", "Bekannt bis ") + table.knownThrough.formatted(global.language) + ".")
            }
        }

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add",
                abstract: "Add the base rate of the next half-year.")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "First day of the half-year, YYYY-01-01 or YYYY-07-01.") var from: String
            // Collected as "unrecognized" so that a negative rate like -0,88 is not taken for an option.
            @Argument(parsing: .allUnrecognized, help: "The rate in percent, e.g. 1.27 or -0,88.") var rate: [String]

            func validate() throws {
                guard rate.count == 1 else {
                    throw ValidationError(global.say("Give one rate, e.g. 1.27 or -0,88.", "Geben Sie einen Zinssatz an, z. B. 1,27 oder -0,88."))
                }
            }

            func run() async throws {
                let entry = try BaseRate(validFrom: try Day.parse(from, what: .date), parsingPercent: rate[0])
                let table = try await global.kontor().addBaseRate(entry)
                if global.json { return try Output.json(table) }
                let (from, through) = (entry.validFrom.formatted(global.language), table.knownThrough.formatted(global.language))
                print(global.say("Added \(entry.percentText) % from \(from); known through \(through).",
                                 "\(entry.percentText) % ab \(from) eingetragen; bekannt bis \(through)."))
            }
        }
    }
}
