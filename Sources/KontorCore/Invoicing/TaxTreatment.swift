/// How VAT applies to one invoice, decided from the business's tax mode and the customer.
public enum TaxTreatment: String, NamedChoice, Codable {
    /// German VAT at the line's rate (19 % or 7 %).
    case standard
    /// Kleinunternehmer (§ 19 UStG): no VAT; the invoice must say so.
    case smallBusiness = "small-business"
    /// EU business customer with a VAT ID: the customer owes the tax (§ 13b UStG, "Steuerschuldnerschaft des
    /// Leistungsempfängers").
    case reverseCharge = "reverse-charge"
    /// Business customer outside the EU: the service is not taxable in Germany (§ 3a Abs. 2 UStG).
    case outsideScope = "outside-scope"

    /// The treatment for an invoice from a business in `mode` to `customer`.
    public static func determine(mode: TaxMode, customer: Customer) -> TaxTreatment {
        if mode == .smallBusiness { return .smallBusiness }
        guard customer.kind == .business, let address = customer.address, address.country != "DE" else {
            return .standard
        }
        if address.isInOtherEUCountry { return (customer.vatId ?? "").isEmpty ? .standard : .reverseCharge }
        return .outsideScope
    }

    /// The rate actually charged on a line with `rate`.
    public func effectiveRate(_ rate: VATRate) -> VATRate { self == .standard ? rate : .zero }

    /// The note the invoice must carry, if any.
    public func note(_ language: Language) -> String? {
        switch (self, language) {
        case (.standard, _): nil
        case (.smallBusiness, .de): "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet (Kleinunternehmerregelung)."
        case (.smallBusiness, .en): "No VAT is charged under the small business exemption (§ 19 UStG)."
        case (.reverseCharge, .de): "Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge)."
        case (.reverseCharge, .en): "Reverse charge: VAT is owed by the recipient (Steuerschuldnerschaft des Leistungsempfängers)."
        case (.outsideScope, .de): "Nicht im Inland steuerbare Leistung (§ 3a Abs. 2 UStG)."
        case (.outsideScope, .en): "Service not taxable in Germany (§ 3a (2) UStG)."
        }
    }
}
