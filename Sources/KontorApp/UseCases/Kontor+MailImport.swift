public import Foundation
public import KontorCore
import Crypto
import KontorDocuments
import KontorMailReader

/// One received message handed to the import, with where it came from (a file, or a file and its position in an
/// mbox), so a message that cannot be read is named.
public struct MailFile: Sendable, Equatable {
    public var source: String
    public var bytes: [UInt8]

    /// Creates a message to import.
    public init(source: String, bytes: [UInt8]) {
        self.source = source
        self.bytes = bytes
    }
}

/// What an import did with each message.
public struct MailImportReport: Sendable, Equatable {
    /// What one message became.
    public enum Outcome: Sendable, Equatable {
        /// A new inquiry by e-mail (and a new prospect when `createdCustomer`).
        case inquiry(inquiryId: Int64, customerId: Int64, createdCustomer: Bool)
        /// A note in a known customer's timeline, linked to the sent mail it answers.
        case note(noteId: Int64, customerId: Int64, answers: OutboxMessage.Kind?, recordId: Int64?, invoiceId: Int64?)
        /// Imported before: nothing written.
        case duplicate
        /// Not a readable mail, or nothing Kontor can file: nothing written for it.
        case refused(MailRefusal)
    }

    /// One message.
    public struct Item: Sendable, Equatable {
        public var source: String
        public var from: String
        public var subject: String
        public var outcome: Outcome
        /// The row of the imported mail (nil for duplicates and refusals).
        public var importedMailId: Int64?
        /// What is offered for one click on the customer's page.
        public var suggestion: MailSuggestion?
    }

    public var items: [Item]

    public var inquiries: Int { items.filter { if case .inquiry = $0.outcome { true } else { false } }.count }
    public var notes: Int { items.filter { if case .note = $0.outcome { true } else { false } }.count }
    public var duplicates: Int { items.filter { $0.outcome == .duplicate }.count }
    public var refused: Int { items.filter { if case .refused = $0.outcome { true } else { false } }.count }
}

/// How the writer takes over a mail's suggestion (the day of a promise can be corrected first).
public enum SuggestionChoice: Sendable, Equatable {
    case promise(until: Day)
    case objection
}

extension Kontor {
    /// The messages at `path`: one `.eml` file, an mbox file or a Maildir folder (or a folder of `.eml` files).
    /// - Throws: when the path cannot be read or an mbox is malformed as a whole.
    public static func mailFiles(at path: String) throws -> [MailFile] {
        do {
            return try Mailbox.messages(at: path).map { MailFile(source: $0.source, bytes: $0.bytes) }
        } catch let error as MailReadError {
            throw AppError.unreadableMailbox(path: path, problem: error)
        }
    }

    /// The messages in uploaded files: an mbox (starting with a `From ` line) is split, any other file is one mail.
    public static func mailFiles(uploaded files: [MailFile]) -> [MailFile] {
        files.flatMap { file -> [MailFile] in
            guard file.bytes.starts(with: Array("From ".utf8)) else { return [file] }
            do {
                return try Mailbox.mbox(file.bytes, source: file.source).map {
                    MailFile(source: $0.source, bytes: $0.bytes)
                }
            } catch {
                // Refused by the import below with the reader's reason.
                return [file]
            }
        }
    }

    /// Imports received mail: an unknown sender becomes an inquiry by e-mail (received on the `Date` header's
    /// day, with the subject, the text and the attachments kept), a known customer's mail a note in their timeline,
    /// linked to the quote, invoice or reminder it answers, with a promise or objection offered for one click.
    /// A mail imported before is skipped. Messages that cannot be read are refused by position; the rest are
    /// written in one transaction, so an error writing them leaves nothing half-written.
    public func importMail(_ messages: [MailFile], now: Date) async throws -> MailImportReport {
        let reader = MailReader()
        var slots: [(source: String, result: Result<ReceivedMail, MailReadError>)] = []
        for message in messages {
            do throws(MailReadError) {
                slots.append((message.source, .success(try reader.read(message.bytes))))
            } catch {
                slots.append((message.source, .failure(error)))
            }
        }
        let parsed = slots
        let items = try await store.write { book in
            var seen = Set<String>()
            return try parsed.map { source, result in
                switch result {
                case .failure(let error):
                    return MailImportReport.Item(
                        source: source, from: "", subject: "", outcome: .refused(.unreadable(error)))
                case .success(let mail):
                    return try book.file(mail, source: source, now: now, seen: &seen)
                }
            }
        }
        return MailImportReport(items: items)
    }

    /// Imported mails, newest first (of one customer, or all).
    public func importedMails(customerId: Int64? = nil, limit: Int? = nil) async throws -> [ImportedMail] {
        try await store.read { try $0.importedMails(customerId: customerId, limit: limit) }
    }

    /// Takes over an imported mail's suggestion: writes the promise (until the day given, which the writer may
    /// have corrected) or the objection as a note in the customer's timeline, concerning the invoice the mail
    /// answers. Nothing is applied before this call.
    /// - Throws: `AppError.notFound` for an unknown mail, `.input` when it was taken over already.
    public func acceptSuggestion(importedMailId: Int64, as choice: SuggestionChoice) async throws -> Note {
        try await store.write { book in
            guard let mail = try book.importedMail(id: importedMailId) else {
                throw AppError.notFound(.importedMail, id: "\(importedMailId)")
            }
            guard mail.acceptedNoteId == nil else {
                throw WorkflowError.suggestionTaken
            }
            let day = Day(mail.receivedAt)
            let note: Note
            switch choice {
            case .promise(let until):
                note = Note(
                    customerId: mail.customerId, writtenOn: day, text: "Zahlungszusage per E-Mail: \(mail.subject)",
                    kind: .promise, invoiceId: mail.invoiceId, promisedFor: until)
            case .objection:
                note = Note(
                    customerId: mail.customerId, writtenOn: day, text: "Einwand per E-Mail: \(mail.subject)",
                    kind: .objection, invoiceId: mail.invoiceId)
            }
            let stored = try book.insert(note: note)
            try book.markSuggestionAccepted(importedMailId: mail.id, noteId: stored.id)
            return stored
        }
    }
}

