public import Foundation
public import KontorCore

/// An e-invoice someone sent us, read from XRechnung/EN 16931 XML (UN/CEFACT CII or OASIS UBL) or
/// from the XML inside a ZUGFeRD/Factur-X PDF, in a neutral form that can be printed for people.
///
/// Field comments name the EN 16931 business terms (BT-…). Amounts are exact ``DecimalAmount``s in
/// the document currency (BT-5). Create one with ``EInvoiceReader/read(data:fileName:)``; print it
/// with ``textReport(language:)``; check its sums with ``arithmeticWarnings``.
public struct ReceivedInvoice: Sendable, Equatable {
    /// The XML syntax the invoice was written in.
    public enum Syntax: String, Sendable, CaseIterable {
        /// UN/CEFACT Cross Industry Invoice (D16B), as in ZUGFeRD, Factur-X and XRechnung CII.
        case cii
        /// OASIS UBL 2.1 `Invoice` or `CreditNote`.
        case ubl
    }

    /// The syntax the invoice was read from.
    public var syntax: Syntax
    /// Invoice type code (BT-3, UNTDID 1001), e.g. "380" invoice, "381" credit note, "384"
    /// corrected invoice, "389" self-billed invoice.
    public var typeCode: String
    /// Whether the document is a credit note (UBL `CreditNote`, or a credit-note type code such as 381).
    public var isCreditNote: Bool
    /// Invoice number (BT-1).
    public var number: String
    /// Issue date (BT-2).
    public var issueDate: Day
    /// Payment due date (BT-9).
    public var dueDate: Day?
    /// Document currency (BT-5, ISO 4217).
    public var currency: String
    /// VAT accounting currency (BT-6), when it differs from the document currency.
    public var taxCurrency: String?
    /// Buyer reference (BT-10), in Germany usually the Leitweg-ID.
    public var buyerReference: String?
    /// Specification identifier (BT-24), e.g. `urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0`.
    public var specificationID: String?
    /// Business process (BT-23).
    public var businessProcess: String?
    /// Purchase order reference (BT-13).
    public var orderReference: String?
    /// Contract reference (BT-12).
    public var contractReference: String?
    /// Project reference (BT-11).
    public var projectReference: String?
    /// The seller (BG-4).
    public var seller: Party
    /// The buyer (BG-7).
    public var buyer: Party
    /// Payee name (BT-59), when someone other than the seller receives the payment.
    public var payeeName: String?
    /// Actual delivery date (BT-72).
    public var deliveryDate: Day?
    /// Invoicing (service) period (BG-14: BT-73, BT-74).
    public var servicePeriod: Period?
    /// Payment terms (BT-20), possibly several lines.
    public var paymentTerms: String?
    /// Remittance information to quote when paying (BT-83).
    public var paymentReference: String?
    /// Ways to pay (BG-16).
    public var paymentMeans: [PaymentMeans]
    /// Preceding invoices this one refers to (BG-3: BT-25, BT-26), e.g. the invoice a credit note corrects.
    public var precedingInvoices: [InvoiceReference]
    /// Invoice notes (BG-1: BT-21 subject code, BT-22 text).
    public var notes: [Note]
    /// Invoice lines (BG-25), in document order; sub-lines are nested in ``Line/subLines``.
    public var lines: [Line]
    /// Document-level allowances (BG-20) and charges (BG-21).
    public var allowancesAndCharges: [AllowanceCharge]
    /// VAT breakdown per category and rate (BG-23).
    public var vatBreakdown: [VATBreakdown]
    /// Document totals (BG-22).
    public var totals: Totals
    /// Payments to third parties collected with this invoice (XRechnung extension BG-DEX-09, UBL
    /// `cac:PrepaidPayment`); they are included in the amount due (BT-115).
    public var thirdPartyPayments: [ThirdPartyPayment]
    /// Additional supporting documents (BG-24), e.g. a timesheet PDF carried inside the XML.
    public var supportingDocuments: [SupportingDocument]

