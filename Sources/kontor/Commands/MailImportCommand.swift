import ArgumentParser
import Foundation
import KontorApp
import KontorCore

extension MailCommand {
    /// `kontor mail import PATH…`: received mail becomes inquiries and notes.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import",
            abstract: "Import received mail: .eml files, mbox files or Maildir folders.",
            discussion: """
                A mail from an unknown sender becomes an inquiry by e-mail; a mail from a known customer a note in \
                their timeline, linked to the quote, invoice or reminder it answers. A promise to pay or an \
                objection is only offered ('kontor mail accept'). The same mail is imported once.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Files or folders to import.") var paths: [String]

        func validate() throws {
            guard !paths.isEmpty else { throw ValidationError(global.say(
                "Name at least one .eml file, mbox file or Maildir.", "Nennen Sie mindestens eine .eml-Datei, mbox-Datei oder ein Maildir.")) }
        }

        func run() async throws {
            // Everything is read before anything is written: a path that cannot be read changes nothing.
            var messages: [MailFile] = []
            for path in paths {
                guard FileManager.default.fileExists(atPath: path) else {
                    throw CLIError.noSuchFile(path: path)
                }
                do {
                    messages += try Kontor.mailFiles(at: path)
                } catch let error as AppError {
                    throw error
                } catch {
                    throw CLIError.cannotRead(path: path, reason: error.localizedDescription)
                }
            }
            let report = try await global.kontor().importMail(messages, now: Date())
            if global.json {
                try Output.json(report.items.map(MailImportOutput.json))
            } else {
                for item in report.items { print(MailImportOutput.line(item, language: global.language)) }
                print(global.say(
                    "Imported \(report.inquiries) as inquiries, \(report.notes) as notes; "
                        + "\(report.duplicates) imported before, \(report.refused) refused.",
                    "\(report.inquiries) als Anfragen und \(report.notes) als Notizen eingelesen; "
                        + "\(report.duplicates) schon früher eingelesen, \(report.refused) abgelehnt."))
            }
            if report.refused > 0 { throw ExitCode.failure }
        }
    }

    /// `kontor mail accept ID --promise DAY | --objection`: the one click of the web app.
    struct Accept: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "accept",
            abstract: "Take over an imported mail's suggestion as a promise to pay or an objection.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The imported mail's id from 'kontor mail import'.") var id: Int64
        @Option(help: "A promise to pay until this day (YYYY-MM-DD).") var promise: String?
        @Flag(help: "An objection to the work or the invoice.") var objection = false

        func validate() throws {
            guard (promise != nil) != objection else {
                throw ValidationError(global.say(
                    "Give either --promise DAY or --objection.", "Geben Sie entweder --promise TAG oder --objection an."))
            }
        }

        func run() async throws {
            let choice: SuggestionChoice =
                if let promise { .promise(until: try Day.parse(promise, what: .promisedDate)) } else { .objection }
            let note = try await global.kontor().acceptSuggestion(importedMailId: id, as: choice)
            if global.json { return try Output.json(note) }
            let kind = note.kind.word(global.language)
            print(global.say("Noted as \(kind) for customer \(note.customerId).", "Als \(kind) für Kunde \(note.customerId) notiert."))
        }
    }
}

/// How an import's items are printed.
enum MailImportOutput {
    static func line(_ item: MailImportReport.Item, language: Language) -> String {
        let de = language == .de
        let what: String
        switch item.outcome {
        case let .inquiry(inquiryId, customerId, _):
            what = de ? "Anfrage \(inquiryId) (Kunde \(customerId))" : "inquiry \(inquiryId) (customer \(customerId))"
        case let .note(noteId, customerId, answers, recordId, _):
            let record = answers.map { "\($0.rawValue) \(recordId.map(String.init) ?? "")" }
            let about = record.map { de ? " als Antwort auf \($0)" : " answering \($0)" } ?? ""
            what = (de ? "Notiz \(noteId) für Kunde \(customerId)" : "note \(noteId) for customer \(customerId)") + about
        case .duplicate:
            what = de ? "schon früher eingelesen" : "imported before"
        case .refused(let reason):
            what = (de ? "abgelehnt: " : "refused: ") + reason.word(language)
        }
        var line = "\(item.source): \(what)"
        if !item.subject.isEmpty { line += " — \(item.subject)" }
        switch item.suggestion {
        case .promise(let day)?:
            let command = "kontor mail accept \(item.importedMailId ?? 0) --promise \(day)"
            line += de
                ? " [Vorschlag: Zahlungszusage bis \(day.formatted(language)); „\(command)“]"
                : " [offer: promise to pay until \(day.formatted(language)); '\(command)']"
        case .objection?:
            let command = "kontor mail accept \(item.importedMailId ?? 0) --objection"
            line += de ? " [Vorschlag: Einspruch; „\(command)“]" : " [offer: objection; '\(command)']"
        case nil: break
        }
        return line
    }

    static func json(_ item: MailImportReport.Item) -> [String: String] {
        var result = ["source": item.source, "from": item.from, "subject": item.subject]
        if let id = item.importedMailId { result["importedMailId"] = "\(id)" }
        switch item.outcome {
        case let .inquiry(inquiryId, customerId, _):
            result["became"] = "inquiry"
            result["inquiryId"] = "\(inquiryId)"
            result["customerId"] = "\(customerId)"
        case let .note(noteId, customerId, answers, recordId, invoiceId):
            result["became"] = "note"
            result["noteId"] = "\(noteId)"
            result["customerId"] = "\(customerId)"
            if let answers { result["answers"] = answers.rawValue }
            if let recordId { result["answersRecordId"] = "\(recordId)" }
            if let invoiceId { result["invoiceId"] = "\(invoiceId)" }
        case .duplicate:
            result["became"] = "duplicate"
        case .refused(let reason):
            result["became"] = "refused"
            result["reason"] = reason.word(.en)
        }
        switch item.suggestion {
        case .promise(let day)?: result["suggestion"] = "promise:\(day)"
        case .objection?: result["suggestion"] = "objection"
        case nil: break
        }
        return result
    }
}
