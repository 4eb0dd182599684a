import KontorApp
public import Logging
public import PostgresNIO

import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// Runs synchronous transaction closures against PostgreSQL, the way the `BookStore` port hands them over
/// (docs/ARCHITECTURE.md, "The store port's concurrency model").
///
/// The runner owns a fixed number of connections and as many threads of its own (`NIOThreadPool`): a closure runs
/// on one of those threads, never on a NIO event loop (whose thread would deadlock waiting for its own answer) and
/// never on a Swift concurrency thread (which must not block). Inside, `PostgresTransaction.query` sends one
/// query over the transaction's connection and blocks that thread until the answer arrives.
///
/// Writes are `SERIALIZABLE`: PostgreSQL then guarantees that the committed transactions have the effect of some
/// serial order, and reports SQLSTATE 40001 (or 40P01 for a deadlock) when it cannot. The runner then rolls back
/// and runs the *whole closure* again, up to `maximumAttempts` times with a short random pause, before it throws
/// `StoreError.busy`. That is why a closure must have no effect outside the database.
public final class PostgresTransactionRunner: Sendable {
    /// Where the runner connects (without the password).
    public let location: PostgresLocation
    /// How often a transaction is run before the runner gives up with `StoreError.busy`.
    public let maximumAttempts: Int

    private let pool: ConnectionPool
    private let threads: NIOThreadPool
    private let tally = NIOLockedValueBox(Counters())
    private let logger: Logger

    /// What the runner has done so far; for tests and logs.
    public struct Counters: Sendable, Equatable {
        /// Transactions committed.
        public var commits = 0
        /// Transactions run again after a serialization failure or a deadlock.
        public var retries = 0
        /// Transactions given up after `maximumAttempts` (reported as `StoreError.busy`).
        public var givenUp = 0
        /// The most attempts one committed transaction needed: how close the load came to `maximumAttempts`.
        public var mostAttempts = 0
    }

    /// Connects `connections` sessions to the server at once, so that a wrong address or password is reported
    /// here rather than by the first use case.
    ///
    /// - Throws: `StoreError.unusable` when the server cannot be reached or refuses the login.
    public init(
        location: PostgresLocation, password: String?, connections: Int = 4, maximumAttempts: Int = 10,
        logger: Logger = Logger(label: "kontor.postgres")
    ) async throws {
        precondition(connections > 0 && maximumAttempts > 0)
        self.location = location
        self.maximumAttempts = maximumAttempts
        self.logger = logger
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: password,
            database: location.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(10)
        pool = ConnectionPool(configuration: configuration, logger: logger)
        threads = NIOThreadPool(numberOfThreads: connections)
        threads.start()
        do {
            try await pool.open(count: connections)
        } catch {
            try? await threads.shutdownGracefully()
            throw StoreError.unusable(path: location.description, detail: Self.describe(error))
        }
    }

    /// Closes every connection and stops the threads; the runner cannot be used afterwards.
    public func close() async {
        await pool.close()
        try? await threads.shutdownGracefully()
    }

    /// A new session with the runner's address and login, outside its pool, for a listener (`LISTEN` keeps a session
    /// for itself); the caller closes it.
    func connectAlone() async throws -> PostgresConnection {
        try await pool.connectAlone()
    }

    /// The counters so far.
    public var counters: Counters { tally.withLockedValue { $0 } }

