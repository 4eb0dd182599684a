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

/// The reports page's figures, read together: receivables as of a day, the revenue of the twelve calendar months up
/// to that day's, and the inquiries of the last 365 days per channel with their conversion.
public struct ReportsOverview: Sendable {
    public var receivables: ReceivablesReport
    public var months: [MonthRevenue]
    public var channels: [ChannelTally]
    public var conversion: InquiryConversion
}

extension Kontor {
    /// Invoiced revenue (gross, issue date) of the `months` calendar months up to and including `today`'s.
    public func revenueByMonth(today: Day, months: Int = 12) async throws -> [MonthRevenue] {
        let firsts = Self.monthFirsts(today: today, months: months)
        let days = try await store.read { try $0.revenueByDay(from: firsts[0], through: Self.monthEnd(firsts.last!)) }
        return Self.monthRevenue(firsts, days: days)
    }

    /// The reports page in one read: the revenue of the months and of the receivables' year from one pass over
    /// the invoices, the channels and their conversion from one pass over the inquiries.
    public func reportsOverview(today: Day, months: Int = 12) async throws -> ReportsOverview {
        let firsts = Self.monthFirsts(today: today, months: months)
        let yearStart = Self.receivablesYearStart(today)
        let inquiriesSince = today.adding(days: -365)
        return try await store.read { book in
            let days = try book.revenueByDay(from: min(firsts[0], yearStart), through: max(Self.monthEnd(firsts.last!), today))
            let tallies = try book.inquiryTallies(receivedSince: inquiriesSince)
            return ReportsOverview(
                receivables: ReceivablesReport(
                    items: try book.receivableItems(owingOnly: true), asOf: today,
                    revenueOfLastYear: Self.revenue(days, from: yearStart, through: today)),
                months: Self.monthRevenue(firsts, days: days),
                channels: Self.channelTallies(tallies),
                conversion: InquiryConversion(
                    tallies: tallies, orderValues: try book.acceptedOrderValues(receivedSince: inquiriesSince)))
        }
    }

    /// The first days of the `months` calendar months up to and including `today`'s, oldest first.
    static func monthFirsts(today: Day, months: Int) -> [Day] {
        let (year, month, _) = today.components
        return (0..<max(1, months)).reversed().map { Day(year: year, month: month, day: 1)!.adding(months: -$0) }
    }

    static func monthEnd(_ first: Day) -> Day { first.adding(months: 1).adding(days: -1) }

    /// The first day of the year whose revenue the receivables' DSO divides by (365 days up to `today`).
    static func receivablesYearStart(_ today: Day) -> Day { today.adding(days: -364) }

    static func monthRevenue(_ firsts: [Day], days: [Day: (gross: Money, invoices: Int)]) -> [MonthRevenue] {
        firsts.map { first in
            let inMonth = days.filter { $0.key >= first && $0.key <= monthEnd(first) }.values
            return MonthRevenue(
                month: first, gross: inMonth.map(\.gross).sum(), invoices: inMonth.map(\.invoices).reduce(0, +))
        }
    }

    static func revenue(_ days: [Day: (gross: Money, invoices: Int)], from first: Day, through last: Day) -> Money {
        days.filter { $0.key >= first && $0.key <= last }.values.map(\.gross).sum()
    }

    /// Inquiries per channel (those received on `first` or later; nil: all) and how many were won or lost, the
    /// busiest channel first.
    public func inquiriesByChannel(receivedSince first: Day? = nil) async throws -> [ChannelTally] {
        Self.channelTallies(try await store.read { try $0.inquiryTallies(receivedSince: first) })
    }

    /// Every channel's tally, the busiest first.
    static func channelTallies(_ read: [InquiryConversion.Tally]) -> [ChannelTally] {
        let tallies = Dictionary(uniqueKeysWithValues: read.map { ($0.channel, $0) })
        return InquiryChannel.allCases.map { channel in
            let tally = tallies[channel]
            return ChannelTally(
                channel: channel, total: tally?.inquiries ?? 0, won: tally?.won ?? 0, lost: tally?.lost ?? 0,
                pending: tally?.pending ?? 0)
        }
        .sorted { ($0.total, $0.won) > ($1.total, $1.won) }
    }
}
