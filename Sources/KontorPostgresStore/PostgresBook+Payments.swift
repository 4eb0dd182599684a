import Foundation
import KontorApp
import KontorCore
import PostgresNIO

/// Payments and what is open: the payment reads of `GRDBBook+Invoices`, `+Dunning`, `+Lists` and `+Bank`.
extension PostgresBook {
    func payments(invoiceId: Int64?, customerId: Int64?) throws -> [Payment] {
        try rows(
            #"""
            SELECT * FROM "payment"
            WHERE (\#(invoiceId)::bigint IS NULL OR "invoiceId" = \#(invoiceId))
              AND (\#(customerId)::bigint IS NULL OR "customerId" = \#(customerId))
            ORDER BY "receivedOn", "id"
            """#
        ) { try $0.payment() }
    }

    func payments(invoiceIds: Set<Int64>) throws -> [Int64: [Payment]] {
        guard !invoiceIds.isEmpty else { return [:] }
        let payments = try rows(
            #"""
            SELECT * FROM "payment" WHERE "invoiceId" = ANY(\#(invoiceIds.parameter)) ORDER BY "receivedOn", "id"
            """#
        ) { try $0.payment() }
        return Dictionary(grouping: payments, by: \.invoiceId)
    }

    func payment(id: Int64) throws -> Payment? {
        try first(#"SELECT * FROM "payment" WHERE "id" = \#(id)"#) { try $0.payment() }
    }

    func paymentList(window: ListWindow) throws -> ListPage<Payment> {
        let payments = try rows(
            #"""
            SELECT * FROM "payment" ORDER BY "receivedOn" DESC, "id" DESC
            LIMIT \#(Int64(window.size)) OFFSET \#(Int64(window.offset))
            """#
        ) { try $0.payment() }
        let total = try one(#"SELECT COUNT(*) AS "count" FROM "payment""#) { try $0("count", as: Int.self) }
        return ListPage(items: payments, total: total, window: window)
    }

    func paymentSum() throws -> Money {
        try one(#"SELECT COALESCE(SUM("amountCents"), 0)::bigint AS "sum" FROM "payment""#) { try $0.money("sum") }
    }

    func insert(payment: Payment) throws -> Payment {
        // SQLite's `payment_no_replace`: a payment is never written over, and reversed at most once. Here either
        // would only be a unique violation, not the refusal the port promises.
        let taken = try one(
            #"""
            SELECT EXISTS (SELECT 1 FROM "payment" WHERE "id" = \#(payment.id))
                OR (\#(payment.kind.rawValue) = 'reversal' AND EXISTS (
                    SELECT 1 FROM "payment"
                    WHERE "kind" = 'reversal' AND "relatedPaymentId" = \#(payment.relatedPaymentId)
                )) AS "taken"
            """#
        ) { try $0("taken", as: Bool.self) }
        if taken { throw StoreError.immutable(detail: "payments are never changed: record a reversal instead") }
        var row = BoundRow()
        if payment.id != 0 { row.set("id", payment.id) }
        row.set("invoiceId", payment.invoiceId)
        row.set("customerId", payment.customerId)
        row.set("amountCents", payment.amount.cents)
        row.set("receivedOn", payment.receivedOn.description)
        row.set("note", payment.note)
        row.set("bankEntryId", payment.bankEntryId)
        row.set("kind", payment.kind.rawValue)
        row.set("relatedPaymentId", payment.relatedPaymentId)
        row.set("toCostsCents", payment.toCosts.cents)
        row.set("toInterestCents", payment.toInterest.cents)
        row.set("recordedBy", payment.recordedBy)
        var stored = payment
        // The payment before the balance: the balance's trigger checks the paid amount against the payments.
        stored.id = try insert(row, into: "payment", givenId: payment.id)
        guard
            let balance = try first(
                #"""
                SELECT "grossCents", "paidCents", "cancelledByNumber" FROM "invoiceBalance"
                WHERE "invoiceId" = \#(payment.invoiceId)
                """#,
                { c in
                    InvoiceBalance(
                        kind: .invoice, gross: try c.money("grossCents"), paid: try c.money("paidCents"),
                        cancelledByNumber: try c("cancelledByNumber"))
                })
        else {
            throw StoreError.corrupt(detail: "invoice \(payment.invoiceId) has no balance")
        }
        // KontorCore's rule: only the principal part moves the balance.
        var moved = balance
        moved.book(stored)
        try run(
            #"""
            UPDATE "invoiceBalance" SET "paidCents" = \#(moved.paid.cents), "openCents" = \#(moved.open.cents)
            WHERE "invoiceId" = \#(payment.invoiceId)
            """#)
        return stored
    }

    func openBalances() throws -> [OpenBalance] {
        try rows(
            #"""
            SELECT i."id", i."number", b."customerId", COALESCE(i."buyerJSON"::json ->> 'name', '') AS "buyerName",
                   b."grossCents", b."openCents", i."issueDate", b."dueDate"
            FROM "invoiceBalance" b JOIN "invoice" i ON i."id" = b."invoiceId"
            WHERE b."openCents" > 0 AND b."cancelledByNumber" IS NULL AND i."kind" = 'invoice'
              AND i."number" IS NOT NULL
            ORDER BY i."issueDate" DESC, i."id" DESC
            """#
        ) { c in
            OpenBalance(
                invoiceId: try c("id"), number: try c("number"), customerId: try c("customerId"),
                buyerName: try c("buyerName"), gross: try c.money("grossCents"), open: try c.money("openCents"),
                issueDate: try c.day("issueDate"), dueDate: try c.day("dueDate"))
        }
    }

    func openPrincipal(customerIds: Set<Int64>) throws -> [Int64: Money] {
        guard !customerIds.isEmpty else { return [:] }
        let sums = try rows(
            #"""
            SELECT b."customerId", SUM(b."openCents")::bigint AS "open"
            FROM "invoiceBalance" b JOIN "invoice" i ON i."id" = b."invoiceId"
            WHERE i."kind" = 'invoice' AND b."cancelledByNumber" IS NULL AND b."openCents" > 0
              AND b."customerId" = ANY(\#(customerIds.parameter))
            GROUP BY b."customerId"
            """#
        ) { (try $0("customerId", as: Int64.self), try $0.money("open")) }
        return Dictionary(uniqueKeysWithValues: sums)
    }

    /// The filter of `receivableItems(owingOnly: true)`, as SQL text (the statement is planned for it).
    private static let owingCustomers = #"""
        AND b."customerId" IN (
            SELECT "customerId" FROM "invoiceBalance" WHERE "openCents" > 0
            UNION SELECT i2."customerId" FROM "dunningCharge" d JOIN "invoice" i2 ON i2."id" = d."invoiceId")
        """#

    func receivableItems(owingOnly: Bool) throws -> [ReceivablesReport.Item] {
        // Customers owing something: money open on an invoice, or charges claimed by a letter.
        try rows(
            #"""
            SELECT b."customerId", c."name", i."issueDate", b."dueDate", b."grossCents", b."openCents",
                   b."cancelledByNumber" IS NOT NULL AS "cancelled",
                   p."lastPayment",
                   (COALESCE(ch."claimed", 0) - COALESCE(p."chargesPaid", 0))::bigint AS "claims",
                   c."state"
            FROM "invoiceBalance" b JOIN "invoice" i ON i."id" = b."invoiceId"
            JOIN "customer" c ON c."id" = b."customerId"
            LEFT JOIN (SELECT "invoiceId", SUM("amountCents") AS "claimed" FROM "dunningCharge" GROUP BY "invoiceId") ch
                ON ch."invoiceId" = b."invoiceId"
            -- One pass over the payments rather than two lookups per invoice: on a book whose statistics are not
            -- yet gathered, PostgreSQL walked the payment list's index backwards for each invoice (3 s at scale 1).
            LEFT JOIN (
                SELECT "invoiceId", MAX("receivedOn") AS "lastPayment",
                       SUM("toCostsCents" + "toInterestCents") AS "chargesPaid"
                FROM "payment" GROUP BY "invoiceId") p ON p."invoiceId" = b."invoiceId"
            WHERE i."kind" = 'invoice' \#(unescaped: owingOnly ? Self.owingCustomers : "")
            """#
        ) { c in
            ReceivablesReport.Item(
                customerId: try c("customerId"), customerName: try c("name"), issueDate: try c.day("issueDate"),
                dueDate: try c.day("dueDate"), gross: try c.money("grossCents"), open: try c.money("openCents"),
                claims: Money(cents: max(0, try c("claims", as: Int64.self))), cancelled: try c("cancelled"),
                lastPayment: try c.optionalDay("lastPayment"), state: try c.optionalChoice("state"))
        }
    }
}
