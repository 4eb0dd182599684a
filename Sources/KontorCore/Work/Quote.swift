/// An offer to a customer; accepting it creates a job and agrees the payment term (LAW.md 3).
public struct Quote: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var customerId: Int64
    public var inquiryId: Int64?
    public var title: String
    public var createdOn: Day
    public var validUntil: Day
    /// The payment term in days that the customer agrees to by accepting.
    public var paymentTermDays: Int
    /// How many revision rounds the price includes.
    public var includedRevisions: Int
    public var status: QuoteStatus
    public var decidedOn: Day?
    public var lines: [DocumentLine]
    /// The regular-customer discount granted when the quote was made (0 for none).
    public var loyaltyPercent: Int64
    /// The promised delivery day of the whole work (from the inquiry's proposal or typed); nil when none was named.
    public var deliveryDate: Day?
    /// The promised day of a first part, when the whole cannot be delivered by the wished deadline.
    public var firstPartDate: Day?

    /// Who wrote it, when someone signed in to the web app did (nil at the machine).
    public var createdBy: String?

    /// Creates a quote.
    public init(
        id: Int64 = 0, customerId: Int64, inquiryId: Int64? = nil, title: String, createdOn: Day, validUntil: Day,
        paymentTermDays: Int, includedRevisions: Int = 2, status: QuoteStatus = .open, decidedOn: Day? = nil,
        lines: [DocumentLine] = [], loyaltyPercent: Int64 = 0, deliveryDate: Day? = nil, firstPartDate: Day? = nil,
        createdBy: String? = nil
    ) {
        self.id = id
        self.customerId = customerId
        self.inquiryId = inquiryId
        self.title = title
        self.createdOn = createdOn
        self.validUntil = validUntil
        self.paymentTermDays = paymentTermDays
        self.includedRevisions = includedRevisions
        self.status = status
        self.decidedOn = decidedOn
        self.lines = lines
        self.loyaltyPercent = loyaltyPercent
        self.deliveryDate = deliveryDate
        self.firstPartDate = firstPartDate
        self.createdBy = createdBy
    }

    /// The net sum of the lines.
    public var net: Money { effectiveLines.map(\.net).sum() }

    /// The lines with the loyalty discount as lines of its own, as quote documents show them.
    public var effectiveLines: [DocumentLine] {
        lines + LoyaltyDiscount.lines(for: lines, percent: loyaltyPercent, language: .de)
    }
}

/// Whether a quote is still open or was accepted or declined.
public enum QuoteStatus: String, NamedChoice, Codable {
    case open
    case accepted
    case declined
}
