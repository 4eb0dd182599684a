public import KontorCore

/// Errors of the use cases that a user can cause and fix; messages say how.
public enum AppError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(kind: String, id: String)
    case noProfile
    case alreadyInitialised
    case bookNotEmpty
    /// Sending mail before the mail server is set up.
    case mailNotConfigured
    case input(InputError)
    case workflow(WorkflowError)

    public var description: String {
        switch self {
        case let .notFound(kind, id):
            return "There is no \(kind) '\(id)'. List them with 'kontor \(kind) list'."
        case .noProfile:
            return "Kontor does not know your business yet. Start with 'kontor init --name \"…\"'."
        case .alreadyInitialised:
            return "The business profile exists already. Change it with 'kontor profile set …'."
        case .bookNotEmpty:
            return "The database already has customers; the demo only fills an empty one. "
                + "Use another file with --db demo.sqlite."
        case .mailNotConfigured:
            return "Kontor does not know your mail server yet. Set it up with 'kontor mail settings --host … "
                + "--security starttls --user … --from …'."
        case let .input(error): return error.description
        case let .workflow(error): return error.description
        }
    }
}

