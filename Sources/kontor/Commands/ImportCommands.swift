import ArgumentParser
import Foundation
import KontorApp
import KontorBanking
import KontorCore

/// `kontor import FILE`: reads a bank statement and books the payments it recognises.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a bank statement (camt.053 XML or ZIP, MT940, CSV) and match payments.",
        subcommands: [Statement.self, Review.self], defaultSubcommand: Statement.self)

    struct Statement: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "file", abstract: "Import a statement file; the same file twice adds nothing.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The statement file.") var file: String
        @Option(help: "camt, mt940 or csv (default: recognised from the content).") var format: String?
        @Flag(help: "Show what would happen without keeping anything.") var dryRun = false
        @Option(help: "CSV columns, e.g. date=Buchungstag,amount=Betrag,name=Name,text=Verwendungszweck.") var map: String?
        @Option(help: "CSV preset: \(CSVPreset.all.map(\.id).joined(separator: ", ")).") var preset: String?

        func run() async throws {
            let options = try StatementImportChoices(format: format, preset: preset, mapping: map)
                .options(fileName: file)
            let interactive = isatty(2) != 0 && !global.json
            let progress: (@Sendable (Int) -> Void)? = interactive ? ImportCommand.showProgress : nil
            let result = try await global.kontor().importStatement(
                at: URL(fileURLWithPath: file), options: options, dryRun: dryRun, today: try global.day(),
                progress: progress)
            if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
            for warning in result.warnings { Output.warn(warning.message(global.language)) }
            if global.json { return try Output.json(result) }
            let (lang, say) = (global.language, global.say)
            print("\(result.file) (\(result.format))"
                + (dryRun ? say(", dry run: nothing was kept", ", Probelauf: nichts wurde behalten") : "") + ":")
            let sums = result.creditSums.sorted { $0.key < $1.key }.map {
                $0.key == "EUR" ? $0.value.formatted(lang) : "\($0.value.decimalString) \($0.key)"
            }.joined(separator: ", ")
            print(say("  \(result.entries) bookings, \(result.credits) credits (\(sums)), \(result.debits) debits",
                      "  \(result.entries) Buchungen, \(result.credits) Eingänge (\(sums)), \(result.debits) Ausgänge"))
            if result.alreadyImported > 0 {
                print(say("  \(result.alreadyImported) imported before, skipped",
                          "  \(result.alreadyImported) schon früher eingelesen, übersprungen"))
            }
            print(say("  \(result.applied.count) payment(s) booked, \(result.queued) waiting for review, \(result.ignored) ignored",
                      "  \(result.applied.count) Zahlungen gebucht, \(result.queued) warten auf Prüfung, \(result.ignored) nicht relevant"))
            for applied in result.applied {
                print("    \(applied.invoiceNumber): \(applied.amount.formatted(lang)) "
                    + "(\(applied.reason.word(lang)), \(applied.confidence) %)")
            }
            if result.queued > 0 { print(say("Review them with 'kontor import review'.", "Prüfen Sie sie mit „kontor import review“.")) }
        }
    }

    @Sendable static func showProgress(_ count: Int) {
        FileHandle.standardError.write(Data("\r\(count) entries read".utf8))
    }

    struct Review: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "review",
            abstract: "The review queue: confirm a suggestion, assign to another invoice, or dismiss.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Entry id to confirm (with its suggestion) or assign (with --invoice).") var accept: Int64?
        @Option(help: "Invoice number for --accept.") var invoice: String?
        @Option(help: "Entry id to dismiss (not a customer payment).") var dismiss: Int64?

        func run() async throws {
            let kontor = try global.kontor()
            if let accept {
                let queue = try await kontor.reviewQueue()
                guard let reference = invoice ?? queue.first(where: { $0.entry.id == accept })?.suggestedInvoices.first else {
                    throw ValidationError(global.say("Entry \(accept) has no suggestion: name the invoice with --invoice NUMBER.",
                        "Kontobewegung \(accept) hat keinen Vorschlag: Nennen Sie die Rechnung mit --invoice NUMMER."))
                }
                let entry = try await kontor.assignBankEntry(id: accept, invoice: reference)
                if global.json { return try Output.json(entry) }
                let amount = entry.amount.formatted(global.language)
                return print(global.say("Booked \(amount) from entry \(accept) on \(reference).",
                                        "\(amount) aus Kontobewegung \(accept) auf \(reference) gebucht."))
            }
            if let dismiss {
                let entry = try await kontor.dismissBankEntry(id: dismiss)
                if global.json { return try Output.json(entry) }
                return print(global.say("Dismissed entry \(entry.id).", "Kontobewegung \(entry.id) abgelegt."))
            }
            let queue = try await kontor.reviewQueue()
            if global.json { return try Output.json(queue) }
            if queue.isEmpty { return print(global.say("Nothing to review.", "Nichts zu prüfen.")) }
            let lang = global.language
            Output.table(
                lang == .de
                    ? ["Nr.", "Datum", "Betrag", "Von", "Text", "Vorschlag"] : ["ID", "Date", "Amount", "From", "Text", "Suggestion"],
                queue.map { item in
                    [String(item.entry.id), item.entry.bookingDate.formatted(lang), item.entry.amount.formatted(lang),
                     item.entry.counterpartyName ?? "", String(item.entry.text.prefix(40)),
                     item.suggestedInvoices.joined(separator: ", ") + (item.entry.confidence > 0 ? " (\(item.entry.confidence) %)" : "")]
                }, rightAligned: [0, 2])
        }
    }
}
