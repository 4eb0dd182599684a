import GRDB
import KontorCore

/// A row of `payment`.
struct PaymentRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "payment"
    var id: Int64?
    var invoiceId: Int64
    var customerId: Int64
    var amountCents: Int64
    var receivedOn: String
    var note: String?
    var bankEntryId: Int64?
    var kind: String
    var relatedPaymentId: Int64?
    var toCostsCents: Int64
    var toInterestCents: Int64
    var recordedBy: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ p: Payment) {
        id = p.id == 0 ? nil : p.id
        invoiceId = p.invoiceId
        customerId = p.customerId
        amountCents = p.amount.cents
        receivedOn = p.receivedOn.description
        note = p.note
        bankEntryId = p.bankEntryId
        kind = p.kind.rawValue
        relatedPaymentId = p.relatedPaymentId
        toCostsCents = p.toCosts.cents
        toInterestCents = p.toInterest.cents
        recordedBy = p.recordedBy
    }

    func domain() throws -> Payment {
        Payment(
            id: id ?? 0, invoiceId: invoiceId, customerId: customerId, amount: Money(cents: amountCents),
            receivedOn: try Convert.day(receivedOn), note: note, kind: try Convert.choice(kind),
            relatedPaymentId: relatedPaymentId, toCosts: Money(cents: toCostsCents),
            toInterest: Money(cents: toInterestCents), bankEntryId: bankEntryId, recordedBy: recordedBy)
    }
}

/// A row of `dunningCharge`: interest, lump sum or costs claimed beside an invoice.
struct DunningChargeRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "dunningCharge"
    var id: Int64?
    var invoiceId: Int64
    var customerId: Int64
    var kind: String
    var amountCents: Int64
    var arisenOn: String
    var letterId: Int64?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ c: DunningCharge) {
        id = c.id == 0 ? nil : c.id
        invoiceId = c.invoiceId
        customerId = c.customerId
        kind = c.kind.rawValue
        amountCents = c.amount.cents
        arisenOn = c.arisenOn.description
        letterId = c.letterId
    }

    func domain() throws -> DunningCharge {
        DunningCharge(
            id: id ?? 0, invoiceId: invoiceId, customerId: customerId, kind: try Convert.choice(kind),
            amount: Money(cents: amountCents), arisenOn: try Convert.day(arisenOn), letterId: letterId)
    }
}

/// A row of `note`.
struct NoteRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "note"
    var id: Int64?
    var customerId: Int64
    var writtenOn: String
    var text: String
    var kind: String
    var invoiceId: Int64?
    var promisedFor: String?

    var createdBy: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ n: Note) {
        id = n.id == 0 ? nil : n.id
        customerId = n.customerId
        writtenOn = n.writtenOn.description
        text = n.text
        kind = n.kind.rawValue
        invoiceId = n.invoiceId
        promisedFor = n.promisedFor?.description
        createdBy = n.createdBy
    }

    func domain() throws -> Note {
        Note(id: id ?? 0, customerId: customerId, writtenOn: try Convert.day(writtenOn), text: text,
             kind: try Convert.choice(kind), invoiceId: invoiceId, promisedFor: try Convert.day(promisedFor),
             createdBy: createdBy)
    }
}

/// A row of `dunningHold`.
struct DunningHoldRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "dunningHold"
    var id: Int64?
    var customerId: Int64
    var invoiceId: Int64?
    var until: String
    var reason: String
    var createdOn: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ h: DunningHold) {
        id = h.id == 0 ? nil : h.id
        customerId = h.customerId
        invoiceId = h.invoiceId
        until = h.until.description
        reason = h.reason
        createdOn = h.createdOn.description
    }

    func domain() throws -> DunningHold {
        DunningHold(id: id ?? 0, customerId: customerId, invoiceId: invoiceId, until: try Convert.day(until),
                    reason: reason, createdOn: try Convert.day(createdOn))
    }
}

