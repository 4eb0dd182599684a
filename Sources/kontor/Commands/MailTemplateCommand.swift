import ArgumentParser
import Foundation
import KontorApp
import KontorCore
import KontorDocuments

/// `kontor mail template`: the texts of the mails that carry a quote, an invoice or a cancellation invoice
/// (Mustache templates, like the dunning letters'; greeting and closing are added to every mail).
struct MailTemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template", abstract: "Show, edit or reset the texts of the quote and invoice mails.",
        subcommands: [Show.self, Edit.self, Reset.self])

    struct Choice: ParsableArguments {
        @Argument(help: "quote, invoice or cancellation.") var kind: String
        @Option(help: "de or en.") var language: String = "de"
        @Flag(help: "The subject instead of the text.") var subject = false

        func parsed() throws -> (RecordMail.Kind, Language, RecordMail.Part) {
            (try RecordMail.Kind.named(kind, what: .mailKind), try Language.named(language, what: .language),
             subject ? .subject : .body)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a template.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var choice: Choice

        func run() async throws {
            let (kind, language, part) = try choice.parsed()
            let template = try await global.kontor().recordMailTemplate(kind, language: language, part: part)
            if global.json { return try Output.json(["text": template.text, "custom": "\(template.custom)"]) }
            print(template.text)
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
            let (kind, language, part) = try choice.parsed()
            let text = String(decoding: try InputFile.read(file, limit: 1 << 16), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            try await global.kontor().saveRecordMailTemplate(text, kind: kind, language: language, part: part)
            let show = "kontor mail template show \(kind.rawValue)"
            print(global.say("Saved. The next \(kind.rawValue) mail uses it; '\(show)' shows it.",
                             "Gespeichert. Die nächste E-Mail dieser Art verwendet sie; „\(show)“ zeigt sie."))
        }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset",
            abstract: "Go back to Kontor's own wording.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var choice: Choice

        func run() async throws {
            let (kind, language, part) = try choice.parsed()
            try await global.kontor().saveRecordMailTemplate(nil, kind: kind, language: language, part: part)
            print(global.say("Kontor's own wording applies again.", "Es gilt wieder Kontors eigener Wortlaut."))
        }
    }
}
