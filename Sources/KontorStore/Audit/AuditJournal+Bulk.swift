import GRDB

extension AuditJournal {
    /// Runs `insert`, which adds rows to `tableName`, and journals all the rows it added as one entry instead of
    /// one entry per row: operation `insert`, `rowKey` the first and last rowid (`"12..1035"`), and `after` a JSON
    /// array of `[key, row]` pairs, each row the object the per-row trigger would have written. The table's own
    /// insert trigger stands aside meanwhile (`auditContext.bulkTable`).
    ///
    /// Why: a bank statement adds up to 100,000 rows in one transaction; a trigger writing, indexing and later
    /// sealing a journal row per bank entry cost three quarters of the import. One entry per batch records the
    /// same facts, is replayed row by row by `AuditVerifier` and found per row by `audit log`.
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
        try db.execute(
            sql: """
                INSERT INTO auditJournal (actor, tableName, rowKey, operation, after)
                SELECT \(AuditTriggers.actorExpression), ?, min(t.rowid) || '..' || max(t.rowid), 'insert',
                       json_group_array(json_array(\(table.keyExpression("t")), \(table.object("t"))))
                FROM \(name) AS t WHERE t.rowid > ? HAVING count(*) > 0
                """,
            arguments: [tableName, before])
    }

    /// Whether an entry journals many rows at once (`insertInBulk`): its `after` is an array, not an object.
    static func isBulk(operation: String, after: String?) -> Bool {
        operation == "insert" && after?.first == "["
    }
}
