public import KontorCore
import Foundation
import KontorDocuments

/// The person who asked, as the reply greets them: name, salutation (Frau/Herr) and academic title.
public struct InquiryContact: Sendable, Hashable {
    public var person: String
    public var salutation: Salutation?
    public var academicTitle: String?

    /// Creates a contact; a blank title counts as none.
    public init(person: String, salutation: Salutation? = nil, academicTitle: String? = nil) {
        self.person = person.trimmingCharacters(in: .whitespaces)
        self.salutation = salutation
        let title = academicTitle?.trimmingCharacters(in: .whitespaces)
        self.academicTitle = title?.isEmpty == false ? title : nil
    }
}

/// Who sent an inquiry: a known customer, or a sender to look up by e-mail/name and create as a prospect.
public enum InquirySender: Sendable {
    case customer(Int64)
    case contact(name: String, email: String?, phone: String?, kind: CustomerKind)
}

extension Kontor {
    /// Records an inquiry. An unknown sender becomes a prospect; a known e-mail or name is matched. The contact
    /// person is kept on the inquiry (the reply greets them) and becomes the contact of a new prospect.
    public func addInquiry(
        from sender: InquirySender, channel: InquiryChannel, receivedOn: Day, subject: String,
        size: WorkSize? = nil, wishedDeadline: Day? = nil, note: String? = nil, contact: InquiryContact? = nil
    ) async throws -> (inquiry: Inquiry, customer: Customer, createdCustomer: Bool) {
        guard !subject.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw InputError.missing(what: .subject, fix: "--subject")
        }
        let contact = contact.flatMap { $0.person.isEmpty ? nil : $0 }
        if let contact {
            try DocumentFonts.requirePrintable([
                ("contact person", contact.person), ("academic title", contact.academicTitle),
            ])
        }
        let creator = BookActor.signedInName
        return try await store.write { book in
            var created = false
            let customer: Customer
            switch sender {
            case let .customer(id):
                customer = try book.requireCustomer(id)
            case let .contact(name, email, phone, kind):
                if let email, !email.isEmpty, let known = try book.customer(email: email) {
                    customer = known
                } else if !name.isEmpty, let known = try book.customer(name: name) {
                    customer = known
                } else {
                    var fresh = Customer(
                        name: name.isEmpty ? (email ?? phone ?? "") : name, email: email, phone: phone, kind: kind,
                        createdOn: receivedOn)
                    if let contact, kind == .business {
                        fresh.contactPerson = contact.person
                        fresh.salutation = contact.salutation
                        fresh.academicTitle = contact.academicTitle
                    } else if let contact, contact.person == fresh.name {
                        // A consumer is their own contact: the salutation belongs to them.
                        fresh.salutation = contact.salutation
                        fresh.academicTitle = contact.academicTitle
                    }
                    try fresh.validate()
                    try DocumentFonts.requirePrintable(DocumentFonts.fields(of: fresh))
                    customer = try book.insert(customer: fresh)
                    created = true
                }
            }
            let inquiry = try book.insert(inquiry: Inquiry(
                customerId: customer.id, channel: channel, receivedOn: receivedOn, subject: subject, size: size,
                wishedDeadline: wishedDeadline, note: note, contactPerson: contact?.person,
                salutation: contact?.salutation, academicTitle: contact?.academicTitle, createdBy: creator))
            return (inquiry, customer, created)
        }
    }

    /// Open and answered inquiries first (phone first, then oldest waiting), then the rest.
    public func inquiries(statuses: [InquiryStatus]? = nil) async throws -> [InquiryListItem] {
        try await store.read { book in
            let inquiries = try book.inquiries(statuses: statuses, customerId: nil)
            let names = try book.customerNames(ids: Set(inquiries.map(\.customerId)))
            return inquiries
                .sorted { lhs, rhs in
                    let lOpen = lhs.status == .open, rOpen = rhs.status == .open
                    if lOpen != rOpen { return lOpen }
                    return Inquiry.workOrder(lhs, rhs)
                }
                .map { InquiryListItem(inquiry: $0, customerName: names[$0.customerId] ?? "?") }
        }
    }

    /// One inquiry.
    public func inquiry(id: Int64) async throws -> InquiryListItem {
        try await store.read { book in
            let inquiry = try book.requireInquiry(id)
            return InquiryListItem(inquiry: inquiry, customerName: try book.customer(id: inquiry.customerId)?.name ?? "?")
        }
    }

    /// Marks the inquiry as answered on `day`.
    public func answerInquiry(id: Int64, on day: Day, note: String? = nil) async throws -> Inquiry {
        try await changeInquiry(id: id) { inquiry in
            guard inquiry.status == .open else { throw WorkflowError.inquiryClosed(id: id, status: inquiry.status) }
            inquiry.status = .answered
            inquiry.answeredOn = day
            if let note { inquiry.note = note }
        }
    }

    /// Closes the inquiry as won or lost.
    public func closeInquiry(id: Int64, won: Bool, on day: Day, note: String? = nil) async throws -> Inquiry {
        try await changeInquiry(id: id) { inquiry in
            guard inquiry.status != .won && inquiry.status != .lost else {
                throw WorkflowError.inquiryClosed(id: id, status: inquiry.status)
            }
            if inquiry.answeredOn == nil { inquiry.answeredOn = day }
            inquiry.status = won ? .won : .lost
            inquiry.closedOn = day
            if let note { inquiry.note = note }
        }
    }

    private func changeInquiry(
        id: Int64, _ change: @escaping @Sendable (inout Inquiry) throws -> Void
    ) async throws -> Inquiry {
        try await store.write { book in
            var inquiry = try book.requireInquiry(id)
            try change(&inquiry)
            try book.update(inquiry: inquiry)
            if inquiry.status == .won { try book.promote(customerId: inquiry.customerId, to: .new) }
            return inquiry
        }
    }
}

/// An inquiry with its customer's name, as lists show it.
public struct InquiryListItem: Sendable, Codable {
    public var inquiry: Inquiry
    public var customerName: String
}
