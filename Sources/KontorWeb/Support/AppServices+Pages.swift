import Foundation
import Hummingbird
import KontorApp
import KontorCore
import Logging
import NIOHTTP1

extension AppServices {
    /// Renders a page inside the layout.
    func page<Page: Sendable & Encodable>(
        _ template: String, area: Area?, title: String, _ page: Page, request: Request, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        .html(try html(template, area: area, title: title, page, request: request, context: context), status: status)
    }

    /// A page built by `make`: from the page cache when `cacheable` (a plain GET whose forms carry nothing typed),
    /// else rendered anew with `status`.
    func page<Page: Sendable & Encodable>(
        _ template: String, area: Area?, title: String, request: Request, context: AppRequestContext,
        status: HTTPResponse.Status = .ok, cacheable: Bool, make: () async throws -> Page
    ) async throws -> Response {
        if cacheable && status == .ok {
            return try await cachedPage(template, area: area, title: title, request: request, context: context, make: make)
        }
        return try page(template, area: area, title: title, try await make(), request: request, context: context,
                        status: status)
    }

    /// A page's HTML; `csrf` replaces the session's token (the page cache renders with a placeholder).
    func html<Page: Sendable & Encodable>(
        _ template: String, area: Area?, title: String, _ page: Page, request: Request, context: AppRequestContext,
        csrf: String? = nil
    ) throws -> String {
        let texts = Texts(context.language)
        let shell = makeShell(title: title, area: area, request: request, context: context, texts: texts, csrf: csrf)
        return try views.render(template, shell: shell, texts: texts, page: page)
    }

    /// Heute and other pages that depend only on the book, the day, the language and the user: served from
    /// `pages` while the book is unchanged, else built by `make` and kept.
    func cachedPage<Page: Sendable & Encodable>(
        _ template: String, area: Area?, title: String, request: Request, context: AppRequestContext,
        make: () async throws -> Page
    ) async throws -> Response {
        let session = context.session
        let seen = request.cookies[SessionMiddleware.seenCookie].flatMap { Int64($0.value) }
        // Taken before the page reads the book: a write committed in between makes the kept page stale at once.
        let stamp = try await kontor.pageStamp(seen: seen)
        let cacheable = stamp != nil && (session.map { !sessions.hasFlash(for: $0.id) } ?? false)
        let key = [template, today().description, context.language.rawValue, session?.user ?? "", request.uri.description]
            .joined(separator: "|")
        if cacheable, let session, let stamp, let html = pages.page(key: key, version: stamp, csrf: session.csrfToken) {
            return .html(html)
        }
        let page = try await make()
        guard cacheable, let session, let stamp else {
            return .html(try html(template, area: area, title: title, page, request: request, context: context))
        }
        let stored = try html(
            template, area: area, title: title, page, request: request, context: context, csrf: PageCache.csrfPlaceholder)
        return .html(pages.store(stored, key: key, version: stamp, csrf: session.csrfToken))
    }

    private func makeShell(
        title: String, area: Area?, request: Request, context: AppRequestContext, texts: Texts, csrf: String? = nil
    ) -> Shell {
        // A page rendered for the cache (with a CSRF placeholder) is shared: it must never carry a session's message.
        let flash = csrf != nil ? nil : context.session.flatMap { sessions.takeFlash(for: $0.id) }
        // The role beside the name, so that a refusal is no surprise ("anna · Autor").
        let signedIn = context.session?.user.map { name in
            context.role.map { "\(name) · \($0.word(context.language))" } ?? name
        }
        let showNav = !requiresLogin || signedIn != nil
        let other: Language = context.language == .de ? .en : .de
        var returnPath = "/"
        if request.method == .get {
            returnPath = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
        }
        return Shell(
            lang: context.language.rawValue, title: "\(title) · Kontor",
            nav: Area.allCases.map {
                Shell.NavItem(path: $0.path, label: texts[$0.labelKey], current: $0 == area, badge: nil)
            },
            showNav: showNav, csrf: csrf ?? context.session?.csrfToken ?? "", hasFlash: flash != nil,
            flashText: flash?.text ?? "", flashKind: flash?.kind.rawValue ?? "success", signedInAs: signedIn,
            todayText: texts.longDay(today()), otherLanguage: other.rawValue, otherLanguageLabel: texts["switch_language"],
            returnPath: returnPath)
    }

    /// Leaves a message for the next page and sends the browser there.
    func redirect(_ path: String, flash text: String, kind: Flash.Kind = .success, context: AppRequestContext) -> Response {
        if let id = context.session?.id { sessions.setFlash(Flash(kind: kind, text: text), for: id) }
        return .seeOther(path)
    }

    /// A local path from a form's `return` field, else `fallback` (never another site).
    func returnPath(_ form: FormData, fallback: String) -> String { localPath(form["return"], fallback: fallback) }

    /// `path` if it is a path on this site, else `fallback`.
    func localPath(_ path: String?, fallback: String) -> String {
        // Control characters would split the Location header; "//", "\\" and "://" would leave this site.
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"), !path.contains("://"),
              SingleLineText.isSingleLine(path)
        else {
            return fallback
        }
        return path
    }
}

