public import Hummingbird
public import NIOCore
import KontorCore

/// The request context of the web app: Hummingbird's core storage plus what the session middleware found
/// (the session, the language, the parsed form of a POST).
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext, TracedRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The request's id and signed-in user for the request log.
    let trace = RequestTrace()
    /// The browser's session (set by `SessionMiddleware` for every page).
    var session: WebSession?
    /// The signed-in user's role (nil without a login: the machine's owner), for the page's header.
    var role: Role?
    /// The language of the labels: the user's choice, else the browser's `Accept-Language`, else German.
    var language: Language = .de
    /// The fields of a submitted form (url-encoded), read once and checked for the CSRF token.
    var form = FormData()
    /// The files of a submitted `multipart/form-data` form (a bank statement).
    var files: [MultipartForm.File] = []

    /// The client's address as the socket has it (nil in router tests): what "this machine" is decided by.
    public let remoteAddress: SocketAddress?

    /// Creates the context for one request.
    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The most any request body may be; the routes' own limits (`BodyLimits`) are smaller or equal.
    public var maxUploadSize: Int { BodyLimits.upload }

    /// The client's address as text for the login throttle ("unknown" when there is no socket).
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
