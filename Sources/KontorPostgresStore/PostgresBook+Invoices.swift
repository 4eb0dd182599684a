import Foundation
import KontorApp
import KontorCore
import PostgresNIO

extension PostgresBook {
    func invoice(id: Int64) throws -> Invoice? {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func invoice(number: String) throws -> Invoice? {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func invoices(_ query: InvoiceQuery) throws -> [Invoice] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func invoiceNumbers(ids: Set<Int64>) throws -> [Int64: String] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func invoiceCount(_ query: InvoiceQuery) throws -> (count: Int, open: Money) {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func openInvoices(dueOnOrBefore day: Day) throws -> [MorningList.OpenInvoice] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func paidInvoiceCount(customerId: Int64) throws -> Int {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func payments(invoiceId: Int64?, customerId: Int64?) throws -> [Payment] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func payments(invoiceIds: Set<Int64>) throws -> [Int64: [Payment]] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func payment(id: Int64) throws -> Payment? {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func dunningCharges(invoiceIds: Set<Int64>) throws -> [DunningCharge] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func dunningLetter(id: Int64) throws -> DunningLetter? {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func dunningLetters(status: DunningLetterStatus?, invoiceIds: Set<Int64>?) throws -> [DunningLetter] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func dunningMarks(invoiceIds: Set<Int64>) throws -> [DunningMark] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func customersSentNotices(among customerIds: Set<Int64>) throws -> Set<Int64> {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func dunningHolds(customerIds: Set<Int64>) throws -> [DunningHold] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func dunningHolds(endingOnOrAfter day: Day) throws -> [DunningHold] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func receivableItems(owingOnly: Bool) throws -> [ReceivablesReport.Item] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func openBalances() throws -> [OpenBalance] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func numberCounter(series: String) throws -> Int {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func openPrincipal(customerIds: Set<Int64>) throws -> [Int64: Money] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func paymentList(window: ListWindow) throws -> ListPage<Payment> {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func paymentSum() throws -> Money {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func dunningLetterList(status: DunningLetterStatus, window: ListWindow) throws -> ListPage<DunningLetter> {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func invoiceIdsWithDraftLetters() throws -> Set<Int64> {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func latestDecidedLetters(limit: Int) throws -> [DunningLetter] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func customersOwing() throws -> [(id: Int64, name: String)] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func revenueByDay(from first: Day, through last: Day) throws -> [Day: (gross: Money, invoices: Int)] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func inquiryTallies(receivedSince first: Day?) throws -> [InquiryConversion.Tally] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func acceptedOrderValues(receivedSince first: Day?) throws -> [InquiryChannel: [Money]] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func insert(draft: Invoice) throws -> Invoice {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func update(draft: Invoice) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func nextCounter(series: String) throws -> Int {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func recordIssue(of invoice: Invoice) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func insert(issued: Invoice) throws -> Invoice {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func markCancelled(invoiceId: Int64, byNumber number: String) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func insert(payment: Payment) throws -> Payment {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func insert(dunningCharge: DunningCharge) throws -> DunningCharge {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func insert(dunningLetter: DunningLetter) throws -> DunningLetter {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func update(dunningLetter: DunningLetter) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func insert(dunningHold: DunningHold) throws -> DunningHold {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func deleteDraft(id: Int64) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }
}