/// The view model of the error page.
struct ErrorPage: Sendable, Encodable {
    let code: String
    let heading: String
    let message: String
    let backPath: String
    let backLabel: String
}

extension AppServices {
    /// An error page; falls back to plain HTML if even the template fails, so there is never an empty answer.
    func errorPage(
        _ status: HTTPResponse.Status, heading: String, message: String, request: Request, context: AppRequestContext
    ) -> Response {
        let texts = Texts(context.language)
        let page = ErrorPage(
            code: "\(status.code)", heading: heading, message: message, backPath: "/", backLabel: texts["back_to_today"])
        do {
            return try self.page("error", area: nil, title: heading, page, request: request, context: context, status: status)
        } catch {
            let escaped = message.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            return .html("<!doctype html><title>Kontor</title><h1>\(status.code)</h1><p>\(escaped)</p>", status: status)
        }
    }

    /// Maps any error to a page with the right status: unknown ids 404, a user's mistake 422, a step the
    /// record does not allow 409, a foreign form 403, everything else a 500 page (and a log line).
    func errorResponse(for error: any Error, request: Request, context: AppRequestContext) -> Response {
        let texts = Texts(context.language)
        let words = ErrorText(texts)
        switch error {
        case WebError.notFound:
            return errorPage(.notFound, heading: texts["error_not_found"], message: texts["error_not_found_text"],
                             request: request, context: context)
        case WebError.csrf:
            return errorPage(.forbidden, heading: texts["error_forbidden"], message: texts["error_csrf"],
                             request: request, context: context)
        case let error as AccessError:
            // A refused action is the role's limit (403); the last owner's demotion is a conflict with the book (409).
            guard error.isRefusal else {
                return errorPage(.conflict, heading: texts["error_conflict"], message: error.message(context.language),
                                 request: request, context: context)
            }
            return errorPage(.forbidden, heading: texts["error_forbidden"], message: error.message(context.language),
                             request: request, context: context)
        case WebError.badRequest:
            return errorPage(.badRequest, heading: texts["error_bad_request"], message: texts["error_bad_request_text"],
                             request: request, context: context)
        case let error as AppError:
            if case .notFound = error {
                return errorPage(.notFound, heading: texts["error_not_found"], message: words.message(error) ?? "",
                                 request: request, context: context)
            }
            let status: HTTPResponse.Status = error == .noProfile ? .conflict : .unprocessableContent
            return errorPage(status, heading: texts["error_unprocessable"], message: words.message(error) ?? "",
                             request: request, context: context)
        case let error as HTTPError:
            switch error.status {
            case .notFound, .methodNotAllowed:
                return errorPage(.notFound, heading: texts["error_not_found"], message: texts["error_not_found_text"],
                                 request: request, context: context)
            case .contentTooLarge:
                return errorPage(.contentTooLarge, heading: texts["error_too_large"], message: texts["error_too_large_text"],
                                 request: request, context: context)
            case .badRequest:
                return errorPage(.badRequest, heading: texts["error_bad_request"], message: texts["error_bad_request_text"],
                                 request: request, context: context)
            default:
                let server = error.status.code >= 500
                return errorPage(error.status, heading: texts[server ? "error_server" : "error_bad_request"],
                                 message: texts[server ? "error_server_text" : "error_bad_request_text"],
                                 request: request, context: context)
            }
        case is WorkflowError:
            return errorPage(.conflict, heading: texts["error_conflict"], message: words.message(error) ?? "",
                             request: request, context: context)
        case let error as StoreError:
            switch error {
            case .busy:
                return errorPage(.serviceUnavailable, heading: texts["error_server"], message: words.message(error) ?? "",
                                 request: request, context: context)
            case .immutable:
                return errorPage(.conflict, heading: texts["error_conflict"], message: words.message(error) ?? "",
                                 request: request, context: context)
            case .corrupt, .unusable, .failed:
                logger.error("database error", error: error, metadata: [
                    "method": "\(request.method)", "path": "\(request.uri.path)",
                ])
                return errorPage(.internalServerError, heading: texts["error_server"],
                                 message: texts["error_server_text"], request: request, context: context)
            }
        default:
            if let message = words.message(error) {
                return errorPage(.unprocessableContent, heading: texts["error_unprocessable"], message: message,
                                 request: request, context: context)
            }
            if error is HTTPParserError {
                // Malformed chunked encoding or headers: the client's fault, not the server's.
                return errorPage(.badRequest, heading: texts["error_bad_request"], message: texts["error_bad_request_text"],
                                 request: request, context: context)
            }
            if !context.files.isEmpty {
                // An uploaded file that a reader could not take apart: the file's fault, never a server error.
                return errorPage(.unprocessableContent, heading: texts["error_unprocessable"],
                                 message: texts["error_file_unreadable"], request: request, context: context)
            }
            if String(reflecting: type(of: error)).contains("TooManyBytes") {
                return errorPage(.contentTooLarge, heading: texts["error_too_large"], message: texts["error_too_large_text"],
                                 request: request, context: context)
            }
            logger.error("unexpected error", error: error, metadata: [
                "method": "\(request.method)", "path": "\(request.uri.path)",
            ])
            return errorPage(.internalServerError, heading: texts["error_server"], message: texts["error_server_text"],
                             request: request, context: context)
        }
    }
}
