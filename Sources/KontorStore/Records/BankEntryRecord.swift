import KontorApp
import GRDB
import KontorCore

/// A row of `bankEntry`.
struct BankEntryRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "bankEntry"
    var id: Int64?
    var identity: String
    var bookingDate: String
    var amountCents: Int64
    var isCredit: Bool
    var currency: String
    var counterpartyName: String?
    var counterpartyIBAN: String?
    var text: String
    var status: String
    var invoiceIds: String
    var confidence: Int
    var reason: String?
    var importedOn: String
    var sourceFile: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ e: BankEntry) {
        id = e.id == 0 ? nil : e.id
        identity = e.identity
        bookingDate = e.bookingDate.description
        amountCents = e.amount.cents
        isCredit = e.isCredit
        currency = e.currency
        counterpartyName = e.counterpartyName
        counterpartyIBAN = e.counterpartyIBAN
        text = e.text
        status = e.status.rawValue
        // Written by hand: a JSONEncoder per row costs more than the row's insert on a 100,000-entry statement.
        invoiceIds = e.invoiceIds.isEmpty ? "[]" : "[" + e.invoiceIds.map(String.init).joined(separator: ",") + "]"
        confidence = e.confidence
        reason = e.reason
        importedOn = e.importedOn.description
        sourceFile = e.sourceFile
    }

    func domain() throws -> BankEntry {
        BankEntry(
            id: id ?? 0, identity: identity, bookingDate: try Convert.day(bookingDate), amount: Money(cents: amountCents),
            isCredit: isCredit, currency: currency, counterpartyName: counterpartyName, counterpartyIBAN: counterpartyIBAN,
            text: text, status: try Convert.choice(status), invoiceIds: try SnapshotJSON.decode([Int64].self, invoiceIds),
            confidence: confidence, reason: reason, importedOn: try Convert.day(importedOn), sourceFile: sourceFile)
    }
}

extension BankEntryRecord {
    /// Reads the columns by name: much faster than `Decodable` for the many rows of lists and reports.
    init(row: Row) throws {
        id = row["id"]
        identity = row["identity"]
        bookingDate = row["bookingDate"]
        amountCents = row["amountCents"]
        isCredit = row["isCredit"]
        currency = row["currency"]
        counterpartyName = row["counterpartyName"]
        counterpartyIBAN = row["counterpartyIBAN"]
        text = row["text"]
        status = row["status"]
        invoiceIds = row["invoiceIds"]
        confidence = row["confidence"]
        reason = row["reason"]
        importedOn = row["importedOn"]
        sourceFile = row["sourceFile"]
    }
}
