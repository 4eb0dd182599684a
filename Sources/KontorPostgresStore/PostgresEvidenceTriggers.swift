/// The evidence of a book that PostgreSQL itself refuses to change, as the SQLite store's triggers do
/// (`KontorStore/Audit/EvidenceTriggers.swift` and the migrations): issued invoices and their lines, balances other
/// than by payments, payments, claimed charges, sent letters and mails, bank data, number counters, imported mails
/// and kept documents. Every refusal raises SQLSTATE `KT001`, which the runner reports as `StoreError.immutable`.
///
/// PostgreSQL has no `INSERT OR REPLACE`, so the SQLite store's "no replace" guards have no counterpart: a second
/// row with the same key is a unique violation. `TRUNCATE` skips row triggers, so every guarded table also refuses
/// it by a statement trigger.
enum PostgresEvidenceTriggers {
    static let refused = PostgresTransaction.refusedState

    /// A trigger function that refuses with the message given as the trigger's argument.
    static let refuseFunction = """
        CREATE FUNCTION "kontor_refuse"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION USING ERRCODE = '\(refused)', MESSAGE = TG_ARGV[0];
        END
        $$
        """

    /// An invoice line may change only while its invoice (before and after the change) is a draft. A trigger's
    /// `WHEN` cannot hold a subquery, so the check is a function.
    static let invoiceLineFunction = """
        CREATE FUNCTION "kontor_invoiceLine_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF (TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM "invoice" WHERE "id" = OLD."invoiceId"
                                                 AND "number" IS NOT NULL))
               OR (TG_OP <> 'DELETE' AND EXISTS (SELECT 1 FROM "invoice" WHERE "id" = NEW."invoiceId"
                                                    AND "number" IS NOT NULL)) THEN
                RAISE EXCEPTION USING ERRCODE = '\(refused)', MESSAGE = '\(invoiceMessage)';
            END IF;
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END
        $$
        """

    /// A balance moves only by payments (its paid amount is always their principal parts) and a cancellation.
    static let balanceFunction = """
        CREATE FUNCTION "kontor_invoiceBalance_only_payments"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW."invoiceId" IS DISTINCT FROM OLD."invoiceId" OR NEW."customerId" IS DISTINCT FROM OLD."customerId"
               OR NEW."dueDate" IS DISTINCT FROM OLD."dueDate" OR NEW."grossCents" IS DISTINCT FROM OLD."grossCents"
               OR (OLD."cancelledByNumber" IS NOT NULL
                   AND NEW."cancelledByNumber" IS DISTINCT FROM OLD."cancelledByNumber")
               OR NEW."paidCents" IS DISTINCT FROM (
                   SELECT COALESCE(SUM("amountCents" - "toCostsCents" - "toInterestCents"), 0)
                   FROM "payment" WHERE "invoiceId" = NEW."invoiceId") THEN
                RAISE EXCEPTION USING ERRCODE = '\(refused)',
                    MESSAGE = 'a balance changes only by payments and a cancellation';
            END IF;
            RETURN NEW;
        END
        $$
        """

    static let invoiceMessage = PostgresMigrations.immutableMessage

    /// `CREATE TRIGGER` for a row trigger calling `kontor_refuse` with `message`.
    static func refuse(
        _ name: String, _ timing: String, on table: String, when condition: String? = nil, _ message: String
    ) -> String {
        let when = condition.map { " WHEN (\($0))" } ?? ""
        return """
            CREATE TRIGGER "\(name)" BEFORE \(timing) ON "\(table)" FOR EACH ROW\(when)
            EXECUTE FUNCTION "kontor_refuse"('\(message)')
            """
    }

    static func noTruncate(_ table: String) -> String {
        let message = table == "invoice" ? invoiceMessage : "\(table) is part of the record and is never emptied"
        return """
            CREATE TRIGGER "\(table)_no_truncate" BEFORE TRUNCATE ON "\(table)" FOR EACH STATEMENT
            EXECUTE FUNCTION "kontor_refuse"('\(message)')
            """
    }

