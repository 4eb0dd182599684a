/// What the business profile still lacks for an invoice (§ 14 Abs. 4 Nr. 1 and 2 UStG).
public enum ProfileGap: String, Sendable, Equatable, Worded {
    case postalAddress, taxNumberOrVATId

    public func word(_ l: Language) -> String {
        switch self {
        case .postalAddress: pick(l, "a postal address", "die Anschrift (Straße, PLZ, Ort)")
        case .taxNumberOrVATId: pick(l, "a tax number or VAT ID", "die Steuernummer oder USt-IdNr.")
        }
    }

    /// The options of `kontor profile set` that fill the gap.
    public var options: String {
        switch self {
        case .postalAddress: "--street, --postal-code, --city"
        case .taxNumberOrVATId: "--tax-number, --vat-id"
        }
    }
}
