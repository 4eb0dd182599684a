/// One thing that happened with a customer; the timeline is the evidence for a later Mahnung.
public struct TimelineEvent: Sendable, Hashable, Codable {
    public var day: Day
    public var kind: TimelineEventKind
    /// What happened, in a short line.
    public var title: String
    /// Further detail (amount, note text), if any.
    public var detail: String?
    /// The id or number of the record the event belongs to.
    public var reference: String?

    /// Creates an event.
    public init(day: Day, kind: TimelineEventKind, title: String, detail: String? = nil, reference: String? = nil) {
        self.day = day
        self.kind = kind
        self.title = title
        self.detail = detail
        self.reference = reference
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
    case jobStarted = "job-started"
    case jobDelivered = "job-delivered"
    case revision
    case jobAccepted = "job-accepted"
    case invoice
    case cancellation
    case payment
    case reminder
    case promise
    case objection
    case objectionResolved = "objection-resolved"
    case note

    var sequence: Int { TimelineEventKind.allCases.firstIndex(of: self)! }
}
