import GRDB
import KontorCore

/// A row of `job` (revision rounds live in `revision`).
struct JobRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "job"
    var id: Int64?
    var customerId: Int64
    var quoteId: Int64?
    var title: String
    var effortHours: Int64?
    var deadline: String?
    var status: String
    var includedRevisions: Int
    var priority: Int
    var createdOn: String
    var startedOn: String?
    var deliveredOn: String?
    var acceptedOn: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ j: Job) {
        id = j.id == 0 ? nil : j.id
        customerId = j.customerId
        quoteId = j.quoteId
        title = j.title
        effortHours = j.effortHours?.thousandths
        deadline = j.deadline?.description
        status = j.status.rawValue
        includedRevisions = j.includedRevisions
        priority = j.priority
        createdOn = j.createdOn.description
        startedOn = j.startedOn?.description
        deliveredOn = j.deliveredOn?.description
        acceptedOn = j.acceptedOn?.description
    }

    func domain(revisions: [Revision]) throws -> Job {
        Job(
            id: id ?? 0, customerId: customerId, quoteId: quoteId, title: title,
            effortHours: effortHours.map { Quantity(thousandths: $0) }, deadline: try Convert.day(deadline),
            status: try Convert.choice(status), includedRevisions: includedRevisions, priority: priority,
            createdOn: try Convert.day(createdOn), startedOn: try Convert.day(startedOn),
            deliveredOn: try Convert.day(deliveredOn), acceptedOn: try Convert.day(acceptedOn), revisions: revisions)
    }
}

/// A row of `revision`.
struct RevisionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "revision"
    var jobId: Int64
    var position: Int
    var requestedOn: String
    var kind: String
    var note: String
    var billable: Bool

    init(jobId: Int64, position: Int, revision: Revision) {
        self.jobId = jobId
        self.position = position
        requestedOn = revision.requestedOn.description
        kind = revision.kind.rawValue
        note = revision.note
        billable = revision.billable
    }

    func domain() throws -> Revision {
        Revision(requestedOn: try Convert.day(requestedOn), kind: try Convert.choice(kind), note: note, billable: billable)
    }
}

extension JobRecord {
    /// Reads the columns by name: much faster than `Decodable` for the many rows of lists and reports.
    init(row: Row) throws {
        id = row["id"]
        customerId = row["customerId"]
        quoteId = row["quoteId"]
        title = row["title"]
        effortHours = row["effortHours"]
        deadline = row["deadline"]
        status = row["status"]
        includedRevisions = row["includedRevisions"]
        priority = row["priority"]
        createdOn = row["createdOn"]
        startedOn = row["startedOn"]
        deliveredOn = row["deliveredOn"]
        acceptedOn = row["acceptedOn"]
    }
}

extension RevisionRecord {
    /// Reads the columns by name: much faster than `Decodable` for the many rows of lists and reports.
    init(row: Row) throws {
        jobId = row["jobId"]
        position = row["position"]
        requestedOn = row["requestedOn"]
        kind = row["kind"]
        note = row["note"]
        billable = row["billable"]
    }
}
