import GRDB
import KontorApp

extension AuditJournal {
    /// Runs `insert`, which adds rows to `tableName`, and journals all the rows it added as one entry instead of
    /// one entry per row: operation `insert`, `rowKey` the first and last rowid (`"12..1035"`), and `after` a JSON
    /// array of `[key, hash]` pairs, each hash the SHA-256 of the row as inserted (`rowHash`). The table's per-row
    /// insert triggers stand aside from the first call until the write's `seal` (`standAside`).
    ///
    /// Why: a bank statement adds up to 100,000 rows in one transaction. A journal row per bank entry, or the rows
    /// written out as JSON in batches, wrote, indexed and sealed more than the entries themselves and cost most of
    /// the import. The hashes record the same facts for `audit verify`: a row changed, added or removed outside
    /// Kontor no longer matches its hash (`AuditVerifier`), and the bank data of an entry cannot change inside
    /// Kontor (`bankEntry_only_review`), so the row as inserted is its current bank data with the review fields as
    /// the later journal entries say they were before (`audit log` shows it so).
    ///
    /// Older books hold batches as `[key, row]` pairs with the rows written out; both are read.
    ///
    /// The rows are those with a rowid above the table's largest before the call, so `insert` must let SQLite
    /// choose the rowids (a row it placed below would go unjournaled, and `audit verify` would report it).
    ///
    /// `insert` is given the rowid SQLite will give its first row and may return the rows hashed as it bound them
    /// (`HashedRows`); when they are exactly the rows added, one rowid after the other, they are not read back.
    static func insertInBulk(
        into tableName: String, _ db: Database, insert: (_ firstRowid: Int64) throws -> HashedRows?
    ) throws {
        let table = try AuditTriggers.table(named: tableName, db)
        let name = AuditTriggers.quoted(tableName)
        // The statements of a bulk insert are cached: an import makes about a hundred of them in one transaction,
        // and preparing a statement that fires triggers cost as much as running it.
        let before = try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(max(rowid), 0) FROM \(name)")) ?? 0
        try standAside(tableName, db)
        let inserted: HashedRows?
        do {
            inserted = try insert(before + 1)
        } catch let error as DatabaseError
            where [.SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY].contains(error.extendedResultCode)
            && (try? replaceGuardStandsAside(tableName, db)) == true
        {
            // A key that already holds evidence: the refusal of the guard that stands aside, not the bare constraint.
            throw DatabaseError(resultCode: .SQLITE_CONSTRAINT_TRIGGER, message: EvidenceTriggers.replaceMessage)
        }
        var pairs = BulkPairs()
        let hashedAsInserted = try inserted.map { try addHashes(of: $0, table: table, after: before, to: &pairs, db) }
        if hashedAsInserted != true { try addHashesReadBack(table: table, after: before, to: &pairs, db) }
        guard let first = pairs.first, let last = pairs.last else { return }
        try insertSealed(tableName: tableName, rowKey: "\(first)..\(last)", after: pairs.json(), db)
    }

