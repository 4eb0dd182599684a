import ArgumentParser
import Foundation
import KontorCore

/// The exit codes of `kontor`, as the README lists them.
enum ExitStatus {
    /// A mistake the message says how to fix (also `audit verify` finding a break).
    static let userError: Int32 = 1
    /// The command line itself is wrong: an unknown command or option, a missing argument (ArgumentParser's 64).
    static let usageError: Int32 = 64
    /// Something Kontor did not expect: a bug or a broken environment, reported with its cause.
    static let internalError: Int32 = 70
}

/// Entry point: runs a command and turns every error into one clear line and one of the `ExitStatus` codes.
@main
struct Main {
    static func main() async {
        do {
            var command = try KontorCommand.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            await OpenBooks.closeAll()
        } catch {
            await OpenBooks.closeAll()
            let language = CLILanguage.ofProcess()
            if let message = UserMessage.describe(error, language: language) {
                FileHandle.standardError.write(Data("\(language == .de ? "Fehler" : "error"): \(message)\n".utf8))
                exit(ExitStatus.userError)
            }
            // ArgumentParser's own errors (usage, help, an `ExitCode` a command throws) carry their code; anything
            // else it would end with 1 too, which would make a bug look like a typing mistake.
            if KontorCommand.exitCode(for: error) == .failure && !(error is ExitCode) {
                let explanation = language == .de
                    ? "interner Fehler: \(error)\nDas ist ein Fehler in Kontor oder seiner Umgebung, nicht in Ihrer Eingabe.\n"
                    : "internal error: \(error)\nThis is a fault in Kontor or its surroundings, not in what you typed.\n"
                FileHandle.standardError.write(Data(explanation.utf8))
                exit(ExitStatus.internalError)
            }
            KontorCommand.exit(withError: error)
        }
    }
}

/// `kontor`: the back office of a freelance writer.
struct KontorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kontor",
        abstract: "Kontor – the back office of a freelance writer: customers, inquiries, quotes, jobs, invoices.",
        subcommands: [
            InitCommand.self, ProfileCommand.self, CustomerCommand.self, InquiryCommand.self, QuoteCommand.self,
            JobCommand.self, InvoiceCommand.self, PaymentCommand.self, TodayCommand.self, NoteCommand.self,
            DemoCommand.self, InterestCommand.self, DueDateCommand.self, SettingsCommand.self,
            RemindCommand.self, ReportCommand.self, EInvoiceCommand.self, AgendaCommand.self,
            ImportCommand.self, ServeCommand.self, UserCommand.self, MailCommand.self, AuditCommand.self,
            BackupCommand.self, RestoreCommand.self, ExportCommand.self, ImportBookCommand.self, MigrateCommand.self,
        ])
}
