import GRDB
import KontorApp
import KontorCore

extension GRDBBook {
    /// `column IN (ids)` for any number of ids, as one bound JSON array.
    private func idFilter(_ column: String, _ ids: Set<Int64>) throws -> (String, StatementArguments) {
        ("\(column) IN (SELECT value FROM json_each(?))", [try SnapshotJSON.encode(Array(ids))])
    }

    func payments(invoiceIds: Set<Int64>) throws -> [Int64: [Payment]] {
        guard !invoiceIds.isEmpty else { return [:] }
        let (condition, arguments) = try idFilter("invoiceId", invoiceIds)
        let records = try PaymentRecord.fetchAll(
            db, sql: "SELECT * FROM payment WHERE \(condition) ORDER BY receivedOn, id", arguments: arguments)
        return try Dictionary(grouping: records.map { try $0.domain() }, by: \.invoiceId)
    }

    func notes(customerIds: Set<Int64>) throws -> [Int64: [Note]] {
        guard !customerIds.isEmpty else { return [:] }
        let (condition, arguments) = try idFilter("customerId", customerIds)
        let records = try NoteRecord.fetchAll(
            db, sql: "SELECT * FROM note WHERE \(condition) ORDER BY writtenOn, id", arguments: arguments)
        return try Dictionary(grouping: records.map { try $0.domain() }, by: \.customerId)
    }

    func customers(ids: Set<Int64>) throws -> [Int64: Customer] {
        guard !ids.isEmpty else { return [:] }
        let (condition, arguments) = try idFilter("id", ids)
        let records = try CustomerRecord.fetchAll(db, sql: "SELECT * FROM customer WHERE \(condition)", arguments: arguments)
        return Dictionary(uniqueKeysWithValues: try records.map { ($0.id!, try $0.domain()) })
    }

    func dunningLetter(id: Int64) throws -> DunningLetter? {
        try DunningLetterRecord.fetchOne(db, key: id)?.domain()
    }

