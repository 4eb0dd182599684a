import KontorApp

/// The audit journal (GoBD) of a PostgreSQL book, the migration `v2-audit-journal`: triggers on every table of the
/// book write each insert, update and delete into `auditJournal` in the same transaction, as the SQLite store's
/// triggers do (`KontorStore/Audit/AuditTriggers.swift`), and `PostgresAuditJournal.seal` chains the entries at
/// the end of every write. Updates and deletes are journaled by a row trigger, inserts by a statement trigger over
/// the inserted rows (one `INSERT … SELECT` for a statement's 10,000 bank entries rather than 10,000 calls).
///
/// The entries say what the SQLite store's say: `rowKey` the primary-key columns joined by `|`, an insert the whole
/// row after, an update only the changed fields before and after, a delete the whole row before, each a JSON object
/// in column order with booleans as 0 and 1 and binary columns as upper-case hex (as SQLite holds and `hex()` writes
/// them), `at` UTC with milliseconds, `actor` the transaction's `kontor.actor` setting (`PostgresAuditJournal.begin`)
/// or `outside Kontor` for a change made with psql. The rows are taken whole (`row_to_json`), so a column added by a
/// later migration is journaled without anyone remembering to; `kontor_audit_install()` puts the trigger on every
/// table the catalog lists and runs again after every migration (`PostgresMigrations.migrate`), so a later table is
/// journaled too.
enum PostgresAuditTriggers {
    /// Tables without journal triggers: those no store journals (`AuditChain.unjournaledTables`; the kept documents
    /// have a trigger of their own) and this store's bookkeeping (the change log, the migrations).
    static let excludedTables: Set<String> = AuditChain.unjournaledTables.union(["bookChange", "schemaMigrations"])

    /// The journal's triggers on `table`: the row trigger of updates and deletes, the statement trigger of inserts.
    static func triggerNames(_ table: String) -> [String] { ["audit_\(table)", "audit_\(table)_insert"] }

    /// When an entry was written: the statement's time in UTC with milliseconds, as the SQLite store writes it.
    static let atExpression = #"to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')"#

    /// Who wrote an entry: the transaction's `kontor.actor`, else someone outside Kontor.
    static let actorExpression =
        "COALESCE(NULLIF(current_setting('kontor.actor', true), ''), '\(AuditChain.outsideActor)')"

    /// One journal entry, with the time and the actor of the transaction.
    ///
    /// This and `kontor_audit_json` are PL/pgSQL, not SQL functions: called once per row from a trigger, an SQL
    /// function is planned again at every call, PL/pgSQL keeps its plans (10,000 bank entries journaled in 0.8 s
    /// instead of 1.4 s).
    static let writeFunction = """
        CREATE FUNCTION "kontor_audit_write"(
            "entryTable" text, "entryKey" text, "entryOperation" text, "entryBefore" text, "entryAfter" text
        ) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO "auditJournal" ("at", "actor", "tableName", "rowKey", "operation", "before", "after")
            VALUES (
                \(atExpression), \(actorExpression),
                "entryTable", "entryKey", "entryOperation", "entryBefore", "entryAfter");
        END
        $$
        """

    /// A row (or the changed part of one) as the journal writes it: compact JSON in column order, booleans as 0/1,
    /// the `blobs` columns (bytea, which `row_to_json` writes as `\\x…`) as upper-case hex. NULL for no fields.
    static let jsonFunction = """
        CREATE FUNCTION "kontor_audit_json"("fields" json, "blobs" text[]) RETURNS text
        LANGUAGE plpgsql IMMUTABLE AS $$
        BEGIN
            RETURN (SELECT '{' || string_agg(to_json(e."key")::text || ':' || CASE
                    WHEN json_typeof(e."value") = 'boolean'
                        THEN CASE WHEN e."value"::text = 'true' THEN '1' ELSE '0' END
                    WHEN e."key" = ANY("blobs") AND json_typeof(e."value") = 'string'
                        THEN to_json(upper(substr(e."value" #>> '{}', 3)))::text
                    ELSE e."value"::text END, ',' ORDER BY e."n") || '}'
                FROM json_each("fields") WITH ORDINALITY AS e("key", "value", "n"));
        END
        $$
        """

