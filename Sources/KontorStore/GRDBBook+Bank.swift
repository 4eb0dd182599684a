import GRDB
import KontorApp
import KontorCore

extension GRDBBook {
    func knownBankEntries(identities: [String]) throws -> Set<String> {
        // In chunks of bound parameters: encoding 100,000 identities as one JSON array for `json_each` cost more
        // than looking them up. Bound with SQLite's own functions (`SQLiteBinding`), as the entries are stored.
        var known: Set<String> = []
        var start = identities.startIndex
        while start < identities.endIndex {
            let end = min(start + Self.identitiesPerLookup, identities.endIndex)
            let statement = try db.cachedStatement(
                sql: end - start == Self.identitiesPerLookup ? Self.fullLookupSQL : Self.lookupSQL(end - start))
            SQLiteBinding.ready(statement)
            for (offset, identity) in identities[start..<end].enumerated() {
                try SQLiteBinding.bind(identity, to: statement.sqliteStatement, at: CInt(offset + 1))
            }
            known.formUnion(try String.fetchAll(statement))
            start = end
        }
        return known
    }

    private static let identitiesPerLookup = 500

    /// The lookup of `count` identities; the full one made once, not for every chunk of a statement.
    private static func lookupSQL(_ count: Int) -> String {
        "SELECT identity FROM bankEntry WHERE identity IN (\(databaseQuestionMarks(count: count)))"
    }

    private static let fullLookupSQL = lookupSQL(identitiesPerLookup)

    func bankEntry(id: Int64) throws -> BankEntry? {
        try BankEntryRecord.fetchOne(db, key: id)?.domain()
    }

    func bankEntry(identity: String) throws -> BankEntry? {
        // A cached statement: an import looks up every entry the matcher suggests invoices for.
        let statement = try db.cachedStatement(
            sql: "SELECT \(BankEntryRecord.selection) FROM bankEntry WHERE identity = ?")
        return try Row.fetchOne(statement, arguments: [identity]).map { try BankEntryRecord(selected: $0).domain() }
    }

    func bankEntries(status: BankEntryStatus?) throws -> [BankEntry] {
        var request = BankEntryRecord.all()
        if let status { request = request.filter(Column("status") == status.rawValue) }
        return try request.order(Column("bookingDate"), Column("id")).fetchAll(db).map { try $0.domain() }
    }

