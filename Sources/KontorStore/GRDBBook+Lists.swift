import GRDB
import KontorApp
import KontorCore

/// The pages of long lists: one window of rows in the list's order and the length of the whole list, each read
/// through an index in that order, so that a page costs the same in a small book and in an agency's.
extension GRDBBook {
    func customerList(status: CustomerStatus?, search: String?, window: ListWindow) throws -> ListPage<Customer> {
        let request = customerRequest(status: status, search: search)
        let rows = try request.order(Column("name").collating(.customerName), Column("id"))
            .limit(window.size, offset: window.offset).fetchAll(db).map { try $0.domain() }
        return ListPage(items: rows, total: try request.fetchCount(db), window: window)
    }

    /// Customers with these filters, in no order yet (the list and its count share it).
    func customerRequest(status: CustomerStatus?, search: String?) -> QueryInterfaceRequest<CustomerRecord> {
        var request = CustomerRecord.all()
        if let status { request = request.filter(Column("status") == status.rawValue) }
        if let search, !search.isEmpty {
            let pattern = "%\(search)%"
            request = request.filter(
                Column("name").like(pattern) || Column("email").like(pattern) || Column("contactPerson").like(pattern)
                    || Column("city").like(pattern))
        }
        return request
    }

    func openPrincipal(customerIds: Set<Int64>) throws -> [Int64: Money] {
        guard !customerIds.isEmpty else { return [:] }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT b.customerId, SUM(b.openCents) FROM invoiceBalance b JOIN invoice i ON i.id = b.invoiceId
                WHERE i.kind = 'invoice' AND b.cancelledByNumber IS NULL AND b.openCents > 0
                  AND b.customerId IN (SELECT value FROM json_each(?))
                GROUP BY b.customerId
                """,
            arguments: [try SnapshotJSON.encode(Array(customerIds))])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as Int64, Money(cents: $0[1])) })
    }

    func paymentList(window: ListWindow) throws -> ListPage<Payment> {
        let records = try PaymentRecord.fetchAll(
            db, sql: "SELECT * FROM payment ORDER BY receivedOn DESC, id DESC LIMIT ? OFFSET ?",
            arguments: [window.size, window.offset])
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM payment") ?? 0
        return ListPage(items: try records.map { try $0.domain() }, total: total, window: window)
    }

    func paymentSum() throws -> Money {
        Money(cents: try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(amountCents), 0) FROM payment") ?? 0)
    }

    func bankEntryList(status: BankEntryStatus, window: ListWindow) throws -> ListPage<BankEntry> {
        let request = BankEntryRecord.filter(Column("status") == status.rawValue)
        let rows = try request.order(Column("bookingDate"), Column("id"))
            .limit(window.size, offset: window.offset).fetchAll(db).map { try $0.domain() }
        return ListPage(items: rows, total: try request.fetchCount(db), window: window)
    }

    func inquiryList(status: InquiryStatus, window: ListWindow) throws -> ListPage<Inquiry> {
        let request = InquiryRecord.filter(Column("status") == status.rawValue)
        // Work in progress in the order it is worked through (`Inquiry.workOrder`), decided ones the latest first.
        let rows: [Inquiry]
        if status == .won || status == .lost {
            rows = try request.order(Column("closedOn").desc, Column("id").desc)
                .limit(window.size, offset: window.offset).fetchAll(db).map { try $0.domain() }
        } else {
            // The order of the index `inquiry_work_order`, written with the literal so that SQLite matches its
            // expression (a bound 'phone' would not) and reads only the window instead of sorting every open one.
            rows = try InquiryRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM inquiry WHERE status = ? ORDER BY channel = 'phone' DESC, receivedOn, id LIMIT ? OFFSET ?
                    """,
                arguments: [status.rawValue, window.size, window.offset]
            ).map { try $0.domain() }
        }
        return ListPage(items: rows, total: try request.fetchCount(db), window: window)
    }

    func quoteList(window: ListWindow) throws -> ListPage<Quote> {
        let records = try QuoteRecord.order(Column("createdOn").desc, Column("id").desc)
            .limit(window.size, offset: window.offset).fetchAll(db)
        return ListPage(
            items: try records.map { try $0.domain(lines: quoteLines($0.id!)) }, total: try QuoteRecord.fetchCount(db),
            window: window)
    }

    func jobList(window: ListWindow) throws -> ListPage<Job> {
        // The expression of the index `job_list_order`: those without a deadline last.
        let records = try JobRecord.fetchAll(
            db, sql: "SELECT * FROM job ORDER BY COALESCE(deadline, '9999-12-31'), id LIMIT ? OFFSET ?",
            arguments: [window.size, window.offset])
        let rounds = try revisionRounds(jobIds: records.compactMap(\.id))
        return ListPage(
            items: try records.map { try $0.domain(revisions: rounds[$0.id!] ?? []) }, total: try JobRecord.fetchCount(db),
            window: window)
    }

    func jobs(deadlineFrom first: Day, through last: Day) throws -> [Job] {
        // Through the index `job_list_order` (its expression, so that SQLite uses it instead of a scan).
        let records = try JobRecord.fetchAll(
            db,
            sql: """
                SELECT * FROM job WHERE COALESCE(deadline, '9999-12-31') BETWEEN ? AND ?
                ORDER BY COALESCE(deadline, '9999-12-31'), id
                """,
            arguments: [first.description, last.description])
        let rounds = try revisionRounds(jobIds: records.compactMap(\.id))
        return try records.map { try $0.domain(revisions: rounds[$0.id!] ?? []) }
    }

    func dunningLetterList(status: DunningLetterStatus, window: ListWindow) throws -> ListPage<DunningLetter> {
        let request = DunningLetterRecord.filter(Column("status") == status.rawValue)
        let rows = try request.order(Column("createdOn"), Column("id"))
            .limit(window.size, offset: window.offset).fetchAll(db).map { try $0.domain() }
        return ListPage(items: rows, total: try request.fetchCount(db), window: window)
    }

    func latestDecidedLetters(limit: Int) throws -> [DunningLetter] {
        try DunningLetterRecord.fetchAll(
            db,
            sql: """
                SELECT * FROM dunningLetter WHERE status <> 'draft'
                ORDER BY COALESCE(sentOn, skippedOn, createdOn) DESC, id DESC LIMIT ?
                """,
            arguments: [limit]
        ).map { try $0.domain() }
    }

    func customersOwing() throws -> [(id: Int64, name: String)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT c.id, c.name FROM customer c
                WHERE c.id IN (SELECT customerId FROM invoiceBalance WHERE openCents > 0)
                ORDER BY c.name COLLATE kontorCustomerName, c.id
                """
        ).map { ($0[0], $0[1]) }
    }

    func customerChoices(limit: Int, including: Int64?) throws -> (total: Int, choices: [(id: Int64, name: String)]) {
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customer") ?? 0
        // The newest through the primary key: an agency's 30,000 customers cost the same as a writer's 300.
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, name FROM (SELECT id, name FROM customer ORDER BY id DESC LIMIT ?)
                UNION SELECT id, name FROM customer WHERE id = ?
                ORDER BY name COLLATE kontorCustomerName, id
                """,
            arguments: [limit, including])
        return (total, rows.map { ($0[0], $0[1]) })
    }

    func customersNamed(_ text: String, limit: Int) throws -> [(id: Int64, name: String)] {
        let exact = try Row.fetchAll(
            db, sql: "SELECT id, name FROM customer WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT ?",
            arguments: [text, limit])
        let rows = exact.isEmpty
            ? try Row.fetchAll(
                db,
                sql: """
                    SELECT id, name FROM customer WHERE name LIKE ? ESCAPE '\\'
                    ORDER BY name COLLATE kontorCustomerName, id LIMIT ?
                    """,
                arguments: ["%" + likeEscaped(text) + "%", limit])
            : exact
        return rows.map { ($0[0], $0[1]) }
    }

    /// `text` with LIKE's wildcards taken literally (a customer called "50%" is found as itself).
    private func likeEscaped(_ text: String) -> String {
        String(text.flatMap { "\\%_".contains($0) ? ["\\", $0] : [$0] })
    }

    func jobsToInvoice(deliveredSince first: Day) throws -> [Job] {
        // Two ranges of the (status, deliveredOn) index: with the OR inside one term SQLite read every delivered job.
        let records = try JobRecord.fetchAll(
            db,
            sql: """
                SELECT j.* FROM job j
                WHERE ((j.status IN ('delivered', 'accepted') AND j.deliveredOn >= ?1)
                       OR (j.status IN ('delivered', 'accepted') AND j.deliveredOn IS NULL))
                  AND NOT EXISTS (
                    SELECT 1 FROM invoice i LEFT JOIN invoiceBalance b ON b.invoiceId = i.id
                    WHERE i.jobId = j.id AND i.kind = 'invoice' AND b.cancelledByNumber IS NULL)
                ORDER BY j.deliveredOn DESC, j.id DESC
                """,
            arguments: [first.description])
        let rounds = try revisionRounds(jobIds: records.compactMap(\.id))
        return try records.map { try $0.domain(revisions: rounds[$0.id!] ?? []) }
    }

    func invoiceIdsWithDraftLetters() throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: "SELECT DISTINCT invoiceId FROM dunningLetter WHERE status = 'draft'"))
    }
}
