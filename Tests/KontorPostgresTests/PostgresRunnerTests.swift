import Foundation
import KontorApp
import KontorPostgresStore
import KontorTestTools
import PostgresNIO
import Testing

/// Against a real PostgreSQL server that each test starts for itself (`TestPostgresServer`, 127.0.0.1 only).
/// Serialized: every test starts a cluster, and the concurrency test needs both cores to itself.
@Suite(.serialized) struct PostgresRunnerTests {
    /// A database on a fresh server, and the runners opened on it (closed by `withBook`).
    final class Book: @unchecked Sendable {
        let server: TestPostgresServer
        let database: String
        private(set) var runners: [PostgresTransactionRunner] = []

        init(server: TestPostgresServer, database: String) {
            self.server = server
            self.database = database
        }

        var location: PostgresLocation {
            PostgresLocation(user: TestPostgresServer.user, host: "127.0.0.1", port: server.port, database: database)
        }

        /// A runner with a pool of its own, as another `kontor serve` process would have.
        func runner(connections: Int = 4, maximumAttempts: Int = 10) async throws -> PostgresTransactionRunner {
            let runner = try await PostgresTransactionRunner(
                location: location, password: nil, connections: connections, maximumAttempts: maximumAttempts)
            runners.append(runner)
            return runner
        }
    }

    /// Starts a server, creates a database, runs `body`, then closes the runners and stops the server.
    private func withBook(_ body: (Book) async throws -> Void) async throws {
        let server = try await TestPostgresServer.start()
        defer { server.stop() }
        let book = Book(server: server, database: try server.createDatabase())
        do {
            try await body(book)
        } catch {
            for runner in book.runners { await runner.close() }
            throw error
        }
        for runner in book.runners { await runner.close() }
    }

    /// Counts a closure's runs across the runner's retries (a test's bookkeeping, never a use case's).
    final class Runs: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0

