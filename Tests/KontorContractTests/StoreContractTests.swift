import Foundation
import KontorApp
import KontorStore
import KontorTesting
import Testing

/// The stores the contract runs against; a PostgreSQL store becomes one more case.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case inMemory
    case sqlite

    var testDescription: String { rawValue }

    /// The contract over fresh stores of this kind: the SQLite store on a new file in its own temporary folder.
    var contract: StoreContract {
        switch self {
        case .inMemory:
            StoreContract { InMemoryBookStore() }
        case .sqlite:
            StoreContract {
                let folder = FileManager.default.temporaryDirectory
                    .appendingPathComponent("kontor-contract-\(UUID().uuidString)")
                let database = try AppDatabase.open(path: folder.appendingPathComponent("book.sqlite").path)
                return GRDBBookStore(database)
            }
        }
    }
}

/// Every rule of `StoreContract` against every store kind.
struct StoreContractTests {
    static let cases = StoreKind.allCases.flatMap { kind in StoreContract.rules.map { (kind, $0) } }

    @Test(arguments: StoreContractTests.cases)
    func rule(_ kind: StoreKind, _ rule: StoreContract.Rule) async throws {
        try await rule.check(kind.contract)
    }

    @Test func theContractHasEveryRule() {
        // A rule added to the contract but not to `rules` would never run.
        #expect(StoreContract.rules.count == Set(StoreContract.rules.map(\.name)).count)
        #expect(StoreContract.rules.count >= 15)
    }
}
