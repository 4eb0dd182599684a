/// Something a user typed that Kontor cannot accept; each case says what is wrong and how to fix it.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidNumber(what: String, text: String)
    case tooManyDecimals(what: String, text: String, allowed: Int)
    case negative(what: String, text: String)
    case zero(what: String)
    case invalidDate(what: String, text: String)
    case invalidIBAN(text: String, reason: String)
    case invalidBIC(text: String)
    case invalidChoice(what: String, text: String, allowed: [String])
    case missing(what: String, hint: String)
    case invalidNumberFormat(text: String, reason: String)
    case invalidLoyaltyPercent(Int64)
    case invalid(what: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidNumber(what, text):
            return "'\(text)' is not a valid \(what). Write it like 1500, 1.500,00, 1500.00 or 1,500.00."
        case let .tooManyDecimals(what, text, allowed):
            return "'\(text)' has too many decimals for a \(what) (at most \(allowed)). "
                + "Write it like 1.500,00 or 1500.00; a dot before three digits groups thousands."
        case let .negative(what, text):
            return "The \(what) must not be negative ('\(text)'). Corrections are made with a cancellation invoice."
        case let .zero(what):
            return "The \(what) must be greater than zero."
        case let .invalidDate(what, text):
            return "'\(text)' is not a valid \(what). Use YYYY-MM-DD, e.g. 2026-03-15."
        case let .invalidIBAN(text, reason):
            return "'\(text)' is not a valid IBAN: \(reason)."
        case let .invalidBIC(text):
            return "'\(text)' is not a valid BIC: it has 8 or 11 letters and digits, e.g. COBADEFFXXX."
        case let .invalidChoice(what, text, allowed):
            return "'\(text)' is not a valid \(what). Choose one of: \(allowed.joined(separator: ", "))."
        case let .missing(what, hint):
            return "The \(what) is missing. \(hint)"
        case let .invalidNumberFormat(text, reason):
            return "The invoice number format '\(text)' cannot be used: \(reason)."
        case let .invalidLoyaltyPercent(percent):
            return "A loyalty discount of \(percent) % is not allowed: use a whole number from 1 to 9."
        case let .invalid(what, reason):
            return "The \(what) is not valid: \(reason)."
        }
    }
}
