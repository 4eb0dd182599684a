import Foundation
import KontorApp
import KontorCore

/// The changes, with the SQLite store's refusals: its triggers become `StoreError.immutable` with the trigger's
/// words, its key and check constraints `StoreError.failed`.
extension InMemoryBook {
    /// A refusal of the SQLite store's evidence triggers.
    func immutable(_ detail: String) -> StoreError { .immutable(detail: detail) }

    /// A constraint SQLite enforces (unique key, foreign key, check): the engine's failure.
    func constraint(_ detail: String) -> StoreError { .failed(detail: detail) }

    static let issuedMessage = "an issued invoice is part of the record and cannot be changed"

    // MARK: - Profile, customers, work

    func save(profile: BusinessProfile) throws { state.profile = profile }

    func keep(document: KeptDocument) throws {
        // Once per record and content (the SQLite store compares SHA-256 hashes of the same bytes).
        guard !state.keptDocuments.contains(where: { $0.record == document.record && $0.data == document.data })
        else { return }
        state.keptDocuments.append(document)
    }

    /// Refuses a new row whose id is taken (SQLite's primary key).
    func requireNew<Row>(_ id: Int64, in rows: [Int64: Row], _ table: String) throws {
        if id != 0, rows[id] != nil { throw constraint("UNIQUE constraint failed: \(table).id") }
    }

    /// Refuses a change to a row that is not there (GRDB's `update` reports the record as not found).
    func requireExisting<Row>(_ id: Int64, in rows: [Int64: Row], _ table: String) throws {
        if rows[id] == nil { throw constraint("\(table) \(id) not found") }
    }

    /// Refuses a reference to a row that is not there (SQLite's foreign keys).
    func requireReference<Row>(_ id: Int64?, in rows: [Int64: Row], _ table: String) throws {
        if let id, rows[id] == nil { throw constraint("FOREIGN KEY constraint failed (\(table) \(id))") }
    }

    func insert(customer: Customer) throws -> Customer {
        try requireNew(customer.id, in: state.customers, "customer")
        var stored = customer
        stored.id = state.newId(.customer, requested: customer.id)
        state.customers[stored.id] = stored
        return stored
    }

    func update(customer: Customer) throws {
        try requireExisting(customer.id, in: state.customers, "customer")
        state.customers[customer.id] = customer
    }

    func insert(inquiry: Inquiry) throws -> Inquiry {
        try requireNew(inquiry.id, in: state.inquiries, "inquiry")
        try requireReference(inquiry.customerId, in: state.customers, "customer")
        var stored = inquiry
        stored.id = state.newId(.inquiry, requested: inquiry.id)
        state.inquiries[stored.id] = stored
        return stored
    }

    func update(inquiry: Inquiry) throws {
        try requireExisting(inquiry.id, in: state.inquiries, "inquiry")
        try requireReference(inquiry.customerId, in: state.customers, "customer")
        state.inquiries[inquiry.id] = inquiry
    }

    func insert(quote: Quote) throws -> Quote {
        try requireNew(quote.id, in: state.quotes, "quote")
        try requireReference(quote.customerId, in: state.customers, "customer")
        try requireReference(quote.inquiryId, in: state.inquiries, "inquiry")
        var stored = quote
        stored.id = state.newId(.quote, requested: quote.id)
        state.quotes[stored.id] = stored
        return stored
    }

    func update(quote: Quote) throws {
        try requireExisting(quote.id, in: state.quotes, "quote")
        try requireReference(quote.inquiryId, in: state.inquiries, "inquiry")
        state.quotes[quote.id] = quote
    }

    func deleteQuote(id: Int64) throws {
        // Jobs and invoices keep their quote (ON DELETE RESTRICT); its lines go with it.
        if state.jobs.values.contains(where: { $0.quoteId == id })
            || state.invoices.values.contains(where: { $0.quoteId == id })
        {
            throw constraint("FOREIGN KEY constraint failed (quote \(id) is referred to)")
        }
        state.quotes[id] = nil
    }

    func insert(job: Job) throws -> Job {
        try requireNew(job.id, in: state.jobs, "job")
        try requireReference(job.customerId, in: state.customers, "customer")
        try requireReference(job.quoteId, in: state.quotes, "quote")
        var stored = job
        stored.id = state.newId(.job, requested: job.id)
        state.jobs[stored.id] = stored
        return stored
    }

    func update(job: Job) throws {
        try requireExisting(job.id, in: state.jobs, "job")
        try requireReference(job.quoteId, in: state.quotes, "quote")
        state.jobs[job.id] = job
    }

    func insert(deadlineChange change: DeadlineChange) throws {
        try requireReference(change.jobId, in: state.jobs, "job")
        state.deadlineChanges.append((state.newId(.deadlineChange), change))
    }

