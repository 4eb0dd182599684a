public import Hummingbird
import KontorCore

/// The request context of the web app: Hummingbird's core storage plus what the session middleware found
/// (the session, the language, the parsed form of a POST).
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The browser's session (set by `SessionMiddleware` for every page).
    var session: WebSession?
    /// The language of the labels: the user's choice, else the browser's `Accept-Language`, else German.
    var language: Language = .de
    /// The fields of a submitted form (url-encoded), read once and checked for the CSRF token.
    var form = FormData()
    /// The files of a submitted `multipart/form-data` form (a bank statement).
    var files: [MultipartForm.File] = []

    /// Creates the context for one request.
    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// Forms are small: refused above 2 MB.
    public var maxUploadSize: Int { 2 * 1024 * 1024 }

    /// A form with a file (a year of bank statements as camt ZIP) may be up to 25 MB.
    static let maxFileUploadSize = 25 * 1024 * 1024
}
