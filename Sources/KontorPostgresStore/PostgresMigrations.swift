import KontorApp
import PostgresNIO

/// The PostgreSQL schema of a book, as numbered migrations applied by `migrate(_:)`.
///
/// So far the first piece (issue 17): the gapless number counter and the invoice with what issuing needs, and
/// the evidence trigger that freezes an issued invoice. The names of tables and columns follow the SQLite schema
/// (`KontorStore/Migrations.swift`), so that `kontor migrate` can copy rows column by column.
public enum PostgresMigrations {
    /// One migration: a name recorded in `schemaMigrations` once applied, and its statements in order.
    struct Migration {
        let name: String
        let statements: [String]
    }

    /// The evidence triggers' message, the same words as the SQLite store's `ImmutabilityTriggers.message`.
    public static let immutableMessage = "issued invoices are immutable: cancel with a cancellation invoice instead"

    static let all: [Migration] = [
        Migration(
            name: "v1-invoice-numbering",
            statements: [
                // Quoted names keep the camel case of the SQLite schema (PostgreSQL folds unquoted names).
                """
                CREATE TABLE "numberCounter" (
                    "series" text PRIMARY KEY,
                    "value" bigint NOT NULL CHECK ("value" >= 0)
                )
                """,
                """
                CREATE TABLE "invoice" (
                    "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    "customerId" bigint NOT NULL,
                    "kind" text NOT NULL,
                    "number" text UNIQUE,
                    "draftedOn" date NOT NULL,
                    "issueDate" date,
                    "dueDate" date,
                    "netCents" bigint,
                    "vatCents" bigint,
                    "grossCents" bigint,
                    CHECK (("number" IS NULL) = ("issueDate" IS NULL))
                )
                """,
                // RAISE with its own SQLSTATE (class KT, unused by PostgreSQL), so the runner tells this refusal
                // (`StoreError.immutable`) from every other failure without reading the message.
                """
                CREATE FUNCTION "invoice_issued_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION USING ERRCODE = '\(PostgresTransaction.refusedState)',
                        MESSAGE = '\(immutableMessage)';
                END
                $$
                """,
                """
                CREATE TRIGGER "invoice_issued_no_update" BEFORE UPDATE ON "invoice"
                FOR EACH ROW WHEN (OLD."number" IS NOT NULL) EXECUTE FUNCTION "invoice_issued_frozen"()
                """,
                """
                CREATE TRIGGER "invoice_issued_no_delete" BEFORE DELETE ON "invoice"
                FOR EACH ROW WHEN (OLD."number" IS NOT NULL) EXECUTE FUNCTION "invoice_issued_frozen"()
                """,
                // TRUNCATE skips row triggers; a statement trigger closes that way around the evidence too.
                """
                CREATE TRIGGER "invoice_no_truncate" BEFORE TRUNCATE ON "invoice"
                FOR EACH STATEMENT EXECUTE FUNCTION "invoice_issued_frozen"()
                """,
            ])
    ]

    /// The names of every migration, in order.
    public static var names: [String] { all.map(\.name) }

    /// Applies every migration not yet recorded, all in one serializable transaction: a book is never left
    /// half-migrated, and two processes starting at once apply each migration once (the loser is run again
    /// by the runner and then finds it applied).
    ///
    /// - Returns: the names of the migrations applied now.
    @discardableResult
    public static func migrate(_ runner: PostgresTransactionRunner) async throws -> [String] {
        try await runner.write { transaction in
            try transaction.query(
                """
                CREATE TABLE IF NOT EXISTS "schemaMigrations" (
                    "name" text PRIMARY KEY, "appliedAt" timestamptz NOT NULL DEFAULT now()
                )
                """)
            let rows = try transaction.query(#"SELECT "name" FROM "schemaMigrations""#)
            let applied = Set(try rows.map { try $0.decode(String.self) })
            var appliedNow: [String] = []
            for migration in all where !applied.contains(migration.name) {
                for statement in migration.statements { try transaction.query(PostgresQuery(unsafeSQL: statement)) }
                try transaction.query(#"INSERT INTO "schemaMigrations" ("name") VALUES (\#(migration.name))"#)
                appliedNow.append(migration.name)
            }
            return appliedNow
        }
    }
}

extension PostgresTransaction {
    /// The next number of `series` (1, 2, 3, …), gapless: the counter row is changed inside the caller's
    /// transaction, so a rolled-back transaction gives its number back and a concurrent one is serialised
    /// (or run again by the runner).
    public func nextCounter(_ series: String) throws -> Int {
        let rows = try query(
            """
            INSERT INTO "numberCounter" ("series", "value") VALUES (\(series), 1)
            ON CONFLICT ("series") DO UPDATE SET "value" = "numberCounter"."value" + 1
            RETURNING "value"
            """)
        guard let row = rows.first else { throw StoreError.corrupt(detail: "the counter \(series) returned no value") }
        return Int(try row.decode(Int64.self))
    }
}
