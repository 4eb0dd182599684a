public import KontorCore
import Foundation
import KontorDocuments

/// Which fields of an open quote to change; nil leaves a field as it is.
public struct QuoteEdit: Sendable, Hashable {
    public var title: String?
    public var customerId: Int64?
    public var validUntil: Day?
    public var paymentTermDays: Int?
    public var includedRevisions: Int?
    /// The promised delivery day of the whole work.
    public var deliveryDate: Day?
    /// The promised day of a first part.
    public var firstPartDate: Day?

    /// Creates an edit; all fields are optional.
    public init(
        title: String? = nil, customerId: Int64? = nil, validUntil: Day? = nil, paymentTermDays: Int? = nil,
        includedRevisions: Int? = nil, deliveryDate: Day? = nil, firstPartDate: Day? = nil
    ) {
        self.deliveryDate = deliveryDate
        self.firstPartDate = firstPartDate
        self.title = title
        self.customerId = customerId
        self.validUntil = validUntil
        self.paymentTermDays = paymentTermDays
        self.includedRevisions = includedRevisions
    }

    /// Whether the edit names no field at all.
    public var isEmpty: Bool {
        title == nil && customerId == nil && validUntil == nil && paymentTermDays == nil && includedRevisions == nil
            && deliveryDate == nil && firstPartDate == nil
    }
}

/// Which fields of an invoice draft to change; nil leaves a field as it is.
public struct DraftEdit: Sendable, Hashable {
    public var customerId: Int64?
    /// The service date, or the first day of the service period.
    public var serviceFrom: Day?
    /// The last day of the service period (with the draft's `serviceFrom` when that is not given).
    public var serviceTo: Day?
    public var paymentTermDays: Int?

    /// Creates an edit; all fields are optional.
    public init(customerId: Int64? = nil, serviceFrom: Day? = nil, serviceTo: Day? = nil, paymentTermDays: Int? = nil) {
        self.customerId = customerId
        self.serviceFrom = serviceFrom
        self.serviceTo = serviceTo
        self.paymentTermDays = paymentTermDays
    }

    /// Whether the edit names no field at all.
    public var isEmpty: Bool { customerId == nil && serviceFrom == nil && serviceTo == nil && paymentTermDays == nil }
}

/// Which fields of a job to change; nil leaves a field as it is.
public struct JobEdit: Sendable, Hashable {
    public var title: String?
    public var deadline: Day?
    public var effortHours: Quantity?

    /// Creates an edit; all fields are optional.
    public init(title: String? = nil, deadline: Day? = nil, effortHours: Quantity? = nil) {
        self.title = title
        self.deadline = deadline
        self.effortHours = effortHours
    }

    /// Whether the edit names no field at all.
    public var isEmpty: Bool { title == nil && deadline == nil && effortHours == nil }
}

/// Which fields of an inquiry to change; nil leaves a field as it is, an empty note removes the note.
public struct InquiryEdit: Sendable, Hashable {
    public var subject: String?
    public var channel: InquiryChannel?
    /// The expected size; alone it keeps the unit (words when there was no size).
    public var sizeQuantity: Quantity?
    /// The unit of the expected size; alone it needs a size that is there already.
    public var sizeUnit: BillingUnit?
    public var wishedDeadline: Day?
    public var note: String?
    /// The person who asked; an empty name removes the contact (and its salutation and title).
    public var contact: InquiryContact?

    /// Creates an edit; all fields are optional.
    public init(
        subject: String? = nil, channel: InquiryChannel? = nil, sizeQuantity: Quantity? = nil,
        sizeUnit: BillingUnit? = nil, wishedDeadline: Day? = nil, note: String? = nil, contact: InquiryContact? = nil
    ) {
        self.contact = contact
        self.subject = subject
        self.channel = channel
        self.sizeQuantity = sizeQuantity
        self.sizeUnit = sizeUnit
        self.wishedDeadline = wishedDeadline
        self.note = note
    }

