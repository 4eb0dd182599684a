public import KontorCore
import Foundation
import KontorDocuments

/// What a new invoice draft starts from.
public enum DraftSource: Sendable {
    /// The lines of the job's quote (if any) and the job's delivery date as service date.
    case job(Int64)
    /// The lines and payment term of an accepted quote.
    case quote(Int64)
    /// No lines yet: free lines follow with `addInvoiceLine`.
    case customer(Int64)
}

/// A new draft and what Kontor put on it beyond the quote's lines, for the message to the user.
public struct DraftedInvoice: Sendable {
    public var invoice: Invoice
    /// Revision rounds beyond the included ones that got a line (from a job).
    public var extraRevisionRounds: Int
    /// The rate card's price per extra round on that line; 0 means the user has to set it.
    public var revisionPrice: UnitPrice
}

extension Kontor {
    /// Creates a draft. The loyalty discount that the customer's paid invoices earn is recorded on the draft
    /// and becomes its own line(s) when the invoice is issued; `discount: false` leaves it out.
    public func draftInvoice(from source: DraftSource, on day: Day, discount: Bool = true) async throws -> Invoice {
        try await prepareDraft(from: source, on: day, discount: discount).invoice
    }

    /// Creates a draft as `draftInvoice` does and says what was added: from a job, its revision rounds beyond the
    /// included ones become a line at the rate card's price per round.
    public func prepareDraft(from source: DraftSource, on day: Day, discount: Bool = true) async throws
        -> DraftedInvoice
    {
        try Self.authorize(.editInvoiceDrafts)
        let drafter = BookActor.signedInName
        return try await store.write { book in
            let profile = try book.requireProfile()
            var lines: [DocumentLine] = []
            var extraRounds = 0
            var sourceJob: Job?
            var customerId: Int64
            var jobId: Int64?
            var quote: Quote?
            var serviceDay: Day?
            switch source {
            case let .customer(id):
                customerId = try book.requireCustomer(id).id
            case let .quote(id):
                quote = try book.requireQuote(id)
                customerId = quote!.customerId
            case let .job(id):
                let job = try book.requireJob(id)
                sourceJob = job
                customerId = job.customerId
                jobId = job.id
                serviceDay = job.deliveredOn
                if let quoteId = job.quoteId { quote = try book.requireQuote(quoteId) }
            }
            if let quote { lines = quote.lines }
            let customer = try book.requireCustomer(customerId)
            let revisionPrice = profile.effectiveRateCard.pricePerRevision
            if let job = sourceJob, let line = job.extraRevisionLine(price: revisionPrice, language: customer.language) {
                lines.append(line)
                extraRounds = job.billableRevisionCount
            }
            // An accepted quote's discount was agreed; otherwise the policy decides now.
            let percent = !discount ? 0 : quote?.status == .accepted ? quote!.loyaltyPercent
                : profile.loyalty.percent(forPaidInvoices: try book.paidInvoiceCount(customerId: customerId))
            let draft = Invoice(
                customerId: customerId, jobId: jobId, quoteId: quote?.id, draftedOn: day, serviceFrom: serviceDay,
                serviceTo: serviceDay, paymentTermDays: quote?.paymentTermDays ?? profile.paymentTermDays,
                termAgreed: quote?.status == .accepted,
                treatment: TaxTreatment.determine(mode: profile.taxMode, customer: customer), loyaltyPercent: percent,
                language: customer.language, lines: lines, draftedBy: drafter)
            return DraftedInvoice(
                invoice: try book.insert(draft: draft), extraRevisionRounds: extraRounds, revisionPrice: revisionPrice)
        }
    }

    /// Adds a line to a draft.
    public func addInvoiceLine(_ reference: String, line: DocumentLine) async throws -> Invoice {
        try line.validate()
        try DocumentFonts.requirePrintable(DocumentFonts.fields(of: [line]))
        return try await changeDraft(reference) { $0.lines.append(line) }
    }

    /// Sets the service date or period of a draft (§ 14 Abs. 4 Nr. 6 UStG).
    public func setServicePeriod(_ reference: String, from: Day, to: Day?) async throws -> Invoice {
        if let to, to < from {
            throw InputError.endsBeforeStart(what: .servicePeriod)
        }
        return try await changeDraft(reference) { draft in
            draft.serviceFrom = from
            draft.serviceTo = to ?? from
        }
    }

    /// Changes a draft's payment term.
    public func setPaymentTerm(_ reference: String, days: Int) async throws -> Invoice {
        try PaymentTerm.check(days)
        return try await changeDraft(reference) { $0.paymentTermDays = days }
    }

