import ArgumentParser
import Foundation
import KontorApp
import KontorCore

/// `kontor remind`: the patient dunning, as drafts that the writer approves or skips.
struct RemindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind", abstract: "Dunning: prepare due reminders as drafts, approve or skip them.",
        subcommands: [Run.self, List.self, Show.self, Approve.self, Skip.self, EML.self, PDF.self, Hold.self,
                      Template.self],
        defaultSubcommand: Run.self)

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run", abstract: "Prepare the next due step of every open invoice as a draft (never sends).")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let result = try await global.kontor().runReminders(today: try global.day())
            for problem in result.problems { Output.warn(problem.message(global.language, for: .commandLine)) }
            if global.json { return try Output.json(["created": result.created.map(ReminderJSON.init)]) }
            if result.created.isEmpty { return print(global.say("No reminder is due.", "Kein Mahnschritt ist fällig.")) }
            print(global.say("Prepared \(result.created.count) draft(s); review them with 'kontor remind show ID':",
                             "\(result.created.count) Entwürfe vorbereitet; prüfen Sie sie mit „kontor remind show ID“:"))
            RemindCommand.table(result.created, language: global.language)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List prepared reminders.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "draft, sent or skipped (default: all).") var status: String?

        func run() async throws {
            let status = try self.status.map { try DunningLetterStatus.named($0, what: .status) }
            let letters = try await global.kontor().reminders(status: status)
            if global.json { return try Output.json(letters.map(ReminderJSON.init)) }
            if letters.isEmpty { return print(global.say("No reminders.", "Keine Mahnschritte.")) }
            RemindCommand.table(letters, language: global.language)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a reminder's subject and text.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Reminder id.") var id: Int64

        func run() async throws {
            let letter = try await global.kontor().reminder(id: id)
            if global.json { return try Output.json(ReminderJSON(letter)) }
            let lang = global.language
            print("#\(letter.id) \(letter.step.label(lang)) " + global.say("for", "zu") + " \(letter.invoiceNumber) "
                + "[\(letter.status.word(lang))]")
            print(global.say("Subject: ", "Betreff: ") + letter.subject + "\n")
            print(letter.body)
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "approve",
            abstract: "Record a draft as sent (today): it enters the timeline and times the next step.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Reminder id.") var id: Int64
        @Option(help: """
            How it went out: e-mail or post (default: e-mail when the customer has an address). Only a letter by \
            post claims the postage and printing costs set in the dunning policy.
            """)
        var by: String?
        @Flag(help: "Send it by e-mail now, letter and invoice attached (--preview shows the mail first).")
        var send = false
        @OptionGroup var mail: RecordMailOptions

        func run() async throws {
            let delivery = try by.map { try LetterDelivery.named($0, what: .delivery) }
            if send || mail.preview {
                guard delivery == nil || delivery == .email else {
                    throw CLIError.postalLetterNotMailed
                }
                return try await mail.run(.reminder(id: id), global: global)
            }
            let (letter, used) = try await global.kontor().approveReminder(
                id: id, on: try global.day(), delivery: delivery)
            if global.json { return try Output.json(ReminderJSON(letter)) }
            let (say, lang) = (global.say, global.language)
            let way = used == .post ? say("by post", "per Post") : say("by e-mail", "per E-Mail")
            let costs = letter.costs.cents > 0
                ? say("costs \(letter.costs.formatted(lang)) claimed", "Kosten \(letter.costs.formatted(lang)) gefordert")
                : say("no postage or printing costs claimed", "keine Porto- oder Druckkosten gefordert")
            let (step, sent) = (letter.step.label(lang), letter.sentOn!.formatted(lang))
            print(say("Recorded \(step) for \(letter.invoiceNumber) as sent \(way) on \(sent); \(costs).",
                      "\(step) zu \(letter.invoiceNumber) als am \(sent) \(way) versendet festgehalten; \(costs)."))
        }
    }

    struct Skip: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "skip",
            abstract: "Skip a draft; the step comes back after a while.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Reminder id.") var id: Int64

        func run() async throws {
            let letter = try await global.kontor().skipReminder(id: id, on: try global.day())
            if global.json { return try Output.json(ReminderJSON(letter)) }
            let step = letter.step.label(global.language)
            print(global.say("Skipped \(step) for \(letter.invoiceNumber).", "\(step) zu \(letter.invoiceNumber) übersprungen."))
        }
    }

    struct EML: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eml", abstract: "Save the e-mail (.eml with letter and invoice attached) for your mail program.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Reminder id.") var id: Int64
        @Option(name: .shortAndLong, help: "Output file.") var output: String?

        func run() async throws {
            try DocumentOutput.save(try await global.kontor().reminderEML(id: id, now: Date()), to: output, json: global.json)
        }
    }

    struct PDF: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "pdf", abstract: "Save the letter as PDF.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Reminder id.") var id: Int64
        @Option(name: .shortAndLong, help: "Output file.") var output: String?
        @Flag(help: "Hand-over dossier: include private notes in the timeline.") var withNotes = false
        @Option(help: "Hand-over dossier: address the cover page to a lawyer, lines separated by commas.")
        var lawyer: String?

        func run() async throws {
            let kontor = try global.kontor()
            let lines = lawyer.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            let document = withNotes || lines != nil
                ? try await kontor.handoverDossier(id: id, includeNotes: withNotes, lawyer: lines)
                : try await kontor.reminderPDF(id: id)
            try DocumentOutput.save(document, to: output, json: global.json)
        }
    }

    struct Hold: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "hold",
            abstract: "Do not dun a customer (or one invoice) until a day.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Customer id.") var customer: Int64
        @Option(help: "Only this invoice number.") var invoice: String?
        @Option(help: "Last day of the pause, YYYY-MM-DD.") var until: String
        @Option(help: "Why.") var reason: String

        func run() async throws {
            let hold = try await global.kontor().holdDunning(
                customerId: customer, invoice: invoice, until: try Day.parse(until, what: .pauseEnd), reason: reason,
                on: try global.day())
            if global.json { return try Output.json(hold) }
            let until = hold.until.formatted(global.language)
            print(global.say("No dunning for customer \(customer)" + (invoice.map { ", invoice \($0)," } ?? "") + " until \(until).",
                             "Keine Mahnungen an Kunde \(customer)" + (invoice.map { " zu Rechnung \($0)" } ?? "") + " bis \(until)."))
        }
    }

    struct Template: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "template",
            abstract: "Show, preview or edit the texts of the dunning steps (Mustache templates).",
            subcommands: [Show.self, Preview.self, Edit.self])

        struct Choice: ParsableArguments {
            @Argument(help: "inquiry, notice-1, notice-2 or handover.") var step: String
            @Option(help: "de or en.") var language: String = "de"
            @Flag(help: "The subject instead of the body.") var subject = false
        }

        struct Show: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a template.")
            @OptionGroup var global: GlobalOptions
            @OptionGroup var choice: Choice

            func run() async throws {
                let template = try await global.kontor().messageTemplate(
                    step: try DunningStep.named(choice.step, what: .step),
                    language: try Language.named(choice.language, what: .language), subject: choice.subject)
                if global.json { return try Output.json(["text": template.text, "custom": "\(template.custom)"]) }
                print(template.text)
            }
        }

        struct Preview: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "preview",
                abstract: "Show what the step's letter for an invoice would say today.")
            @OptionGroup var global: GlobalOptions
            @Argument(help: "inquiry, notice-1, notice-2 or handover.") var step: String
            @Option(help: "Invoice number.") var invoice: String

            func run() async throws {
                let text = try await global.kontor().previewReminder(
                    step: try DunningStep.named(step, what: .step), invoice: invoice, today: try global.day())
                if global.json { return try Output.json(["subject": text.subject, "body": text.body]) }
                print(global.say("Subject: ", "Betreff: ") + "\(text.subject)\n\n\(text.body)")
            }
        }

        struct Edit: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "edit",
                abstract: "Replace a template with the text of a file.")
            @OptionGroup var global: GlobalOptions
            @OptionGroup var choice: Choice
            @Option(help: "File with the new text.") var file: String

            func run() async throws {
                let text: String
                do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                    throw CLIError.cannotRead(path: file, reason: error.localizedDescription)
                }
                try await global.kontor().saveMessageTemplate(
                    text, step: try DunningStep.named(choice.step, what: .step),
                    language: try Language.named(choice.language, what: .language), subject: choice.subject)
                print(global.say("Saved. New drafts use it; 'kontor remind template show \(choice.step)' shows it.",
                                 "Gespeichert. Neue Entwürfe verwenden sie; „kontor remind template show \(choice.step)“ zeigt sie."))
            }
        }
    }

    static func table(_ letters: [DunningLetter], language: Language) {
        Output.table(
            language == .de
                ? ["Nr.", "Rechnung", "Schritt", "Status", "Datum", "Offen", "Frist"]
                : ["ID", "Invoice", "Step", "Status", "Date", "Open", "Deadline"],
            letters.map { l in
                ["\(l.id)", l.invoiceNumber, l.step.label(language), l.status.word(language),
                 (l.sentOn ?? l.skippedOn ?? l.createdOn).formatted(language), l.openAmount.formatted(language),
                 l.deadline?.formatted(language) ?? ""]
            }, rightAligned: [0, 5])
    }
}

/// A reminder in JSON.
struct ReminderJSON: Encodable {
    let letter: DunningLetter
    init(_ letter: DunningLetter) { self.letter = letter }

    enum CodingKeys: String, CodingKey { case claimTotal }

    func encode(to encoder: any Encoder) throws {
        try letter.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(letter.claimTotal, forKey: .claimTotal)
    }
}
