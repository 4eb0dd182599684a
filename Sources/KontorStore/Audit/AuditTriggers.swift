import Crypto
import Foundation
import GRDB
import KontorApp

/// Generates and installs the triggers that write every insert, update and delete of the book's tables into the
/// audit journal. They are derived from the schema itself, so a table or column added by a later migration is
/// journaled without anyone remembering to: after migrating, `installIfNeeded` compares them with the schema.
enum AuditTriggers {
    /// Tables that are not part of the book's content: those no store journals (`AuditChain.unjournaledTables`) and
    /// this store's change counter and migrations.
    static let excludedTables: Set<String> = AuditChain.unjournaledTables.union(["bookVersion", "grdb_migrations"])

    /// A table as the journal sees it.
    struct Table {
        let name: String
        let columns: [String]
        let blobColumns: Set<String>
        /// The primary-key columns (empty: the rowid).
        let key: [String]

        /// The key of the row `alias` (NEW, OLD or a table alias) as one text.
        func keyExpression(_ alias: String) -> String {
            guard !key.isEmpty else { return "CAST(\(alias).rowid AS TEXT)" }
            return key.map { "CAST(\(alias).\(quoted($0)) AS TEXT)" }.joined(separator: " || '|' || ")
        }

        func value(_ alias: String, _ column: String) -> String {
            blobColumns.contains(column) ? "hex(\(alias).\(quoted(column)))" : "\(alias).\(quoted(column))"
        }

        /// The whole row as a JSON object.
        func object(_ alias: String) -> String {
            "json_object(" + columns.map { "\(literal($0)), \(value(alias, $0))" }.joined(separator: ", ") + ")"
        }

        /// The fields that differ between OLD and NEW, taken from `alias`, as a JSON object.
        func changed(_ alias: String) -> String {
            let parts = columns.map {
                "SELECT \(literal($0)) AS k, \(value(alias, $0)) AS v WHERE OLD.\(quoted($0)) IS NOT NEW.\(quoted($0))"
            }
            return "(SELECT json_group_object(k, v) FROM (" + parts.joined(separator: " UNION ALL ") + "))"
        }
    }

    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    static let actorExpression = "COALESCE((SELECT actor FROM auditContext WHERE id = 1), '\(AuditChain.outsideActor)')"

