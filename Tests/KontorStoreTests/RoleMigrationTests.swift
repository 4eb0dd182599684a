import Foundation
import GRDB
import KontorApp
import KontorCore
import Testing

@testable import KontorStore

/// Users from before roles become owners; the store keeps a role and who approved a Mahnung.
struct RoleMigrationTests {
    @Test func existingUsersBecomeOwners() async throws {
        // Given a book with a user, written before roles existed
        let queue = try DatabaseQueue(configuration: AppDatabase.makeConfiguration())
        try DatabaseMigrator.kontor.migrate(queue, upTo: "v24-lean-bank-entries")
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO webUser (name, passwordHash, changedOn) VALUES ('lena', '$2b$12$hash', '2026-01-01')
                """)
        }
        // When the book is opened (migrated)
        let kontor = Kontor(store: GRDBBookStore(try AppDatabase(queue)))
        // Then the user is an owner and keeps the password
        let user = try #require(try await kontor.webUser(name: "lena"))
        #expect(user.role == .owner && user.passwordHash == "$2b$12$hash")
        // And a role is stored, and refused when it is not one of the three
        let day = Day("2026-02-01")!
        _ = try await kontor.setPassword(user: "max", password: "lang-genug-1", role: .assistant, on: day) {
            "hashed:\($0)"
        }
        #expect(try await kontor.webUsers().map(\.role) == [.owner, .assistant])
        await #expect(throws: (any Error).self) {
            try await queue.write { db in try db.execute(sql: "UPDATE webUser SET role = 'admin' WHERE name = 'max'") }
        }
    }
}
