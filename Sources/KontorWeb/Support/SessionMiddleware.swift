import HTTPTypes
import Foundation
import Hummingbird
import KontorApp
import KontorCore
import NIOCore

/// Checks that the request is meant for this server (`Host`, `Origin`, the client's address), gives every
/// browser a session (HttpOnly, SameSite=Strict cookie, Secure behind TLS), picks the language, asks for a login
/// when the server listens beyond this machine, checks the CSRF token of every POST before reading more than
/// the route allows, and adds the security headers.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: AppServices

    static let sessionCookie = "kontor_session"
    static let languageCookie = "kontor_lang"
    /// The newest change to the book this browser made (`BookChangeReceipt`): a server that has not heard of it yet
    /// renders its pages afresh rather than showing one kept from before (a write on one server, the next page
    /// from another).
    static let seenCookie = "kontor_seen"

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        var request = request
        context.language = request.cookies[SessionMiddleware.languageCookie].flatMap { Language(rawValue: $0.value) }
            ?? Texts.preferred(acceptLanguage: request.headers[.acceptLanguage])
        if let refusal = refusal(request, context: context) { return SessionMiddleware.secured(refusal) }
        let path = request.uri.path
        if path.hasPrefix("/static/") { return SessionMiddleware.secured(try await next(request, context)) }

        var isNew = true
        var response: Response
        let receipt = BookChangeReceipt()
        do {
            let resolved = try await services.sessions.resolve(
                cookie: request.cookies[SessionMiddleware.sessionCookie]?.value)
            isNew = resolved.isNew
            context.session = resolved.session
            response = try await BookChangeReceipt.$current.withValue(receipt) {
                try await guarded(&request, context: &context, isNew: isNew, path: path, next: next)
            }
        } catch {
            response = services.errorResponse(for: error, request: request, context: context)
        }
        let secure = services.isSecure(request, context: context)
        if isNew, let session = context.session {
            response.setCookie(SessionMiddleware.cookie(session.id, secure: secure))
        }
        if let change = receipt.change {
            response.setCookie(SessionMiddleware.seenCookie(change, secure: secure))
        }
        return SessionMiddleware.secured(response)
    }

    /// A response for a request that is not meant for this server: a foreign `Host` or `Origin` (DNS
    /// rebinding, a cross-site form) or, when no login is asked, a client that is not on this machine.
    private func refusal(_ request: Request, context: Context) -> Response? {
        let texts = Texts(context.language)
        // HTTP/1 puts `Host` into the authority; a second `Host` header would stay among the fields: all must fit.
        let hosts = [request.head.authority].compactMap { $0 } + request.headers[values: .hostField]
        if !hosts.allSatisfy({ services.hosts.allows(host: $0) }) {
            return .text(texts["error_foreign_host"], status: .misdirectedRequest)
        }
        if request.method != .get, request.method != .head {
            if let origin = request.headers[.origin], !services.hosts.allows(origin: origin) {
                return .text(texts["error_foreign_origin"], status: .forbidden)
            }
            if request.headers[.secFetchSite]?.lowercased() == "cross-site" {
                return .text(texts["error_foreign_origin"], status: .forbidden)
            }
        }
        if !services.requiresLogin, let address = context.remoteAddress, !HostPolicy.isLoopback(address) {
            return .text(texts["error_not_local"], status: .forbidden)
        }
        return nil
    }

    private func guarded(
        _ request: inout Request, context: inout Context, isNew: Bool, path: String,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let signedIn = context.session?.user != nil
        let open = path == "/login" || path == "/language"
        if request.method != .get && request.method != .head {
            // Nothing of the body is read for a stranger: no session, or no login where one is asked.
            guard !isNew, let session = context.session else { throw WebError.csrf }
            if services.requiresLogin, !signedIn, !open { throw WebError.csrf }
            try await readForm(&request, context: &context, session: session, path: path)
        }
        if services.requiresLogin, !signedIn, !open {
            let target = path + (request.uri.query.map { "?\($0)" } ?? "")
            let encoded = target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let next = target == "/" ? "" : "?next=" + encoded
            return .seeOther("/login" + next)
        }
        guard let name = context.session?.user else {
            let (ready, readyContext) = (request, context)
            // No one signed in: the book has no users, or this is the machine itself — the owner, as before roles.
            return try await BookActor.$current.withValue("web:local") { try await next(ready, readyContext) }
        }
        // The role is read for every request, so a changed role applies at once (the user's sessions end anyway).
        guard let user = try await services.kontor.webUser(name: name) else { throw WebError.csrf }
        context.trace.user = name
        // Set first: the refusal page names the role in its header like every other page.
        context.role = user.role
        if let action = RoutePermissions.action(method: request.method, path: path), !user.role.may(action) {
            throw AccessError.notAllowed(action, role: user.role)
        }
        let (ready, readyContext) = (request, context)
        // The audit journal names the signed-in user as the one who changed the book; the use cases check the role.
        return try await BookActor.signedIn(name, role: user.role) { try await next(ready, readyContext) }
    }

    /// Reads the form of a POST within the route's limit and checks its CSRF token (from the `X-CSRF-Token`
    /// header or the `_csrf` field); a file upload is read past its first 64 KB only with the right token.
    private func readForm(
        _ request: inout Request, context: inout Context, session: WebSession, path: String
    ) async throws {
        let header = request.headers[.csrfToken]
        let contentType = request.headers[.contentType] ?? ""
        if let boundary = MultipartForm.boundary(contentType: contentType) {
            let limit = BodyLimits.limit(path: path, multipart: true)
            try BodyLimits.checkDeclaredLength(request, limit: limit)
            let multipart = try await BodyLimits.readMultipart(
                &request, boundary: boundary, limit: limit, token: header, expected: session.csrfToken)
            context.form = multipart.fields
            context.files = multipart.files
            return
        }
        var token = header
        if contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") {
            try BodyLimits.checkDeclaredLength(request, limit: BodyLimits.form)
            let buffer = try await request.collectBody(upTo: BodyLimits.form)
            context.form = FormData(urlEncoded: String(buffer: buffer))
            if token == nil { token = context.form.raw("_csrf") }
        }
        guard let token, Token.equal(token, session.csrfToken) else { throw WebError.csrf }
    }

    /// The session cookie: only for this site, not readable by scripts, never sent cross-site.
    static func cookie(_ id: String, secure: Bool) -> Cookie {
        Cookie(name: sessionCookie, value: id, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// The change-seen cookie: a minute is long past any notification's way between two servers.
    static func seenCookie(_ change: Int64, secure: Bool) -> Cookie {
        Cookie(name: seenCookie, value: String(change), maxAge: 60, path: "/", secure: secure, httpOnly: true,
               sameSite: .strict)
    }

    /// Headers that keep the pages from being framed, sniffed or mixed with foreign scripts.
    static func secured(_ response: Response) -> Response {
        var response = response
        response.headers[.contentSecurityPolicy] =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "same-origin"
        response.headers[.xFrameOptions] = "DENY"
        return response
    }
}

extension AppServices {
    /// Whether the browser reached the app over TLS: set by `--secure-cookies`, or said by a configured proxy.
    /// Any other client's `X-Forwarded-Proto` is ignored, since a client can claim anything.
    func isSecure(_ request: Request, context: AppRequestContext) -> Bool {
        if secureCookies { return true }
        guard let address = context.remoteAddress?.ipAddress, trustedProxies.contains(address) else { return false }
        return request.headers[.xForwardedProto]?.lowercased() == "https"
    }
}

extension HTTPField.Name {
    static let xForwardedProto = HTTPField.Name("X-Forwarded-Proto")!
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
    /// `Host` as a plain field (HTTPTypes hides its own name in favour of the authority).
    static let hostField = HTTPField.Name("Host")!
}
