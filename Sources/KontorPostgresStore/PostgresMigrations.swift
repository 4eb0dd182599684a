import KontorApp
import PostgresNIO

/// The PostgreSQL schema of a book, as numbered migrations applied by `migrate(_:)`.
///
/// The tables are `PostgresSchema`'s, the refusals `PostgresEvidenceTriggers`'.
public enum PostgresMigrations {
    /// One migration: a name recorded in `schemaMigrations` once applied, and its statements in order.
    struct Migration {
        let name: String
        let statements: [String]
    }

    /// The evidence triggers' message, the same words as the SQLite store's `ImmutabilityTriggers.message`.
    public static let immutableMessage = "issued invoices are immutable: cancel with a cancellation invoice instead"

    // Until a book on PostgreSQL exists outside tests (the store is new with issue 17), the first migration is the
    // whole schema; from then on every change is a further migration, never an edit of one applied.
    static let all: [Migration] = [
        Migration(name: "v1-book", statements: PostgresSchema.tables + PostgresEvidenceTriggers.all),
        Migration(name: "v2-audit-journal", statements: PostgresAuditTriggers.all),
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
            // A book a newer Kontor has changed is not read by this one: its tables may hold what this build
            // would misread or lose.
            let unknown = applied.subtracting(names).sorted()
            guard unknown.isEmpty else {
                throw StoreError.unusable(
                    path: runner.location.description,
                    detail: "written by a newer Kontor (unknown changes: \(unknown.joined(separator: ", "))); "
                        + "update Kontor first")
            }
            var appliedNow: [String] = []
            for migration in all where !applied.contains(migration.name) {
                for statement in migration.statements { try transaction.query(PostgresQuery(unsafeSQL: statement)) }
                try transaction.query(#"INSERT INTO "schemaMigrations" ("name") VALUES (\#(migration.name))"#)
                appliedNow.append(migration.name)
            }
            // The journal's triggers follow the tables as every migration left them (`PostgresAuditTriggers`).
            if !appliedNow.isEmpty { try transaction.query(#"SELECT "kontor_audit_install"()"#) }
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
