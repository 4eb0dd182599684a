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

    /// One channel's counts, as a store can add them up without reading every inquiry.
    public struct Tally: Sendable, Hashable {
        public var channel: InquiryChannel
        public var inquiries: Int
        /// Answered ones and the sum of their days from receipt to answer.
        public var answered: Int
        public var answerDays: Int
        /// Those with a quote, or quoted or won.
        public var quoted: Int
        public var won: Int
        public var lost: Int

        public init(
            channel: InquiryChannel, inquiries: Int, answered: Int, answerDays: Int, quoted: Int, won: Int, lost: Int
        ) {
            self.channel = channel
            self.inquiries = inquiries
            self.answered = answered
            self.answerDays = answerDays
            self.quoted = quoted
            self.won = won
            self.lost = lost
        }

        /// Still open, answered or quoted.
        public var pending: Int { inquiries - won - lost }
    }

    /// Builds the figures from inquiries and the quotes that answered them.
    public init(inquiries: [Inquiry], quotes: [Quote]) {
        let quotesByInquiry = Dictionary(grouping: quotes.filter { $0.inquiryId != nil }, by: { $0.inquiryId! })
        var tallies: [Tally] = []
        var orderValues: [InquiryChannel: [Money]] = [:]
        for channel in InquiryChannel.allCases {
            let mine = inquiries.filter { $0.channel == channel }
            let answerDays = mine.compactMap { i in i.answeredOn.map { i.receivedOn.days(until: $0) } }
            let won = mine.filter { $0.status == .won }
            tallies.append(Tally(
                channel: channel, inquiries: mine.count, answered: answerDays.count, answerDays: answerDays.reduce(0, +),
                quoted: mine.filter { quotesByInquiry[$0.id] != nil || $0.status == .quoted || $0.status == .won }.count,
                won: won.count, lost: mine.filter { $0.status == .lost }.count))
            orderValues[channel] = won.flatMap { quotesByInquiry[$0.id] ?? [] }.filter { $0.status == .accepted }.map(\.net)
        }
        self.init(tallies: tallies, orderValues: orderValues)
    }

    /// Builds the figures from each channel's counts and the net values of the accepted quotes of won inquiries.
    public init(tallies: [Tally], orderValues: [InquiryChannel: [Money]]) {
        channels = tallies.filter { $0.inquiries > 0 }.sorted { lhs, rhs in
            let order = InquiryChannel.allCases
            return order.firstIndex(of: lhs.channel)! < order.firstIndex(of: rhs.channel)!
        }.map { tally in
            let decided = tally.won + tally.lost
            let values = orderValues[tally.channel] ?? []
            return Channel(
                channel: tally.channel, inquiries: tally.inquiries,
                averageDaysToAnswer: tally.answered == 0 ? nil : Double(tally.answerDays) / Double(tally.answered),
                quoteRate: tally.quoted * 100 / tally.inquiries,
                winRate: decided == 0 ? 0 : tally.won * 100 / decided,
                averageOrderValue: values.isEmpty
                    ? nil : Money(cents: values.map(\.cents).reduce(0, +) / Int64(values.count)))
        }
    }
}
