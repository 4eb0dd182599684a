import Foundation

/// The freelancer's own business data, printed on every invoice, and the policies Kontor follows.
public struct BusinessProfile: Sendable, Hashable, Codable {
    public var name: String
    public var address: PostalAddress?
    public var email: String?
    public var phone: String?
    public var iban: IBAN?
    public var bic: String?
    public var taxNumber: String?
    public var vatId: String?
    public var taxMode: TaxMode
    public var paymentTermDays: Int
    public var numberFormat: InvoiceNumberFormat
    public var loyalty: LoyaltyPolicy
    /// Base rates the user added beyond the table Kontor ships (nil: the shipped table).
    public var baseRates: BaseRateTable?

    /// Writing hours per weekday, days off and vacations (nil: six hours Monday to Friday).
    public var capacity: WorkingCapacity?
    /// Prices and pace (nil: typical rates).
    public var rateCard: RateCard?

    /// The capacity to plan with; public holidays of the business's own state count as days off.
    public var effectiveCapacity: WorkingCapacity { withHolidays(capacity ?? WorkingCapacity()) }

    /// `capacity` with the public holidays of the business's state as days off, unless it names a state of its own
    /// (a writer of the agency who lives elsewhere).
    public func withHolidays(_ capacity: WorkingCapacity) -> WorkingCapacity {
        var capacity = capacity
        if capacity.state == nil { capacity.state = address?.state }
        return capacity
    }

    /// The rate card to price and plan inquiries with.
    public var effectiveRateCard: RateCard { rateCard ?? RateCard() }

    /// The dunning policy (nil: the defaults).
    public var dunning: DunningPolicy?

    /// The waiting times and deadlines of the escalation.
    public var effectiveDunningPolicy: DunningPolicy { dunning ?? DunningPolicy() }

    /// The base rates to compute default interest with.
    public var effectiveBaseRates: BaseRateTable { baseRates ?? .standard }

    /// Creates a profile with the defaults: standard VAT, 14 days, `{YYYY}-{NNNN}`, 3 % from 3 / 5 % from 10.
    public init(
        name: String, address: PostalAddress? = nil, email: String? = nil, phone: String? = nil,
        iban: IBAN? = nil, bic: String? = nil, taxNumber: String? = nil, vatId: String? = nil,
        taxMode: TaxMode = .standard, paymentTermDays: Int = 14, numberFormat: InvoiceNumberFormat = .standard,
        loyalty: LoyaltyPolicy = .standard
    ) {
        self.name = name
        self.address = address
        self.email = email
        self.phone = phone
        self.iban = iban
        self.bic = bic
        self.taxNumber = taxNumber
        self.vatId = vatId
        self.taxMode = taxMode
        self.paymentTermDays = paymentTermDays
        self.numberFormat = numberFormat
        self.loyalty = loyalty
    }

    /// Checks the fields that are stored.
    public func validate() throws(InputError) {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .missing(what: .businessName, fix: "--name")
        }
        // Name and e-mail are the `From:` of every e-mail Kontor writes.
        try SingleLineText.check(name, what: .businessName)
        try EmailAddress.check(email)
        try PaymentTerm.check(paymentTermDays)
        if let bic, !BusinessProfile.isValidBIC(bic) { throw .invalidBIC(text: bic) }
        try address?.validate()
    }

    /// Checks the profile as typed, against the stored one (`previous`) when it is a change: everything
    /// `validate()` checks, and the VAT ID's format for the business's country (Germany unless the address says
    /// otherwise), only when the ID or the country is new. Returns the profile with the VAT ID in canonical form.
    /// - Throws: `InputError` or `VATIdError`.
    public func checkedInput(previous: BusinessProfile? = nil) throws -> BusinessProfile {
        try validate()
        var checked = self
        let country = address?.country ?? "DE"
        if previous == nil || previous?.vatId != vatId || (previous?.address?.country ?? "DE") != country {
            checked.vatId = try VATId.checked(vatId, country: country)
        }
        return checked
    }

    /// What an invoice needs from the profile (§ 14 Abs. 4 Nr. 1 and 2 UStG); nil when complete.
    public var missingInvoiceFields: ProfileGap? {
        if address == nil { return .postalAddress }
        if (taxNumber ?? "").isEmpty && (vatId ?? "").isEmpty { return .taxNumberOrVATId }
        return nil
    }

    /// BIC: 4 letters bank, 2 letters country, 2 location, optional 3 branch.
    public static func isValidBIC(_ text: String) -> Bool {
        let bic = text.uppercased()
        guard bic.count == 8 || bic.count == 11, bic.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return false
        }
        return bic.prefix(6).allSatisfy(\.isLetter)
    }
}

/// How the business charges VAT.
public enum TaxMode: String, NamedChoice, Codable {
    /// Regular VAT (19 % / 7 %).
    case standard
    /// Kleinunternehmer under § 19 UStG: no VAT, with the mandatory note.
    case smallBusiness = "small-business"
}
