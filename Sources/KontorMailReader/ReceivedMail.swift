public import Foundation

/// A person's address in a header: `"Wolff, Ines" <ines@suessholz.de>` → name and address.
public struct MailAddress: Sendable, Equatable {
    public let name: String?
    public let address: String

    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }
}

/// A file attached to a received mail, kept as its bytes.
public struct MailAttachment: Sendable, Equatable {
    public let fileName: String
    public let mediaType: String
    public let bytes: [UInt8]
}

/// What a reader needs of one received mail: who, when, about what, in reply to which message, its text (an
/// HTML-only mail reduced to text — nothing from a mail is ever meant to be rendered as HTML) and its attachments.
public struct ReceivedMail: Sendable, Equatable {
    public let messageID: String?
    public let inReplyTo: [String]
    public let references: [String]
    public let from: MailAddress?
    public let to: [MailAddress]
    public let subject: String
    /// The `Date` header; nil when missing or unreadable (the caller decides, e.g. the file's date).
    public let date: Date?
    public let text: String
    public let attachments: [MailAttachment]
    /// The message as it was read, for keeping it as evidence.
    public let raw: [UInt8]

    /// Every Message-ID this mail answers, nearest first (In-Reply-To, then References from the newest).
    public var answeredMessageIDs: [String] {
        var seen = Set<String>()
        return (inReplyTo + references.reversed()).filter { seen.insert($0).inserted }
    }
}

/// Why a mail could not be read.
public enum MailReadError: Error, Sendable, Equatable {
    /// Larger than the limit (bytes).
    case tooLarge(limit: Int)
    /// MIME parts nested deeper than the limit.
    case nestedTooDeeply(limit: Int)
    /// More MIME parts than the limit.
    case tooManyParts(limit: Int)
    /// A header field longer than the limit.
    case fieldTooLong(String)
    /// No header block at all: not a mail.
    case notAMail
    /// An mbox file whose first line is not a `From ` separator.
    case notAnMbox
    /// More messages in one mailbox than the limit.
    case tooManyMessages(limit: Int)
}
