public import KontorApp
public import Logging

/// KontorApp's `BookStore` on a PostgreSQL server, for an agency whose writers share one book from several
/// `kontor serve` processes (issue 17; docs/ARCHITECTURE.md, "The store port's concurrency model").
///
/// Reads run on one `REPEATABLE READ` snapshot; writes are `SERIALIZABLE` and run again from the start by
/// `PostgresTransactionRunner` after a serialization failure, which is why a use case's closure has no effect
/// outside the book. Every committed write adds a row to `bookChange` and notifies the channel `kontor_book`
/// with its id; a server hears those notifications (`PostgresChangeListener`) to know when its kept pages are stale.
public final class PostgresBookStore: BookStore {
    /// Connecting and migrating, started when the store is made; every transaction waits for it.
    private let opening: Task<PostgresTransactionRunner, any Error>
    /// Hears of every committed write, once a server asks for a page stamp (`BookChangeListening`).
    private let listener: PostgresChangeListener

    private init(opening: Task<PostgresTransactionRunner, any Error>, logger: Logger) {
        self.opening = opening
        listener = PostgresChangeListener(logger: logger) { try await opening.value.connectAlone() }
    }

    /// A store that connects to the book at `location` and brings its schema up to date (`PostgresMigrations`) in
    /// the background: a command line can make it where it makes its SQLite store, without waiting. A wrong
    /// address or password is reported by the first transaction (`StoreError.unusable`).
    public static func connecting(
        _ location: PostgresLocation, password: String?, connections: Int = 4,
        logger: Logger = Logger(label: "kontor.postgres")
    ) -> PostgresBookStore {
        PostgresBookStore(
            opening: Task {
                let runner = try await PostgresTransactionRunner(
                    location: location, password: password, connections: connections, logger: logger)
                do {
                    try await PostgresMigrations.migrate(runner)
                } catch {
                    await runner.close()
                    throw error
                }
                return runner
            },
            logger: logger)
    }

    /// Connects to the book at `location`, brings its schema up to date and returns the store once it is ready.
    ///
    /// - Throws: `StoreError.unusable` when the server cannot be reached or refuses the login.
    public static func open(
        _ location: PostgresLocation, password: String?, connections: Int = 4,
        logger: Logger = Logger(label: "kontor.postgres")
    ) async throws -> PostgresBookStore {
        let store = connecting(location, password: password, connections: connections, logger: logger)
        _ = try await store.runner()
        return store
    }

    /// The runner the transactions go through (its counters say how often writes collided).
    public func runner() async throws -> PostgresTransactionRunner {
        try await opening.value
    }

    /// Closes the connections; the store cannot be used afterwards.
    public func close() async {
        await listener.stop()
        if let runner = try? await opening.value { await runner.close() }
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any BookReader) throws -> T) async throws -> T {
        try await runner().read { transaction in try body(PostgresBook(transaction)) }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any BookWriter) throws -> T) async throws -> T {
        // Who writes, as the SQLite store names them: the task's actor, else this process's user. Read here: the
        // closure runs on a thread of the runner's pool, where the task-local is not set.
        let actor = BookActor.current ?? AuditChain.processActor
        let (result, change) = try await runner().write { transaction in
            // Inside the transaction, both: a run again after a serialization failure names the actor again and
            // seals only what that run journaled (`PostgresAuditJournal`).
            try PostgresAuditJournal.begin(transaction, actor: actor)
            let book = PostgresBook(transaction)
            let result = try body(book)
            let change = try book.recordChange()
            try PostgresAuditJournal.seal(transaction)
            return (result, change)
        }
        // Committed: the request that wrote tells its browser which change it has seen.
        BookChangeReceipt.current?.note(change)
        return result
    }
}

extension PostgresBookStore: BookChangeListening {
    public func pageStamp(seen: Int64?) -> Int64? {
        listener.pageStamp(seen: seen)
    }
}
