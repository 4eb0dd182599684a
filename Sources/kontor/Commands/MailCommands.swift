import ArgumentParser
import Foundation
import KontorApp
import KontorCore

/// `kontor mail`: the outbox — settings, a test mail, what was sent and what failed, sending and retrying.
struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail", abstract: "Mail: settings, outbox, sending and retrying; importing received mail.",
        subcommands: [
            Settings.self, Test.self, List.self, Show.self, Send.self, Retry.self, MailTemplateCommand.self,
            Import.self, Accept.self,
        ])

    struct Settings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "settings",
            abstract: "Show or set the mail server (the password comes from KONTOR_SMTP_PASSWORD or --password-file).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The SMTP server, e.g. smtp.example.de.") var host: String?
        @Option(help: "The port (default: 465 for tls, 587 for starttls, 25 for none).") var port: Int?
        @Option(help: "tls, starttls or none (none only for 127.0.0.1).") var security: String?
        @Option(help: "The login name.") var user: String?
        @Option(help: "The sender's name, e.g. \"Lena Schreiber\".") var fromName: String?
        @Option(help: "The sender's address.") var from: String?
        @Option(help: "A copy of every mail to this address.") var bcc: String?
        @Option(help: "A PEM certificate to trust (a server with its own certificate).") var trustCertificate: String?
        @Option(help: "A file with the password, readable only by you (chmod 600).") var passwordFile: String?

        func run() async throws {
            let kontor = try global.kontor()
            let current = try await kontor.mailSettings()
            let changes: [String?] = [host, security, user, fromName, from, bcc, trustCertificate, passwordFile]
            if port == nil, changes.allSatisfy({ $0 == nil }) {
                guard let current else { throw AppError.mailNotConfigured }
                return try show(current)
            }
            guard let host = host ?? current?.host else {
                throw CLIError.mailHostMissing
            }
            let securityName = security ?? current?.security.rawValue ?? "starttls"
            let chosen = try MailSettings.Security.named(securityName, what: .security)
            let pem = try trustCertificate.map { try String(contentsOfFile: $0, encoding: .utf8) }
            let profileName = (try? await kontor.profile().name) ?? ""
            let settings = try MailSettings(
                host: host, port: port ?? (security == nil ? current?.port : nil), security: chosen,
                username: user ?? current?.username,
                senderName: fromName ?? current?.senderName ?? profileName,
                senderAddress: from ?? current?.senderAddress ?? "", bcc: bcc ?? current?.bcc,
                trustedCertificatePEM: pem ?? current?.trustedCertificatePEM,
                passwordFile: passwordFile ?? current?.passwordFile)
            try await kontor.saveMailSettings(settings)
            try show(settings)
        }

        private func show(_ settings: MailSettings) throws {
            if global.json {
                return try Output.json([
                    "host": settings.host, "port": "\(settings.port)", "security": settings.security.rawValue,
                    "user": settings.username ?? "", "fromName": settings.senderName, "from": settings.senderAddress,
                    "bcc": settings.bcc ?? "", "passwordFile": settings.passwordFile ?? "",
                ])
            }
            let say = global.say
            print("Server:    \(settings.host):\(settings.port) (\(settings.security.rawValue))")
            print(say("Login:     ", "Anmeldung: ") + (settings.username ?? "–"))
            print(say("Sender:    ", "Absender:  ") + "\(settings.senderName) <\(settings.senderAddress)>")
            if let bcc = settings.bcc { print(say("Copy to:   ", "Kopie an:  ") + bcc) }
            print(say("Password:  ", "Passwort:  ")
                + (settings.passwordFile.map { say("from ", "aus ") + $0 } ?? say("from ", "aus ") + "KONTOR_SMTP_PASSWORD"))
        }
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "test", abstract: "Send a short test mail now.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The recipient (default: the sender address).") var to: String?

        func run() async throws {
            let kontor = try global.kontor()
            guard let settings = try await kontor.mailSettings() else { throw AppError.mailNotConfigured }
            let language = global.language
            let queued = try await kontor.queueTestMail(to: to ?? settings.senderAddress, language: language, now: Date())
            let results = try await kontor.deliverDueMail(using: try SMTPMailTransport(settings: settings)) { Date() }
            try MailOutput.report(results.filter { $0.id == queued.id }, json: global.json)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The outbox, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only these: queued, sending, sent, failed, unknown.") var status: String?
        @Option(help: "At most this many.") var limit = 50

        func run() async throws {
            let statuses = try status.map { [try OutboxMessage.Status.named($0, what: .status)] }
            let messages = try await global.kontor().outbox(statuses: statuses, limit: limit)
            if global.json { return try Output.json(messages.map(MailOutput.json)) }
            guard !messages.isEmpty else { return print(global.say("The outbox is empty.", "Der Postausgang ist leer.")) }
            let lang = global.language
            Output.table(
                lang == .de
                    ? ["Nr.", "Status", "Art", "An", "Betreff", "Versuche"] : ["ID", "Status", "Kind", "To", "Subject", "Attempts"],
                messages.map { m in
                    ["\(m.id)", m.status.word(lang), m.kind.rawValue, m.recipients.first ?? "", m.subject, "\(m.attempts)"]
                }, rightAligned: [0, 5])
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "One mail: its state, the server's answer, its text.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The mail's id from 'kontor mail list'.") var id: Int64

        func run() async throws {
            let message = try await global.kontor().outboxMessage(id: id)
            if global.json { return try Output.json(MailOutput.json(message)) }
            let say = global.say
            print(say("Mail ", "E-Mail ") + "\(message.id): \(message.status.word(global.language)) (\(message.kind.rawValue))")
            print(say("To:         ", "An:         ") + message.recipients.joined(separator: ", "))
            print(say("Subject:    ", "Betreff:    ") + message.subject)
            print("Message-ID: <\(message.messageId)>")
            if !message.attachmentNames.isEmpty {
                print(say("Attached:   ", "Anhänge:    ") + message.attachmentNames.joined(separator: ", "))
            }
            if let reply = message.serverReply { print("Server:     \(reply)") }
            if let failure = message.failure { print(say("Last error: ", "Letzter Fehler: ") + failure.word(global.language)) }
            if let next = message.nextAttemptAt, message.status == .queued {
                print(say("Next try:   ", "Nächster Versuch: ") + MailOutput.time(next))
            }
        }
    }

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "send",
            abstract: "Send every mail that is due now.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let kontor = try global.kontor()
            guard let settings = try await kontor.mailSettings() else { throw AppError.mailNotConfigured }
            let results = try await kontor.deliverDueMail(using: try SMTPMailTransport(settings: settings)) { Date() }
            try MailOutput.report(results, json: global.json)
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "retry",
            abstract: "Queue a failed mail, or one whose delivery is unknown, again ('kontor mail send' sends it).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The mail's id from 'kontor mail list'.") var id: Int64

        func run() async throws {
            let message = try await global.kontor().retryMail(id: id, now: Date())
            if global.json { return try Output.json(MailOutput.json(message)) }
            print(global.say("Mail \(message.id) is queued again; 'kontor mail send' sends it.",
                             "E-Mail \(message.id) wartet wieder; „kontor mail send“ sendet sie."))
        }
    }
}

