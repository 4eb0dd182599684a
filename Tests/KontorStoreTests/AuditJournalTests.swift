import Foundation
import GRDB
import KontorApp
import KontorCore
import Testing

@testable import KontorStore

/// The audit journal: who changed what and when, chained by SHA-256, and `verify` finding any change made around it.
struct AuditJournalTests {
    let day = Day("2026-03-02")!

    /// A book file with one issued invoice (two lines) and a payment, written by `actor`.
    func bookFile(actor: String = "os:lena") async throws -> (path: String, database: AppDatabase, invoice: Invoice) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-audit-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("book.sqlite").path
        let database = try AppDatabase.open(path: path)
        let kontor = Kontor(store: GRDBBookStore(database, actor: actor))
        _ = try await kontor.initialise(BusinessProfile(
            name: "Lena Schreiber", address: PostalAddress(street: "Lindenstraße 12", postalCode: "50674", city: "Köln"),
            iban: try IBAN("DE89370400440532013000"), taxNumber: "214/5678/1234"))
        let customer = try await kontor.addCustomer(Customer(
            name: "Verlag Nord", address: PostalAddress(street: "Hafenweg 2", postalCode: "20457", city: "Hamburg"),
            createdOn: day))
        let draft = try await kontor.draftInvoice(from: .customer(customer.id), on: day)
        for price in ["100", "50"] {
            _ = try await kontor.addInvoiceLine("\(draft.id)", line: DocumentLine(
                description: "Artikel", quantity: Quantity(1), unit: .flat, unitPrice: try UnitPrice(parsing: price),
                vatRate: .standard))
        }
        let invoice = try await kontor.issueInvoice("\(draft.id)", on: day)
        _ = try await kontor.addPayment(invoice: "2026-0001", amount: Money(cents: 5_000), on: day)
        return (path, database, invoice)
    }

    /// Runs SQL on the file as the `sqlite3` shell would: no Kontor, no journal context.
    func tamper(_ path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
        try queue.close()
    }

    @Test func aChangeIsJournaledWithWhoWhenAndOnlyTheFieldsThatChanged() async throws {
        let (_, database, _) = try await bookFile()
        let kontor = Kontor(store: GRDBBookStore(database, actor: "os:lena"))
        // When the web's signed-in user renames the customer
        _ = try await BookActor.$current.withValue("web:anna") {
            try await kontor.editCustomer(id: 1) { $0.name = "Verlag Nord & Süd" }
        }
        // Then the customer's journal ends in one update by her, with the name before and after and nothing else
        let entries = try AuditJournal.log(database, record: "customer:1")
        let last = try #require(entries.last)
        #expect(last.operation == "update" && last.actor == "web:anna")
        #expect(last.before == #"{"name":"Verlag Nord"}"# && last.after == #"{"name":"Verlag Nord & Süd"}"#)
        #expect(entries.first?.operation == "insert" && entries.first?.actor == "os:lena")
        // And the invoice's journal, asked for by number, holds the invoice, its lines, its balance and the payment
        let invoiceLog = try AuditJournal.log(database, record: "invoice:2026-0001")
        #expect(Set(invoiceLog.map(\.table)) == ["invoice", "invoiceLine", "invoiceBalance", "payment"])
        #expect(invoiceLog.allSatisfy { $0.hash?.count == 64 })
        #expect(throws: AuditRecordError.self) { try AuditJournal.log(database, record: "invoice") }
    }

    @Test func aBookFromBeforeTheJournalStartsItWithASnapshotAndVerifies() async throws {
        // Given a book written before the journal existed
        let queue = try DatabaseQueue(configuration: AppDatabase.makeConfiguration())
        try DatabaseMigrator.kontor.migrate(queue, upTo: "v12-legal-parties-contact-salutation")
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO customer (id, name, kind, language, status, createdOn)
                VALUES (7, 'Altkunde', 'business', 'de', 'new', '2025-01-01');
                """)
        }
        // When Kontor opens it
        let database = try AppDatabase(queue)
        // Then the journal begins with the record as it was, and the book verifies
        let entries = try AuditJournal.log(database, record: "customer:7")
        #expect(entries.map(\.operation) == ["snapshot"] && entries.first?.after?.contains("Altkunde") == true)
        #expect(try AuditJournal.verify(database).isIntact)
        // And a later change is journaled against it
        _ = try await Kontor(store: GRDBBookStore(database)).editCustomer(id: 7) { $0.name = "Altkunde GmbH" }
        #expect(try AuditJournal.log(database, record: "customer:7").last?.after == #"{"name":"Altkunde GmbH"}"#)
        #expect(try AuditJournal.verify(database).isIntact)
    }

    @Test func anUntouchedBookVerifies() async throws {
        let (_, database, _) = try await bookFile()
        let report = try AuditJournal.verify(database)
        #expect(report.isIntact, "\(report.problems)")
        #expect(report.entries > 10 && report.head?.count == 64)
    }

    @Test func aJournalTriggerDroppedByAnotherProgramIsPutBackOnTheNextOpen() async throws {
        // Given a book whose open fingerprinted the schema at which its triggers were current
        let (path, database, _) = try await bookFile()
        func fingerprints(_ database: AppDatabase) async throws -> (checked: String?, now: String) {
            try await database.writer.read { db in
                (try String.fetchOne(db, sql: "SELECT checkedSchema FROM auditContext"),
                 try AuditTriggers.schemaFingerprint(db))
            }
        }
        let first = try await fingerprints(database)
        #expect(first.checked == first.now)
        // And opened again unchanged (GRDB creates and drops a table to make the WAL file: no schema change)
        try database.writer.close()
        let again = try AppDatabase.open(path: path)
        #expect(try await fingerprints(again) == first)
        try again.writer.close()
        // When another program drops a journal trigger (which changes the schema's fingerprint)
        try tamper(path, "DROP TRIGGER audit_customer_insert")
        // Then the next open sees another fingerprint, compares, and puts the trigger back
        let reopened = try AppDatabase.open(path: path)
        let (trigger, current) = try await reopened.writer.read { db in
            (try String.fetchOne(db, sql: "SELECT name FROM sqlite_master WHERE name = 'audit_customer_insert'"),
             try AuditTriggers.areCurrent(db))
        }
        #expect(trigger == "audit_customer_insert" && current)
        // And a customer added now is journaled again
        let kontor = Kontor(store: GRDBBookStore(reopened, actor: "os:lena"))
        let customer = try await kontor.addCustomer(Customer(name: "Agentur Süd", createdOn: day))
        let log = try AuditJournal.log(reopened, record: "customer:\(customer.id)")
        #expect(log.first?.operation == "insert")
    }

    @Test func anIssuedInvoiceChangedWithTheTriggersDroppedIsFound() async throws {
        // Given a book, and a copy of it
        let (path, database, invoice) = try await bookFile()
        _ = try await database.writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try database.writer.close()
        let copy = path + ".copy"
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        // When someone drops every trigger with plain SQL and changes a line of the issued invoice
        let triggers = try await DatabaseQueue(path: copy).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        try tamper(copy, triggers.map { "DROP TRIGGER \"\($0)\";" }.joined()
                   + "UPDATE invoiceLine SET unitPrice = 10000, netCents = 100 WHERE invoiceId = \(invoice.id) AND position = 0")
        // Then verify fails and names the line of invoice 2026-0001, and the missing guard triggers
        let report = try AuditJournal.verify(try AppDatabase.open(path: copy))
        #expect(!report.isIntact)
        let line = try #require(report.problems.first { $0.record?.hasPrefix("invoiceLine:") == true })
        #expect(line.english.contains("(invoice 2026-0001)") && line.english.contains("unitPrice"))
        #expect(line.german.contains("(invoice 2026-0001)"))
        #expect(report.problems.contains { $0.english.contains("invoice_issued_no_update is missing") })
        // And the untouched original still verifies
        #expect(try AuditJournal.verify(try AppDatabase.open(path: path)).isIntact)
    }

    @Test func theBytesOfAnIssuedInvoiceThatLeftAreKeptAndChecked() async throws {
        let (path, database, invoice) = try await bookFile()
        let kontor = Kontor(store: GRDBBookStore(database))
        // When the PDF and the XML of the issued invoice are saved
        let pdf = try await kontor.invoicePDF("2026-0001")
        let xml = try await kontor.invoiceXML("2026-0001")
        // Then the book keeps exactly those bytes, and the invoice's journal shows them
        let kept = try await database.writer.read { db in
            try Data.fetchAll(db, sql: "SELECT bytes FROM auditDocument WHERE record = ? ORDER BY id",
                              arguments: ["invoice:\(invoice.id)"])
        }
        #expect(kept == [pdf.data, xml.data])
        #expect(try AuditJournal.log(database, record: "invoice:2026-0001").filter { $0.table == "auditDocument" }.count == 2)
        #expect(try AuditJournal.verify(database).isIntact)
        // And a kept document changed behind Kontor's back is named
        try database.writer.close()
        try tamper(path, "DROP TRIGGER auditDocument_no_update; UPDATE auditDocument SET bytes = x'00' WHERE id = 1")
        let report = try AuditJournal.verify(try AppDatabase.open(path: path))
        #expect(report.problems.contains { $0.record == "auditDocument:1" && $0.english.contains(pdf.fileName) })
    }

    @Test func aRewrittenJournalEntryBreaksTheChainThere() async throws {
        let (path, database, _) = try await bookFile()
        try database.writer.close()
        let victim = try await DatabaseQueue(path: path).read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM auditJournal WHERE tableName = 'payment' LIMIT 1")
        }
        let id = try #require(victim)
        try tamper(path, """
            DROP TRIGGER auditJournal_seal_only;
            UPDATE auditJournal SET actor = 'os:someone' WHERE id = \(id);
            """)
        let report = try AuditJournal.verify(try AppDatabase.open(path: path))
        #expect(report.problems.first?.entry == id)
        #expect(report.problems.first?.english.contains("chain breaks at entry #\(id)") == true)
    }

    @Test func aChangeByAnotherProgramWithTheTriggersInPlaceIsMarkedAsOutsideKontor() async throws {
        let (path, database, _) = try await bookFile()
        try database.writer.close()
        try tamper(path, "UPDATE customer SET email = 'x@example.org' WHERE id = 1")
        let reopened = try AppDatabase.open(path: path)
        let report = try AuditJournal.verify(reopened)
        #expect(!report.isIntact && Set(report.problems.map(\.record)) == ["customer:1"])
        #expect(try AuditJournal.log(reopened, record: "customer:1").last?.actor == "outside Kontor")
    }
}
