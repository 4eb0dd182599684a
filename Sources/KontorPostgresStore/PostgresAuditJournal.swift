import Foundation
import KontorApp
import PostgresNIO

/// The audit journal of a PostgreSQL book at run time: naming the writer, sealing, reading. The triggers that write
/// the entries are `PostgresAuditTriggers`'; the chain is `AuditChain`'s, the SQLite store's too, so the journal a
/// book brought along from SQLite (`kontor migrate`) and the entries written here are one chain.
enum PostgresAuditJournal {
    /// Names the actor of the changes the current transaction is about to make. `set_config(…, true)` is
    /// transaction-local: a run again after a serialization failure names it again, and no later transaction on
    /// the pooled connection inherits it (the triggers then write `outside Kontor`).
    static func begin(_ transaction: PostgresTransaction, actor: String) throws {
        try transaction.query(#"SELECT set_config('kontor.actor', \#(actor), true)"#)
    }

    /// Entries sealed per round: one query reads them, one UPDATE writes their hashes.
    static let sealBatch = 5_000

    static let columns = #""id", "at", "actor", "tableName", "rowKey", "operation", "before", "after", "hash""#

    /// Chains every unsealed entry onto the last sealed one; the last step of every write.
    ///
    /// Two writes sealing at once would chain onto the same entry, but both read the end of the journal where the
    /// other inserted: under `SERIALIZABLE` one of them fails with 40001 and is run again whole by the runner, so
    /// the chain follows the order of the commits. Ids a rolled-back write drew stay unused, so the chain runs over
    /// the entries in id order, not over consecutive ids.
    static func seal(_ transaction: PostgresTransaction) throws {
        var previous: String?
        var after: Int64 = 0
        while true {
            // The last sealed hash comes with the first batch: a write that journaled nothing costs one query.
            let head = previous == nil
                ? #", (SELECT "hash" FROM "auditJournal" WHERE "hash" IS NOT NULL ORDER BY "id" DESC LIMIT 1)"#
                : ", NULL::text"
            let rows = try transaction.query(
                """
                SELECT \(columns)\(head) FROM "auditJournal" WHERE "hash" IS NULL AND "id" > $1
                ORDER BY "id" LIMIT \(sealBatch)
                """,
                binds: try bindings(after))
            guard !rows.isEmpty else { return }
            var ids: [Int64] = []
            var hashes: [String] = []
            ids.reserveCapacity(rows.count)
            hashes.reserveCapacity(rows.count)
            for row in rows {
                let (entry, last) = try Self.entry(row)
                var chain = previous ?? last ?? AuditChain.genesis
                chain = AuditChain.chainHash(previous: chain, entry: entry)
                ids.append(entry.id)
                hashes.append(chain)
                previous = chain
            }
            let updated = try transaction.query(
                """
                WITH "sealed" AS (
                    UPDATE "auditJournal" AS j SET "hash" = s."hash"
                    FROM unnest($1::bigint[], $2::text[]) AS s("id", "hash")
                    WHERE j."id" = s."id" AND j."hash" IS NULL RETURNING 1)
                SELECT count(*) FROM "sealed"
                """,
                binds: try bindings(ids, hashes))
            guard try updated.first?.decode(Int64.self) == Int64(ids.count) else {
                throw StoreError.failed(detail: "the audit journal changed while it was sealed")
            }
            after = ids[ids.count - 1]
            if rows.count < sealBatch { return }
        }
    }

    /// An entry from a row of `columns` (and, when selected, one more text column after them).
    static func entry(_ row: PostgresRow) throws -> (AuditEntry, String?) {
        let cells = row.makeRandomAccess()
        let extra = cells.count > 9 ? try cells[9].decode(String?.self) : nil
        let (id, at, actor, table, key, operation, before, after, hash) = try row.decode(
            (Int64, String, String, String, String, String, String?, String?, String?).self)
        let entry = AuditEntry(
            id: id, at: at, actor: actor, table: table, key: key, operation: operation, before: before, after: after,
            hash: hash)
        return (entry, extra)
    }

    /// Every entry, oldest first.
    static func entries(_ transaction: PostgresTransaction) throws -> [AuditEntry] {
        try transaction.query(PostgresQuery(unsafeSQL: #"SELECT \#(columns) FROM "auditJournal" ORDER BY "id""#))
            .map { try entry($0).0 }
    }

    /// The journal of one record (`invoice:3`, `invoice:2026-0001`, `customer:1`) with the records that belong to
    /// it, oldest first: the same selection as the SQLite store's `AuditJournal.log`.
    static func log(_ transaction: PostgresTransaction, record: String) throws -> [AuditEntry] {
        let parts = record.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw AuditRecordError(record: record) }
        let table = parts[0]
        var key = parts[1]
        if table == "invoice", Int64(key) == nil,
            let id = try transaction.query(#"SELECT "id" FROM "invoice" WHERE "number" = \#(key)"#).first
        {
            key = String(try id.decode(Int64.self))
        }
        // A bulk insert of a book copied from SQLite (`rowKey` `first..last`) holds the record among its rows.
        let rows = try transaction.query(
            """
            SELECT \(columns) FROM "auditJournal"
            WHERE ("tableName" = $1 AND "rowKey" = $2)
            OR ("tableName" || ':' || "rowKey") IN (
                SELECT "tableName" || ':' || "rowKey" FROM "auditJournal"
                WHERE "operation" IN ('insert', 'snapshot', 'delete') AND "tableName" <> $1
                AND "rowKey" NOT LIKE '%..%'
                AND COALESCE("after"::json ->> ($1 || 'Id'), "before"::json ->> ($1 || 'Id')) = $2)
            OR ("tableName" = 'auditDocument' AND "after"::json ->> 'record' = $1 || ':' || $2)
            OR ("tableName" = $1 AND "operation" = 'insert' AND "rowKey" LIKE '%..%'
                AND $2 ~ '^[0-9]+$' AND $2::bigint BETWEEN split_part("rowKey", '..', 1)::bigint
                AND split_part("rowKey", '..', 2)::bigint)
            ORDER BY "id"
            """,
            binds: try bindings(table, key))
        return try rows.compactMap { row in narrowed(try entry(row).0, to: key) }
    }

    /// A bulk entry as the record's own insert: the one row of the batch that is `key` (nil when the batch does
    /// not hold it); any other entry unchanged. A row the SQLite store journaled by its hash is shown by its hash.
    static func narrowed(_ entry: AuditEntry, to key: String) -> AuditEntry? {
        guard entry.operation == "insert", entry.key.contains(".."), let after = entry.after,
            let pairs = try? JSONSerialization.jsonObject(with: Data(after.utf8)) as? [[Any]]
        else { return entry }
        guard let pair = pairs.first(where: { ($0.first as? String) == key }), pair.count == 2 else { return nil }
        let row: String
        if let hash = pair[1] as? String {
            row = #"{"sha256":"\#(hash)"}"#
        } else if let data = try? JSONSerialization.data(withJSONObject: pair[1], options: [.sortedKeys]) {
            row = String(decoding: data, as: UTF8.self)
        } else {
            return entry
        }
        return AuditEntry(
            id: entry.id, at: entry.at, actor: entry.actor, table: entry.table, key: key, operation: entry.operation,
            before: nil, after: row, hash: entry.hash)
    }
}
