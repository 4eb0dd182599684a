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

    /// The contract over fresh stores of this kind; SQLite books are new files in `folder`.
    func contract(in folder: URL) -> StoreContract {
        switch self {
        case .inMemory:
            StoreContract { InMemoryBookStore() }
        case .sqlite:
            StoreContract {
                let file = folder.appendingPathComponent("\(UUID().uuidString).sqlite")
                return GRDBBookStore(try AppDatabase.open(path: file.path))
            }
        }
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
        try await rule.check(kind.contract(in: folder))
    }

    @Test func theContractHasEveryRule() {
        // Rules are listed by hand in `StoreContract.rules`: names must stay distinct to tell the cases apart.
        #expect(StoreContract.rules.count == Set(StoreContract.rules.map(\.name)).count)
        #expect(StoreContract.rules.count >= 19)
    }
}
