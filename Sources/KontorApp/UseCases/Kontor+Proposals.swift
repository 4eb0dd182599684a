public import KontorCore
import Foundation
import KontorDocuments

/// An inquiry's proposal: the planner's delivery, the quote it becomes and what the reply needs besides.
public struct InquiryProposal: Sendable {
    public var inquiry: Inquiry
    public var customer: Customer
    public var proposal: DeliveryProposal
    /// The net price at the rate card's rate before any discount, when the inquiry has a size.
    public var price: Money?
    /// The quote `quote add --from-proposal` makes: lines, discount, delivery, first part, validity.
    public var quote: ProposedQuote
    /// The unit priced: the inquiry's, or without a size the usual unit of past work of the kind (else words).
    public var pricedUnit: BillingUnit
    /// The rate card's price of one `pricedUnit`.
    public var unitPrice: UnitPrice
    /// What accepted quotes of the same kind cost, for an inquiry without a size.
    public var typicalRange: PriceRange?
    /// The customer's paid invoices (the loyalty tiers count them).
    public var paidInvoices: Int
}

/// A reply split for the page that shows it: the internal call note (phone inquiries) and the text for the
/// customer, each to be copied on its own.
public struct ReplyDraft: Sendable {
    /// The whole reply, as `inquiry propose` prints it.
    public var text: String
    /// The call note, for phone inquiries (nil for e-mails).
    public var note: String?
    /// What goes to the customer.
    public var customerText: String
}

extension Kontor {
    /// The reply in its two parts (see `ReplyDraft`).
    public func replyDraftParts(inquiryId: Int64, today: Day) async throws -> ReplyDraft {
        let text = try await replyDraft(inquiryId: inquiryId, today: today)
        let parts = InquiryReply.parts(of: text)
        return ReplyDraft(text: text, note: parts.note, customerText: parts.customerText)
    }

    /// The earliest realistic delivery date for an inquiry's work, its price from the rate card and the quote it
    /// would become.
    public func proposeDelivery(inquiryId: Int64, today: Day) async throws -> InquiryProposal {
        try await store.read { book in try Kontor.proposal(inquiryId: inquiryId, today: today, book: book) }
    }

    /// The answer to an inquiry, drafted with the proposed date and the rate card's price.
    public func replyDraft(inquiryId: Int64, today: Day) async throws -> String {
        try await store.read { book in
            let proposal = try Kontor.proposal(inquiryId: inquiryId, today: today, book: book)
            let profile = try book.requireProfile()
            let facts = InquiryReplyFacts(
                inquiry: proposal.inquiry, customer: proposal.customer, seller: profile, proposal: proposal.proposal,
                unitPrice: proposal.unitPrice, price: proposal.price, today: today, pricedUnit: proposal.pricedUnit,
                firstPartDate: proposal.quote.firstPartDate, loyaltyPercent: proposal.quote.loyaltyPercent,
                paidInvoices: proposal.paidInvoices, typicalRange: proposal.typicalRange)
            return try InquiryReply.compose(facts) { key in (try? book.messageTemplate(key: key)) ?? nil }
        }
    }

    /// Makes the quote that the inquiry's proposal describes, in one step and one transaction: its lines,
    /// discount, delivery date, first part and validity are the ones `proposeDelivery` shows on `day`.
    /// - Throws: `WorkflowError.inquiryWithoutSize` when there is nothing to price yet, `.inquiryClosed` for a won
    ///   or lost inquiry.
    public func addQuote(fromProposal inquiryId: Int64, on day: Day) async throws -> Quote {
        let creator = BookActor.signedInName
        return try await store.write { book in
            let proposal = try Kontor.proposal(inquiryId: inquiryId, today: day, book: book)
            var inquiry = proposal.inquiry
            guard inquiry.isEditable else { throw WorkflowError.inquiryClosed(id: inquiryId, status: inquiry.status) }
            guard proposal.quote.isComplete else { throw WorkflowError.inquiryWithoutSize(id: inquiryId) }
            try DocumentFonts.requirePrintable(DocumentFonts.fields(of: proposal.quote.lines))
            let profile = try book.requireProfile()
            if inquiry.status == .open || inquiry.status == .answered {
                inquiry.status = .quoted
                if inquiry.answeredOn == nil { inquiry.answeredOn = day }
                try book.update(inquiry: inquiry)
            }
            let offer = proposal.quote
            return try book.insert(quote: Quote(
                customerId: inquiry.customerId, inquiryId: inquiryId, title: offer.title, createdOn: day,
                validUntil: offer.validUntil, paymentTermDays: profile.paymentTermDays, lines: offer.lines,
                loyaltyPercent: offer.loyaltyPercent, deliveryDate: offer.deliveryDate,
                firstPartDate: offer.firstPartDate, createdBy: creator))
        }
    }

    /// The proposal read inside one transaction (shared by the read and the write use cases).
    static func proposal(inquiryId: Int64, today: Day, book: any BookReader) throws -> InquiryProposal {
        let profile = try book.requireProfile()
        let inquiry = try book.requireInquiry(inquiryId)
        let customer = try book.requireCustomer(inquiry.customerId)
        let card = profile.effectiveRateCard
        let hours = card.effort(quoteLines: [], inquirySize: inquiry.size)
        let items = try Kontor.openPlanItems(book).items
        let capacity = profile.effectiveCapacity
        let delivery = DeliveryPlanner.propose(hours: hours, items: items, capacity: capacity, today: today)
        // A wish the whole cannot meet is answered with a first part, when the work is more than a small job.
        var firstPart: Day?
        if let wish = inquiry.wishedDeadline, wish < delivery.deliveryDate, hours > DeliveryPlanner.smallJobHours {
            firstPart = DeliveryPlanner.propose(
                hours: DeliveryPlanner.smallJobHours, items: items, capacity: capacity, today: today
            ).deliveryDate
        }
        let paid = try book.paidInvoiceCount(customerId: customer.id)
        let quote = ProposedQuote.make(
            inquiry: inquiry, card: card, loyaltyPercent: profile.loyalty.percent(forPaidInvoices: paid),
            delivery: delivery, firstPart: firstPart, today: today)
        var unit = inquiry.size?.unit ?? .word
        var range: PriceRange?
        if inquiry.size == nil {
            let similar = try book.quotes(customerId: nil)
                .filter { $0.status == .accepted && PriceRange.sameKind($0.title, inquiry.subject) }
            range = PriceRange.typical(similar.map(\.net))
            unit = Kontor.usualUnit(of: similar) ?? unit
        }
        return InquiryProposal(
            inquiry: inquiry, customer: customer, proposal: delivery, price: quote.listPrice, quote: quote,
            pricedUnit: unit, unitPrice: card.price(for: unit), typicalRange: range, paidInvoices: paid)
    }

    /// The unit most lines of `quotes` were priced in (words, lines, pages or hours).
    static func usualUnit(of quotes: [Quote]) -> BillingUnit? {
        let units = quotes.flatMap(\.lines).filter { !$0.isDiscount && $0.unit != .flat }.map(\.unit)
        let counts = Dictionary(units.map { ($0, 1) }, uniquingKeysWith: +)
        return counts.max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }?.key
    }
}