    func dunningLetters(status: DunningLetterStatus?, invoiceIds: Set<Int64>?) throws -> [DunningLetter] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let status {
            conditions.append("status = ?")
            _ = arguments.append(contentsOf: [status.rawValue])
        }
        if let invoiceIds {
            guard !invoiceIds.isEmpty else { return [] }
            let (condition, ids) = try idFilter("invoiceId", invoiceIds)
            conditions.append(condition)
            _ = arguments.append(contentsOf: ids)
        }
        var sql = "SELECT * FROM dunningLetter"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY createdOn, id"
        return try DunningLetterRecord.fetchAll(db, sql: sql, arguments: arguments).map { try $0.domain() }
    }

    func dunningMarks(invoiceIds: Set<Int64>) throws -> [DunningMark] {
        guard !invoiceIds.isEmpty else { return [] }
        let (condition, arguments) = try idFilter("invoiceId", invoiceIds)
        return try Row.fetchAll(
            db,
            sql: """
                SELECT invoiceId, step, status, sentOn, skippedOn FROM dunningLetter WHERE \(condition)
                ORDER BY createdOn, id
                """,
            arguments: arguments
        ).map { row in
            DunningMark(
                invoiceId: row[0], step: try Convert.choice(row[1] as String, as: DunningStep.self),
                status: try Convert.choice(row[2] as String, as: DunningLetterStatus.self),
                sentOn: try Convert.day(row[3] as String?), skippedOn: try Convert.day(row[4] as String?))
        }
    }

    func customerStatuses(ids: Set<Int64>) throws -> [Int64: CustomerStatus] {
        guard !ids.isEmpty else { return [:] }
        let (condition, arguments) = try idFilter("id", ids)
        var statuses: [Int64: CustomerStatus] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, status FROM customer WHERE \(condition)", arguments: arguments) {
            statuses[row[0]] = try Convert.choice(row[1] as String, as: CustomerStatus.self)
        }
        return statuses
    }

    func customersSentNotices(among customerIds: Set<Int64>) throws -> Set<Int64> {
        guard !customerIds.isEmpty else { return [] }
        let (condition, arguments) = try idFilter("customerId", customerIds)
        return Set(try Int64.fetchAll(
            db, sql: "SELECT DISTINCT customerId FROM dunningLetter WHERE status = 'sent' AND step != 'inquiry' AND "
                + condition, arguments: arguments))
    }

    func dunningHolds(customerIds: Set<Int64>) throws -> [DunningHold] {
        guard !customerIds.isEmpty else { return [] }
        let (condition, arguments) = try idFilter("customerId", customerIds)
        return try DunningHoldRecord.fetchAll(
            db, sql: "SELECT * FROM dunningHold WHERE \(condition) ORDER BY id", arguments: arguments
        ).map { try $0.domain() }
    }

    func dunningHolds(endingOnOrAfter day: Day) throws -> [DunningHold] {
        try DunningHoldRecord.fetchAll(
            db, sql: "SELECT * FROM dunningHold WHERE until >= ? ORDER BY until, id", arguments: [day.description]
        ).map { try $0.domain() }
    }

    func receivableItems(owingOnly: Bool) throws -> [ReceivablesReport.Item] {
        // Customers owing something: money open on an invoice, or charges claimed by a letter.
        let owing = owingOnly ? """
             AND b.customerId IN (SELECT customerId FROM invoiceBalance WHERE openCents > 0
                 UNION SELECT i2.customerId FROM dunningCharge d JOIN invoice i2 ON i2.id = d.invoiceId)
            """ : ""
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT b.invoiceId, b.customerId, c.name, i.issueDate, b.dueDate, b.grossCents, b.openCents,
                       b.cancelledByNumber IS NOT NULL, (SELECT MAX(receivedOn) FROM payment p WHERE p.invoiceId = b.invoiceId),
                       COALESCE(ch.claimed, 0) - COALESCE(
                           (SELECT SUM(toCostsCents + toInterestCents) FROM payment p WHERE p.invoiceId = b.invoiceId), 0),
                       c.state
                FROM invoiceBalance b JOIN invoice i ON i.id = b.invoiceId JOIN customer c ON c.id = b.customerId
                LEFT JOIN (SELECT invoiceId, SUM(amountCents) AS claimed FROM dunningCharge GROUP BY invoiceId) ch
                    ON ch.invoiceId = b.invoiceId
                WHERE i.kind = 'invoice'
                """ + owing)
        return try rows.map { row in
            ReceivablesReport.Item(
                customerId: row[1], customerName: row[2], issueDate: try Convert.day(row[3] as String),
                dueDate: try Convert.day(row[4] as String), gross: Money(cents: row[5]), open: Money(cents: row[6]),
                claims: Money(cents: max(0, row[9] as Int64)), cancelled: row[7],
                lastPayment: try Convert.day(row[8] as String?),
                state: try (row[10] as String?).map { try Convert.choice($0, as: GermanState.self) })
        }
    }

    func messageTemplate(key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT text FROM messageTemplate WHERE key = ?", arguments: [key])
    }

    func insert(dunningLetter: DunningLetter) throws -> DunningLetter {
        var record = DunningLetterRecord(dunningLetter)
        try record.insert(db)
        return try record.domain()
    }

    func update(dunningLetter: DunningLetter) throws {
        try DunningLetterRecord(dunningLetter).update(db)
    }

    func insert(dunningHold: DunningHold) throws -> DunningHold {
        var record = DunningHoldRecord(dunningHold)
        try record.insert(db)
        return try record.domain()
    }

    func removeMessageTemplate(key: String) throws {
        try db.execute(sql: "DELETE FROM messageTemplate WHERE key = ?", arguments: [key])
    }

    func save(messageTemplate text: String, key: String) throws {
        try db.execute(
            sql: "INSERT INTO messageTemplate (key, text) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET text = excluded.text",
            arguments: [key, text])
    }
}
