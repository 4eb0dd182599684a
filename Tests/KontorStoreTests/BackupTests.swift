import Foundation
import GRDB
import KontorApp
import KontorCore
import KontorStore
import Testing

/// Backup and restore of the SQLite file, and the table-driven dump and load behind the JSON export.
struct BackupTests {
    let day = Day("2026-03-02")!
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// A book in a file (a DatabasePool in WAL mode, as the CLI and the web app open it).
    func fileBook(_ name: String) throws -> Kontor {
        Kontor(store: GRDBBookStore(try AppDatabase.open(path: folder.appendingPathComponent(name).path)))
    }

    func setUp(_ kontor: Kontor, customer name: String = "Verlag Nord") async throws -> Customer {
        _ = try await kontor.initialise(BusinessProfile(
            name: "Lena Schreiber",
            address: PostalAddress(street: "Lindenstraße 12", postalCode: "50674", city: "Köln"),
            iban: try IBAN("DE89370400440532013000"), taxNumber: "214/5678/1234"))
        return try await kontor.addCustomer(Customer(
            name: name, address: PostalAddress(street: "Hafenweg 2", postalCode: "20457", city: "Hamburg"),
            createdOn: day))
    }

    func issue(_ kontor: Kontor, customer: Customer, cents: Int64 = 50_000) async throws -> Invoice {
        let draft = try await kontor.draftInvoice(from: .customer(customer.id), on: day)
        _ = try await kontor.addInvoiceLine("\(draft.id)", line: DocumentLine(
            description: "Blogartikel", quantity: Quantity(1), unit: .flat,
            unitPrice: UnitPrice(Money(cents: cents)), vatRate: .standard))
        return try await kontor.issueInvoice("\(draft.id)", on: day)
    }

