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
