public import KontorApp

/// The audit journal of a PostgreSQL book for `kontor audit verify` and `kontor audit log`: the store's own record,
/// not a use case, as the SQLite store's `AuditJournal.verify`/`log` are.
extension PostgresBookStore {
    /// Recomputes the journal's chain, checks the guard and journal triggers and compares every record with its
    /// history, on one snapshot of the book.
    public func verifyAuditJournal() async throws -> AuditReport {
        try await runner().read { transaction in try PostgresAuditVerifier.verify(transaction) }
    }

    /// The journal of one record (`invoice:3`, `invoice:2026-0001`, `customer:1`), with the records that belong
    /// to it (an invoice's lines, balance and payments; a customer's invoices, notes, …), oldest first.
    ///
    /// - Throws: `AuditRecordError` for a record not written `TABLE:KEY`.
    public func auditLog(record: String) async throws -> [AuditEntry] {
        try await runner().read { transaction in try PostgresAuditJournal.log(transaction, record: record) }
    }
}