    func insert(workLog: WorkLog) throws -> WorkLog {
        try requireReference(workLog.jobId, in: state.jobs, "job")
        var stored = workLog
        stored.id = state.newId(.workLog)
        state.workLogs[stored.id] = stored
        return stored
    }

    func replaceAgenda(_ slots: [PlanSlot]) throws {
        state.agenda = slots.map { (state.newId(.agendaSlot), $0) }
    }

    func insert(note: Note) throws -> Note {
        try requireNew(note.id, in: state.notes, "note")
        try requireReference(note.customerId, in: state.customers, "customer")
        try requireReference(note.invoiceId, in: state.invoices, "invoice")
        var stored = note
        stored.id = state.newId(.note, requested: note.id)
        state.notes[stored.id] = stored
        return stored
    }

    // MARK: - Invoices

    /// The invoice as stored: without the balance's side, which `assembled` adds when it is read.
    static func frozenPart(_ invoice: Invoice) -> Invoice {
        var stored = invoice
        stored.paid = .zero
        stored.isCancelled = false
        stored.cancelledByNumber = nil
        return stored
    }

    /// The triggers on `invoice` and `invoiceLine`: nothing of an issued invoice changes or goes.
    func requireDraft(_ id: Int64) throws {
        if state.invoices[id]?.number != nil { throw immutable(Self.issuedMessage) }
    }

    func insert(draft: Invoice) throws -> Invoice {
        if draft.id != 0, state.invoices[draft.id]?.number != nil { throw immutable(Self.issuedMessage) }
        try requireNew(draft.id, in: state.invoices, "invoice")
        try requireReference(draft.customerId, in: state.customers, "customer")
        try requireReference(draft.jobId, in: state.jobs, "job")
        try requireReference(draft.quoteId, in: state.quotes, "quote")
        try requireReference(draft.cancelsInvoiceId, in: state.invoices, "invoice")
        if let number = draft.number, state.invoices.values.contains(where: { $0.number == number }) {
            throw immutable(Self.issuedMessage)
        }
        var stored = draft
        stored.id = state.newId(.invoice, requested: draft.id)
        state.invoices[stored.id] = Self.frozenPart(stored)
        return stored
    }

    func update(draft: Invoice) throws {
        try requireDraft(draft.id)
        try requireExisting(draft.id, in: state.invoices, "invoice")
        try requireUniqueNumber(draft)
        state.invoices[draft.id] = Self.frozenPart(draft)
    }

    /// `invoice.number` is UNIQUE.
    func requireUniqueNumber(_ invoice: Invoice) throws {
        guard let number = invoice.number else { return }
        if state.invoices.values.contains(where: { $0.number == number && $0.id != invoice.id }) {
            throw constraint("UNIQUE constraint failed: invoice.number")
        }
    }

    func nextCounter(series: String) throws -> Int {
        let next = (state.counters[series] ?? 0) + 1
        state.counters[series] = next
        return next
    }

    func recordIssue(of invoice: Invoice) throws {
        try requireDraft(invoice.id)
        try requireExisting(invoice.id, in: state.invoices, "invoice")
        try requireUniqueNumber(invoice)
        guard let dueDate = invoice.dueDate else {
            throw constraint("NOT NULL constraint failed: invoiceBalance.dueDate")
        }
        if state.balances[invoice.id] != nil {
            throw immutable("this row is part of the record: REPLACE would delete it and is refused")
        }
        state.invoices[invoice.id] = Self.frozenPart(invoice)
        state.balances[invoice.id] = StoredBalance(
            customerId: invoice.customerId, dueDate: dueDate, balance: InvoiceBalance(issued: invoice))
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
        guard var stored = state.balances[invoiceId] else {
            throw StoreError.corrupt(detail: "invoice \(invoiceId) has no balance")
        }
        if let earlier = stored.balance.cancelledByNumber, earlier != number {
            throw immutable("a balance changes only by payments and a cancellation")
        }
        stored.balance.cancel(byNumber: number)
        state.balances[invoiceId] = stored
    }

    func deleteDraft(id: Int64) throws {
        try requireDraft(id)
        let referred =
            state.payments.values.contains { $0.invoiceId == id }
            || state.dunningLetters.values.contains { $0.invoiceId == id }
            || state.dunningCharges.values.contains { $0.invoiceId == id }
            || state.dunningHolds.values.contains { $0.invoiceId == id }
            || state.notes.values.contains { $0.invoiceId == id }
            || state.invoices.values.contains { $0.cancelsInvoiceId == id }
        if referred { throw constraint("FOREIGN KEY constraint failed (invoice \(id) is referred to)") }
        state.invoices[id] = nil
    }

    // MARK: - Payments and dunning

