import Foundation
import Hummingbird
import KontorApp
import KontorCore

/// Auswertungen: receivables by age and customer, revenue per month, inquiries won per channel.
struct ReportController: Sendable {
    let services: AppServices

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: self.show)
    }

    /// GET /reports
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        return try await services.cachedPage("reports/index", area: .reports, title: texts["nav_reports"], request: request,
                                             context: context) {
            // The channels of the last twelve months: what tells where work comes from now, and what keeps the
            // page's cost that of one year whatever the size of the archive.
            let overview = try await services.kontor.reportsOverview(today: services.today())
            var page = ReportPage(
                receivables: overview.receivables, months: overview.months, channels: overview.channels, texts: texts)
            let conversion = overview.conversion
            let de = context.language == .de
            page.conversionHeadings = ["conv_channel", "conv_inquiries", "conv_days", "conv_quoted", "conv_won", "conv_order"]
                .map { texts[$0] }
            page.conversionTitle = texts["conv_title"]
            page.conversion = conversion.channels.map { row in
                ReportPage.ConversionRow(
                    label: texts.channel(row.channel), inquiries: row.inquiries,
                    daysText: row.averageDaysToAnswer.map { String(format: "%.1f", $0)
                        .replacingOccurrences(of: ".", with: de ? "," : ".") } ?? "–",
                    quoteRateText: "\(row.quoteRate) %", winRateText: "\(row.winRate) %",
                    orderText: row.averageOrderValue?.formatted(context.language) ?? "–")
            }
            return page
        }
    }
}

/// The reports page: each chart with its numbers beside it.
struct ReportPage: Sendable, Encodable {
    struct BucketRow: Sendable, Encodable {
        let label: String
        let count: Int
        let amountText: String
    }

    struct DebtorRow: Sendable, Encodable {
        let path: String
        let name: String
        let openText: String
        let overdueText: String
        let isLate: Bool
        let count: Int
        let lateText: String
    }

    struct MonthRow: Sendable, Encodable {
        let label: String
        let count: Int
        let amountText: String
    }

    /// One channel's conversion: "are callers decided?"
    struct ConversionRow: Sendable, Encodable {
        let label: String
        let inquiries: Int
        let daysText: String
        let quoteRateText: String
        let winRateText: String
        let orderText: String
    }

    var conversion: [ConversionRow] = []
    var conversionHeadings: [String] = []
    var conversionTitle = ""

    struct ChannelRow: Sendable, Encodable {
        let label: String
        let total: Int
        let won: Int
        let lost: Int
        let rateText: String
    }

    let asOfText: String
    let totalOpenText: String
    let hasClaims: Bool
    let totalClaimsText: String
    let overdueText: String
    let hasOverdue: Bool
    let dsoText: String
    let yearRevenueText: String
    let agingChart: BarChart
    let buckets: [BucketRow]
    let bucketCount: Int
    let hasDebtors: Bool
    let debtors: [DebtorRow]
    let revenueChart: BarChart
    let months: [MonthRow]
    let monthCount: Int
    let channelChart: BarChart
    let channels: [ChannelRow]

    init(receivables: ReceivablesReport, months: [MonthRevenue], channels: [ChannelTally], texts: Texts) {
        asOfText = texts.format("report_as_of", texts.day(receivables.asOf))
        totalOpenText = texts.money(receivables.totalOpen)
        hasClaims = receivables.totalClaims.cents > 0
        totalClaimsText = texts.money(receivables.totalClaims)
        let overdue = receivables.buckets.dropFirst().map(\.amount).sum()
        overdueText = texts.money(overdue)
        hasOverdue = overdue.cents > 0
        dsoText = receivables.dso.map { texts.format("days_unit", "\($0)") } ?? "–"
        let year = months.map(\.gross).sum()
        yearRevenueText = texts.money(year)
        let euros: (Int64) -> String = { cents in texts.money(Money(cents: cents)).replacingOccurrences(of: texts.language == .de ? ",00" : ".00", with: "") }
        let tones = ["ok", "warn", "warn", "bad", "bad"]
        buckets = receivables.buckets.map {
            BucketRow(label: ReceivablesReport.bucketWord($0.label, texts.language), count: $0.invoices, amountText: texts.money($0.amount))
        }
        bucketCount = receivables.buckets.map(\.invoices).reduce(0, +)
        agingChart = BarChart(
            id: "aging", caption: texts["chart_aging"],
            values: receivables.buckets.enumerated().map { index, bucket in
                BarChart.Value(label: ReceivablesReport.bucketWord(bucket.label, texts.language), shortLabel: ReceivablesReport.bucketWord(bucket.label, texts.language, short: true),
                               value: bucket.amount.cents, valueText: texts.money(bucket.amount), tone: tones[index])
            }, axisLabel: euros)
        debtors = receivables.customers.prefix(15).map { line in
            DebtorRow(
                path: "/customers/\(line.customerId)", name: line.name, openText: texts.money(line.openAmount),
                overdueText: texts.money(line.overdueAmount), isLate: line.overdueAmount.cents > 0, count: line.openInvoices,
                lateText: line.averageDaysLate.map { "\($0)" } ?? "–")
        }
        hasDebtors = !debtors.isEmpty
        self.months = months.reversed().map { month in
            MonthRow(label: "\(texts.monthName(month.month.month)) \(month.month.year)", count: month.invoices,
                     amountText: texts.money(month.gross))
        }
        monthCount = months.map(\.invoices).reduce(0, +)
        revenueChart = BarChart(
            id: "revenue", caption: texts["chart_revenue"],
            values: months.map { month in
                BarChart.Value(label: "\(texts.monthName(month.month.month)) \(month.month.year)",
                               shortLabel: texts.monthName(month.month.month, short: true), value: month.gross.cents,
                               valueText: texts.money(month.gross), tone: "")
            }, axisLabel: euros)
        let active = channels.filter { $0.total > 0 }
        self.channels = active.map { tally in
            ChannelRow(label: texts.channel(tally.channel), total: tally.total, won: tally.won, lost: tally.lost,
                       rateText: tally.winRatePercent.map { "\($0) %" } ?? "–")
        }
        channelChart = BarChart(
            id: "channels", caption: texts["chart_channels"],
            values: active.map { tally in
                BarChart.Value(label: texts.channel(tally.channel), shortLabel: texts.channel(tally.channel),
                               value: Int64(tally.won), valueText: "\(tally.won) / \(tally.total)", tone: "ok")
            }, axisLabel: { "\($0)" })
    }
}
