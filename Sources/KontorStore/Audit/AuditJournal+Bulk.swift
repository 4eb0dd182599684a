import Crypto
import GRDB

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
    static func insertInBulk(into tableName: String, _ db: Database, insert: () throws -> Void) throws {
        let table = try AuditTriggers.table(named: tableName, db)
        let name = AuditTriggers.quoted(tableName)
        let before = try Int64.fetchOne(db, sql: "SELECT COALESCE(max(rowid), 0) FROM \(name)") ?? 0
        try db.execute(sql: "UPDATE auditContext SET bulkTable = ? WHERE id = 1", arguments: [tableName])
        do {
            try insert()
        } catch {
            try? db.execute(sql: "UPDATE auditContext SET bulkTable = NULL WHERE id = 1")
            throw error
        }
        try db.execute(sql: "UPDATE auditContext SET bulkTable = NULL WHERE id = 1")
        let values = table.columns.map { table.value("t", $0) }.joined(separator: ", ")
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT t.rowid, \(table.keyExpression("t")), \(values) FROM \(name) AS t WHERE t.rowid > ?
                ORDER BY t.rowid
                """,
            arguments: [before])
        var pairs = "["
        var first: Int64?
        var last: Int64 = 0
        var row: [DatabaseValue] = []
        row.reserveCapacity(table.columns.count)
        while let next = try rows.next() {
            last = next[0]
            if first == nil { first = last } else { pairs += "," }
            row.removeAll(keepingCapacity: true)
            for index in 2..<next.count { row.append(next[index]) }
            pairs += "[" + jsonString(next[1]) + ",\"" + rowHash(row) + "\"]"
        }
        guard let first else { return }
        try db.execute(
            sql: """
                INSERT INTO auditJournal (actor, tableName, rowKey, operation, after)
                VALUES (\(AuditTriggers.actorExpression), ?, ?, 'insert', ?)
                """,
            arguments: [tableName, "\(first)..\(last)", pairs + "]"])
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
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
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
