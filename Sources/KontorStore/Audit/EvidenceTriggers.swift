/// The database's own refusal to rewrite evidence (GoBD, issue 16): issued invoices and their lines, payments,
/// dunning charges, balances, bank entries, sent reminders, number counters, sent mails and the audit journal.
///
/// SQLite's `REPLACE` (and `INSERT OR REPLACE`) resolves a key conflict by deleting the old row without firing
/// delete triggers, so every such table also refuses an insert whose key already holds evidence: the `BEFORE INSERT`
/// trigger fires before the conflict is resolved. Where a row must change (a balance being paid, a bank entry being
/// reviewed, a counter taking the next number), exactly that change is allowed and nothing else.
enum EvidenceTriggers {
    static let replaceMessage = "this row is part of the record: REPLACE would delete it and is refused"

    /// Two lookups, each by its own index: one `id = … OR identity = …` made SQLite search both for every row of a
    /// statement.
    static let bankEntryNoReplace = """
        CREATE TRIGGER bankEntry_no_replace BEFORE INSERT ON bankEntry
        WHEN EXISTS (SELECT 1 FROM bankEntry WHERE id = NEW.id)
          OR EXISTS (SELECT 1 FROM bankEntry WHERE identity = NEW.identity)
        BEGIN SELECT RAISE(ABORT, '\(replaceMessage)'); END;
        """

    static let sql = """
        CREATE TRIGGER invoice_issued_no_replace BEFORE INSERT ON invoice
        WHEN EXISTS (SELECT 1 FROM invoice WHERE (id = NEW.id OR number = NEW.number) AND number IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, '\(ImmutabilityTriggers.message)'); END;
        CREATE TRIGGER invoiceLine_frozen_replace BEFORE INSERT ON invoiceLine
        WHEN EXISTS (SELECT 1 FROM invoiceLine l JOIN invoice i ON i.id = l.invoiceId
                     WHERE l.id = NEW.id AND i.number IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, '\(ImmutabilityTriggers.message)'); END;

        CREATE TRIGGER payment_no_replace BEFORE INSERT ON payment
        WHEN EXISTS (SELECT 1 FROM payment WHERE id = NEW.id)
          OR (NEW.kind = 'reversal'
              AND EXISTS (SELECT 1 FROM payment WHERE kind = 'reversal' AND relatedPaymentId = NEW.relatedPaymentId))
        BEGIN SELECT RAISE(ABORT, 'payments are never changed: record a reversal instead'); END;
        CREATE TRIGGER dunningCharge_no_replace BEFORE INSERT ON dunningCharge
        WHEN EXISTS (SELECT 1 FROM dunningCharge WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'a claimed charge is part of the record and cannot be changed'); END;

        CREATE TRIGGER invoiceBalance_no_delete BEFORE DELETE ON invoiceBalance
        BEGIN SELECT RAISE(ABORT, 'the balance of an issued invoice is never deleted'); END;
        CREATE TRIGGER invoiceBalance_no_replace BEFORE INSERT ON invoiceBalance
        WHEN EXISTS (SELECT 1 FROM invoiceBalance WHERE invoiceId = NEW.invoiceId)
        BEGIN SELECT RAISE(ABORT, '\(replaceMessage)'); END;
        CREATE TRIGGER invoiceBalance_only_payments BEFORE UPDATE ON invoiceBalance
        WHEN NEW.invoiceId IS NOT OLD.invoiceId OR NEW.customerId IS NOT OLD.customerId
          OR NEW.dueDate IS NOT OLD.dueDate OR NEW.grossCents IS NOT OLD.grossCents
          OR (OLD.cancelledByNumber IS NOT NULL AND NEW.cancelledByNumber IS NOT OLD.cancelledByNumber)
          OR NEW.paidCents IS NOT (SELECT COALESCE(SUM(amountCents - toCostsCents - toInterestCents), 0)
                                   FROM payment WHERE invoiceId = NEW.invoiceId)
        BEGIN SELECT RAISE(ABORT, 'a balance changes only by payments and a cancellation'); END;

        CREATE TRIGGER bankEntry_no_delete BEFORE DELETE ON bankEntry
        BEGIN SELECT RAISE(ABORT, 'an imported bank entry is part of the record and cannot be deleted'); END;
        \(bankEntryNoReplace)
        CREATE TRIGGER bankEntry_only_review BEFORE UPDATE ON bankEntry
        WHEN NEW.id IS NOT OLD.id OR NEW.identity IS NOT OLD.identity OR NEW.bookingDate IS NOT OLD.bookingDate
          OR NEW.amountCents IS NOT OLD.amountCents OR NEW.isCredit IS NOT OLD.isCredit
          OR NEW.currency IS NOT OLD.currency OR NEW.counterpartyName IS NOT OLD.counterpartyName
          OR NEW.counterpartyIBAN IS NOT OLD.counterpartyIBAN OR NEW.text IS NOT OLD.text
          OR NEW.importedOn IS NOT OLD.importedOn OR NEW.sourceFile IS NOT OLD.sourceFile
        BEGIN SELECT RAISE(ABORT, 'a bank entry keeps what the bank said: only its review can change'); END;

        CREATE TRIGGER dunningLetter_sent_no_delete BEFORE DELETE ON dunningLetter WHEN OLD.status = 'sent'
        BEGIN SELECT RAISE(ABORT, 'a sent reminder is part of the record and cannot be deleted'); END;
        CREATE TRIGGER dunningLetter_sent_no_replace BEFORE INSERT ON dunningLetter
        WHEN EXISTS (SELECT 1 FROM dunningLetter WHERE (id = NEW.id OR (invoiceId = NEW.invoiceId AND step = NEW.step))
                     AND status = 'sent')
        BEGIN SELECT RAISE(ABORT, 'a sent reminder is part of the record and cannot be changed'); END;

        CREATE TRIGGER numberCounter_no_delete BEFORE DELETE ON numberCounter
        BEGIN SELECT RAISE(ABORT, 'a number counter never goes back'); END;
        CREATE TRIGGER numberCounter_no_replace BEFORE INSERT ON numberCounter
        WHEN EXISTS (SELECT 1 FROM numberCounter WHERE series = NEW.series)
        BEGIN SELECT RAISE(ABORT, 'a number counter never goes back'); END;
        CREATE TRIGGER numberCounter_next_only BEFORE UPDATE ON numberCounter
        WHEN NEW.series IS NOT OLD.series OR NEW.value IS NOT OLD.value + 1
        BEGIN SELECT RAISE(ABORT, 'a number counter only takes the next number'); END;

        CREATE TRIGGER outboxMessage_no_replace BEFORE INSERT ON outboxMessage
        WHEN EXISTS (SELECT 1 FROM outboxMessage WHERE id = NEW.id OR messageId = NEW.messageId)
        BEGIN SELECT RAISE(ABORT, '\(replaceMessage)'); END;
        """

