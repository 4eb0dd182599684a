import Crypto
import GRDB
import KontorApp

extension AuditJournal {
    /// Runs `insert`, which adds rows to `tableName`, and journals all the rows it added as one entry instead of
    /// one entry per row: operation `insert`, `rowKey` the first and last rowid (`"12..1035"`), and `after` a JSON
    /// array of `[key, hash]` pairs, each hash the SHA-256 of the row as inserted (`rowHash`). The table's own
    /// insert trigger stands aside meanwhile (`auditContext.bulkTable`).
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
    /// `insert` may return the rows as it bound them; when they are all the rows added, in rowid order, with every
    /// column but the rowid key, they are hashed as bound instead of being read back.
    static func insertInBulk(into tableName: String, _ db: Database, insert: () throws -> BoundRows?) throws {
        let table = try AuditTriggers.table(named: tableName, db)
        let name = AuditTriggers.quoted(tableName)
        let before = try Int64.fetchOne(db, sql: "SELECT COALESCE(max(rowid), 0) FROM \(name)") ?? 0
        try db.execute(sql: "UPDATE auditContext SET bulkTable = ? WHERE id = 1", arguments: [tableName])
        let bound: BoundRows?
        do {
            bound = try insert()
        } catch {
            try? db.execute(sql: "UPDATE auditContext SET bulkTable = NULL WHERE id = 1")
            throw error
        }
        try db.execute(sql: "UPDATE auditContext SET bulkTable = NULL WHERE id = 1")
        let hashed = try bound.flatMap { try hashes(of: $0, table: table, after: before, db) }
            ?? hashesReadBack(table: table, after: before, db)
        guard let first = hashed.first, let last = hashed.last else { return }
        var pairs = "["
        for (index, row) in hashed.enumerated() {
            if index > 0 { pairs += "," }
            pairs += "[" + jsonString(row.key) + ",\"" + row.hash + "\"]"
        }
        try db.execute(
            sql: """
                INSERT INTO auditJournal (actor, tableName, rowKey, operation, after)
                VALUES (\(AuditTriggers.actorExpression), ?, ?, 'insert', ?)
                """,
            arguments: [tableName, "\(first.rowid)..\(last.rowid)", pairs + "]"])
    }

    /// Rows as an insert bound them: the columns named, and each row's values in that order.
    struct BoundRows {
        var columns: [String]
        var rows: [[DatabaseValue]]
    }

    /// One row of a batch: its rowid, its key as the journal writes it, and its hash.
    private struct HashedRow {
        var rowid: Int64
        var key: String
        var hash: String
    }

    /// The hashes of the rows as bound, or nil when they cannot stand for the rows added: the table's key is not
    /// its one integer rowid column, a column is missing or a blob (the journal writes those as hex), or the rows
    /// added are not exactly these, one rowid after the other.
    private static func hashes(of bound: BoundRows, table: AuditTriggers.Table, after before: Int64, _ db: Database)
        throws -> [HashedRow]?
    {
        guard table.key.count == 1, table.blobColumns.isEmpty, !bound.rows.isEmpty else { return nil }
        let key = table.key[0]
        let positions = Dictionary(uniqueKeysWithValues: bound.columns.enumerated().map { ($1, $0) })
        guard table.columns.allSatisfy({ $0 == key || positions[$0] != nil }) else { return nil }
        let check = try Row.fetchOne(db, sql: """
            SELECT count(*), min(rowid), max(rowid), total(\(AuditTriggers.quoted(key)) = rowid)
            FROM \(AuditTriggers.quoted(table.name)) WHERE rowid > ?
            """, arguments: [before])
        guard let check, check[0] as Int == bound.rows.count, let first = check[1] as Int64?,
            check[2] as Int64? == first + Int64(bound.rows.count) - 1, check[3] as Double == Double(bound.rows.count)
        else { return nil }
        let order = table.columns.map { $0 == key ? nil : positions[$0] }
        var values: [DatabaseValue] = []
        values.reserveCapacity(order.count)
        return bound.rows.enumerated().map { offset, row in
            let rowid = first + Int64(offset)
            values.removeAll(keepingCapacity: true)
            for position in order { values.append(position.map { row[$0] } ?? rowid.databaseValue) }
            return HashedRow(rowid: rowid, key: String(rowid), hash: rowHash(values))
        }
    }

    /// The hashes of the rows added, read back from the table.
    private static func hashesReadBack(table: AuditTriggers.Table, after before: Int64, _ db: Database) throws
        -> [HashedRow]
    {
        let values = table.columns.map { table.value("t", $0) }.joined(separator: ", ")
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT t.rowid, \(table.keyExpression("t")), \(values) FROM \(AuditTriggers.quoted(table.name)) AS t
                WHERE t.rowid > ? ORDER BY t.rowid
                """,
            arguments: [before])
        var hashed: [HashedRow] = []
        var row: [DatabaseValue] = []
        while let next = try rows.next() {
            row.removeAll(keepingCapacity: true)
            for index in 2..<next.count { row.append(next[index]) }
            hashed.append(HashedRow(rowid: next[0], key: next[1], hash: rowHash(row)))
        }
        return hashed
    }

    /// Whether an entry journals many rows at once (`insertInBulk`): its `after` is an array, not an object.
    static func isBulk(operation: String, after: String?) -> Bool {
        operation == "insert" && after?.first == "["
    }

    /// The SHA-256 (hex) of one row's values in the table's column order, as the journal writes them (blobs as
    /// hex): each value typed and length-prefixed, so that no two rows share an encoding.
    static func rowHash(_ values: [DatabaseValue]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        func append<T: FixedWidthInteger>(_ tag: UInt8, _ number: T) {
            bytes.append(tag)
            withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
        }
        for value in values {
            switch value.storage {
            case .null: bytes.append(0)
            case .int64(let integer): append(1, integer)
            case .double(let real): append(2, real.bitPattern)
            case .string(let text):
                append(3, UInt64(text.utf8.count))
                bytes.append(contentsOf: text.utf8)
            case .blob(let data):
                append(4, UInt64(data.count))
                bytes.append(contentsOf: data)
            }
        }
        return AuditChain.hex(SHA256.hash(data: bytes))
    }

    /// `text` as a JSON string literal.
    private static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
