public import KontorCore
import Foundation
import KontorDocuments

extension Kontor {
    /// Adds a customer (a prospect unless a status is given); its VAT ID is checked and stored in canonical form.
    public func addCustomer(_ customer: Customer) async throws -> Customer {
        let customer = try customer.checkedInput()
        try DocumentFonts.requirePrintable(DocumentFonts.fields(of: customer))
        return try await store.write { try $0.insert(customer: customer) }
    }

    /// Changes a customer with `change`; the status can be set by hand, e.g. to `regular` (the timeline says so,
    /// and a reversed payment then leaves it alone).
    public func editCustomer(
        id: Int64, on day: Day? = nil, _ change: @escaping @Sendable (inout Customer) throws -> Void
    ) async throws -> Customer {
        try await store.write { book in
            let before = try book.requireCustomer(id)
            var customer = before
            try change(&customer)
            customer.id = id
            customer = try customer.checkedInput(previous: before)
            try DocumentFonts.requirePrintable(DocumentFonts.fields(of: customer))
            try book.update(customer: customer)
            if customer.status != before.status {
                _ = try book.insert(note: RegularCustomerRule.note(
                    customerId: id, to: customer.status, because: .byHand, on: day ?? customer.createdOn,
                    invoiceId: nil))
            }
            return customer
        }
    }

    /// Customers, optionally filtered by status and a search text (name, e-mail, contact).
    public func customers(status: CustomerStatus? = nil, search: String? = nil) async throws -> [Customer] {
        try await store.read { try $0.customers(status: status, search: search) }
    }

    /// One customer with its totals.
    public func customerDetail(id: Int64) async throws -> CustomerDetail {
        try await store.read { book in
            let customer = try book.requireCustomer(id)
            let invoices = try book.invoices(InvoiceQuery(customerId: id))
            let paid = try book.paidInvoiceCount(customerId: id)
            let ids = Set(invoices.map(\.id))
            let charges = Dictionary(grouping: try book.dunningCharges(invoiceIds: ids), by: \.invoiceId)
            let payments = try book.payments(invoiceIds: Set(charges.keys))
            let claims = invoices.filter { charges[$0.id] != nil }.map {
                let open = InvoiceAccount(invoice: $0, charges: charges[$0.id] ?? [], payments: payments[$0.id] ?? [])
                    .openClaim
                return open.costs + open.interest
            }
            return CustomerDetail(
                customer: customer, invoices: invoices, paidInvoiceCount: paid,
                loyaltyPercent: try book.profile()?.loyalty.percent(forPaidInvoices: paid) ?? 0, claims: claims.sum())
        }
    }

    /// Writes a dated note into the customer's timeline: a plain note, a promise to pay (pauses the dunning),
    /// an objection (stops it) or the settling of an objection.
    public func addNote(
        customerId: Int64, text: String, on day: Day, kind: NoteKind = .note, invoice: String? = nil,
        promisedFor: Day? = nil
    ) async throws -> Note {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw InputError.missing(what: .noteText, fix: "kontor note CUSTOMER \"Rief an\"")
        }
        if kind == .promise, promisedFor == nil {
            throw InputError.missing(what: .promisedDate, fix: "--promise YYYY-MM-DD")
        }
        guard NoteKind.written.contains(kind) else {
            throw InputError.invalid(what: .noteKind, rule: .statusChangeIsNotANote)
        }
        let creator = BookActor.signedInName
        return try await store.write { book in
            _ = try book.requireCustomer(customerId)
            var invoiceId: Int64?
            if let invoice {
                let found = try book.requireInvoice(invoice)
                guard found.customerId == customerId else {
                    throw WorkflowError.belongsToAnotherCustomer(.invoice(invoice))
                }
                invoiceId = found.id
            }
            return try book.insert(note: Note(
                customerId: customerId, writtenOn: day, text: text, kind: kind, invoiceId: invoiceId,
                promisedFor: promisedFor, createdBy: creator))
        }
    }
}

/// A customer with its invoices and the figures shown on the customer page.
public struct CustomerDetail: Sendable, Codable {
    public var customer: Customer
    public var invoices: [Invoice]
    public var paidInvoiceCount: Int
    /// The discount the loyalty policy grants now.
    public var loyaltyPercent: Int64

    /// Gross of all issued, uncancelled invoices.
    public var revenue: Money {
        invoices.filter { $0.isIssued && $0.kind == .invoice && !$0.isCancelled }.map(\.totals.gross).sum()
    }
    /// What the customer owes now.
    public var openAmount: Money { invoices.map(\.openAmount).sum() }
    /// Overpayments kept as credit.
    public var credit: Money { invoices.map(\.overpaid).sum() }
    /// Interest, lump sums and costs claimed by Mahnungen and not yet paid, beside the open principal.
    public var claims: Money = .zero
}
