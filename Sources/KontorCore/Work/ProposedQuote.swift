/// What `inquiry propose` offers and what the quote made from it contains, so that the reply, the quote and the
/// job say the same thing: the lines from the inquiry's size at the rate card's price, the loyalty discount of a
/// regular customer, the delivery date, a first part when the wished deadline cannot be met, and the validity.
public struct ProposedQuote: Sendable, Hashable, Codable {
    /// How long a proposal is binding, as a quote made by hand is by default.
    public static let validityDays = 30

    public var title: String
    /// One line for the inquiry's size at the rate card's price; empty when the size is unknown (the reply then
    /// asks for the scope, and no quote can be made yet).
    public var lines: [DocumentLine]
    /// The regular-customer discount (0 for none), shown as a line of its own.
    public var loyaltyPercent: Int64
    /// The earliest realistic delivery of the whole work.
    public var deliveryDate: Day
    /// The day a first part can be delivered, when the wish cannot be met (or the date is far out) and the work is
    /// larger than a small job.
    public var firstPartDate: Day?
    /// The day the customer wished, when the whole work cannot be delivered by then.
    public var missedWish: Day?
    public var validUntil: Day
    /// The estimated effort in thousandths of an hour.
    public var hours: Int64

    /// Creates a proposal from its parts (see `make` for the usual way).
    public init(
        title: String, lines: [DocumentLine], loyaltyPercent: Int64, deliveryDate: Day, firstPartDate: Day?,
        missedWish: Day?, validUntil: Day, hours: Int64
    ) {
        self.title = title
        self.lines = lines
        self.loyaltyPercent = loyaltyPercent
        self.deliveryDate = deliveryDate
        self.firstPartDate = firstPartDate
        self.missedWish = missedWish
        self.validUntil = validUntil
        self.hours = hours
    }

    /// The proposal for `inquiry`: `delivery` is the planner's answer for the whole work and `firstPart` its answer
    /// for a small first part (the caller asks the planner only when the work is larger than a small job).
    public static func make(
        inquiry: Inquiry, card: RateCard, loyaltyPercent: Int64, delivery: DeliveryProposal, firstPart: Day?,
        today: Day
    ) -> ProposedQuote {
        let lines = inquiry.size.map { size in
            [DocumentLine(description: inquiry.subject, quantity: size.quantity, unit: size.unit,
                          unitPrice: card.price(for: size.unit), vatRate: .standard)]
        } ?? []
        let missed = inquiry.wishedDeadline.flatMap { $0 < delivery.deliveryDate ? $0 : nil }
        // A first part is offered when the wish is missed, or when the planner offers one for a far date anyway.
        let part = missed != nil ? (firstPart ?? delivery.firstPiece?.deliveryDate) : delivery.firstPiece?.deliveryDate
        return ProposedQuote(
            title: inquiry.subject, lines: lines, loyaltyPercent: loyaltyPercent,
            deliveryDate: delivery.deliveryDate, firstPartDate: part.flatMap { $0 < delivery.deliveryDate ? $0 : nil },
            missedWish: missed, validUntil: today.adding(days: validityDays), hours: delivery.hours)
    }

    /// Whether a quote can be made from it: only with a known size.
    public var isComplete: Bool { !lines.isEmpty }

    /// The lines with the loyalty discount as lines of their own, as the quote shows them.
    public var effectiveLines: [DocumentLine] {
        lines + LoyaltyDiscount.lines(for: lines, percent: loyaltyPercent, language: .de)
    }

    /// The net price before the discount; nil without a size.
    public var listPrice: Money? { lines.isEmpty ? nil : lines.map(\.net).sum() }

    /// The net price after the discount; nil without a size.
    public var net: Money? { lines.isEmpty ? nil : effectiveLines.map(\.net).sum() }
}

/// The typical price of past work of one kind: the range of the middle half of what was quoted, so that an
/// inquiry without a size gets an honest idea of the cost.
public struct PriceRange: Sendable, Hashable, Codable {
    public var low: Money
    public var high: Money
    /// How many past jobs the range comes from.
    public var count: Int

    /// Creates a range.
    public init(low: Money, high: Money, count: Int) {
        self.low = low
        self.high = high
        self.count = count
    }

    /// The range of `prices` of past work of the same kind: with fewer than two, there is no range to speak of;
    /// from four on, the lowest and highest quarter are left out so that one odd job does not set it.
    public static func typical(_ prices: [Money]) -> PriceRange? {
        guard prices.count >= 2 else { return nil }
        let sorted = prices.sorted()
        let cut = sorted.count >= 4 ? sorted.count / 4 : 0
        return PriceRange(low: sorted[cut], high: sorted[sorted.count - 1 - cut], count: sorted.count)
    }

    /// Whether a past quote's title is of the same kind as an inquiry's subject: they share a word of five letters
    /// or more ("Pressemitteilung", "Blogartikel"), case and punctuation ignored.
    public static func sameKind(_ title: String, _ subject: String) -> Bool {
        let words = { (text: String) in
            Set(text.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 5 })
        }
        return !words(title).isDisjoint(with: words(subject))
    }
}
