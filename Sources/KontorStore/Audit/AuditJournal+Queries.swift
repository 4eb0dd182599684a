import Foundation
import GRDB
public import KontorApp

extension AuditJournal {
    /// Recomputes the chain, checks the guard triggers and compares every record with its history.
    public static func verify(_ database: AppDatabase) throws -> AuditReport {
        try database.writer.read(AuditVerifier.verify)
    }

    /// The journal of one record (`invoice:3`, `invoice:2026-0001`, `customer:1`), with the records that belong
    /// to it (an invoice's lines, balance and payments; a customer's invoices, notes, …), oldest first.
    public static func log(_ database: AppDatabase, record: String) throws -> [AuditEntry] {
        let parts = record.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw AuditRecordError(record: record) }
        return try database.writer.read { db in
            var key = parts[1]
            if parts[0] == "invoice", Int64(key) == nil,
                let id = try Int64.fetchOne(db, sql: "SELECT id FROM invoice WHERE number = ?", arguments: [key]) {
                key = String(id)
            }
            let entries = try Row.fetchAll(db, sql: """
                SELECT * FROM auditJournal WHERE (tableName = ?1 AND rowKey = ?2) OR (tableName || ':' || rowKey) IN (
                    SELECT tableName || ':' || rowKey FROM auditJournal
                    WHERE operation IN ('insert', 'snapshot', 'delete') AND tableName <> ?1
                    AND CAST(COALESCE(json_extract(after, '$.' || ?1 || 'Id'), json_extract(before, '$.' || ?1 || 'Id'))
                        AS TEXT) = ?2)
                OR (tableName = 'auditDocument' AND json_extract(after, '$.record') = ?1 || ':' || ?2)
                OR (tableName = ?1 AND operation = 'insert' AND instr(rowKey, '..') > 0
                    AND CAST(?2 AS INTEGER) BETWEEN CAST(substr(rowKey, 1, instr(rowKey, '..') - 1) AS INTEGER)
                    AND CAST(substr(rowKey, instr(rowKey, '..') + 2) AS INTEGER))
                ORDER BY id
                """, arguments: [parts[0], key]).map(AuditEntry.init(row:))
            return try entries.indices.compactMap { index in
                try narrowed(entries[index], to: key, later: entries[(index + 1)...], db)
            }
        }
    }

    /// A bulk entry as the record's own insert: the one row of the batch that is `key` (nil when the batch does
    /// not hold it); any other entry unchanged. A row journaled by its hash is shown as inserted: as it is now (or
    /// when it was deleted), with each field that `later` entries changed as it was before its first change.
    private static func narrowed(
        _ entry: AuditEntry, to key: String, later: ArraySlice<AuditEntry>, _ db: Database
    ) throws -> AuditEntry? {
        guard isBulk(operation: entry.operation, after: entry.after) else { return entry }
        guard let pair = try Row.fetchOne(db, sql: """
            SELECT json_extract(value, '$[1]'), json_type(value, '$[1]') FROM json_each(?)
            WHERE json_extract(value, '$[0]') = ?
            """, arguments: [entry.after, key])
        else { return nil }
        var after: String? = pair[0]
        if pair[1] as String == "text" {
            let changes = later.filter {
                $0.table == entry.table && $0.key == key && ($0.operation == "update" || $0.operation == "delete")
            }
            let table = try AuditTriggers.table(named: entry.table, db)
            var object = try String.fetchOne(db, sql: """
                SELECT \(table.object("t")) FROM \(AuditTriggers.quoted(table.name)) AS t
                WHERE \(table.keyExpression("t")) = ?
                """, arguments: [key]) ?? changes.last { $0.operation == "delete" }?.before
            var restored: Set<String> = []
            for change in changes {
                guard let before = change.before, object != nil else { continue }
                for field in try String.fetchAll(db, sql: "SELECT key FROM json_each(?)", arguments: [before])
                where restored.insert(field).inserted {
                    object = try String.fetchOne(db, sql: """
                        SELECT json_set(?1, '$.' || json_quote(?2), json_extract(?3, '$.' || json_quote(?2)))
                        """, arguments: [object, field, before])
                }
            }
            after = object
        }
        return AuditEntry(
            id: entry.id, at: entry.at, actor: entry.actor, table: entry.table, key: key, operation: entry.operation,
            before: nil, after: after, hash: entry.hash)
    }

    /// Records the guard triggers as a migration left them, so that `verify` notices one altered later.
    static func recordTriggers(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO auditJournal (actor, tableName, rowKey, operation, after)
            SELECT 'kontor (migration)', 'sqlite_master', 'triggers', 'schema', json_group_object(name, sql)
            FROM (SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE 'audit\\_%' ESCAPE '\\'
                  ORDER BY name)
            """)
    }
}
