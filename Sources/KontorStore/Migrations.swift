import GRDB

extension DatabaseMigrator {
    /// The schema of a book. Append-only: a shipped migration is never edited, changes come as new ones.
    static var kontor: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation") { db in
            try db.create(table: "profile") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("json", .text).notNull()
            }
            try db.create(table: "customer") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("contactPerson", .text)
                t.column("street", .text)
                t.column("postalCode", .text)
                t.column("city", .text)
                t.column("country", .text)
                t.column("state", .text)
                t.column("email", .text)
                t.column("phone", .text)
                t.column("kind", .text).notNull()
                t.column("vatId", .text)
                t.column("buyerReference", .text)
                t.column("language", .text).notNull()
                t.column("notes", .text)
                t.column("status", .text).notNull().indexed()
                t.column("createdOn", .text).notNull()
            }
            try db.create(index: "customer_email", on: "customer", expressions: [SQL("lower(email)").sqlExpression])
            try db.create(table: "inquiry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("customer", onDelete: .restrict).notNull()
                t.column("channel", .text).notNull()
                t.column("receivedOn", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("sizeQuantity", .integer)
                t.column("sizeUnit", .text)
                t.column("wishedDeadline", .text)
                t.column("status", .text).notNull().indexed()
                t.column("answeredOn", .text)
                t.column("closedOn", .text)
                t.column("note", .text)
            }
            try db.create(table: "quote") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("customer", onDelete: .restrict).notNull()
                t.belongsTo("inquiry", onDelete: .restrict)
                t.column("title", .text).notNull()
                t.column("createdOn", .text).notNull()
                t.column("validUntil", .text).notNull()
                t.column("paymentTermDays", .integer).notNull()
                t.column("includedRevisions", .integer).notNull()
                t.column("status", .text).notNull()
                t.column("decidedOn", .text)
            }
            try db.create(table: "quoteLine") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("quote", onDelete: .cascade).notNull()
                t.column("position", .integer).notNull()
                t.column("description", .text).notNull()
                t.column("quantity", .integer).notNull()
                t.column("unit", .text).notNull()
                t.column("unitPrice", .integer).notNull()
                t.column("vatPercent", .integer).notNull()
                t.column("isDiscount", .boolean).notNull()
            }
            try db.create(table: "job") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("customer", onDelete: .restrict).notNull()
                t.belongsTo("quote", onDelete: .restrict)
                t.column("title", .text).notNull()
                t.column("effortHours", .integer)
                t.column("deadline", .text)
                t.column("status", .text).notNull()
                t.column("includedRevisions", .integer).notNull()
                t.column("createdOn", .text).notNull()
                t.column("startedOn", .text)
                t.column("deliveredOn", .text)
                t.column("acceptedOn", .text)
            }
            try db.create(index: "job_status_deadline", on: "job", columns: ["status", "deadline"])
            try db.create(table: "revision") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("job", onDelete: .cascade).notNull()
                t.column("position", .integer).notNull()
                t.column("requestedOn", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("note", .text).notNull()
                t.column("billable", .boolean).notNull()
            }
            try db.create(table: "invoice") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("customer", onDelete: .restrict).notNull()
                t.column("kind", .text).notNull()
                t.column("number", .text).unique()
                t.belongsTo("job", onDelete: .restrict)
                t.belongsTo("quote", onDelete: .restrict)
                t.column("cancelsInvoiceId", .integer).references("invoice", onDelete: .restrict)
                t.column("cancelsNumber", .text)
                t.column("draftedOn", .text).notNull()
                t.column("issueDate", .text)
                t.column("serviceFrom", .text)
                t.column("serviceTo", .text)
                t.column("dueDate", .text)
                t.column("paymentTermDays", .integer).notNull()
                t.column("termAgreed", .boolean).notNull()
                t.column("treatment", .text).notNull()
                t.column("loyaltyPercent", .integer).notNull()
                t.column("language", .text).notNull()
                t.column("buyerJSON", .text)
                t.column("sellerJSON", .text)
                t.column("netCents", .integer)
                t.column("vatCents", .integer)
                t.column("grossCents", .integer)
            }
            try db.create(table: "invoiceLine") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("invoice", onDelete: .restrict).notNull()
                t.column("position", .integer).notNull()
                t.column("description", .text).notNull()
                t.column("quantity", .integer).notNull()
                t.column("unit", .text).notNull()
                t.column("unitPrice", .integer).notNull()
                t.column("vatPercent", .integer).notNull()
                t.column("isDiscount", .boolean).notNull()
                t.column("netCents", .integer).notNull()
            }
            // What was paid and whether it was cancelled changes after issue; the invoice itself never does.
            try db.create(table: "invoiceBalance") { t in
                t.primaryKey("invoiceId", .integer).references("invoice", onDelete: .restrict)
                t.belongsTo("customer", onDelete: .restrict).notNull()
                t.column("dueDate", .text).notNull()
                t.column("grossCents", .integer).notNull()
                t.column("paidCents", .integer).notNull()
                t.column("openCents", .integer).notNull()
                t.column("cancelledByNumber", .text)
            }
            try db.create(index: "invoiceBalance_open_due", on: "invoiceBalance", columns: ["dueDate"],
                          condition: Column("openCents") > 0)
            try db.create(table: "payment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("invoice", onDelete: .restrict).notNull()
                t.belongsTo("customer", onDelete: .restrict).notNull()
                t.column("amountCents", .integer).notNull().check { $0 > 0 }
                t.column("receivedOn", .text).notNull()
                t.column("note", .text)
            }
            try db.create(table: "note") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("customer", onDelete: .restrict).notNull()
                t.column("writtenOn", .text).notNull()
                t.column("text", .text).notNull()
            }
            try db.create(table: "numberCounter") { t in
                t.primaryKey("series", .text)
                t.column("value", .integer).notNull()
            }
            try db.execute(sql: ImmutabilityTriggers.sql)
        }
        migrator.registerMigration("v2-einvoice-format") { db in
            try db.alter(table: "customer") { t in t.add(column: "eInvoiceFormat", .text) }
        }
        migrator.registerMigration("v3-dunning") { db in
            try db.alter(table: "note") { t in
                t.add(column: "kind", .text).notNull().defaults(to: "note")
                t.add(column: "invoiceId", .integer).references("invoice", onDelete: .restrict)
                t.add(column: "promisedFor", .text)
            }
            try db.create(table: "dunningLetter") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("invoice", onDelete: .restrict).notNull()
                t.belongsTo("customer", onDelete: .restrict).notNull()
                t.column("invoiceNumber", .text).notNull()
                t.column("step", .text).notNull()
                t.column("status", .text).notNull().indexed()
                t.column("createdOn", .text).notNull()
                t.column("sentOn", .text)
                t.column("skippedOn", .text)
                t.column("deadline", .text)
                t.column("openCents", .integer).notNull()
                t.column("interestCents", .integer).notNull()
                t.column("lumpSumCents", .integer).notNull()
                t.column("costsCents", .integer).notNull()
                t.column("subject", .text).notNull()
                t.column("body", .text).notNull()
                // One letter per step and invoice: running the reminder twice creates nothing twice.
                t.uniqueKey(["invoiceId", "step"])
            }
            try db.create(table: "dunningHold") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("customer", onDelete: .restrict).notNull()
                t.belongsTo("invoice", onDelete: .restrict)
                t.column("until", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("createdOn", .text).notNull()
            }
            try db.create(table: "messageTemplate") { t in
                t.primaryKey("key", .text)
                t.column("text", .text).notNull()
            }
            try db.execute(sql: """
                CREATE TRIGGER dunningLetter_sent_frozen BEFORE UPDATE ON dunningLetter WHEN OLD.status = 'sent'
                BEGIN SELECT RAISE(ABORT, 'a sent reminder is part of the record and cannot be changed'); END;
                """)
        }
        migrator.registerMigration("v4-bank-import") { db in
            try db.create(table: "bankEntry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("identity", .text).notNull().unique()
                t.column("bookingDate", .text).notNull()
                t.column("amountCents", .integer).notNull()
                t.column("isCredit", .boolean).notNull()
                t.column("currency", .text).notNull()
                t.column("counterpartyName", .text)
                t.column("counterpartyIBAN", .text)
                t.column("text", .text).notNull()
                t.column("status", .text).notNull().indexed()
                t.column("invoiceIds", .text).notNull()
                t.column("confidence", .integer).notNull()
                t.column("reason", .text)
                t.column("importedOn", .text).notNull()
                t.column("sourceFile", .text).notNull()
            }
            try db.alter(table: "payment") { t in
                t.add(column: "bankEntryId", .integer).references("bankEntry", onDelete: .restrict)
            }
        }
        migrator.registerMigration("v5-agenda") { db in
            try db.alter(table: "job") { t in t.add(column: "priority", .integer).notNull().defaults(to: 0) }
            try db.create(table: "agendaSlot") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("day", .text).notNull().indexed()
                t.belongsTo("job", onDelete: .cascade).notNull()
                t.column("hours", .integer).notNull()
            }
        }
        migrator.registerMigration("v6-quote-loyalty") { db in
            try db.alter(table: "quote") { t in t.add(column: "loyaltyPercent", .integer).notNull().defaults(to: 0) }
        }
        migrator.registerMigration("web-1-user") { db in
            try db.create(table: "webUser") { t in
                t.primaryKey("name", .text)
                t.column("passwordHash", .text).notNull()
                t.column("changedOn", .text).notNull()
            }
        }
        migrator.registerMigration("v7-book-version") { db in
            // One row counting committed write transactions, so that readers (the web app's Heute) can tell
            // cheaply whether anything changed, also when another process (the CLI) wrote.
            try db.create(table: "bookVersion") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("version", .integer).notNull()
            }
            try db.execute(sql: "INSERT INTO bookVersion (id, version) VALUES (1, 0)")
        }
        migrator.registerMigration("v8-invoice-list-order") { db in
            // The invoice list pages through all invoices newest first: an index in exactly that order lets
            // SQLite stop after the page instead of sorting the whole book for every page.
            try db.execute(sql: """
                CREATE INDEX invoice_list_order ON invoice (COALESCE(issueDate, draftedOn) DESC, id DESC)
                """)
        }
        migrator.registerMigration("v9-payments-reversible") { db in
            // Corrections are new rows: a reversal, credit moved to another invoice, a refund. Each payment keeps
            // how § 367 BGB allocated it, so the balance moves by the principal part only.
            // The first payment table refused negative amounts; SQLite cannot change a CHECK, so the table is
            // rebuilt with the sign tied to the kind (money in is positive, counter-entries are negative).
            try db.create(table: "paymentV9") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("invoice", onDelete: .restrict).notNull()
                t.belongsTo("customer", onDelete: .restrict).notNull()
                t.column("amountCents", .integer).notNull()
                t.column("receivedOn", .text).notNull()
                t.column("note", .text)
                t.belongsTo("bankEntry", onDelete: .restrict)
                t.column("kind", .text).notNull().defaults(to: "received")
                    .check(sql: "kind IN ('received', 'reversal', 'credit-out', 'credit-in', 'refund')")
                t.belongsTo("relatedPayment", inTable: "payment", onDelete: .restrict)
                t.column("toCostsCents", .integer).notNull().defaults(to: 0)
                t.column("toInterestCents", .integer).notNull().defaults(to: 0)
                t.check(sql: """
                    (kind IN ('received', 'credit-in') AND amountCents > 0)
                    OR (kind IN ('reversal', 'credit-out', 'refund') AND amountCents < 0)
                    """)
            }
            try db.execute(sql: """
                INSERT INTO paymentV9 (id, invoiceId, customerId, amountCents, receivedOn, note, bankEntryId)
                SELECT id, invoiceId, customerId, amountCents, receivedOn, note, bankEntryId FROM payment;
                DROP TABLE payment;
                ALTER TABLE paymentV9 RENAME TO payment;
                CREATE UNIQUE INDEX payment_one_reversal ON payment (relatedPaymentId) WHERE kind = 'reversal';
                CREATE TRIGGER payment_no_delete BEFORE DELETE ON payment
                BEGIN SELECT RAISE(ABORT, 'payments are never deleted: record a reversal instead'); END;
                CREATE TRIGGER payment_no_update BEFORE UPDATE ON payment
                BEGIN SELECT RAISE(ABORT, 'payments are never changed: record a reversal instead'); END;
                """)
            try db.create(table: "dunningCharge") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("invoice", onDelete: .restrict).notNull()
                t.belongsTo("customer", onDelete: .restrict).notNull()
                t.column("kind", .text).notNull()
                t.column("amountCents", .integer).notNull()
                t.column("arisenOn", .text).notNull()
                t.belongsTo("letter", inTable: "dunningLetter", onDelete: .restrict)
            }
            try db.execute(sql: """
                CREATE TRIGGER dunningCharge_no_update BEFORE UPDATE ON dunningCharge
                BEGIN SELECT RAISE(ABORT, 'a claimed charge is part of the record and cannot be changed'); END;
                CREATE TRIGGER dunningCharge_no_delete BEFORE DELETE ON dunningCharge
                BEGIN SELECT RAISE(ABORT, 'a claimed charge is part of the record and cannot be deleted'); END;
                """)
        }
        migrator.registerMigration("v10-drafts-deadline-changes") { db in
            // A moved deadline is part of what was agreed with the customer: kept for the timeline.
            try db.create(table: "jobDeadlineChange") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("job", onDelete: .cascade).notNull()
                t.belongsTo("customer", onDelete: .restrict).notNull()
                t.column("changedOn", .text).notNull()
                t.column("previousDeadline", .text)
                t.column("deadline", .text).notNull()
            }
        }
        migrator.registerMigration("v11-today-revision-notes") { db in
            // A revision round holds any number of notes (critique and change requests together): the notes move
            // to their own table, each old round keeps its one note.
            try db.create(table: "revisionNote") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("revision", onDelete: .cascade).notNull()
                t.column("position", .integer).notNull()
                t.column("kind", .text).notNull()
                t.column("text", .text).notNull()
            }
            try db.execute(sql: """
                INSERT INTO revisionNote (revisionId, position, kind, text) SELECT id, 0, kind, note FROM revision;
                ALTER TABLE revision DROP COLUMN kind;
                ALTER TABLE revision DROP COLUMN note;
                """)
        }
        migrator.registerMigration("v12-legal-parties-contact-salutation") { db in
            // Letters greet and address the contact person by salutation and academic title (DIN 5008).
            try db.alter(table: "customer") { t in
                t.add(column: "salutation", .text)
                t.add(column: "academicTitle", .text)
            }
        }
        migrator.registerMigration("v13-mail-outbox") { db in
            // Mail leaves through an outbox: the exact bytes, their state, and what the server said.
            try db.create(table: "outboxMessage") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()
                t.column("recordId", .integer)
                t.belongsTo("customer", onDelete: .restrict)
                t.column("sender", .text).notNull()
                t.column("recipients", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("messageId", .text).notNull().unique()
                t.column("content", .blob).notNull()
                t.column("attachmentNames", .text).notNull()
                t.column("status", .text).notNull()
                t.column("attempts", .integer).notNull()
                t.column("createdAt", .double).notNull()
                t.column("nextAttemptAt", .double)
                t.column("lastError", .text)
                t.column("serverReply", .text)
                t.column("sentAt", .double)
            }
            try db.create(index: "outboxMessage_status", on: "outboxMessage", columns: ["status", "nextAttemptAt"])
            // A sent mail is evidence: what left and what the server answered never change afterwards.
            try db.execute(sql: """
                CREATE TRIGGER outboxMessage_sent_frozen BEFORE UPDATE ON outboxMessage WHEN OLD.status = 'sent'
                BEGIN SELECT RAISE(ABORT, 'a sent mail is never changed'); END;
                CREATE TRIGGER outboxMessage_content_frozen BEFORE UPDATE OF content, recipients, sender, messageId
                ON outboxMessage BEGIN SELECT RAISE(ABORT, 'a queued mail is sent as it was written'); END;
                CREATE TRIGGER outboxMessage_no_delete BEFORE DELETE ON outboxMessage
                BEGIN SELECT RAISE(ABORT, 'mails are never deleted'); END;
                """)
            try db.create(table: "mailSettings") { t in
                t.column("id", .integer).primaryKey().check { $0 == 1 }
                t.column("host", .text).notNull()
                t.column("port", .integer).notNull()
                t.column("security", .text).notNull()
                t.column("username", .text)
                t.column("senderName", .text).notNull()
                t.column("senderAddress", .text).notNull()
                t.column("bcc", .text)
                t.column("trustedCertificatePEM", .text)
                t.column("passwordFile", .text)
            }
        }
        migrator.registerMigration("v14-proposal-quote-delivery-inquiry-contact") { db in
            // A quote promises a date (and a first part's), which accepting it carries into the job; an inquiry
            // names the person who asked, so that the reply greets them.
            try db.alter(table: "quote") { t in
                t.add(column: "deliveryDate", .text)
                t.add(column: "firstPartDate", .text)
            }
            try db.alter(table: "inquiry") { t in
                t.add(column: "contactPerson", .text)
                t.add(column: "salutation", .text)
                t.add(column: "academicTitle", .text)
            }
        }
        migrator.registerMigration("v15-plan-work-log") { db in
            // Hours spent and words written per job and day: the planner plans only the effort that is left.
            try db.create(table: "workLog") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("jobId", .integer).notNull().indexed().references("job", onDelete: .cascade)
                t.column("day", .text).notNull()
                t.column("hours", .integer).notNull().check { $0 > 0 }
                t.column("words", .integer).check { $0 == nil || $0 >= 0 }
            }
        }
        migrator.registerMigration("v16-audit-evidence-triggers") { db in
            // REPLACE, UPDATE and DELETE refused on every table that holds evidence (issue 16).
            try db.execute(sql: EvidenceTriggers.sql)
        }
        migrator.registerMigration("v17-audit-journal") { db in
            // The chained journal of every change; its triggers on the book's tables are installed (and kept in
            // step with later migrations) by `AuditTriggers` after migrating.
            try db.execute(sql: AuditJournal.schemaSQL)
        }
        migrator.registerMigration("v18-websec-web-sessions") { db in
            // Signed-in web sessions live in the book: a restart keeps them, and no flood of anonymous requests
            // can push one out of a memory store. Only a hash of the cookie is kept; a new password ends them.
            try db.create(table: "webSession") { t in
                t.primaryKey("tokenHash", .text)
                t.column("user", .text).notNull().references("webUser", column: "name", onDelete: .cascade)
                t.column("csrfToken", .text).notNull()
                t.column("createdAt", .integer).notNull()
                t.column("lastSeenAt", .integer).notNull()
                t.column("expiresAt", .integer).notNull().indexed()
            }
        }
        migrator.registerMigration("v19-mail-inbox") { db in
            // Received mail imported into the book: what each became (an inquiry or a note), the sent mail it
            // answers, and the suggestion offered until the writer takes it over. The same mail is imported once:
            // by its Message-ID, or by the hash of its bytes when it has none.
            try db.create(table: "importedMail") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("messageId", .text).unique()
                t.column("rawHash", .text).notNull().indexed()
                t.column("fromAddress", .text).notNull()
                t.column("fromName", .text)
                t.column("subject", .text).notNull()
                t.column("receivedAt", .double).notNull()
                t.belongsTo("customer", onDelete: .restrict).notNull()
                t.belongsTo("inquiry", onDelete: .restrict)
                t.belongsTo("note", onDelete: .restrict)
                t.column("outboxMessageId", .integer).references("outboxMessage", onDelete: .restrict)
                t.belongsTo("invoice", onDelete: .restrict)
                t.column("suggestion", .text)
                t.column("suggestedDay", .text)
                t.column("acceptedNoteId", .integer).references("note", onDelete: .restrict)
                t.column("attachmentNames", .text).notNull()
                t.column("raw", .blob).notNull()
            }
            // The mail is evidence as it arrived: only taking over its suggestion is written later.
            try db.execute(sql: """
                CREATE TRIGGER importedMail_frozen BEFORE UPDATE OF id, messageId, rawHash, fromAddress, fromName,
                subject, receivedAt, customerId, inquiryId, noteId, outboxMessageId, invoiceId, suggestion,
                suggestedDay, attachmentNames, raw ON importedMail
                BEGIN SELECT RAISE(ABORT, 'an imported mail is kept as it arrived'); END;
                CREATE TRIGGER importedMail_no_delete BEFORE DELETE ON importedMail
                BEGIN SELECT RAISE(ABORT, 'imported mails are never deleted'); END;
                CREATE TRIGGER importedMail_no_replace BEFORE INSERT ON importedMail
                WHEN EXISTS (SELECT 1 FROM importedMail WHERE id = NEW.id OR messageId = NEW.messageId)
                BEGIN SELECT RAISE(ABORT, 'imported mails are never replaced'); END;
                """)
        }
        migrator.registerMigration("v20-list-indexes") { db in
            // Lists read one page in their order: newest payments, the review queue by booking day, the latest
            // decided inquiries, quotes and jobs newest first.
            try db.execute(sql: """
                CREATE INDEX payment_list_order ON payment (receivedOn DESC, id DESC);
                CREATE INDEX bankEntry_status_order ON bankEntry (status, bookingDate, id);
                CREATE INDEX inquiry_status_closed ON inquiry (status, closedOn DESC, id DESC);
                CREATE INDEX quote_list_order ON quote (createdOn DESC, id DESC);
                CREATE INDEX job_list_order ON job (COALESCE(deadline, '9999-12-31'), id);
                CREATE INDEX job_status_delivered ON job (status, deliveredOn);
                CREATE INDEX dunningLetter_list_order ON dunningLetter (createdOn DESC, id DESC);
                CREATE INDEX invoice_issueDate ON invoice (issueDate);
                CREATE INDEX inquiry_receivedOn ON inquiry (receivedOn);
                """)
        }
        migrator.registerMigration("v21-report-indexes") { db in
            // The reports read a year of inquiries and invoices from these indexes alone (covering), not from the
            // rows they point to: at scale 100 a year is 60,000 of each. The new invoice page asks for each job of
            // the last 90 days (13,000) whether it has an invoice: answered from the index too.
            try db.execute(sql: """
                DROP INDEX inquiry_receivedOn;
                CREATE INDEX inquiry_received_tally ON inquiry (receivedOn, channel, status, answeredOn);
                DROP INDEX invoice_issueDate;
                CREATE INDEX invoice_issued_gross ON invoice (issueDate, kind, grossCents);
                CREATE INDEX invoiceBalance_cancelled ON invoiceBalance (invoiceId) WHERE cancelledByNumber IS NOT NULL;
                DROP INDEX inquiry_on_status;
                CREATE INDEX inquiry_status_received ON inquiry (status, receivedOn);
                DROP INDEX invoice_on_jobId;
                CREATE INDEX invoice_job_kind ON invoice (jobId, kind) WHERE jobId IS NOT NULL;
                """)
        }
        migrator.registerMigration("v22-audit-bulk-and-schema-check") { db in
            // `bulkTable`: the table whose inserts the current statement journals itself, many rows in one entry
            // (`AuditJournal.insertInBulk`; unused since bulk inserts set the insert trigger aside instead,
            // `AuditJournal+StandAside`, and no longer in the triggers installed after). `checkedSchema`: the
            // fingerprint of the schema at which the journal's triggers were last found current
            // (`AuditTriggers.areCurrent`).
            try db.execute(sql: """
                ALTER TABLE auditContext ADD COLUMN bulkTable TEXT;
                ALTER TABLE auditContext ADD COLUMN checkedSchema TEXT;
                """)
        }
        migrator.registerMigration("v23-inquiry-work-order") { db in
            // The open inquiries in the order they are worked through (`Inquiry.workOrder`: calls first, then the
            // oldest), so that the morning list and the board read one window instead of sorting them all.
            try db.execute(sql: """
                CREATE INDEX inquiry_work_order ON inquiry (status, channel = 'phone' DESC, receivedOn, id)
                """)
        }
        migrator.registerMigration("v24-lean-bank-entries") { db in
            // Less work per stored bank entry: `bankEntry_status_order` serves every status filter the status index
            // served, and the REPLACE guard looks up id and identity separately.
            try db.execute(sql: """
                DROP INDEX bankEntry_on_status;
                DROP TRIGGER bankEntry_no_replace;
                \(EvidenceTriggers.bankEntryNoReplace)
                """)
        }
        migrator.registerMigration("v25-user-roles") { db in
            // Several people in one book (issue 17 part 4): every user had every right so far, so existing users
            // become owners. `approvedBy` names who approved a Mahnung in the web app ("freigegeben von …").
            try db.execute(sql: """
                ALTER TABLE webUser ADD COLUMN role TEXT NOT NULL DEFAULT 'owner'
                    CHECK (role IN ('owner', 'writer', 'assistant'));
                ALTER TABLE dunningLetter ADD COLUMN approvedBy TEXT;
                """)
        }
        migrator.registerMigration("v26-who-issued-and-booked") { db in
            // Who issued an invoice and who booked a payment, when someone signed in to the web app did: the
            // timeline says so ("ausgestellt von …", "gebucht von …"), as it does for an approved Mahnung.
            try db.execute(sql: """
                ALTER TABLE invoice ADD COLUMN issuedBy TEXT;
                ALTER TABLE payment ADD COLUMN recordedBy TEXT;
                """)
        }
        migrator.registerMigration("v27-who-drafted-and-created") { db in
            // A writer changes only the invoice drafts they drafted (issue 17): the draft keeps who that was.
            // Drafts made before are the owner's (nil), as everything done at the machine is. Inquiries, quotes,
            // jobs and notes keep who created them, for the timeline ("erfasst von …").
            try db.execute(sql: """
                ALTER TABLE invoice ADD COLUMN draftedBy TEXT;
                ALTER TABLE inquiry ADD COLUMN createdBy TEXT;
                ALTER TABLE quote ADD COLUMN createdBy TEXT;
                ALTER TABLE job ADD COLUMN createdBy TEXT;
                ALTER TABLE note ADD COLUMN createdBy TEXT;
                """)
        }
        migrator.registerMigration("v28-writers-plan") { db in
            // A job may be assigned to a writer, whose own writing hours and vacations plan it (issue 17).
            try db.execute(sql: """
                ALTER TABLE job ADD COLUMN writer TEXT;
                ALTER TABLE webUser ADD COLUMN capacityJSON TEXT;
                """)
        }
        return migrator
    }
}

