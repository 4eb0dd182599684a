public import Foundation

/// A mail Kontor is to send or has sent: the exact bytes handed to the server, to whom, about which record, and
/// where it stands. Sending happens outside any database transaction, so the state says what is known:
/// `sending` is written before the connection opens, and the result after it closes.
public struct OutboxMessage: Sendable, Equatable {
    /// What the mail carries; the record it belongs to is `recordId` of that kind.
    public enum Kind: String, NamedChoice {
        case quote, invoice, reminder, inquiryReply = "inquiry-reply", test
    }

    /// Where a message stands.
    public enum Status: String, NamedChoice, Codable {
        /// Waiting to be sent (again) at `nextAttemptAt`.
        case queued
        /// A sender is talking to the server right now, or stopped while doing so.
        case sending
        /// The server accepted it; `serverReply` holds what it said.
        case sent
        /// The server refused it, or it was given up after repeated temporary failures; `lastError` says why.
        case failed
        /// The connection broke after the whole message went out: it may have arrived. Never sent again on its
        /// own — the user checks and decides (`mail retry`).
        case unknown
    }

    public var id: Int64
    public var kind: Kind
    public var recordId: Int64?
    public var customerId: Int64?
    public var sender: String
    public var recipients: [String]
    public var subject: String
    /// The `Message-ID` without angle brackets, to match replies.
    public var messageId: String
    /// The RFC 5322 message, headers and body, exactly as it is submitted.
    public var content: [UInt8]
    public var attachmentNames: [String]
    public var status: Status
    public var attempts: Int
    public var createdAt: Date
    public var nextAttemptAt: Date?
    public var lastError: String?

    /// Why the last attempt failed, to be worded in the reader's language.
    public var failure: MailFailure? { lastError.map(MailFailure.init(stored:)) }
    public var serverReply: String?
    public var sentAt: Date?

    public init(
        id: Int64 = 0, kind: Kind, recordId: Int64?, customerId: Int64?, sender: String, recipients: [String],
        subject: String, messageId: String, content: [UInt8], attachmentNames: [String], status: Status = .queued,
        attempts: Int = 0, createdAt: Date, nextAttemptAt: Date? = nil, lastError: String? = nil,
        serverReply: String? = nil, sentAt: Date? = nil
    ) {
        self.id = id
        self.kind = kind
        self.recordId = recordId
        self.customerId = customerId
        self.sender = sender
        self.recipients = recipients
        self.subject = subject
        self.messageId = messageId
        self.content = content
        self.attachmentNames = attachmentNames
        self.status = status
        self.attempts = attempts
        self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.serverReply = serverReply
        self.sentAt = sentAt
    }

    /// Refuses attachments larger together than a mail may carry (`InputLimits.mailAttachmentBytes`), before the
    /// mail is queued: a server would refuse it only after the whole upload.
    public static func checkAttachments(sizes: [Int]) throws(InputError) {
        let total = sizes.reduce(0, +)
        guard total <= InputLimits.mailAttachmentBytes else {
            throw .invalid(
                what: .attachments,
                rule: .attachmentsTooLarge(
                    megabytes: (total + (1 << 20) - 1) >> 20, limit: InputLimits.mailAttachmentBytes >> 20))
        }
    }

    /// Whether a sender may pick it up at `now`.
    public func isDue(at now: Date) -> Bool {
        status == .queued && (nextAttemptAt ?? createdAt) <= now
    }
}

/// The outcome of one attempt to hand a message to the server, as the sender reports it.
public enum DeliveryAttempt: Sendable, Equatable {
    case accepted(serverReply: String)
    /// A failure that may pass (4xx, no connection, timeout).
    case temporaryFailure(MailFailure)
    /// A refusal or a setting that must change first (5xx, TLS, password).
    case permanentFailure(MailFailure)
    /// The message went out completely but no answer came.
    case outcomeUnknown(MailFailure)
}

/// The one rule of retrying: temporary failures wait longer each time and are given up after the last wait;
/// nothing else is retried automatically.
public enum OutboxRetry {
    /// Waits after the 1st, 2nd … temporary failure: 1 min, 5 min, 30 min, 2 h, 6 h; then the message fails.
    public static let waits: [TimeInterval] = [60, 300, 1800, 7200, 21600]

    /// The message after an attempt that ended at `now`.
    public static func apply(_ attempt: DeliveryAttempt, to message: OutboxMessage, at now: Date) -> OutboxMessage {
        var message = message
        message.attempts += 1
        switch attempt {
        case .accepted(let reply):
            message.status = .sent
            message.serverReply = reply
            message.sentAt = now
            message.lastError = nil
            message.nextAttemptAt = nil
        case .temporaryFailure(let reason):
            message.lastError = reason.stored
            if message.attempts <= waits.count {
                message.status = .queued
                message.nextAttemptAt = now.addingTimeInterval(waits[message.attempts - 1])
            } else {
                message.status = .failed
                message.nextAttemptAt = nil
            }
        case .permanentFailure(let reason):
            message.status = .failed
            message.lastError = reason.stored
            message.nextAttemptAt = nil
        case .outcomeUnknown(let reason):
            message.status = .unknown
            message.lastError = reason.stored
            message.nextAttemptAt = nil
        }
        return message
    }

    /// The user's "send again" for a failed or unknown message: queued now, counting attempts afresh.
    public static func retry(_ message: OutboxMessage, at now: Date) throws(WorkflowError) -> OutboxMessage {
        guard message.status == .failed || message.status == .unknown else {
            throw .mailNotRetryable(id: message.id, status: message.status)
        }
        var message = message
        message.status = .queued
        message.attempts = 0
        message.nextAttemptAt = now
        return message
    }
}
