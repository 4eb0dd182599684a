import Foundation
import KontorPostgresStore
import NIOConcurrencyHelpers

/// The PostgreSQL books a command opened, closed before the process ends: their connections are ended politely
/// (a session the server sees vanish is logged as an error there), whichever way the command ends.
enum OpenBooks {
    private static let stores = NIOLockedValueBox<[PostgresBookStore]>([])

    static func add(_ store: PostgresBookStore) {
        stores.withLockedValue { $0.append(store) }
    }

    static func closeAll() async {
        let open = stores.withLockedValue { stores in
            defer { stores = [] }
            return stores
        }
        for store in open { await store.close() }
    }
}
