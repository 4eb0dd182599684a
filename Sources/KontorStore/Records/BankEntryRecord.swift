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
            text: text, status: try Convert.choice(status), invoiceIds: try Self.invoiceIds(invoiceIds),
            confidence: confidence, reason: reason, importedOn: try Convert.day(importedOn), sourceFile: sourceFile)
    }
}

extension BankEntryRecord {
    /// `invoiceIds` as `init(_:)` writes them, `[]` or `[12,13]`, read by hand for the same reason; any other
    /// spelling of the JSON array goes through `SnapshotJSON`.
    static func invoiceIds(_ text: String) throws -> [Int64] {
        if text == "[]" { return [] }
        let utf8 = text.utf8
        if utf8.first == UInt8(ascii: "["), utf8.last == UInt8(ascii: "]") {
            let parts = utf8.dropFirst().dropLast()
                .split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            let ids = parts.compactMap { part -> Int64? in
                guard !part.isEmpty, part.count < 19, part.allSatisfy({ (0x30...0x39).contains($0) }) else {
                    return nil
                }
                return part.reduce(0) { $0 * 10 + Int64($1 - 0x30) }
            }
            if ids.count == parts.count { return ids }
        }
        return try SnapshotJSON.decode([Int64].self, text)
    }

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

    /// The columns `init(selected:)` reads, in its order: the key, then the bound columns.
    static let selection = (["id"] + BankEntryBinding.columns).joined(separator: ", ")

    /// Reads a row of `SELECT \(selection)` by position: an import fetches every entry it marks, and finding
    /// fifteen columns by name cost more than the lookup itself.
    init(selected row: Row) {
        id = row[0]
        identity = row[1]
        bookingDate = row[2]
        amountCents = row[3]
        isCredit = row[4]
        currency = row[5]
        counterpartyName = row[6]
        counterpartyIBAN = row[7]
        text = row[8]
        status = row[9]
        invoiceIds = row[10]
        confidence = row[11]
        reason = row[12]
        importedOn = row[13]
        sourceFile = row[14]
    }
}
