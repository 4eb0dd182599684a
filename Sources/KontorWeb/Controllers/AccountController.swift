import HTTPTypes
import Foundation
import Hummingbird
import KontorApp
import KontorCore

/// Signing in and out, and the language switch.
struct AccountController: Sendable {
    let services: AppServices

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get("login", use: self.show)
            .post("login", use: self.login)
            .post("logout", use: self.logout)
            .post("language", use: self.language)
    }

    struct LoginPage: Sendable, Encodable {
        let fields: [FieldView]
        let next: String
        let hasFormError: Bool
        let formError: String
    }

    private func render(
        _ state: FormState, next: String, request: Request, context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let texts = Texts(context.language)
        let make = FieldFactory(state: state, texts: texts)
        let page = LoginPage(
            fields: [
                make.text("user", "f_user", required: true, autocomplete: "username"),
                make.text("password", "f_password", type: "password", required: true, autocomplete: "current-password"),
            ],
            next: next, hasFormError: state.general != nil, formError: state.generalText)
        return try services.page("login", area: nil, title: texts["login_title"], page, request: request, context: context,
                                 status: status)
    }

    /// GET /login
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        guard services.requiresLogin, context.session?.user == nil else { return .seeOther("/") }
        let next = services.localPath(request.uri.queryParameters["next"].map(String.init), fallback: "/")
        return try render(FormState(), next: next, request: request, context: context)
    }

    /// POST /login: checks the password, then starts a fresh session (a new id, so an old one cannot be reused).
    /// Too many failures for the name or from the address are refused before any password is checked; an
    /// unknown name is checked against a decoy hash of the same cost, so it answers as slowly as a wrong password.
    @Sendable func login(request: Request, context: AppRequestContext) async throws -> Response {
        let form = context.form
        let texts = Texts(context.language)
        let next = services.localPath(form["next"], fallback: "/")
        let name = form["user"] ?? ""
        let password = form.raw("password")
        let address = context.clientAddress
        if let wait = services.throttle.wait(account: name, address: address) {
            var state = FormState(values: ["user": name])
            state.general = texts.format("login_throttled", "\(max(1, Int((wait / 60).rounded(.up))))")
            var response = try render(state, next: next, request: request, context: context, status: .tooManyRequests)
            response.headers[.retryAfter] = "\(Int(wait.rounded(.up)))"
            return response
        }
        let user = name.isEmpty ? nil : try await services.kontor.webUser(name: name)
        let matches = try await WebPasswords.verifyOffLoop(password, hash: user?.passwordHash ?? services.decoy.hash)
        guard matches, let user else {
            services.throttle.failed(account: name, address: address)
            var state = FormState(values: ["user": name])
            state.general = texts["login_failed"]
            return try render(state, next: next, request: request, context: context, status: .unauthorized)
        }
        services.throttle.succeeded(account: name, address: address)
        let session = try await services.sessions.signIn(user: user.name, replacing: context.session?.id)
        var response = Response.seeOther(next)
        response.setCookie(SessionMiddleware.cookie(session.id, secure: services.isSecure(request, context: context)))
        return response
    }

    /// POST /logout
    @Sendable func logout(request: Request, context: AppRequestContext) async throws -> Response {
        if let id = context.session?.id { try await services.sessions.signOut(id: id) }
        return .seeOther(services.requiresLogin ? "/login" : "/")
    }

    /// POST /language: remembers the choice in a cookie for a year.
    @Sendable func language(request: Request, context: AppRequestContext) async throws -> Response {
        let language = context.form["lang"].flatMap(Language.init(rawValue:)) ?? .de
        var response = services.redirect(
            services.returnPath(context.form, fallback: "/"), flash: Texts(language)["flash_language"], context: context)
        response.setCookie(Cookie(
            name: SessionMiddleware.languageCookie, value: language.rawValue, maxAge: 365 * 86_400, path: "/",
            httpOnly: true, sameSite: .strict))
        return response
    }
}