    /// The journaled tables of the current schema.
    static func tables(_ db: Database) throws -> [Table] {
        let names = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
            """)
        return try names.filter { !excludedTables.contains($0) }.map { try table(named: $0, db) }
    }

    /// One table as the journal sees it, from its schema.
    static func table(named name: String, _ db: Database) throws -> Table {
        // Cached: a statement import asks once per batch of bank entries it stores.
        let info = try Row.fetchAll(db.cachedStatement(sql: "PRAGMA table_info(\(quoted(name)))"))
        let columns: [String] = info.map { $0["name"] }
        let blobs = Set(info.filter { (($0["type"] as String?) ?? "").uppercased().contains("BLOB") }
            .map { $0["name"] as String })
        let key = info.filter { ($0["pk"] as Int) > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }
            .map { $0["name"] as String }
        return Table(name: name, columns: columns, blobColumns: blobs, key: key)
    }

    /// The three triggers of a table, by name.
    static func triggers(for table: Table) -> [(name: String, sql: String)] {
        let name = table.name
        let insertInto = "INSERT INTO auditJournal (actor, tableName, rowKey, operation, before, after) VALUES"
        let changed = table.columns.map { "NEW.\(quoted($0)) IS NOT OLD.\(quoted($0))" }.joined(separator: " OR ")
        return [
            ("audit_\(name)_insert", """
                CREATE TRIGGER \(quoted("audit_\(name)_insert")) AFTER INSERT ON \(quoted(name)) BEGIN \
                \(insertInto) (\(actorExpression), \(literal(name)), \(table.keyExpression("NEW")), 'insert', NULL, \
                \(table.object("NEW"))); END
                """),
            ("audit_\(name)_update", """
                CREATE TRIGGER \(quoted("audit_\(name)_update")) AFTER UPDATE ON \(quoted(name)) WHEN \(changed) BEGIN \
                \(insertInto) (\(actorExpression), \(literal(name)), \(table.keyExpression("OLD")), 'update', \
                \(table.changed("OLD")), \(table.changed("NEW"))); END
                """),
            ("audit_\(name)_delete", """
                CREATE TRIGGER \(quoted("audit_\(name)_delete")) AFTER DELETE ON \(quoted(name)) BEGIN \
                \(insertInto) (\(actorExpression), \(literal(name)), \(table.keyExpression("OLD")), 'delete', \
                \(table.object("OLD")), NULL); END
                """),
        ]
    }

    /// Whether every journal trigger is in place and matches the schema. A book whose schema is still the one
    /// fingerprinted when the triggers were last found current needs no comparison: opening a book is then one read
    /// of `sqlite_master` instead of a `PRAGMA table_info` per table and every trigger generated again. (Not
    /// SQLite's schema version: GRDB creates and drops a table whenever it opens a pool without a WAL file.)
    static func areCurrent(_ db: Database) throws -> Bool {
        try isFingerprinted(db) || compare(db)
    }

    /// Whether the schema is the one fingerprinted when the triggers were last found current (true for a book
    /// without a journal, which has no triggers to keep).
    static func isFingerprinted(_ db: Database) throws -> Bool {
        guard try db.tableExists("auditJournal") else { return true }
        let checked = try String.fetchOne(db, sql: "SELECT checkedSchema FROM auditContext WHERE id = 1")
        return try checked == schemaFingerprint(db)
    }

    /// A SHA-256 over every table, index and trigger as `sqlite_master` holds it: any program's change of the
    /// schema changes it.
    static func schemaFingerprint(_ db: Database) throws -> String {
        var hash = SHA256()
        let rows = try Row.fetchCursor(db, sql: "SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
        while let row = try rows.next() {
            for column in 0..<3 {
                try row.withUnsafeData(atIndex: column) { data in
                    hash.update(data: Data(String(data?.count ?? -1).utf8 + [58]))
                    if let data { hash.update(data: data) }
                }
            }
        }
        return AuditChain.hex(hash.finalize())
    }

    /// Records that the triggers match the schema as it is now.
    static func markCurrent(_ db: Database) throws {
        try db.execute(
            sql: "UPDATE auditContext SET checkedSchema = ? WHERE id = 1", arguments: [try schemaFingerprint(db)])
    }

    /// Compares every installed journal trigger with the one the schema calls for.
    static func compare(_ db: Database) throws -> Bool {
        let installed = Dictionary(
            try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'")
                .map { ($0["name"] as String, $0["sql"] as String) }, uniquingKeysWith: { first, _ in first })
        return try tables(db).allSatisfy { table in
            triggers(for: table).allSatisfy { installed[$0.name] == $0.sql }
        }
    }

    /// Brings the triggers in step with the schema. A table the journal has not seen yet (all of them, the first
    /// time) is recorded whole as a `snapshot`; a table that gained columns records only the new columns, so the
    /// values it had stay checked against their history; a missing trigger is simply put back (`audit verify`
    /// then finds whatever was changed while it was gone).
    static func install(_ db: Database) throws {
        guard try db.tableExists("auditJournal") else { return }
        try AuditJournal.begin(db, actor: "kontor (schema)")
        for table in try tables(db) {
            let known = try String.fetchOne(db, sql: """
                SELECT after FROM auditJournal WHERE tableName = ? AND operation = 'schema' ORDER BY id DESC LIMIT 1
                """, arguments: [table.name])
            let knownColumns = try known.map {
                try String.fetchAll(db, sql: "SELECT value FROM json_each(?, '$.columns')", arguments: [$0])
            }
            if knownColumns != table.columns {
                let schema = "json_object('columns', json_array(" + table.columns.map(literal).joined(separator: ", ") + "))"
                try db.execute(sql: """
                    INSERT INTO auditJournal (actor, tableName, rowKey, operation, after)
                    VALUES ('kontor (schema)', ?, '', 'schema', \(schema))
                    """, arguments: [table.name])
                let added = table.columns.filter { !(knownColumns ?? []).contains($0) }
                if !added.isEmpty {
                    let partial = Table(name: table.name, columns: added, blobColumns: table.blobColumns, key: table.key)
                    try db.execute(sql: """
                        INSERT INTO auditJournal (actor, tableName, rowKey, operation, after)
                        SELECT 'kontor (schema)', \(literal(table.name)), \(table.keyExpression("t")), 'snapshot', \
                        \(partial.object("t")) FROM \(quoted(table.name)) AS t ORDER BY t.rowid
                        """)
                }
            }
            for trigger in triggers(for: table) {
                let current = try String.fetchOne(
                    db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", arguments: [trigger.name])
                guard current != trigger.sql else { continue }
                try db.execute(sql: "DROP TRIGGER IF EXISTS \(quoted(trigger.name))")
                try db.execute(sql: trigger.sql)
            }
        }
        try AuditJournal.seal(db)
        try markCurrent(db)
    }

    /// Installs the triggers if anything differs; when they are current only the schema's fingerprint is recorded
    /// (once after each migration), so the next open is one read.
    static func installIfNeeded(_ writer: any DatabaseWriter) throws {
        guard try !writer.read(isFingerprinted) else { return }
        try writer.write { db in
            if try compare(db) { try markCurrent(db) } else { try install(db) }
        }
    }
}