    /// Whether the edit names no field at all.
    public var isEmpty: Bool {
        subject == nil && channel == nil && sizeQuantity == nil && sizeUnit == nil && wishedDeadline == nil
            && note == nil && contact == nil
    }
}

/// What deleting a quote did: the quote as it was, and its inquiry when that went back to `answered`.
public struct QuoteDeletion: Sendable {
    public var quote: Quote
    public var reopenedInquiry: Inquiry?
}

/// Everything before issue is a draft: open quotes, invoice drafts, jobs that are not finished and inquiries that
/// are not closed can be corrected. Issued invoices are not here: they are only ever cancelled.
extension Kontor {
    // MARK: - Quotes

    /// Changes the fields of an open quote. A new customer gets the loyalty discount their paid invoices earn.
    public func editQuote(id: Int64, _ edit: QuoteEdit) async throws -> Quote {
        guard !edit.isEmpty else {
            throw InputError.missing(
                what: .change,
                fix: "--title, --customer, --valid-until, --payment-term, --revisions, --delivery or --first-part")
        }
        return try await changeOpenQuote(id) { book, quote in
            if let title = edit.title { quote.title = title }
            if let day = edit.deliveryDate { quote.deliveryDate = day }
            if let day = edit.firstPartDate { quote.firstPartDate = day }
            if let validUntil = edit.validUntil { quote.validUntil = validUntil }
            if let days = edit.paymentTermDays { quote.paymentTermDays = days }
            if let revisions = edit.includedRevisions { quote.includedRevisions = revisions }
            if let customerId = edit.customerId, customerId != quote.customerId {
                _ = try book.requireCustomer(customerId)
                if let inquiryId = quote.inquiryId {
                    throw WorkflowError.customerFixed(.quote(id), source: .inquiry(inquiryId))
                }
                quote.customerId = customerId
                let profile = try book.requireProfile()
                quote.loyaltyPercent = profile.loyalty.percent(
                    forPaidInvoices: try book.paidInvoiceCount(customerId: customerId))
            }
            try quote.validateTerms()
        }
    }

    /// Changes the line at `position` (1-based, as shown) of an open quote.
    public func editQuoteLine(quoteId: Int64, position: Int, _ change: LineChange) async throws -> Quote {
        try await changeOpenQuote(quoteId) { _, quote in
            try DraftLines.edit(&quote.lines, at: position, change)
            try DocumentFonts.requirePrintable(DocumentFonts.fields(of: quote.lines))
        }
    }

    /// Removes the line at `position` of an open quote.
    public func removeQuoteLine(quoteId: Int64, position: Int) async throws -> Quote {
        try await changeOpenQuote(quoteId) { _, quote in
            try DraftLines.remove(&quote.lines, at: position)
        }
    }

    /// Moves the line at `position` of an open quote to position `target`.
    public func moveQuoteLine(quoteId: Int64, position: Int, to target: Int) async throws -> Quote {
        try await changeOpenQuote(quoteId) { _, quote in
            try DraftLines.move(&quote.lines, from: position, to: target)
        }
    }

    /// Deletes an open or declined quote. An accepted quote is the agreement behind its job and stays, as does one
    /// that an invoice was made from. An inquiry that became `quoted` through it and has no other quote goes back
    /// to `answered`: the customer did get an answer, just no offer that still stands.
    public func deleteQuote(id: Int64) async throws -> QuoteDeletion {
        try await store.write { book in
            let quote = try book.requireQuote(id)
            guard quote.status != .accepted else { throw WorkflowError.quoteAccepted(id: id) }
            if let invoice = try book.invoices(InvoiceQuery(customerId: quote.customerId))
                .first(where: { $0.quoteId == id })
            {
                throw WorkflowError.quoteInvoiced(
                    id: id, invoice: invoice.number.map(RecordRef.invoice) ?? .invoiceDraft(invoice.id))
            }
            var reopened: Inquiry?
            if let inquiryId = quote.inquiryId {
                var inquiry = try book.requireInquiry(inquiryId)
                let others = try book.quotes(customerId: inquiry.customerId)
                    .contains { $0.inquiryId == inquiryId && $0.id != id }
                if inquiry.status == .quoted && !others {
                    inquiry.status = .answered
                    try book.update(inquiry: inquiry)
                    reopened = inquiry
                }
            }
            try book.deleteQuote(id: id)
            return QuoteDeletion(quote: quote, reopenedInquiry: reopened)
        }
    }

