import Foundation
import KontorPostgresStore
import KontorStore
import NIOConcurrencyHelpers

/// The books a command opened, closed before the process ends, whichever way the command ends: PostgreSQL books
/// end their connections politely (a session the server sees vanish is logged as an error there), SQLite books
/// finish the checkpoint their last write queued, so that the book file alone holds every change (a copy of the
/// file is a whole book).
enum OpenBooks {
    private static let stores = NIOLockedValueBox<[PostgresBookStore]>([])
    private static let databases = NIOLockedValueBox<[AppDatabase]>([])

    static func add(_ store: PostgresBookStore) {
        stores.withLockedValue { $0.append(store) }
    }

    /// Opens the SQLite book at `path` to be closed with the others.
    static func openSQLite(path: String) throws -> AppDatabase {
        let database = try AppDatabase.open(path: path)
        databases.withLockedValue { $0.append(database) }
        return database
    }

    static func closeAll() async {
        let open = stores.withLockedValue { stores in
            defer { stores = [] }
            return stores
        }
        for store in open { await store.close() }
        let files = databases.withLockedValue { databases in
            defer { databases = [] }
            return databases
        }
        // A book still in use (a statement left open by an error) is left to SQLite, which keeps it whole anyway.
        for database in files { try? database.close() }
    }
}
