import HTTPTypes
import Foundation
import Hummingbird
import KontorApp
import KontorCore
import NIOCore

/// Gives every browser a session (HttpOnly, SameSite=Strict cookie, Secure behind TLS), picks the language,
/// checks the CSRF token of every POST, asks for a login when the server listens beyond this machine, and
/// adds the security headers.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: AppServices
    let secureCookies: Bool

    static let sessionCookie = "kontor_session"
    static let languageCookie = "kontor_lang"

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        var request = request
        let path = request.uri.path
        if path.hasPrefix("/static/") { return SessionMiddleware.secured(try await next(request, context)) }

        context.language = request.cookies[SessionMiddleware.languageCookie].flatMap { Language(rawValue: $0.value) }
            ?? Texts.preferred(acceptLanguage: request.headers[.acceptLanguage])
        let secure = secureCookies || request.headers[.xForwardedProto]?.lowercased() == "https"
        var isNew = false
        let session: WebSession
        if let id = request.cookies[SessionMiddleware.sessionCookie]?.value, let found = services.sessions.session(id: id) {
            session = found
        } else {
            session = services.sessions.create()
            isNew = true
        }
        context.session = session

        var response: Response
        do {
            response = try await guarded(&request, context: &context, session: session, isNew: isNew, path: path, next: next)
        } catch {
            response = services.errorResponse(for: error, request: request, context: context)
        }
        if isNew { response.setCookie(SessionMiddleware.cookie(session.id, secure: secure)) }
        return SessionMiddleware.secured(response)
    }

    private func guarded(
        _ request: inout Request, context: inout Context, session: WebSession, isNew: Bool, path: String,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if request.method != .get && request.method != .head {
            var token = request.headers[.csrfToken]
            let contentType = request.headers[.contentType]?.lowercased() ?? ""
            if contentType.hasPrefix("application/x-www-form-urlencoded") {
                let buffer = try await request.collectBody(upTo: context.maxUploadSize)
                context.form = FormData(urlEncoded: String(buffer: buffer))
                if token == nil { token = context.form.raw("_csrf") }
            } else if let boundary = MultipartForm.boundary(contentType: request.headers[.contentType] ?? "") {
                let buffer = try await request.collectBody(upTo: AppRequestContext.maxFileUploadSize)
                let multipart = MultipartForm(data: Data(buffer.readableBytesView), boundary: boundary)
                context.form = multipart.fields
                context.files = multipart.files
                if token == nil { token = context.form.raw("_csrf") }
            }
            guard !isNew, let token, Token.equal(token, session.csrfToken) else { throw WebError.csrf }
        }
        if services.requiresLogin, session.user == nil, path != "/login", path != "/language" {
            guard request.method == .get else { throw WebError.csrf }
            let target = path + (request.uri.query.map { "?\($0)" } ?? "")
            let next = target == "/" ? "" : "?next=" + (target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            return .seeOther("/login" + next)
        }
        // The audit journal names the signed-in user as the one who changed the book.
        let actor = session.user.map { "web:\($0)" } ?? "web:local"
        let (ready, readyContext) = (request, context)
        return try await BookActor.$current.withValue(actor) { try await next(ready, readyContext) }
    }

    /// The session cookie: only for this site, not readable by scripts, never sent cross-site.
    static func cookie(_ id: String, secure: Bool) -> Cookie {
        Cookie(name: sessionCookie, value: id, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
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

extension HTTPField.Name {
    static let xForwardedProto = HTTPField.Name("X-Forwarded-Proto")!
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