    private func changeOpenQuote(
        _ id: Int64, _ change: @escaping @Sendable (any BookWriter, inout Quote) throws -> Void
    ) async throws -> Quote {
        try await store.write { book in
            var quote = try book.requireQuote(id)
            guard quote.status == .open else { throw WorkflowError.quoteDecided(id: id, status: quote.status) }
            try change(book, &quote)
            try book.update(quote: quote)
            return quote
        }
    }

    // MARK: - Invoice drafts

    /// Changes the fields of a draft. Another customer is only possible for a draft with free lines (one made from
    /// a job or quote belongs to that customer); it brings that customer's tax treatment and language, and a
    /// discount the draft had is recomputed for the new customer.
    public func editDraft(_ reference: String, _ edit: DraftEdit) async throws -> Invoice {
        guard !edit.isEmpty else {
            throw InputError.missing(what: .change, fix: "--customer, --service-from, --service-to or --payment-term")
        }
        if let days = edit.paymentTermDays { try PaymentTerm.check(days) }
        return try await changeUnissued(reference) { book, draft in
            if let from = edit.serviceFrom {
                draft.serviceFrom = from
                if edit.serviceTo == nil { draft.serviceTo = from }
            }
            if let to = edit.serviceTo {
                guard let from = draft.serviceFrom else {
                    throw InputError.missing(what: .serviceDate, fix: "--service-from")
                }
                guard to >= from else {
                    throw InputError.endsBeforeStart(what: .servicePeriod)
                }
                draft.serviceTo = to
            }
            if let days = edit.paymentTermDays { draft.paymentTermDays = days }
            if let customerId = edit.customerId, customerId != draft.customerId {
                let customer = try book.requireCustomer(customerId)
                if let source = draft.jobId.map(RecordRef.job) ?? draft.quoteId.map(RecordRef.quote) {
                    throw WorkflowError.customerFixed(.invoiceDraft(draft.id), source: source)
                }
                let profile = try book.requireProfile()
                draft.customerId = customer.id
                draft.treatment = TaxTreatment.determine(mode: profile.taxMode, customer: customer)
                draft.language = customer.language
                if draft.loyaltyPercent > 0 {
                    draft.loyaltyPercent = profile.loyalty.percent(
                        forPaidInvoices: try book.paidInvoiceCount(customerId: customer.id))
                }
            }
        }
    }

    /// Changes the line at `position` (1-based, as shown) of a draft.
    public func editInvoiceLine(_ reference: String, position: Int, _ change: LineChange) async throws -> Invoice {
        try await changeUnissued(reference) { _, draft in
            try DraftLines.edit(&draft.lines, at: position, change)
            try DocumentFonts.requirePrintable(DocumentFonts.fields(of: draft.lines))
        }
    }

    /// Removes the line at `position` of a draft.
    public func removeInvoiceLine(_ reference: String, position: Int) async throws -> Invoice {
        try await changeUnissued(reference) { _, draft in
            try DraftLines.remove(&draft.lines, at: position)
        }
    }

    /// Moves the line at `position` of a draft to position `target`.
    public func moveInvoiceLine(_ reference: String, position: Int, to target: Int) async throws -> Invoice {
        try await changeUnissued(reference) { _, draft in
            try DraftLines.move(&draft.lines, from: position, to: target)
        }
    }

    /// Deletes a draft. It has no number yet, so the number series keeps no gap; an issued invoice is refused
    /// (it can only be cancelled).
    public func deleteDraft(_ reference: String) async throws -> Invoice {
        try await store.write { book in
            let draft = try book.requireChangeableDraft(reference)
            try book.deleteDraft(id: draft.id)
            return draft
        }
    }