    /// The row trigger of updates and deletes on every journaled table; its arguments are the table's primary-key
    /// columns and its bytea columns, comma-separated, as `kontor_audit_install` found them in the catalog.
    static let rowFunction = """
        CREATE FUNCTION "kontor_audit"() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            "keyColumns" text[] := string_to_array(TG_ARGV[0], ',');
            "blobColumns" text[] := COALESCE(string_to_array(NULLIF(TG_ARGV[1], ''), ','), '{}');
            "oldRow" json;
            "newRow" json;
            "beforeFields" text;
            "afterFields" text;
            "rowKey" text;
        BEGIN
            "oldRow" := row_to_json(OLD);
            IF TG_OP = 'UPDATE' THEN "newRow" := row_to_json(NEW); END IF;
            IF TG_OP = 'DELETE' THEN
                "beforeFields" := "kontor_audit_json"("oldRow", "blobColumns");
            ELSE
                SELECT "kontor_audit_json"(json_object_agg(o."key", o."value" ORDER BY o."n"), "blobColumns"),
                       "kontor_audit_json"(json_object_agg(o."key", n."value" ORDER BY o."n"), "blobColumns")
                INTO "beforeFields", "afterFields"
                FROM json_each("oldRow") WITH ORDINALITY AS o("key", "value", "n")
                JOIN json_each("newRow") AS n("key", "value") ON n."key" = o."key"
                WHERE o."value"::text IS DISTINCT FROM n."value"::text;
                -- An update that changed nothing is no change, as in SQLite (its trigger's WHEN).
                IF "beforeFields" IS NULL THEN RETURN NULL; END IF;
            END IF;
            IF cardinality("keyColumns") = 1 THEN
                "rowKey" := COALESCE("oldRow", "newRow") ->> "keyColumns"[1];
            ELSE
                SELECT string_agg(COALESCE("oldRow", "newRow") ->> k."name", '|' ORDER BY k."position") INTO "rowKey"
                FROM unnest("keyColumns") WITH ORDINALITY AS k("name", "position");
            END IF;
            PERFORM "kontor_audit_write"(
                TG_TABLE_NAME, COALESCE("rowKey", ''), lower(TG_OP), "beforeFields", "afterFields");
            RETURN NULL;
        END
        $$
        """

    /// The statement trigger of inserts on every journaled table: one entry per inserted row, written by one
    /// `INSERT … SELECT` over the statement's rows (its transition table `inserted`), in the order of their insert.
    /// Its arguments, made by `kontor_audit_install` from the catalog: the row key as an expression over the row's
    /// JSON `"row"`, and the bytea columns, comma-separated. The row is taken whole, as by the row trigger, so a
    /// column added with `psql` is journaled too.
    static let insertFunction = """
        CREATE FUNCTION "kontor_audit_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM "inserted") THEN RETURN NULL; END IF;
            EXECUTE format(
                'INSERT INTO "auditJournal" ("at", "actor", "tableName", "rowKey", "operation", "after") '
                    || 'SELECT $1, $2, $3, COALESCE(%s, ''''), ''insert'', "kontor_audit_json"("row", $4) '
                    || 'FROM (SELECT row_to_json(n) AS "row" FROM "inserted" n) AS "rows"',
                TG_ARGV[0])
            USING \(atExpression), \(actorExpression), TG_TABLE_NAME,
                COALESCE(string_to_array(NULLIF(TG_ARGV[1], ''), ','), '{}');
            RETURN NULL;
        END
        $$
        """

    /// A kept document is journaled by its hash, not its bytes, as in SQLite (`auditDocument_journal`).
    static let documentFunction = """
        CREATE FUNCTION "kontor_audit_document"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM "kontor_audit_write"('auditDocument', NEW."id"::text, 'insert', NULL, (
                SELECT row_to_json(d)::text FROM (
                    SELECT NEW."record" AS "record", NEW."fileName" AS "fileName", NEW."sha256" AS "sha256",
                        NEW."size" AS "size") AS d));
            RETURN NULL;
        END
        $$
        """

