/// Why the matcher linked a transfer to invoices (the strongest evidence it used).
public enum MatchReason: String, Sendable, Codable {
    /// An invoice number in the remittance text, end-to-end id or a non-RF reference.
    case invoiceNumber
    /// A valid ISO 11649 creditor reference (`RF…`) that contains the invoice number.
    case structuredReference
    /// The amount equals an invoice's open amount (or gross), and the payer's name or IBAN is the customer's.
    case amountAndName
    /// The amount equals the open amount of exactly one open invoice; nothing else supports it.
    case amountOnly
    /// The payer is a known customer, but neither number nor amount fits.
    case nameOnly
}

extension MatchReason: Worded {
    public func word(_ l: Language) -> String {
        switch self {
        case .invoiceNumber: pick(l, "invoice number in the transfer", "Rechnungsnummer im Verwendungszweck")
        case .structuredReference: pick(l, "creditor reference", "strukturierte Referenz")
        case .amountAndName: pick(l, "amount and payer", "Betrag und Zahler")
        case .amountOnly: pick(l, "amount only", "nur der Betrag")
        case .nameOnly: pick(l, "payer only", "nur der Zahler")
        }
    }
}
