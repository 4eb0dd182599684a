public import KontorCore
import Foundation
import KontorDocuments

extension Kontor {
    /// Creates an open quote for a customer (lines follow with `addQuoteLine`).
    public func addQuote(
        customerId: Int64, inquiryId: Int64?, title: String, on day: Day, validUntil: Day?, paymentTermDays: Int?,
        includedRevisions: Int = 2, deliveryDate: Day? = nil, firstPartDate: Day? = nil
    ) async throws -> Quote {
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw InputError.missing(what: .quoteTitle, fix: "--title")
        }
        guard includedRevisions >= 0 else { throw InputError.negative(what: .numberOfRevisions, text: "\(includedRevisions)") }
        if let paymentTermDays { try PaymentTerm.check(paymentTermDays) }
        let creator = BookActor.signedInName
        return try await store.write { book in
            let profile = try book.requireProfile()
            _ = try book.requireCustomer(customerId)
            if let inquiryId {
                var inquiry = try book.requireInquiry(inquiryId)
                guard inquiry.customerId == customerId else {
                    throw WorkflowError.belongsToAnotherCustomer(.inquiry(inquiryId))
                }
                if inquiry.status == .open || inquiry.status == .answered {
                    inquiry.status = .quoted
                    if inquiry.answeredOn == nil { inquiry.answeredOn = day }
                    try book.update(inquiry: inquiry)
                }
            }
            let quote = Quote(
                customerId: customerId, inquiryId: inquiryId, title: title, createdOn: day,
                validUntil: validUntil ?? day.adding(days: ProposedQuote.validityDays),
                paymentTermDays: paymentTermDays ?? profile.paymentTermDays, includedRevisions: includedRevisions,
                loyaltyPercent: profile.loyalty.percent(
                    forPaidInvoices: try book.paidInvoiceCount(customerId: customerId)),
                deliveryDate: deliveryDate, firstPartDate: firstPartDate, createdBy: creator)
            try quote.validateTerms()
            return try book.insert(quote: quote)
        }
    }

    /// Adds a line to an open quote.
    public func addQuoteLine(quoteId: Int64, line: DocumentLine) async throws -> Quote {
        try line.validate()
        try DocumentFonts.requirePrintable(DocumentFonts.fields(of: [line]))
        return try await store.write { book in
            var quote = try book.requireQuote(quoteId)
            guard quote.status == .open else { throw WorkflowError.quoteDecided(id: quoteId, status: quote.status) }
            quote.lines.append(line)
            try book.update(quote: quote)
            return quote
        }
    }

    /// One quote.
    public func quote(id: Int64) async throws -> Quote {
        try await store.read { try $0.requireQuote(id) }
    }

    /// All quotes, newest first.
    public func quotes(customerId: Int64? = nil) async throws -> [Quote] {
        try await store.read { try $0.quotes(customerId: customerId) }
    }

    /// Accepts a quote: it becomes a job (with the effort the quote implies and the delivery date it promises as
    /// the deadline; `deadline` and `effortHours` override them), the inquiry is won and the prospect a new customer.
    public func acceptQuote(
        id: Int64, on day: Day, deadline: Day? = nil, effortHours: Quantity? = nil
    ) async throws -> (quote: Quote, job: Job) {
        let creator = BookActor.signedInName
        let writer = Self.ownWriter
        return try await store.write { book in
            var quote = try book.requireQuote(id)
            guard quote.status == .open else { throw WorkflowError.quoteDecided(id: id, status: quote.status) }
            guard !quote.lines.isEmpty else { throw WorkflowError.quoteEmpty(id: id) }
            quote.status = .accepted
            quote.decidedOn = day
            try book.update(quote: quote)
            if let inquiryId = quote.inquiryId {
                var inquiry = try book.requireInquiry(inquiryId)
                if inquiry.status != .won && inquiry.status != .lost {
                    inquiry.status = .won
                    inquiry.closedOn = day
                    try book.update(inquiry: inquiry)
                }
            }
            // The effort comes from what was agreed (see `RateCard.effort`); `effortHours` overrides it.
            let card = try book.profile()?.effectiveRateCard ?? RateCard()
            let size = try quote.inquiryId.flatMap { try book.inquiry(id: $0)?.size }
            let hours = effortHours ?? Quantity(thousandths: card.effort(quoteLines: quote.lines, inquirySize: size))
            let job = try book.insert(job: Job(
                customerId: quote.customerId, quoteId: quote.id, title: quote.title,
                effortHours: hours.thousandths > 0 ? hours : nil, deadline: deadline ?? quote.deliveryDate,
                includedRevisions: quote.includedRevisions, createdOn: day, createdBy: creator,
                writer: writer))
            try book.promote(customerId: quote.customerId, to: .new)
            return (quote, job)
        }
    }

    /// Declines a quote; its inquiry is lost.
    public func declineQuote(id: Int64, on day: Day) async throws -> Quote {
        try await store.write { book in
            var quote = try book.requireQuote(id)
            guard quote.status == .open else { throw WorkflowError.quoteDecided(id: id, status: quote.status) }
            quote.status = .declined
            quote.decidedOn = day
            try book.update(quote: quote)
            if let inquiryId = quote.inquiryId {
                var inquiry = try book.requireInquiry(inquiryId)
                if inquiry.status != .won && inquiry.status != .lost {
                    inquiry.status = .lost
                    inquiry.closedOn = day
                    try book.update(inquiry: inquiry)
                }
            }
            return quote
        }
    }
}
