/// Which rule of § 286 BGB put the debtor in default.
public enum DefaultRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Abs. 1: a payment request (Mahnung, also a friendly reminder that asks for payment) after the due date.
    case paymentRequest
    /// Abs. 2 Nr. 1: the due date was agreed as a calendar date, e.g. in an accepted quote.
    case agreedCalendarDate
    /// Abs. 3: 30 days after due date and receipt of the invoice (for consumers only with the notice).
    case thirtyDays
}
