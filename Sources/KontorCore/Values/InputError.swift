/// Something a user typed that Kontor cannot accept. Each case carries the field and the typed facts a message
/// needs; ``InputError+Wording`` words it once in German and English.
public enum InputError: Error, Sendable, Equatable, UserError {
    case invalidNumber(what: Field, text: String, form: NumberForm = .decimal)
    case tooManyDecimals(what: Field, text: String, allowed: Int)
    case negative(what: Field, text: String)
    case zero(what: Field)
    case invalidDate(what: Field, text: String)
    case invalidIBAN(text: String, problem: IBANProblem)
    case invalidBIC(text: String)
    case invalidChoice(what: Field, text: String, allowed: [String])
    /// A required value is missing; `fix` is the option or command that gives it, e.g. `--name "…"`.
    case missing(what: Field, fix: String?)
    case invalidNumberFormat(text: String, problem: NumberFormatProblem)
    case invalidLoyaltyPercent(Int64)
    /// A whole number outside the range a rule allows, e.g. a payment term of 0 to 120 days.
    case outOfRange(what: Field, value: String, range: ClosedRange<Int>, unit: RangeUnit)
    /// A period whose last day comes before its first.
    case endsBeforeStart(what: Field)
    /// Text that does not have the required shape; `example` shows one that has.
    case malformed(what: Field, text: String, example: String)
    /// A value that breaks a rule of its field.
    case invalid(what: Field, rule: InputRule)

    /// How a number is written: amounts and quantities take decimals, counts and days do not.
    public enum NumberForm: Sendable, Equatable { case decimal, wholeNumber }

    /// The unit of an ``outOfRange(what:value:range:unit:)`` range.
    public enum RangeUnit: Sendable, Equatable { case days, hours, percent, none }

    /// Why an IBAN is refused.
    public enum IBANProblem: Sendable, Equatable {
        case shape
        case length(country: String, expected: Int, actual: Int)
        case checkDigits
    }

    /// Why an invoice number format is refused.
    public enum NumberFormatProblem: Sendable, Equatable {
        case character(String)
        case dots
        case unclosedBrace
        case unknownToken(String)
        case noCounter
        case severalCounters
    }
}

/// A rule a single value breaks, with what the message needs to explain it.
public enum InputRule: Sendable, Equatable {
    /// Line breaks and control characters would add header lines to an e-mail.
    case singleLine
    case emailCharacters(text: String)
    case emailShape(text: String)
    case tooLong(characters: Int)
    case countryCode(text: String)
    case germanPostalCode(text: String)
    case stateOnlyInGermany
    case sevenWeekdayHours
    case noWritingDay
    /// § 288 Abs. 5 BGB: only actual postage and printing, up to a cap.
    case materialCostsCap(Money)
    case loyaltyThresholdFromOne
    case hostName
    case securityNoneOnlyLocal
    case noLinesYet
    case noSuchLine(position: Int, count: Int)
    case beforeQuoteDate(Day, quoteDate: Day)
    case firstPartBetweenQuoteAndDelivery
    case statusChangeIsNotANote
    case dayPassed(Day)
    case attachmentsTooLarge(megabytes: Int, limit: Int)
    case passwordTooShort(minimum: Int)
    case columnPair(text: String)
    case unknownColumnField(name: String, known: [String])
    case columnsNeedDateAndAmount
    /// The same number of paid invoices twice in a loyalty policy.
    case duplicateThreshold(Int)
    /// A Mustache template that cannot be read, with the line where reading stopped when known.
    case templateSyntax(line: Int?)
}

