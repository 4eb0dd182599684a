import Testing

@testable import KontorCore

struct ReceivablesReportTests {
    let today = Day("2026-06-30")!

    func item(_ customer: Int64, due offset: Int, gross: Int64, open: Int64, paidAfterDue: Int? = nil, cancelled: Bool = false)
        -> ReceivablesReport.Item
    {
        let due = today.adding(days: offset)
        return ReceivablesReport.Item(
            customerId: customer, customerName: "Kunde \(customer)", issueDate: due.adding(days: -14), dueDate: due,
            gross: Money(cents: gross), open: Money(cents: open), cancelled: cancelled,
            lastPayment: paidAfterDue.map { due.adding(days: $0) })
    }

    @Test func sortsOpenAmountsIntoAgingBucketsAndComputesDSO() {
        let report = ReceivablesReport(items: [
            item(1, due: 5, gross: 10_000, open: 10_000),  // not due
            item(1, due: -30, gross: 20_000, open: 20_000),  // 1–30
            // -31 would be Saturday 2026-05-30, payable until Monday (§ 193 BGB) and so only 29 days late.
            item(2, due: -32, gross: 30_000, open: 15_000),  // 31–60, partly paid
            item(2, due: -91, gross: 40_000, open: 40_000),  // over 90
            item(3, due: -120, gross: 50_000, open: 0, paidAfterDue: 10),  // paid 10 days late
            item(3, due: -200, gross: 60_000, open: 60_000, cancelled: true),  // cancelled: ignored
        ], asOf: today)
        #expect(report.buckets.map(\.amount.cents) == [10_000, 20_000, 15_000, 0, 40_000])
        #expect(report.buckets.map(\.invoices) == [1, 1, 1, 0, 1])
        #expect(report.totalOpen.cents == 85_000)
        // Revenue of the last 365 days: 10k + 20k + 30k + 40k + 50k = 150k → 85/150 × 365 = 206.8
        #expect(report.dso == 206)
        #expect(report.customers.map(\.customerId) == [2, 1])
        #expect(report.customers.first?.averageDaysLate == 62)  // (32 + 91) / 2, rounded
        #expect(report.customers.first?.overdueAmount.cents == 55_000)
    }
}
