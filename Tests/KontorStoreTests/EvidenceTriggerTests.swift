import Foundation
import GRDB
import KontorApp
import KontorCore
import KontorStore
import Testing

/// The database refuses REPLACE, UPDATE and DELETE on every table that holds evidence (issue 16), also for a
/// program that is not Kontor (plain SQL, foreign keys off as in the `sqlite3` shell).
struct EvidenceTriggerTests {
    let day = Day("2026-03-02")!

    /// A book with an issued invoice of two lines, a partial payment, a draft and a bank entry.
    func book() async throws -> (Kontor, AppDatabase, issued: Invoice, draft: Invoice) {
        let database = try AppDatabase.inMemory()
        let kontor = Kontor(store: GRDBBookStore(database))
        _ = try await kontor.initialise(BusinessProfile(
            name: "Lena Schreiber", address: PostalAddress(street: "Lindenstraße 12", postalCode: "50674", city: "Köln"),
            iban: try IBAN("DE89370400440532013000"), taxNumber: "214/5678/1234"))
        let customer = try await kontor.addCustomer(Customer(
            name: "Verlag Nord", address: PostalAddress(street: "Hafenweg 2", postalCode: "20457", city: "Hamburg"),
            createdOn: day))
        func line(_ price: String) throws -> DocumentLine {
            DocumentLine(description: "Artikel \(price)", quantity: Quantity(1), unit: .flat,
                         unitPrice: try UnitPrice(parsing: price), vatRate: .standard)
        }
        let first = try await kontor.draftInvoice(from: .customer(customer.id), on: day)
        _ = try await kontor.addInvoiceLine("\(first.id)", line: try line("100"))
        _ = try await kontor.addInvoiceLine("\(first.id)", line: try line("50"))
        let issued = try await kontor.issueInvoice("\(first.id)", on: day)
        _ = try await kontor.addPayment(invoice: "2026-0001", amount: Money(cents: 5_000), on: day)
        let draft = try await kontor.draftInvoice(from: .customer(customer.id), on: day)
        try await database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO bankEntry (identity, bookingDate, amountCents, isCredit, currency, text, status, invoiceIds,
                confidence, importedOn, sourceFile) VALUES ('e1', '2026-03-02', 5000, 1, 'EUR', 'RE 2026-0001',
                'review', '[]', 0, '2026-03-02', 'konto.csv')
                """)
        }
        return (kontor, database, issued, draft)
    }

    /// Runs `sql` as another program would: its own transaction, foreign keys off.
    func attack(_ database: AppDatabase, _ sql: String) throws {
        try database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            try db.inTransaction {
                try db.execute(sql: sql)
                return .commit
            }
        }
    }

    @Test func aPlainReplaceCannotRewriteAnIssuedInvoiceOrItsLines() async throws {
        // Given an issued invoice of two lines (150 € net)
        let (kontor, database, issued, draft) = try await book()
        let attacks = [
            // REPLACE resolves the key conflict by deleting the old row without firing delete triggers.
            "REPLACE INTO invoice SELECT * FROM invoice WHERE id = \(issued.id)",
            "INSERT OR REPLACE INTO invoice (id, customerId, kind, draftedOn, paymentTermDays, termAgreed, treatment, "
                + "loyaltyPercent, language) SELECT id, customerId, kind, draftedOn, 0, 0, treatment, 0, language "
                + "FROM invoice WHERE id = \(issued.id)",
            "REPLACE INTO invoiceLine (id, invoiceId, position, description, quantity, unit, unitPrice, vatPercent, "
                + "isDiscount, netCents) SELECT id, \(draft.id), position, 'weg', quantity, unit, 0, vatPercent, isDiscount, "
                + "0 FROM invoiceLine WHERE invoiceId = \(issued.id)",
            "DELETE FROM invoiceLine WHERE invoiceId = \(issued.id)",
            "UPDATE invoiceLine SET unitPrice = 1 WHERE invoiceId = \(issued.id)",
        ]
        for sql in attacks {
            // When another program runs it, Then the database refuses
            #expect(throws: DatabaseError.self, "\(sql)") { try attack(database, sql) }
        }
        // And the invoice is as it was issued
        let loaded = try await kontor.invoice("2026-0001")
        #expect(loaded.lines.count == 2 && loaded.totals.net.cents == 15_000 && loaded.lines == issued.lines)
        #expect(loaded.number == "2026-0001" && loaded.issueDate == day)
    }

    @Test func paymentsBalancesBankEntriesAndCountersRefuseEveryChangeButTheirOwn() async throws {
        let (kontor, database, issued, _) = try await book()
        let attacks = [
            "REPLACE INTO payment SELECT * FROM payment",
            "REPLACE INTO invoiceBalance (invoiceId, customerId, dueDate, grossCents, paidCents, openCents) "
                + "SELECT invoiceId, customerId, dueDate, 1, 0, 1 FROM invoiceBalance",
            "UPDATE invoiceBalance SET paidCents = grossCents, openCents = 0",
            "UPDATE invoiceBalance SET grossCents = 1",
            "DELETE FROM invoiceBalance",
            "REPLACE INTO bankEntry SELECT * FROM bankEntry",
            "UPDATE bankEntry SET amountCents = 1",
            "DELETE FROM bankEntry",
            "REPLACE INTO numberCounter (series, value) SELECT series, 0 FROM numberCounter",
            "UPDATE numberCounter SET value = 0",
            "UPDATE numberCounter SET value = value + 2",
            "DELETE FROM numberCounter",
            "UPDATE auditJournal SET actor = 'someone else'",
            "DELETE FROM auditJournal",
            "REPLACE INTO auditJournal SELECT * FROM auditJournal",
        ]
        for sql in attacks {
            #expect(throws: DatabaseError.self, "\(sql)") { try attack(database, sql) }
        }
        // The changes Kontor makes itself still go through: a review of the bank entry, the next number, a payment.
        try attack(database, "UPDATE bankEntry SET status = 'ignored', reason = 'privat'")
        #expect(try await kontor.invoice("2026-0001").lines == issued.lines)
        _ = try await kontor.addPayment(invoice: "2026-0001", amount: Money(cents: 1_000), on: day)
        let next = try await kontor.draftInvoice(from: .customer(issued.customerId), on: day)
        _ = try await kontor.addInvoiceLine("\(next.id)", line: DocumentLine(
            description: "Nachtrag", quantity: Quantity(1), unit: .flat, unitPrice: try UnitPrice(parsing: "10"),
            vatRate: .standard))
        #expect(try await kontor.issueInvoice("\(next.id)", on: day).number == "2026-0002")
        let paid = try await database.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT paidCents FROM invoiceBalance WHERE invoiceId = ?", arguments: [issued.id])
        }
        #expect(paid == 6_000)
        // The journal holds it all; only the bank entry written with plain SQL shows as changed outside Kontor.
        #expect(Set(try AuditJournal.verify(database).problems.compactMap(\.record)) == ["bankEntry:1"])
    }
}
