import KontorApp
import KontorCore

/// The customer fields as typed, checked field by field; applied to a customer inside the use case.
struct CustomerFields: Sendable, Encodable {
    var name: String?
    var contact: String?
    var salutation: Salutation?
    var academicTitle: String?
    var email: String?
    var phone: String?
    var kind: CustomerKind
    var street: String?
    var postalCode: String?
    var city: String?
    var country: String?
    var state: GermanState?
    var vatId: String?
    var buyerReference: String?
    var language: Language
    var eInvoice: EInvoiceFormat?
    var status: CustomerStatus
    var notes: String?

    /// Reads the form; unreadable choices leave messages in `reader`.
    init(_ reader: inout FormReader) {
        name = reader.text("name", required: true)
        contact = reader.text("contact")
        salutation = reader.choice("salutation", Salutation.self)
        academicTitle = reader.text("academicTitle")
        email = reader.text("email")
        phone = reader.text("phone")
        kind = reader.choice("kind", CustomerKind.self) ?? .business
        street = reader.text("street")
        postalCode = reader.text("postalCode")
        city = reader.text("city")
        country = reader.text("country")?.uppercased()
        state = reader.choice("state", GermanState.self)
        vatId = reader.text("vatId")
        buyerReference = reader.text("buyerReference")
        language = reader.choice("language", Language.self) ?? .de
        eInvoice = reader.choice("einvoice", EInvoiceFormat.self)
        status = reader.choice("status", CustomerStatus.self) ?? .prospect
        notes = reader.text("notes")
    }

    /// Applies the fields (validation follows in the use case).
    func apply(to customer: inout Customer) {
        customer.name = name ?? ""
        customer.contactPerson = contact
        customer.salutation = salutation
        customer.academicTitle = academicTitle
        customer.email = email
        customer.phone = phone
        customer.kind = kind
        if street != nil || postalCode != nil || city != nil || state != nil {
            customer.address = PostalAddress(
                street: street ?? "", postalCode: postalCode ?? "", city: city ?? "", country: country ?? "DE", state: state)
        } else {
            customer.address = nil
        }
        customer.vatId = vatId
        customer.buyerReference = buyerReference
        customer.language = language
        customer.eInvoiceFormat = eInvoice
        customer.status = status
        customer.notes = notes
    }

    /// Which field a domain message belongs to.
    static let errorFields: [Field: String] = [
        .customerName: "name", .email: "email", .street: "street", .postalCode: "postalCode", .city: "city",
        .country: "country", .state: "state", .vatId: "vatId",
    ]

    /// The form's values for an existing customer.
    static func values(of customer: Customer) -> [String: String] {
        var values: [String: String] = [
            "name": customer.name, "kind": customer.kind.rawValue, "language": customer.language.rawValue,
            "status": customer.status.rawValue, "einvoice": customer.eInvoiceFormat?.rawValue ?? "",
        ]
        values["contact"] = customer.contactPerson
        values["salutation"] = customer.salutation?.rawValue
        values["academicTitle"] = customer.academicTitle
        values["email"] = customer.email
        values["phone"] = customer.phone
        values["street"] = customer.address?.street
        values["postalCode"] = customer.address?.postalCode
        values["city"] = customer.address?.city
        values["country"] = customer.address?.country
        values["state"] = customer.address?.state?.rawValue
        values["vatId"] = customer.vatId
        values["buyerReference"] = customer.buyerReference
        values["notes"] = customer.notes
        return values
    }
}

/// The customer form page.
struct CustomerFormPage: Sendable, Encodable {
    struct Section: Sendable, Encodable {
        let legend: String
        let fields: [FieldView]
    }

    let heading: String
    let action: String
    let cancelPath: String
    let backName: String?
    let backPath: String
    let hasFormError: Bool
    let formError: String
    let sections: [Section]

    init(state: FormState, texts: Texts, customer: Customer?) {
        heading = customer.map { texts.format("customer_edit", $0.name) } ?? texts["customer_add"]
        action = customer.map { "/customers/\($0.id)" } ?? "/customers"
        cancelPath = customer.map { "/customers/\($0.id)" } ?? "/customers"
        backName = customer?.name
        backPath = cancelPath
        hasFormError = state.general != nil
        formError = state.generalText
        let make = FieldFactory(state: state, texts: texts)
        let states = GermanState.allCases.map { ($0.rawValue, $0.rawValue) }
        sections = [
            Section(legend: texts["section_customer"], fields: [
                make.text("name", "f_name", required: true, autocomplete: "organization"),
                make.text("contact", "f_contact", autocomplete: "name"),
                make.select("salutation", "f_salutation",
                            options: Salutation.allCases.map { ($0.rawValue, texts["salutation_\($0.rawValue)"]) },
                            blank: texts["salutation_none"], hint: texts["h_salutation"]),
                make.text("academicTitle", "f_academic_title", autocomplete: "honorific-prefix"),
                make.text("email", "f_email", type: "email", autocomplete: "email"),
                make.text("phone", "f_phone", type: "tel", autocomplete: "tel"),
                make.select("kind", "f_kind", options: CustomerKind.allCases.map { ($0.rawValue, texts.kind($0)) }),
                make.select("status", "f_status", options: CustomerStatus.allCases.map { ($0.rawValue, texts.customerStatus($0)) }),
            ]),
            Section(legend: texts["section_address"], fields: [
                make.text("street", "f_street", wide: true, autocomplete: "street-address"),
                make.text("postalCode", "f_postal_code", inputMode: "numeric", autocomplete: "postal-code"),
                make.text("city", "f_city", autocomplete: "address-level2"),
                make.text("country", "f_country", autocomplete: "country", placeholder: "DE"),
                make.select("state", "f_state", options: states, blank: "–"),
            ]),
            Section(legend: texts["section_billing"], fields: [
                make.text("vatId", "f_vat_id"),
                make.text("buyerReference", "f_buyer_reference"),
                make.select("language", "f_language", options: Language.allCases.map { ($0.rawValue, texts["lang_\($0.rawValue)"]) }),
                make.select("einvoice", "f_einvoice",
                            options: EInvoiceFormat.allCases.map { ($0.rawValue, texts["einvoice_\($0.rawValue)"]) },
                            blank: texts["einvoice_default"], hint: texts["h_einvoice"]),
                make.textarea("notes", "f_notes", rows: 3),
            ]),
        ]
    }
}
