import GRDB
import KontorCore

/// A row of `quote` (lines live in `quoteLine`).
struct QuoteRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "quote"
    var id: Int64?
    var customerId: Int64
    var inquiryId: Int64?
    var title: String
    var createdOn: String
    var validUntil: String
    var paymentTermDays: Int
    var includedRevisions: Int
    var status: String
    var decidedOn: String?
    var loyaltyPercent: Int64
    var deliveryDate: String?
    var firstPartDate: String?

    var createdBy: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ q: Quote) {
        id = q.id == 0 ? nil : q.id
        customerId = q.customerId
        inquiryId = q.inquiryId
        title = q.title
        createdOn = q.createdOn.description
        validUntil = q.validUntil.description
        paymentTermDays = q.paymentTermDays
        includedRevisions = q.includedRevisions
        status = q.status.rawValue
        decidedOn = q.decidedOn?.description
        loyaltyPercent = q.loyaltyPercent
        deliveryDate = q.deliveryDate?.description
        firstPartDate = q.firstPartDate?.description
        createdBy = q.createdBy
    }

    func domain(lines: [DocumentLine]) throws -> Quote {
        Quote(
            id: id ?? 0, customerId: customerId, inquiryId: inquiryId, title: title,
            createdOn: try Convert.day(createdOn), validUntil: try Convert.day(validUntil),
            paymentTermDays: paymentTermDays, includedRevisions: includedRevisions, status: try Convert.choice(status),
            decidedOn: try Convert.day(decidedOn), lines: lines, loyaltyPercent: loyaltyPercent,
            deliveryDate: try Convert.day(deliveryDate), firstPartDate: try Convert.day(firstPartDate),
            createdBy: createdBy)
    }
}

extension QuoteRecord {
    /// Reads the columns by name: much faster than `Decodable` for the many rows of lists and reports.
    init(row: Row) throws {
        id = row["id"]
        customerId = row["customerId"]
        inquiryId = row["inquiryId"]
        title = row["title"]
        createdOn = row["createdOn"]
        validUntil = row["validUntil"]
        paymentTermDays = row["paymentTermDays"]
        includedRevisions = row["includedRevisions"]
        status = row["status"]
        decidedOn = row["decidedOn"]
        loyaltyPercent = row["loyaltyPercent"]
        deliveryDate = row["deliveryDate"]
        firstPartDate = row["firstPartDate"]
        createdBy = row["createdBy"]
    }
}