extension BookWriter {
    /// The longest mail text kept in an inquiry's or a note's text; the whole mail stays in `importedMail.raw`.
    static var keptTextLength: Int { 20_000 }

    /// Files one read mail inside the import's transaction.
    fileprivate func file(_ mail: ReceivedMail, source: String, now: Date, seen: inout Set<String>) throws
        -> MailImportReport.Item
    {
        let hash = SHA256.hash(data: mail.raw).map { String(format: "%02x", $0) }.joined()
        let facts = IncomingMail(
            messageId: mail.messageID, rawHash: hash, fromAddress: mail.from?.address,
            answeredMessageIds: mail.answeredMessageIDs)
        let address = mail.from?.address.trimmingCharacters(in: .whitespaces) ?? ""
        var item = MailImportReport.Item(source: source, from: address, subject: mail.subject, outcome: .duplicate)
        let imported = try !seen.insert(facts.identity).inserted
            || isMailImported(messageId: facts.messageId, rawHash: hash)
        let known = address.isEmpty ? nil : try customer(email: address)
        let sent = try sentReferences(Set(facts.answeredMessageIds))
        let outcome = MailTriage.decide(facts, isImported: imported, customerId: { _ in known?.id }, sent: sent)
        let receivedAt = mail.date ?? now
        let day = Day(receivedAt)
        let subject = oneLine(mail.subject)
        let text = String(mail.text.prefix(Self.keptTextLength))
        var record = ImportedMail(
            messageId: facts.messageId, rawHash: hash, fromAddress: address,
            fromName: mail.from?.name.map(oneLine), subject: subject, receivedAt: receivedAt,
            customerId: 0, attachmentNames: mail.attachments.map(\.fileName), raw: mail.raw)
        switch outcome {
        case .duplicate:
            return item
        case .inquiry:
            guard (try? EmailAddress(address)) != nil else {
                item.outcome = .refused(.noSenderAddress)
                return item
            }
            let customer = try insert(customer: prospect(name: record.fromName, address: address, on: day))
            let inquiry = try insert(inquiry: Inquiry(
                customerId: customer.id, channel: .email, receivedOn: day,
                subject: subject.isEmpty ? "E-Mail von \(address)" : subject, note: text.isEmpty ? nil : text))
            record.customerId = customer.id
            record.inquiryId = inquiry.id
            item.outcome = .inquiry(inquiryId: inquiry.id, customerId: customer.id, createdCustomer: true)
        case .note(let customerId, let answers):
            let note = try insert(note: Note(
                customerId: customerId, writtenOn: day, text: "E-Mail: \(subject)\n\n\(text)",
                kind: .note, invoiceId: answers?.invoiceId))
            record.customerId = customerId
            record.noteId = note.id
            record.outboxMessageId = answers?.outboxMessageId
            record.invoiceId = answers?.invoiceId
            record.suggestion = MailSuggestion.detect(in: mail.text, receivedOn: day)
            item.outcome = .note(
                noteId: note.id, customerId: customerId, answers: answers?.kind, recordId: answers?.recordId,
                invoiceId: answers?.invoiceId)
        }
        let stored = try insert(importedMail: record)
        item.importedMailId = stored.id
        item.suggestion = stored.suggestion
        return item
    }

    /// The sent mails among `messageIds`, with the invoice each concerns (a reminder's through its letter).
    private func sentReferences(_ messageIds: Set<String>) throws -> [String: SentMailReference] {
        var references: [String: SentMailReference] = [:]
        for message in try outboxMessages(messageIds: messageIds) {
            let invoiceId: Int64? = switch message.kind {
            case .invoice: message.recordId
            case .reminder: try message.recordId.flatMap { try dunningLetter(id: $0)?.invoiceId }
            case .quote, .inquiryReply, .test: nil
            }
            references[message.messageId] = SentMailReference(
                outboxMessageId: message.id, kind: message.kind, recordId: message.recordId,
                customerId: message.customerId, invoiceId: invoiceId)
        }
        return references
    }

    /// A new prospect for an unknown sender: named as the mail names them, else by the address when that name
    /// cannot be stored or printed.
    private func prospect(name: String?, address: String, on day: Day) throws -> Customer {
        if let name, !name.trimmingCharacters(in: .whitespaces).isEmpty {
            let named = Customer(name: name, email: address, createdOn: day)
            if (try? named.validate()) != nil,
                (try? DocumentFonts.requirePrintable(DocumentFonts.fields(of: named))) != nil
            {
                return named
            }
        }
        let plain = Customer(name: address, email: address, createdOn: day)
        try plain.validate()
        return plain
    }
}

/// A header value on one line: control characters and line separators become spaces.
private func oneLine(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map {
        SingleLineText.isSingleLine(String($0)) ? $0 : " "
    })).trimmingCharacters(in: .whitespaces)
}

extension Kontor {
    /// The notes in a customer's timeline, in the order they were written.
    public func customerNotes(_ customerId: Int64) async throws -> [Note] {
        try await store.read { try $0.notes(customerId: customerId) }
    }
}
