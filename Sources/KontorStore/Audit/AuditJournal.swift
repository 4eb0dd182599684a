import Foundation
import GRDB
import KontorApp

/// The audit journal (GoBD): every change to the book is a row of `auditJournal`, written by triggers in the same
/// transaction as the change, and sealed at the end of that transaction by a SHA-256 chain over all entries.
///
/// The journal is a normal table (a backup or an export carries it like any other); the triggers of
/// `EvidenceTriggers` refuse to delete or replace its rows and allow only the one change of sealing.
public enum AuditJournal {
    static let schemaSQL = """
        CREATE TABLE auditJournal (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            actor TEXT NOT NULL,
            tableName TEXT NOT NULL,
            rowKey TEXT NOT NULL,
            operation TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete', 'snapshot', 'schema')),
            before TEXT,
            after TEXT,
            hash TEXT
        );
        CREATE INDEX auditJournal_record ON auditJournal (tableName, rowKey);
        CREATE INDEX auditJournal_unsealed ON auditJournal (id) WHERE hash IS NULL;
        CREATE TABLE auditContext (id INTEGER PRIMARY KEY CHECK (id = 1), actor TEXT);
        INSERT INTO auditContext (id, actor) VALUES (1, NULL);
        CREATE TABLE auditDocument (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            record TEXT NOT NULL,
            fileName TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            bytes BLOB NOT NULL,
            UNIQUE (record, sha256)
        );
        CREATE TRIGGER auditDocument_journal AFTER INSERT ON auditDocument BEGIN
        INSERT INTO auditJournal (actor, tableName, rowKey, operation, after) VALUES (
            COALESCE((SELECT actor FROM auditContext WHERE id = 1), 'outside Kontor'), 'auditDocument',
            CAST(NEW.id AS TEXT), 'insert',
            json_object('record', NEW.record, 'fileName', NEW.fileName, 'sha256', NEW.sha256, 'size', NEW.size));
        END;
        CREATE TRIGGER auditDocument_no_update BEFORE UPDATE ON auditDocument
        BEGIN SELECT RAISE(ABORT, 'a document that left is kept as it left'); END;
        CREATE TRIGGER auditDocument_no_delete BEFORE DELETE ON auditDocument
        BEGIN SELECT RAISE(ABORT, 'a document that left is kept as it left'); END;
        CREATE TRIGGER auditDocument_no_replace BEFORE INSERT ON auditDocument
        WHEN EXISTS (SELECT 1 FROM auditDocument WHERE id = NEW.id OR (record = NEW.record AND sha256 = NEW.sha256))
        BEGIN SELECT RAISE(ABORT, 'a document that left is kept as it left'); END;
        CREATE TRIGGER auditJournal_no_delete BEFORE DELETE ON auditJournal
        BEGIN SELECT RAISE(ABORT, 'the audit journal is append-only'); END;
        CREATE TRIGGER auditJournal_no_replace BEFORE INSERT ON auditJournal
        WHEN EXISTS (SELECT 1 FROM auditJournal WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'the audit journal is append-only'); END;
        CREATE TRIGGER auditJournal_seal_only BEFORE UPDATE ON auditJournal
        WHEN OLD.hash IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor
          OR NEW.tableName IS NOT OLD.tableName OR NEW.rowKey IS NOT OLD.rowKey OR NEW.operation IS NOT OLD.operation
          OR NEW.before IS NOT OLD.before OR NEW.after IS NOT OLD.after
        BEGIN SELECT RAISE(ABORT, 'the audit journal is append-only'); END;
        """

    /// Names the actor of the changes the current transaction is about to make.
    static func begin(_ db: Database, actor: String) throws {
        try db.execute(sql: "UPDATE auditContext SET actor = ? WHERE id = 1", arguments: [actor])
    }

    /// Puts back the triggers a bulk insert set aside, chains every unsealed entry onto the last sealed one and
    /// forgets the actor; the last step of every write.
    static func seal(_ db: Database) throws {
        try restoreStoodAside(db)
        _ = try sealPending(db)
        try db.execute(sql: "UPDATE auditContext SET actor = NULL WHERE id = 1")
    }