    func insert(payment: Payment) throws -> Payment {
        if payment.id != 0, state.payments[payment.id] != nil {
            throw immutable("payments are never changed: record a reversal instead")
        }
        if payment.kind == .reversal,
            state.payments.values.contains(where: {
                $0.kind == .reversal && $0.relatedPaymentId == payment.relatedPaymentId
            })
        {
            throw immutable("payments are never changed: record a reversal instead")
        }
        // The CHECK that ties the sign to the kind.
        let positive = payment.kind == .received || payment.kind == .creditIn
        if positive ? payment.amount.cents <= 0 : payment.amount.cents >= 0 {
            throw constraint("CHECK constraint failed: payment")
        }
        try requireReference(payment.invoiceId, in: state.invoices, "invoice")
        try requireReference(payment.customerId, in: state.customers, "customer")
        try requireReference(payment.bankEntryId, in: state.bankEntries, "bankEntry")
        try requireReference(payment.relatedPaymentId, in: state.payments, "payment")
        guard var stored = state.balances[payment.invoiceId] else {
            throw StoreError.corrupt(detail: "invoice \(payment.invoiceId) has no balance")
        }
        var kept = payment
        kept.id = state.newId(.payment, requested: payment.id)
        state.payments[kept.id] = kept
        stored.balance.book(kept)
        state.balances[payment.invoiceId] = stored
        return kept
    }

    func insert(dunningCharge: DunningCharge) throws -> DunningCharge {
        if dunningCharge.id != 0, state.dunningCharges[dunningCharge.id] != nil {
            throw immutable("a claimed charge is part of the record and cannot be changed")
        }
        try requireReference(dunningCharge.invoiceId, in: state.invoices, "invoice")
        try requireReference(dunningCharge.letterId, in: state.dunningLetters, "dunningLetter")
        var stored = dunningCharge
        stored.id = state.newId(.dunningCharge, requested: dunningCharge.id)
        state.dunningCharges[stored.id] = stored
        return stored
    }

    static let sentLetterMessage = "a sent reminder is part of the record and cannot be changed"

    func insert(dunningLetter: DunningLetter) throws -> DunningLetter {
        let sameStep = state.dunningLetters.values.filter {
            $0.id == dunningLetter.id || ($0.invoiceId == dunningLetter.invoiceId && $0.step == dunningLetter.step)
        }
        if sameStep.contains(where: { $0.status == .sent }) { throw immutable(Self.sentLetterMessage) }
        if !sameStep.isEmpty {
            throw constraint("UNIQUE constraint failed: dunningLetter.invoiceId, dunningLetter.step")
        }
        try requireReference(dunningLetter.invoiceId, in: state.invoices, "invoice")
        var stored = dunningLetter
        stored.id = state.newId(.dunningLetter, requested: dunningLetter.id)
        state.dunningLetters[stored.id] = stored
        return stored
    }

    func update(dunningLetter: DunningLetter) throws {
        try requireExisting(dunningLetter.id, in: state.dunningLetters, "dunningLetter")
        if state.dunningLetters[dunningLetter.id]?.status == .sent { throw immutable(Self.sentLetterMessage) }
        if state.dunningLetters.values.contains(where: {
            $0.id != dunningLetter.id && $0.invoiceId == dunningLetter.invoiceId && $0.step == dunningLetter.step
        }) {
            throw constraint("UNIQUE constraint failed: dunningLetter.invoiceId, dunningLetter.step")
        }
        state.dunningLetters[dunningLetter.id] = dunningLetter
    }

    func insert(dunningHold: DunningHold) throws -> DunningHold {
        try requireNew(dunningHold.id, in: state.dunningHolds, "dunningHold")
        try requireReference(dunningHold.customerId, in: state.customers, "customer")
        try requireReference(dunningHold.invoiceId, in: state.invoices, "invoice")
        var stored = dunningHold
        stored.id = state.newId(.dunningHold, requested: dunningHold.id)
        state.dunningHolds[stored.id] = stored
        return stored
    }

    func save(messageTemplate text: String, key: String) throws { state.messageTemplates[key] = text }

    func removeMessageTemplate(key: String) throws { state.messageTemplates[key] = nil }

    // MARK: - Users and sessions

    func save(webUser: WebUser) throws { state.webUsers[webUser.name] = webUser }

    func insert(webSession: StoredWebSession) throws {
        if state.webUsers[webSession.user] == nil { throw constraint("FOREIGN KEY constraint failed (webUser)") }
        if state.webSessions[webSession.tokenHash] != nil {
            throw constraint("UNIQUE constraint failed: webSession.tokenHash")
        }
        state.webSessions[webSession.tokenHash] = webSession
    }

    func touchWebSession(tokenHash: String, lastSeenAt: Int64, expiresAt: Int64) throws {
        state.webSessions[tokenHash]?.lastSeenAt = lastSeenAt
        state.webSessions[tokenHash]?.expiresAt = expiresAt
    }

