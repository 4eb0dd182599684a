extension ReceivedInvoice {
    /// An invoice line (BG-25), or a sub-line of the XRechnung extension.
    public struct Line: Sendable, Equatable {
        /// Line identifier (BT-126).
        public var id: String
        /// Item name (BT-153).
        public var name: String
        /// Item description (BT-154).
        public var description: String?
        /// Line note (BT-127).
        public var note: String?
        /// Seller's item identifier (BT-155).
        public var sellerItemID: String?
        /// Invoiced quantity (BT-129); always present on invoice lines, may be missing on sub-lines
        /// that only group others.
        public var quantity: DecimalAmount?
        /// Unit of measure (BT-130, UN/ECE Recommendation 20/21), e.g. "HUR", "C62".
        public var unitCode: String?
        /// Item net price (BT-146), for ``priceBaseQuantity`` units.
        public var netPrice: DecimalAmount?
        /// Item gross price before price discount (BT-148).
        public var grossPrice: DecimalAmount?
        /// Price base quantity (BT-149); the net price is for this many units (1 when absent).
        public var priceBaseQuantity: DecimalAmount?
        /// Line net amount (BT-131): quantity × price + line charges − line allowances.
        public var netAmount: DecimalAmount
        /// VAT category code (BT-151, UNCL 5305), e.g. "S", "Z", "E", "AE".
        public var vatCategory: String?
        /// VAT rate in percent (BT-152).
        public var vatRate: DecimalAmount?
        /// Line period (BG-26).
        public var period: Period?
        /// Line-level allowances (BG-27) and charges (BG-28).
        public var allowancesAndCharges: [AllowanceCharge]
        /// Sub-lines (XRechnung extension: UBL `SubInvoiceLine`, CII lines with a `ParentLineID`).
        /// They detail this line and are not counted again in the totals.
        public var subLines: [Line]

        /// A line; see the properties for what each parameter means.
        public init(
            id: String, name: String, description: String? = nil, note: String? = nil, sellerItemID: String? = nil,
            quantity: DecimalAmount?, unitCode: String? = nil, netPrice: DecimalAmount? = nil,
            grossPrice: DecimalAmount? = nil, priceBaseQuantity: DecimalAmount? = nil, netAmount: DecimalAmount,
            vatCategory: String? = nil, vatRate: DecimalAmount? = nil, period: Period? = nil,
            allowancesAndCharges: [AllowanceCharge] = [], subLines: [Line] = []
        ) {
            self.id = id
            self.name = name
            self.description = description
            self.note = note
            self.sellerItemID = sellerItemID
            self.quantity = quantity
            self.unitCode = unitCode
            self.netPrice = netPrice
            self.grossPrice = grossPrice
            self.priceBaseQuantity = priceBaseQuantity
            self.netAmount = netAmount
            self.vatCategory = vatCategory
            self.vatRate = vatRate
            self.period = period
            self.allowancesAndCharges = allowancesAndCharges
            self.subLines = subLines
        }
    }

    /// An allowance (discount) or charge (surcharge), on the document (BG-20/BG-21) or a line (BG-27/BG-28).
    public struct AllowanceCharge: Sendable, Equatable {
        /// `true` for a charge (added), `false` for an allowance (deducted).
        public var isCharge: Bool
        /// The amount (BT-92/BT-99, BT-136/BT-141), always positive.
        public var amount: DecimalAmount
        /// Base amount the percentage applies to (BT-93/BT-100).
        public var baseAmount: DecimalAmount?
        /// Percentage (BT-94/BT-101).
        public var percentage: DecimalAmount?
        /// Reason text (BT-97/BT-104).
        public var reason: String?
        /// Reason code (BT-98/BT-105, UNTDID 5189 or 7161).
        public var reasonCode: String?
        /// VAT category code of a document-level allowance or charge (BT-95/BT-102).
        public var vatCategory: String?
        /// VAT rate of a document-level allowance or charge (BT-96/BT-103).
        public var vatRate: DecimalAmount?

        /// An allowance or charge; see the properties for what each parameter means.
        public init(
            isCharge: Bool, amount: DecimalAmount, baseAmount: DecimalAmount? = nil, percentage: DecimalAmount? = nil,
            reason: String? = nil, reasonCode: String? = nil, vatCategory: String? = nil, vatRate: DecimalAmount? = nil
        ) {
            self.isCharge = isCharge
            self.amount = amount
            self.baseAmount = baseAmount
            self.percentage = percentage
            self.reason = reason
            self.reasonCode = reasonCode
            self.vatCategory = vatCategory
            self.vatRate = vatRate
        }
    }
}
