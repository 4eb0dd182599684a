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
