import Foundation
import KontorApp
import KontorCore
import PostgresNIO

extension PostgresBook {
    func knownBankEntries(identities: [String]) throws -> Set<String> {
        guard !identities.isEmpty else { return [] }
        // One array parameter: PostgreSQL takes a statement's 100,000 identities in one round trip (the SQLite store
        // binds chunks of 500 marks instead).
        let known = try rows(#"SELECT "identity" FROM "bankEntry" WHERE "identity" = ANY(\#(identities))"#) {
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
        // Each value in the order of its first payment, as the reference store lists them: SQLite's DISTINCT returns
        // rows in the order it reads them, PostgreSQL's may hash them into any order.
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
            let chunk = bankEntries[start..<end]
            // One array per column, unnested into rows in the entries' order (their ids rise in it, as in the SQLite
            // store). An identity already stored, or twice in the chunk, is skipped by the statement and refused
            // below, as the SQLite store's trigger `bankEntry_no_replace` refuses it: the whole write rolls back.
            let stored = try one(
                #"""
                WITH "inserted" AS (
                    INSERT INTO "bankEntry" ("identity", "bookingDate", "amountCents", "isCredit", "currency",
                        "counterpartyName", "counterpartyIBAN", "text", "status", "invoiceIds", "confidence",
                        "reason", "importedOn", "sourceFile")
                    SELECT "identity", "bookingDate", "amountCents", "isCredit", "currency", "counterpartyName",
                        "counterpartyIBAN", "text", "status", "invoiceIds", "confidence", "reason", "importedOn",
                        "sourceFile"
                    FROM unnest(
                        \#(chunk.map(\.identity))::text[], \#(chunk.map(\.bookingDate.description))::text[],
                        \#(chunk.map(\.amount.cents))::bigint[], \#(chunk.map(\.isCredit))::boolean[],
                        \#(chunk.map(\.currency))::text[], \#(NullableTexts(chunk.map(\.counterpartyName)))::text[],
                        \#(NullableTexts(chunk.map(\.counterpartyIBAN)))::text[], \#(chunk.map(\.text))::text[],
                        \#(chunk.map(\.status.rawValue))::text[], \#(chunk.map(\.invoiceIdsText))::text[],
                        \#(chunk.map { Int64($0.confidence) })::bigint[],
                        \#(NullableTexts(chunk.map(\.reason)))::text[], \#(chunk.map(\.importedOn.description))::text[],
                        \#(chunk.map(\.sourceFile))::text[]
                    ) WITH ORDINALITY AS "row" ("identity", "bookingDate", "amountCents", "isCredit", "currency",
                        "counterpartyName", "counterpartyIBAN", "text", "status", "invoiceIds", "confidence",
                        "reason", "importedOn", "sourceFile", "position")
                    ORDER BY "position"
                    ON CONFLICT ("identity") DO NOTHING RETURNING 1)
                SELECT COUNT(*) AS "stored" FROM "inserted"
                """#
            ) { try $0("stored", as: Int.self) }
            guard stored == chunk.count else {
                throw StoreError.immutable(
                    detail: "an imported bank entry is part of the record: its identity is stored once")
            }
            start = end
        }
    }

    /// Entries per INSERT: one round trip per row would cost more than PostgreSQL's work per row, and a chunk
    /// bounds the arrays held at once for a statement of 100,000 entries.
    private static let bankEntriesPerInsert = 10_000

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
        // PostgreSQL's SHA-256 in lower-case hex, the text `AuditChain.hex` writes in the SQLite store; the bytes
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

/// A `text[]` parameter whose elements may be NULL: PostgresNIO's arrays have no NULL elements. Written in
/// PostgreSQL's binary array format (dimensions, has-NULL flag, element type, length and lower bound, then each
/// element as its length and bytes, NULL as length -1).
struct NullableTexts: PostgresNonThrowingEncodable {
    let elements: [String?]

    init(_ elements: [String?]) {
        self.elements = elements
    }

    static var psqlType: PostgresDataType { .textArray }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(
        into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
    ) {
        buffer.writeInteger(elements.isEmpty ? 0 : 1, as: Int32.self)
        buffer.writeInteger(elements.contains(nil) ? 1 : 0, as: Int32.self)
        buffer.writeInteger(PostgresDataType.text.rawValue)
        guard !elements.isEmpty else { return }
        buffer.writeInteger(Int32(elements.count))
        buffer.writeInteger(1, as: Int32.self)
        for element in elements {
            guard let element else {
                buffer.writeInteger(-1, as: Int32.self)
                continue
            }
            buffer.writeInteger(Int32(element.utf8.count))
            buffer.writeString(element)
        }
    }
}