    /// Puts the journal trigger on every table of the book, generated from the catalog: its key and bytea columns
    /// are the trigger's arguments, so a trigger made before a migration changed them is made again.
    static var installFunction: String {
        let excluded = excludedTables.sorted().map { "'\($0)'" }.joined(separator: ", ")
        return """
            CREATE FUNCTION "kontor_audit_install"() RETURNS void LANGUAGE plpgsql AS $$
            DECLARE
                t record;
                "keyColumns" text;
                "blobColumns" text;
                "keyExpression" text;
            BEGIN
                FOR t IN
                    SELECT table_name AS "name" FROM information_schema.tables
                    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                      AND table_name NOT IN (\(excluded))
                    ORDER BY table_name
                LOOP
                    SELECT string_agg(k.column_name, ',' ORDER BY k.ordinal_position) INTO "keyColumns"
                    FROM information_schema.table_constraints c
                    JOIN information_schema.key_column_usage k ON k.constraint_schema = c.constraint_schema
                        AND k.constraint_name = c.constraint_name AND k.table_name = c.table_name
                    WHERE c.table_schema = current_schema() AND c.table_name = t."name"
                      AND c.constraint_type = 'PRIMARY KEY';
                    SELECT string_agg(column_name, ',' ORDER BY ordinal_position) INTO "blobColumns"
                    FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = t."name" AND data_type = 'bytea';
                    SELECT 'concat_ws(''|'', ' || string_agg(format('"row" ->> %L', k."name"), ', ' ORDER BY k."n")
                        || ')' INTO "keyExpression"
                    FROM unnest(string_to_array("keyColumns", ',')) WITH ORDINALITY AS k("name", "n");
                    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', 'audit_' || t."name", t."name");
                    EXECUTE format(
                        'CREATE TRIGGER %I AFTER UPDATE OR DELETE ON %I FOR EACH ROW '
                            || 'EXECUTE FUNCTION "kontor_audit"(%L, %L)',
                        'audit_' || t."name", t."name", COALESCE("keyColumns", ''), COALESCE("blobColumns", ''));
                    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', 'audit_' || t."name" || '_insert', t."name");
                    EXECUTE format(
                        'CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS "inserted" '
                            || 'FOR EACH STATEMENT EXECUTE FUNCTION "kontor_audit_inserted"(%L, %L)',
                        'audit_' || t."name" || '_insert', t."name", COALESCE("keyExpression", 'NULL'),
                        COALESCE("blobColumns", ''));
                END LOOP;
            END
            $$
            """
    }

    /// The statements of `v2-audit-journal`.
    static var all: [String] {
        [
            writeFunction, jsonFunction, rowFunction, insertFunction, documentFunction, installFunction,
            """
            CREATE TRIGGER "auditDocument_journal" AFTER INSERT ON "auditDocument" FOR EACH ROW
            EXECUTE FUNCTION "kontor_audit_document"()
            """,
            // Sealing reads the unsealed entries; `audit log` a record's.
            #"CREATE INDEX "auditJournal_unsealed" ON "auditJournal" ("id") WHERE "hash" IS NULL"#,
            #"CREATE INDEX "auditJournal_record" ON "auditJournal" ("tableName", "rowKey")"#,
            // The journal was never changed; now its one change is sealing: a hash set where there was none.
            #"DROP TRIGGER "auditJournal_no_update" ON "auditJournal""#,
            PostgresEvidenceTriggers.refuse(
                sealOnlyTrigger, "UPDATE", on: "auditJournal",
                when: #"OLD."hash" IS NOT NULL OR "#
                    + PostgresEvidenceTriggers.changed([
                        "id", "at", "actor", "tableName", "rowKey", "operation", "before", "after",
                    ]),
                "the audit journal is never changed"),
            // The triggers themselves are put on by `kontor_audit_install()`, which `migrate` calls after this
            // and every later migration.
        ]
    }

    /// The guard that lets only sealing change a journal entry.
    static let sealOnlyTrigger = "auditJournal_seal_only"
}
