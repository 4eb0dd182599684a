import GRDB
import GRDBSQLite
import KontorCore

/// Binds bank entries straight to a multi-row `INSERT INTO bankEntry` with SQLite's own functions and hashes each
/// row for the journal while it binds it (`RowHashEncoder`, `AuditJournal.insertInBulk`): the columns of
/// `BankEntryRecord`, without the `DatabaseValue`s, existentials and arrays of GRDB's arguments, which cost more than
/// SQLite's own insert on a statement of 100,000 entries.
struct BankEntryBinding {
    /// The columns bound, in the table's order after its rowid key `id`.
    static let columns = [
        "identity", "bookingDate", "amountCents", "isCredit", "currency", "counterpartyName", "counterpartyIBAN",
        "text", "status", "invoiceIds", "confidence", "reason", "importedOn", "sourceFile",
    ]

    private var encoder = RowHashEncoder()
    /// The statements already told that their arguments are bound (`setUncheckedArguments`), which clears every
    /// binding on the way: once per statement and insert call is enough.
    private var prepared: Set<ObjectIdentifier> = []
    /// The hash of every row bound so far, 64 hex digits each, in order.
    private(set) var hexDigests: [UInt8] = []

    init(rows: Int) {
        hexDigests.reserveCapacity(rows * 64)
    }

    /// Binds `entries` to `statement` (`columns.count` parameters per entry, as many entries as it has rows) as the
    /// rows that will get the rowids from `firstRowid` on, and hashes each.
    mutating func bind(_ entries: ArraySlice<BankEntry>, to statement: Statement, firstRowid: Int64) throws {
        let raw = statement.sqliteStatement
        // Every parameter is bound below, so none keeps a value of the rows before.
        SQLiteBinding.ready(statement, clearing: prepared.insert(ObjectIdentifier(statement)).inserted)
        var index: CInt = 1
        for (offset, entry) in entries.enumerated() {
            let record = BankEntryRecord(entry)
            encoder.reset()
            encoder.integer(firstRowid + Int64(offset))
            try text(record.identity, raw, &index)
            try text(record.bookingDate, raw, &index)
            try integer(record.amountCents, raw, &index)
            try integer(record.isCredit ? 1 : 0, raw, &index)
            try text(record.currency, raw, &index)
            try optionalText(record.counterpartyName, raw, &index)
            try optionalText(record.counterpartyIBAN, raw, &index)
            try text(record.text, raw, &index)
            try text(record.status, raw, &index)
            try text(record.invoiceIds, raw, &index)
            try integer(Int64(record.confidence), raw, &index)
            try optionalText(record.reason, raw, &index)
            try text(record.importedOn, raw, &index)
            try text(record.sourceFile, raw, &index)
            encoder.appendHash(to: &hexDigests)
        }
        guard index - 1 == sqlite3_bind_parameter_count(raw) else {
            throw DatabaseError(resultCode: .SQLITE_RANGE, message: "bank entries do not fill the statement")
        }
    }

    private mutating func text(_ value: String, _ raw: SQLiteStatement, _ index: inout CInt) throws {
        try SQLiteBinding.bind(value, to: raw, at: index) { encoder.text($0) }
        index += 1
    }

    private mutating func optionalText(_ value: String?, _ raw: SQLiteStatement, _ index: inout CInt) throws {
        guard let value else {
            encoder.null()
            try SQLiteBinding.bindNull(to: raw, at: index)
            index += 1
            return
        }
        try text(value, raw, &index)
    }

    private mutating func integer(_ value: Int64, _ raw: SQLiteStatement, _ index: inout CInt) throws {
        encoder.integer(value)
        try SQLiteBinding.bind(value, to: raw, at: index)
        index += 1
    }
}