    /// Runs `body` in one read-only transaction on a consistent snapshot.
    ///
    /// `REPEATABLE READ READ ONLY` rather than `SERIALIZABLE`: a page reads one snapshot and never has to be run
    /// again; every decision that changes the book is taken again inside a serializable write.
    public func read<T: Sendable>(_ body: @escaping @Sendable (PostgresTransaction) throws -> T) async throws -> T {
        try await run(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", gated: false, body)
    }

    /// Runs `body` in one `SERIALIZABLE` transaction, again from the start after a serialization failure.
    public func write<T: Sendable>(_ body: @escaping @Sendable (PostgresTransaction) throws -> T) async throws -> T {
        try await run(begin: "BEGIN ISOLATION LEVEL SERIALIZABLE", gated: true, body)
    }

    private func run<T: Sendable>(
        begin: String, gated: Bool, _ body: @escaping @Sendable (PostgresTransaction) throws -> T
    ) async throws -> T {
        let connection = try await pool.checkOut()
        do {
            let value = try await threads.runIfActive { [self] in
                try transact(on: connection, begin: begin, gated: gated, body)
            }
            await pool.checkIn(connection)
            return value
        } catch {
            await pool.checkIn(connection)
            throw error
        }
    }

    /// The attempts of one transaction, on a thread of `threads`.
    ///
    /// Writes pass the book's *retry gate*, a session-level advisory lock shared by every process on the
    /// database: a first attempt holds it shared, beside every other first attempt; a transaction that has
    /// collided holds it exclusively for its further attempts, so it runs alone (new writes wait behind it, in
    /// PostgreSQL's lock queue) and commits at its next attempt, unless a session outside the gate collides. The
    /// lock is taken before `BEGIN`, so that a snapshot is only taken after the wait. Without the gate, 50 issuers
    /// over 16 connections on one counter row needed up to 10 attempts and now and then gave up: after every
    /// commit all waiting transactions failed together, and only one of them could win the next round.
    private func transact<T>(
        on connection: PostgresConnection, begin: String, gated: Bool,
        _ body: (PostgresTransaction) throws -> T
    ) throws -> T {
        var attempt = 1
        var gate = Gate.none
        let control = PostgresTransaction(connection: connection, logger: logger)
        // The lock belongs to the session: released on every way out, or by the server when the connection dies.
        defer { try? control.pass(&gate, to: .none) }
        while true {
            let transaction = PostgresTransaction(connection: connection, logger: logger)
            do {
                if gated { try control.pass(&gate, to: attempt == 1 ? .shared : .exclusive) }
                try transaction.execute(begin)
                let value = try body(transaction)
                try transaction.execute("COMMIT")
                tally.withLockedValue { counters in
                    counters.commits += 1
                    counters.mostAttempts = max(counters.mostAttempts, attempt)
                }
                return value
            } catch {
                // After a failed COMMIT the transaction is already over and ROLLBACK only warns; after a broken
                // connection it fails too, and the next check-out opens a new one.
                try? transaction.execute("ROLLBACK")
                // The closure may have caught the database's error and thrown its own: the transaction recorded
                // the serialization failure anyway, and it still means "run it again".
                guard transaction.sawSerializationFailure || Self.isSerializationFailure(error) else {
                    throw Self.translate(error)
                }
                guard attempt < maximumAttempts else {
                    tally.withLockedValue { $0.givenUp += 1 }
                    logger.warning("transaction given up", metadata: ["attempts": "\(attempt)"])
                    throw StoreError.busy
                }
                tally.withLockedValue { $0.retries += 1 }
                // A short random pause whose range doubles with every attempt (2 ms, 4 ms, … 64 ms), for the
                // collisions the gate cannot prevent (sessions outside it, reads).
                let pause = UInt32.random(in: 1...(1_000 << UInt32(min(attempt, 6))))
                usleep(pause)
                attempt += 1
            }
        }
    }

    /// The advisory lock key of the retry gate ("Kontor" in ASCII), the same in every process on a database.
    static let retryGateKey: Int64 = 0x4B6F_6E74_6F72

    /// How a session holds the retry gate.
    enum Gate { case none, shared, exclusive }

    static func isSerializationFailure(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] else { return false }
        return PostgresTransaction.retryableStates.contains(state)
    }

    /// The typed store error for PostgreSQL's; errors of the closure itself (domain errors) pass unchanged.
    static func translate(_ error: any Error) -> any Error {
        guard let error = error as? PSQLError else { return error }
        guard let info = error.serverInfo, let state = info[.sqlState] else {
            return StoreError.failed(detail: describe(error))
        }
        let message = info[.message] ?? state
        switch state {
        case PostgresTransaction.refusedState:
            // Raised only by the evidence triggers (`PostgresMigrations`).
            return StoreError.immutable(detail: message)
        case let state where state.hasPrefix("23"):
            // Integrity constraints (unique, foreign key, check, not null): nothing was changed.
            let constraint = info[.constraintName].map { " (\($0))" } ?? ""
            return StoreError.failed(detail: message + constraint)
        case "XX001", "XX002":
            return StoreError.corrupt(detail: message)
        default:
            return StoreError.failed(detail: "\(message) [\(state)]")
        }
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}

/// One transaction inside `PostgresTransactionRunner.read`/`write`: synchronous queries over its connection.
///
/// Valid only inside the closure it was handed to, on that closure's thread.
public final class PostgresTransaction {
    /// SQLSTATE 40001 (serialization failure) and 40P01 (deadlock): the transaction may succeed when run again.
    static let retryableStates: Set<String> = ["40001", "40P01"]
    /// The SQLSTATE of Kontor's evidence triggers (class "KT", unused by PostgreSQL).
    public static let refusedState = "KT001"

