import GRDB
import KontorApp
import KontorCore

extension GRDBBook {
    func invoice(id: Int64) throws -> Invoice? {
        guard let record = try InvoiceRecord.fetchOne(db, key: id) else { return nil }
        return try assemble([record]).first
    }

    func invoice(number: String) throws -> Invoice? {
        guard let record = try InvoiceRecord.filter(Column("number") == number).fetchOne(db) else { return nil }
        return try assemble([record]).first
    }

    func invoices(_ query: InvoiceQuery) throws -> [Invoice] {
        let (conditions, arguments) = Self.conditions(query)
        // Open and overdue invoices are few: start from their balances (partial index), then sort those. For the
        // rest, walk `invoice_list_order` and stop after the page.
        let source = query.openOnly || query.overdueOn != nil
            ? "invoiceBalance b CROSS JOIN invoice i ON i.id = b.invoiceId"
            : "invoice i LEFT JOIN invoiceBalance b ON b.invoiceId = i.id"
        var sql = "SELECT i.* FROM " + source + conditions
        sql += " ORDER BY COALESCE(i.issueDate, i.draftedOn) DESC, i.id DESC"
        if let limit = query.limit { sql += " LIMIT \(limit)" + (query.offset.map { " OFFSET \($0)" } ?? "") }
        let invoices = try assemble(InvoiceRecord.fetchAll(db, sql: sql, arguments: arguments))
        // The SQL narrows down; the domain's own status rule has the last word.
        guard let status = query.status else { return invoices }
        return invoices.filter { $0.status == status }
    }

