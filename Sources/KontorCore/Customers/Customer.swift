import Foundation

/// A person or business Kontor works for, from first inquiry (prospect) to regular customer.
public struct Customer: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var name: String
    public var contactPerson: String?
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
        status: CustomerStatus = .prospect, createdOn: Day, eInvoiceFormat: EInvoiceFormat? = nil
    ) {
        self.id = id
        self.name = name
        self.contactPerson = contactPerson
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
            throw .missing(what: "customer name", hint: "Give the customer a name with --name.")
        }
        if let email, !email.isEmpty, !(email.contains("@") && email.contains(".")) {
            throw .invalid(what: "e-mail address '\(email)'", reason: "it needs an @ and a domain")
        }
        try address?.validate()
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