    /// The names of every trigger that guards evidence, for `audit verify` to check they are all still there.
    static let names: [String] = [
        // v1 and v9
        "invoice_issued_no_update", "invoice_issued_no_delete", "invoiceLine_frozen_update",
        "invoiceLine_frozen_delete", "invoiceLine_frozen_insert", "payment_no_delete", "payment_no_update",
        // v3 and v9
        "dunningLetter_sent_frozen", "dunningCharge_no_update", "dunningCharge_no_delete",
        // v16
        "invoice_issued_no_replace", "invoiceLine_frozen_replace", "payment_no_replace", "dunningCharge_no_replace",
        "invoiceBalance_no_delete", "invoiceBalance_no_replace", "invoiceBalance_only_payments",
        "bankEntry_no_delete", "bankEntry_no_replace", "bankEntry_only_review",
        "dunningLetter_sent_no_delete", "dunningLetter_sent_no_replace",
        "numberCounter_no_delete", "numberCounter_no_replace", "numberCounter_next_only",
        // v13 (mail) and v16: a sent mail and what the server answered
        "outboxMessage_sent_frozen", "outboxMessage_content_frozen", "outboxMessage_no_delete",
        "outboxMessage_no_replace",
        // v19: a received mail as it was imported
        "importedMail_frozen", "importedMail_no_delete", "importedMail_no_replace",
        // the journal itself
        "auditJournal_no_delete", "auditJournal_no_replace", "auditJournal_seal_only",
        "auditDocument_journal", "auditDocument_no_update", "auditDocument_no_delete", "auditDocument_no_replace",
    ]
}
