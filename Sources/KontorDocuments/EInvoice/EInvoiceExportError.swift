public import KontorCore

/// Why an e-invoice cannot be written; every message says what to add.
public enum EInvoiceExportError: Error, Sendable, Equatable, CustomStringConvertible, BilingualError {
    case notIssued
    case missingSellerField(String)
    case missingBuyerField(String, customerId: Int64)

    public var description: String {
        switch self {
        case .notIssued:
            return "Only issued invoices have an e-invoice. Issue the draft first with 'kontor invoice issue'."
        case let .missingSellerField(field):
            return "An XRechnung needs your \(field). Add it with 'kontor profile set'."
        case let .missingBuyerField(field, customerId):
            return "An XRechnung needs the customer's \(field). Add it with 'kontor customer edit \(customerId)'."
        }
    }

    /// The message in `language`; English is ``description``. German names the missing field in German and keeps
    /// its command-line option, e.g. "Telefonnummer (--phone)".
    public func message(_ language: Language) -> String {
        guard language == .de else { return description }
        switch self {
        case .notIssued:
            return "Nur ausgestellte Rechnungen haben eine E-Rechnung. "
                + "Stellen Sie den Entwurf zuerst mit „kontor invoice issue“ aus."
        case let .missingSellerField(field):
            return "Für eine XRechnung fehlt in Ihrem Profil die \(Self.germanField(field)). "
                + "Ergänzen Sie sie mit „kontor profile set“."
        case let .missingBuyerField(field, customerId):
            return "Für eine XRechnung fehlt beim Kunden die \(Self.germanField(field)). "
                + "Ergänzen Sie sie mit „kontor customer edit \(customerId)“."
        }
    }

    /// German for the fields ``CIIWriter`` names (all feminine, to fit "die …"); unknown fields are quoted.
    private static func germanField(_ field: String) -> String {
        switch field {
        case "phone number (--phone)": return "Telefonnummer (--phone)"
        case "e-mail address (--email)": return "E-Mail-Adresse (--email)"
        case "IBAN (--iban)": return "IBAN (--iban)"
        default: return "Angabe „\(field)“"
        }
    }
}
