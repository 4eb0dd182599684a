import Foundation
import KontorApp
import KontorCore
import PostgresNIO

extension PostgresBook {
    func knownBankEntries(identities: Set<String>) throws -> Set<String> {
        guard !identities.isEmpty else { return [] }
        // One array parameter: PostgreSQL takes a statement's 100,000 identities in one round trip (the SQLite store
        // binds chunks of 500 marks instead).
        let known = try rows(#"SELECT "identity" FROM "bankEntry" WHERE "identity" = ANY(\#(Array(identities)))"#) {
            try $0("identity", as: String.self)
        }
        return Set(known)
    }

    func bankEntry(id: Int64) throws -> BankEntry? {
        try first(#"SELECT * FROM "bankEntry" WHERE "id" = \#(id)"#) { try $0.bankEntry() }
    }

    func bankEntry(identity: String) throws -> BankEntry? {
        try first(#"SELECT * FROM "bankEntry" WHERE "identity" = \#(identity)"#) { try $0.bankEntry() }
    }

    func bankEntries(status: BankEntryStatus?) throws -> [BankEntry] {
        guard let status else {
            return try rows(#"SELECT * FROM "bankEntry" ORDER BY "bookingDate", "id""#) { try $0.bankEntry() }
        }
        return try rows(
            #"SELECT * FROM "bankEntry" WHERE "status" = \#(status.rawValue) ORDER BY "bookingDate", "id""#
        ) { try $0.bankEntry() }
    }

    func bankEntryList(status: BankEntryStatus, window: ListWindow) throws -> ListPage<BankEntry> {
        // The order of the index `bankEntry_status_order`, which serves the window and the count.
        let items = try rows(
            #"""
            SELECT * FROM "bankEntry" WHERE "status" = \#(status.rawValue) ORDER BY "bookingDate", "id"
            LIMIT \#(window.size) OFFSET \#(window.offset)
            """#
        ) { try $0.bankEntry() }
        let total = try one(#"SELECT COUNT(*) AS "count" FROM "bankEntry" WHERE "status" = \#(status.rawValue)"#) {
            try $0("count", as: Int.self)
        }
        return ListPage(items: items, total: total, window: window)
    }

    func customerIBANs(customerIds: Set<Int64>) throws -> [Int64: [String]] {
        guard !customerIds.isEmpty else { return [:] }
        // Through the customers' payments: an agency's book holds a bank entry for nearly every payment ever made.
        // Each value in the order of its first payment, as the reference store lists them (SQLite's DISTINCT
        // happens to return them so; PostgreSQL's hashes them).
        return try payerFacts(
            #"""
            SELECT p."customerId", e."counterpartyIBAN" AS "value", MIN(p."id") AS "firstPayment"
            FROM "payment" p JOIN "bankEntry" e ON e."id" = p."bankEntryId"
            WHERE p."customerId" = ANY(\#(customerIds.parameter)) AND e."counterpartyIBAN" IS NOT NULL
            GROUP BY p."customerId", e."counterpartyIBAN" ORDER BY "firstPayment"
            """#)
    }

    func customerPayerNames(customerIds: Set<Int64>) throws -> [Int64: [String]] {
        guard !customerIds.isEmpty else { return [:] }
        return try payerFacts(
            #"""
            SELECT p."customerId", e."counterpartyName" AS "value", MIN(p."id") AS "firstPayment"
            FROM "payment" p JOIN "bankEntry" e ON e."id" = p."bankEntryId"
            WHERE p."customerId" = ANY(\#(customerIds.parameter))
              AND e."counterpartyName" IS NOT NULL AND e."counterpartyName" <> ''
            GROUP BY p."customerId", e."counterpartyName" ORDER BY "firstPayment"
            """#)
    }

    /// The rows of `query` (`customerId`, `value`) grouped by customer, each customer's values in row order.
    private func payerFacts(_ query: PostgresQuery) throws -> [Int64: [String]] {
        var facts: [Int64: [String]] = [:]
        let pairs = try rows(query) { (try $0("customerId", as: Int64.self), try $0("value", as: String.self)) }
        for (customerId, value) in pairs { facts[customerId, default: []].append(value) }
        return facts
    }

    func insert(bankEntries: [BankEntry]) throws {
        var start = bankEntries.startIndex
        while start < bankEntries.endIndex {
            let end = min(start + Self.bankEntriesPerInsert, bankEntries.endIndex)
            var binds = PostgresBindings(capacity: (end - start) * Self.bankEntryColumns.count)
            for entry in bankEntries[start..<end] {
                binds.append(entry.identity)
                binds.append(entry.bookingDate.description)
                binds.append(entry.amount.cents)
                binds.append(entry.isCredit)
                binds.append(entry.currency)
                binds.append(entry.counterpartyName)
                binds.append(entry.counterpartyIBAN)
                binds.append(entry.text)
                binds.append(entry.status.rawValue)
                binds.append(entry.invoiceIdsText)
                binds.append(entry.confidence)
                binds.append(entry.reason)
                binds.append(entry.importedOn.description)
                binds.append(entry.sourceFile)
            }
            let sql = end - start == Self.bankEntriesPerInsert
                ? Self.fullBankEntryInsert : Self.bankEntryInsert(rows: end - start)
            let stored = try one(PostgresQuery(unsafeSQL: sql, binds: binds)) { try $0("stored", as: Int.self) }
            // An identity already stored (or twice in the batch) is skipped by the statement and refused here, as
            // the SQLite store's `bankEntry_no_replace` trigger refuses it: the whole write rolls back.
            guard stored == end - start else {
                throw StoreError.immutable(
                    detail: "an imported bank entry is part of the record: its identity is stored once")
            }
            start = end
        }
    }

    /// Rows per INSERT: one round trip per row would cost more than PostgreSQL's work per row, and a statement
    /// takes at most 65,535 parameters (14 a row).
    private static let bankEntriesPerInsert = 1_000

    /// The columns the SQLite store inserts: never the id, which the book assigns.
    private static let bankEntryColumns = [
        "identity", "bookingDate", "amountCents", "isCredit", "currency", "counterpartyName", "counterpartyIBAN",
        "text", "status", "invoiceIds", "confidence", "reason", "importedOn", "sourceFile",
    ]

    private static let fullBankEntryInsert = bankEntryInsert(rows: bankEntriesPerInsert)

    /// The INSERT of `rows` rows, answering how many were stored.
    private static func bankEntryInsert(rows: Int) -> String {
        let width = bankEntryColumns.count
        var values: [String] = []
        values.reserveCapacity(rows)
        for row in 0..<rows {
            values.append("(" + (1...width).map { "$\(row * width + $0)" }.joined(separator: ", ") + ")")
        }
        return """
            WITH "inserted" AS (
                INSERT INTO "bankEntry" (\(bankEntryColumns.map { "\"\($0)\"" }.joined(separator: ", ")))
                VALUES \(values.joined(separator: ", "))
                ON CONFLICT ("identity") DO NOTHING RETURNING 1)
            SELECT COUNT(*) AS "stored" FROM "inserted"
            """
    }

    func update(bankEntry entry: BankEntry) throws {
        // Every column, as the SQLite store's record update writes them: the trigger `bankEntry_only_review` refuses
        // any change besides the review's (status, invoices, confidence, reason).
        let updated = try first(
            #"""
            UPDATE "bankEntry" SET "identity" = \#(entry.identity), "bookingDate" = \#(entry.bookingDate.description),
                "amountCents" = \#(entry.amount.cents), "isCredit" = \#(entry.isCredit),
                "currency" = \#(entry.currency), "counterpartyName" = \#(entry.counterpartyName),
                "counterpartyIBAN" = \#(entry.counterpartyIBAN), "text" = \#(entry.text),
                "status" = \#(entry.status.rawValue), "invoiceIds" = \#(entry.invoiceIdsText),
                "confidence" = \#(entry.confidence), "reason" = \#(entry.reason),
                "importedOn" = \#(entry.importedOn.description), "sourceFile" = \#(entry.sourceFile)
            WHERE "id" = \#(entry.id) RETURNING "id"
            """#
        ) { try $0("id", as: Int64.self) }
        guard updated != nil else { throw StoreError.failed(detail: "bankEntry \(entry.id) not found") }
    }

    // MARK: - Kept documents

    func keep(document: KeptDocument) throws {
        // The same bytes of the same record are kept once, however often they are saved again. The hash is
        // PostgreSQL's SHA-256 in lower-case hex, the text `AuditJournal.hex` writes in the SQLite store; the bytes
        // are sent once and hashed where they are stored.
        try run(
            #"""
            WITH "document" AS (SELECT \#(document.data.bytea)::bytea AS "bytes")
            INSERT INTO "auditDocument" ("record", "fileName", "sha256", "size", "bytes")
            SELECT \#(document.record), \#(document.fileName), encode(sha256("bytes"), 'hex'),
                \#(document.data.count), "bytes"
            FROM "document"
            ON CONFLICT ("record", "sha256") DO NOTHING
            """#)
    }
}
