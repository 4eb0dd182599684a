import Foundation
import GRDB
import KontorApp
import KontorCore
@testable import KontorStore
import Testing

/// Bank entries imported together are journaled as one entry of row hashes (`AuditJournal.insertInBulk`): the
/// journal stays small, yet every row is accounted for, its later reviews replay, and a change made outside
/// Kontor is found and named by row.
struct AuditBatchTests {
    let day = Day("2026-11-26")!

    /// A book file with 300 bank entries imported in one statement; the first one since dismissed in Kontor.
    func importedBook() async throws -> (path: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-batch-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("book.sqlite").path
        let database = try AppDatabase.open(path: path)
        let kontor = Kontor(store: GRDBBookStore(database, actor: "os:lena"))
        _ = try await kontor.initialise(BusinessProfile(
            name: "Lena Schreiber", address: PostalAddress(street: "Lindenstraße 12", postalCode: "50674", city: "Köln"),
            taxNumber: "214/5678/1234"))
        let credits: [(String, Money, String, String)] = (0..<300).map {
            ("REF-\($0)", Money(cents: 1_000 + Int64($0)), "Zahler \($0)", "Spende \($0) \"Dank\" & <Gruß>")
        }
        _ = try await kontor.importStatement(
            data: BankImportTests.camt(credits), fileName: "auszug.xml", dryRun: false, today: day)
        _ = try await kontor.dismissBankEntry(id: 1)
        try database.writer.close()
        return (path, folder)
    }

    func tamper(_ path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
        try queue.close()
    }

    @Test func theBatchIsOneSmallEntryAndTheBookVerifiesWithItsReviewReplayed() async throws {
        let (path, folder) = try await importedBook()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try AppDatabase.open(path: path)
        let (inserts, longest) = try await database.writer.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM auditJournal WHERE tableName = 'bankEntry' AND operation = 'insert'"),
                try Int.fetchOne(db, sql: "SELECT max(length(after)) FROM auditJournal WHERE tableName = 'bankEntry'")
            )
        }
        // One entry for the 300 rows, about 80 bytes a row (the rows themselves are longer)
        #expect(inserts == 1 && (longest ?? 0) < 300 * 90)
        #expect(try AuditJournal.verify(database).isIntact)
        // And `audit log` shows the dismissed entry as it was imported, then its review
        let log = try AuditJournal.log(database, record: "bankEntry:1")
        #expect(log.map(\.operation) == ["insert", "update"])
        #expect(log[0].after?.contains("\"status\":\"review\"") == true && log[0].after?.contains("\"id\":1,") == true)
        #expect(log[0].after?.contains(#"Spende 0 \"Dank\" & <Gruß>"#) == true)
        #expect(log[1].after?.contains("dismissed") == true)
    }

    @Test(arguments: [
        ("UPDATE bankEntry SET amountCents = 99 WHERE id = 7", "bankEntry:7", "changed outside Kontor"),
        ("UPDATE bankEntry SET status = 'review' WHERE id = 1", "bankEntry:1", "the journal says"),
        ("UPDATE bankEntry SET text = 'anders', status = 'dismissed' WHERE id = 250", "bankEntry:250", "changed outside"),
        ("DELETE FROM payment; DELETE FROM bankEntry WHERE id = 300", "bankEntry:300", "deleted outside Kontor"),
    ])
    func aChangeOutsideKontorIsFoundAndNamedByRow(sql: String, record: String, says: String) async throws {
        let (path, folder) = try await importedBook()
        defer { try? FileManager.default.removeItem(at: folder) }
        try tamper(path, """
            DROP TRIGGER audit_bankEntry_update; DROP TRIGGER audit_bankEntry_delete; DROP TRIGGER bankEntry_only_review;
            DROP TRIGGER bankEntry_no_delete; \(sql);
            """)
        let report = try AuditJournal.verify(try AppDatabase.open(path: path))
        let found = report.problems.filter { $0.record == record }
        #expect(found.count == 1 && found[0].english.contains(says))
        // Only that row: the other 299 still match their hashes
        #expect(!report.problems.contains { ($0.record ?? "").hasPrefix("bankEntry:") && $0.record != record })
    }
}

