import GRDB
import KontorCore

/// A row of `inquiry`.
struct InquiryRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "inquiry"
    var id: Int64?
    var customerId: Int64
    var channel: String
    var receivedOn: String
    var subject: String
    var sizeQuantity: Int64?
    var sizeUnit: String?
    var wishedDeadline: String?
    var status: String
    var answeredOn: String?
    var closedOn: String?
    var note: String?
    var contactPerson: String?
    var salutation: String?
    var academicTitle: String?

    var createdBy: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ i: Inquiry) {
        id = i.id == 0 ? nil : i.id
        customerId = i.customerId
        channel = i.channel.rawValue
        receivedOn = i.receivedOn.description
        subject = i.subject
        sizeQuantity = i.size?.quantity.thousandths
        sizeUnit = i.size?.unit.rawValue
        wishedDeadline = i.wishedDeadline?.description
        status = i.status.rawValue
        answeredOn = i.answeredOn?.description
        closedOn = i.closedOn?.description
        note = i.note
        contactPerson = i.contactPerson
        salutation = i.salutation?.rawValue
        academicTitle = i.academicTitle
        createdBy = i.createdBy
    }

    func domain() throws -> Inquiry {
        var size: WorkSize?
        if let sizeQuantity, let sizeUnit {
            size = WorkSize(quantity: Quantity(thousandths: sizeQuantity), unit: try Convert.choice(sizeUnit))
        }
        return Inquiry(
            id: id ?? 0, customerId: customerId, channel: try Convert.choice(channel),
            receivedOn: try Convert.day(receivedOn), subject: subject, size: size,
            wishedDeadline: try Convert.day(wishedDeadline), status: try Convert.choice(status),
            answeredOn: try Convert.day(answeredOn), closedOn: try Convert.day(closedOn), note: note,
            contactPerson: contactPerson, salutation: try salutation.map { try Convert.choice($0) },
            academicTitle: academicTitle, createdBy: createdBy)
    }
}

extension InquiryRecord {
    /// Reads the columns by name: much faster than `Decodable` for the many rows of lists and reports.
    init(row: Row) throws {
        id = row["id"]
        customerId = row["customerId"]
        channel = row["channel"]
        receivedOn = row["receivedOn"]
        subject = row["subject"]
        sizeQuantity = row["sizeQuantity"]
        sizeUnit = row["sizeUnit"]
        wishedDeadline = row["wishedDeadline"]
        status = row["status"]
        answeredOn = row["answeredOn"]
        closedOn = row["closedOn"]
        note = row["note"]
        contactPerson = row["contactPerson"]
        salutation = row["salutation"]
        academicTitle = row["academicTitle"]
        createdBy = row["createdBy"]
    }
}
