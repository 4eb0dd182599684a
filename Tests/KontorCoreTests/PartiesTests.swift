import Testing

@testable import KontorCore

/// Issue 13 items 2 and 11: the parties of an invoice or letter — VAT IDs as VIES defines them, reverse charge only
/// with both IDs, and the salutation and address line of the contact person.
struct VATIdTests {
    /// One valid ID per member state and for Northern Ireland, in the VIES format (ec.europa.eu/taxation_customs/vies,
    /// "VAT number format"), typed with the spaces and dots people use.
    static let valid: [(country: String, typed: String, canonical: String)] = [
        ("AT", "ATU12345678", "ATU12345678"), ("BE", "BE 0123.456.789", "BE0123456789"),
        ("BG", "BG123456789", "BG123456789"), ("BG", "BG1234567890", "BG1234567890"),
        ("CY", "CY12345678L", "CY12345678L"), ("CZ", "CZ12345678", "CZ12345678"),
        ("CZ", "CZ1234567890", "CZ1234567890"), ("DE", "de 123 456 789", "DE123456789"),
        ("DK", "DK12345678", "DK12345678"), ("EE", "EE123456789", "EE123456789"), ("GR", "EL123456789", "EL123456789"),
        ("ES", "ESX1234567R", "ESX1234567R"), ("ES", "ES12345678Z", "ES12345678Z"), ("FI", "FI12345678", "FI12345678"),
        ("FR", "FR 12 345678901", "FR12345678901"), ("FR", "FRAB123456789", "FRAB123456789"),
        ("HR", "HR12345678901", "HR12345678901"), ("HU", "HU12345678", "HU12345678"),
        ("IE", "IE1234567T", "IE1234567T"), ("IE", "IE1A23456T", "IE1A23456T"), ("IE", "IE1234567WH", "IE1234567WH"),
        ("IT", "IT12345678901", "IT12345678901"), ("LT", "LT123456789", "LT123456789"),
        ("LT", "LT123456789012", "LT123456789012"), ("LU", "LU12345678", "LU12345678"),
        ("LV", "LV12345678901", "LV12345678901"), ("MT", "MT12345678", "MT12345678"),
        ("NL", "nl123456789b01", "NL123456789B01"), ("PL", "PL1234567890", "PL1234567890"),
        ("PT", "PT123456789", "PT123456789"), ("RO", "RO12", "RO12"), ("RO", "RO1234567890", "RO1234567890"),
        ("SE", "SE123456789001", "SE123456789001"), ("SI", "SI12345678", "SI12345678"),
        ("SK", "SK1234567890", "SK1234567890"), ("GB", "XI123456789", "XI123456789"), ("GB", "XIGD123", "XIGD123"),
    ]

    @Test func acceptsEveryMemberStatesFormatInCanonicalForm() throws {
        // § 14a Abs. 1 UStG (LAW.md 1.6): the VAT IDs on a reverse-charge invoice; VIES defines their form.
        #expect(Set(Self.valid.map(\.country)).count == 28)
        for (country, typed, canonical) in Self.valid {
            #expect(try VATId(typed, country: country).text == canonical, "\(country) \(typed)")
            // Without an address the prefix alone tells the country.
            #expect(try VATId(typed, country: nil).text == canonical, "\(typed) without country")
        }
    }

