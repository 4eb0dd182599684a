import KontorCore

/// The use cases of Kontor: everything the CLI and the web app can do, on one book.
///
/// Neither the CLI nor the web app holds business logic; both call these methods, which read, decide by the
/// rules in KontorCore and write in one transaction.
public struct Kontor: Sendable {
    let store: any BookStore

    /// Creates the use cases over a store.
    public init(store: any BookStore) { self.store = store }

    /// Use cases that need no book (reading a received e-invoice); any use of the book fails.
    public static func withoutBook() -> Kontor { Kontor(store: NoBook()) }
}

extension BookReader {
    /// The profile, or the error that tells the user to run `kontor init`.
    func requireProfile() throws -> BusinessProfile {
        guard let profile = try profile() else { throw AppError.noProfile }
        return profile
    }

    func requireCustomer(_ id: Int64) throws -> Customer {
        guard let customer = try customer(id: id) else { throw AppError.notFound(.customer, id: "\(id)") }
        return customer
    }

    func requireInquiry(_ id: Int64) throws -> Inquiry {
        guard let inquiry = try inquiry(id: id) else { throw AppError.notFound(.inquiry, id: "\(id)") }
        return inquiry
    }

    func requireQuote(_ id: Int64) throws -> Quote {
        guard let quote = try quote(id: id) else { throw AppError.notFound(.quote, id: "\(id)") }
        return quote
    }

    func requireJob(_ id: Int64) throws -> Job {
        guard let job = try job(id: id) else { throw AppError.notFound(.job, id: "\(id)") }
        return job
    }

    /// Finds an invoice by its number (`2026-0001`) or, for drafts, by its id.
    func requireInvoice(_ reference: String) throws -> Invoice {
        if let invoice = try invoice(number: reference) { return invoice }
        if let id = Int64(reference), let invoice = try invoice(id: id) { return invoice }
        throw AppError.notFound(.invoice, id: reference)
    }

    /// The draft `reference`, when it may still be changed and the signed-in person may change it: not issued
    /// (an issued invoice is only ever cancelled), and a writer's own (`Kontor.authorize(changing:)`).
    func requireChangeableDraft(_ reference: String) throws -> Invoice {
        let draft = try requireInvoice(reference)
        if let number = draft.number { throw WorkflowError.invoiceIssued(number: number) }
        try Kontor.authorize(changing: draft)
        return draft
    }
}

extension BookWriter {
    /// Raises a customer's status (prospect → new → regular) but never lowers it.
    func promote(customerId: Int64, to status: CustomerStatus) throws {
        var customer = try requireCustomer(customerId)
        guard customer.status < status else { return }
        customer.status = status
        try update(customer: customer)
    }
}

/// The store behind `Kontor.withoutBook()`: there is none.
struct NoBook: BookStore {
    func read<T: Sendable>(_ body: @escaping @Sendable (any BookReader) throws -> T) async throws -> T {
        throw AppError.noProfile
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any BookWriter) throws -> T) async throws -> T {
        throw AppError.noProfile
    }
}
