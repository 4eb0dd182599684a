import Foundation

/// A request for work that came in by e-mail, phone, form or referral.
public struct Inquiry: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var customerId: Int64
    public var channel: InquiryChannel
    public var receivedOn: Day
    public var subject: String
    public var size: WorkSize?
    public var wishedDeadline: Day?
    public var status: InquiryStatus
    public var answeredOn: Day?
    public var closedOn: Day?
    public var note: String?
    /// The person who asked (e.g. the caller), greeted by name in the reply; nil: the customer's own contact.
    public var contactPerson: String?
    /// How the contact person is addressed (Frau, Herr; nil: by full name).
    public var salutation: Salutation?
    /// The contact person's academic title, e.g. "Dr.".
    public var academicTitle: String?

    /// Who recorded it, when someone signed in to the web app did (nil at the machine or from an import).
    public var createdBy: String?

    /// Creates an inquiry.
    public init(
        id: Int64 = 0, customerId: Int64, channel: InquiryChannel, receivedOn: Day, subject: String,
        size: WorkSize? = nil, wishedDeadline: Day? = nil, status: InquiryStatus = .open, answeredOn: Day? = nil,
        closedOn: Day? = nil, note: String? = nil, contactPerson: String? = nil, salutation: Salutation? = nil,
        academicTitle: String? = nil, createdBy: String? = nil
    ) {
        self.id = id
        self.customerId = customerId
        self.channel = channel
        self.receivedOn = receivedOn
        self.subject = subject
        self.size = size
        self.wishedDeadline = wishedDeadline
        self.status = status
        self.answeredOn = answeredOn
        self.closedOn = closedOn
        self.note = note
        self.contactPerson = contactPerson
        self.salutation = salutation
        self.academicTitle = academicTitle
        self.createdBy = createdBy
    }

    /// The customer as a reply to this inquiry addresses them: with the inquiry's contact person, when one was
    /// noted, in place of the customer's own. Greeting lines then come from `Customer.salutation(language:formal:)`,
    /// the one rule for every letter and e-mail.
    public func addressing(_ customer: Customer) -> Customer {
        guard let person = contactPerson?.trimmingCharacters(in: .whitespaces), !person.isEmpty else { return customer }
        var addressed = customer
        addressed.contactPerson = person
        addressed.salutation = salutation
        let title = academicTitle?.trimmingCharacters(in: .whitespaces)
        addressed.academicTitle = title?.isEmpty == false ? title : nil
        return addressed
    }

    /// Whether the inquiry still waits for a first answer.
    public var isWaitingForAnswer: Bool { status == .open }

    /// Callers are usually decided already; they come first in every list.
    public var isDecidedBuyer: Bool { channel == .phone }

    /// The order in which open inquiries are worked through: phone inquiries (decided buyers) first,
    /// then the longest-waiting e-mails, then the rest by age.
    public static func workOrder(_ lhs: Inquiry, _ rhs: Inquiry) -> Bool {
        if lhs.isDecidedBuyer != rhs.isDecidedBuyer { return lhs.isDecidedBuyer }
        if lhs.receivedOn != rhs.receivedOn { return lhs.receivedOn < rhs.receivedOn }
        return lhs.id < rhs.id
    }
}

/// How an inquiry reached the writer.
public enum InquiryChannel: String, NamedChoice, Codable {
    case email
    case phone
    case form
    case referral
    case other
}

/// The life of an inquiry: open → answered → quoted → won / lost.
public enum InquiryStatus: String, NamedChoice, Codable {
    case open
    case answered
    case quoted
    case won
    case lost
}