    static func changed(_ columns: [String]) -> String {
        columns.map { #"NEW."\#($0)" IS DISTINCT FROM OLD."\#($0)""# }.joined(separator: " OR ")
    }

    static let guardedTables = [
        "invoice", "invoiceLine", "invoiceBalance", "payment", "dunningCharge", "dunningLetter", "outboxMessage",
        "bankEntry", "numberCounter", "importedMail", "auditJournal", "auditDocument",
    ]

    static let all: [String] =
        [refuseFunction, invoiceLineFunction, balanceFunction]
        + [
            refuse("invoice_issued_no_update", "UPDATE", on: "invoice", when: #"OLD."number" IS NOT NULL"#,
                   invoiceMessage),
            refuse("invoice_issued_no_delete", "DELETE", on: "invoice", when: #"OLD."number" IS NOT NULL"#,
                   invoiceMessage),
            """
            CREATE TRIGGER "invoiceLine_frozen" BEFORE INSERT OR UPDATE OR DELETE ON "invoiceLine"
            FOR EACH ROW EXECUTE FUNCTION "kontor_invoiceLine_frozen"()
            """,
            refuse("invoiceBalance_no_delete", "DELETE", on: "invoiceBalance",
                   "the balance of an issued invoice is never deleted"),
            """
            CREATE TRIGGER "invoiceBalance_only_payments" BEFORE UPDATE ON "invoiceBalance"
            FOR EACH ROW EXECUTE FUNCTION "kontor_invoiceBalance_only_payments"()
            """,
            refuse("payment_no_update", "UPDATE", on: "payment",
                   "payments are never changed: record a reversal instead"),
            refuse("payment_no_delete", "DELETE", on: "payment",
                   "payments are never deleted: record a reversal instead"),
            refuse("dunningCharge_no_update", "UPDATE", on: "dunningCharge",
                   "a claimed charge is part of the record and cannot be changed"),
            refuse("dunningCharge_no_delete", "DELETE", on: "dunningCharge",
                   "a claimed charge is part of the record and cannot be deleted"),
            refuse("dunningLetter_sent_frozen", "UPDATE", on: "dunningLetter", when: #"OLD."status" = 'sent'"#,
                   "a sent reminder is part of the record and cannot be changed"),
            refuse("dunningLetter_sent_no_delete", "DELETE", on: "dunningLetter", when: #"OLD."status" = 'sent'"#,
                   "a sent reminder is part of the record and cannot be deleted"),
            refuse("outboxMessage_sent_frozen", "UPDATE", on: "outboxMessage", when: #"OLD."status" = 'sent'"#,
                   "a sent mail is never changed"),
            refuse("outboxMessage_content_frozen", "UPDATE", on: "outboxMessage",
                   when: changed(["id", "content", "recipients", "sender", "messageId"]),
                   "a queued mail is sent as it was written"),
            refuse("outboxMessage_no_delete", "DELETE", on: "outboxMessage", "mails are never deleted"),
            refuse("bankEntry_no_delete", "DELETE", on: "bankEntry",
                   "an imported bank entry is part of the record and cannot be deleted"),
            refuse("bankEntry_only_review", "UPDATE", on: "bankEntry",
                   when: changed([
                       "id", "identity", "bookingDate", "amountCents", "isCredit", "currency", "counterpartyName",
                       "counterpartyIBAN", "text", "importedOn", "sourceFile",
                   ]),
                   "a bank entry keeps what the bank said: only its review can change"),
            refuse("numberCounter_no_delete", "DELETE", on: "numberCounter", "a number counter never goes back"),
            refuse("numberCounter_next_only", "UPDATE", on: "numberCounter",
                   when: #"NEW."series" IS DISTINCT FROM OLD."series" OR NEW."value" <> OLD."value" + 1"#,
                   "a number counter only takes the next number"),
            refuse("importedMail_frozen", "UPDATE", on: "importedMail",
                   when: changed([
                       "id", "messageId", "rawHash", "fromAddress", "fromName", "subject", "receivedAt", "customerId",
                       "inquiryId", "noteId", "outboxMessageId", "invoiceId", "suggestion", "suggestedDay",
                       "attachmentNames", "raw",
                   ]),
                   "an imported mail is kept as it arrived"),
            refuse("importedMail_no_delete", "DELETE", on: "importedMail", "imported mails are never deleted"),
            refuse("auditJournal_no_update", "UPDATE", on: "auditJournal", "the audit journal is never changed"),
            refuse("auditJournal_no_delete", "DELETE", on: "auditJournal", "the audit journal is never changed"),
            refuse("auditDocument_no_update", "UPDATE", on: "auditDocument", "a document that left is kept as it left"),
            refuse("auditDocument_no_delete", "DELETE", on: "auditDocument", "a document that left is kept as it left"),
        ]
        + guardedTables.map(noTruncate)
}
