/// Whether "callers are decided" holds: per channel, how fast inquiries were answered, how many got a quote,
/// how many were won, and the average order value.
public struct InquiryConversion: Sendable, Hashable, Codable {
    /// One channel's figures.
    public struct Channel: Sendable, Hashable, Codable {
        public var channel: InquiryChannel
        public var inquiries: Int
        /// Average days from receipt to first answer (answered ones only).
        public var averageDaysToAnswer: Double?
        /// Percent of inquiries that got a quote.
        public var quoteRate: Int
        /// Percent of decided inquiries (won or lost) that were won.
        public var winRate: Int
        /// Average net value of accepted quotes.
        public var averageOrderValue: Money?
    }

    public var channels: [Channel]

    /// Builds the figures from inquiries and the quotes that answered them.
    public init(inquiries: [Inquiry], quotes: [Quote]) {
        let quotesByInquiry = Dictionary(grouping: quotes.filter { $0.inquiryId != nil }, by: { $0.inquiryId! })
        channels = InquiryChannel.allCases.compactMap { channel in
            let mine = inquiries.filter { $0.channel == channel }
            guard !mine.isEmpty else { return nil }
            let answerDays = mine.compactMap { i in i.answeredOn.map { i.receivedOn.days(until: $0) } }
            let quoted = mine.filter { quotesByInquiry[$0.id] != nil || $0.status == .quoted || $0.status == .won }
            let decided = mine.filter { $0.status == .won || $0.status == .lost }
            let won = decided.filter { $0.status == .won }
            let values = won.flatMap { quotesByInquiry[$0.id] ?? [] }.filter { $0.status == .accepted }.map(\.net)
            return Channel(
                channel: channel, inquiries: mine.count,
                averageDaysToAnswer: answerDays.isEmpty ? nil : Double(answerDays.reduce(0, +)) / Double(answerDays.count),
                quoteRate: quoted.count * 100 / mine.count,
                winRate: decided.isEmpty ? 0 : won.count * 100 / decided.count,
                averageOrderValue: values.isEmpty ? nil : Money(cents: values.map(\.cents).reduce(0, +) / Int64(values.count)))
        }
    }
}
