public import Foundation

/// A received mail Kontor has imported, and what it became: an inquiry or a note, the sent mail it answers, and
/// the suggestion offered for it (a promise to pay or an objection) until the writer takes it over.
public struct ImportedMail: Sendable, Equatable, Identifiable {
    public var id: Int64
    /// The `Message-ID` without angle brackets; nil when the mail had none (then `rawHash` identifies it).
    public var messageId: String?
    /// SHA-256 of the raw bytes, lowercase hex.
    public var rawHash: String
    public var fromAddress: String
    public var fromName: String?
    public var subject: String
    /// The `Date` header (or the import time when it had none).
    public var receivedAt: Date
    public var customerId: Int64
    /// Set when the mail became an inquiry.
    public var inquiryId: Int64?
    /// Set when the mail became a note in the customer's timeline.
    public var noteId: Int64?
    /// The mail Kontor sent that this one answers.
    public var outboxMessageId: Int64?
    /// The invoice the answered mail concerns (an invoice mail or a reminder).
    public var invoiceId: Int64?
    /// What is offered for one click; nil when nothing is.
    public var suggestion: MailSuggestion?
    /// The note written when the suggestion was taken over.
    public var acceptedNoteId: Int64?
    /// File names of the attachments; the files themselves are kept in `raw`.
    public var attachmentNames: [String]
    /// The mail exactly as it was imported (attachments included), as evidence.
    public var raw: [UInt8]

    /// Creates an imported mail.
    public init(
        id: Int64 = 0, messageId: String?, rawHash: String, fromAddress: String, fromName: String?, subject: String,
        receivedAt: Date, customerId: Int64, inquiryId: Int64? = nil, noteId: Int64? = nil,
        outboxMessageId: Int64? = nil, invoiceId: Int64? = nil, suggestion: MailSuggestion? = nil,
        acceptedNoteId: Int64? = nil, attachmentNames: [String] = [], raw: [UInt8] = []
    ) {
        self.id = id
        self.messageId = messageId
        self.rawHash = rawHash
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.subject = subject
        self.receivedAt = receivedAt
        self.customerId = customerId
        self.inquiryId = inquiryId
        self.noteId = noteId
        self.outboxMessageId = outboxMessageId
        self.invoiceId = invoiceId
        self.suggestion = suggestion
        self.acceptedNoteId = acceptedNoteId
        self.attachmentNames = attachmentNames
        self.raw = raw
    }

    /// The suggestion while it is still on offer.
    public var openSuggestion: MailSuggestion? { acceptedNoteId == nil ? suggestion : nil }
}
