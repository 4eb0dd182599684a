import Foundation

/// Who owes what, and for how long: aging buckets, per customer the open amount and how late they usually pay,
/// and the days sales outstanding (DSO).
public struct ReceivablesReport: Sendable, Hashable, Codable {
    /// Open amounts by days past due.
    public struct Bucket: Sendable, Hashable, Codable {
        public var label: String
        public var invoices: Int
        public var amount: Money
    }

    /// One customer's receivables.
    public struct CustomerLine: Sendable, Hashable, Codable {
        public var customerId: Int64
        public var name: String
        /// Open principal (invoice amounts).
        public var openAmount: Money
        /// Open interest, lump sums and costs claimed by Mahnungen, beside the principal.
        public var claims: Money
        public var overdueAmount: Money
        public var openInvoices: Int
        /// Average days between due date and (last) payment, open overdue invoices counted as of the report day.
        public var averageDaysLate: Int?
    }

    /// One invoice as the report needs it.
    public struct Item: Sendable, Hashable {
        public var customerId: Int64
        public var customerName: String
        public var issueDate: Day
        public var dueDate: Day
        public var gross: Money
        public var open: Money
        /// Interest, lump sum and costs claimed beside the invoice and not yet paid.
        public var claims: Money
        public var cancelled: Bool
        public var lastPayment: Day?
        /// The debtor's state, for the § 193 BGB shift of the due date.
        public var state: GermanState?

        /// Creates an item.
        public init(
            customerId: Int64, customerName: String, issueDate: Day, dueDate: Day, gross: Money, open: Money,
            claims: Money = .zero, cancelled: Bool, lastPayment: Day?, state: GermanState? = nil
        ) {
            self.claims = claims
            self.customerId = customerId
            self.customerName = customerName
            self.issueDate = issueDate
            self.dueDate = dueDate
            self.gross = gross
            self.open = open
            self.cancelled = cancelled
            self.lastPayment = lastPayment
            self.state = state
        }

        /// When this invoice's payment is late.
        public var deadline: PaymentDeadline { PaymentDeadline(dueDate: dueDate, state: state) }
    }

    public var asOf: Day
    public var buckets: [Bucket]
    public var customers: [CustomerLine]
    /// Open principal.
    public var totalOpen: Money
    /// Open interest, lump sums and costs claimed beside the principal.
    public var totalClaims: Money
    /// Open receivables ÷ revenue of the last 365 days × 365; nil without revenue.
    public var dso: Int?

    /// The bucket labels, in order.
    public static let bucketLabels = ["not-due", "1-30", "31-60", "61-90", "over-90"]

    /// How people read a bucket label: "noch nicht fällig", "31–60 Tage"; `short` for the chart's axis.
    public static func bucketWord(_ label: String, _ language: Language, short: Bool = false) -> String {
        let de = language == .de
        if label == "not-due" { return de ? (short ? "nicht fällig" : "noch nicht fällig") : (short ? "not due" : "not yet due") }
        let days = de ? (short ? "T." : "Tage") : (short ? "d" : "days")
        if label == "over-90" { return short ? "> 90 \(days)" : (de ? "über 90 \(days)" : "over 90 \(days)") }
        return label.replacingOccurrences(of: "-", with: "–") + " " + days
    }

    /// Builds the report as of `day` from every invoice.
    public init(items: [Item], asOf day: Day) {
        let revenue = items.filter { !$0.cancelled && $0.issueDate > day.adding(days: -365) && $0.issueDate <= day }
            .map(\.gross).sum()
        self.init(items: items, asOf: day, revenueOfLastYear: revenue)
    }

    /// Builds the report as of `day` from the invoices of the customers that owe something (the others add no
    /// line, bucket or claim) and the revenue of the 365 days up to `day` (for the DSO).
    public init(items: [Item], asOf day: Day, revenueOfLastYear revenue: Money) {
        asOf = day
        var buckets = ReceivablesReport.bucketLabels.map { Bucket(label: $0, invoices: 0, amount: .zero) }
        struct Tally { var name = ""; var open = Money.zero; var claims = Money.zero; var overdue = Money.zero; var count = 0; var late: [Int] = [] }
        var tallies: [Int64: Tally] = [:]
        for item in items where !item.cancelled {
            var tally = tallies[item.customerId] ?? Tally(name: item.customerName)
            tally.claims += item.claims
            if item.open.cents > 0 {
                let late = item.deadline.daysOverdue(on: day)
                let index = late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4
                buckets[index].invoices += 1
                buckets[index].amount += item.open
                tally.open += item.open
                tally.count += 1
                if late > 0 {
                    tally.overdue += item.open
                    tally.late.append(late)
                }
            } else if let paid = item.lastPayment {
                tally.late.append(item.deadline.daysOverdue(on: paid))
            }
            tallies[item.customerId] = tally
        }
        self.buckets = buckets
        customers = tallies.map { id, tally in
            CustomerLine(
                customerId: id, name: tally.name, openAmount: tally.open, claims: tally.claims,
                overdueAmount: tally.overdue,
                openInvoices: tally.count,
                averageDaysLate: tally.late.isEmpty ? nil : (tally.late.reduce(0, +) + tally.late.count / 2) / tally.late.count)
        }
        .filter { $0.openAmount.cents > 0 || $0.claims.cents > 0 }
        .sorted { ($0.overdueAmount, $0.openAmount, -$0.customerId) > ($1.overdueAmount, $1.openAmount, -$1.customerId) }
        totalOpen = buckets.map(\.amount).sum()
        totalClaims = items.filter { !$0.cancelled }.map(\.claims).sum()
        dso = revenue.cents > 0 ? Int(totalOpen.cents * 365 / revenue.cents) : nil
    }
}