    @Test func refusesAWrongFormatNamingTheAcceptedOne() {
        // An ID that cannot exist cannot satisfy § 14a Abs. 1 UStG; the message says how it is written.
        let cases: [(String, String, [String])] = [
            ("123", "DE", ["DE999999999"]), ("DE12345678", "DE", ["DE999999999"]),
            ("AT12345678", "AT", ["ATU99999999"]),
            ("NL123456789", "NL", ["NL999999999B99"]), ("FR1234567890", "FR", ["FRXX999999999"]),
            ("ES12345678", "ES", ["ESA9999999X", "ES99999999A"]),
            ("BE2123456789", "BE", ["BE0999999999", "BE1999999999"]),
            ("SE123456789012", "SE", ["SE999999999901"]), ("RO1", "RO", ["RO99 … RO9999999999"]),
        ]
        for (typed, country, forms) in cases {
            #expect(throws: VATIdError.format(text: typed, country: country, forms: forms)) {
                try VATId(typed, country: country)
            }
        }
        let message = VATIdError.format(text: "123", country: "AT", forms: ["ATU99999999"]).message(.de)
        #expect(message == "„123“ ist keine gültige USt-IdNr. für AT. Eine USt-IdNr. aus AT hat die Form ATU99999999 "
            + "(9 = Ziffer, A = Buchstabe, X = Buchstabe oder Ziffer).")
    }

    @Test func refusesAnotherCountrysPrefix() {
        // The buyer's VAT ID is issued by the state of its seat (Art. 214 MwStSystRL): an AT customer has an AT ID.
        let austrian = VATIdError.wrongCountry(text: "DE123456789", prefix: "DE", country: "AT", forms: ["ATU99999999"])
        #expect(throws: austrian) {
            try VATId("DE123456789", country: "AT")
        }
        // Greece is EL in VIES, not its ISO code GR.
        #expect(throws: VATIdError.format(text: "GR123456789", country: "GR", forms: ["EL999999999"])) {
            try VATId("GR123456789", country: "GR")
        }
        // Outside the EU an EU ID cannot belong to the address either.
        #expect(throws: VATIdError.wrongCountry(text: "ATU12345678", prefix: "AT", country: "CH", forms: [])) {
            try VATId("ATU12345678", country: "CH")
        }
        #expect(throws: VATIdError.noCountry(text: "123")) { try VATId("123", country: nil) }
    }

    @Test func keepsIdsOutsideTheEUAsTyped() throws {
        // VIES formats apply to member states only: a Swiss UID or a British VAT number is kept as given.
        #expect(try VATId(" CHE-123.456.789 MWST ", country: "CH").text == "CHE-123.456.789 MWST")
        #expect(try VATId("GB123456789", country: "GB").text == "GB123456789")
        #expect(try VATId.checked("  ", country: "AT") == nil)
    }

    @Test func customersAreCheckedOnInputNotOnLoad() throws {
        let day = Day("2026-03-02")!
        let austria = PostalAddress(street: "Ring 1", postalCode: "1010", city: "Wien", country: "AT")
        var customer = Customer(id: 3, name: "Verlag Wien", address: austria, vatId: "atu 1234 5678", createdOn: day)
        #expect(try customer.checkedInput().vatId == "ATU12345678")
        customer.vatId = "DE123456789"
        #expect(throws: VATIdError.self) { try customer.checkedInput() }
        // A customer stored before the check with an ID now seen as invalid stays editable in its other fields ...
        var edited = customer
        edited.phone = "+43 1 234"
        #expect(try edited.checkedInput(previous: customer).vatId == "DE123456789")
        // ... but a new ID, or a move to another country, is checked.
        edited.address?.country = "FR"
        #expect(throws: VATIdError.self) { try edited.checkedInput(previous: customer) }
        // The profile of a German business takes a German ID.
        let profile = BusinessProfile(name: "Lena Schreiber", vatId: "ATU12345678")
        #expect(throws: VATIdError.self) { try profile.checkedInput() }
        let german = BusinessProfile(name: "Lena Schreiber", vatId: "DE 123456789")
        #expect(try german.checkedInput().vatId == "DE123456789")
    }
}

struct ReverseChargePartiesTests {
    let day = Day("2026-03-02")!

    var austrian: Customer {
        Customer(id: 4, name: "Verlag Wien GmbH",
                 address: PostalAddress(street: "Ring 1", postalCode: "1010", city: "Wien", country: "AT"),
                 kind: .business, vatId: "ATU12345678", createdOn: day)
    }

    func draft(for customer: Customer, profile: BusinessProfile) -> Invoice {
        Invoice(customerId: customer.id, draftedOn: day, paymentTermDays: 14,
                treatment: TaxTreatment.determine(mode: profile.taxMode, customer: customer), language: .de,
                lines: [DocumentLine(description: "Artikel", quantity: Quantity(1), unit: .flat,
                                     unitPrice: UnitPrice(Money(cents: 50_000)), vatRate: .standard)])
    }

    @Test func reverseChargeNeedsBothVATIds() throws {
        // § 14a Abs. 1 UStG (LAW.md 1.6): a reverse-charge invoice shows the seller's and the buyer's VAT ID.
        var profile = BusinessProfile(
            name: "Lena Schreiber",
            address: PostalAddress(street: "Lindenstraße 12", postalCode: "50674", city: "Köln"),
            taxNumber: "214/5678/1234")
        let draft = draft(for: austrian, profile: profile)
        #expect(draft.treatment == .reverseCharge)
        #expect(throws: WorkflowError.reverseChargeWithoutSellerVATId) {
            try draft.issued(number: "2026-0001", on: day, customer: austrian, profile: profile)
        }
        #expect(WorkflowError.reverseChargeWithoutSellerVATId.description.contains("kontor profile set --vat-id"))
        profile.vatId = "DE123456789"
        // A customer whose ID was removed after the draft was made.
        var withoutId = austrian
        withoutId.vatId = nil
        #expect(throws: WorkflowError.reverseChargeWithoutBuyerVATId(customerId: 4, name: "Verlag Wien GmbH")) {
            try draft.issued(number: "2026-0001", on: day, customer: withoutId, profile: profile)
        }
        let issued = try draft.issued(number: "2026-0001", on: day, customer: austrian, profile: profile)
        #expect(issued.seller?.vatId == "DE123456789" && issued.buyer?.vatId == "ATU12345678")
    }
}

struct SalutationTests {
    let day = Day("2026-03-02")!

    func contact(
        _ name: String, _ salutation: Salutation?, _ title: String? = nil, consumer: Bool = false
    ) -> Customer {
        Customer(name: consumer ? name : "Wolff & Krume Verlag", contactPerson: consumer ? nil : name,
                 kind: consumer ? .consumer : .business, createdOn: day, salutation: salutation, academicTitle: title)
    }

