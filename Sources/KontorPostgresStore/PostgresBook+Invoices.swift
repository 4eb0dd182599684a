import Foundation
import KontorApp
import KontorCore
import PostgresNIO

/// Invoices, their lines and balances: `GRDBBook+Invoices` and `+Drafts` in PostgreSQL's SQL.
extension PostgresBook {
    func invoice(id: Int64) throws -> Invoice? {
        try assemble(
            #"""
            SELECT i.*, b."paidCents", b."cancelledByNumber"
            FROM "invoice" i LEFT JOIN "invoiceBalance" b ON b."invoiceId" = i."id" WHERE i."id" = \#(id)
            """#
        ).first
    }

    func invoice(number: String) throws -> Invoice? {
        try assemble(
            #"""
            SELECT i.*, b."paidCents", b."cancelledByNumber"
            FROM "invoice" i LEFT JOIN "invoiceBalance" b ON b."invoiceId" = i."id" WHERE i."number" = \#(number)
            """#
        ).first
    }

    func invoices(_ query: InvoiceQuery) throws -> [Invoice] {
        var statement = BoundSQL()
        let conditions = Self.conditions(query, &statement)
        // Open and overdue invoices are few: start from their balances (partial index), then sort those.
        let source = query.openOnly || query.overdueOn != nil
            ? #""invoiceBalance" b JOIN "invoice" i ON i."id" = b."invoiceId""#
            : #""invoice" i LEFT JOIN "invoiceBalance" b ON b."invoiceId" = i."id""#
        statement.sql = #"SELECT i.*, b."paidCents", b."cancelledByNumber" FROM "# + source + conditions
            + #" ORDER BY COALESCE(i."issueDate", i."draftedOn") DESC, i."id" DESC"#
        if let limit = query.limit {
            let limit = statement.bind(Int64(limit))
            statement.sql += " LIMIT \(limit)"
            if let offset = query.offset {
                let offset = statement.bind(Int64(offset))
                statement.sql += " OFFSET \(offset)"
            }
        }
        let invoices = try assemble(statement.query)
        // The SQL narrows down; the domain's own status rule has the last word.
        guard let status = query.status else { return invoices }
        return invoices.filter { $0.status == status }
    }

    func invoiceNumbers(ids: Set<Int64>) throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        let pairs = try rows(
            #"""
            SELECT "id", "number" FROM "invoice" WHERE "number" IS NOT NULL AND "id" = ANY(\#(ids.parameter))
            """#
        ) { (try $0("id", as: Int64.self), try $0("number", as: String.self)) }
        return Dictionary(uniqueKeysWithValues: pairs)
    }

    func invoiceCount(_ query: InvoiceQuery) throws -> (count: Int, open: Money) {
        if query.customerId == nil, query.status == nil, !query.openOnly, query.overdueOn == nil {
            // All invoices: two small queries instead of joining every invoice with its balance.
            let count = try one(#"SELECT COUNT(*) AS "count" FROM "invoice""#) { try $0("count", as: Int.self) }
            let open = try one(
                #"""
                SELECT COALESCE(SUM("openCents"), 0)::bigint AS "open" FROM "invoiceBalance" WHERE "openCents" > 0
                """#
            ) { try $0.money("open") }
            return (count, open)
        }
        var statement = BoundSQL()
        let conditions = Self.conditions(query, &statement)
        statement.sql = #"""
            SELECT COUNT(*) AS "count", COALESCE(SUM(b."openCents"), 0)::bigint AS "open"
            FROM "invoice" i LEFT JOIN "invoiceBalance" b ON b."invoiceId" = i."id"
            """# + conditions
        return try one(statement.query) { (try $0("count", as: Int.self), try $0.money("open")) }
    }

    /// The WHERE clause (with its leading space) of an invoice query over `"invoice" i` and `"invoiceBalance" b`,
    /// its values bound in `statement`.
    private static func conditions(_ query: InvoiceQuery, _ statement: inout BoundSQL) -> String {
        var conditions: [String] = []
        if let customerId = query.customerId {
            conditions.append(#"i."customerId" = \#(statement.bind(customerId))"#)
        }
        switch query.status {
        case .draft?: conditions.append(#"i."number" IS NULL"#)
        case .cancelled?: conditions.append(#"b."cancelledByNumber" IS NOT NULL"#)
        // `InvoiceBalance.status` in SQL, case for case, as the SQLite store says it (the contract suite holds the
        // two together).
        case .paid?:
            conditions.append(
                #"""
                b."cancelledByNumber" IS NULL AND i."kind" = 'invoice' AND b."grossCents" > 0
                AND b."paidCents" >= b."grossCents"
                """#)
        case .partiallyPaid?:
            conditions.append(
                #"""
                b."cancelledByNumber" IS NULL AND i."kind" = 'invoice' AND b."paidCents" > 0
                AND NOT (b."grossCents" > 0 AND b."paidCents" >= b."grossCents")
                """#)
        case .issued?:
            conditions.append(
                #"""
                i."number" IS NOT NULL AND b."cancelledByNumber" IS NULL
                AND (i."kind" = 'cancellation' OR b."paidCents" <= 0)
                """#)
        case nil: break
        }
        if query.openOnly { conditions.append(#"b."openCents" > 0"#) }
        if let day = query.overdueOn {
            // § 193 BGB: overdue is a due date on or before the last working day before `day` in the debtor's
            // state (`PaymentDeadline`), so one comparison per state does it.
            let cutoffs = PaymentDeadline.overdueCutoffs(on: day)
            var cases = ""
            for (state, latest) in cutoffs.differing {
                cases += " WHEN \(statement.bind(state.rawValue)) THEN \(statement.bind(latest.description))"
            }
            let otherwise = statement.bind(cutoffs.nationwide.description)
            let cutoff = cases.isEmpty
                ? otherwise
                : #"CASE (SELECT "state" FROM "customer" WHERE "id" = i."customerId")\#(cases) ELSE \#(otherwise) END"#
            conditions.append(#"b."openCents" > 0 AND b."dueDate" <= (\#(cutoff))"#)
        }
        return conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
    }

    /// The invoices of `query` (rows of `"invoice"` with their balance's `paidCents` and `cancelledByNumber`),
    /// with the lines of all of them read by one more query.
    private func assemble(_ query: PostgresQuery) throws -> [Invoice] {
        let parties = InvoiceParties()
        var invoices = try rows(query) { try $0.invoice(parties: parties) }
        guard !invoices.isEmpty else { return [] }
        let ids = invoices.map(\.id)
        let lines = try rows(
            #"""
            SELECT * FROM "invoiceLine" WHERE "invoiceId" = ANY(\#(ids)) ORDER BY "invoiceId", "position"
            """#
        ) { (invoiceId: try $0("invoiceId", as: Int64.self), line: try $0.documentLine()) }
        let byInvoice = Dictionary(grouping: lines) { $0.invoiceId }
        for index in invoices.indices {
            invoices[index].lines = byInvoice[invoices[index].id]?.map { $0.line } ?? []
        }
        return invoices
    }

    func openInvoices(dueOnOrBefore day: Day) throws -> [MorningList.OpenInvoice] {
        // Numbers in SQLite's order (bytes), whatever the database's collation.
        try rows(
            #"""
            SELECT b."invoiceId", i."number", b."customerId", c."name", b."dueDate", b."openCents", c."state"
            FROM "invoiceBalance" b JOIN "invoice" i ON i."id" = b."invoiceId"
            JOIN "customer" c ON c."id" = b."customerId"
            WHERE b."openCents" > 0 AND b."dueDate" <= \#(day.description)
            ORDER BY b."dueDate", i."number" COLLATE "C"
            """#
        ) { c in
            MorningList.OpenInvoice(
                number: try c("number"), invoiceId: try c("invoiceId"), customerId: try c("customerId"),
                customerName: try c("name"), dueDate: try c.day("dueDate"), openAmount: try c.money("openCents"),
                state: try c.optionalChoice("state"))
        }
    }

    func paidInvoiceCount(customerId: Int64) throws -> Int {
        try one(
            #"""
            SELECT COUNT(*) AS "count" FROM "invoiceBalance" WHERE "customerId" = \#(customerId) AND "openCents" = 0
            AND "paidCents" > 0 AND "grossCents" > 0 AND "cancelledByNumber" IS NULL
            """#
        ) { try $0("count", as: Int.self) }
    }

    func numberCounter(series: String) throws -> Int {
        let value = try first(#"SELECT "value" FROM "numberCounter" WHERE "series" = \#(series)"#) {
            try $0("value", as: Int64.self)
        }
        return Int(value ?? 0)
    }

    // MARK: - Writes

    func insert(draft: Invoice) throws -> Invoice {
        // SQLite's `invoice_issued_no_replace`: an issued invoice's id or number is never taken over. Here a
        // second row with either would only be a unique violation, not the refusal the port promises.
        if draft.id != 0 || draft.number != nil {
            let issued = try one(
                #"""
                SELECT EXISTS (SELECT 1 FROM "invoice" WHERE ("id" = \#(draft.id) OR "number" = \#(draft.number))
                               AND "number" IS NOT NULL) AS "issued"
                """#
            ) { try $0("issued", as: Bool.self) }
            if issued { throw StoreError.immutable(detail: PostgresMigrations.immutableMessage) }
        }
        var row = try Self.invoiceRow(draft)
        if draft.id != 0 { row.set("id", draft.id) }
        var stored = draft
        stored.id = try insert(row, into: "invoice", givenId: draft.id)
        try replaceLines(invoiceId: stored.id, draft.lines)
        return stored
    }

    func update(draft: Invoice) throws {
        // Lines first: for an issued invoice the trigger refuses already that.
        try replaceLines(invoiceId: draft.id, draft.lines)
        try update(Self.invoiceRow(draft), in: "invoice", id: draft.id)
    }

    /// The columns of `invoice` for `invoice`, as `InvoiceRecord` writes them (totals only once issued).
    private static func invoiceRow(_ invoice: Invoice) throws -> BoundRow {
        var row = BoundRow()
        row.set("customerId", invoice.customerId)
        row.set("kind", invoice.kind.rawValue)
        row.set("number", invoice.number)
        row.set("jobId", invoice.jobId)
        row.set("quoteId", invoice.quoteId)
        row.set("cancelsInvoiceId", invoice.cancelsInvoiceId)
        row.set("cancelsNumber", invoice.cancelsNumber)
        row.set("draftedOn", invoice.draftedOn.description)
        row.set("issueDate", invoice.issueDate?.description)
        row.set("serviceFrom", invoice.serviceFrom?.description)
        row.set("serviceTo", invoice.serviceTo?.description)
        row.set("dueDate", invoice.dueDate?.description)
        row.set("paymentTermDays", Int64(invoice.paymentTermDays))
        row.set("termAgreed", invoice.termAgreed)
        row.set("treatment", invoice.treatment.rawValue)
        row.set("loyaltyPercent", invoice.loyaltyPercent)
        row.set("language", invoice.language.rawValue)
        row.set("buyerJSON", try invoice.buyer.map(SnapshotJSON.encode))
        row.set("sellerJSON", try invoice.seller.map(SnapshotJSON.encode))
        let totals = invoice.isIssued ? invoice.totals : nil
        row.set("netCents", totals?.net.cents)
        row.set("vatCents", totals?.vat.cents)
        row.set("grossCents", totals?.gross.cents)
        row.set("issuedBy", invoice.issuedBy)
        row.set("draftedBy", invoice.draftedBy)
        return row
    }

    /// The lines of an invoice replaced by `lines`, all in one statement, numbered from 0 in their order.
    private func replaceLines(invoiceId: Int64, _ lines: [DocumentLine]) throws {
        try run(#"DELETE FROM "invoiceLine" WHERE "invoiceId" = \#(invoiceId)"#)
        guard !lines.isEmpty else { return }
        try run(
            #"""
            INSERT INTO "invoiceLine" ("invoiceId", "position", "description", "quantity", "unit", "unitPrice",
                                       "vatPercent", "isDiscount", "netCents")
            SELECT \#(invoiceId)::bigint, * FROM unnest(
                \#(lines.indices.map { Int64($0) })::bigint[], \#(lines.map(\.description))::text[],
                \#(lines.map(\.quantity.thousandths))::bigint[], \#(lines.map(\.unit.rawValue))::text[],
                \#(lines.map(\.unitPrice.tenThousandths))::bigint[], \#(lines.map(\.vatRate.percent))::bigint[],
                \#(lines.map(\.isDiscount))::boolean[], \#(lines.map(\.net.cents))::bigint[])
            """#)
    }

    func nextCounter(series: String) throws -> Int {
        try transaction.nextCounter(series)
    }

    func recordIssue(of invoice: Invoice) throws {
        guard let dueDate = invoice.dueDate else {
            throw StoreError.failed(detail: "invoice \(invoice.id) is issued without a due date")
        }
        // Lines first: once the row has its number, the triggers freeze the lines too. The row then changes in one
        // statement: its CHECK wants the number and the issue date together (SQLite's table has no such check, so
        // the SQLite store writes the issue date first).
        try replaceLines(invoiceId: invoice.id, invoice.lines)
        try update(Self.invoiceRow(invoice), in: "invoice", id: invoice.id)
        let gross = invoice.totals.gross
        let open = InvoiceBalance.open(kind: invoice.kind, gross: gross, paid: .zero, isCancelled: false)
        try run(
            #"""
            INSERT INTO "invoiceBalance" ("invoiceId", "customerId", "dueDate", "grossCents", "paidCents", "openCents",
                                          "cancelledByNumber")
            VALUES (\#(invoice.id), \#(invoice.customerId), \#(dueDate.description), \#(gross.cents), 0, \#(open.cents),
                    NULL)
            """#)
    }

    func insert(issued: Invoice) throws -> Invoice {
        // A draft first and then its issue, as the SQLite store does; the draft without the issue date, which
        // comes with the number (the table's CHECK).
        var draftOnly = issued
        draftOnly.number = nil
        draftOnly.issueDate = nil
        var stored = issued
        stored.id = try insert(draft: draftOnly).id
        try recordIssue(of: stored)
        return stored
    }

    func markCancelled(invoiceId: Int64, byNumber number: String) throws {
        guard
            let balance = try first(
                #"""
                SELECT "grossCents", "paidCents" FROM "invoiceBalance" WHERE "invoiceId" = \#(invoiceId)
                """#,
                { (gross: try $0.money("grossCents"), paid: try $0.money("paidCents")) })
        else {
            throw StoreError.corrupt(detail: "invoice \(invoiceId) has no balance")
        }
        // As `InvoiceBalanceRecord.recompute(isCancellation: false)`: a cancelled balance has nothing open.
        let open = InvoiceBalance.open(kind: .invoice, gross: balance.gross, paid: balance.paid, isCancelled: true)
        try run(
            #"""
            UPDATE "invoiceBalance" SET "cancelledByNumber" = \#(number), "openCents" = \#(open.cents)
            WHERE "invoiceId" = \#(invoiceId)
            """#)
    }

    func deleteDraft(id: Int64) throws {
        // The triggers refuse both statements for an issued invoice, whatever the caller checked.
        try run(#"DELETE FROM "invoiceLine" WHERE "invoiceId" = \#(id)"#)
        try run(#"DELETE FROM "invoice" WHERE "id" = \#(id)"#)
    }
}
