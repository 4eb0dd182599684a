public import KontorCore

/// The text of an EPC QR code ("GiroCode", EPC069-12 version 002): a SEPA credit transfer that a banking
/// app fills in from a scan.
public struct EPCPayload: Sendable, Hashable {
    public let bic: String?
    public let name: String
    public let iban: IBAN
    public let amount: Money
    public let remittance: String

    /// Creates the payload; returns nil when the amount is outside what the standard allows
    /// (0.01 to 999,999,999.99 EUR), e.g. for a cancellation invoice.
    public init?(bic: String?, name: String, iban: IBAN, amount: Money, remittance: String) {
        guard amount.cents >= 1, amount.cents <= 99_999_999_999 else { return nil }
        self.bic = bic.map { $0.uppercased() }
        // The standard allows 70 characters for the name and 140 for the remittance text.
        self.name = String(name.prefix(70))
        self.iban = iban
        self.amount = amount
        self.remittance = String(remittance.prefix(140))
    }

    /// The eleven lines: service tag, version, character set (1 = UTF-8), identification, BIC, name, IBAN,
    /// amount, purpose, structured reference, unstructured remittance. Trailing empty lines are omitted.
    public var text: String {
        [
            "BCD", "002", "1", "SCT", bic ?? "", name, iban.electronic, "EUR" + amount.decimalString, "", "",
            remittance,
        ].joined(separator: "\n")
    }
}
