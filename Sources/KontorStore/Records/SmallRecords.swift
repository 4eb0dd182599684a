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

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ p: Payment) {
        id = p.id == 0 ? nil : p.id
        invoiceId = p.invoiceId
        customerId = p.customerId
        amountCents = p.amount.cents
        receivedOn = p.receivedOn.description
        note = p.note
    }

    func domain() throws -> Payment {
        Payment(
            id: id ?? 0, invoiceId: invoiceId, customerId: customerId, amount: Money(cents: amountCents),
            receivedOn: try Convert.day(receivedOn), note: note)
    }
}

/// A row of `note`.
struct NoteRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "note"
    var id: Int64?
    var customerId: Int64
    var writtenOn: String
    var text: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ n: Note) {
        id = n.id == 0 ? nil : n.id
        customerId = n.customerId
        writtenOn = n.writtenOn.description
        text = n.text
    }

    func domain() throws -> Note {
        Note(id: id ?? 0, customerId: customerId, writtenOn: try Convert.day(writtenOn), text: text)
    }
}
