public import KontorApp
public import Logging

/// KontorApp's `BookStore` on a PostgreSQL server, for an agency whose writers share one book from several
/// `kontor serve` processes (issue 17; docs/ARCHITECTURE.md, "The store port's concurrency model").
///
/// Reads run on one `REPEATABLE READ` snapshot; writes are `SERIALIZABLE` and run again from the start by
/// `PostgresTransactionRunner` after a serialization failure, which is why a use case's closure has no effect
/// outside the book. Every committed write adds a row to `bookChange` (the book's version) and notifies the
/// channel `kontor_book`.
public final class PostgresBookStore: BookStore {
    /// The runner the transactions go through (its counters say how often writes collided).
    public let runner: PostgresTransactionRunner

    private init(runner: PostgresTransactionRunner) {
        self.runner = runner
    }

    /// Connects to the book at `location` and brings its schema up to date (`PostgresMigrations`).
    ///
    /// - Throws: `StoreError.unusable` when the server cannot be reached or refuses the login.
    public static func open(
        _ location: PostgresLocation, password: String?, connections: Int = 4,
        logger: Logger = Logger(label: "kontor.postgres")
    ) async throws -> PostgresBookStore {
        let runner = try await PostgresTransactionRunner(
            location: location, password: password, connections: connections, logger: logger)
        do {
            try await PostgresMigrations.migrate(runner)
        } catch {
            await runner.close()
            throw error
        }
        return PostgresBookStore(runner: runner)
    }

    /// Closes the connections; the store cannot be used afterwards.
    public func close() async {
        await runner.close()
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any BookReader) throws -> T) async throws -> T {
        try await runner.read { transaction in try body(PostgresBook(transaction)) }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any BookWriter) throws -> T) async throws -> T {
        try await runner.write { transaction in
            let book = PostgresBook(transaction)
            let result = try body(book)
            try book.recordChange()
            return result
        }
    }
}
