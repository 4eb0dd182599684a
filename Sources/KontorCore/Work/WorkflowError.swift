/// A step that the current state of a record does not allow; the message says what is possible instead.
public enum WorkflowError: Error, Sendable, Equatable, UserError {
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
    case profileIncomplete(missing: ProfileGap)
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
    case quoteInvoiced(id: Int64, invoice: RecordRef)
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
    /// A record of one customer named for another's (an invoice in a note, an inquiry for a quote).
    case belongsToAnotherCustomer(RecordRef)
    /// A reminder that was already sent or skipped.
    case reminderDecided(id: Int64, status: DunningLetterStatus)
    /// Only the hand-over step has a dossier.
    case noDossier(id: Int64)
    /// The hand-over is not sent to the debtor.
    case handoverNotMailed(id: Int64)
    /// A bank entry that is not waiting in the review queue.
    case bankEntryNotInReview(id: Int64, status: BankEntryStatus)
    case cancellationTakesNoPayments(number: String)
    /// Only issued, uncancelled invoices take payments.
    case notPayable(reference: String)
    /// An imported mail's suggestion was taken over already.
    case suggestionTaken
    /// Mail to a customer without an e-mail address.
    case customerWithoutEmail(customerId: Int64, name: String)
    /// A quote or draft made from another record of its customer keeps that customer.
    case customerFixed(RecordRef, source: RecordRef)
}