        func next() -> Int {
            lock.withLock {
                count += 1
                return count
            }
        }
        func reset() { lock.withLock { count = 0 } }
        var value: Int { lock.withLock { count } }
    }

    @Test func fiftyConcurrentIssuersOverFourPoolsGetGaplessNumbers() async throws {
        try await withBook { book in
            let first = try await book.runner()
            try await PostgresMigrations.migrate(first)
            try await Self.addCustomer(first)
            var runners = [first]
            for _ in 1..<4 { runners.append(try await book.runner()) }
            let issuers = runners
            let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
                for issuer in 0..<50 {
                    let runner = issuers[issuer % issuers.count]
                    group.addTask {
                        try await runner.write { transaction in
                            // A draft first, then issued in the same transaction, as issuing does.
                            let rows = try transaction.query(
                                """
                                INSERT INTO "invoice" (\(unescaped: Self.draftColumns) "draftedOn", "grossCents")
                                VALUES (\(unescaped: Self.draftValues) DATE '2026-12-04', 11900) RETURNING "id"
                                """)
                            let id = try #require(rows.first).decode(Int64.self)
                            let number = try transaction.nextCounter("invoice-2026")
                            try transaction.query(
                                """
                                UPDATE "invoice" SET "number" = \("2026-\(number)"), "issueDate" = DATE '2026-12-04'
                                WHERE "id" = \(id)
                                """)
                            return number
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(numbers.sorted() == Array(1...50))
            let stored = try await first.read { transaction in
                try transaction.query(#"SELECT "number" FROM "invoice" WHERE "number" IS NOT NULL"#)
                    .map { try $0.decode(String.self) }
            }
            #expect(stored.sorted() == (1...50).map { "2026-\($0)" }.sorted())
            let counter = try await first.read { transaction in
                try #require(
                    transaction.query(#"SELECT "value" FROM "numberCounter" WHERE "series" = 'invoice-2026'"#).first
                ).decode(Int64.self)
            }
            #expect(counter == 50)
            let counters = runners.map(\.counters)
            let retries = counters.map(\.retries).reduce(0, +)
            let most = counters.map(\.mostAttempts).max() ?? 0
            print(
                "PostgreSQL issuers: \(retries) retries over 50 issues, per pool \(counters.map(\.retries)), "
                    + "at most \(most) attempts for one issue")
            #expect(retries > 0, "50 issuers on one counter row must have collided at least once")
            // A transaction that collided runs again alone behind the retry gate, so it never needs a third try.
            #expect(most <= 2)
            #expect(counters.map(\.givenUp).reduce(0, +) == 0)
            // 50 issues plus the migration.
            #expect(counters.map(\.commits).reduce(0, +) >= 51)
            #expect(try advisoryLocks(book) == "0", "the retry gate is released after every transaction")
        }
    }

    @Test func issuedInvoiceIsRefusedEvenToRawSQL() async throws {
        try await withBook { book in
            let runner = try await book.runner()
            try await PostgresMigrations.migrate(runner)
            try await Self.addCustomer(runner)
            let (issued, draft) = try await runner.write { transaction in
                let issued = try #require(
                    transaction.query(
                        """
                        INSERT INTO "invoice" (\(unescaped: Self.draftColumns) "number", "draftedOn", "issueDate", "grossCents")
                        VALUES (\(unescaped: Self.draftValues) '2026-1', DATE '2026-12-01', DATE '2026-12-01', 11900) RETURNING "id"
                        """
                    ).first
                ).decode(Int64.self)
                let draft = try #require(
                    transaction.query(
                        """
                        INSERT INTO "invoice" (\(unescaped: Self.draftColumns) "draftedOn")
                        VALUES (\(unescaped: Self.draftValues) DATE '2026-12-01')
                        RETURNING "id"
                        """
                    ).first
                ).decode(Int64.self)
                return (issued, draft)
            }
            let refused = StoreError.immutable(detail: PostgresMigrations.immutableMessage)
            await #expect(throws: refused) {
                try await runner.write { transaction in
                    try transaction.query(#"UPDATE "invoice" SET "grossCents" = 1 WHERE "id" = \#(issued)"#)
                }
            }
            await #expect(throws: refused) {
                try await runner.write { transaction in
                    try transaction.query(#"DELETE FROM "invoice" WHERE "id" = \#(issued)"#)
                }
            }
            // A person with psql and the superuser's login: the trigger still refuses.
            for sql in [
                #"UPDATE "invoice" SET "grossCents" = 1 WHERE "id" = \#(issued)"#,
                #"DELETE FROM "invoice" WHERE "id" = \#(issued)"#, #"TRUNCATE "invoice" CASCADE"#,
            ] {
                let result = try book.server.psql(book.database, sql)
                #expect(result.status != 0, "\(sql) was accepted")
                #expect(result.errorText.contains(PostgresMigrations.immutableMessage), "\(result.errorText)")
            }
            // Drafts stay editable: the trigger guards issued invoices only.
            try await runner.write { transaction in
                _ = try transaction.query(#"UPDATE "invoice" SET "grossCents" = 500 WHERE "id" = \#(draft)"#)
            }
            let amounts = try await runner.read { transaction in
                try transaction.query(#"SELECT "id", "grossCents" FROM "invoice" ORDER BY "id""#)
                    .map { try $0.decode((Int64, Int64).self) }
            }
            #expect(amounts.map(\.0) == [issued, draft])
            #expect(amounts.map(\.1) == [11900, 500])
        }
    }

    struct ClosureFailed: Error, Equatable {}

    /// The columns of an invoice these tests write by hand that the schema requires, before `draftedOn`; their
    /// values are `draftValues` (customer 1, written by `addCustomer`).
    static let draftColumns =
        #""customerId", "kind", "paymentTermDays", "termAgreed", "treatment", "loyaltyPercent", "language","#
    static let draftValues = "1, 'invoice', 14, false, 'standard', 0, 'de',"

    static func addCustomer(_ runner: PostgresTransactionRunner) async throws {
        _ = try await runner.write { transaction in
            try transaction.query(
                """
                INSERT INTO "customer" ("id", "name", "kind", "language", "status", "createdOn")
                VALUES (1, 'Verlag am See', 'business', 'de', 'new', '2026-12-01')
                """)
        }
    }

    @Test func anErrorInsideTheClosureRollsEverythingBack() async throws {
        try await withBook { book in
            let runner = try await book.runner()
            try await PostgresMigrations.migrate(runner)
            try await Self.addCustomer(runner)
            // The closure's own error passes through unchanged, after the rollback.
            await #expect(throws: ClosureFailed()) {
                try await runner.write { transaction in
                    try transaction.query(
                        """
                        INSERT INTO "invoice" (\(unescaped: Self.draftColumns) "draftedOn")
                        VALUES (\(unescaped: Self.draftValues) DATE '2026-12-01')
                        """)
                    #expect(try transaction.nextCounter("invoice-2026") == 1)
                    throw ClosureFailed()
                }
            }
            // A refusal by the database (the unique number) in the middle: typed, and nothing of it stays.
            let duplicate = await #expect(throws: StoreError.self) {
                try await runner.write { transaction in
                    _ = try transaction.nextCounter("invoice-2026")
                    for _ in 0..<2 {
                        try transaction.query(
                            """
                            INSERT INTO "invoice" (\(unescaped: Self.draftColumns) "number", "draftedOn", "issueDate")
                            VALUES (\(unescaped: Self.draftValues) '2026-1', DATE '2026-12-01', DATE '2026-12-01')
                            """)
                    }
                }
            }
            guard case let .failed(detail) = duplicate else {
                Issue.record("expected StoreError.failed, got \(String(describing: duplicate))")
                return
            }
            #expect(detail.contains("duplicate key") && detail.contains("invoice_number_key"), "\(detail)")
            let (invoices, counters) = try await runner.read { transaction in
                let invoices = try #require(transaction.query(#"SELECT count(*) FROM "invoice""#).first)
                    .decode(Int64.self)
                let counters = try #require(transaction.query(#"SELECT count(*) FROM "numberCounter""#).first)
                    .decode(Int64.self)
                return (invoices, counters)
            }
            #expect(invoices == 0)
            #expect(counters == 0)
            // The number given back is drawn again: the sequence has no gap.
            let number = try await runner.write { try $0.nextCounter("invoice-2026") }
            #expect(number == 1)
        }
    }

    @Test func migrationRunsOnce() async throws {
        try await withBook { book in
            let first = try await book.runner(connections: 1)
            #expect(try await PostgresMigrations.migrate(first) == PostgresMigrations.names)
            await first.close()
            let second = try await book.runner(connections: 1)
            #expect(try await PostgresMigrations.migrate(second) == [])
            let recorded = try await second.read { transaction in
                try transaction.query(#"SELECT "name" FROM "schemaMigrations" ORDER BY "name""#)
                    .map { try $0.decode(String.self) }
            }
            #expect(recorded == PostgresMigrations.names.sorted())
            let triggers = try book.server.psql(
                book.database, "SELECT count(*) FROM pg_trigger WHERE tgname = 'invoice_issued_no_update'")
            #expect(triggers.text.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        }
    }

    @Test func serializationFailureRunsTheWholeClosureAgainThenGivesUp() async throws {
        try await withBook { book in
            let runner = try await book.runner(connections: 1, maximumAttempts: 3)
            try await PostgresMigrations.migrate(runner)
            // PostgreSQL's own 40001, raised on purpose: deterministic, unlike a real collision.
            let raise = "DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '40001'; END $$"
            let runs = Runs()
            let value = try await runner.write { transaction in
                let run = runs.next()
                _ = try transaction.nextCounter("test")
                if run == 1 { try transaction.query(PostgresQuery(unsafeSQL: raise)) }
                return run
            }
            #expect(value == 2)
            #expect(runner.counters.retries == 1)
            // The first run's counter step was rolled back with it.
            #expect(try await runner.write { try $0.nextCounter("test") } == 2)

            // A closure that catches the database's error and throws its own is still run again.
            runs.reset()
            await #expect(throws: StoreError.busy) {
                try await runner.write { transaction in
                    _ = runs.next()
                    do { try transaction.query(PostgresQuery(unsafeSQL: raise)) } catch { throw ClosureFailed() }
                }
            }
            #expect(runs.value == 3)
            #expect(runner.counters.givenUp == 1)
            #expect(runner.counters.retries == 3)
            // Giving up released the gate: the next write does not wait for it.
            #expect(try advisoryLocks(book) == "0")
            #expect(try await runner.write { try $0.nextCounter("test") } == 3)
        }
    }

    /// How many advisory locks are held on the server right now, as psql prints it.
    private func advisoryLocks(_ book: Book) throws -> String {
        let result = try book.server.psql(book.database, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")
        return result.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func readTransactionsAreReadOnly() async throws {
        try await withBook { book in
            let runner = try await book.runner(connections: 1)
            try await PostgresMigrations.migrate(runner)
            let refused = await #expect(throws: StoreError.self) {
                try await runner.read { try $0.nextCounter("invoice-2026") }
            }
            guard case let .failed(detail) = refused else {
                Issue.record("expected StoreError.failed, got \(String(describing: refused))")
                return
            }
            #expect(detail.contains("25006"), "\(detail)")
        }
    }

    @Test func wrongAddressIsUnusable() async throws {
        let port = try TestSMTPServer.unusedPort()
        let location = PostgresLocation(user: "kontor", host: "127.0.0.1", port: port, database: "book")
        let error = await #expect(throws: StoreError.self) {
            _ = try await PostgresTransactionRunner(location: location, password: nil, connections: 1)
        }
        guard case let .unusable(path, _) = error else {
            Issue.record("expected StoreError.unusable, got \(String(describing: error))")
            return
        }
        #expect(path == location.description)
    }
}