    private func changeDraft(
        _ reference: String, _ change: @escaping @Sendable (inout Invoice) throws -> Void
    ) async throws -> Invoice {
        try await store.write { book in
            var invoice = try book.requireChangeableDraft(reference)
            try change(&invoice)
            try book.update(draft: invoice)
            return invoice
        }
    }

    /// One invoice by number or draft id.
    public func invoice(_ reference: String) async throws -> Invoice {
        try await store.read { try $0.requireInvoice(reference) }
    }

    /// Invoices matching the query, newest first.
    public func invoices(_ query: InvoiceQuery) async throws -> [Invoice] {
        try await store.read { try $0.invoices(query) }
    }

    /// One page (numbered from 1) of the invoices a query finds, newest first, with their customers' names and
    /// the count and open sum of all of them.
    public func invoicePage(_ query: InvoiceQuery, page: Int, size: Int) async throws -> InvoiceListSlice {
        var pageQuery = query
        pageQuery.limit = max(size, 1)
        pageQuery.offset = max(page - 1, 0) * max(size, 1)
        let paged = pageQuery
        return try await store.read { book in
            let invoices = try book.invoices(paged)
            let whole = try book.invoiceCount(query)
            return InvoiceListSlice(
                invoices: invoices, customerNames: try book.customerNames(ids: Set(invoices.map(\.customerId))),
                total: whole.count, open: whole.open, page: max(page, 1), size: max(size, 1))
        }
    }

    /// Issues a draft: allocates the next number of its series in the same transaction (unique and gapless),
    /// fixes issue date, service period and due date, computes the totals and freezes the invoice.
    /// - Parameter expected: the number a person confirmed (the web app's confirmation page); when another number
    ///   is next by now, nothing is issued and `WorkflowError.issueNumberChanged` says which.
    public func issueInvoice(
        _ reference: String, on day: Day, expecting expected: String? = nil
    ) async throws -> Invoice {
        try Self.authorize(.issueInvoice)
        let issuer = BookActor.signedInName
        return try await store.write { book in
            let draft = try book.requireInvoice(reference)
            if let number = draft.number { throw WorkflowError.invoiceIssued(number: number) }
            let profile = try book.requireProfile()
            let customer = try book.requireCustomer(draft.customerId)
            // Check everything before a number is taken, so that a refused issue leaves no gap.
            _ = try draft.issued(number: "check", on: day, customer: customer, profile: profile)
            // The PDF and the XML must say the same: text the fonts cannot draw is refused before a number is
            // taken (records typed before this check existed may still hold some).
            try DocumentFonts.requirePrintable(
                DocumentFonts.fields(of: customer) + DocumentFonts.fields(of: profile)
                    + DocumentFonts.fields(of: draft.lines))
            let counter = try book.nextCounter(series: profile.numberFormat.series(for: day))
            let number = profile.numberFormat.number(counter: counter, on: day)
            if let expected, expected != number {
                // Thrown inside the transaction: the counter goes back, the draft stays a draft.
                throw WorkflowError.issueNumberChanged(confirmed: expected, next: number)
            }
            var invoice = try draft.issued(number: number, on: day, customer: customer, profile: profile)
            invoice.issuedBy = issuer
            try book.recordIssue(of: invoice)
            try book.promote(customerId: customer.id, to: .new)
            return invoice
        }
    }

    /// Cancels an issued invoice with a cancellation invoice (own number, negated lines, reference).
    public func cancelInvoice(_ reference: String, on day: Day) async throws -> Invoice {
        try Self.authorize(.issueInvoice)
        let issuer = BookActor.signedInName
        return try await store.write { book in
            let original = try book.requireInvoice(reference)
            guard original.isIssued else { throw WorkflowError.invoiceNotIssued(id: original.id) }
            let profile = try book.requireProfile()
            _ = try original.cancellation(number: "check", on: day)
            let counter = try book.nextCounter(series: profile.numberFormat.series(for: day))
            let number = profile.numberFormat.number(counter: counter, on: day)
            var issued = try original.cancellation(number: number, on: day)
            issued.issuedBy = issuer
            let cancellation = try book.insert(issued: issued)
            try book.markCancelled(invoiceId: original.id, byNumber: number)
            return cancellation
        }
    }
}

/// A page of an invoice list.
public struct InvoiceListSlice: Sendable {
    public var invoices: [Invoice]
    public var customerNames: [Int64: String]
    /// Invoices in the whole list, and the money open on them.
    public var total: Int
    public var open: Money
    public var page: Int
    public var size: Int

    /// The number of pages of the whole list (at least 1).
    public var pageCount: Int { max(1, (total + size - 1) / size) }
}

extension Kontor {
    /// A number that changes whenever anything in the book changed, also by another process.
    public func bookVersion() async throws -> Int64 {
        try await store.read { try $0.bookVersion() }
    }
}
