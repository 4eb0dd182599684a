/// Which rule of § 286 BGB put the debtor in default.
public enum DefaultRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Abs. 1: a payment request (Mahnung, also a friendly reminder that asks for payment) after the due date.
    case paymentRequest
    /// Abs. 2: the time for payment was agreed, e.g. in an accepted quote: a calendar date is Nr. 1, a term counted
    /// from an event ("14 Tage ab Rechnungsdatum", as Kontor's terms are) is Nr. 2 (LAW.md 3.1).
    case agreedCalendarDate
    /// Abs. 3: 30 days after due date and receipt of the invoice (for consumers only with the notice).
    case thirtyDays
}
