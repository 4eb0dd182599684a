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
        let rows = try await store.read { try $0.receivableItems() }
        let (year, month, _) = today.components
        let firsts = (0..<max(1, months)).reversed().map { Day(year: year, month: month, day: 1)!.adding(months: -$0) }
        var sums = Dictionary(uniqueKeysWithValues: firsts.map { ($0, MonthRevenue(month: $0, gross: .zero, invoices: 0)) })
        for row in rows where !row.cancelled {
            let (y, m, _) = row.issueDate.components
            guard let first = Day(year: y, month: m, day: 1), sums[first] != nil else { continue }
            sums[first]!.gross += row.gross
            sums[first]!.invoices += 1
        }
        return firsts.map { sums[$0]! }
    }

    /// Inquiries per channel and how many were won or lost, the busiest channel first.
    public func inquiriesByChannel() async throws -> [ChannelTally] {
        let inquiries = try await store.read { try $0.inquiries(statuses: nil, customerId: nil) }
        var tallies = Dictionary(uniqueKeysWithValues: InquiryChannel.allCases.map {
            ($0, ChannelTally(channel: $0, total: 0, won: 0, lost: 0, pending: 0))
        })
        for inquiry in inquiries {
            tallies[inquiry.channel]!.total += 1
            switch inquiry.status {
            case .won: tallies[inquiry.channel]!.won += 1
            case .lost: tallies[inquiry.channel]!.lost += 1
            case .open, .answered, .quoted: tallies[inquiry.channel]!.pending += 1
            }
        }
        return InquiryChannel.allCases.map { tallies[$0]! }
            .sorted { ($0.total, $0.won) > ($1.total, $1.won) }
    }
}
