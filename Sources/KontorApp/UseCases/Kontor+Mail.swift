public import Foundation
public import KontorCore
import KontorDocuments

/// Hands one message to the user's mail server. The composition root gives Kontor the SMTP client behind it, so
/// the use cases stay free of networking and a test can count what was handed over.
public protocol MailTransport: Sendable {
    func deliver(sender: String, recipients: [String], content: [UInt8]) async -> DeliveryAttempt
}

extension Kontor {
    /// How long a sender holds a message it is sending before another sender may call it interrupted.
    static let sendingLease: TimeInterval = 600

    public func mailSettings() async throws -> MailSettings? {
        try await store.read { try $0.mailSettings() }
    }

    public func saveMailSettings(_ settings: MailSettings) async throws {
        try await store.write { try $0.save(mailSettings: settings) }
    }

    public func outbox(statuses: [OutboxMessage.Status]? = nil, limit: Int? = nil) async throws -> [OutboxMessage] {
        try await store.read { try $0.outboxMessages(statuses: statuses, limit: limit) }
    }

    public func outboxMessage(id: Int64) async throws -> OutboxMessage {
        try await store.read { book in
            guard let message = try book.outboxMessage(id: id) else { throw AppError.notFound(.mail, id: "\(id)") }
            return message
        }
    }

    /// Puts a short test mail to `recipient` in the outbox, worded in `language`.
    public func queueTestMail(to recipient: String, language: KontorCore.Language, now: Date) async throws -> OutboxMessage {
        guard (try? EmailAddress(recipient)) != nil else {
            throw AppError.input(.invalid(what: .recipient, rule: .emailShape(text: recipient)))
        }
        return try await store.write { book in
            let settings = try book.requireMailSettings()
            let subject = language == .de ? "Testnachricht von Kontor" : "Test message from Kontor"
            let text = language == .de
                ? "Diese Nachricht zeigt, dass Kontor über \(settings.host) E-Mails versenden kann.\n"
                : "This message shows that Kontor can send mail through \(settings.host).\n"
            return try book.queue(
                kind: .test, recordId: nil, customerId: nil, to: EMLWriter.Address(name: "", email: recipient),
                subject: subject, text: text, attachments: [], settings: settings, now: now)
        }
    }

    /// Sends every message that is due, one connection each, outside any transaction: each is claimed
    /// (`sending`) in one write, handed to the server, and its outcome stored in another. A message left
    /// `sending` past its lease by a sender that stopped becomes `unknown`, never sent twice on its own.
    public func deliverDueMail(using transport: any MailTransport, now: @Sendable () -> Date) async throws
        -> [OutboxMessage]
    {
        let start = now()
        let candidates = try await store.write { book in
            for var stale in try book.outboxMessages(statuses: [.sending], limit: nil)
            where (stale.nextAttemptAt ?? stale.createdAt) < start {
                stale.status = .unknown
                stale.lastError = MailFailure.interrupted.stored
                try book.update(outboxMessage: stale)
            }
            return try book.outboxMessages(statuses: [.queued], limit: nil).filter { $0.isDue(at: start) }.map(\.id)
        }
        var results: [OutboxMessage] = []
        for id in candidates.reversed() {
            let claimedAt = now()
            let claimed: OutboxMessage? = try await store.write { book in
                guard var message = try book.outboxMessage(id: id), message.isDue(at: claimedAt) else { return nil }
                message.status = .sending
                message.nextAttemptAt = claimedAt.addingTimeInterval(Self.sendingLease)
                try book.update(outboxMessage: message)
                return message
            }
            guard let claimed else { continue }
            let attempt = await transport.deliver(
                sender: claimed.sender, recipients: claimed.recipients, content: claimed.content)
            let finishedAt = now()
            results.append(try await store.write { book in
                let updated = OutboxRetry.apply(attempt, to: claimed, at: finishedAt)
                try book.update(outboxMessage: updated)
                return updated
            })
        }
        return results
    }

    /// Queues a failed or unknown message again, as the user decided.
    public func retryMail(id: Int64, now: Date) async throws -> OutboxMessage {
        try await store.write { book in
            guard let message = try book.outboxMessage(id: id) else { throw AppError.notFound(.mail, id: "\(id)") }
            let queued: OutboxMessage
            do throws(WorkflowError) {
                queued = try OutboxRetry.retry(message, at: now)
            } catch {
                throw AppError.workflow(error)
            }
            try book.update(outboxMessage: queued)
            return queued
        }
    }
}

extension BookReader {
    func requireMailSettings() throws -> MailSettings {
        guard let settings = try mailSettings() else { throw AppError.mailNotConfigured }
        return settings
    }
}

extension BookWriter {
    /// Builds the message (with its own Message-ID, the BCC to oneself in the envelope only) and queues it.
    func queue(
        kind: OutboxMessage.Kind, recordId: Int64?, customerId: Int64?, to recipient: EMLWriter.Address,
        subject: String, text: String, attachments: [EMLWriter.Attachment], settings: MailSettings, now: Date
    ) throws -> OutboxMessage {
        try OutboxMessage.checkAttachments(sizes: attachments.map(\.data.count))
        let domain = settings.senderAddress.split(separator: "@").last.map(String.init) ?? "kontor.invalid"
        let messageId = "kontor.\(kind.rawValue).\(recordId.map(String.init) ?? "0").\(UUID().uuidString.lowercased())@\(domain)"
        let content = EMLWriter.message(
            from: EMLWriter.Address(name: settings.senderName, email: settings.senderAddress), to: recipient,
            subject: subject, text: text, attachments: attachments, date: now, messageId: messageId, draft: false)
        let message = OutboxMessage(
            kind: kind, recordId: recordId, customerId: customerId, sender: settings.senderAddress,
            recipients: [recipient.email] + (settings.bcc.map { [$0] } ?? []), subject: subject, messageId: messageId,
            content: Array(content.utf8), attachmentNames: attachments.map(\.fileName), createdAt: now)
        return try insert(outboxMessage: message)
    }
}
