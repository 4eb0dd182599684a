import Foundation
import Hummingbird
import KontorApp
import KontorCore

/// Benutzer (`/settings/users`): who may sign in and with which role; the owner changes a role here, passwords are
/// set at the machine (`kontor user set-password`), so that no password ever passes through a form of another user.
struct UserController: Sendable {
    let services: AppServices

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: self.list)
            .post("role", use: self.setRole)
    }

    /// GET /settings/users
    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        let users = try await services.kontor.webUsers()
        return try services.page(
            "settings/users", area: .settings, title: texts["users_title"], UsersPage(users, texts: texts),
            request: request, context: context)
    }

    /// POST /settings/users/role: another role for one user (the only owner stays one: `AccessError.lastOwner`).
    @Sendable func setRole(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        guard let name = context.form["name"], let text = context.form["role"] else { throw WebError.badRequest }
        let role = try Role.named(text, what: .role)
        let user = try await services.kontor.setRole(user: name, to: role)
        return services.redirect(
            "/settings/users", flash: texts.format("flash_user_role", user.name, user.role.word(context.language)),
            context: context)
    }
}

/// The users page: each user with a role chooser.
struct UsersPage: Sendable, Encodable {
    struct Row: Sendable, Encodable {
        let name: String
        let roleLabel: String
        let changedText: String
        let options: [Option]
    }

    struct Option: Sendable, Encodable {
        let value: String
        let label: String
        let selected: Bool
    }

    let rows: [Row]
    let hasUsers: Bool

    init(_ users: [WebUser], texts: Texts) {
        rows = users.map { user in
            Row(
                name: user.name, roleLabel: user.role.word(texts.language), changedText: texts.day(user.changedOn),
                options: Role.allCases.map {
                    Option(value: $0.rawValue, label: $0.word(texts.language), selected: $0 == user.role)
                })
        }
        hasUsers = !users.isEmpty
    }
}
