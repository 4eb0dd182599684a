import KontorApp
import KontorCore

/// Errors of the web layer itself.
enum WebError: Error, Sendable {
    /// An id in the address that names nothing (also ids that are not numbers).
    case notFound
    /// A POST without the session's CSRF token.
    case csrf
    /// A request the app cannot read.
    case badRequest
}

/// Shows the domain's errors in the web app: every error a user can cause words itself (`UserError`) in the
/// page's language, without the command-line hints; this is the one place the web app maps errors to text.
struct ErrorText {
    let texts: Texts

    init(_ texts: Texts) { self.texts = texts }

    /// The short message shown next to a field (the label already says which field).
    func fieldMessage(_ error: any Error) -> String {
        if let input = ErrorText.input(in: error) { return input.problem(texts.language).capitalizedFirst }
        return message(error) ?? texts["error_server_text"]
    }

    /// The full message of a user error; nil for errors that are not the user's to fix.
    func message(_ error: any Error) -> String? {
        (error as? any UserError)?.message(texts.language, for: .web)
    }

    /// Puts a use case's error into the form: next to the field it concerns (`fields` maps the domain's fields
    /// to the form's field names), else above the form. Errors that are not the user's to fix are rethrown, so
    /// that an unknown id still shows the 404 page and a refusal the 403 page.
    func place(_ error: any Error, into state: inout FormState, fields: [Field: String] = [:]) throws {
        if case .notFound? = error as? AppError { throw error }
        // A refused person cannot fix the form: the 403 page says why.
        if let access = error as? AccessError, access.isRefusal { throw error }
        if error is VATIdError, let name = fields[.vatId] {
            state.errors[name] = message(error)
            return
        }
        if let input = ErrorText.input(in: error), let field = input.field, let name = fields[field] {
            state.errors[name] = input.problem(texts.language).capitalizedFirst
            return
        }
        if let workflow = ErrorText.workflow(in: error), let field = workflow.field, let name = fields[field] {
            state.errors[name] = workflow.message(texts.language, for: .web)
            return
        }
        guard let text = message(error) else { throw error }
        state.general = text
    }

    private static func input(in error: any Error) -> InputError? {
        if case let .input(inner)? = error as? AppError { return inner }
        return error as? InputError
    }

    private static func workflow(in error: any Error) -> WorkflowError? {
        if case let .workflow(inner)? = error as? AppError { return inner }
        return error as? WorkflowError
    }
}