    @Test func greetsByDIN5008() {
        // DIN 5008 / common German business usage: "Sehr geehrte Frau Dr. Wolff," — salutation, title, family name.
        let wolff = contact("Ines Wolff", .frau, "Dr.")
        let krume = contact("Jonas Krume", .herr)
        let plain = contact("Jonas Krume", nil)
        let nobody = Customer(name: "Verlag", kind: .business, createdOn: day)
        #expect(wolff.salutation(language: .de, formal: true) == "Sehr geehrte Frau Dr. Wolff,")
        #expect(wolff.salutation(language: .de, formal: false) == "Guten Tag Frau Dr. Wolff,")
        #expect(krume.salutation(language: .de, formal: true) == "Sehr geehrter Herr Krume,")
        #expect(krume.salutation(language: .de, formal: false) == "Guten Tag Herr Krume,")
        #expect(plain.salutation(language: .de, formal: true) == "Guten Tag Jonas Krume,")
        #expect(nobody.salutation(language: .de, formal: true) == "Sehr geehrte Damen und Herren,")
        #expect(nobody.salutation(language: .de, formal: false) == "Sehr geehrte Damen und Herren,")
        #expect(contact("Ines Wolff", .frau, "Prof. Dr.").salutation(language: .de, formal: true)
            == "Sehr geehrte Frau Prof. Dr. Wolff,")
    }

    @Test func greetsInEnglish() {
        // English usage: Ms/Mr with the family name; a doctor or professor by the title instead.
        #expect(contact("Ines Wolff", .frau).salutation(language: .en, formal: true) == "Dear Ms Wolff,")
        #expect(contact("Jonas Krume", .herr).salutation(language: .en, formal: false) == "Dear Mr Krume,")
        #expect(contact("Jonas Krume", nil).salutation(language: .en, formal: true) == "Dear Jonas Krume,")
        #expect(contact("Ines Wolff", .frau, "Dr.").salutation(language: .en, formal: true) == "Dear Dr Wolff,")
        #expect(contact("Ines Wolff", .frau, "Prof. Dr.").salutation(language: .en, formal: true)
            == "Dear Professor Wolff,")
        let nobody = Customer(name: "Verlag", createdOn: day)
        #expect(nobody.salutation(language: .en, formal: true) == "Dear Sir or Madam,")
    }

    @Test func addressLineSaysHerrnAndFrau() {
        // DIN 5008: the recipient line uses the accusative "Herrn"; the title stands before the name.
        #expect(contact("Jonas Krume", .herr).addressName(language: .de) == "Herrn Jonas Krume")
        #expect(contact("Ines Wolff", .frau, "Dr.").addressName(language: .de) == "Frau Dr. Ines Wolff")
        #expect(contact("Jonas Krume", nil).addressName(language: .de) == "Jonas Krume")
        #expect(contact("Ines Wolff", .frau, "Dr.").addressName(language: .en) == "Dr Ines Wolff")
        #expect(contact("Jonas Krume", .herr).addressName(language: .en) == "Mr Jonas Krume")
        #expect(Customer(name: "Verlag", createdOn: day).addressName(language: .de) == nil)
        // A consumer is the person: the window shows "Herrn Jonas Krume" instead of the bare name.
        var consumer = contact("Jonas Krume", .herr, consumer: true)
        consumer.address = PostalAddress(street: "Weg 1", postalCode: "50667", city: "Köln")
        #expect(consumer.recipientLines(language: .de) == ["Herrn Jonas Krume", "Weg 1", "50667 Köln"])
        #expect(consumer.salutation(language: .de, formal: true) == "Sehr geehrter Herr Krume,")
        #expect(contact("Ines Wolff", .frau, "Dr.").recipientLines(language: .de)
            == ["Wolff & Krume Verlag", "Frau Dr. Ines Wolff"])
    }

    @Test func aTitleTypedIntoTheNameIsRecognised() throws {
        // Contacts saved before titles had a field: "Dr. Ines Wolff" must not become "Frau Ines" or "Frau Dr.".
        #expect(contact("Dr. Ines Wolff", .frau).salutation(language: .de, formal: true)
            == "Sehr geehrte Frau Dr. Wolff,")
        #expect(contact("Prof. Dr. med. Ines Wolff", .frau).salutation(language: .de, formal: true)
            == "Sehr geehrte Frau Prof. Dr. med. Wolff,")
        #expect(contact("Dr. Ines Wolff", nil).salutation(language: .de, formal: true) == "Guten Tag Dr. Ines Wolff,")
        #expect(contact("Dr. Ines Wolff", .frau).addressName(language: .de) == "Frau Dr. Ines Wolff")
        #expect(contact("Dr. Ines Wolff", .frau, "Dr.").addressName(language: .de) == "Frau Dr. Ines Wolff")
        #expect(throws: InputError.self) { try Salutation.parse("mx") }
        #expect(try Salutation.parse("none") == nil)
        #expect(try Salutation.parse("Frau") == .frau)
    }
}
