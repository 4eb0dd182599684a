import Foundation
import KontorApp
import KontorCore
import KontorPostgresStore
import KontorStore
import KontorTestTools
import Testing

/// `kontor migrate`'s use case: a SQLite book copied into an empty PostgreSQL book and proved equal, against a real
/// server (`TestPostgresServer`).
@Suite(.serialized) struct PostgresMigrationTests {
    static let today = Day("2026-12-04")!

    /// A demo book in a new SQLite file and an empty PostgreSQL book; `body` gets both, then everything is closed.
    private func withBooks(
        _ body: (Kontor, Kontor, TestPostgresServer, String, GRDBBookStore) async throws -> Void
    ) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-migrate-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = GRDBBookStore(try AppDatabase.open(path: folder.appendingPathComponent("book.sqlite").path))
        let sqlite = Kontor(store: file)
        _ = try await sqlite.fillDemoBook(today: Self.today)
        let server = try await TestPostgresServer.start()
        defer { server.stop() }
        let database = try server.createDatabase()
        let store = try await PostgresBookStore.open(
            PostgresLocation(user: TestPostgresServer.user, host: "127.0.0.1", port: server.port, database: database),
            password: nil, connections: 2)
        do {
            try await body(sqlite, Kontor(store: store), server, database, file)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    @Test func aDemoBookIsCopiedWithItsHistoryAndProvedEqual() async throws {
        try await withBooks { sqlite, postgres, _, _, file in
            let report = try await sqlite.copyBook(to: postgres, today: Self.today)
            let original = try await file.dump()
            #expect(report.rows == Dictionary(uniqueKeysWithValues: original.tables.map { ($0.table, $0.rows.count) }))
            #expect(report.rows["auditJournal", default: 0] > 0, "the history comes along")
            let invoices = try await sqlite.invoices(InvoiceQuery())
            #expect(report.invoices == invoices.count && report.invoices > 20)
            #expect(report.documents == 2 * invoices.filter(\.isIssued).count)
            #expect(report.timelines == (try await sqlite.customers()).count)
            // The copy is a working book: the next issue continues both number series and ids.
            let numbers = invoices.compactMap(\.number)
            let customer = try #require(try await postgres.customers().first)
            let draft = try await postgres.draftInvoice(from: .customer(customer.id), on: Self.today)
            #expect(draft.id > invoices.map(\.id).max()!)
            let lined = try await postgres.addInvoiceLine(
                "\(draft.id)",
                line: DocumentLine(
                    description: "Pressetext", quantity: Quantity(1), unit: .flat,
                    unitPrice: UnitPrice(Money(cents: 50_000)), vatRate: .standard))
            let issued = try await postgres.issueInvoice("\(lined.id)", on: Self.today)
            let number = try #require(issued.number)
            #expect(!numbers.contains(number))
            #expect(numbers.filter { $0.hasPrefix("2026-") }.count + 1 == Int(number.suffix(4)))
        }
    }

    @Test func theProofFindsAChangedRow() async throws {
        try await withBooks { sqlite, postgres, server, database, _ in
            _ = try await sqlite.copyBook(to: postgres, today: Self.today)
            #expect(try await sqlite.differences(from: postgres, today: Self.today).differences.isEmpty)
            // Someone with psql changes a note in the copy (notes are not evidence, so no trigger refuses it).
            let changed = try server.psql(
                database, #"UPDATE "note" SET "text" = 'changed' WHERE "id" = (SELECT min("id") FROM "note")"#)
            #expect(changed.status == 0, "\(changed.errorText)")
            let found = try await sqlite.differences(from: postgres, today: Self.today).differences
            #expect(found.contains { $0.hasPrefix("table note: row 1 differs") }, "\(found)")
            #expect(found.contains { $0.hasSuffix("the timeline differs") }, "\(found)")
        }
    }

    @Test func aBookWithRecordsIsNotATarget() async throws {
        try await withBooks { sqlite, postgres, _, _, _ in
            _ = try await postgres.addCustomer(
                Customer(name: "Verlag am See", createdOn: Self.today))
            await #expect(throws: ArchiveError.bookNotEmpty(command: "migrate")) {
                _ = try await sqlite.copyBook(to: postgres, today: Self.today)
            }
            #expect(try await postgres.customers().count == 1, "nothing was copied")
        }
    }
}

/// A PostgreSQL book that is not the schema this build knows is refused with a clear error, never a crash.
@Suite(.serialized) struct PostgresSchemaMismatchTests {
    @Test func aMissingColumnIsAnErrorAndANewerSchemaIsRefused() async throws {
        let server = try await TestPostgresServer.start()
        defer { server.stop() }
        let database = try server.createDatabase()
        let location = PostgresLocation(
            user: TestPostgresServer.user, host: "127.0.0.1", port: server.port, database: database)
        let store = try await PostgresBookStore.open(location, password: nil, connections: 1)
        let kontor = Kontor(store: store)
        _ = try await kontor.setPassword(user: "anna", password: "richtig-geheim", on: Day("2026-12-04")!) { $0 }
        // Someone with psql drops a column Kontor reads.
        let dropped = try server.psql(database, #"ALTER TABLE "webUser" DROP COLUMN "capacityJSON""#)
        #expect(dropped.status == 0, "\(dropped.errorText)")
        let missing = await #expect(throws: StoreError.self) { _ = try await kontor.webUsers() }
        if case let .corrupt(detail)? = missing {
            #expect(detail.contains("capacityJSON"), "\(detail)")
        } else {
            Issue.record("expected StoreError.corrupt, got \(String(describing: missing))")
        }
        await store.close()
        // A newer Kontor's migration in the book: this build does not open it.
        let newer = try server.psql(
            database, #"INSERT INTO "schemaMigrations" ("name") VALUES ('v99-from-the-future')"#)
        #expect(newer.status == 0, "\(newer.errorText)")
        let refused = await #expect(throws: StoreError.self) {
            _ = try await PostgresBookStore.open(location, password: nil, connections: 1)
        }
        if case let .unusable(_, detail)? = refused {
            #expect(detail.contains("v99-from-the-future"), "\(detail)")
        } else {
            Issue.record("expected StoreError.unusable, got \(String(describing: refused))")
        }
    }
}
