extension ReceivedInvoice {
    /// One way to pay (BG-16 with BG-17 credit transfer, BG-18 card, BG-19 direct debit).
    public struct PaymentMeans: Sendable, Equatable {
        /// Payment means code (BT-81, UNTDID 4461), e.g. "58" SEPA credit transfer, "59" SEPA direct debit.
        public var code: String
        /// Payment means text (BT-82).
        public var text: String?
        /// Payee account (BT-84): an IBAN, or another account identifier.
        public var accountID: String?
        /// Account name (BT-85).
        public var accountName: String?
        /// Payment service provider, usually a BIC (BT-86).
        public var bic: String?
        /// Last digits of a payment card (BT-87).
        public var cardNumber: String?
        /// Direct debit mandate reference (BT-89).
        public var mandateReference: String?
        /// Creditor identifier for a direct debit (BT-90).
        public var creditorID: String?
        /// Account that will be debited (BT-91).
        public var debitedAccountID: String?

        /// Payment means; see the properties for what each parameter means.
        public init(
            code: String, text: String? = nil, accountID: String? = nil, accountName: String? = nil,
            bic: String? = nil, cardNumber: String? = nil, mandateReference: String? = nil,
            creditorID: String? = nil, debitedAccountID: String? = nil
        ) {
            self.code = code
            self.text = text
            self.accountID = accountID
            self.accountName = accountName
            self.bic = bic
            self.cardNumber = cardNumber
            self.mandateReference = mandateReference
            self.creditorID = creditorID
            self.debitedAccountID = debitedAccountID
        }
    }

    /// VAT for one category and rate (BG-23).
    public struct VATBreakdown: Sendable, Equatable {
        /// VAT category code (BT-118, UNCL 5305).
        public var category: String
        /// VAT rate in percent (BT-119); absent for category "O".
        public var rate: DecimalAmount?
        /// Taxable amount (BT-116).
        public var taxableAmount: DecimalAmount
        /// VAT amount (BT-117).
        public var taxAmount: DecimalAmount
        /// Exemption reason text (BT-120).
        public var exemptionReason: String?
        /// Exemption reason code (BT-121, VATEX).
        public var exemptionReasonCode: String?

        /// A VAT breakdown; see the properties for what each parameter means.
        public init(
            category: String, rate: DecimalAmount?, taxableAmount: DecimalAmount, taxAmount: DecimalAmount,
            exemptionReason: String? = nil, exemptionReasonCode: String? = nil
        ) {
            self.category = category
            self.rate = rate
            self.taxableAmount = taxableAmount
            self.taxAmount = taxAmount
            self.exemptionReason = exemptionReason
            self.exemptionReasonCode = exemptionReasonCode
        }
    }

    /// A payment to a third party collected with the invoice (XRechnung extension BG-DEX-09).
    public struct ThirdPartyPayment: Sendable, Equatable {
        /// Type of the payment (BT-DEX-001).
        public var type: String?
        /// Amount (BT-DEX-002), added to the amount due.
        public var amount: DecimalAmount
        /// Description (BT-DEX-003).
        public var description: String?

        /// A third-party payment.
        /// - Parameters:
        ///   - type: Type of the payment.
        ///   - amount: Amount.
        ///   - description: Description.
        public init(type: String? = nil, amount: DecimalAmount, description: String? = nil) {
            self.type = type
            self.amount = amount
            self.description = description
        }
    }

    /// Document totals (BG-22).
    public struct Totals: Sendable, Equatable {
        /// Sum of line net amounts (BT-106).
        public var lineTotal: DecimalAmount
        /// Sum of document-level allowances (BT-107).
        public var allowanceTotal: DecimalAmount?
        /// Sum of document-level charges (BT-108).
        public var chargeTotal: DecimalAmount?
        /// Total without VAT (BT-109).
        public var taxExclusive: DecimalAmount
        /// Total VAT in the document currency (BT-110).
        public var vatTotal: DecimalAmount?
        /// Total VAT in the VAT accounting currency (BT-111).
        public var vatTotalInTaxCurrency: DecimalAmount?
        /// Total with VAT, the grand total (BT-112).
        public var grandTotal: DecimalAmount
        /// Amount already paid (BT-113).
        public var prepaid: DecimalAmount?
        /// Rounding amount (BT-114).
        public var rounding: DecimalAmount?
        /// Amount due for payment (BT-115).
        public var duePayable: DecimalAmount

        /// Totals; see the properties for what each parameter means.
        public init(
            lineTotal: DecimalAmount, allowanceTotal: DecimalAmount? = nil, chargeTotal: DecimalAmount? = nil,
            taxExclusive: DecimalAmount, vatTotal: DecimalAmount? = nil, vatTotalInTaxCurrency: DecimalAmount? = nil,
            grandTotal: DecimalAmount, prepaid: DecimalAmount? = nil, rounding: DecimalAmount? = nil,
            duePayable: DecimalAmount
        ) {
            self.lineTotal = lineTotal
            self.allowanceTotal = allowanceTotal
            self.chargeTotal = chargeTotal
            self.taxExclusive = taxExclusive
            self.vatTotal = vatTotal
            self.vatTotalInTaxCurrency = vatTotalInTaxCurrency
            self.grandTotal = grandTotal
            self.prepaid = prepaid
            self.rounding = rounding
            self.duePayable = duePayable
        }
    }
}