    private let connection: PostgresConnection
    private let logger: Logger
    /// Whether a query of this transaction failed with a retryable SQLSTATE, even if the closure caught it.
    private(set) var sawSerializationFailure = false

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Sends `query` (its interpolations become bound parameters) and waits for all of its rows.
    @discardableResult
    public func query(_ query: PostgresQuery) throws -> [PostgresRow] {
        do {
            return try connection.query(query, logger: logger).wait().rows
        } catch {
            if PostgresTransactionRunner.isSerializationFailure(error) { sawSerializationFailure = true }
            throw error
        }
    }

    /// Sends `sql` with `binds` as `$1`, `$2`, … and waits for all of its rows.
    ///
    /// The label is required: a string literal then always means the `PostgresQuery` overload, whose
    /// interpolations are bound parameters, never text pasted into the SQL.
    @discardableResult
    public func query(_ sql: String, binds: PostgresBindings) throws -> [PostgresRow] {
        try query(PostgresQuery(unsafeSQL: sql, binds: binds))
    }

    /// Sends one statement without parameters (DDL, transaction control).
    func execute(_ sql: String) throws {
        try query(PostgresQuery(unsafeSQL: sql))
    }

    /// Moves this session's hold on the retry gate from `gate` to `target` (outside any transaction).
    func pass(_ gate: inout PostgresTransactionRunner.Gate, to target: PostgresTransactionRunner.Gate) throws {
        guard gate != target else { return }
        let key = PostgresTransactionRunner.retryGateKey
        switch gate {
        case .none: break
        case .shared: try execute("SELECT pg_advisory_unlock_shared(\(key))")
        case .exclusive: try execute("SELECT pg_advisory_unlock(\(key))")
        }
        gate = .none
        switch target {
        case .none: break
        case .shared: try execute("SELECT pg_advisory_lock_shared(\(key))")
        case .exclusive: try execute("SELECT pg_advisory_lock(\(key))")
        }
        gate = target
    }
}

/// The runner's connections: checked out by one transaction at a time, waited for in order when all are busy.
private actor ConnectionPool {
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger
    private var free: [PostgresConnection] = []
    private var all: [PostgresConnection] = []
    private var waiting: [CheckedContinuation<PostgresConnection, Never>] = []
    private var nextID = 1

    init(configuration: PostgresConnection.Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    func open(count: Int) async throws {
        for _ in 0..<count {
            let connection = try await connect()
            all.append(connection)
            free.append(connection)
        }
    }

    func checkOut() async throws -> PostgresConnection {
        let connection: PostgresConnection
        if let first = free.popLast() {
            connection = first
        } else {
            connection = await withCheckedContinuation { waiting.append($0) }
        }
        guard connection.isClosed else { return connection }
        // The server restarted or dropped the session: one new connection takes its place.
        all.removeAll { $0 === connection }
        do {
            let replacement = try await connect()
            all.append(replacement)
            return replacement
        } catch {
            // Keep the slot: the closed connection is replaced again at its next check-out.
            all.append(connection)
            checkIn(connection)
            throw StoreError.failed(detail: PostgresTransactionRunner.describe(error))
        }
    }

    func checkIn(_ connection: PostgresConnection) {
        if waiting.isEmpty {
            free.append(connection)
        } else {
            waiting.removeFirst().resume(returning: connection)
        }
    }

    func close() async {
        for connection in all { try? await connection.close() }
        all = []
        free = []
    }

    /// A connection of its own, outside the pool, for a session that stays open (`LISTEN`); its owner closes it.
    func connectAlone() async throws -> PostgresConnection {
        try await connect()
    }

    private func connect() async throws -> PostgresConnection {
        defer { nextID += 1 }
        return try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: nextID,
            logger: logger)
    }
}