    /// Chains every unsealed entry onto the last sealed one; returns the last hash of the chain (64 hex digits).
    static func sealPending(_ db: Database) throws -> String {
        // In batches through a cursor, hashing the columns' bytes as SQLite holds them: a statement import journals
        // thousands of rows, and building a `Row` and nine `String`s per entry cost more than the SHA-256 itself.
        var chain: [UInt8] = []
        var after: Int64 = 0
        var fields: [UInt8] = []
        var hashes: [UInt8] = []
        var ids: [Int64] = []
        let batch = try db.cachedStatement(sql: """
            SELECT id, at, actor, tableName, rowKey, operation, before, after FROM auditJournal
            WHERE hash IS NULL AND id > ? ORDER BY id LIMIT \(sealBatch)
            """)
        while true {
            hashes.removeAll(keepingCapacity: true)
            ids.removeAll(keepingCapacity: true)
            let rows = try Row.fetchCursor(batch, arguments: [after])
            while let row = try rows.next() {
                if chain.isEmpty { chain = Array(try lastHash(db).utf8) }
                let id: Int64 = row[0]
                fields.removeAll(keepingCapacity: true)
                AuditChain.appendField(chain, to: &fields)
                AuditChain.appendField(String(id).utf8, to: &fields)
                for column in 1...7 {
                    try row.withUnsafeData(atIndex: column) { data in
                        guard let data else { return AuditChain.appendField(CollectionOfOne(0), to: &fields) }
                        AuditChain.appendField(data, to: &fields)
                    }
                }
                chain.removeAll(keepingCapacity: true)
                AuditChain.appendHash(of: fields, to: &chain)
                hashes += chain
                ids.append(id)
            }
            guard let last = ids.last else { break }
            try store(hashes, ids: ids, db)
            after = last
        }
        return chain.isEmpty ? try lastHash(db) : String(decoding: chain, as: UTF8.self)
    }

    /// The hash of the last sealed entry, or the genesis hash of an empty journal.
    private static func lastHash(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT hash FROM auditJournal WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1")
            ?? AuditChain.genesis
    }

    /// When an entry is written: the journal's default for `at` (`schemaSQL`), for an entry inserted sealed.
    static let nowExpression = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

    /// Entries sealed per round: the hashes of one round are written by one statement.
    static let sealBatch = 5_000

    /// Writes the hashes (64 hex digits each, in the order of `ids`) into the journal. Consecutive ids, the usual
    /// case, take one UPDATE that cuts each row's hash out of one blob; the guard trigger still checks every row.
    private static func store(_ hashes: [UInt8], ids: [Int64], _ db: Database) throws {
        guard let first = ids.first, let last = ids.last else { return }
        if last - first + 1 == Int64(ids.count) {
            try db.execute(
                sql: """
                    UPDATE auditJournal SET hash = CAST(substr(?1, (id - ?2) * 64 + 1, 64) AS TEXT)
                    WHERE id BETWEEN ?2 AND ?3 AND hash IS NULL
                    """,
                arguments: [Data(hashes), first, last])
            return
        }
        // A gap in the ids (a row inserted with an id of its own by another program): one UPDATE per entry.
        let update = try db.cachedStatement(sql: "UPDATE auditJournal SET hash = ? WHERE id = ? AND hash IS NULL")
        for (index, id) in ids.enumerated() {
            let hash = String(decoding: hashes[(index * 64)..<(index * 64 + 64)], as: UTF8.self)
            try update.execute(arguments: [hash, id])
        }
    }
}

extension AuditEntry {
    init(row: Row) {
        self.init(
            id: row["id"], at: row["at"], actor: row["actor"], table: row["tableName"], key: row["rowKey"],
            operation: row["operation"], before: row["before"], after: row["after"],
            hash: row.hasColumn("hash") ? row["hash"] : nil)
    }
}
