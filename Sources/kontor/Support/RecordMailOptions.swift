import ArgumentParser
import Foundation
import KontorApp
import KontorCore

/// The options every "send by e-mail" command shares: look first, change the words, or only queue.
struct RecordMailOptions: ParsableArguments {
    @Flag(help: "Show recipient, subject, text and attachments; nothing is queued or sent.") var preview = false
    @Option(help: "Another subject for this mail.") var subject: String?
    @Option(help: "A file with another text for this mail.") var textFile: String?
    @Flag(help: "Only put the mail in the outbox; 'kontor mail send' (or a running 'kontor serve') sends it.")
    var queue = false

    /// Previews, or queues and (unless `--queue`) sends at once what is due.
    func run(_ record: MailRecord, global: GlobalOptions) async throws {
        let kontor = try global.kontor()
        let today = try global.day()
        if preview { return try Self.show(try await kontor.mailDraft(record, today: today), json: global.json) }
        let text = try textFile.map { path in
            String(decoding: try InputFile.read(path, limit: 1 << 20), as: UTF8.self)
        }
        let queued = try await kontor.sendMail(record, today: today, now: Date(), subject: subject, text: text)
        if queue {
            if global.json { return try Output.json(MailOutput.json(queued)) }
            let to = queued.recipients.joined(separator: ", ")
            return print(global.say("Mail \(queued.id) to \(to) is in the outbox; 'kontor mail send' sends it.",
                                    "E-Mail \(queued.id) an \(to) liegt im Postausgang; „kontor mail send“ sendet sie."))
        }
        guard let settings = try await kontor.mailSettings() else { throw AppError.mailNotConfigured }
        let results = try await kontor.deliverDueMail(using: try SMTPMailTransport(settings: settings)) { Date() }
        try MailOutput.report(results, json: global.json)
    }

    static func show(_ draft: MailDraft, json: Bool) throws {
        if json {
            return try Output.json([
                "to": draft.recipientEmail, "toName": draft.recipientName, "subject": draft.subject, "text": draft.text,
                "attachments": draft.attachments.map(\.fileName).joined(separator: ", "),
                "sentBefore": "\(draft.earlier.filter { $0.status == .sent }.count)",
            ])
        }
        let say = CLILanguage.say
        print(say("To:       ", "An:       ") + "\(draft.recipientName) <\(draft.recipientEmail)>")
        print(say("Subject:  ", "Betreff:  ") + draft.subject)
        if !draft.attachments.isEmpty {
            print(say("Attached: ", "Anhänge:  ") + draft.attachments.map { "\($0.fileName) (\($0.data.count / 1024 + 1) KB)" }
                .joined(separator: ", "))
        }
        for earlier in draft.earlier where earlier.status == .sent {
            let when = earlier.sentAt.map(MailOutput.time) ?? ""
            print(say("Sent before: \(when) (mail \(earlier.id))", "Schon gesendet: \(when) (E-Mail \(earlier.id))"))
        }
        print("")
        print(draft.text)
    }
}
