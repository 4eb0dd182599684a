import Foundation
import KontorApp
import KontorCore
import PostgresNIO

extension PostgresBook {
    func profile() throws -> BusinessProfile? {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func customer(id: Int64) throws -> Customer? {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func customers(status: CustomerStatus?, search: String?) throws -> [Customer] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func customer(email: String) throws -> Customer? {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func customer(name: String) throws -> Customer? {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func customerNames(ids: Set<Int64>) throws -> [Int64: String] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func inquiry(id: Int64) throws -> Inquiry? {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func inquiries(statuses: [InquiryStatus]?, customerId: Int64?) throws -> [Inquiry] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func quote(id: Int64) throws -> Quote? {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func quotes(customerId: Int64?) throws -> [Quote] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func job(id: Int64) throws -> Job? {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func jobs(openOnly: Bool, customerId: Int64?, deadlineOnOrBefore: Day?) throws -> [Job] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func notes(customerId: Int64) throws -> [Note] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func notes(customerIds: Set<Int64>) throws -> [Int64: [Note]] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func customers(ids: Set<Int64>) throws -> [Int64: Customer] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func customerStatuses(ids: Set<Int64>) throws -> [Int64: CustomerStatus] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func agendaSlots() throws -> [PlanSlot] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func workLogs(jobIds: Set<Int64>?) throws -> [WorkLog] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func deadlineChanges(customerId: Int64) throws -> [DeadlineChange] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func customerList(status: CustomerStatus?, search: String?, window: ListWindow) throws -> ListPage<Customer> {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func inquiryList(status: InquiryStatus, window: ListWindow) throws -> ListPage<Inquiry> {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func quoteList(window: ListWindow) throws -> ListPage<Quote> {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func jobList(window: ListWindow) throws -> ListPage<Job> {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func jobs(deadlineFrom first: Day, through last: Day) throws -> [Job] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func customerChoices(limit: Int, including: Int64?) throws -> (total: Int, choices: [(id: Int64, name: String)]) {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func customersNamed(_ text: String, limit: Int) throws -> [(id: Int64, name: String)] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func jobsToInvoice(deliveredSince first: Day) throws -> [Job] {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func save(profile: BusinessProfile) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func insert(customer: Customer) throws -> Customer {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func update(customer: Customer) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func insert(inquiry: Inquiry) throws -> Inquiry {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func update(inquiry: Inquiry) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func insert(quote: Quote) throws -> Quote {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func update(quote: Quote) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func insert(job: Job) throws -> Job {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func update(job: Job) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func insert(note: Note) throws -> Note {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func replaceAgenda(_ slots: [PlanSlot]) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func insert(workLog: WorkLog) throws -> WorkLog {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func deleteQuote(id: Int64) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }

    func insert(deadlineChange: DeadlineChange) throws {
        throw StoreError.failed(detail: "PostgresBook.\(#function) is not built yet")
    }
}