    /// Adds an `insert` entry sealed at once, chained onto the entries before it (sealed first): a bulk entry holds
    /// up to 1,024 rows' hashes (≈80 KB), and sealing it at the end of the write rewrote the whole row with its
    /// overflow pages only to set its hash (a tenth of a 100,000-entry import). The entry is exactly the one the
    /// journal's default values and `seal` would have made: the next id, now, the actor of the write.
    private static func insertSealed(tableName: String, rowKey: String, after: String, _ db: Database) throws {
        let previous = try sealPending(db)
        let next = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT max(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'auditJournal'), 0),
                COALESCE((SELECT max(id) FROM auditJournal), 0)) + 1,
                \(nowExpression), \(AuditTriggers.actorExpression)
            """))
        guard let next else { throw DatabaseError(resultCode: .SQLITE_ERROR, message: "no next journal entry") }
        let entry = AuditEntry(
            id: next[0], at: next[1], actor: next[2], table: tableName, key: rowKey, operation: "insert", before: nil,
            after: after, hash: nil)
        try db.cachedStatement(sql: """
            INSERT INTO auditJournal (id, at, actor, tableName, rowKey, operation, after, hash)
            VALUES (?, ?, ?, ?, ?, 'insert', ?, ?)
            """).execute(arguments: [
                entry.id, entry.at, entry.actor, tableName, rowKey, after,
                AuditChain.chainHash(previous: previous, entry: entry),
            ])
    }

    /// The rows an `insert` of `insertInBulk` added, hashed as it bound them (`RowHashEncoder`: the rowid key,
    /// then `columns` in order), 64 hex digits per row one after the other, for rows that took the rowids from the
    /// first one `insert` was given.
    struct HashedRows {
        var columns: [String]
        var hexDigests: [UInt8]
    }

    /// The journal's `[key, hash]` pairs of one bulk entry, written as they come.
    private struct BulkPairs {
        private var text: [UInt8] = [UInt8(ascii: "[")]
        private(set) var first: Int64?
        private(set) var last: Int64?

        init() {}

        /// Adds a row; `writeHash` appends its 64 hex digits.
        mutating func add(rowid: Int64, key: String, writeHash: (inout [UInt8]) -> Void) {
            if first == nil { first = rowid } else { text.append(UInt8(ascii: ",")) }
            last = rowid
            text.append(UInt8(ascii: "["))
            AuditJournal.appendJSONString(key, to: &text)
            text.append(contentsOf: ",\"".utf8)
            writeHash(&text)
            text.append(contentsOf: "\"]".utf8)
        }

        func json() -> String {
            String(decoding: text + [UInt8(ascii: "]")], as: UTF8.self)
        }
    }

    /// Adds the hashes `inserted` holds, or returns false when they cannot stand for the rows added: the table's
    /// key is not its one integer rowid column, a column is missing, out of order or a blob (the journal writes
    /// those as hex), or the rows added are not exactly these, one rowid after the other.
    private static func addHashes(
        of inserted: HashedRows, table: AuditTriggers.Table, after before: Int64, to pairs: inout BulkPairs,
        _ db: Database
    ) throws -> Bool {
        guard table.key.count == 1, table.blobColumns.isEmpty, table.columns == table.key + inserted.columns,
            inserted.hexDigests.count % 64 == 0
        else { return false }
        let count = inserted.hexDigests.count / 64
        guard count > 0 else { return false }
        let check = try Row.fetchOne(
            db.cachedStatement(sql: """
                SELECT count(*), min(rowid), max(rowid), total(\(AuditTriggers.quoted(table.key[0])) = rowid)
                FROM \(AuditTriggers.quoted(table.name)) WHERE rowid > ?
                """), arguments: [before])
        guard let check, check[0] as Int == count, check[1] as Int64? == before + 1,
            check[2] as Int64? == before + Int64(count), check[3] as Double == Double(count)
        else { return false }
        for offset in 0..<count {
            let rowid = before + 1 + Int64(offset)
            pairs.add(rowid: rowid, key: String(rowid)) {
                $0.append(contentsOf: inserted.hexDigests[(offset * 64)..<(offset * 64 + 64)])
            }
        }
        return true
    }

    /// Adds the hashes of the rows added, read back from the table.
    private static func addHashesReadBack(
        table: AuditTriggers.Table, after before: Int64, to pairs: inout BulkPairs, _ db: Database
    ) throws {
        let values = table.columns.map { table.value("t", $0) }.joined(separator: ", ")
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT t.rowid, \(table.keyExpression("t")), \(values) FROM \(AuditTriggers.quoted(table.name)) AS t
                WHERE t.rowid > ? ORDER BY t.rowid
                """,
            arguments: [before])
        var encoder = RowHashEncoder()
        while let next = try rows.next() {
            encoder.reset()
            for index in 2..<next.count { encoder.value(next[index]) }
            pairs.add(rowid: next[0], key: next[1]) { encoder.appendHash(to: &$0) }
        }
    }

    /// Whether an entry journals many rows at once (`insertInBulk`): its `after` is an array, not an object.
    static func isBulk(operation: String, after: String?) -> Bool {
        operation == "insert" && after?.first == "["
    }

    /// The SHA-256 (hex) of one row's values in the table's column order, as the journal writes them (blobs as
    /// hex), encoded by `RowHashEncoder`.
    static func rowHash(_ values: [DatabaseValue]) -> String {
        var encoder = RowHashEncoder()
        for value in values { encoder.value(value) }
        var hex: [UInt8] = []
        encoder.appendHash(to: &hex)
        return String(decoding: hex, as: UTF8.self)
    }

    /// `text` as a JSON string literal, appended to `json`.
    static func appendJSONString(_ text: String, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                json.append(UInt8(ascii: "\\"))
                json.append(byte)
            case 0..<0x20:
                json.append(contentsOf: "\\u00".utf8)
                AuditChain.appendHex(CollectionOfOne(byte), to: &json)
            default: json.append(byte)
            }
        }
        json.append(UInt8(ascii: "\""))
    }
}