    func customerIBANs(customerIds: Set<Int64>) throws -> [Int64: [String]] {
        guard !customerIds.isEmpty else { return [:] }
        // Through the customers' payments: an agency's book holds a bank entry for nearly every payment ever made.
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT DISTINCT p.customerId, e.counterpartyIBAN FROM payment p JOIN bankEntry e ON e.id = p.bankEntryId
                WHERE p.customerId IN (SELECT value FROM json_each(?)) AND e.counterpartyIBAN IS NOT NULL
                """,
            arguments: [try SnapshotJSON.encode(Array(customerIds))])
        return Dictionary(grouping: rows, by: { $0[0] as Int64 }).mapValues { $0.map { $0[1] as String } }
    }

    func openBalances() throws -> [OpenBalance] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT i.id, i.number, b.customerId, COALESCE(json_extract(i.buyerJSON, '$.name'), ''), b.grossCents,
                       b.openCents, i.issueDate, b.dueDate
                FROM invoiceBalance b CROSS JOIN invoice i ON i.id = b.invoiceId
                WHERE b.openCents > 0 AND b.cancelledByNumber IS NULL AND i.kind = 'invoice' AND i.number IS NOT NULL
                ORDER BY i.issueDate DESC, i.id DESC
                """
        ).map { row in
            OpenBalance(
                invoiceId: row[0], number: row[1], customerId: row[2], buyerName: row[3], gross: Money(cents: row[4]),
                open: Money(cents: row[5]), issueDate: try Convert.day(row[6] as String),
                dueDate: try Convert.day(row[7] as String))
        }
    }

    func customerPayerNames(customerIds: Set<Int64>) throws -> [Int64: [String]] {
        guard !customerIds.isEmpty else { return [:] }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT DISTINCT p.customerId, e.counterpartyName FROM payment p JOIN bankEntry e ON e.id = p.bankEntryId
                WHERE p.customerId IN (SELECT value FROM json_each(?))
                  AND e.counterpartyName IS NOT NULL AND e.counterpartyName <> ''
                """,
            arguments: [try SnapshotJSON.encode(Array(customerIds))])
        return Dictionary(grouping: rows, by: { $0[0] as Int64 }).mapValues { $0.map { $0[1] as String } }
    }

    func insert(bankEntries: [BankEntry]) throws {
        _ = try insertInBulk(bankEntries, skippingHeld: false)
    }

    func insertNew(bankEntries: [BankEntry]) throws -> [Bool] {
        let (stored, firstRowid) = try insertInBulk(bankEntries, skippingHeld: true)
        if stored == bankEntries.count { return Array(repeating: true, count: bankEntries.count) }
        // Some identities were held: the rows added are the entries stored, in their order.
        let added = try String.fetchCursor(
            db, sql: "SELECT identity FROM bankEntry WHERE rowid >= ? ORDER BY rowid", arguments: [firstRowid])
        var next = try added.next()
        return try bankEntries.map { entry in
            guard entry.identity == next else { return false }
            next = try added.next()
            return true
        }
    }

    /// Inserts `bankEntries` several per statement, bound and hashed in one pass (`BankEntryBinding`), journaled as
    /// one entry per call, not by the per-row trigger (see `AuditJournal.insertInBulk`), because binding and stepping
    /// one statement per row costs more than SQLite's work per row. `skippingHeld`: an entry whose identity the
    /// table holds is left out (`ON CONFLICT DO NOTHING`, answered by the unique index the insert consults anyway),
    /// else it fails the insert. Returns the rows stored and the rowid SQLite gave the first.
    private func insertInBulk(
        _ bankEntries: [BankEntry], skippingHeld: Bool
    ) throws -> (stored: Int, firstRowid: Int64) {
        guard !bankEntries.isEmpty else { return (0, 0) }
        var stored = 0
        var first: Int64 = 0
        try AuditJournal.insertInBulk(into: "bankEntry", db) { firstRowid in
            first = firstRowid
            var binding = BankEntryBinding(rows: bankEntries.count)
            var start = bankEntries.startIndex
            while start < bankEntries.endIndex {
                let end = min(start + Self.rowsPerInsert, bankEntries.endIndex)
                let statement = try insertStatement(rows: end - start, skippingHeld: skippingHeld)
                try binding.bind(bankEntries[start..<end], to: statement, firstRowid: firstRowid + Int64(start))
                try statement.execute()
                stored += db.changesCount
                start = end
            }
            // Hashed for the rowids they were to get: when some were left out, the rows are read back instead.
            guard stored == bankEntries.count else { return nil }
            return AuditJournal.HashedRows(columns: BankEntryBinding.columns, hexDigests: binding.hexDigests)
        }
        return (stored, first)
    }

    private static let rowsPerInsert = 64

    /// The INSERT of `rows` rows, cached per row count (a full statement and at most one shorter tail per call).
    private func insertStatement(rows: Int, skippingHeld: Bool) throws -> Statement {
        guard rows == Self.rowsPerInsert else {
            return try db.cachedStatement(sql: Self.insertSQL(rows: rows, skippingHeld: skippingHeld))
        }
        return try db.cachedStatement(sql: skippingHeld ? Self.fullInsertNewSQL : Self.fullInsertSQL)
    }

    /// The full statements' texts made once: one is looked up for every 64 entries stored.
    private static let fullInsertSQL = insertSQL(rows: rowsPerInsert, skippingHeld: false)
    private static let fullInsertNewSQL = insertSQL(rows: rowsPerInsert, skippingHeld: true)

    private static func insertSQL(rows: Int, skippingHeld: Bool) -> String {
        let columns = BankEntryBinding.columns
        let row = "(\(databaseQuestionMarks(count: columns.count)))"
        // A held identity is left out by the unique index the insert consults anyway (`insertNew`).
        let conflict = skippingHeld ? " ON CONFLICT (identity) DO NOTHING" : ""
        return """
            INSERT INTO bankEntry (\(columns.joined(separator: ", ")))
            VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))\(conflict)
            """
    }

    func update(bankEntry: BankEntry) throws {
        // A cached statement of the review columns alone, where the row holds the bank data given: an import marks
        // every entry the matcher suggests invoices for, a record's `update(db)` builds its SQL and looks the
        // columns up by name each time, and writing every column makes SQLite rewrite the identity's unique index.
        let record = BankEntryRecord(bankEntry)
        try db.cachedStatement(sql: Self.reviewSQL).execute(arguments: [
            record.status, record.invoiceIds, record.confidence, record.reason, bankEntry.id, record.identity,
            record.bookingDate, record.amountCents, record.isCredit, record.currency, record.counterpartyName,
            record.counterpartyIBAN, record.text, record.importedOn, record.sourceFile,
        ])
        if db.changesCount == 1 { return }
        // No such entry, or other bank data: the record's own update of every column, which finds nothing or which
        // `bankEntry_only_review` refuses as it refuses any change to what the bank said.
        try record.update(db)
    }

    /// The review columns (the only ones `bankEntry_only_review` lets change) set where id and bank data match.
    private static let reviewSQL = """
        UPDATE bankEntry SET status = ?, invoiceIds = ?, confidence = ?, reason = ?
        WHERE id = ? AND identity IS ? AND bookingDate IS ? AND amountCents IS ? AND isCredit IS ? AND currency IS ?
        AND counterpartyName IS ? AND counterpartyIBAN IS ? AND text IS ? AND importedOn IS ? AND sourceFile IS ?
        """

}

extension GRDBBook {
    func agendaSlots() throws -> [PlanSlot] {
        try Row.fetchAll(db, sql: "SELECT day, jobId, hours FROM agendaSlot ORDER BY day, id").map { row in
            PlanSlot(day: try Convert.day(row[0] as String), itemId: row[1], hours: row[2])
        }
    }

    func replaceAgenda(_ slots: [PlanSlot]) throws {
        try db.execute(sql: "DELETE FROM agendaSlot")
        for slot in slots {
            try db.execute(
                sql: "INSERT INTO agendaSlot (day, jobId, hours) VALUES (?, ?, ?)",
                arguments: [slot.day.description, slot.itemId, slot.hours])
        }
    }
}
