/// One thing that happened with a customer; the timeline is the evidence for a later Mahnung.
public struct TimelineEvent: Sendable, Hashable, Encodable {
    public var day: Day
    public var kind: TimelineEventKind
    /// The record's own words beside the facts (a note's text, a letter's subject), if any.
    public var detail: String?
    /// The id or number of the record the event belongs to.
    public var reference: String?
    /// The facts behind `title` and `detail`, for wording the event in any language.
    public var facts: TimelineFacts

    /// Creates an event.
    public init(
        day: Day, kind: TimelineEventKind, detail: String? = nil, reference: String? = nil,
        facts: TimelineFacts = TimelineFacts()
    ) {
        self.day = day
        self.kind = kind
        self.detail = detail
        self.reference = reference
        self.facts = facts
    }

    private enum CodingKeys: String, CodingKey { case day, kind, title, detail, reference, facts }

    /// The facts, and the English wording as `title` and `detail` for scripts that read `--json`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(day, forKey: .day)
        try container.encode(kind, forKey: .kind)
        try container.encode(title(.en), forKey: .title)
        try container.encodeIfPresent(details(.en), forKey: .detail)
        try container.encodeIfPresent(reference, forKey: .reference)
        try container.encode(facts, forKey: .facts)
    }

    /// Date order; on the same day, the order in which things usually happen.
    public static func chronological(_ lhs: TimelineEvent, _ rhs: TimelineEvent) -> Bool {
        if lhs.day != rhs.day { return lhs.day < rhs.day }
        return lhs.kind.sequence < rhs.kind.sequence
    }
}

/// The kinds of events in a customer's timeline.
public enum TimelineEventKind: String, Sendable, Codable, CaseIterable {
    case customerCreated = "customer-created"
    case inquiry
    case inquiryAnswered = "inquiry-answered"
    case quote
    case quoteDecided = "quote-decided"
    case inquiryClosed = "inquiry-closed"
    case job
    case deadlineChanged = "deadline-changed"
    case jobStarted = "job-started"
    /// Work done on a job (facts: `quantity` hours, `status` the words written, `subject` the job's title).
    case workLogged = "work-logged"
    case jobDelivered = "job-delivered"
    case revision
    case jobAccepted = "job-accepted"
    case invoice
    case cancellation
    case payment
    case reminder
    /// A mail Kontor sent (facts: `status` the `OutboxMessage.Kind`, `subject` the mail's subject, `recipient`,
    /// `messageId`; `invoiceNumber` for an invoice or a reminder).
    case mailSent = "mail-sent"
    case promise
    case objection
    case objectionResolved = "objection-resolved"
    /// The customer's status changed (facts: `status` the new one, `subject` the `CustomerStatusReason`).
    case statusChange = "status-change"
    case note

    var sequence: Int { TimelineEventKind.allCases.firstIndex(of: self)! }
}

/// What an event is about, as data, from which `TimelineEvent.title(_:)` and `details(_:)` word it in either
/// language.
public struct TimelineFacts: Sendable, Hashable, Codable {
    /// The record's own words: an inquiry's subject, a quote's or job's title, a note's text.
    public var subject: String?
    /// The raw value of the channel (inquiry), status (inquiry or quote closed), revision kind or dunning step.
    public var status: String?
    /// The amount named: gross of an invoice, net of a quote, a payment.
    public var amount: Money?
    /// The day named: an invoice's due date, a job's deadline, the day a payment was promised for.
    public var day: Day?
    /// The day before a change: a job's former deadline (nil when it had none).
    public var previousDay: Day?
    /// A quote's payment term in days.
    public var termDays: Int?
    /// The invoice the event concerns (payments, reminders, notes, the original of a cancellation).
    public var invoiceNumber: String?
    /// Hours of work logged on a job.
    public var quantity: Quantity?
    /// The address a mail went to.
    public var recipient: String?
    /// The `Message-ID` of a mail sent, the evidence that it left.
    public var messageId: String?
    /// Who did it, where the record keeps it: the login name that approved a Mahnung in a shared book.
    public var actor: String?

    /// Creates the facts; all are optional.
    public init(
        subject: String? = nil, status: String? = nil, amount: Money? = nil, day: Day? = nil, termDays: Int? = nil,
        invoiceNumber: String? = nil, previousDay: Day? = nil, quantity: Quantity? = nil, recipient: String? = nil,
        messageId: String? = nil, actor: String? = nil
    ) {
        self.actor = actor
        self.recipient = recipient
        self.messageId = messageId
        self.previousDay = previousDay
        self.quantity = quantity
        self.subject = subject
        self.status = status
        self.amount = amount
        self.day = day
        self.termDays = termDays
        self.invoiceNumber = invoiceNumber
    }
}
