/// A piece of work the writer agreed to deliver, with effort, deadline and revision rounds.
public struct Job: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var customerId: Int64
    public var quoteId: Int64?
    public var title: String
    /// Estimated effort in hours.
    public var effortHours: Quantity?
    public var deadline: Day?
    public var status: JobStatus
    public var includedRevisions: Int
    /// Higher goes first among jobs with the same deadline.
    public var priority: Int
    public var createdOn: Day
    public var startedOn: Day?
    public var deliveredOn: Day?
    public var acceptedOn: Day?
    public var revisions: [Revision]

    /// Who created it, when someone signed in to the web app did (nil at the machine).
    public var createdBy: String?
    /// The writer (login name) the job is assigned to, planned within their own hours; nil: the book's own work.
    public var writer: String?

    /// Creates a job.
    public init(
        id: Int64 = 0, customerId: Int64, quoteId: Int64? = nil, title: String, effortHours: Quantity? = nil,
        deadline: Day? = nil, status: JobStatus = .planned, includedRevisions: Int = 2, priority: Int = 0, createdOn: Day,
        startedOn: Day? = nil, deliveredOn: Day? = nil, acceptedOn: Day? = nil, revisions: [Revision] = [],
        createdBy: String? = nil, writer: String? = nil
    ) {
        self.id = id
        self.customerId = customerId
        self.quoteId = quoteId
        self.title = title
        self.effortHours = effortHours
        self.deadline = deadline
        self.status = status
        self.includedRevisions = includedRevisions
        self.priority = priority
        self.createdOn = createdOn
        self.startedOn = startedOn
        self.deliveredOn = deliveredOn
        self.acceptedOn = acceptedOn
        self.revisions = revisions
        self.createdBy = createdBy
        self.writer = writer
    }

    /// Whether the job still needs work from the writer.
    public var isOpen: Bool { status == .planned || status == .inProgress || status == .revising }

    /// Rounds beyond the included ones are billable.
    public var billableRevisionCount: Int { max(0, revisions.count - includedRevisions) }

    /// The invoice line for the revision rounds beyond the included ones (none when there are none): one flat
    /// line per extra round at `price`, which may be 0 when the rate card leaves it to the user.
    public func extraRevisionLine(price: UnitPrice, language: Language) -> DocumentLine? {
        let extra = billableRevisionCount
        guard extra > 0 else { return nil }
        let description = language == .de
            ? "Zusätzliche Korrekturschleife (über die \(includedRevisions) vereinbarten hinaus)"
            : "Additional revision round (beyond the \(includedRevisions) included)"
        return DocumentLine(
            description: description, quantity: Quantity(Int64(extra)), unit: .flat, unitPrice: price,
            vatRate: .standard)
    }

    /// Moves the job to `next`, or throws when that step does not follow from the current status.
    public mutating func advance(to next: JobStatus, on day: Day) throws(WorkflowError) {
        let allowed: [JobStatus: Set<JobStatus>] = [
            .planned: [.inProgress, .delivered],
            .inProgress: [.delivered],
            .delivered: [.accepted, .revising],
            .revising: [.delivered],
            .accepted: [],
        ]
        guard allowed[status, default: []].contains(next) else {
            throw .jobTransition(id: id, from: status, to: next)
        }
        switch next {
        case .inProgress: startedOn = day
        case .delivered:
            if startedOn == nil { startedOn = day }
            deliveredOn = day
        case .accepted: acceptedOn = day
        case .planned, .revising: break
        }
        status = next
    }
}

/// Where a job stands.
public enum JobStatus: String, NamedChoice, Codable {
    case planned
    case inProgress = "in-progress"
    case delivered
    case revising
    case accepted
}

/// One revision round on a delivered job: what the customer sent back on one day, any number of notes, each a
/// critique or a change request. A round counts once against the included rounds, however many notes it holds.
public struct Revision: Sendable, Hashable, Codable {
    public var requestedOn: Day
    /// The customer's points, in the order they were given (at least one).
    public var notes: [RevisionNote]
    /// Whether this round goes beyond the rounds the quote included.
    public var billable: Bool

    /// Creates a revision round.
    public init(requestedOn: Day, notes: [RevisionNote], billable: Bool) {
        self.requestedOn = requestedOn
        self.notes = notes
        self.billable = billable
    }

    /// Creates a round with one note.
    public init(requestedOn: Day, kind: RevisionKind, note: String, billable: Bool) {
        self.init(requestedOn: requestedOn, notes: [RevisionNote(kind: kind, text: note)], billable: billable)
    }
}

/// One point of a revision round.
public struct RevisionNote: Sendable, Hashable, Codable {
    public var kind: RevisionKind
    public var text: String

    /// Creates a note.
    public init(kind: RevisionKind, text: String) {
        self.kind = kind
        self.text = text
    }
}

/// What a revision round is about.
public enum RevisionKind: String, NamedChoice, Codable {
    case change
    case critique
}
