import Foundation
import GRDB
import KontorApp
import KontorCore
import Testing

@testable import KontorStore

/// Sealing in rounds (`AuditJournal.sealBatch` entries, one UPDATE each): the chain it writes is the chain
/// `audit verify` recomputes entry by entry, across rounds, transactions and gaps in the ids.
struct AuditSealTests {
    let day = Day("2026-11-25")!

    /// Recomputes the chain over the whole journal as the verifier does; the ids where a stored hash differs.
    func brokenLinks(_ db: Database) throws -> [Int64] {
        var previous = AuditChain.genesis
        var broken: [Int64] = []
        for row in try Row.fetchAll(db, sql: "SELECT * FROM auditJournal ORDER BY id") {
            let entry = AuditEntry(row: row)
            if AuditChain.chainHash(previous: previous, entry: entry) != entry.hash { broken.append(entry.id) }
            previous = entry.hash ?? previous
        }
        return broken
    }

    /// Journals `count` rows of another table's kind straight into the journal, as a trigger would.
    func journal(_ db: Database, count: Int, id: Int64? = nil) throws {
        for index in 0..<count {
            try db.execute(
                sql: """
                    INSERT INTO auditJournal (id, actor, tableName, rowKey, operation, before, after)
                    VALUES (?, 'os:test', 'customer', ?, 'insert', NULL, json_object('name', ?))
                    """,
                arguments: [index == 0 ? id : nil, "\(index)", "Kundin Nr. \(index) – Müller"])
        }
    }

    /// Runs SQL on the file as the `sqlite3` shell would: no Kontor, no journal context.
    func tamper(_ path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
        try queue.close()
    }

    @Test func rowsSealedInSeveralRoundsAndTransactionsChainLikeRowsSealedOneByOne() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.write { db in
            // More than two rounds in one transaction, then a second transaction continuing the chain
            try journal(db, count: 2 * AuditJournal.sealBatch + 7)
            try AuditJournal.seal(db)
        }
        try database.writer.write { db in
            try journal(db, count: 3)
            try AuditJournal.seal(db)
        }
        let (unsealed, broken) = try database.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM auditJournal WHERE hash IS NULL"), try brokenLinks(db))
        }
        #expect(unsealed == 0 && broken.isEmpty)
        #expect(try AuditJournal.verify(database).problems.allSatisfy { !$0.english.contains("chain") })
    }

    @Test func aGapInTheIdsIsSealedRowByRowAndStillChains() throws {
        let database = try AppDatabase.inMemory()
        let gapAt = try database.writer.write { db -> Int64 in
            // Among the unsealed entries, one another program inserted with an id of its own, past the next one
            try journal(db, count: 2)
            let next = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM auditJournal") ?? 0) + 10
            try journal(db, count: 3, id: next)
            try AuditJournal.seal(db)
            return next
        }
        let (unsealed, broken) = try database.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM auditJournal WHERE hash IS NULL"), try brokenLinks(db))
        }
        #expect(unsealed == 0 && broken.isEmpty)
        // And verify names the missing entries before the gap, not a broken chain
        let report = try AuditJournal.verify(database)
        #expect(report.problems.first?.english.contains("entries before #\(gapAt) are missing") == true)
    }

    @Test func aLargeImportIsJournaledInBatchesEveryRowOnceAndAnOutsideChangeToItIsFound() async throws {
        // Given a book file with one issued invoice
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-seal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("book.sqlite").path
        let database = try AppDatabase.open(path: path)
        let kontor = Kontor(store: GRDBBookStore(database, actor: "os:lena"))
        _ = try await kontor.initialise(BusinessProfile(
            name: "Lena Schreiber",
            address: PostalAddress(street: "Lindenstraße 12", postalCode: "50674", city: "Köln"),
            iban: try IBAN("DE89370400440532013000"), taxNumber: "214/5678/1234"))
        let customer = try await kontor.addCustomer(Customer(
            name: "Verlag Nord", address: PostalAddress(street: "Hafenweg 2", postalCode: "20457", city: "Hamburg"),
            createdOn: day))
        let draft = try await kontor.draftInvoice(from: .customer(customer.id), on: day)
        _ = try await kontor.addInvoiceLine("\(draft.id)", line: DocumentLine(
            description: "Artikel", quantity: Quantity(1), unit: .flat, unitPrice: try UnitPrice(parsing: "100"),
            vatRate: .standard))
        let invoice = try await kontor.issueInvoice("\(draft.id)", on: day)
        // When a statement of more entries than a sealing round holds is imported, one paying the invoice midway
        let count = AuditJournal.sealBatch + 1_500
        var credits: [(String, Money, String, String)] = (0..<count).map {
            ("REF-\($0)", Money(cents: 1_000 + Int64($0)), "Zahler \($0 % 97)", "Spende \($0)")
        }
        credits[count / 2] = ("REF-PAID", invoice.totals.gross, "Verlag Nord", "Rechnung \(invoice.number!)")
        let result = try await kontor.importStatement(
            data: BankImportTests.camt(credits), fileName: "auszug.xml", dryRun: false, today: day)
        #expect(result.applied.count == 1 && result.queued == count - 1)
        // Then every entry is stored in file order and sealed, the book verifies, and the journal holds every row
        // exactly once: the waiting ones in batches, the paying one (stored on its own) by the per-row trigger
        let paid = credits.map(\.0)
        let (identities, paidId, journaledKeys, entries, unsealed) = try await database.writer.read { db in
            (
                try String.fetchAll(db, sql: "SELECT identity FROM bankEntry ORDER BY id"),
                try Int64.fetchOne(db, sql: "SELECT bankEntryId FROM payment WHERE bankEntryId IS NOT NULL"),
                try String.fetchAll(db, sql: """
                    SELECT CASE WHEN j.after LIKE '[%' THEN json_extract(r.value, '$[0]') ELSE j.rowKey END
                    FROM auditJournal j LEFT JOIN json_each(CASE WHEN j.after LIKE '[%' THEN j.after END) r
                    WHERE j.tableName = 'bankEntry' AND j.operation = 'insert'
                    """),
                try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM auditJournal WHERE tableName = 'bankEntry' AND operation = 'insert'
                    """),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM auditJournal WHERE hash IS NULL")
            )
        }
        #expect(identities.count == count)
        #expect(identities.map { $0.split(separator: ":").last.map(String.init) } == paid)
        #expect(paidId == Int64(count / 2 + 1))
        #expect(journaledKeys.sorted { Int($0)! < Int($1)! } == (1...count).map(String.init))
        #expect((entries ?? 0) < count / 100 && unsealed == 0)
        let intact = try AuditJournal.verify(database).isIntact
        #expect(intact)
        // And `audit log` shows one batched row as that row's own insert, and the paying one as before
        for key in [3, count / 2 + 1, count] {
            let log = try AuditJournal.log(database, record: "bankEntry:\(key)")
            // (the paying entry's log goes on with the payment made from it)
            #expect(log.count == 1 || key == count / 2 + 1)
            #expect(log.first?.key == "\(key)" && log.first?.operation == "insert")
            #expect(log.first?.after?.contains("\"id\":\(key),") == true)
        }
        // And a booking changed afterwards with the journal's triggers dropped is found
        try database.writer.close()
        try tamper(path, """
            DROP TRIGGER audit_bankEntry_update;
            UPDATE bankEntry SET status = 'dismissed' WHERE id = 1;
            """)
        let report = try AuditJournal.verify(try AppDatabase.open(path: path))
        #expect(report.problems.contains { $0.record == "bankEntry:1" })
    }
}
