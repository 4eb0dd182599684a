public import GRDB
import Foundation
import KontorApp
import KontorCore

/// The SQLite database of one book: opens the file (WAL, foreign keys, a busy timeout so that several
/// processes can write one after another) and applies the append-only migrations.
public struct AppDatabase: Sendable {
    /// The connection (a pool for files, a queue for in-memory tests).
    public let writer: any DatabaseWriter
    /// Checkpoints the write-ahead log of a book opened by `open(path:)` after large writes; nil elsewhere.
    let checkpointer: WALCheckpointer?

    /// Wraps a connection, migrates it to the current schema and keeps the audit journal's triggers in step.
    public init(_ writer: any DatabaseWriter) throws {
        try self.init(writer, checkpointer: nil)
    }

    private init(_ writer: any DatabaseWriter, checkpointer: WALCheckpointer?) throws {
        self.writer = writer
        self.checkpointer = checkpointer
        let migrator = DatabaseMigrator.kontor
        // Changes a migration makes to the rows are journaled under its own name, not as "outside Kontor".
        let pending = try !writer.read(migrator.hasCompletedMigrations)
        if pending {
            try writer.write { db in
                if try db.tableExists("auditContext") { try AuditJournal.begin(db, actor: "kontor (migration)") }
            }
        }
        try migrator.migrate(writer)
        try AuditTriggers.installIfNeeded(writer)
        if pending {
            try writer.write { db in
                if try db.tableExists("auditJournal") { try AuditJournal.recordTriggers(db) }
                try AuditJournal.seal(db)
            }
        }
        checkpointIfWanted()
    }

    /// Opens (and creates) the database file at `path`, creating its folder when needed.
    /// - Throws: `StoreError.unusable` when the file is not a book Kontor can open or migrate.
    public static func open(path: String) throws -> AppDatabase {
        try open(path: path, checkpointer: WALCheckpointer())
    }

    /// `open(path:)` with the checkpointer's thresholds of a test.
    static func open(path: String, checkpointer: WALCheckpointer) throws -> AppDatabase {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        do {
            return try AppDatabase(
                DatabasePool(path: path, configuration: makeConfiguration(checkpointer: checkpointer)),
                checkpointer: checkpointer)
        } catch let error as DatabaseError {
            throw StoreError.unusable(path: path, detail: error.message ?? "\(error.resultCode)")
        }
    }

    /// Queues the checkpoint a write just made due (`WALCheckpointer`); called after every write of the store.
    func checkpointIfWanted() {
        checkpointer?.checkpointIfWanted(writer)
    }

    /// Returns once the writes and checkpoints queued before have run (`WALCheckpointer`): for a benchmark whose
    /// clock should not include an earlier write's checkpoint, and for tests that look at the book file itself.
    public func settle() async throws {
        try await writer.writeWithoutTransaction { _ in }
    }

    /// Closes the book's connections once the writes and checkpoints queued before have run, after copying the
    /// write-ahead log into the book file as far as no other process still reads an older state (passive): a copy
    /// of the file alone is then the whole book. The readers close first, so that the writer is the process's last
    /// connection and SQLite removes the log when no other process has the book open. For a process about to end;
    /// later reads and writes fail.
    public func close() throws {
        if checkpointer != nil { _ = try writer.writeWithoutTransaction { try $0.checkpoint(.passive) } }
        (writer as? DatabasePool)?.releaseMemory()
        try writer.close()
    }

    /// An empty in-memory database, for tests.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: makeConfiguration()))
    }

    /// SQLite's page cache per connection, in KiB when negative (SQLite's default is 2 MB). The morning list of a
    /// large book reads about a thousand rows scattered over the invoice, customer, job and inquiry tables; with
    /// 2 MB each request read most of them again from the operating system.
    static let cachePages = -8_192

    /// The configuration of every connection (`open(path:)` adds its `WALCheckpointer`).
    public static func makeConfiguration() -> Configuration {
        makeConfiguration(checkpointer: nil)
    }

    /// Foreign keys on (GRDB's default) and a generous busy timeout: writes are immediate transactions,
    /// so concurrent writers queue instead of failing. Temporary storage in memory: every statement that fires
    /// the journal's triggers inside a longer transaction keeps a statement journal (the pages it touches, to undo
    /// just that statement), and on disk that journal was written and thrown away for every row, ~5 GB of
    /// `pwrite` for a 100,000-entry import. The book's own temporary tables and sorts are small. `checkpointer`,
    /// when given, takes over the log's checkpoints from the writer's commits.
    static func makeConfiguration(checkpointer: WALCheckpointer?) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(60)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: "PRAGMA cache_size = \(cachePages)")
            db.add(collation: .customerName)
            if let checkpointer, !db.configuration.readonly { checkpointer.install(on: db) }
        }
        return configuration
    }
}

extension DatabaseCollation {
    /// KontorCore's order of customer names (`CustomerOrder.compareNames`), so that SQL sorts customers exactly as
    /// every other store does; registered on every connection by `makeConfiguration`.
    static let customerName = DatabaseCollation("kontorCustomerName", function: CustomerOrder.compareNames)
}
