import GRDB
import KontorApp
import KontorCore
import Testing

@testable import KontorStore

/// The bank entry's invoice ids are read by hand from the JSON the store writes, and through `SnapshotJSON`
/// otherwise: both give what JSON says, and what is no array of ids is refused as corrupt.
struct BankEntryRecordTests {
    @Test(arguments: [
        ("[]", [Int64]()), ("[7]", [7]), ("[12,3,4500]", [12, 3, 4500]), ("[ 12, 3 ]", [12, 3]), ("[\n1\n]", [1]),
        ("[9223372036854775807]", [Int64.max]),
    ])
    func invoiceIdsAreReadAsJSONSaysThem(text: String, ids: [Int64]) throws {
        #expect(try BankEntryRecord.invoiceIds(text) == ids)
    }

    @Test(arguments: ["", "[", "[,1]", "[1;2]", "[a]", "{}", "[1.5]", "[99999999999999999999]"])
    func whatIsNoArrayOfIdsIsRefused(text: String) {
        #expect(throws: StoreError.self) { try BankEntryRecord.invoiceIds(text) }
    }
}

/// The review of a bank entry is written through the review columns alone when the bank data is as stored; an
/// entry that does not exist is an error, and other bank data is refused as the schema refuses it.
struct BankEntryReviewUpdateTests {
    @Test func aReviewIsWrittenAndNothingElseGoesThrough() throws {
        let day = Day("2026-11-26")!
        let entry = BankEntry(
            identity: "DE02|C|R:7", bookingDate: day, amount: Money(cents: 700), isCredit: true, currency: "EUR",
            counterpartyName: nil, counterpartyIBAN: nil, text: "Dank", status: .review, importedOn: day,
            sourceFile: "a.xml")
        let database = try AppDatabase.inMemory()
        let stored = try database.writer.write { db -> BankEntry in
            try AuditJournal.begin(db, actor: "os:lena")
            let book = GRDBBook(db: db)
            try book.insert(bankEntries: [entry])
            var reviewed = try #require(try book.bankEntry(identity: entry.identity))
            reviewed.invoiceIds = [3, 4]
            reviewed.confidence = 70
            reviewed.reason = "amount"
            try book.update(bankEntry: reviewed)
            try AuditJournal.seal(db)
            return reviewed
        }
        #expect(try database.writer.read { try GRDBBook(db: $0).bankEntry(identity: entry.identity) } == stored)

        var missing = stored
        missing.id = 99
        var otherAmount = stored
        otherAmount.amount = Money(cents: 701)
        func write(_ change: BankEntry) throws {
            try database.writer.write { db in
                try AuditJournal.begin(db, actor: "os:lena")
                try GRDBBook(db: db).update(bankEntry: change)
                try AuditJournal.seal(db)
            }
        }
        #expect(throws: RecordError.self) { try write(missing) }
        let refusal = #expect(throws: DatabaseError.self) { try write(otherAmount) }
        #expect(refusal?.extendedResultCode == .SQLITE_CONSTRAINT_TRIGGER)
        #expect(try database.writer.read { try GRDBBook(db: $0).bankEntry(identity: entry.identity) } == stored)
    }
}
