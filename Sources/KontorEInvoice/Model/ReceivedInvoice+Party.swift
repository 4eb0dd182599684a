extension ReceivedInvoice {
    /// Seller (BG-4) or buyer (BG-7).
    public struct Party: Sendable, Equatable {
        /// Legal name (BT-27 / BT-44).
        public var name: String
        /// Trading name (BT-28 / BT-45), when different from the legal name.
        public var tradingName: String?
        /// Identifier (BT-29 / BT-46), e.g. the supplier or customer number.
        public var identifier: String?
        /// Legal registration identifier (BT-30 / BT-47), e.g. the commercial register number.
        public var legalRegistrationID: String?
        /// Additional legal information (BT-33), e.g. register court and managing directors.
        public var legalInformation: String?
        /// Street lines (BT-35, BT-36, BT-162 / BT-50, BT-51, BT-163).
        public var addressLines: [String]
        /// Post code (BT-38 / BT-53).
        public var postcode: String?
        /// City (BT-37 / BT-52).
        public var city: String?
        /// Region or state (BT-39 / BT-54).
        public var countrySubdivision: String?
        /// Country code (BT-40 / BT-55, ISO 3166-1 alpha-2).
        public var countryCode: String?
        /// VAT identifier (BT-31 / BT-48).
        public var vatID: String?
        /// Tax number (BT-32, "Steuernummer").
        public var taxNumber: String?
        /// Electronic address (BT-34 / BT-49), e.g. an e-mail address or a Leitweg-ID.
        public var electronicAddress: String?
        /// Scheme of the electronic address (BT-34-1 / BT-49-1), e.g. "EM" for e-mail, "0204" for a Leitweg-ID.
        public var electronicAddressScheme: String?
        /// Contact person (BG-6 / BG-9).
        public var contact: Contact?

        /// A party; see the properties for what each parameter means.
        public init(
            name: String, tradingName: String? = nil, identifier: String? = nil, legalRegistrationID: String? = nil,
            legalInformation: String? = nil, addressLines: [String] = [], postcode: String? = nil,
            city: String? = nil, countrySubdivision: String? = nil, countryCode: String? = nil, vatID: String? = nil,
            taxNumber: String? = nil, electronicAddress: String? = nil, electronicAddressScheme: String? = nil,
            contact: Contact? = nil
        ) {
            self.name = name
            self.tradingName = tradingName
            self.identifier = identifier
            self.legalRegistrationID = legalRegistrationID
            self.legalInformation = legalInformation
            self.addressLines = addressLines
            self.postcode = postcode
            self.city = city
            self.countrySubdivision = countrySubdivision
            self.countryCode = countryCode
            self.vatID = vatID
            self.taxNumber = taxNumber
            self.electronicAddress = electronicAddress
            self.electronicAddressScheme = electronicAddressScheme
            self.contact = contact
        }

        /// The electronic address when it is an e-mail address.
        public var email: String? {
            guard let electronicAddress, electronicAddressScheme == "EM" || electronicAddress.contains("@") else {
                return nil
            }
            return electronicAddress
        }

        /// Post code and city on one line, e.g. "10115 Berlin".
        public var cityLine: String? {
            let text = [postcode, city].compactMap { $0 }.joined(separator: " ")
            return text.isEmpty ? nil : text
        }
    }

    /// A contact person or department (BG-6 / BG-9).
    public struct Contact: Sendable, Equatable {
        /// Name of the person or department (BT-41 / BT-56).
        public var name: String?
        /// Telephone (BT-42 / BT-57).
        public var phone: String?
        /// E-mail (BT-43 / BT-58).
        public var email: String?

        /// A contact.
        /// - Parameters:
        ///   - name: Person or department.
        ///   - phone: Telephone number.
        ///   - email: E-mail address.
        public init(name: String? = nil, phone: String? = nil, email: String? = nil) {
            self.name = name
            self.phone = phone
            self.email = email
        }

        /// Whether nothing is known.
        public var isEmpty: Bool { name == nil && phone == nil && email == nil }
    }
}
