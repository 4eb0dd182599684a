public import KontorCore

/// Invoiced revenue of one calendar month.
public struct MonthRevenue: Sendable, Hashable, Codable {
    /// The first day of the month.
    public var month: Day
    /// Gross of the invoices issued in the month, without cancelled ones.
    public var gross: Money
    /// How many invoices that were.
    public var invoices: Int
}

/// How the inquiries of one channel ended.
public struct ChannelTally: Sendable, Hashable, Codable {
    public var channel: InquiryChannel
    public var total: Int
    public var won: Int
    public var lost: Int
    /// Still open, answered or quoted.
    public var pending: Int

    /// Won in percent of the decided ones (won + lost); nil while none is decided.
    public var winRatePercent: Int? {
        let decided = won + lost
        return decided == 0 ? nil : (won * 100 + decided / 2) / decided
    }
}

extension Kontor {
    /// Invoiced revenue (gross, issue date) of the `months` calendar months up to and including `today`'s.
    public func revenueByMonth(today: Day, months: Int = 12) async throws -> [MonthRevenue] {
        let (year, month, _) = today.components
        let firsts = (0..<max(1, months)).reversed().map { Day(year: year, month: month, day: 1)!.adding(months: -$0) }
        let last = firsts.last!.adding(months: 1).adding(days: -1)
        let sums = try await store.read { try $0.revenueByMonth(from: firsts[0], through: last) }
        return firsts.map { MonthRevenue(month: $0, gross: sums[$0]?.gross ?? .zero, invoices: sums[$0]?.invoices ?? 0) }
    }

    /// Inquiries per channel (those received on `first` or later; nil: all) and how many were won or lost, the
    /// busiest channel first.
    public func inquiriesByChannel(receivedSince first: Day? = nil) async throws -> [ChannelTally] {
        let tallies = Dictionary(
            uniqueKeysWithValues: try await store.read { try $0.inquiryTallies(receivedSince: first) }
                .map { ($0.channel, $0) })
        return InquiryChannel.allCases.map { channel in
            let tally = tallies[channel]
            return ChannelTally(
                channel: channel, total: tally?.inquiries ?? 0, won: tally?.won ?? 0, lost: tally?.lost ?? 0,
                pending: tally?.pending ?? 0)
        }
        .sorted { ($0.total, $0.won) > ($1.total, $1.won) }
    }
}
