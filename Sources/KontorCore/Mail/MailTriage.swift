import Foundation

/// What the triage rule needs to know of one received mail. The mail reader fills it; the rule never parses.
public struct IncomingMail: Sendable, Equatable {
    /// The `Message-ID` without angle brackets; nil when the mail has none.
    public var messageId: String?
    /// SHA-256 of the raw bytes in lowercase hex: the identity of a mail without a `Message-ID`.
    public var rawHash: String
    /// The sender's address as written in `From`.
    public var fromAddress: String?
    /// Every Message-ID the mail answers, nearest first (`In-Reply-To`, then `References` from the newest).
    public var answeredMessageIds: [String]

    /// Creates the facts of one mail.
    public init(messageId: String?, rawHash: String, fromAddress: String?, answeredMessageIds: [String]) {
        self.messageId = messageId
        self.rawHash = rawHash
        self.fromAddress = fromAddress
        self.answeredMessageIds = answeredMessageIds
    }

    /// The key under which the mail counts as imported: its Message-ID, or else the hash of its bytes.
    public var identity: String { messageId.map { "id:\($0)" } ?? "sha256:\(rawHash)" }
}

/// A mail Kontor sent that a received mail may answer, with the invoice it concerns already resolved (an invoice
/// mail: that invoice; a reminder: the dunning letter's invoice; a quote: none).
public struct SentMailReference: Sendable, Equatable {
    public var outboxMessageId: Int64
    public var kind: OutboxMessage.Kind
    public var recordId: Int64?
    public var customerId: Int64?
    public var invoiceId: Int64?

    /// Creates a reference to a sent mail.
    public init(
        outboxMessageId: Int64, kind: OutboxMessage.Kind, recordId: Int64?, customerId: Int64?, invoiceId: Int64?
    ) {
        self.outboxMessageId = outboxMessageId
        self.kind = kind
        self.recordId = recordId
        self.customerId = customerId
        self.invoiceId = invoiceId
    }
}

/// The one rule of what a received mail becomes: a mail seen before is a duplicate; a mail from a known customer
/// (by address, case-insensitively, or because it answers a mail Kontor sent to them) becomes a note in their
/// timeline, linked to what it answers; every other mail is a new inquiry.
public enum MailTriage {
    /// What one mail becomes.
    public enum Outcome: Sendable, Equatable {
        /// Imported before (same Message-ID, or the same bytes when it has none).
        case duplicate
        /// An unknown sender: a new inquiry by e-mail.
        case inquiry
        /// A known customer: a note, linked to the sent mail it answers (nil: answers none Kontor knows).
        case note(customerId: Int64, answers: SentMailReference?)
    }

    /// Decides for one mail.
    /// - Parameters:
    ///   - mail: the facts of the mail.
    ///   - isImported: whether a mail with this Message-ID (or, without one, this raw hash) was imported before.
    ///   - customerId: the customer whose address (or contact's address) this is, matched case-insensitively.
    ///   - sent: the mails Kontor sent, by Message-ID (only those the mail names need to be present).
    public static func decide(
        _ mail: IncomingMail, isImported: Bool, customerId: (String) -> Int64?, sent: [String: SentMailReference]
    ) -> Outcome {
        if isImported { return .duplicate }
        let answered = mail.answeredMessageIds.lazy.compactMap { sent[$0] }.first
        let sender = mail.fromAddress.flatMap { address in
            customerId(address.trimmingCharacters(in: .whitespaces).lowercased())
        }
        // An answer from another address of the same business (accounting) still belongs to that customer.
        if let customer = sender ?? answered?.customerId {
            // A reference to a mail sent to someone else says nothing about this customer's records.
            let linked = answered.flatMap { $0.customerId == nil || $0.customerId == customer ? $0 : nil }
            return .note(customerId: customer, answers: linked)
        }
        return .inquiry
    }
}