/// A row of `dunningLetter`.
struct DunningLetterRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "dunningLetter"
    var id: Int64?
    var invoiceId: Int64
    var customerId: Int64
    var invoiceNumber: String
    var step: String
    var status: String
    var createdOn: String
    var sentOn: String?
    var skippedOn: String?
    var deadline: String?
    var openCents: Int64
    var interestCents: Int64
    var lumpSumCents: Int64
    var costsCents: Int64
    var subject: String
    var body: String
    var approvedBy: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ l: DunningLetter) {
        id = l.id == 0 ? nil : l.id
        invoiceId = l.invoiceId
        customerId = l.customerId
        invoiceNumber = l.invoiceNumber
        step = l.step.rawValue
        status = l.status.rawValue
        createdOn = l.createdOn.description
        sentOn = l.sentOn?.description
        skippedOn = l.skippedOn?.description
        deadline = l.deadline?.description
        openCents = l.openAmount.cents
        interestCents = l.interest.cents
        lumpSumCents = l.lumpSum.cents
        costsCents = l.costs.cents
        subject = l.subject
        body = l.body
        approvedBy = l.approvedBy
    }

    func domain() throws -> DunningLetter {
        DunningLetter(
            id: id ?? 0, invoiceId: invoiceId, invoiceNumber: invoiceNumber, customerId: customerId,
            step: try Convert.choice(step), status: try Convert.choice(status), createdOn: try Convert.day(createdOn),
            sentOn: try Convert.day(sentOn), skippedOn: try Convert.day(skippedOn), deadline: try Convert.day(deadline),
            openAmount: Money(cents: openCents), interest: Money(cents: interestCents), lumpSum: Money(cents: lumpSumCents),
            costs: Money(cents: costsCents), subject: subject, body: body, approvedBy: approvedBy)
    }
}

extension PaymentRecord {
    /// Reads the columns by name: much faster than `Decodable` for the many rows of lists and reports.
    init(row: Row) throws {
        id = row["id"]
        invoiceId = row["invoiceId"]
        customerId = row["customerId"]
        amountCents = row["amountCents"]
        receivedOn = row["receivedOn"]
        note = row["note"]
        bankEntryId = row["bankEntryId"]
        kind = row["kind"]
        relatedPaymentId = row["relatedPaymentId"]
        toCostsCents = row["toCostsCents"]
        toInterestCents = row["toInterestCents"]
        recordedBy = row["recordedBy"]
    }
}

extension DunningChargeRecord {
    /// Reads the columns by name, like the other records.
    init(row: Row) throws {
        id = row["id"]
        invoiceId = row["invoiceId"]
        customerId = row["customerId"]
        kind = row["kind"]
        amountCents = row["amountCents"]
        arisenOn = row["arisenOn"]
        letterId = row["letterId"]
    }
}

extension NoteRecord {
    /// Reads the columns by name: much faster than `Decodable` for the many rows of lists and reports.
    init(row: Row) throws {
        id = row["id"]
        customerId = row["customerId"]
        writtenOn = row["writtenOn"]
        text = row["text"]
        kind = row["kind"]
        invoiceId = row["invoiceId"]
        promisedFor = row["promisedFor"]
        createdBy = row["createdBy"]
    }
}

extension DunningHoldRecord {
    /// Reads the columns by name: much faster than `Decodable` for the many rows of lists and reports.
    init(row: Row) throws {
        id = row["id"]
        customerId = row["customerId"]
        invoiceId = row["invoiceId"]
        until = row["until"]
        reason = row["reason"]
        createdOn = row["createdOn"]
    }
}

extension DunningLetterRecord {
    /// Reads the columns by name: much faster than `Decodable` for the many rows of lists and reports.
    init(row: Row) throws {
        id = row["id"]
        invoiceId = row["invoiceId"]
        customerId = row["customerId"]
        invoiceNumber = row["invoiceNumber"]
        step = row["step"]
        status = row["status"]
        createdOn = row["createdOn"]
        sentOn = row["sentOn"]
        skippedOn = row["skippedOn"]
        deadline = row["deadline"]
        openCents = row["openCents"]
        interestCents = row["interestCents"]
        lumpSumCents = row["lumpSumCents"]
        costsCents = row["costsCents"]
        subject = row["subject"]
        body = row["body"]
        approvedBy = row["approvedBy"]
    }
}
