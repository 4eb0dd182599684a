public import KontorCore
public import KontorMailReader

/// Errors of the use cases that a user can cause and fix; worded once per language below.
public enum AppError: Error, Sendable, Equatable, UserError, CustomStringConvertible {
    case notFound(RecordKind, id: String)
    case noProfile
    case alreadyInitialised
    case bookNotEmpty
    /// Sending mail before the mail server is set up.
    case mailNotConfigured
    /// A mailbox file or folder that is not mail Kontor can read.
    case unreadableMailbox(path: String, problem: MailReadError)
    case input(InputError)
    case workflow(WorkflowError)

    public func message(_ language: Language, for audience: Audience) -> String {
        let cli = audience == .commandLine
        let de = language == .de
        switch self {
        case let .notFound(kind, id):
            let base = de
                ? "\(kind.name(.de).capitalizedFirst) „\(id)“ gibt es nicht."
                : "There is no \(kind.name(.en)) '\(id)'."
            guard cli else { return base }
            return base + (de ? " Eine Liste zeigt „\(kind.listCommand)“." : " List them with '\(kind.listCommand)'.")
        case .noProfile:
            return de
                ? "Kontor kennt Ihr Geschäft noch nicht."
                    + (cli ? " Beginnen Sie mit „kontor init --name \"…\"“." : " Legen Sie zuerst Ihr Profil an.")
                : "Kontor does not know your business yet."
                    + (cli ? " Start with 'kontor init --name \"…\"'." : " Set up your profile first.")
        case .alreadyInitialised:
            return de
                ? "Das Geschäftsprofil gibt es schon." + (cli ? " Ändern Sie es mit „kontor profile set …“." : "")
                : "The business profile exists already." + (cli ? " Change it with 'kontor profile set …'." : "")
        case .bookNotEmpty:
            return de
                ? "Die Datenbank hat schon Kunden; die Demo füllt nur eine leere."
                    + (cli ? " Nehmen Sie eine andere Datei, z. B. --db demo.sqlite." : "")
                : "The database already has customers; the demo only fills an empty one."
                    + (cli ? " Use another file with --db demo.sqlite." : "")
        case .mailNotConfigured:
            let command = "kontor mail settings --host … --security starttls --user … --from …"
            return de
                ? "Kontor kennt Ihren Mailserver noch nicht."
                    + (cli ? " Richten Sie ihn mit „\(command)“ ein." : " Richten Sie ihn unter Einstellungen → E-Mail ein.")
                : "Kontor does not know your mail server yet."
                    + (cli ? " Set it up with '\(command)'." : " Set it up under Settings → E-mail.")
        case let .unreadableMailbox(path, problem):
            return de
                ? "„\(path)“ ist nicht lesbar: \(problem.word(.de)). Nichts wurde eingelesen."
                : "'\(path)' cannot be read: \(problem.word(.en)). Nothing was imported."
        case let .input(error): return error.message(language, for: audience)
        case let .workflow(error): return error.message(language, for: audience)
        }
    }
}
