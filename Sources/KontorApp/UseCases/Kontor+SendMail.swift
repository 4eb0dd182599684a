public import Foundation
public import KontorCore
public import KontorDocuments

/// The record a mail carries to the customer.
public enum MailRecord: Sendable, Equatable {
    case quote(id: Int64)
    /// An issued invoice or cancellation invoice, by number.
    case invoice(number: String)
    /// A reminder letter; a draft is approved as sent by e-mail when it is sent.
    case reminder(id: Int64)
    /// The reply draft to an inquiry (`inquiry propose`).
    case inquiryReply(id: Int64)

    var kind: OutboxMessage.Kind {
        switch self {
        case .quote: .quote
        case .invoice: .invoice
        case .reminder: .reminder
        case .inquiryReply: .inquiryReply
        }
    }
}

/// A mail composed for a record, as the preview shows it and as it is queued: recipient, subject, text and the
/// attached files, with the earlier mails of the same record so that sending twice is a decision.
public struct MailDraft: Sendable {
    public let record: MailRecord
    public let recordId: Int64
    public let customerId: Int64
    public let recipientName: String
    public let recipientEmail: String
    public var subject: String
    public var text: String
    public let attachments: [RenderedDocument]
    public let earlier: [OutboxMessage]
}

extension Kontor {
    /// The mail Kontor would send for `record` now; nothing is stored (the issued documents are kept, as on every
    /// download). A recipient without an e-mail address is an error that says where to add one.
    public func mailDraft(_ record: MailRecord, today: Day) async throws -> MailDraft {
        switch record {
        case let .quote(id):
            let (quote, customer, profile, templates) = try await store.read { book in
                let quote = try book.requireQuote(id)
                var customer = try book.requireCustomer(quote.customerId)
                if let inquiryId = quote.inquiryId, let inquiry = try book.inquiry(id: inquiryId) {
                    customer = inquiry.addressing(customer)
                }
                return (quote, customer, try book.requireProfile(), try book.recordMailTemplates())
            }
            guard quote.status == .open else {
                throw WorkflowError.quoteDecided(id: id, status: quote.status)
            }
            let words = try Self.compose { () throws(MessageTemplateError) in
                try RecordMail.quote(quote, to: customer, from: profile, userTemplate: { templates[$0] })
            }
            let pdf = try await quotePDF(id: id)
            return try await draft(
                record, recordId: id, customer: customer, subject: words.subject, text: words.text,
                attachments: [pdf])
        case let .invoice(number):
            let (invoice, customer, profile, templates) = try await store.read { book in
                let invoice = try book.requireInvoice(number)
                return (invoice, try book.requireCustomer(invoice.customerId), try book.requireProfile(),
                        try book.recordMailTemplates())
            }
            guard invoice.isIssued else { throw WorkflowError.invoiceNotIssued(id: invoice.id) }
            let format = customer.effectiveEInvoiceFormat
            let words = try Self.compose { () throws(MessageTemplateError) in
                try RecordMail.invoice(
                    invoice, to: customer, from: profile, format: format, userTemplate: { templates[$0] })
            }
            var attachments = [try await invoicePDF(number)]
            if format == .xrechnung { attachments.append(try await invoiceXML(number)) }
            return try await draft(
                record, recordId: invoice.id, customer: customer, subject: words.subject, text: words.text,
                attachments: attachments)
        case let .reminder(id):
            let (letter, customer, profile) = try await store.read { book in
                let letter = try book.requireLetter(id)
                return (letter, try book.requireCustomer(letter.customerId), try book.requireProfile())
            }
            try Self.checkMailable(letter, id: id)
            let attachments = [try await reminderPDF(id: id), try await invoicePDF(letter.invoiceNumber)]
            return try await draft(
                record, recordId: id, customer: customer, subject: letter.subject,
                text: DunningComposer.emailText(letter, customer: customer, seller: profile), attachments: attachments)
        case let .inquiryReply(id):
            let (inquiry, customer) = try await store.read { book in
                let inquiry = try book.requireInquiry(id)
                return (inquiry, inquiry.addressing(try book.requireCustomer(inquiry.customerId)))
            }
            guard inquiry.status != .won, inquiry.status != .lost else {
                throw WorkflowError.inquiryClosed(id: id, status: inquiry.status)
            }
            let text = try await replyDraft(inquiryId: id, today: today)
            return try await draft(
                record, recordId: id, customer: customer,
                subject: RecordMail.replySubject(inquirySubject: inquiry.subject, language: customer.language),
                text: text.hasSuffix("\n") ? text : text + "\n", attachments: [])
        }
    }