    func invoiceNumbers(ids: Set<Int64>) throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT id, number FROM invoice WHERE number IS NOT NULL AND id IN (SELECT value FROM json_each(?))",
            arguments: [try SnapshotJSON.encode(Array(ids))])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as Int64, $0[1] as String) })
    }

    func invoiceCount(_ query: InvoiceQuery) throws -> (count: Int, open: Money) {
        if query.customerId == nil, query.status == nil, !query.openOnly, query.overdueOn == nil {
            // All invoices: two small queries instead of joining every invoice with its balance.
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM invoice") ?? 0
            let open = try Int64.fetchOne(
                db, sql: "SELECT COALESCE(SUM(openCents), 0) FROM invoiceBalance WHERE openCents > 0") ?? 0
            return (count, Money(cents: open))
        }
        let (conditions, arguments) = Self.conditions(query)
        let row = try Row.fetchOne(
            db, sql: "SELECT COUNT(*), COALESCE(SUM(b.openCents), 0) FROM invoice i "
                + "LEFT JOIN invoiceBalance b ON b.invoiceId = i.id" + conditions, arguments: arguments)
        return (row?[0] ?? 0, Money(cents: row?[1] ?? 0))
    }

    /// The WHERE clause (with its leading space) of an invoice query over `invoice i` and `invoiceBalance b`.
    private static func conditions(_ query: InvoiceQuery) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let customerId = query.customerId {
            conditions.append("i.customerId = ?")
            _ = arguments.append(contentsOf: [customerId])
        }
        switch query.status {
        case .draft?: conditions.append("i.number IS NULL")
        case .cancelled?: conditions.append("b.cancelledByNumber IS NOT NULL")
        // `InvoiceBalance.status` in SQL, case for case (the contract suite holds the two together): a cancellation
        // invoice is issued whatever was booked on it, paid needs a positive gross, partly paid is any other
        // positive payment (also on an invoice of 0 €), and issued is nothing paid (or less than nothing).
        case .paid?:
            conditions.append(
                "b.cancelledByNumber IS NULL AND i.kind = 'invoice' AND b.grossCents > 0 AND b.paidCents >= b.grossCents")
        case .partiallyPaid?:
            conditions.append(
                "b.cancelledByNumber IS NULL AND i.kind = 'invoice' AND b.paidCents > 0"
                    + " AND NOT (b.grossCents > 0 AND b.paidCents >= b.grossCents)")
        case .issued?:
            conditions.append(
                "i.number IS NOT NULL AND b.cancelledByNumber IS NULL AND (i.kind = 'cancellation' OR b.paidCents <= 0)")
        case nil: break
        }
        if query.openOnly { conditions.append("b.openCents > 0") }
        if let day = query.overdueOn {
            // § 193 BGB: overdue is a due date on or before the last working day before `day` in the debtor's
            // state (`PaymentDeadline`), so one comparison per state does it.
            let cutoffs = PaymentDeadline.overdueCutoffs(on: day)
            var cases = ""
            for (state, latest) in cutoffs.differing {
                cases += " WHEN ? THEN ?"
                _ = arguments.append(contentsOf: [state.rawValue, latest.description])
            }
            _ = arguments.append(contentsOf: [cutoffs.nationwide.description])
            let cutoff = cases.isEmpty
                ? "?" : "CASE (SELECT state FROM customer WHERE id = i.customerId)\(cases) ELSE ? END"
            conditions.append("b.openCents > 0 AND b.dueDate <= (\(cutoff))")
        }
        return (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    /// Loads lines and balances of many invoices with a few queries instead of one per invoice.
    private func assemble(_ records: [InvoiceRecord]) throws -> [Invoice] {
        var lines: [Int64: [DocumentLine]] = [:]
        var balances: [Int64: InvoiceBalanceRecord] = [:]
        let ids = records.compactMap(\.id)
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            for line in try InvoiceLineRecord.filter(chunk.contains(Column("invoiceId")))
                .order(Column("invoiceId"), Column("position")).fetchAll(db)
            {
                lines[line.invoiceId, default: []].append(try line.domain())
            }
            for balance in try InvoiceBalanceRecord.filter(chunk.contains(Column("invoiceId"))).fetchAll(db) {
                balances[balance.invoiceId] = balance
            }
        }
        let parties = PartyDecoder()
        return try records.map {
            try $0.domain(lines: lines[$0.id!] ?? [], balance: balances[$0.id!], parties: parties)
        }
    }

    func openInvoices(dueOnOrBefore day: Day) throws -> [MorningList.OpenInvoice] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT b.invoiceId, i.number, b.customerId, c.name, b.dueDate, b.openCents, c.state
                FROM invoiceBalance b JOIN invoice i ON i.id = b.invoiceId JOIN customer c ON c.id = b.customerId
                WHERE b.openCents > 0 AND b.dueDate <= ?
                ORDER BY b.dueDate, i.number
                """, arguments: [day.description])
        return try rows.map { row in
            MorningList.OpenInvoice(
                number: row[1], invoiceId: row[0], customerId: row[2], customerName: row[3],
                dueDate: try Convert.day(row[4] as String), openAmount: Money(cents: row[5]),
                state: try (row[6] as String?).map { try Convert.choice($0, as: GermanState.self) })
        }
    }

    func paidInvoiceCount(customerId: Int64) throws -> Int {
        try Int.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) FROM invoiceBalance WHERE customerId = ? AND openCents = 0 AND paidCents > 0
                AND grossCents > 0 AND cancelledByNumber IS NULL
                """, arguments: [customerId]) ?? 0
    }

    // MARK: - Writes

    func insert(draft: Invoice) throws -> Invoice {
        var record = try InvoiceRecord(draft)
        try record.insert(db)
        try insertLines(invoiceId: record.id!, draft.lines)
        var stored = draft
        stored.id = record.id!
        return stored
    }

    func update(draft: Invoice) throws {
        try InvoiceLineRecord.filter(Column("invoiceId") == draft.id).deleteAll(db)
        try insertLines(invoiceId: draft.id, draft.lines)
        try InvoiceRecord(draft).update(db)
    }

    private func insertLines(invoiceId: Int64, _ lines: [DocumentLine]) throws {
        for (position, line) in lines.enumerated() {
            try InvoiceLineRecord(invoiceId: invoiceId, position: position, line: line).insert(db)
        }
    }

    func nextCounter(series: String) throws -> Int {
        // An update first: the counter refuses any insert over an existing series (an upsert is one).
        try db.execute(sql: "UPDATE numberCounter SET value = value + 1 WHERE series = ?", arguments: [series])
        if db.changesCount == 0 {
            try db.execute(sql: "INSERT INTO numberCounter (series, value) VALUES (?, 1)", arguments: [series])
        }
        return try Int.fetchOne(db, sql: "SELECT value FROM numberCounter WHERE series = ?", arguments: [series])!
    }

    func recordIssue(of invoice: Invoice) throws {
        // Lines first: once the row has its number, the triggers freeze the lines too.
        var draftOnly = invoice
        draftOnly.number = nil
        try update(draft: draftOnly)
        try InvoiceRecord(invoice).update(db)
        var balance = InvoiceBalanceRecord(
            invoiceId: invoice.id, customerId: invoice.customerId, dueDate: invoice.dueDate!.description,
            grossCents: invoice.totals.gross.cents, paidCents: 0, openCents: 0, cancelledByNumber: nil)
        balance.recompute(isCancellation: invoice.kind == .cancellation)
        try balance.insert(db)
    }

    func insert(issued: Invoice) throws -> Invoice {
        var draftOnly = issued
        draftOnly.number = nil
        var stored = try insert(draft: draftOnly)
        stored.number = issued.number
        try recordIssue(of: stored)
        return stored
    }

    func markCancelled(invoiceId: Int64, byNumber number: String) throws {
        guard var balance = try InvoiceBalanceRecord.fetchOne(db, key: invoiceId) else {
            throw StoreError.corrupt(detail: "invoice \(invoiceId) has no balance")
        }
        balance.cancelledByNumber = number
        balance.recompute(isCancellation: false)
        try balance.update(db)
    }

    func payments(invoiceId: Int64?, customerId: Int64?) throws -> [Payment] {
        var request = PaymentRecord.all()
        if let invoiceId { request = request.filter(Column("invoiceId") == invoiceId) }
        if let customerId { request = request.filter(Column("customerId") == customerId) }
        return try request.order(Column("receivedOn"), Column("id")).fetchAll(db).map { try $0.domain() }
    }

    func insert(payment: Payment) throws -> Payment {
        var record = PaymentRecord(payment)
        try record.insert(db)
        guard var balance = try InvoiceBalanceRecord.fetchOne(db, key: payment.invoiceId) else {
            throw StoreError.corrupt(detail: "invoice \(payment.invoiceId) has no balance")
        }
        // KontorCore's rule: only the principal part moves the balance.
        var moved = InvoiceBalance(
            kind: .invoice, gross: Money(cents: balance.grossCents), paid: Money(cents: balance.paidCents),
            cancelledByNumber: balance.cancelledByNumber)
        moved.book(payment)
        balance.paidCents = moved.paid.cents
        balance.recompute(isCancellation: false)
        try balance.update(db)
        return try record.domain()
    }

    func payment(id: Int64) throws -> Payment? {
        try PaymentRecord.fetchOne(db, key: id)?.domain()
    }

    func dunningCharges(invoiceIds: Set<Int64>) throws -> [DunningCharge] {
        guard !invoiceIds.isEmpty else { return [] }
        let records = try DunningChargeRecord.fetchAll(
            db, sql: "SELECT * FROM dunningCharge WHERE invoiceId IN (SELECT value FROM json_each(?)) ORDER BY id",
            arguments: [try SnapshotJSON.encode(Array(invoiceIds))])
        return try records.map { try $0.domain() }
    }

    func insert(dunningCharge: DunningCharge) throws -> DunningCharge {
        var record = DunningChargeRecord(dunningCharge)
        try record.insert(db)
        return try record.domain()
    }
}