    /// Integrity and the invariants of a copy: numbers 1…n without gaps, the counter at n, every issued invoice
    /// with its lines and its balance. Returns n.
    func checkCopy(_ file: URL) throws -> Int {
        let copy = try DatabaseQueue(path: file.path)
        defer { try? copy.close() }
        return try copy.read { db in
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let numbers = try String.fetchAll(
                db, sql: "SELECT number FROM invoice WHERE number IS NOT NULL ORDER BY number")
            #expect(numbers == (0..<numbers.count).map { String(format: "2026-%04d", $0 + 1) })
            let counter = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(value), 0) FROM numberCounter") ?? -1
            #expect(counter == numbers.count)
            let incomplete = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM invoice i WHERE i.number IS NOT NULL
                AND (NOT EXISTS (SELECT 1 FROM invoiceLine l WHERE l.invoiceId = i.id)
                     OR NOT EXISTS (SELECT 1 FROM invoiceBalance b WHERE b.invoiceId = i.id))
                """)
            #expect(incomplete == 0)
            return numbers.count
        }
    }

    @Test func backupWhileAnotherConnectionWritesIsConsistent() async throws {
        // Given a book in a file, and a second connection (as `kontor serve` would hold) issuing invoices
        let kontor = try fileBook("book.sqlite")
        let customer = try await setUp(kontor)
        let writer = try fileBook("book.sqlite")
        let total = 30
        let writing = Task {
            for _ in 0..<total { _ = try await issue(writer, customer: customer) }
        }
        // When backups are taken meanwhile
        var counts: [Int] = []
        for index in 0..<6 {
            let file = folder.appendingPathComponent("copy-\(index).sqlite")
            try await kontor.backup(to: file)
            counts.append(try checkCopy(file))
        }
        try await writing.value
        let last = folder.appendingPathComponent("last.sqlite")
        try await kontor.backup(to: last)
        // Then every copy is intact and a state some commit left; the last one holds every invoice
        #expect(counts == counts.sorted())
        #expect(try checkCopy(last) == total)
        // and the copy is a single file: no WAL companions left beside it
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!names.contains { $0.hasPrefix("last.sqlite-") || $0.hasSuffix(".partial") }, "\(names)")
    }

    @Test func backupDoesNotWaitForAnOpenWriteAndLeavesItOut() async throws {
        // Given another connection in the middle of a write transaction (it inserted a customer, not yet committed)
        let kontor = try fileBook("book.sqlite")
        _ = try await setUp(kontor)
        let other = try AppDatabase.open(path: folder.appendingPathComponent("book.sqlite").path)
        let inserted = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? other.writer.write { db in
                try db.execute(sql: """
                    INSERT INTO customer (name, kind, language, status, createdOn)
                    VALUES ('Noch offen', 'business', 'de', 'prospect', '2026-03-02')
                    """)
                inserted.signal()
                release.wait()
            }
            finished.signal()
        }
        wait(for: inserted)
        // When a backup is taken meanwhile, it completes without waiting for that transaction
        let file = folder.appendingPathComponent("copy.sqlite")
        try await kontor.backup(to: file)
        release.signal()
        wait(for: finished)
        // Then it holds the last committed state, without the half-done write; the book has the customer now
        let copy = Kontor(store: GRDBBookStore(try AppDatabase.open(path: file.path)))
        #expect(try await copy.customers().map(\.name) == ["Verlag Nord"])
        #expect(try await kontor.customers().map(\.name).sorted() == ["Noch offen", "Verlag Nord"])
    }

    /// Blocks until `semaphore` is signalled (a thread outside the test's tasks signals it).
    func wait(for semaphore: DispatchSemaphore) { semaphore.wait() }

    @Test func backupRefusesAnExistingFileUnlessToldToReplaceIt() async throws {
        let kontor = try fileBook("book.sqlite")
        _ = try await setUp(kontor)
        let file = folder.appendingPathComponent("copy.sqlite")
        try Data("keep me".utf8).write(to: file)
        await #expect(throws: ArchiveError.fileExists(file.path)) { try await kontor.backup(to: file) }
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me")
        try await kontor.backup(to: file, replace: true)
        #expect(try checkCopy(file) == 0)
    }

    @Test func restoreReplacesABookWithRecordsOnlyWhenForced() async throws {
        // Given a backup of a book with an invoice, and another book with other records
        let original = try fileBook("original.sqlite")
        let invoice = try await issue(original, customer: try await setUp(original))
        let file = folder.appendingPathComponent("backup.sqlite")
        try await original.backup(to: file)
        let other = try fileBook("other.sqlite")
        _ = try await setUp(other, customer: "Agentur Süd")
        // When it is restored without --force, it is refused and nothing changes
        await #expect(throws: ArchiveError.bookNotEmpty(command: "restore")) {
            try await other.restore(from: file, force: false)
        }
        #expect(try await other.customers().map(\.name) == ["Agentur Süd"])
        // With --force the book is the backup's
        try await other.restore(from: file, force: true)
        #expect(try await other.customers().map(\.name) == ["Verlag Nord"])
        #expect(try await other.invoice("2026-0001") == invoice)
        // An empty book needs no --force
        let empty = try fileBook("empty.sqlite")
        try await empty.restore(from: file, force: false)
        #expect(try await empty.invoice("2026-0001") == invoice)
    }

    @Test func restoreRefusesDamagedForeignAndNewerFiles() async throws {
        let source = try fileBook("source.sqlite")
        _ = try await issue(source, customer: try await setUp(source))
        let good = folder.appendingPathComponent("good.sqlite")
        try await source.backup(to: good)
        let target = try fileBook("target.sqlite")
        _ = try await setUp(target, customer: "Bleibt GmbH")

        // A damaged copy: pages past the header overwritten
        let damaged = folder.appendingPathComponent("damaged.sqlite")
        var bytes = try Data(contentsOf: good)
        for index in 4096..<min(bytes.count, 4096 * 4) { bytes[index] = 0xA5 }
        try bytes.write(to: damaged)
        // A newer Kontor's copy: a migration this build does not know
        let newer = folder.appendingPathComponent("newer.sqlite")
        try FileManager.default.copyItem(at: good, to: newer)
        let queue = try DatabaseQueue(path: newer.path)
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        try queue.close()
        // Some other program's database, and a text file
        let foreign = folder.appendingPathComponent("foreign.sqlite")
        let other = try DatabaseQueue(path: foreign.path)
        try await other.write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT)") }
        try other.close()
        let text = folder.appendingPathComponent("notes.txt")
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: text)

        let missing = folder.appendingPathComponent("missing.sqlite")
        for file in [damaged, newer, foreign, text, missing] {
            do {
                try await target.restore(from: file, force: true)
                Issue.record("\(file.lastPathComponent) was restored")
            } catch let error as ArchiveError {
                switch (file, error) {
                case (damaged, .damaged), (damaged, .notABook), (newer, .newerSchema), (foreign, .notABook),
                     (text, .notABook), (missing, .notABook):
                    #expect(error.message(.de) != error.description)
                default: Issue.record("\(file.lastPathComponent): unexpected \(error)")
                }
            }
            #expect(try await target.customers().map(\.name) == ["Bleibt GmbH"])
        }
    }

    /// A fresh in-memory book: its use cases and its store (the archive port).
    func memoryBook() throws -> (Kontor, any BookArchive) {
        let store = GRDBBookStore(try AppDatabase.inMemory())
        return (Kontor(store: store), store)
    }

    @Test func dumpAndLoadGiveTheSameRecords() async throws {
        // Given a book with issued and cancelled invoices, a draft and a deleted draft
        let (kontor, archive) = try memoryBook()
        let customer = try await setUp(kontor)
        let first = try await issue(kontor, customer: customer)
        _ = try await issue(kontor, customer: customer, cents: 12_345)
        _ = try await kontor.cancelInvoice(try #require(first.number), on: day)
        _ = try await kontor.draftInvoice(from: .customer(customer.id), on: day)
        let gone = try await kontor.draftInvoice(from: .customer(customer.id), on: day)
        _ = try await kontor.deleteDraft("\(gone.id)")
        let dump = try await archive.dump()
        #expect(dump.tables.first { $0.table == "invoiceLine" }?.rows.count == 3)
        #expect(!dump.tables.contains { $0.table == "bookVersion" || $0.table == "grdb_migrations" })
        // When it is loaded into an empty book
        let (copy, copyArchive) = try memoryBook()
        try await copyArchive.load(dump)
        // Then the records are the same, and so are the autoincrement counters (a deleted draft's id stays used)
        #expect(try await copyArchive.dump() == dump)
        #expect(try await copy.invoice(try #require(first.number)) == (try await kontor.invoice(first.number!)))
        let next = try await copy.draftInvoice(from: .customer(customer.id), on: day)
        #expect(next.id == gone.id + 1)
        // Loading again is refused: the book is no longer empty
        await #expect(throws: ArchiveError.bookNotEmpty(command: "import-book")) { try await copyArchive.load(dump) }
    }

    @Test func loadRefusesAnotherSchemaAndBrokenReferencesAndChangesNothing() async throws {
        let (kontor, archive) = try memoryBook()
        _ = try await issue(kontor, customer: try await setUp(kontor))
        var dump = try await archive.dump()
        let (_, target) = try memoryBook()
        var older = dump
        older.schema.removeLast()
        await #expect(throws: ArchiveError.self) { try await target.load(older) }
        // Rows pointing at customers the dump does not have are refused at the end, and everything is rolled back
        let index = try #require(dump.tables.firstIndex { $0.table == "customer" })
        dump.tables[index].rows = []
        await #expect(throws: (any Error).self) { try await target.load(dump) }
        #expect(try await target.isEmpty())
    }
}
