import Foundation

/// A person or business Kontor works for, from first inquiry (prospect) to regular customer.
public struct Customer: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var name: String
    public var contactPerson: String?
    /// How the contact person (a consumer: the customer) is addressed; nil: by full name, without Frau or Herr.
    public var salutation: Salutation?
    /// The contact person's academic title as it precedes the name, e.g. "Dr." or "Prof. Dr.".
    public var academicTitle: String?
    public var address: PostalAddress?
    public var email: String?
    public var phone: String?
    public var kind: CustomerKind
    public var vatId: String?
    /// Buyer reference (BT-10), e.g. the Leitweg-ID of a public body.
    public var buyerReference: String?
    public var language: Language
    public var notes: String?
    public var status: CustomerStatus
    public var createdOn: Day
    /// How this customer receives e-invoices; nil means the default for its kind (see `effectiveEInvoiceFormat`).
    public var eInvoiceFormat: EInvoiceFormat?

    /// Creates a customer value.
    public init(
        id: Int64 = 0, name: String, contactPerson: String? = nil, address: PostalAddress? = nil,
        email: String? = nil, phone: String? = nil, kind: CustomerKind = .business, vatId: String? = nil,
        buyerReference: String? = nil, language: Language = .de, notes: String? = nil,
        status: CustomerStatus = .prospect, createdOn: Day, eInvoiceFormat: EInvoiceFormat? = nil,
        salutation: Salutation? = nil, academicTitle: String? = nil
    ) {
        self.id = id
        self.name = name
        self.contactPerson = contactPerson
        self.salutation = salutation
        self.academicTitle = academicTitle
        self.address = address
        self.email = email
        self.phone = phone
        self.kind = kind
        self.vatId = vatId
        self.buyerReference = buyerReference
        self.language = language
        self.notes = notes
        self.status = status
        self.createdOn = createdOn
        self.eInvoiceFormat = eInvoiceFormat
    }

    /// ZUGFeRD for business customers unless chosen otherwise; consumers get a plain PDF.
    public var effectiveEInvoiceFormat: EInvoiceFormat {
        eInvoiceFormat ?? (kind == .business ? .zugferd : EInvoiceFormat.none)
    }

    /// Checks what every stored customer needs.
    /// - Throws: `InputError` naming the field to fix.
    public func validate() throws(InputError) {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .missing(what: .customerName, fix: "--name")
        }
        // Name and e-mail reach the header of every e-mail Kontor writes (`To: Name <address>`).
        try SingleLineText.check(name, what: .customerName)
        try EmailAddress.check(email)
        try address?.validate()
    }

    /// Checks a customer as typed or imported, against the stored one (`previous`) when it is an edit: everything
    /// `validate()` checks, and the VAT ID's format and country (§ 14a Abs. 1 UStG needs a real one on a
    /// reverse-charge invoice). The VAT ID is checked only when it or the country is new, so that a customer
    /// saved before the check stays editable. Returns the customer with the VAT ID in canonical form.
    /// - Throws: `InputError` or `VATIdError`, naming what to fix.
    public func checkedInput(previous: Customer? = nil) throws -> Customer {
        try validate()
        var checked = self
        let country = address?.country
        if previous == nil || previous?.vatId != vatId || previous?.address?.country != country {
            checked.vatId = try VATId.checked(vatId, country: country)
        }
        let title = academicTitle?.trimmingCharacters(in: .whitespaces)
        checked.academicTitle = title?.isEmpty == false ? title : nil
        return checked
    }
}

/// Whether the customer is a business (B2B: 9 points default interest, 40 € lump sum) or a consumer.
public enum CustomerKind: String, NamedChoice, Codable {
    case business
    case consumer
}

/// Where a customer stands: prospect (only an inquiry), new (first job), regular (first invoice paid).
public enum CustomerStatus: String, NamedChoice, Codable, Comparable {
    case prospect
    case new
    case regular

    private var rank: Int { [.prospect: 0, .new: 1, .regular: 2][self]! }
    public static func < (lhs: CustomerStatus, rhs: CustomerStatus) -> Bool { lhs.rank < rhs.rank }
}

/// How a customer receives e-invoices: not at all (plain PDF), ZUGFeRD/Factur-X (XML inside the PDF), or
/// XRechnung (XML only, as public bodies require).
public enum EInvoiceFormat: String, NamedChoice, Codable {
    case none
    case zugferd
    case xrechnung
}