/// The two ways a batch is hashed (`AuditJournal.insertInBulk`) agree: rows hashed as bound and rows read back.
struct AuditBatchHashTests {
    @Test func rowsHashedAsBoundEqualRowsReadBack() throws {
        var journaled: [String] = []
        for asBound in [true, false] {
            let database = try AppDatabase.inMemory()
            try database.writer.write { db in
                let columns = BankEntryBinding.columns
                var rows: [[DatabaseValue]] = []
                for index in 0..<5 {
                    let payer: String? = index == 2 ? nil : "Zahler \"\(index)\""
                    let none: String? = nil
                    var row: [DatabaseValue] = ["ACC|C|R:\(index)".databaseValue, "2026-11-25".databaseValue]
                    row += [Int64(100 + index).databaseValue, true.databaseValue, "EUR".databaseValue]
                    row += [payer.databaseValue, none.databaseValue, "Text ü \u{1}".databaseValue]
                    row += ["review".databaseValue, "[]".databaseValue, 0.databaseValue, none.databaseValue]
                    row += ["2026-11-26".databaseValue, "a.xml".databaseValue]
                    rows.append(row)
                }
                try AuditJournal.insertInBulk(into: "bankEntry", db) { firstRowid in
                    var encoder = RowHashEncoder()
                    var hexDigests: [UInt8] = []
                    for (offset, row) in rows.enumerated() {
                        try db.execute(
                            sql: "INSERT INTO bankEntry (\(columns.joined(separator: ", "))) VALUES ("
                                + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")",
                            arguments: StatementArguments(row))
                        encoder.reset()
                        encoder.integer(firstRowid + Int64(offset))
                        for value in row { encoder.value(value) }
                        encoder.appendHash(to: &hexDigests)
                    }
                    return asBound ? AuditJournal.HashedRows(columns: columns, hexDigests: hexDigests) : nil
                }
                try AuditJournal.seal(db)
                let last = "SELECT after FROM auditJournal ORDER BY id DESC LIMIT 1"
                journaled.append(try String.fetchOne(db, sql: last) ?? "")
            }
        }
        #expect(journaled[0] == journaled[1] && journaled[0].hasPrefix("[[\"1\",\""))
        #expect(journaled[0].components(separatedBy: "],[").count == 5)
    }

