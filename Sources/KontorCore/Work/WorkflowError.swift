/// A step that the current state of a record does not allow; the message says what is possible instead.
public enum WorkflowError: Error, Sendable, Equatable, CustomStringConvertible {
    case jobTransition(id: Int64, from: JobStatus, to: JobStatus)
    case inquiryClosed(id: Int64, status: InquiryStatus)
    case quoteDecided(id: Int64, status: QuoteStatus)
    case quoteEmpty(id: Int64)
    case invoiceIssued(number: String)
    case invoiceNotIssued(id: Int64)
    case invoiceEmpty(id: Int64)
    case invoiceCancelled(number: String)
    case cancellationOfCancellation(number: String)
    case customerWithoutAddress(customerId: Int64, name: String)
    case profileIncomplete(missing: String)
    case invoicePaid(number: String)
    case nothingOpen(number: String)
    /// More than is owed (or anything on a paid or cancelled invoice) would become the customer's credit.
    case overpayment(number: String, owed: Money, amount: Money)
    case paymentNotReversible(id: Int64, kind: PaymentKind)
    case paymentAlreadyReversed(id: Int64)
    case creditTooSmall(customerId: Int64, available: Money, requested: Money)
    /// Deleting an accepted quote: it is the agreement behind its job.
    case quoteAccepted(id: Int64)
    /// Deleting a quote that an invoice or draft was made from (`invoice`: its number or "draft N").
    case quoteInvoiced(id: Int64, invoice: String)
    /// Editing a job the customer has accepted.
    case jobClosed(id: Int64)
    /// Issuing after a confirmation that showed another number than the one that is next now.
    case issueNumberChanged(confirmed: String, next: String)
    /// A reverse-charge invoice without the seller's VAT ID (§ 14a Abs. 1 UStG requires it).
    case reverseChargeWithoutSellerVATId
    /// A reverse-charge invoice to a customer without a VAT ID (§ 14a Abs. 1 UStG requires it).
    case reverseChargeWithoutBuyerVATId(customerId: Int64, name: String)
    /// Sending again a mail that is queued, being sent or sent: only failed or unknown ones can be.
    case mailNotRetryable(id: Int64, status: OutboxMessage.Status)
    /// A quote from an inquiry's proposal while the inquiry has no size: there is nothing to price yet.
    case inquiryWithoutSize(id: Int64)

    public var description: String {
        switch self {
        case let .jobTransition(id, from, to):
            return "Job \(id) is \(from.rawValue) and cannot become \(to.rawValue)."
        case let .inquiryClosed(id, status):
            return "Inquiry \(id) is already \(status.rawValue); it cannot be changed any more."
        case let .quoteDecided(id, status):
            return "Quote \(id) was already \(status.rawValue); create a new quote instead."
        case let .inquiryWithoutSize(id):
            return "Inquiry \(id) has no size yet, so there is nothing to price: ask for the scope, then add it with "
                + "'kontor inquiry edit \(id) --size … --unit …'."
        case let .quoteEmpty(id):
            return "Quote \(id) has no lines. Add one with 'kontor quote add-line \(id) …'."
        case let .invoiceIssued(number):
            return "Invoice \(number) is issued and can no longer be changed. "
                + "Correct it with 'kontor invoice cancel \(number)' and a new invoice."
        case let .invoiceNotIssued(id):
            return "Invoice draft \(id) is not issued yet. Issue it with 'kontor invoice issue \(id)'."
        case let .invoiceEmpty(id):
            return "Invoice draft \(id) has no lines. Add one with 'kontor invoice add-line \(id) …'."
        case let .invoiceCancelled(number):
            return "Invoice \(number) is cancelled."
        case let .cancellationOfCancellation(number):
            return "\(number) is a cancellation invoice itself and cannot be cancelled."
        case let .customerWithoutAddress(id, name):
            return "Customer \(id) (\(name)) has no postal address, which an invoice must show (§ 14 Abs. 4 UStG). "
                + "Add it with 'kontor customer edit \(id) --street … --postal-code … --city …'."
        case let .profileIncomplete(missing):
            return "The business profile lacks \(missing), which every invoice must show. "
                + "Set it with 'kontor profile set …'."
        case let .invoicePaid(number):
            return "Invoice \(number) is already paid in full."
        case let .nothingOpen(number):
            return "Invoice \(number) has nothing open."
        case let .overpayment(number, owed, amount):
            return "Invoice \(number) has \(owed.decimalString) open; \(amount.decimalString) would leave "
                + "\((amount - owed).decimalString) as the customer's credit. If the money really came, repeat with "
                + "--confirm-overpayment; the credit can then be applied to another invoice or refunded."
        case let .paymentNotReversible(id, kind):
            return "Payment \(id) is a \(kind.rawValue) entry itself; only payments received can be reversed."
        case let .paymentAlreadyReversed(id):
            return "Payment \(id) was already reversed."
        case let .creditTooSmall(customerId, available, requested):
            return "Customer \(customerId) has \(available.decimalString) credit, less than \(requested.decimalString)."
        case let .quoteAccepted(id):
            return "Quote \(id) was accepted and is the agreement behind its job; it cannot be deleted. "
                + "Change the job with 'kontor job edit …' instead."
        case let .quoteInvoiced(id, invoice):
            return invoice.hasPrefix("draft ")
                ? "Quote \(id) is the source of invoice \(invoice); delete that draft first with "
                    + "'kontor invoice delete \(invoice.dropFirst("draft ".count))'."
                : "Quote \(id) is the source of invoice \(invoice) and stays as its record; it cannot be deleted."
        case let .jobClosed(id):
            return "Job \(id) was accepted by the customer and is finished; it can no longer be changed."
        case let .issueNumberChanged(confirmed, next):
            return "The invoice was confirmed as \(confirmed), but the next number is \(next) by now. "
                + "Nothing was issued; check it and confirm again."
        case .reverseChargeWithoutSellerVATId:
            return "This is a reverse-charge invoice, which must show your VAT ID (USt-IdNr.) (§ 14a Abs. 1 UStG), "
                + "but the business profile has none. Set it with 'kontor profile set --vat-id DE…'; "
                + "nothing was issued."
        case let .reverseChargeWithoutBuyerVATId(id, name):
            return "This is a reverse-charge invoice, which must show the customer's VAT ID (§ 14a Abs. 1 UStG), "
                + "but customer \(id) (\(name)) has none. Add it with 'kontor customer edit \(id) --vat-id …'; "
                + "nothing was issued."
        case let .mailNotRetryable(id, status):
            return "Mail \(id) is \(status.rawValue); only failed mails and mails whose delivery is unknown can be "
                + "sent again ('kontor mail list')."
        }
    }
}
