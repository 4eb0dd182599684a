public import KontorApp
import GRDB

/// KontorApp's `BookStore` on SQLite through GRDB: one transaction per `write`, journaled and sealed (see
/// `AuditJournal`) before it commits.
public struct GRDBBookStore: BookStore {
    let database: AppDatabase
    /// Who writes when the task does not say (`BookActor.current`): the process's operating-system user.
    let actor: String

    /// Creates the store over an opened database.
    public init(_ database: AppDatabase, actor: String = AuditChain.processActor) {
        self.database = database
        self.actor = actor
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any BookReader) throws -> T) async throws -> T {
        try await StoreError.translating { try await database.writer.read { db in try body(GRDBBook(db: db)) } }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any BookWriter) throws -> T) async throws -> T {
        let actor = BookActor.current ?? self.actor
        // The log's checkpoint after the write, not inside its commit (`WALCheckpointer`), also when it failed.
        defer { database.checkpointIfWanted() }
        return try await StoreError.translating {
            try await database.writer.write { db in
                try AuditJournal.begin(db, actor: actor)
                let result = try body(GRDBBook(db: db))
                try db.execute(sql: "UPDATE bookVersion SET version = version + 1 WHERE id = 1")
                try AuditJournal.seal(db)
                return result
            }
        }
    }
}