    func deleteWebSession(tokenHash: String) throws { state.webSessions[tokenHash] = nil }

    func deleteWebSessions(user: String) throws {
        state.webSessions = state.webSessions.filter { $0.value.user != user }
    }

    func deleteWebSessions(expiredBefore time: Int64) throws {
        state.webSessions = state.webSessions.filter { $0.value.expiresAt > time }
    }

    // MARK: - Bank

    private func insert(bankEntry: BankEntry) throws -> BankEntry {
        if state.bankIdentities.contains(bankEntry.identity)
            || (bankEntry.id != 0 && state.bankEntries[bankEntry.id] != nil)
        {
            throw immutable("this row is part of the record: REPLACE would delete it and is refused")
        }
        var stored = bankEntry
        stored.id = state.newId(.bankEntry, requested: bankEntry.id)
        state.bankEntries[stored.id] = stored
        state.bankIdentities.insert(stored.identity)
        return stored
    }

    func insert(bankEntries: [BankEntry]) throws {
        for entry in bankEntries { _ = try insert(bankEntry: entry) }
    }

    func update(bankEntry: BankEntry) throws {
        guard let stored = state.bankEntries[bankEntry.id] else {
            throw constraint("bankEntry \(bankEntry.id) not found")
        }
        // Only the review changes: status, the invoices it paid, confidence and reason.
        var reviewed = stored
        reviewed.status = bankEntry.status
        reviewed.invoiceIds = bankEntry.invoiceIds
        reviewed.confidence = bankEntry.confidence
        reviewed.reason = bankEntry.reason
        guard reviewed == bankEntry else {
            throw immutable("a bank entry keeps what the bank said: only its review can change")
        }
        state.bankEntries[bankEntry.id] = reviewed
    }

    // MARK: - Mail

    func insert(outboxMessage: OutboxMessage) throws -> OutboxMessage {
        if state.outbox.values.contains(where: { $0.messageId == outboxMessage.messageId })
            || (outboxMessage.id != 0 && state.outbox[outboxMessage.id] != nil)
        {
            throw immutable("this row is part of the record: REPLACE would delete it and is refused")
        }
        try requireReference(outboxMessage.customerId, in: state.customers, "customer")
        var stored = outboxMessage
        stored.id = state.newId(.outboxMessage, requested: outboxMessage.id)
        state.outbox[stored.id] = stored
        return stored
    }

    func update(outboxMessage: OutboxMessage) throws {
        // Only the delivery's state; the content stays as queued (the SQLite store writes only these columns).
        guard var stored = state.outbox[outboxMessage.id] else { return }
        if stored.status == .sent { throw immutable("a sent mail is never changed") }
        stored.status = outboxMessage.status
        stored.attempts = outboxMessage.attempts
        stored.nextAttemptAt = outboxMessage.nextAttemptAt
        stored.lastError = outboxMessage.lastError
        stored.serverReply = outboxMessage.serverReply
        stored.sentAt = outboxMessage.sentAt
        state.outbox[outboxMessage.id] = stored
    }

    func save(mailSettings: MailSettings) throws { state.mailSettings = mailSettings }

    func insert(importedMail: ImportedMail) throws -> ImportedMail {
        if (importedMail.id != 0 && state.importedMails[importedMail.id] != nil)
            || (importedMail.messageId != nil
                && state.importedMails.values.contains(where: { $0.messageId == importedMail.messageId }))
        {
            throw immutable("imported mails are never replaced")
        }
        try requireReference(importedMail.customerId, in: state.customers, "customer")
        try requireReference(importedMail.inquiryId, in: state.inquiries, "inquiry")
        try requireReference(importedMail.noteId, in: state.notes, "note")
        try requireReference(importedMail.acceptedNoteId, in: state.notes, "note")
        try requireReference(importedMail.outboxMessageId, in: state.outbox, "outboxMessage")
        try requireReference(importedMail.invoiceId, in: state.invoices, "invoice")
        var stored = importedMail
        stored.id = state.newId(.importedMail, requested: importedMail.id)
        // File names are kept one per line; the caller gets back what it gave, with the new id.
        var kept = stored
        kept.attachmentNames = importedMail.attachmentNames.map { $0.replacingOccurrences(of: "\n", with: " ") }
        state.importedMails[stored.id] = kept
        return stored
    }

    func markSuggestionAccepted(importedMailId: Int64, noteId: Int64) throws {
        guard let mail = state.importedMails[importedMailId], mail.acceptedNoteId == nil else { return }
        try requireReference(noteId, in: state.notes, "note")
        state.importedMails[importedMailId]?.acceptedNoteId = noteId
    }
}
