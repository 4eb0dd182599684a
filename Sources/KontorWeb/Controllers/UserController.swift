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
            .post("capacity", use: self.setCapacity)
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

extension UserController {
    /// POST /settings/users/capacity: a writer's own writing hours (Mon–Sun, e.g. 4,4,4,4,4,0,0) and a vacation to
    /// add; `reset` plans them with the book's hours again.
    @Sendable func setCapacity(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        guard let name = context.form["name"] else { throw WebError.badRequest }
        let user = try await services.kontor.setCapacity(
            user: name, to: try await Self.week(from: context.form, of: name, kontor: services.kontor))
        return services.redirect(
            "/settings/users", flash: texts.format("flash_user_capacity", user.name), context: context)
    }

    /// The week a writing-times form asks for (the users page's and a writer's own): the hours typed, else the
    /// week as planned now, with the vacation added; nil when `reset` asks for the book's times again.
    /// - Throws: `InputError` for a malformed day or hours, or half a vacation — worded next to the form.
    static func week(from form: FormData, of name: String, kontor: Kontor) async throws -> WorkingCapacity? {
        if form.flag("reset") { return nil }
        func day(_ field: String, _ what: Field) throws -> Day? {
            guard let text = form[field]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return try Day.parse(text, what: what)
        }
        let first = try day("first", .vacationStart)
        let last = try day("last", .vacationEnd)
        var week = try await kontor.plannedWeek(of: name)
        if let text = form["hours"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            week.hoursPerWeekday = try WorkingCapacity.week(parsing: text)
        }
        if (first == nil) != (last == nil) {
            throw InputError.missing(what: first == nil ? .vacationStart : .vacationEnd, fix: "first, last")
        }
        if let first, let last { try week.addVacation(first: first, last: last) }
        return week
    }
}

/// The users page: each user with a role chooser.
struct UsersPage: Sendable, Encodable {
    struct Row: Sendable, Encodable {
        let name: String
        let roleLabel: String
        let changedText: String
        let options: [Option]
        /// The writer's week (Mon–Sun hours) and vacations, or the book's.
        let weekText: String
        let hoursValue: String
        /// Where the row's writing-times form goes (`partials/week_form`).
        let action = "/settings/users/capacity"
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
                },
                weekText: user.capacity.map { Self.week($0, texts: texts) } ?? texts["users_week_book"],
                hoursValue: user.capacity.map { Self.hours($0, texts: texts) } ?? "")
        }
        hasUsers = !users.isEmpty
    }

    static func hours(_ week: WorkingCapacity, texts: Texts) -> String {
        week.hoursPerWeekday.map { texts.quantity(Quantity(thousandths: $0)) }.joined(separator: ", ")
    }

    static func week(_ week: WorkingCapacity, texts: Texts) -> String {
        let vacations = week.vacations.map { "\(texts.day($0.first))–\(texts.day($0.last))" }
        return hours(week, texts: texts) + " h"
            + (vacations.isEmpty ? "" : " · " + texts["users_vacations"] + " " + vacations.joined(separator: ", "))
    }
}