    /// Puts the mail for `record` in the outbox, as previewed or with the subject and text the user changed.
    /// Nothing is sent here: a sender (`kontor mail send`, or the one inside `kontor serve`) delivers it. A
    /// reminder still a draft is approved as sent by e-mail first; an inquiry still open is marked answered.
    public func sendMail(
        _ record: MailRecord, today: Day, now: Date, subject: String? = nil, text: String? = nil
    ) async throws -> OutboxMessage {
        // Sending a Mahnung makes it binding, whether it was approved before or is approved now.
        if case .reminder = record { try Self.authorize(.approveDunning) }
        let subject = try subject.map { try Self.checkedSubject($0) }
        if let text, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw InputError.missing(what: .mailText, fix: "--text-file")
        }
        // What can stop the mail is checked before a reminder becomes binding.
        _ = try await store.read { try $0.requireMailSettings() }
        if case let .reminder(id) = record {
            let (letter, customer) = try await store.read { book in
                let letter = try book.requireLetter(id)
                return (letter, try book.requireCustomer(letter.customerId))
            }
            if letter.status == .draft {
                try Self.checkMailable(letter, id: id)
                _ = try Self.address(of: customer)
                _ = try await approveReminder(id: id, on: today, delivery: .email)
            }
        }
        var draft = try await mailDraft(record, today: today)
        if let subject { draft.subject = subject }
        if let text { draft.text = text.hasSuffix("\n") ? text : text + "\n" }
        let ready = draft
        return try await store.write { book in
            let settings = try book.requireMailSettings()
            if case let .inquiryReply(id) = record, var inquiry = try book.inquiry(id: id), inquiry.status == .open {
                inquiry.status = .answered
                inquiry.answeredOn = today
                try book.update(inquiry: inquiry)
            }
            return try book.queue(
                kind: record.kind, recordId: ready.recordId, customerId: ready.customerId,
                to: EMLWriter.Address(name: ready.recipientName, email: ready.recipientEmail), subject: ready.subject,
                text: ready.text, attachments: ready.attachments.map(EMLWriter.Attachment.init), settings: settings,
                now: now)
        }
    }

    private func draft(
        _ record: MailRecord, recordId: Int64, customer: Customer, subject: String, text: String,
        attachments: [RenderedDocument]
    ) async throws -> MailDraft {
        let email = try Self.address(of: customer)
        let earlier = try await store.read { try $0.outboxMessages(kind: record.kind, recordId: recordId) }
        return MailDraft(
            record: record, recordId: recordId, customerId: customer.id,
            recipientName: customer.contactPerson ?? customer.name, recipientEmail: email,
            subject: subject, text: text, attachments: attachments, earlier: earlier)
    }

    /// The address a mail to `customer` goes to; none is an error that says where to add one.
    static func address(of customer: Customer) throws(WorkflowError) -> String {
        guard let email = customer.email, !email.isEmpty else {
            throw .customerWithoutEmail(customerId: customer.id, name: customer.name)
        }
        return email
    }

    /// The hand-over goes to the writer's files or a lawyer, never to the debtor.
    static func checkMailable(_ letter: DunningLetter, id: Int64) throws(WorkflowError) {
        guard letter.step != .handover else { throw .handoverNotMailed(id: id) }
    }

    /// A subject is one line: a line break would start a header of its own.
    static func checkedSubject(_ text: String) throws(InputError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .missing(what: .subject, fix: "--subject") }
        try SingleLineText.check(trimmed, what: .subject)
        return trimmed
    }

    private static func compose(
        _ body: () throws(MessageTemplateError) -> (subject: String, text: String)
    ) throws(InputError) -> (subject: String, text: String) {
        do { return try body() } catch {
            throw InputError.invalid(what: .mailTemplate, rule: .templateSyntax(line: error.line))
        }
    }
}

extension EMLWriter.Attachment {
    /// A generated document as an attachment, its type told by its name (PDF or XML are all Kontor attaches).
    init(_ document: RenderedDocument) {
        let type = document.fileName.lowercased().hasSuffix(".xml") ? "application/xml" : "application/pdf"
        self.init(fileName: document.fileName, mimeType: type, data: document.data)
    }
}

extension BookReader {
    /// The user's saved mail templates by key (few, so read at once).
    func recordMailTemplates() throws -> [String: String] {
        var templates: [String: String] = [:]
        for kind in RecordMail.Kind.allCases {
            for language in Language.allCases {
                for part in RecordMail.Part.allCases {
                    let key = RecordMail.templateKey(kind, language, part)
                    templates[key] = try messageTemplate(key: key)
                }
            }
        }
        return templates
    }
}

extension Kontor {
    /// The template of a kind of record mail: the user's version if saved, else Kontor's.
    public func recordMailTemplate(_ kind: RecordMail.Kind, language: Language, part: RecordMail.Part) async throws
        -> (text: String, custom: Bool)
    {
        let key = RecordMail.templateKey(kind, language, part)
        if let saved = try await store.read({ try $0.messageTemplate(key: key) }) { return (saved, true) }
        return (RecordMail.standardTemplate(kind, language, part), false)
    }

    /// Saves an edited template after checking that it renders; a subject must stay one line. `nil` goes back to
    /// Kontor's own wording.
    public func saveRecordMailTemplate(
        _ text: String?, kind: RecordMail.Kind, language: Language, part: RecordMail.Part
    ) async throws {
        let key = RecordMail.templateKey(kind, language, part)
        guard let text else {
            return try await store.write { try $0.removeMessageTemplate(key: key) }
        }
        if part == .subject { _ = try Self.checkedSubject(text) }
        try Self.checkTemplate(text)
        try await store.write { try $0.save(messageTemplate: text, key: key) }
    }
}
