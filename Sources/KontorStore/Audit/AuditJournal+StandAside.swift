import GRDB

extension AuditJournal {
    /// Drops the table's per-row insert triggers, its journal entry and its guard against `REPLACE`
    /// (`EvidenceTriggers`), until `seal` creates them again from their own SQL at the end of the write: together
    /// they cost about a quarter of SQLite's work for each bank entry stored. Nothing changes for anyone else: the drop
    /// is part of the write transaction, so no other connection ever sees the table without them (nor can it write
    /// meanwhile), and a rollback brings them back with everything else. Inside the transaction the rows are
    /// journaled as batches (`insertInBulk`), and a plain `INSERT` of new rows replaces nothing: the table's
    /// UNIQUE constraints still refuse a key that holds evidence, reported as the guard would report it.
    ///
    /// What stands aside is written into the connection's own temporary table `auditStandingAside`, whose rows
    /// point at a row that never exists through a deferred foreign key: a transaction that reached its commit
    /// without `seal` putting the triggers back fails there, and rolls back, instead of committing the table bare.
    /// Once per table and transaction; a no-op when the triggers already stand aside.
    static func standAside(_ tableName: String, _ db: Database) throws {
        guard db.isInsideTransaction else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "a bulk insert needs a transaction")
        }
        if try !standingAsideExists(db) { try db.execute(sql: standingAsideSQL) }
        let aside = try db.cachedStatement(sql: "SELECT 1 FROM temp.auditStandingAside WHERE tableName = ?")
        guard try Int.fetchOne(aside, arguments: [tableName]) == nil else { return }
        let triggers = try Row.fetchAll(
            db,
            sql: "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name IN (?, ?)",
            arguments: [tableName, insertTriggerName(tableName), replaceGuardName(tableName)])
        for trigger in triggers {
            let name: String = trigger["name"]
            try db.execute(
                sql: "INSERT INTO temp.auditStandingAside (name, tableName, sql) VALUES (?, ?, ?)",
                arguments: [name, tableName, trigger["sql"] as String])
            try db.execute(sql: "DROP TRIGGER main.\(AuditTriggers.quoted(name))")
        }
    }

    /// Whether `standAside` took away the table's guard against `REPLACE` in this transaction.
    static func replaceGuardStandsAside(_ tableName: String, _ db: Database) throws -> Bool {
        try standingAsideExists(db)
            && Int.fetchOne(
                db, sql: "SELECT 1 FROM temp.auditStandingAside WHERE name = ?",
                arguments: [replaceGuardName(tableName)]) != nil
    }

    /// Creates every trigger `standAside` dropped in this transaction again; part of `seal`.
    static func restoreStoodAside(_ db: Database) throws {
        guard try standingAsideExists(db) else { return }
        for sql in try String.fetchAll(db, sql: "SELECT sql FROM temp.auditStandingAside ORDER BY rowid") {
            try db.execute(sql: sql)
        }
        try db.execute(sql: "DELETE FROM temp.auditStandingAside")
    }

    /// Whether this connection made its table of triggers standing aside (GRDB's `tableExists` does not know the
    /// temporary schema before it is used).
    private static func standingAsideExists(_ db: Database) throws -> Bool {
        let statement = try db.cachedStatement(
            sql: "SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = 'auditStandingAside'")
        return try Int.fetchOne(statement) != nil
    }

    private static func insertTriggerName(_ tableName: String) -> String { "audit_\(tableName)_insert" }
    private static func replaceGuardName(_ tableName: String) -> String { "\(tableName)_no_replace" }

    /// No row of `auditStandingAsideCommit` is ever written, so every row of `auditStandingAside` violates its
    /// deferred foreign key until it is deleted: SQLite refuses the commit while a trigger stands aside.
    private static let standingAsideSQL = """
        CREATE TEMP TABLE IF NOT EXISTS auditStandingAsideCommit (id INTEGER PRIMARY KEY);
        CREATE TEMP TABLE IF NOT EXISTS auditStandingAside (
            name TEXT PRIMARY KEY,
            tableName TEXT NOT NULL,
            sql TEXT NOT NULL,
            restoredBeforeCommit INTEGER NOT NULL DEFAULT 1
                REFERENCES auditStandingAsideCommit (id) DEFERRABLE INITIALLY DEFERRED
        );
        """
}