    /// The draft as it would be issued on `day`, with the number it would get, without taking that number: the
    /// confirmation before issuing. Throws what issuing would throw (no lines, no address, …).
    public func issuePreview(_ reference: String, on day: Day) async throws -> Invoice {
        try await store.read { book in
            let draft = try book.requireInvoice(reference)
            if let number = draft.number { throw WorkflowError.invoiceIssued(number: number) }
            let profile = try book.requireProfile()
            let customer = try book.requireCustomer(draft.customerId)
            let series = profile.numberFormat.series(for: day)
            let number = profile.numberFormat.number(counter: try book.numberCounter(series: series) + 1, on: day)
            return try draft.issued(number: number, on: day, customer: customer, profile: profile)
        }
    }

    private func changeUnissued(
        _ reference: String, _ change: @escaping @Sendable (any BookWriter, inout Invoice) throws -> Void
    ) async throws -> Invoice {
        try await store.write { book in
            var draft = try book.requireChangeableDraft(reference)
            try change(book, &draft)
            try book.update(draft: draft)
            return draft
        }
    }

    // MARK: - Jobs and inquiries

    /// Changes a job that the customer has not accepted yet. A changed deadline is recorded with the old and the
    /// new day, so that the customer's timeline shows it.
    public func editJob(id: Int64, _ edit: JobEdit, on day: Day) async throws -> Job {
        guard !edit.isEmpty else {
            throw InputError.missing(what: .change, fix: "--title, --deadline or --effort")
        }
        return try await store.write { book in
            var job = try book.requireJob(id)
            guard job.isEditable else { throw WorkflowError.jobClosed(id: id) }
            let previous = job.deadline
            if let title = edit.title { job.title = title }
            if let effort = edit.effortHours { job.effortHours = effort }
            if let deadline = edit.deadline { job.deadline = deadline }
            try job.validateTerms()
            try book.update(job: job)
            if let deadline = edit.deadline, deadline != previous {
                try book.insert(deadlineChange: DeadlineChange(
                    jobId: id, customerId: job.customerId, changedOn: day, previous: previous, deadline: deadline))
            }
            return job
        }
    }

    /// Changes an inquiry that is not won or lost yet.
    public func editInquiry(id: Int64, _ edit: InquiryEdit) async throws -> Inquiry {
        guard !edit.isEmpty else {
            throw InputError.missing(
                what: .change,
                fix: "--subject, --channel, --size, --unit, --deadline, --note or --contact")
        }
        return try await store.write { book in
            var inquiry = try book.requireInquiry(id)
            guard inquiry.isEditable else { throw WorkflowError.inquiryClosed(id: id, status: inquiry.status) }
            if let subject = edit.subject { inquiry.subject = subject }
            if let channel = edit.channel { inquiry.channel = channel }
            if let quantity = edit.sizeQuantity {
                inquiry.size = WorkSize(quantity: quantity, unit: edit.sizeUnit ?? inquiry.size?.unit ?? .word)
            } else if let unit = edit.sizeUnit {
                guard inquiry.size != nil else {
                    throw InputError.missing(what: .size, fix: "--size together with --unit")
                }
                inquiry.size?.unit = unit
            }
            if let deadline = edit.wishedDeadline { inquiry.wishedDeadline = deadline }
            if let contact = edit.contact {
                try DocumentFonts.requirePrintable([
                    ("contact person", contact.person), ("academic title", contact.academicTitle),
                ])
                let empty = contact.person.isEmpty
                inquiry.contactPerson = empty ? nil : contact.person
                inquiry.salutation = empty ? nil : contact.salutation
                inquiry.academicTitle = empty ? nil : contact.academicTitle
            }
            if let note = edit.note {
                inquiry.note = note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : note
            }
            try inquiry.validateTerms()
            try book.update(inquiry: inquiry)
            return inquiry
        }
    }
}
