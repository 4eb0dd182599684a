public import KontorApp
import GRDB

/// KontorApp's `BookStore` on SQLite through GRDB: one transaction per `write`.
public struct GRDBBookStore: BookStore {
    let database: AppDatabase

    /// Creates the store over an opened database.
    public init(_ database: AppDatabase) { self.database = database }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any BookReader) throws -> T) async throws -> T {
        try await database.writer.read { db in try body(GRDBBook(db: db)) }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any BookWriter) throws -> T) async throws -> T {
        try await database.writer.write { db in
            let result = try body(GRDBBook(db: db))
            try db.execute(sql: "UPDATE bookVersion SET version = version + 1 WHERE id = 1")
            return result
        }
    }
}
