import Foundation
import KontorApp
import KontorCore
import PostgresNIO

/// Charges, letters and holds: `GRDBBook+Dunning` and the dunning lists of `+Lists`.
extension PostgresBook {
    func dunningCharges(invoiceIds: Set<Int64>) throws -> [DunningCharge] {
        guard !invoiceIds.isEmpty else { return [] }
        return try rows(
            #"SELECT * FROM "dunningCharge" WHERE "invoiceId" = ANY(\#(invoiceIds.parameter)) ORDER BY "id""#
        ) { try $0.dunningCharge() }
    }

    func dunningLetter(id: Int64) throws -> DunningLetter? {
        try first(#"SELECT * FROM "dunningLetter" WHERE "id" = \#(id)"#) { try $0.dunningLetter() }
    }

    func dunningLetters(status: DunningLetterStatus?, invoiceIds: Set<Int64>?) throws -> [DunningLetter] {
        if let invoiceIds, invoiceIds.isEmpty { return [] }
        return try rows(
            #"""
            SELECT * FROM "dunningLetter"
            WHERE (\#(status?.rawValue)::text IS NULL OR "status" = \#(status?.rawValue))
              AND (\#(invoiceIds?.parameter)::bigint[] IS NULL OR "invoiceId" = ANY(\#(invoiceIds?.parameter)))
            ORDER BY "createdOn", "id"
            """#
        ) { try $0.dunningLetter() }
    }

    func dunningMarks(invoiceIds: Set<Int64>) throws -> [DunningMark] {
        guard !invoiceIds.isEmpty else { return [] }
        return try rows(
            #"""
            SELECT "invoiceId", "step", "status", "sentOn", "skippedOn" FROM "dunningLetter"
            WHERE "invoiceId" = ANY(\#(invoiceIds.parameter)) ORDER BY "createdOn", "id"
            """#
        ) { c in
            DunningMark(
                invoiceId: try c("invoiceId"), step: try c.choice("step"), status: try c.choice("status"),
                sentOn: try c.optionalDay("sentOn"), skippedOn: try c.optionalDay("skippedOn"))
        }
    }

    func customersSentNotices(among customerIds: Set<Int64>) throws -> Set<Int64> {
        guard !customerIds.isEmpty else { return [] }
        return Set(
            try rows(
                #"""
                SELECT DISTINCT "customerId" FROM "dunningLetter"
                WHERE "status" = 'sent' AND "step" <> 'inquiry' AND "customerId" = ANY(\#(customerIds.parameter))
                """#
            ) { try $0("customerId", as: Int64.self) })
    }

    func dunningHolds(customerIds: Set<Int64>) throws -> [DunningHold] {
        guard !customerIds.isEmpty else { return [] }
        return try rows(
            #"SELECT * FROM "dunningHold" WHERE "customerId" = ANY(\#(customerIds.parameter)) ORDER BY "id""#
        ) { try $0.dunningHold() }
    }

    func dunningHolds(endingOnOrAfter day: Day) throws -> [DunningHold] {
        try rows(
            #"SELECT * FROM "dunningHold" WHERE "until" >= \#(day.description) ORDER BY "until", "id""#
        ) { try $0.dunningHold() }
    }

    func dunningLetterList(status: DunningLetterStatus, window: ListWindow) throws -> ListPage<DunningLetter> {
        let letters = try rows(
            #"""
            SELECT * FROM "dunningLetter" WHERE "status" = \#(status.rawValue) ORDER BY "createdOn", "id"
            LIMIT \#(Int64(window.size)) OFFSET \#(Int64(window.offset))
            """#
        ) { try $0.dunningLetter() }
        let total = try one(
            #"SELECT COUNT(*) AS "count" FROM "dunningLetter" WHERE "status" = \#(status.rawValue)"#
        ) { try $0("count", as: Int.self) }
        return ListPage(items: letters, total: total, window: window)
    }

    func invoiceIdsWithDraftLetters() throws -> Set<Int64> {
        Set(
            try rows(#"SELECT DISTINCT "invoiceId" FROM "dunningLetter" WHERE "status" = 'draft'"#) {
                try $0("invoiceId", as: Int64.self)
            })
    }

    func latestDecidedLetters(limit: Int) throws -> [DunningLetter] {
        try rows(
            #"""
            SELECT * FROM "dunningLetter" WHERE "status" <> 'draft'
            ORDER BY COALESCE("sentOn", "skippedOn", "createdOn") DESC, "id" DESC LIMIT \#(Int64(limit))
            """#
        ) { try $0.dunningLetter() }
    }

    func customersOwing() throws -> [(id: Int64, name: String)] {
        try rows(
            #"""
            SELECT c."id", c."name" FROM "customer" c
            WHERE c."id" IN (SELECT "customerId" FROM "invoiceBalance" WHERE "openCents" > 0)
            ORDER BY c."name" COLLATE "kontorCustomerName", c."id"
            """#
        ) { (id: try $0("id", as: Int64.self), name: try $0("name", as: String.self)) }
    }

    // MARK: - Writes

    func insert(dunningCharge: DunningCharge) throws -> DunningCharge {
        // SQLite's `dunningCharge_no_replace`: a claimed charge is never written over (here it would only be a
        // unique violation, not the refusal the port promises).
        if dunningCharge.id != 0 {
            let taken = try one(
                #"SELECT EXISTS (SELECT 1 FROM "dunningCharge" WHERE "id" = \#(dunningCharge.id)) AS "taken""#
            ) { try $0("taken", as: Bool.self) }
            if taken {
                throw StoreError.immutable(detail: "a claimed charge is part of the record and cannot be changed")
            }
        }
        var row = BoundRow()
        if dunningCharge.id != 0 { row.set("id", dunningCharge.id) }
        row.set("invoiceId", dunningCharge.invoiceId)
        row.set("customerId", dunningCharge.customerId)
        row.set("kind", dunningCharge.kind.rawValue)
        row.set("amountCents", dunningCharge.amount.cents)
        row.set("arisenOn", dunningCharge.arisenOn.description)
        row.set("letterId", dunningCharge.letterId)
        var stored = dunningCharge
        stored.id = try insert(row, into: "dunningCharge", givenId: dunningCharge.id)
        return stored
    }

    func insert(dunningLetter: DunningLetter) throws -> DunningLetter {
        // SQLite's `dunningLetter_sent_no_replace`: a sent letter is not replaced, neither by its id nor by a new
        // letter of its step.
        let replacesSent = try one(
            #"""
            SELECT EXISTS (
                SELECT 1 FROM "dunningLetter"
                WHERE ("id" = \#(dunningLetter.id)
                       OR ("invoiceId" = \#(dunningLetter.invoiceId) AND "step" = \#(dunningLetter.step.rawValue)))
                  AND "status" = 'sent') AS "replacesSent"
            """#
        ) { try $0("replacesSent", as: Bool.self) }
        if replacesSent {
            throw StoreError.immutable(detail: "a sent reminder is part of the record and cannot be changed")
        }
        var row = Self.letterRow(dunningLetter)
        if dunningLetter.id != 0 { row.set("id", dunningLetter.id) }
        var stored = dunningLetter
        stored.id = try insert(row, into: "dunningLetter", givenId: dunningLetter.id)
        return stored
    }

    func update(dunningLetter: DunningLetter) throws {
        try update(Self.letterRow(dunningLetter), in: "dunningLetter", id: dunningLetter.id)
    }

    private static func letterRow(_ letter: DunningLetter) -> BoundRow {
        var row = BoundRow()
        row.set("invoiceId", letter.invoiceId)
        row.set("customerId", letter.customerId)
        row.set("invoiceNumber", letter.invoiceNumber)
        row.set("step", letter.step.rawValue)
        row.set("status", letter.status.rawValue)
        row.set("createdOn", letter.createdOn.description)
        row.set("sentOn", letter.sentOn?.description)
        row.set("skippedOn", letter.skippedOn?.description)
        row.set("deadline", letter.deadline?.description)
        row.set("openCents", letter.openAmount.cents)
        row.set("interestCents", letter.interest.cents)
        row.set("lumpSumCents", letter.lumpSum.cents)
        row.set("costsCents", letter.costs.cents)
        row.set("subject", letter.subject)
        row.set("body", letter.body)
        row.set("approvedBy", letter.approvedBy)
        return row
    }

    func insert(dunningHold: DunningHold) throws -> DunningHold {
        var row = BoundRow()
        if dunningHold.id != 0 { row.set("id", dunningHold.id) }
        row.set("customerId", dunningHold.customerId)
        row.set("invoiceId", dunningHold.invoiceId)
        row.set("until", dunningHold.until.description)
        row.set("reason", dunningHold.reason)
        row.set("createdOn", dunningHold.createdOn.description)
        var stored = dunningHold
        stored.id = try insert(row, into: "dunningHold", givenId: dunningHold.id)
        return stored
    }
}