/// The database's own guarantee that issued invoices stay as they were issued (GoBD): even a program
/// that bypasses Kontor's code cannot change or delete them or their lines.
enum ImmutabilityTriggers {
    static let message = "issued invoices are immutable: cancel with a cancellation invoice instead"
    static let sql = """
        CREATE TRIGGER invoice_issued_no_update BEFORE UPDATE ON invoice WHEN OLD.number IS NOT NULL
        BEGIN SELECT RAISE(ABORT, '\(message)'); END;
        CREATE TRIGGER invoice_issued_no_delete BEFORE DELETE ON invoice WHEN OLD.number IS NOT NULL
        BEGIN SELECT RAISE(ABORT, '\(message)'); END;
        CREATE TRIGGER invoiceLine_frozen_update BEFORE UPDATE ON invoiceLine
        WHEN (SELECT number FROM invoice WHERE id = OLD.invoiceId) IS NOT NULL
          OR (SELECT number FROM invoice WHERE id = NEW.invoiceId) IS NOT NULL
        BEGIN SELECT RAISE(ABORT, '\(message)'); END;
        CREATE TRIGGER invoiceLine_frozen_delete BEFORE DELETE ON invoiceLine
        WHEN (SELECT number FROM invoice WHERE id = OLD.invoiceId) IS NOT NULL
        BEGIN SELECT RAISE(ABORT, '\(message)'); END;
        CREATE TRIGGER invoiceLine_frozen_insert BEFORE INSERT ON invoiceLine
        WHEN (SELECT number FROM invoice WHERE id = NEW.invoiceId) IS NOT NULL
        BEGIN SELECT RAISE(ABORT, '\(message)'); END;
        CREATE TRIGGER payment_no_delete BEFORE DELETE ON payment
        BEGIN SELECT RAISE(ABORT, 'payments are never deleted: record a correction instead'); END;
        """
}