    /// A bulk insert drops the table's per-row insert triggers until the write's seal puts them back; a known
    /// identity is refused meanwhile as the guard against REPLACE refuses it, and a transaction that would commit
    /// with the triggers still aside fails instead and keeps nothing.
    @Test func theTriggersThatStandAsideAreBackAtTheSealAndNoCommitGoesWithout() throws {
        let day = Day("2026-11-26")!
        let entry = BankEntry(
            identity: "DE02|C|R:1", bookingDate: day, amount: Money(cents: 100), isCredit: true, currency: "EUR",
            counterpartyName: "Zahler", counterpartyIBAN: nil, text: "Dank", status: .review, importedOn: day,
            sourceFile: "a.xml")
        let database = try AppDatabase.inMemory()
        let triggers = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'bankEntry' ORDER BY name"
        let before = try database.writer.read { try String.fetchAll($0, sql: triggers) }
        let (aside, refusal, sealed) = try database.writer.write { db -> ([String], DatabaseError?, [String]) in
            try AuditJournal.begin(db, actor: "os:lena")
            try GRDBBook(db: db).insert(bankEntries: [entry])
            let aside = try String.fetchAll(db, sql: triggers)
            var refusal: DatabaseError?
            do {
                try GRDBBook(db: db).insert(bankEntries: [entry])
            } catch let error as DatabaseError {
                refusal = error
            }
            try AuditJournal.seal(db)
            return (aside, refusal, try String.fetchAll(db, sql: triggers))
        }
        #expect(before.contains("bankEntry_no_replace") && before.contains("audit_bankEntry_insert"))
        #expect(!aside.contains("bankEntry_no_replace") && !aside.contains("audit_bankEntry_insert"))
        #expect(sealed == before)
        #expect(refusal?.extendedResultCode == .SQLITE_CONSTRAINT_TRIGGER)
        #expect(StoreError(try #require(refusal)) == .immutable(detail: EvidenceTriggers.replaceMessage))
        // Without the seal the commit is refused, and nothing of the transaction stays
        let other = BankEntry(
            identity: "DE02|C|R:2", bookingDate: day, amount: Money(cents: 200), isCredit: true, currency: "EUR",
            counterpartyName: nil, counterpartyIBAN: nil, text: "", status: .review, importedOn: day,
            sourceFile: "b.xml")
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in try GRDBBook(db: db).insert(bankEntries: [other]) }
        }
        let (after, count) = try database.writer.read {
            (try String.fetchAll($0, sql: triggers), try Int.fetchOne($0, sql: "SELECT count(*) FROM bankEntry"))
        }
        #expect(after == before && count == 1)
        let report = try AuditJournal.verify(database)
        #expect(report.isIntact, "\(report.problems.map(\.english))")
    }

    /// Entries `insertNew` leaves out because their identity is held leave gaps in the rowids (SQLite draws the rowid
    /// before it finds the conflict), so the rows hashed as bound are not the rows added: the journal reads those
    /// back, names the rows stored, and stays intact.
    @Test func entriesLeftOutAsHeldAreNotJournaled() throws {
        let day = Day("2026-11-26")!
        let entries = ["A", "B", "A", "C"].enumerated().map { offset, reference in
            BankEntry(
                identity: "DE02|C|R:\(reference)", bookingDate: day, amount: Money(cents: Int64(100 + offset)),
                isCredit: true, currency: "EUR", counterpartyName: "Zahler", counterpartyIBAN: nil, text: "Dank",
                status: .review, importedOn: day, sourceFile: "a.xml")
        }
        let database = try AppDatabase.inMemory()
        try database.writer.write { db in
            try AuditJournal.begin(db, actor: "os:lena")
            try GRDBBook(db: db).insert(bankEntries: [entries[1]])
            try AuditJournal.seal(db)
        }
        let (stored, rowKey, ids) = try database.writer.write { db -> ([Bool], String?, [Int64]) in
            try AuditJournal.begin(db, actor: "os:lena")
            let stored = try GRDBBook(db: db).insertNew(bankEntries: entries)
            try AuditJournal.seal(db)
            return (
                stored, try String.fetchOne(db, sql: "SELECT rowKey FROM auditJournal ORDER BY id DESC LIMIT 1"),
                try Int64.fetchAll(db, sql: "SELECT id FROM bankEntry WHERE identity IN ('DE02|C|R:A', 'DE02|C|R:C')")
            )
        }
        #expect(stored == [true, false, false, true])
        #expect(ids.count == 2 && rowKey == "\(ids.min()!)..\(ids.max()!)")
        let report = try AuditJournal.verify(database)
        #expect(report.isIntact, "\(report.problems.map(\.english))")
    }

    /// A bulk entry is written sealed, chained onto the entries of the write before it (which it seals first), so
    /// that the seal at the end of the write does not rewrite its ≈80 KB only to set the hash; entries after it are
    /// sealed as usual, and the chain verifies.
    @Test func aBulkEntryIsWrittenSealedInTheChain() throws {
        let day = Day("2026-11-26")!
        let entries = (0..<3).map { offset in
            BankEntry(
                identity: "DE02|C|R:\(offset)", bookingDate: day, amount: Money(cents: Int64(100 + offset)),
                isCredit: true, currency: "EUR", counterpartyName: "Zahler", counterpartyIBAN: nil, text: "Dank",
                status: .review, importedOn: day, sourceFile: "a.xml")
        }
        let database = try AppDatabase.inMemory()
        let unsealedBeforeSeal = try database.writer.write { db -> [String] in
            try AuditJournal.begin(db, actor: "os:lena")
            try db.execute(sql: "INSERT INTO messageTemplate (key, text) VALUES ('a', 'vorher')")
            _ = try GRDBBook(db: db).insertNew(bankEntries: entries)
            try db.execute(sql: "INSERT INTO messageTemplate (key, text) VALUES ('b', 'nachher')")
            let unsealed = try String.fetchAll(
                db, sql: "SELECT tableName || ':' || rowKey FROM auditJournal WHERE hash IS NULL ORDER BY id")
            try AuditJournal.seal(db)
            return unsealed
        }
        #expect(unsealedBeforeSeal == ["messageTemplate:b"])
        let journal = try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT tableName, rowKey, actor FROM auditJournal ORDER BY id DESC LIMIT 3")
        }
        #expect(journal.map { $0[0] as String } == ["messageTemplate", "bankEntry", "messageTemplate"])
        #expect(journal[1][1] as String == "1..3" && journal[1][2] as String == "os:lena")
        let report = try AuditJournal.verify(database)
        #expect(report.isIntact, "\(report.problems.map(\.english))")
    }

    /// The store binds bank entries with SQLite's own functions and hashes them as it binds
    /// (`BankEntryBinding`): the journal says what reading the rows back says, for empty, missing, quoted,
    /// control and non-Latin text, invoice ids and both directions, across the statements of 64 rows.
    @Test func bankEntriesBoundAndHashedInOnePassEqualTheRowsReadBack() throws {
        let day = Day("2026-11-26")!
        let texts = [
            "", "Rechnung \"RE-1\" \\ Dank", "Zeile\u{1}\nzwei", "Grüße 😀 ĳ", String(repeating: "x", count: 300),
        ]
        let entries = (0..<150).map { index in
            BankEntry(
                identity: "DE02|\(index % 2 == 0 ? "C" : "D")|R:\(index)", bookingDate: day.adding(days: -index),
                amount: Money(cents: Int64(index * 37)), isCredit: index % 2 == 0, currency: index == 7 ? "USD" : "EUR",
                counterpartyName: index % 5 == 0 ? nil : texts[index % texts.count],
                counterpartyIBAN: index % 3 == 0 ? nil : "DE89370400440532013000",
                text: texts[(index + 1) % texts.count],
                status: index % 2 == 0 ? .review : .ignored, invoiceIds: index % 4 == 0 ? [Int64(index), 2] : [],
                confidence: index % 100, reason: index % 6 == 0 ? "amount" : nil, importedOn: day,
                sourceFile: "auszug \(index % 3).xml")
        }
        let database = try AppDatabase.inMemory()
        let (journaled, readBack) = try database.writer.write { db in
            try GRDBBook(db: db).insert(bankEntries: entries)
            try AuditJournal.seal(db)
            let journaled = try String.fetchOne(db, sql: "SELECT after FROM auditJournal ORDER BY id DESC LIMIT 1")
            let table = try AuditTriggers.table(named: "bankEntry", db)
            let values = table.columns.map { table.value("t", $0) }.joined(separator: ", ")
            let rows = try Row.fetchAll(db, sql: "SELECT \(values) FROM bankEntry t ORDER BY id")
            let pairs = rows.enumerated().map { offset, row in
                "[\"\(offset + 1)\",\"" + AuditJournal.rowHash(Array(row.databaseValues)) + "\"]"
            }
            return (journaled, "[" + pairs.joined(separator: ",") + "]")
        }
        #expect(journaled == readBack)
        let stored = try database.writer.read { db in try GRDBBook(db: db).bankEntry(identity: "DE02|C|R:4") }
        #expect(stored?.invoiceIds == [4, 2] && stored?.text == texts[0] && stored?.counterpartyName == texts[4])
    }
}
