import GRDB
import KontorApp
import KontorCore

/// What editing before issue needs: deleting quotes and drafts, the read-only look at the next invoice
/// number, and the trace of moved deadlines.
extension GRDBBook {
    func numberCounter(series: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT value FROM numberCounter WHERE series = ?", arguments: [series]) ?? 0
    }

    func deleteQuote(id: Int64) throws {
        // Lines go with the quote (ON DELETE CASCADE); jobs and invoices keep it by RESTRICT.
        try db.execute(sql: "DELETE FROM quote WHERE id = ?", arguments: [id])
    }

    func deleteDraft(id: Int64) throws {
        // The triggers refuse both statements for an issued invoice, whatever the caller checked.
        try db.execute(sql: "DELETE FROM invoiceLine WHERE invoiceId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM invoice WHERE id = ?", arguments: [id])
    }

    func insert(deadlineChange change: DeadlineChange) throws {
        try db.execute(
            sql: """
                INSERT INTO jobDeadlineChange (jobId, customerId, changedOn, previousDeadline, deadline)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [
                change.jobId, change.customerId, change.changedOn.description, change.previous?.description,
                change.deadline.description,
            ])
    }

    func deadlineChanges(customerId: Int64) throws -> [DeadlineChange] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT jobId, customerId, changedOn, previousDeadline, deadline FROM jobDeadlineChange
                WHERE customerId = ? ORDER BY changedOn, id
                """, arguments: [customerId])
        return try rows.map { row in
            DeadlineChange(
                jobId: row["jobId"], customerId: row["customerId"],
                changedOn: try Convert.day(row["changedOn"] as String),
                previous: try Convert.day(row["previousDeadline"] as String?),
                deadline: try Convert.day(row["deadline"] as String))
        }
    }
}