    /// An invoice; see the properties for what each parameter means.
    public init(
        syntax: Syntax, typeCode: String, isCreditNote: Bool, number: String, issueDate: Day, dueDate: Day? = nil,
        currency: String, taxCurrency: String? = nil, buyerReference: String? = nil, specificationID: String? = nil,
        businessProcess: String? = nil, orderReference: String? = nil, contractReference: String? = nil,
        projectReference: String? = nil, seller: Party, buyer: Party, payeeName: String? = nil,
        deliveryDate: Day? = nil, servicePeriod: Period? = nil, paymentTerms: String? = nil,
        paymentReference: String? = nil, paymentMeans: [PaymentMeans] = [], precedingInvoices: [InvoiceReference] = [],
        notes: [Note] = [], lines: [Line], allowancesAndCharges: [AllowanceCharge] = [],
        vatBreakdown: [VATBreakdown] = [], totals: Totals, thirdPartyPayments: [ThirdPartyPayment] = [],
        supportingDocuments: [SupportingDocument] = []
    ) {
        self.syntax = syntax
        self.typeCode = typeCode
        self.isCreditNote = isCreditNote
        self.number = number
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.currency = currency
        self.taxCurrency = taxCurrency
        self.buyerReference = buyerReference
        self.specificationID = specificationID
        self.businessProcess = businessProcess
        self.orderReference = orderReference
        self.contractReference = contractReference
        self.projectReference = projectReference
        self.seller = seller
        self.buyer = buyer
        self.payeeName = payeeName
        self.deliveryDate = deliveryDate
        self.servicePeriod = servicePeriod
        self.paymentTerms = paymentTerms
        self.paymentReference = paymentReference
        self.paymentMeans = paymentMeans
        self.precedingInvoices = precedingInvoices
        self.notes = notes
        self.lines = lines
        self.allowancesAndCharges = allowancesAndCharges
        self.vatBreakdown = vatBreakdown
        self.totals = totals
        self.thirdPartyPayments = thirdPartyPayments
        self.supportingDocuments = supportingDocuments
    }

    /// UNTDID 1001 codes that denote credit notes (EN 16931 allows 81, 83, 261, 262, 296, 308, 381, 396, 420, 458, 532).
    public static let creditNoteTypeCodes: Set<String> = [
        "81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "532",
    ]
}

extension ReceivedInvoice {
    /// A period of time; either end may be missing.
    public struct Period: Sendable, Equatable {
        /// First day (BT-73 / BT-134).
        public var start: Day?
        /// Last day (BT-74 / BT-135).
        public var end: Day?

        /// A period.
        /// - Parameters:
        ///   - start: First day, if given.
        ///   - end: Last day, if given.
        public init(start: Day?, end: Day?) {
            self.start = start
            self.end = end
        }
    }

    /// A reference to a preceding invoice (BG-3).
    public struct InvoiceReference: Sendable, Equatable {
        /// Its number (BT-25).
        public var number: String
        /// Its issue date (BT-26).
        public var issueDate: Day?

        /// A reference.
        /// - Parameters:
        ///   - number: The preceding invoice's number.
        ///   - issueDate: Its issue date, if given.
        public init(number: String, issueDate: Day? = nil) {
            self.number = number
            self.issueDate = issueDate
        }
    }

    /// An additional supporting document (BG-24): a reference, a link, or an embedded file.
    public struct SupportingDocument: Sendable, Equatable {
        /// Document reference (BT-122).
        public var reference: String
        /// Description (BT-123).
        public var description: String?
        /// External location (BT-124).
        public var uri: String?
        /// File name of the embedded file (BT-125-2).
        public var fileName: String?
        /// MIME type of the embedded file (BT-125-1), e.g. "application/pdf".
        public var mimeType: String?
        /// The embedded file's bytes (BT-125, decoded from base64).
        public var data: Data?

        /// A supporting document; see the properties for what each parameter means.
        public init(
            reference: String, description: String? = nil, uri: String? = nil, fileName: String? = nil,
            mimeType: String? = nil, data: Data? = nil
        ) {
            self.reference = reference
            self.description = description
            self.uri = uri
            self.fileName = fileName
            self.mimeType = mimeType
            self.data = data
        }
    }

    /// An invoice note (BG-1).
    public struct Note: Sendable, Equatable {
        /// Subject code (BT-21, UNTDID 4451), e.g. "AAK", "REG", "SUR".
        public var subjectCode: String?
        /// The text (BT-22).
        public var text: String

        /// A note.
        /// - Parameters:
        ///   - subjectCode: The subject code, if any.
        ///   - text: The note.
        public init(subjectCode: String? = nil, text: String) {
            self.subjectCode = subjectCode
            self.text = text
        }
    }
}
