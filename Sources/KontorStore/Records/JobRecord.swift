import GRDB
import KontorCore

/// A row of `job` (revision rounds live in `revision`, their notes in `revisionNote`).
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

    var createdBy: String?
    var writer: String?

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
        createdBy = j.createdBy
        writer = j.writer
    }

    func domain(revisions: [Revision]) throws -> Job {
        Job(
            id: id ?? 0, customerId: customerId, quoteId: quoteId, title: title,
            effortHours: effortHours.map { Quantity(thousandths: $0) }, deadline: try Convert.day(deadline),
            status: try Convert.choice(status), includedRevisions: includedRevisions, priority: priority,
            createdOn: try Convert.day(createdOn), startedOn: try Convert.day(startedOn),
            deliveredOn: try Convert.day(deliveredOn), acceptedOn: try Convert.day(acceptedOn), revisions: revisions,
            createdBy: createdBy, writer: writer)
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
        createdBy = row["createdBy"]
        writer = row["writer"]
    }
}
