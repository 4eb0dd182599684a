import ArgumentParser
import Foundation

/// Entry point: runs a command and turns every error a user can cause into one clear line and exit code 1.
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
        } catch {
            if let message = UserMessage.describe(error) {
                FileHandle.standardError.write(Data("error: \(message)\n".utf8))
                exit(1)
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
            BackupCommand.self, RestoreCommand.self, ExportCommand.self, ImportBookCommand.self,
        ])
}
