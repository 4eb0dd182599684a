import Foundation
import KontorApp
import KontorPostgresStore
import KontorStore
import KontorTestTools
import KontorTesting
import Testing

/// The stores the contract runs against.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case inMemory
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// The contract over fresh stores of this kind; SQLite books are new files in `folder`, PostgreSQL books new
    /// databases on the suite's server, their stores closed by `stores.closeAll()`.
    func contract(in folder: URL, stores: OpenStores) -> StoreContract {
        switch self {
        case .inMemory:
            StoreContract { InMemoryBookStore() }
        case .sqlite:
            StoreContract {
                let file = folder.appendingPathComponent("\(UUID().uuidString).sqlite")
                return GRDBBookStore(try AppDatabase.open(path: file.path))
            }
        case .postgres:
            StoreContract {
                let server = try await SharedPostgres.server()
                let location = PostgresLocation(
                    user: TestPostgresServer.user, host: "127.0.0.1", port: server.port,
                    database: try server.createDatabase())
                let store = try await PostgresBookStore.open(location, password: nil, connections: 2)
                await stores.add(store)
                return store
            }
        }
    }
}

/// The PostgreSQL stores a test opened, closed when it ends (each holds connections to the shared server).
actor OpenStores {
    private var stores: [PostgresBookStore] = []

    func add(_ store: PostgresBookStore) { stores.append(store) }

    func closeAll() async {
        for store in stores { await store.close() }
        stores = []
    }
}

/// One PostgreSQL server for every contract test of this process (each store gets a database of its own), stopped
/// when the test process exits.
enum SharedPostgres {
    private static let starting = Starter()

    static func server() async throws -> TestPostgresServer { try await starting.server() }

    /// Starts the server once: the first caller's task, which every later caller awaits too (an actor alone would
    /// let a second caller in while the first waits for `initdb`).
    actor Starter {
        private var starting: Task<TestPostgresServer, any Error>?

        func server() async throws -> TestPostgresServer {
            if let starting { return try await starting.value }
            let task = Task {
                let server = try await TestPostgresServer.start()
                Running.server = server
                atexit { Running.server?.stop() }
                return server
            }
            starting = task
            return try await task.value
        }
    }

    /// The running server for the exit handler, which cannot reach into an actor.
    enum Running {
        nonisolated(unsafe) static var server: TestPostgresServer?
    }
}

/// Every rule of `StoreContract` against every store kind. A class, so that each test's temporary folder of SQLite
/// books goes when the test ends (`deinit`).
final class StoreContractTests: Sendable {
    static let cases = StoreKind.allCases.flatMap { kind in StoreContract.rules.map { (kind, $0) } }

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-contract-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: folder) }

    @Test(arguments: StoreContractTests.cases)
    func rule(_ kind: StoreKind, _ rule: StoreContract.Rule) async throws {
        let stores = OpenStores()
        do {
            try await rule.check(kind.contract(in: folder, stores: stores))
        } catch {
            await stores.closeAll()
            throw error
        }
        await stores.closeAll()
    }

    @Test func theContractHasEveryRule() {
        // Rules are listed by hand in `StoreContract.rules`: names must stay distinct to tell the cases apart.
        #expect(StoreContract.rules.count == Set(StoreContract.rules.map(\.name)).count)
        #expect(StoreContract.rules.count >= 19)
    }
}
