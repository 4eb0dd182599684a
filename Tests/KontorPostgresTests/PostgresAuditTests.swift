import Foundation
import KontorApp
import KontorCore
import KontorPostgresStore
import KontorStore
import KontorTestTools
import Testing

/// The audit journal of a PostgreSQL book (GoBD): written by the book's triggers, sealed by every write with the
/// SQLite store's chain, verified and listed by `kontor audit`; against one real server per test process
/// (`SharedPostgres`), a database per test.
struct PostgresAuditTests {
    static let today = Day("2026-12-04")!

    /// A new database on the shared server, its store and a `Kontor` on it; closed when `body` ends.
    private func withBook(_ body: (Kontor, PostgresBookStore, TestPostgresServer, String) async throws -> Void)
        async throws
    {
        let server = try await SharedPostgres.server()
        let database = try server.createDatabase()
        let store = try await PostgresBookStore.open(
            PostgresLocation(user: TestPostgresServer.user, host: "127.0.0.1", port: server.port, database: database),
            password: nil, connections: 2)
        do {
            try await body(Kontor(store: store), store, server, database)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    private func customer(_ name: String) -> Customer { Customer(name: name, createdOn: Self.today) }

    @Test func aWriteIsJournaledWithItsActorSealedAndVerified() async throws {
        try await withBook { kontor, store, _, _ in
            let added = try await BookActor.$current.withValue("web:lena") {
                try await kontor.addCustomer(customer("Verlag am See"))
            }
            _ = try await kontor.editCustomer(id: added.id) { $0.notes = "Ruft an" }
            let entries = try await store.auditLog(record: "customer:\(added.id)")
            #expect(entries.map(\.operation) == ["insert", "update"], "\(entries)")
            let insert = try #require(entries.first)
            #expect(insert.actor == "web:lena")
            #expect(insert.table == "customer" && insert.key == "\(added.id)")
            #expect(insert.before == nil)
            #expect(insert.after?.contains(#""name":"Verlag am See""#) == true, "\(insert.after ?? "nil")")
            #expect(insert.at.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"#, options: .regularExpression) != nil,
                    "\(insert.at)")
            // An update names only what changed, before and after; without a task's actor, the process's user.
            let update = try #require(entries.last)
            #expect(update.actor == AuditChain.processActor)
            #expect(update.before == #"{"notes":null}"#)
            #expect(update.after == #"{"notes":"Ruft an"}"#)
            // Sealed as the SQLite store seals: each hash chained onto the one before.
            #expect(insert.hash == AuditChain.chainHash(previous: AuditChain.genesis, entry: insert))
            #expect(update.hash == AuditChain.chainHash(previous: try #require(insert.hash), entry: update))
            let report = try await store.verifyAuditJournal()
            #expect(report.problems.isEmpty, "\(report.problems.map(\.english))")
            #expect(report.entries == 2)
            #expect(report.head == update.hash)
        }
    }

    @Test func aRunAgainAfterACollisionJournalsOnceAndTheChainFollowsTheCommits() async throws {
        try await withBook { kontor, store, _, _ in
            let added = try await kontor.addCustomer(customer("Agentur Nord"))
            // Concurrent writes to one row collide under SERIALIZABLE; each run again is journaled and sealed once.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        _ = try await kontor.editCustomer(id: added.id) { $0.notes = "Runde \(index)" }
                        _ = try await kontor.addCustomer(Customer(name: "Kunde \(index)", createdOn: Self.today))
                    }
                }
                try await group.waitForAll()
            }
            let report = try await store.verifyAuditJournal()
            #expect(report.problems.isEmpty, "\(report.problems.map(\.english))")
            #expect(report.entries == 1 + 8 + 8)
        }
    }

    @Test func aMigratedBookContinuesTheCopiedChain() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-pgaudit-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try AppDatabase.open(path: folder.appendingPathComponent("book.sqlite").path)
        let sqlite = Kontor(store: GRDBBookStore(database))
        _ = try await sqlite.fillDemoBook(today: Self.today)
        let copied = try AuditJournal.verify(database)
        #expect(copied.isIntact)
        try await withBook { postgres, store, _, _ in
            _ = try await sqlite.copyBook(to: postgres, today: Self.today)
            let before = try await store.verifyAuditJournal()
            #expect(before.problems.isEmpty, "\(before.problems.prefix(5).map(\.english))")
            #expect(before.entries == copied.entries && before.head == copied.head)
            // A write on PostgreSQL chains onto the SQLite book's last entry.
            let customer = try #require(try await postgres.customers().first)
            _ = try await postgres.addNote(customerId: customer.id, text: "Ruft zurück", on: Self.today)
            let after = try await store.verifyAuditJournal()
            #expect(after.problems.isEmpty, "\(after.problems.prefix(5).map(\.english))")
            #expect(after.entries > copied.entries)
            #expect(after.head != copied.head)
            let log = try await store.auditLog(record: "customer:\(customer.id)")
            #expect(log.contains { $0.table == "note" && $0.after?.contains("Ruft zurück") == true })
        }
    }

    @Test func anEntryChangedWithTheGuardsOffIsAChainBreak() async throws {
        try await withBook { kontor, store, server, database in
            let added = try await kontor.addCustomer(customer("Verlag am See"))
            _ = try await kontor.editCustomer(id: added.id) { $0.notes = "Ruft an" }
            // The guard refuses a change of a sealed entry, and its deletion.
            let refused = try server.psql(database, #"UPDATE "auditJournal" SET "actor" = 'web:mallory'"#)
            #expect(refused.status != 0)
            #expect(refused.errorText.contains("the audit journal is never changed"), "\(refused.errorText)")
            let notDeleted = try server.psql(database, #"DELETE FROM "auditJournal""#)
            #expect(notDeleted.status != 0)
            // With the triggers off (a superuser's replica role), the first entry is rewritten.
            let forged = try server.psql(database, #"""
                SET session_replication_role = replica;
                UPDATE "auditJournal" SET "actor" = 'web:mallory' WHERE "id" = (SELECT min("id") FROM "auditJournal")
                """#)
            #expect(forged.status == 0, "\(forged.errorText)")
            let report = try await store.verifyAuditJournal()
            let first = try #require(report.problems.first)
            #expect(first.english.hasPrefix("the chain breaks at entry #"), "\(first.english)")
            #expect(first.german.hasPrefix("Die Kette bricht bei Eintrag Nr."))
            #expect(first.record == "customer:\(added.id)")
        }
    }

    @Test func aRecordChangedAroundTheJournalIsFound() async throws {
        try await withBook { kontor, store, server, database in
            let added = try await kontor.addCustomer(customer("Verlag am See"))
            let gone = try await kontor.addCustomer(customer("Alter Kunde"))
            let changed = try server.psql(database, #"""
                SET session_replication_role = replica;
                UPDATE "customer" SET "name" = 'Verlag am Meer' WHERE "id" = \#(added.id);
                DELETE FROM "customer" WHERE "id" = \#(gone.id);
                INSERT INTO "customer" ("name", "kind", "language", "status", "createdOn")
                VALUES ('Untergeschoben', 'business', 'de', 'prospect', '2026-12-04');
                """#)
            #expect(changed.status == 0, "\(changed.errorText)")
            // A trigger switched off is a finding of its own.
            let disabled = try server.psql(database, #"ALTER TABLE "note" DISABLE TRIGGER "audit_note""#)
            #expect(disabled.status == 0, "\(disabled.errorText)")
            let report = try await store.verifyAuditJournal()
            let english = report.problems.map(\.english)
            #expect(english.contains(#"customer:\#(added.id): name is "Verlag am Meer", the journal says "Verlag am See""#),
                    "\(english)")
            #expect(english.contains("customer:\(gone.id) was deleted outside Kontor"), "\(english)")
            #expect(english.contains { $0.hasSuffix("is not in the journal: added outside Kontor") }, "\(english)")
            #expect(english.contains("the guard trigger audit_note is missing"), "\(english)")
            #expect(!report.isIntact)
        }
    }

    @Test func aColumnAndATableOfALaterMigrationAreJournaled() async throws {
        try await withBook { kontor, store, server, database in
            // What a later migration does (the column here by hand): the triggers take the row as it now is.
            let altered = try server.psql(database, #"ALTER TABLE "customer" ADD COLUMN "region" text DEFAULT 'Süd'"#)
            #expect(altered.status == 0, "\(altered.errorText)")
            let added = try await kontor.addCustomer(customer("Verlag am See"))
            let entry = try #require(try await store.auditLog(record: "customer:\(added.id)").first)
            #expect(entry.after?.hasSuffix(#","region":"Süd"}"#) == true, "\(entry.after ?? "nil")")
            // A new table gets its trigger when the triggers are installed again, as after every migration.
            let created = try server.psql(database, #"""
                CREATE TABLE "later" ("id" bigint PRIMARY KEY, "flag" boolean, "data" bytea);
                SELECT "kontor_audit_install"();
                INSERT INTO "later" VALUES (7, true, '\x0aff');
                """#)
            #expect(created.status == 0, "\(created.errorText)")
            let later = try #require(try await store.auditLog(record: "later:7").first)
            // Booleans as 0/1 and bytes as upper-case hex, as the SQLite store writes them; no actor: outside.
            #expect(later.after == #"{"id":7,"flag":1,"data":"0AFF"}"#)
            #expect(later.actor == AuditChain.outsideActor)
        }
    }
}
