import Foundation
import KontorApp
import KontorCore

/// The preview of a mail before it is queued: who gets it, what it says (changeable), what is attached, and
/// when the same record was mailed before.
struct MailComposePage: Sendable, Encodable {
    struct Attachment: Sendable, Encodable {
        let name: String
        let sizeText: String
    }

    let title: String
    let action: String
    let backPath: String
    let recipientName: String
    let recipientEmail: String
    let attachments: [Attachment]
    let hasAttachments: Bool
    let earlierText: String?
    let approves: Bool
    let hasFormError: Bool
    let formError: String
    let fields: [FieldView]

    init(_ draft: MailDraft, form: FormState, texts: Texts) {
        title = switch draft.record {
        case .quote: texts["mail_compose_quote"]
        case .invoice: texts["mail_compose_invoice"]
        case .reminder: texts["mail_compose_reminder"]
        case .inquiryReply: texts["mail_compose_inquiry-reply"]
        }
        action = MailController.composePath(draft.record)
        backPath = MailController.recordPath(draft.record)
        recipientName = draft.recipientName
        recipientEmail = draft.recipientEmail
        attachments = draft.attachments.map {
            Attachment(name: $0.fileName, sizeText: "\(max(1, ($0.data.count + 512) / 1024)) KB")
        }
        hasAttachments = !attachments.isEmpty
        let sent = draft.earlier.filter { $0.status == .sent }.compactMap(\.sentAt)
        earlierText = sent.last.map { texts.format("mail_sent_before", texts.day(Day($0)), "\(sent.count)") }
        if case .reminder = draft.record { approves = true } else { approves = false }
        let make = FieldFactory(state: form, texts: texts, idPrefix: "mail-")
        fields = [make.text("subject", "f_mail_subject", required: true, wide: true), make.textarea("text", "f_mail_text", rows: 16)]
        hasFormError = form.general != nil
        formError = form.generalText
    }
}

/// The outbox: every mail with where it stands, the server's answer or the reason it failed.
struct OutboxPage: Sendable, Encodable {
    struct Row: Sendable, Encodable {
        let id: Int64
        let createdText: String
        let kindLabel: String
        let to: String
        let subject: String
        let statusLabel: String
        let statusTone: String
        let detail: String
        let canRetry: Bool
        let attachments: String

        init(_ message: OutboxMessage, texts: Texts) {
            id = message.id
            createdText = texts.day(Day(message.createdAt)) + " " + OutboxPage.clock(message.sentAt ?? message.createdAt)
            kindLabel = texts["mail_kind_\(message.kind.rawValue)"]
            to = message.recipients.first ?? ""
            subject = message.subject
            statusLabel = message.status.word(texts.language)
            statusTone = switch message.status {
            case .sent: "ok"
            case .queued, .sending: "info"
            case .unknown: "warn"
            case .failed: "bad"
            }
            detail = message.status == .sent ? (message.serverReply ?? "") : (message.failure?.word(texts.language) ?? "")
            canRetry = message.status == .failed || message.status == .unknown
            attachments = message.attachmentNames.joined(separator: ", ")
        }
    }

    let rows: [Row]
    let configured: Bool
    var hasRows: Bool { !rows.isEmpty }

    enum CodingKeys: String, CodingKey { case rows, configured, hasRows }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rows, forKey: .rows)
        try container.encode(configured, forKey: .configured)
        try container.encode(hasRows, forKey: .hasRows)
    }

    /// The calendar of Berlin, where the book is kept (made once, not per row).
    private static let berlin: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin") ?? .current
        return calendar
    }()

    /// The time of day in Berlin.
    static func clock(_ date: Date) -> String {
        let parts = berlin.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}

/// The mail server form and the test mail.
struct MailSettingsPage: Sendable, Encodable {
    let configured: Bool
    let hasFormError: Bool
    let formError: String
    let fields: [FieldView]
    let testAddress: String

    init(form: FormState, configured: Bool, texts: Texts) {
        self.configured = configured
        let make = FieldFactory(state: form, texts: texts, idPrefix: "smtp-")
        fields = [
            make.text("host", "f_smtp_host", required: true, placeholder: "smtp.example.de"),
            make.number("port", "f_smtp_port", hint: texts["h_smtp_port"]),
            make.select("security", "f_smtp_security", options: MailSettings.Security.allCases.map {
                ($0.rawValue, texts["smtp_security_\($0.rawValue)"])
            }),
            make.text("user", "f_smtp_user", autocomplete: "username"),
            make.text("fromName", "f_smtp_from_name"),
            make.text("from", "f_smtp_from", type: "email", required: true),
            make.text("bcc", "f_smtp_bcc", type: "email", hint: texts["h_smtp_bcc"]),
            make.text("passwordFile", "f_smtp_password_file", hint: texts["h_smtp_password"], wide: true),
        ]
        hasFormError = form.general != nil
        formError = form.generalText
        testAddress = form.values["from"] ?? ""
    }
}
