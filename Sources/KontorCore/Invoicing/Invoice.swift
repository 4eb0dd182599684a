/// An invoice or cancellation invoice. A draft can change; once issued it is frozen for good
/// (the database refuses changes too) and can only be cancelled by a cancellation invoice.
public struct Invoice: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var customerId: Int64
    public var kind: InvoiceKind
    /// The invoice number, allocated when the invoice is issued.
    public var number: String?
    public var jobId: Int64?
    public var quoteId: Int64?
    /// For a cancellation invoice: the invoice it cancels.
    public var cancelsInvoiceId: Int64?
    public var cancelsNumber: String?
    public var draftedOn: Day
    public var issueDate: Day?
    public var serviceFrom: Day?
    public var serviceTo: Day?
    public var dueDate: Day?
    public var paymentTermDays: Int
    /// Whether the payment term was agreed beforehand (accepted quote): then default begins without a Mahnung
    /// after the due date, under § 286 Abs. 2 Nr. 2 BGB because the term is counted from the invoice date.
    public var termAgreed: Bool
    public var treatment: TaxTreatment
    public var loyaltyPercent: Int64
    public var language: Language
    public var lines: [DocumentLine]
    /// The recipient as it was on the issue date.
    public var buyer: Customer?
    /// The seller as it was on the issue date.
    public var seller: BusinessProfile?
    /// Money received on this invoice so far.
    public var paid: Money
    /// Whether a cancellation invoice cancels this one.
    public var isCancelled: Bool
    public var cancelledByNumber: String?
    /// Who issued it, when someone signed in to the web app did (nil at the machine).
    public var issuedBy: String?
    /// Who drafted it, when someone signed in to the web app did (nil at the machine): a writer may change only
    /// the drafts they drafted (`Role.mayChangeDraft`).
    public var draftedBy: String?

    /// Creates a draft or loads a stored invoice.
    public init(
        id: Int64 = 0, customerId: Int64, kind: InvoiceKind = .invoice, number: String? = nil, jobId: Int64? = nil,
        quoteId: Int64? = nil, cancelsInvoiceId: Int64? = nil, cancelsNumber: String? = nil, draftedOn: Day,
        issueDate: Day? = nil, serviceFrom: Day? = nil, serviceTo: Day? = nil, dueDate: Day? = nil,
        paymentTermDays: Int, termAgreed: Bool = false, treatment: TaxTreatment = .standard,
        loyaltyPercent: Int64 = 0, language: Language = .de, lines: [DocumentLine] = [], buyer: Customer? = nil,
        seller: BusinessProfile? = nil, paid: Money = .zero, isCancelled: Bool = false,
        cancelledByNumber: String? = nil, issuedBy: String? = nil, draftedBy: String? = nil
    ) {
        self.id = id
        self.customerId = customerId
        self.kind = kind
        self.number = number
        self.jobId = jobId
        self.quoteId = quoteId
        self.cancelsInvoiceId = cancelsInvoiceId
        self.cancelsNumber = cancelsNumber
        self.draftedOn = draftedOn
        self.issueDate = issueDate
        self.serviceFrom = serviceFrom
        self.serviceTo = serviceTo
        self.dueDate = dueDate
        self.paymentTermDays = paymentTermDays
        self.termAgreed = termAgreed
        self.treatment = treatment
        self.loyaltyPercent = loyaltyPercent
        self.language = language
        self.lines = lines
        self.buyer = buyer
        self.seller = seller
        self.paid = paid
        self.isCancelled = isCancelled
        self.cancelledByNumber = cancelledByNumber
        self.issuedBy = issuedBy
        self.draftedBy = draftedBy
    }

    /// Whether the invoice has a number and is frozen.
    public var isIssued: Bool { number != nil }

    /// The lines as they will be printed: for a draft the loyalty discount lines are previewed.
    public var effectiveLines: [DocumentLine] {
        isIssued ? lines : lines + LoyaltyDiscount.lines(for: lines, percent: loyaltyPercent, language: language)
    }

    /// The loyalty discount in percent when the invoice has a discount line (a draft: when it would get one on
    /// issue); nil otherwise. Anything that tells people about a discount asks this, not `loyaltyPercent`, which
    /// only records what the customer has earned (an empty draft earns it but has nothing to discount).
    public var discountPercent: Int64? {
        effectiveLines.contains(where: \.isDiscount) ? loyaltyPercent : nil
    }

    /// Net, VAT and gross.
    public var totals: InvoiceTotals { InvoiceTotals(taxBreakdown) }

    /// The one VAT breakdown that the PDF, the XML and the e-mail print.
    public var taxBreakdown: TaxBreakdown { TaxBreakdown(lines: effectiveLines, treatment: treatment) }

    /// What the customer still owes: nothing for drafts, cancelled invoices and cancellation invoices.
    public var openAmount: Money {
        guard isIssued else { return .zero }
        return InvoiceBalance.open(kind: kind, gross: totals.gross, paid: paid, isCancelled: isCancelled)
    }

    /// Money paid beyond the gross amount (kept as credit on the customer); all payments when cancelled.
    public var overpaid: Money {
        guard kind == .invoice else { return .zero }
        return isCancelled ? paid : max(.zero, paid - totals.gross)
    }

    /// The status shown to people and used in filters.
    public var status: InvoiceStatus {
        guard isIssued else { return .draft }
        return InvoiceBalance.status(kind: kind, gross: totals.gross, paid: paid, isCancelled: isCancelled)
    }

    /// When payment becomes late: the due date shifted by § 193 BGB in the buyer's state as it was on the
    /// issue date (nil for drafts).
    public var paymentDeadline: PaymentDeadline? {
        dueDate.map { PaymentDeadline(dueDate: $0, state: buyer?.address?.state) }
    }

    /// Open and past its last day to pay as of `today`.
    public func isOverdue(on today: Day) -> Bool {
        guard let paymentDeadline, openAmount.cents > 0 else { return false }
        return paymentDeadline.isOverdue(on: today)
    }

    /// Days past the last day to pay as of `today` (0 when not overdue).
    public func daysOverdue(on today: Day) -> Int {
        guard isOverdue(on: today), let paymentDeadline else { return 0 }
        return paymentDeadline.daysOverdue(on: today)
    }

    // MARK: - Issuing

    /// Freezes a draft: the number, issue date, service period, due date ("Zahlbar bis") and the discount
    /// lines become part of the invoice, and the recipient and seller are recorded as they are today.
    /// - Throws: `WorkflowError` when the draft is empty, already issued, or the law's fields are missing.
    public func issued(
        number: String, on day: Day, customer: Customer, profile: BusinessProfile
    ) throws(WorkflowError) -> Invoice {
        guard !isIssued else { throw .invoiceIssued(number: self.number!) }
        guard !lines.isEmpty else { throw .invoiceEmpty(id: id) }
        guard customer.address != nil else { throw .customerWithoutAddress(customerId: customer.id, name: customer.name) }
        if let missing = profile.missingInvoiceFields { throw .profileIncomplete(missing: missing) }
        if treatment == .reverseCharge {
            // § 14a Abs. 1 UStG: both parties' VAT IDs; the draft may predate a change to either.
            guard !(profile.vatId ?? "").isEmpty else { throw .reverseChargeWithoutSellerVATId }
            guard !(customer.vatId ?? "").isEmpty else {
                throw .reverseChargeWithoutBuyerVATId(customerId: customer.id, name: customer.name)
            }
        }
        var invoice = self
        invoice.lines = effectiveLines
        invoice.number = number
        invoice.issueDate = day
        invoice.serviceFrom = serviceFrom ?? day
        invoice.serviceTo = serviceTo ?? invoice.serviceFrom
        invoice.dueDate = day.adding(days: paymentTermDays)
        invoice.buyer = customer
        invoice.seller = profile
        invoice.language = customer.language
        return invoice
    }

    /// The cancellation invoice (Stornorechnung) for this issued invoice: the same lines with negated
    /// prices, its own number, and a reference to this invoice (§ 31 Abs. 5 UStDV).
    public func cancellation(number: String, on day: Day) throws(WorkflowError) -> Invoice {
        guard let originalNumber = self.number else { throw .invoiceNotIssued(id: id) }
        guard kind == .invoice else { throw .cancellationOfCancellation(number: originalNumber) }
        guard !isCancelled else { throw .invoiceCancelled(number: originalNumber) }
        var lines = self.lines
        for index in lines.indices { lines[index].unitPrice.tenThousandths.negate() }
        return Invoice(
            customerId: customerId, kind: .cancellation, number: number, jobId: jobId, quoteId: quoteId,
            cancelsInvoiceId: id, cancelsNumber: originalNumber, draftedOn: day, issueDate: day,
            serviceFrom: serviceFrom, serviceTo: serviceTo, dueDate: day, paymentTermDays: 0, treatment: treatment,
            loyaltyPercent: loyaltyPercent, language: language, lines: lines, buyer: buyer, seller: seller)
    }
}

/// An ordinary invoice (type code 380) or a cancellation invoice (381).
public enum InvoiceKind: String, NamedChoice, Codable {
    case invoice
    case cancellation
}

/// The states an invoice goes through, as filters on the command line name them.
public enum InvoiceStatus: String, NamedChoice, Codable {
    case draft
    case issued
    case partiallyPaid = "partially-paid"
    case paid
    case cancelled
}