/// How outbox mails are printed.
enum MailOutput {
    static func report(_ messages: [OutboxMessage], json: Bool) throws {
        if json { return try Output.json(messages.map(MailOutput.json)) }
        let say = CLILanguage.say
        guard !messages.isEmpty else { return print(say("Nothing was due.", "Nichts war fällig.")) }
        var failed = false
        for message in messages {
            let (id, error) = (message.id, message.failure?.word(CLILanguage.current) ?? "")
            switch message.status {
            case .sent:
                let to = message.recipients.joined(separator: ", ")
                print(say("Sent mail \(id) to \(to): ", "E-Mail \(id) an \(to) gesendet: ") + (message.serverReply ?? ""))
            case .queued:
                let next = time(message.nextAttemptAt ?? Date())
                print(say("Mail \(id) not sent yet: \(error). Next try \(next).",
                          "E-Mail \(id) noch nicht gesendet: \(error). Nächster Versuch \(next)."))
            default:
                failed = true
                print(say("Mail ", "E-Mail ") + "\(id) \(message.status.word(CLILanguage.current)): \(error)")
            }
        }
        if failed { throw ExitCode.failure }
    }

    static func json(_ m: OutboxMessage) -> [String: String] {
        [
            "id": "\(m.id)", "status": m.status.rawValue, "kind": m.kind.rawValue,
            "to": m.recipients.joined(separator: ", "), "subject": m.subject, "messageId": m.messageId,
            "attempts": "\(m.attempts)", "lastError": m.failure?.word(.en) ?? "", "serverReply": m.serverReply ?? "",
            "sentAt": m.sentAt.map(time) ?? "",
        ]
    }

    static func time(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone.current
        return formatter.string(from: date)
    }
}
